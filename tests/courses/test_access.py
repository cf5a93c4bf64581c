"""Who reaches which course page: roles x routes, with 404 for what one may not see."""
import pytest


@pytest.fixture
def world(make_user, make_course, client_for):
    course = make_course(modules=1, lessons=1)
    draft = make_course(modules=1, lessons=1, publish=False)
    enrolled = make_user()
    client_for(enrolled).post(f"/courses/{course.slug}/enrol")
    return {"course": course, "draft": draft, "enrolled": enrolled,
            "learner": make_user(), "other trainer": make_user(role="trainer"),
            "admin": make_user(role="admin")}


def browser(role, world, client, client_for):
    if role == "anonymous":
        return client
    if role == "course trainer":
        return client_for(world["course"].trainer)
    return client_for(world[role])


ROLES = ["anonymous", "learner", "enrolled", "other trainer", "course trainer", "admin"]
# path template: {role: expected status}; roles not named get the `other` status
PAGES = [
    ("/courses/{course.slug}", {"other": 200}),
    ("/courses/{draft.slug}", {"admin": 200, "other": 404}),
    ("/courses/{course.slug}/lessons/{lesson}",
     {"anonymous": 302, "learner": 404, "other trainer": 404, "other": 200}),
    ("/courses/{course.slug}/outline",
     {"anonymous": 302, "learner": 403, "enrolled": 403, "other trainer": 404, "other": 200}),
    ("/courses/{course.slug}/edit",
     {"anonymous": 302, "learner": 403, "enrolled": 403, "other trainer": 404, "other": 200}),
    ("/courses/{course.slug}/report",
     {"anonymous": 302, "learner": 403, "enrolled": 403, "other trainer": 404, "other": 200}),
    ("/courses/{course.slug}/trainers",
     {"anonymous": 302, "learner": 403, "enrolled": 403, "other trainer": 404, "other": 200}),
    ("/courses/new", {"anonymous": 302, "learner": 403, "enrolled": 403, "other": 200}),
    ("/courses/media/", {"anonymous": 302, "learner": 403, "enrolled": 403, "other": 200}),
    ("/courses/my", {"anonymous": 302, "other": 200}),
    ("/courses/verify/", {"other": 200}),
    ("/courses/badges/issuer", {"other": 200}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("template, expected", PAGES, ids=[p for p, _e in PAGES])
def test_access_by_role(world, client, client_for, role, template, expected):
    path = template.format(course=world["course"], draft=world["draft"],
                           lesson=world["course"].lesson_ids[0])
    response = browser(role, world, client, client_for).get(path)
    assert response.status_code == expected.get(role, expected["other"]), (role, path)
    if response.status_code == 302:
        assert response.headers["Location"].startswith("/login?next=")
