"""Learners find courses, enrol, read lessons, mark them done and continue where they left off."""
import pytest
from sqlalchemy import insert

from courses.models import Course
from lms.extensions import db
from tests.helpers.quizzes import make_quiz


def enrolled_client(client_for, make_user, course):
    learner = make_user()
    browser = client_for(learner)
    assert browser.post(f"/courses/{course.slug}/enrol").status_code == 302
    return learner, browser


def test_the_catalogue_lists_only_published_courses(client, make_course):
    make_course(title="Interpreting in counselling", summary="Working with interpreters")
    make_course(title="Unfinished draft", publish=False)
    page = client.get("/courses/").get_data(as_text=True)
    assert "Interpreting in counselling" in page and "Unfinished draft" not in page


@pytest.mark.parametrize("query, shown", [
    ("q=interpreters", {"Interpreting in counselling"}),
    ("q=housing+rights", {"Housing rights"}),
    ("language=de", {"Wohnen"}),
    ("topic=rights", {"Housing rights"}),
    ("q=nothing-like-this", set()),
])
def test_search_and_filters(client, make_course, query, shown):
    make_course(title="Interpreting in counselling", summary="Working with interpreters",
                topic="counselling")
    make_course(title="Housing rights", summary="Rights of tenants", topic="rights")
    make_course(title="Wohnen", summary="Wohnungssuche", language="de", topic="community")
    page = client.get(f"/courses/?{query}").get_data(as_text=True)
    titles = {"Interpreting in counselling", "Housing rights", "Wohnen"}
    assert {title for title in titles if title in page} == shown


def test_draft_courses_are_hidden_from_learners(client, auth, make_user, make_course):
    course = make_course(publish=False)
    auth.login(make_user())
    assert client.get(f"/courses/{course.slug}").status_code == 404
    assert client.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}").status_code == 404


def test_enrolment_with_a_key(client, auth, make_user, make_course):
    course = make_course(enrolment="key", enrolment_key="Bridge-2026")
    auth.login(make_user())
    wrong = client.post(f"/courses/{course.slug}/enrol", data={"key": "bridge"})
    assert wrong.status_code == 400
    assert "This enrolment key is not right" in wrong.get_data(as_text=True)
    assert client.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}").status_code == 404
    client.post(f"/courses/{course.slug}/enrol", data={"key": "Bridge-2026"})
    assert client.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}").status_code == 200


def test_invitation_only_courses_refuse_self_enrolment(client, auth, make_user, make_course):
    course = make_course(enrolment="invitation")
    auth.login(make_user())
    assert client.post(f"/courses/{course.slug}/enrol").status_code == 302
    assert client.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}").status_code == 404


def test_learning_through_a_course_to_its_certificate(client_for, make_user, make_course):
    course = make_course(modules=2, lessons=1)
    _learner, browser = enrolled_client(client_for, make_user, course)
    first, second = course.lesson_ids
    page = browser.get(f"/courses/{course.slug}").get_data(as_text=True)
    assert "Start the course" in page and "0 of 2 lessons done" in page
    lesson = browser.get(f"/courses/{course.slug}/lessons/{first}").get_data(as_text=True)
    assert "Text of lesson 1.1." in lesson and "Mark as done" in lesson
    # the outline's links are relative to the lesson's address: ".../lessons/<id>"
    assert f'<a href="{first}" aria-current="page">' in lesson
    assert f'<a href="{second}">' in lesson
    done = browser.post(f"/courses/{course.slug}/lessons/{first}/done")
    assert done.headers["Location"] == f"/courses/{course.slug}/lessons/{second}"
    dashboard = browser.get("/courses/my").get_data(as_text=True)
    assert "1 of 2 lessons done (50 %)" in dashboard
    assert f'href="/courses/{course.slug}/lessons/{second}"' in dashboard
    finished = browser.post(f"/courses/{course.slug}/lessons/{second}/done")
    assert finished.headers["Location"].startswith("/courses/certificates/")


def test_the_outline_beside_a_lesson_opens_its_own_module_only(
        client_for, make_user, make_course):
    """On a phone the outline comes first: the lesson's module lists its lessons, the others
    are one link each (to their first lesson) with how many of their lessons are done."""
    course = make_course(modules=3, lessons=2)
    _learner, browser = enrolled_client(client_for, make_user, course)
    first, second, third, fourth, fifth, sixth = course.lesson_ids
    browser.post(f"/courses/{course.slug}/lessons/{fourth}/done")
    page = browser.get(f"/courses/{course.slug}/lessons/{second}").get_data(as_text=True)
    start = page.index('class="course-outline"')
    outline = page[start:page.index("</nav>", start)]
    assert f'<a href="{first}">Lesson 1.1</a>' in outline
    assert f'<a href="{second}" aria-current="page">Lesson 1.2</a>' in outline
    assert f'<a href="{third}">Module 2</a> <span class="muted">1 of 2 done</span>' in outline
    assert f'<a href="{fifth}">Module 3</a> <span class="muted">0 of 2 done</span>' in outline
    assert "Lesson 2.1" not in outline and f'href="{sixth}"' not in outline
    # the course page still shows every lesson
    course_page = browser.get(f"/courses/{course.slug}").get_data(as_text=True)
    assert all(f"Lesson {m}.{n}" in course_page for m in (1, 2, 3) for n in (1, 2))


def test_continue_where_you_left_off(client_for, make_user, make_course):
    course = make_course(modules=2, lessons=2)
    _learner, browser = enrolled_client(client_for, make_user, course)
    browser.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[2]}")
    dashboard = browser.get("/courses/my").get_data(as_text=True)
    assert "Continue where you left off" in dashboard
    assert f'href="/courses/{course.slug}/lessons/{course.lesson_ids[2]}"' in dashboard


def test_a_quiz_cannot_be_ticked_off_by_hand(client_for, make_user, make_course):
    course = make_course(modules=1, lessons=2, quiz=True)
    _learner, browser = enrolled_client(client_for, make_user, course)
    quiz = course.lesson_ids[1]
    assert "Mark as done" not in browser.get(
        f"/courses/{course.slug}/lessons/{quiz}").get_data(as_text=True)
    assert browser.post(f"/courses/{course.slug}/lessons/{quiz}/done").status_code == 400


def add_catalogue(app, count):
    with app.app_context():
        db.session.execute(insert(Course), [
            {"slug": f"filler-{n}", "title": f"Filler {n}", "status": "published",
             "published_version": 0} for n in range(count)])
        db.session.commit()


def test_the_lesson_page_needs_six_queries_at_most(app, client_for, make_user, make_course,
                                                   count_queries):
    add_catalogue(app, 1000)
    course = make_course(modules=10, lessons=20, quiz=True)
    assert len(course.lesson_ids) == 200
    make_quiz(app, course)   # the last lesson is a quiz, published with its questions
    _learner, browser = enrolled_client(client_for, make_user, course)
    browser.post(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/done")
    for lesson_id in (course.lesson_ids[1], course.lesson_ids[150], course.lesson_ids[150],
                      course.lesson_ids[-1]):
        with count_queries() as counter:
            response = browser.get(f"/courses/{course.slug}/lessons/{lesson_id}")
        assert response.status_code == 200
        assert counter.count <= 6, "\n".join(s.split("\n")[0][:90] for s in counter.statements)
    assert "Open the quiz" in response.get_data(as_text=True)   # the last one was the quiz
    # once a release's outline and the lesson's text are known, a lesson read again is two
    # statements: the session and the person; the course with its release, and the learner's
    # enrolment and progress (a lesson read for the first time also notes where the learner is)
    browser.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[7]}")
    with count_queries() as counter:
        assert browser.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[7]}") \
            .status_code == 200
    assert counter.count == 2, "\n".join(s.split("\n")[0][:90] for s in counter.statements)


def test_a_lesson_pushed_out_of_the_kept_texts_is_read_again(client_for, make_user,
                                                             make_course, count_queries,
                                                             monkeypatch):
    from courses.services import lesson_page
    from lms.memo import LRU
    course = make_course(modules=1, lessons=3)
    _learner, browser = enrolled_client(client_for, make_user, course)
    first, second, _third = course.lesson_ids

    def view(lesson_id):
        with count_queries() as counter:
            page = browser.get(f"/courses/{course.slug}/lessons/{lesson_id}")
        assert page.status_code == 200
        reads = [s for s in counter.statements if "FROM courses_released_lesson" in s]
        return page.get_data(as_text=True), len(reads)

    view(first)
    # room for both lessons: the first is still kept after the second is read
    monkeypatch.setattr(lesson_page, "_LESSONS", LRU(10 ** 6, lesson_page._weight))
    assert view(first)[1] == 1 and view(second)[1] == 1
    text, reads = view(first)
    assert reads == 0 and "Text of lesson 1.1." in text
    # room for one: reading the second pushes the first out, which is then read again
    monkeypatch.setattr(lesson_page, "_LESSONS", LRU(1, lesson_page._weight))
    assert view(first)[1] == 1 and view(second)[1] == 1
    text, reads = view(first)
    assert reads == 1 and "Text of lesson 1.1." in text and "Text of lesson 1.2." not in text
    assert len(lesson_page._LESSONS) == 1


def test_the_lesson_page_runs_no_markdown_or_bleach(app, client_for, make_user, make_course,
                                                    monkeypatch):
    import bleach
    import markdown
    course = make_course(modules=1, lessons=2)
    _learner, browser = enrolled_client(client_for, make_user, course)

    def refuse(*args, **kwargs):
        raise AssertionError("Markdown or bleach ran while a page was viewed")
    for module, name in ((markdown, "markdown"), (markdown, "Markdown"), (bleach, "clean"),
                         (bleach, "linkify"), (bleach.sanitizer.Cleaner, "clean")):
        monkeypatch.setattr(module, name, refuse)
    lesson = browser.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}")
    assert lesson.status_code == 200 and "<h2 id=\"part-11\">Part 1.1</h2>" in \
        lesson.get_data(as_text=True)
    assert browser.get(f"/courses/{course.slug}").status_code == 200
