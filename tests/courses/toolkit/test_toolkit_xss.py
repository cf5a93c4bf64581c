"""Known XSS payloads in every text and Markdown field of quizzes and the toolkit are
neutralised, in what is stored and in every page that shows them."""
import io
import re

from sqlalchemy import select

from courses.models import AssessmentDimension
from lms.extensions import db
from tests.helpers.quizzes import enrol, quiz_url
from tests.helpers.safety import problems
from tests.helpers.xss_payloads import PAYLOADS


def safe_page(response):
    """Problems in a served page; our own bar charts are SVG, their text is still checked."""
    assert response.status_code == 200, response.request.path
    html = re.sub(r'<svg class="bar-chart"[^>]*>', "<div>", response.get_data(as_text=True))
    return problems(html.replace("</svg>", "</div>"), page=True)


def test_payloads_in_self_assessment_fields(app, client, auth, make_user, client_for):
    auth.login(make_user(role="trainer"))
    learner = client_for(make_user())
    for payload in PAYLOADS:
        response = client.post("/toolkit/assessments/new", data={
            "title": payload[:190], "summary": payload, "language": "en", "low_threshold": "40",
            "high_threshold": "75"})
        assert response.status_code == 302, payload
        tool = response.headers["Location"].split("/")[3]
        client.post(f"/toolkit/assessments/{tool}/dimensions/new", data={
            "title": payload[:190], "description": payload, "statements": payload[:400],
            "advice_low": payload, "advice_middle": payload, "advice_high": payload})
        client.post(f"/toolkit/assessments/{tool}/status")
        with app.app_context():
            dimension = db.session.scalar(select(AssessmentDimension).order_by(
                AssessmentDimension.id.desc()))
            assert dimension.advice_low == payload
            for band in ("low", "middle", "high"):
                html = dimension.advice_html(band)
                assert not problems(html), (payload, html)
            answers = {f"statement-{s.id}": "3" for s in dimension.statements}
        response = learner.post(f"/toolkit/assessments/{tool}/answer",
                                data={"organisation": "", **answers})
        assert response.status_code == 302, payload
        pages = [learner.get(f"/toolkit/assessments/{tool}"),
                 learner.get(f"/toolkit/assessments/{tool}/answer"),
                 learner.get(response.headers["Location"]),
                 client.get(f"/toolkit/assessments/{tool}/edit"),
                 client.get(f"/toolkit/assessments/{tool}/dimensions/{dimension.id}")]
        for page in pages:
            found = safe_page(page)
            assert not found, (payload, page.request.path, found)
    assert not safe_page(learner.get("/toolkit/"))


def test_payloads_in_quiz_and_resource_fields(app, client, auth, make_user, make_course,
                                              client_for):
    course = make_course(quiz=True)
    lesson_id = course.lesson_ids[-1]
    learner = make_user()
    enrol(app, learner, course)
    learner_client = client_for(learner)
    auth.login(course.trainer)
    for number, payload in enumerate(PAYLOADS):
        text = payload[:400]
        client.post(quiz_url(course, lesson_id, "edit"), data={
            "intro": payload[:2000], "pass_mark": "50", "shuffle": "y"})
        for kind, options in (("single", {"options-0-text": text, "options-0-correct": "y",
                                          "options-0-feedback": text, "options-1-text": "x"}),
                              ("matching", {"options-0-text": text, "options-0-match": text,
                                            "options-1-text": "a", "options-1-match": "b"}),
                              ("short", {"accepted_answers": text})):
            response = client.post(quiz_url(course, lesson_id, f"questions/new?kind={kind}"),
                                   data={"prompt": text, "feedback": text, **options})
            assert response.status_code == 302, (payload, kind)
        client.post(f"/toolkit/courses/{course.slug}/resources", data={
            "title": payload[:190], "kind": "template", "description": payload[:1000],
            "file": (io.BytesIO(payload.encode()), f"{number}.md")},
            content_type="multipart/form-data")
    assert client.post(f"/courses/{course.slug}/publish").status_code == 302
    attempt = learner_client.post(quiz_url(course, lesson_id), data={})
    assert attempt.status_code == 302
    pages = [learner_client.get(quiz_url(course, lesson_id)),
             learner_client.get(attempt.headers["Location"]),
             learner_client.get(f"/courses/{course.slug}"),
             learner_client.get("/toolkit/"),
             client.get(quiz_url(course, lesson_id, "edit")),
             client.get(quiz_url(course, lesson_id, "statistics")),
             client.get(quiz_url(course, lesson_id, "preview")),
             client.post(quiz_url(course, lesson_id, "preview"), data={}),
             client.get(f"/toolkit/courses/{course.slug}/resources")]
    edit = pages[4].get_data(as_text=True)
    question_ids = re.findall(rf'/quizzes/{lesson_id}/questions/(\d+)"', edit)
    assert len(question_ids) == 3 * len(PAYLOADS)
    pages += [client.get(quiz_url(course, lesson_id, f"questions/{question}"))
              for question in question_ids[:3] + question_ids[-3:]]
    for page in pages:
        found = safe_page(page)
        assert not found, (page.request.path, found)
