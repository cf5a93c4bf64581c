"""The daily reminders: each lead gets one mail listing the actions of their organisation that
are overdue and the indicators their organisation must measure now, in their own language.

Plans in implementation or evaluation only. "Lead" means the people acting in the network for
the organisation (contributors, editors, coordinators; not viewers). A measurement is due when
the indicator has no submitted or approved measurement within its frequency (a year, a
quarter, a month; "once": never measured). `ReminderSent` keeps who got their digest today.
"""
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import selectinload

from action_plans.models import Action, Indicator, Measurement, Plan, ReminderSent
from lms import mail
from lms.extensions import db
from lms.models import User
from networks.models import Member, Person

ACTIVE_PHASES = ("implementation", "evaluation")
PERIODS = {"annual": timedelta(days=366), "quarterly": timedelta(days=92),
           "monthly": timedelta(days=31)}
LEADS = ("coordinator", "editor", "contributor")


@dataclass
class Digest:
    user: User
    actions: list = field(default_factory=list)
    indicators: list = field(default_factory=list)   # (indicator, last measured or None)


def _people(network_id, organisation_id):
    return db.session.scalars(
        select(User).join(Person, Person.user_id == User.id)
        .join(Member, Member.id == Person.member_id)
        .where(Person.network_id == network_id, Member.organisation_id == organisation_id,
               Person.role.in_(LEADS), User.active.is_(True))).all()


def due(today):
    """{user id: Digest} of what is overdue or due on `today`."""
    digests = {}

    def digest(user):
        return digests.setdefault(user.id, Digest(user))

    overdue = db.session.scalars(
        select(Action).join(Plan, Plan.id == Action.plan_id)
        .options(selectinload(Action.goal))
        .where(Plan.phase.in_(ACTIVE_PHASES), Action.planned_end < today,
               Action.status.not_in(("done", "cancelled")),
               Action.lead_organisation_id.is_not(None))
        .order_by(Action.plan_id, Action.planned_end, Action.code)).all()
    plans = {plan.id: plan for plan in db.session.scalars(select(Plan).where(
        Plan.phase.in_(ACTIVE_PHASES)))}
    people = {}
    for action in overdue:
        plan = plans[action.plan_id]
        key = (plan.network_id, action.lead_organisation_id)
        if key not in people:
            people[key] = _people(*key)
        for user in people[key]:
            digest(user).actions.append((plan, action))
    last = dict(db.session.execute(
        select(Measurement.indicator_id, func.max(Measurement.measured_on))
        .where(Measurement.status.in_(("submitted", "approved")))
        .group_by(Measurement.indicator_id)).all())
    indicators = db.session.scalars(
        select(Indicator).where(Indicator.plan_id.in_(list(plans)),
                                Indicator.responsible_organisation_id.is_not(None))
        .order_by(Indicator.plan_id, Indicator.code)).all()
    for indicator in indicators:
        measured = last.get(indicator.id)
        period = PERIODS.get(indicator.frequency)
        if measured is not None and (period is None or measured > today - period):
            continue
        plan = plans[indicator.plan_id]
        key = (plan.network_id, indicator.responsible_organisation_id)
        if key not in people:
            people[key] = _people(*key)
        for user in people[key]:
            digest(user).indicators.append((plan, indicator, measured))
    return digests


def _insert_once(user_id, today, digest):
    """Record the digest for today; False when someone (another run) already did."""
    values = {"user_id": user_id, "day": today, "actions": len(digest.actions),
              "measurements": len(digest.indicators)}
    dialect = db.session.get_bind().dialect.name
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(ReminderSent)
    result = db.session.execute(insert.values(**values).on_conflict_do_nothing()
                                .returning(ReminderSent.user_id))
    return result.first() is not None    # (rowcount is -1 here on PostgreSQL with psycopg)


def send_reminders(today=None):
    """Mail today's digests (the job `action_plans.remind` and `action-plans remind`).
    Returns (sent, already sent today)."""
    today = today or date.today()
    sent = skipped = 0
    for user_id, digest in due(today).items():
        if not _insert_once(user_id, today, digest):
            skipped += 1
            continue
        user = digest.user
        mail.send(mail.compose(
            user.email, _l("Action plans: what is due"), "action_plans_reminder", user.locale,
            name=user.display_name, today=today,
            actions=[(plan, action, url_for("action_plans.show", slug=plan.slug,
                                            _external=True))
                     for plan, action in digest.actions],
            indicators=[(plan, indicator, measured,
                         url_for("action_plans.show", slug=plan.slug, _external=True))
                        for plan, indicator, measured in digest.indicators]))
        sent += 1
    db.session.commit()
    return sent, skipped
