"""Odd addresses and form values never give a server error on any courses page."""
import io


def test_bad_input_never_gives_a_server_error(client, make_user, make_course, client_for):
    course = make_course(modules=1, lessons=2)
    trainer = client_for(course.trainer)
    learner = client_for(make_user())
    bad = ["x" * 300, "'\"<>", "%00", "../../etc/passwd", "-1", "99999999999999999999"]
    paths = []
    for b in bad:
        paths += [f"/courses/{b}", f"/courses/{course.slug}/lessons/{b}", f"/courses/verify/{b}",
                  f"/courses/badges/assertions/{b}", f"/courses/badges/{b}/badge",
                  f"/courses/media/{b}", f"/courses/?q={b}&language={b}&topic={b}&page={b}",
                  f"/courses/certificates/{b}", f"/courses/{course.slug}/report?cohort={b}",
                  f"/courses/invitations/{b}"]
    for p in paths:
        for c in (client, trainer, learner):
            status = c.get(p).status_code
            assert status < 500, (p, status)
    posts = [(f"/courses/{course.slug}/enrol", {"key": "x" * 1000}),
             (f"/courses/{course.slug}/modules", {"title": ""}),
             (f"/courses/{course.slug}/modules", {"title": "nul\x00in a title"}),
             ("/courses/preview", {"body": "nul\x00in a body"}),
             (f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/edit",
              {"title": "T\x00", "body": "nul\x00in a body"}),
             ("/courses/new", {"title": "T\x00", "language": "en", "topic": "collaboration",
                               "licence": "CC0-1.0", "enrolment": "open",
                               "summary": "\x00"}),
             (f"/courses/{course.slug}/modules", {"title": "x" * 1000}),
             (f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/edit",
              {"title": "", "body": "x"}),
             (f"/courses/{course.slug}/translations", {"language": "zz"}),
             (f"/courses/{course.slug}/invite", {"emails": "a@b.c " * 300, "cohort": "abc"}),
             (f"/courses/{course.slug}/cohorts", {"name": ""}),
             (f"/courses/{course.slug}/learners/1/cohort", {"cohort": "abc"}),
             (f"/courses/{course.slug}/trainers", {"email": ""}),
             ("/courses/new", {"title": "T", "estimated_hours": "abc", "language": "en",
                               "topic": "x"}),
             ("/courses/preview", {"body": "x" * 200_000}),
             (f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/move/up", {}),
             (f"/courses/{course.slug}/status/published", {}),
             ]
    for p, d in posts:
        for c in (trainer, learner):
            status = c.post(p, data=d).status_code
            assert status < 500, (p, status)
    refused = trainer.post("/courses/new", data={
        "title": "T", "language": "en", "topic": "collaboration", "licence": "CC0-1.0",
        "enrolment": "open", "cover": (io.BytesIO(b"%PDF-1.4"), "x.png")},
        content_type="multipart/form-data")
    assert refused.status_code == 200 and "not accepted" in refused.get_data(as_text=True)
