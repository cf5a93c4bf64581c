"""Factories for the OER tests: snapshots and releases made directly, without a course."""
import itertools

import pytest

from lms.extensions import db
from lms.publishing import Choice, Part, Question, Snapshot


def sample_snapshot(number=1, lessons=3, **fields):
    """A course-like snapshot: one module of `lessons` pages, a quiz and a discussion."""
    pages = [Part(id=f"lesson-{n}", title=f"Lesson {n}", kind="page",
                  html=f"<h2>Part {n}</h2><p>Text of lesson {n} about cooperation.</p>")
             for n in range(1, lessons + 1)]
    quiz = Part(id="quiz-1", title="Check your understanding", kind="quiz", pass_mark=50,
                html="<p>Two questions.</p>", questions=[
                    Question(id="q1", kind="single", prompt="Who coordinates a network?",
                             choices=[Choice(id="a", text="A coordinator", correct=True),
                                      Choice(id="b", text="Nobody")]),
                    Question(id="q2", kind="true_false", prompt="Partners sign off a plan.",
                             choices=[Choice(id="t", text="true", correct=True),
                                      Choice(id="f", text="false")])])
    discussion = Part(id="discussion-1", title="Discuss: your network", kind="discussion",
                      html="<p>Which partner is missing in your region?</p>")
    values = dict(
        kind="courses.course", key=str(number), title=f"Sample resource {number}",
        description=f"A sample open educational resource number {number}.",
        language="en", licence="CC-BY-SA-4.0",
        source_url=f"http://localhost/courses/sample-{number}/",
        authors=["Ada Trainer"], organisations=["Open Learning Association"],
        keywords=["cooperation", "networks"], resource_type="course",
        facets={"integration_area": "labour", "country": "DE", "level": "regional"},
        parts=[Part(id="module-1", title="Module 1", kind="section",
                    parts=pages + [quiz, discussion])])
    values.update(fields)
    return Snapshot(**values)


@pytest.fixture
def make_release(app):
    """make_release(snapshot=None, slug=None, withdrawn=False, **snapshot fields) -> OerRelease id.

    Stores an item and a current release straight in the database (no packages are built):
    for tests of pages and protocols that read releases.
    """
    from oer.models import OerItem, OerRelease
    numbers = itertools.count(1)

    def make(snapshot=None, slug=None, withdrawn=False, published_at=None, **fields):
        number = next(numbers)
        snapshot = snapshot or sample_snapshot(number, **fields)
        with app.app_context():
            item = db.session.execute(db.select(OerItem).filter_by(
                kind=snapshot.kind, key=snapshot.key)).scalar_one_or_none()
            if item is None:
                item = OerItem(kind=snapshot.kind, key=snapshot.key,
                               slug=slug or f"sample-resource-{number}")
                db.session.add(item)
                db.session.flush()
            for old in item.releases:
                old.is_current = False
            release = OerRelease(
                item=item, number=len(item.releases) + 1, title=snapshot.title,
                description=snapshot.description, language=snapshot.language,
                licence=snapshot.licence, resource_type=snapshot.resource_type,
                integration_area=snapshot.facets.get("integration_area", ""),
                country=snapshot.facets.get("country", ""),
                level=snapshot.facets.get("level", ""), snapshot=snapshot.to_dict(),
                is_current=not withdrawn)
            if published_at is not None:
                release.published_at = release.changed_at = published_at
            if withdrawn:
                from lms.timeutil import utcnow
                release.withdrawn_at = release.changed_at = utcnow()
                release.withdrawn_reason = "Withdrawn in a test."
            db.session.add(release)
            db.session.commit()
            return release.id

    return make
