"""Builds self-assessment tools and attempts for the toolkit tests."""
from sqlalchemy import select

from courses.models.assessment import AssessmentAttempt, AssessmentTool
from courses.toolkit.services import authoring, results
from lms.extensions import db
from lms.models import User

ADVICE = {"low": "Start **small**: map who does what.", "middle": "Agree on *shared goals*.",
          "high": "Share your approach with other regions."}


def make_tool(app, author, title="Working together", status="published",
              dimensions=(("Effectiveness", ("We meet our goals.", "We measure results.")),
                          ("Evaluation", ("We ask participants for feedback.",)))):
    """A tool by `author` with (title, statements) dimensions; returns its slug."""
    with app.app_context():
        tool = authoring.create_tool(db.session.get(User, author.id), title=title,
                                    summary="For teams.", language="en", low_threshold=40,
                                    high_threshold=75)
        for name, statements in dimensions:
            authoring.save_dimension(tool, None, title=name, description="",
                                    statements="\n".join(statements), advice=ADVICE)
        tool.status = status
        db.session.commit()
        return tool.slug


def statement_ids(app, slug):
    """[(dimension title, [statement ids])] in order."""
    with app.app_context():
        tool = db.session.scalar(select(AssessmentTool).where(AssessmentTool.slug == slug))
        return [(d.title, [s.id for s in d.statements]) for d in tool.dimensions]


def answers_for(app, slug, value=4, organisation=""):
    data = {"organisation": str(organisation)}
    for _title, ids in statement_ids(app, slug):
        data.update({f"statement-{i}": str(value) for i in ids})
    return data


def add_attempt(app, slug, user, value, organisation_id=None):
    """An attempt made directly through the service, every statement answered `value`."""
    with app.app_context():
        tool = db.session.scalar(select(AssessmentTool).where(AssessmentTool.slug == slug))
        values = {s.id: value for d in tool.dimensions for s in d.statements}
        attempt = results.submit(tool, db.session.get(User, user.id), organisation_id, values)
        db.session.commit()
        return attempt.id


def attempt_count(app):
    with app.app_context():
        return len(db.session.scalars(select(AssessmentAttempt)).all())
