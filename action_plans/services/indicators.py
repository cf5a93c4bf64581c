"""Indicators of a plan: finding them, starting one (from the library or from scratch),
deleting one, and whether it is on track against a linear path from baseline to target."""
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from action_plans.models import Action, Goal, Indicator, Measurement
from action_plans.services import coediting, comments, library
from action_plans.services.records import INDICATOR
from lms.extensions import db
from networks.services import membership
from lms.models import User
from lms.security import audit
from networks.models import Person


def indicator_of(plan, indicator_id, for_update=False):
    statement = select(Indicator).where(Indicator.id == indicator_id,
                                        Indicator.plan_id == plan.id).options(
        joinedload(Indicator.responsible_organisation), joinedload(Indicator.approver))
    if for_update:
        statement = statement.with_for_update(of=Indicator)
    return db.session.scalar(statement)


def measurement_of(indicator, measurement_id, for_update=False):
    statement = select(Measurement).where(Measurement.id == measurement_id,
                                          Measurement.indicator_id == indicator.id)
    if for_update:
        statement = statement.with_for_update()
    return db.session.scalar(statement)


def attachments(plan):
    """Where an indicator can go: ("goal:<id>" / "action:<id>", label) for the plan's goals and
    actions, in the plan's order."""
    goals = db.session.execute(select(Goal.id, Goal.code, Goal.title).where(
        Goal.plan_id == plan.id).order_by(Goal.position, Goal.id)).all()
    actions = db.session.execute(select(Action.id, Action.code, Action.title).where(
        Action.plan_id == plan.id).order_by(Action.position, Action.id)).all()
    return [(f"goal:{row.id}", f"{row.code} {row.title}") for row in goals] + \
        [(f"action:{row.id}", f"{row.code} {row.title}") for row in actions]


def member_organisations(network):
    return membership.member_organisations(network.id)


def member_people(network):
    return db.session.scalars(select(User).join(Person, Person.user_id == User.id).where(
        Person.network_id == network.id).order_by(User.display_name, User.id)).all()


def code_taken(plan, code, except_id=None):
    statement = select(Indicator.id).where(Indicator.plan_id == plan.id, Indicator.code == code)
    if except_id is not None:
        statement = statement.where(Indicator.id != except_id)
    return db.session.scalar(statement.limit(1)) is not None


def from_library(code, locale):
    """The fields an indicator of the library pre-fills, in the reader's language; None for a
    code the library does not have."""
    found = library.by_code(code)
    if found is None:
        return None
    return {"library_code": found.code, "name": found.name_in(locale)[:200],
            "definition": found.definition_in(locale), "level": found.level,
            "kind": found.type, "unit": found.unit, "direction": found.direction,
            "frequency": found.frequency, "disaggregation": list(found.disaggregation),
            "data_source": found.source_in(locale)[:200],
            "framework_reference": f"{found.framework}: {found.reference}"[:200]}


def create(plan, user, attached_to, values):
    """A new indicator on the goal or action `attached_to` ("goal:<id>" or "action:<id>")."""
    kind, _sep, record_id = attached_to.partition(":")
    indicator = Indicator(plan_id=plan.id, goal_id=int(record_id) if kind == "goal" else None,
                          action_id=int(record_id) if kind == "action" else None,
                          library_code=values.pop("library_code", "") or "", **values)
    db.session.add(indicator)
    coediting.created(plan.id, INDICATOR, indicator, user)
    audit("action_plan_indicator_added", plan=plan.slug, indicator=indicator.code)
    return indicator


def delete(plan, indicator):
    """Remove an indicator that has no measurements; False (nothing removed) when it has."""
    if db.session.scalar(select(Measurement.id).where(
            Measurement.indicator_id == indicator.id).limit(1)) is not None:
        return False
    audit("action_plan_indicator_deleted", plan=plan.slug, indicator=indicator.code)
    comments.forget("indicator", [indicator.id])
    db.session.delete(indicator)
    db.session.flush()
    return True


def measurements(indicator, with_unapproved):
    """The indicator's measurements, oldest first: all of them for the network's members,
    approved ones only for everyone else."""
    statement = select(Measurement).where(Measurement.indicator_id == indicator.id).options(
        selectinload(Measurement.submitted_by), selectinload(Measurement.approved_by)
    ).order_by(Measurement.measured_on, Measurement.id)
    if not with_unapproved:
        statement = statement.where(Measurement.status == "approved")
    return db.session.scalars(statement).all()


def latest_approved(plan):
    """{indicator id: its latest approved measurement's (value, date)} for the whole plan, in
    one query."""
    rows = db.session.execute(
        select(Measurement.indicator_id, Measurement.value, Measurement.measured_on)
        .join(Indicator, Indicator.id == Measurement.indicator_id)
        .where(Indicator.plan_id == plan.id, Measurement.status == "approved",
               Measurement.value.is_not(None))
        .order_by(Measurement.indicator_id, Measurement.measured_on, Measurement.id)).all()
    return {row.indicator_id: (row.value, row.measured_on) for row in rows}


def expected_at(indicator, day: date):
    """The value on the straight path from the baseline (at its date) to the target (at its
    date) on `day`; None when the indicator lacks any of the four."""
    start, end = indicator.baseline_date, indicator.target_date
    first, last = indicator.baseline_value, indicator.target_value
    if None in (start, end, first, last):
        return None
    if day <= start or end <= start:
        return first if day <= start else last
    if day >= end:
        return last
    return first + (last - first) * (day - start).days / (end - start).days


def track(indicator, value, day):
    """"on_track", "off_track" or "no_data": is `value` measured on `day` at least where the
    path from baseline to target is by then (at most, when lower is better)?"""
    if value is None or day is None or indicator.kind == "qualitative":
        return "no_data"
    expected = expected_at(indicator, day)
    if expected is None:
        return "no_data"
    if indicator.direction == "lower":
        return "on_track" if value <= expected else "off_track"
    return "on_track" if value >= expected else "off_track"


def overview(plan, indicators):
    """{indicator id: (latest approved value, its date, track status)} for the plan page."""
    latest = latest_approved(plan)
    return {indicator.id: (*latest.get(indicator.id, (None, None)),
                           track(indicator, *latest.get(indicator.id, (None, None))))
            for indicator in indicators}


def chart_rows(indicator, approved):
    """(dates, expected values on the path, approved values) for the indicator's chart: one
    row per date of the baseline, the target and each approved measurement."""
    values = {m.measured_on: m.value for m in approved if m.value is not None}
    days = set(values)
    days.update(d for d in (indicator.baseline_date, indicator.target_date) if d is not None)
    days = sorted(days)
    path = [expected_at(indicator, day) for day in days]
    return days, [None if v is None else round(v, 2) for v in path], \
        [values.get(day) for day in days]


def breakdown_rows(approved, dimension, categories):
    """(dates, [(category, [figure or None per date])]) of one breakdown of an indicator: a
    date for each of its approved measurement that gives a figure for some category of `dimension`
    (the later measurement, when two share a date); the `categories` in their order, then any
    others the measurements name, each only when it has a figure at some date. A category
    without a figure at a date is None there: a gap, not a zero."""
    by_day = {}
    for measurement in approved:
        figures = (measurement.disaggregated or {}).get(dimension)
        figures = {category: figure for category, figure in (figures or {}).items()
                   if isinstance(figure, (int, float)) and not isinstance(figure, bool)}
        if figures:
            by_day[measurement.measured_on] = figures
    days = sorted(by_day)
    named = list(categories)
    named += sorted({c for figures in by_day.values() for c in figures} - set(named))
    return days, [(category, [by_day[day].get(category) for day in days]) for category in named
                  if any(category in by_day[day] for day in days)]
