"""CSV export and import of a plan's actions and of its indicators with their measurements.

Exports use column keys as headers (the same in every language), so a file exported in one
language imports in another. Imports upsert by code: all rows or none, every problem reported
by row and column; an existing record is saved through co-editing (a new version in its
history), a new one is created with its first revision.
"""
from datetime import date
from decimal import Decimal, InvalidOperation

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from action_plans import ACTION_STATUS_LABELS
from action_plans.models import Action, Goal, Indicator, Measurement
from action_plans.services import coediting
from action_plans.services.records import ACTION, INDICATOR
from lms.csvfiles import Column, RowError, read_csv
from lms.extensions import db
from lms.timeutil import utcnow
from networks.services import membership

PRIORITIES = ("low", "medium", "high")
LEVELS = ("output", "outcome", "impact")
KINDS = ("quantitative", "qualitative")
DIRECTIONS = ("higher", "lower")
FREQUENCIES = ("annual", "quarterly", "monthly", "once")


def _date(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("Write the date as YYYY-MM-DD, for example 2027-03-31.")) from None


def _int(low, high):
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            raise ValueError(_("This must be a whole number.")) from None
        if not low <= value <= high:
            raise ValueError(_("This must be between %(low)s and %(high)s.", low=low,
                               high=high))
        return value
    return parse


def _number(text):
    try:
        value = Decimal(text.replace(",", ".") if text.count(",") == 1 and "." not in text
                        else text)
    except InvalidOperation:
        raise ValueError(_("This must be a number.")) from None
    if not value.is_finite():
        raise ValueError(_("This must be a number."))
    return value


def _money(text):
    value = _number(text)
    if value < 0 or value >= Decimal("1e12"):
        raise ValueError(_("This must be an amount of at least 0."))
    return value.quantize(Decimal("0.01"))


def _one_of(values):
    def parse(text):
        if text not in values:
            raise ValueError(_("This must be one of: %(values)s.", values=", ".join(values)))
        return text
    return parse


def _text(limit):
    def parse(text):
        if len(text) > limit:
            raise ValueError(_("This is longer than %(count)s characters.", count=limit))
        return text
    return parse


ACTION_COLUMNS = [
    Column("code", _l("Code"), _text(20), required=True),
    Column("goal", _l("Goal"), _text(20), required=True),
    Column("title", _l("Title"), _text(200), required=True),
    Column("description", _l("Description"), _text(50_000)),
    Column("lead_organisation", _l("Lead organisation"), _text(200)),
    Column("contact_person", _l("Contact person"), _text(200)),
    Column("planned_start", _l("Planned start"), _date),
    Column("planned_end", _l("Planned end"), _date),
    Column("actual_start", _l("Actual start"), _date),
    Column("actual_end", _l("Actual end"), _date),
    Column("status", _l("Status"), _one_of(tuple(ACTION_STATUS_LABELS))),
    Column("progress", _l("Progress"), _int(0, 100)),
    Column("weight", _l("Weight"), _int(1, 10)),
    Column("priority", _l("Priority"), _one_of(PRIORITIES)),
    Column("budget", _l("Budget"), _money),
    Column("funding_source", _l("Funding source"), _text(200)),
    Column("target_group", _l("Target group"), _text(200)),
    Column("planned_beneficiaries", _l("Planned beneficiaries"), _int(0, 10_000_000)),
    Column("expected_outputs", _l("Expected outputs"), _text(50_000)),
]
INDICATOR_COLUMNS = [
    Column("code", _l("Code"), _text(20), required=True),
    Column("attached_to", _l("Goal or action"), _text(20)),
    Column("name", _l("Name"), _text(200), required=True),
    Column("definition", _l("Definition"), _text(50_000)),
    Column("level", _l("Level"), _one_of(LEVELS)),
    Column("kind", _l("Type"), _one_of(KINDS)),
    Column("unit", _l("Unit"), _text(16)),
    Column("direction", _l("Direction"), _one_of(DIRECTIONS)),
    Column("baseline_value", _l("Baseline"), _number),
    Column("baseline_date", _l("Baseline date"), _date),
    Column("target_value", _l("Target"), _number),
    Column("target_date", _l("Target date"), _date),
    Column("frequency", _l("Frequency"), _one_of(FREQUENCIES)),
    Column("responsible_organisation", _l("Responsible organisation"), _text(200)),
    Column("measured_on", _l("Measured on"), _date),
    Column("value", _l("Value"), _number),
]


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _organisations(plan):
    """{name: organisation} of the plan's network's member organisations."""
    return {o.name: o for o in membership.member_organisations(plan.network_id)}


def actions_table(plan):
    goals = {g.id: g.code for g in db.session.scalars(select(Goal).where(
        Goal.plan_id == plan.id))}
    organisations = {o.id: o.name for o in _organisations(plan).values()}
    actions = db.session.scalars(select(Action).where(Action.plan_id == plan.id)
                                 .order_by(Action.position, Action.id)).all()
    rows = []
    for action in actions:
        values = {column.key: getattr(action, column.key, None) for column in ACTION_COLUMNS}
        values["goal"] = goals.get(action.goal_id, "")
        values["lead_organisation"] = organisations.get(action.lead_organisation_id, "")
        rows.append([_plain(values[column.key]) for column in ACTION_COLUMNS])
    return [column.key for column in ACTION_COLUMNS], rows


def indicators_table(plan):
    """One row per approved measurement (an indicator without one: one row without a value)."""
    goals = {g.id: g.code for g in db.session.scalars(select(Goal).where(
        Goal.plan_id == plan.id))}
    actions = {a.id: a.code for a in db.session.scalars(select(Action).where(
        Action.plan_id == plan.id))}
    organisations = {o.id: o.name for o in _organisations(plan).values()}
    indicators = db.session.scalars(select(Indicator).where(Indicator.plan_id == plan.id)
                                    .order_by(Indicator.code)).all()
    approved = {}
    for measurement in db.session.scalars(
            select(Measurement).join(Indicator, Indicator.id == Measurement.indicator_id)
            .where(Indicator.plan_id == plan.id, Measurement.status == "approved")
            .order_by(Measurement.measured_on, Measurement.id)):
        approved.setdefault(measurement.indicator_id, []).append(measurement)
    rows = []
    for indicator in indicators:
        values = {column.key: getattr(indicator, column.key, None)
                  for column in INDICATOR_COLUMNS}
        values["attached_to"] = goals.get(indicator.goal_id) or actions.get(indicator.action_id)
        values["responsible_organisation"] = organisations.get(
            indicator.responsible_organisation_id, "")
        for measurement in approved.get(indicator.id) or [None]:
            values["measured_on"] = measurement.measured_on if measurement else None
            values["value"] = measurement.value if measurement else None
            rows.append([_plain(values[column.key]) for column in INDICATOR_COLUMNS])
    return [column.key for column in INDICATOR_COLUMNS], rows


def import_actions(plan, data, user):
    """Upsert the file's actions by code. Returns (created, updated, errors); with errors,
    nothing is stored."""
    result = read_csv(data, ACTION_COLUMNS)
    if not result.ok:
        return 0, 0, result.errors
    goals = {g.code: g for g in db.session.scalars(select(Goal).where(Goal.plan_id == plan.id))}
    organisations = _organisations(plan)
    existing = {a.code: a for a in db.session.scalars(select(Action).where(
        Action.plan_id == plan.id))}
    errors, seen = [], set()
    for number, row in enumerate(result.rows, start=2):
        if row["code"] in seen:
            errors.append(RowError(number, _("Code"), _("This code appears twice in the file.")))
        seen.add(row["code"])
        if row["goal"] not in goals:
            errors.append(RowError(number, _("Goal"), _("The plan has no goal with this code.")))
        if row["lead_organisation"] and row["lead_organisation"] not in organisations:
            errors.append(RowError(number, _("Lead organisation"), _(
                "No organisation of the network has this name.")))
        for start, end, label in (("planned_start", "planned_end", _("Planned end")),
                                  ("actual_start", "actual_end", _("Actual end"))):
            if row[start] and row[end] and row[end] < row[start]:
                errors.append(RowError(number, label, _("The end comes before the start.")))
    if errors:
        return 0, 0, errors
    created = updated = 0
    for row in result.rows:
        values = {key: row[key] for key in ACTION.fields if key in row}
        values["lead_organisation_id"] = organisations[row["lead_organisation"]].id \
            if row["lead_organisation"] else None
        for key, default in (("status", "planned"), ("progress", 0), ("weight", 1),
                             ("priority", "medium")):
            if values.get(key) is None:
                values[key] = default
        for key in ("description", "contact_person", "funding_source", "target_group",
                    "expected_outputs"):
            values[key] = values.get(key) or ""
        action = existing.get(row["code"])
        if action is None:
            action = Action(plan_id=plan.id, goal_id=goals[row["goal"]].id,
                            position=len(existing) + created, **values)
            db.session.add(action)
            coediting.created(plan.id, ACTION, action, user)
            created += 1
        else:
            action.goal_id = goals[row["goal"]].id
            full = dict(coediting.values_of(ACTION, action), **values)
            if coediting.save(plan.id, ACTION, action, full, action.version,
                              user).status != "unchanged":
                updated += 1
    db.session.flush()
    return created, updated, []


def import_indicators(plan, data, user):
    """Upsert the file's indicators by code; a row with a date and a value adds a submitted
    measurement unless the indicator has one on that date. Returns (created, updated,
    measurements, errors); with errors, nothing is stored."""
    result = read_csv(data, INDICATOR_COLUMNS)
    if not result.ok:
        return 0, 0, 0, result.errors
    goals = {g.code: g for g in db.session.scalars(select(Goal).where(Goal.plan_id == plan.id))}
    actions = {a.code: a for a in db.session.scalars(select(Action).where(
        Action.plan_id == plan.id))}
    organisations = _organisations(plan)
    existing = {i.code: i for i in db.session.scalars(select(Indicator).where(
        Indicator.plan_id == plan.id))}
    errors, firsts = [], {}
    for number, row in enumerate(result.rows, start=2):
        firsts.setdefault(row["code"], row)
        if row["attached_to"] and row["attached_to"] not in goals \
                and row["attached_to"] not in actions:
            errors.append(RowError(number, _("Goal or action"), _(
                "The plan has no goal or action with this code.")))
        if row["responsible_organisation"] and \
                row["responsible_organisation"] not in organisations:
            errors.append(RowError(number, _("Responsible organisation"), _(
                "No organisation of the network has this name.")))
        if (row["measured_on"] is None) != (row["value"] is None):
            errors.append(RowError(number, _("Value"), _(
                "A measurement needs both its date and its value.")))
        elif row["measured_on"] and not plan.period_start <= row["measured_on"] <= \
                plan.period_end:
            errors.append(RowError(number, _("Measured on"), _(
                "This date lies outside the plan's period.")))
    if errors:
        return 0, 0, 0, errors
    created = updated = added = 0
    indicators = dict(existing)
    for code, row in firsts.items():
        values = {key: row[key] for key in INDICATOR.fields if key in row}
        for key in ("baseline_value", "target_value"):
            if values.get(key) is not None:
                values[key] = float(values[key])
        for key, default in (("level", "outcome"), ("kind", "quantitative"),
                             ("unit", "number"), ("direction", "higher"),
                             ("frequency", "annual"), ("definition", "")):
            values[key] = values.get(key) or default
        values["responsible_organisation_id"] = \
            organisations[row["responsible_organisation"]].id \
            if row["responsible_organisation"] else None
        attached = row["attached_to"]
        indicator = indicators.get(code)
        if indicator is None:
            indicator = Indicator(plan_id=plan.id, **values)
            db.session.add(indicator)
            coediting.created(plan.id, INDICATOR, indicator, user)
            indicators[code] = indicator
            created += 1
        else:
            full = dict(coediting.values_of(INDICATOR, indicator), **values)
            if coediting.save(plan.id, INDICATOR, indicator, full, indicator.version,
                              user).status != "unchanged":
                updated += 1
        if attached:
            indicator.goal_id = goals[attached].id if attached in goals else None
            indicator.action_id = actions[attached].id if attached in actions else None
    db.session.flush()
    dates = {(m.indicator_id, m.measured_on) for m in db.session.scalars(
        select(Measurement).join(Indicator, Indicator.id == Measurement.indicator_id)
        .where(Indicator.plan_id == plan.id))}
    for row in result.rows:
        if row["measured_on"] is None:
            continue
        indicator = indicators[row["code"]]
        if (indicator.id, row["measured_on"]) in dates:
            continue
        db.session.add(Measurement(indicator_id=indicator.id, value=float(row["value"]),
                                   measured_on=row["measured_on"], status="submitted",
                                   submitted_by_id=user.id, submitted_at=utcnow()))
        dates.add((indicator.id, row["measured_on"]))
        added += 1
    db.session.flush()
    return created, updated, added, []
