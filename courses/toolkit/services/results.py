"""Scoring answers, a person's results over time, and an organisation's summary."""
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, select

from courses.models.assessment import AssessmentAnswer, AssessmentAttempt, AssessmentScore
from lms.extensions import db
from lms.models import Membership

EARLIER_ATTEMPTS_SHOWN = 4


def percent(values):
    """0-100 for scale answers 1-5, ignoring "not applicable" (0); None when nothing counts."""
    counted = [value for value in values if value]
    if not counted:
        return None
    return round(100 * sum(value - 1 for value in counted) / (4 * len(counted)))


def band(tool, score):
    if score is None:
        return None
    if score < tool.low_threshold:
        return "low"
    return "high" if score >= tool.high_threshold else "middle"


def submit(tool, user, organisation_id, values):
    """Store an attempt; `values` maps statement id -> scale value. Returns the attempt."""
    attempt = AssessmentAttempt(tool=tool, user_id=user.id, organisation_id=organisation_id)
    db.session.add(attempt)
    for dimension in tool.dimensions:
        answers = [values[statement.id] for statement in dimension.statements]
        attempt.answers.extend(AssessmentAnswer(statement_id=statement.id, value=value)
                               for statement, value in zip(dimension.statements, answers))
        attempt.scores.append(AssessmentScore(dimension_id=dimension.id,
                                              percent=percent(answers)))
    db.session.flush()
    return attempt


def own_attempts(tool, user):
    return db.session.scalars(
        select(AssessmentAttempt).where(AssessmentAttempt.tool_id == tool.id,
                                        AssessmentAttempt.user_id == user.id)
        .order_by(AssessmentAttempt.submitted_at.desc(), AssessmentAttempt.id.desc())).all()


def earlier_attempts(attempt):
    """Up to four attempts of the same person, tool and organisation before this one."""
    return db.session.scalars(
        select(AssessmentAttempt).where(
            AssessmentAttempt.tool_id == attempt.tool_id,
            AssessmentAttempt.user_id == attempt.user_id,
            AssessmentAttempt.organisation_id.is_(None) if attempt.organisation_id is None
            else AssessmentAttempt.organisation_id == attempt.organisation_id,
            AssessmentAttempt.id < attempt.id)
        .order_by(AssessmentAttempt.id.desc()).limit(EARLIER_ATTEMPTS_SHOWN)).all()


def scores_of(attempts):
    """{attempt id: {dimension id: percent}} in one query."""
    found = {attempt.id: {} for attempt in attempts}
    if found:
        for score in db.session.scalars(select(AssessmentScore).where(
                AssessmentScore.attempt_id.in_(found))):
            found[score.attempt_id][score.dimension_id] = score.percent
    return found


def answers_of(attempt):
    return dict(db.session.execute(
        select(AssessmentAnswer.statement_id, AssessmentAnswer.value)
        .where(AssessmentAnswer.attempt_id == attempt.id)).all())


@dataclass
class Summary:
    """An organisation's figures: people who answered, and the mean score per dimension."""
    people: int
    minimum: int
    means: dict

    @property
    def shown(self):
        return self.people >= self.minimum


def organisation_summary(tool, organisation):
    """The mean of each member's latest attempt for the organisation, by dimension.

    Means are computed (and shown) only when at least COURSES_ASSESSMENT_MIN_GROUP current
    members answered, so nobody's answers can be read off the summary.
    """
    minimum = current_app.config["COURSES_ASSESSMENT_MIN_GROUP"]
    latest = (select(func.max(AssessmentAttempt.id).label("id"))
              .join(Membership, (Membership.user_id == AssessmentAttempt.user_id)
                    & (Membership.organisation_id == organisation.id)
                    & (Membership.status == "active"))
              .where(AssessmentAttempt.tool_id == tool.id,
                     AssessmentAttempt.organisation_id == organisation.id)
              .group_by(AssessmentAttempt.user_id).subquery())
    people = db.session.scalar(select(func.count()).select_from(latest))
    means = {}
    if people >= minimum:
        means = {dimension_id: round(mean) if mean is not None else None
                 for dimension_id, mean in db.session.execute(
                     select(AssessmentScore.dimension_id, func.avg(AssessmentScore.percent))
                     .where(AssessmentScore.attempt_id.in_(select(latest.c.id)))
                     .group_by(AssessmentScore.dimension_id))}
    return Summary(people=people, minimum=minimum, means=means)
