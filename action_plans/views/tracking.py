"""How a plan is going: its dashboard (actions by status, weighted progress, what is overdue or
due soon, indicators on and off track) and the timeline of its actions and milestones."""
from datetime import datetime

from flask import current_app, render_template
from flask_babel import get_timezone
from flask_babel import gettext as _

from action_plans import ACTION_STATUS_LABELS
from action_plans.indicator_terms import TRACK_LABELS
from action_plans.services import tracking
from action_plans.views import fragments, load_plan, named
from lms.charts import Item, Mark, bar_chart, timeline
from lms.permissions import require

RUNNING = ("in_progress", "delayed")
# a month of the plan's period this wide in the timeline: three years are about 1,000 px
MONTH_WIDTH = 28


def today():
    """Today where the reader lives (their time zone, else the site's)."""
    return datetime.now(get_timezone()).date()


@require("action_plans.view_plan")
def dashboard(slug):
    plan = load_plan(slug)
    day = today()

    def render():
        figures = tracking.dashboard(plan, day)
        statuses = bar_chart([(str(label), figures.counts[status], False)
                              for status, label in ACTION_STATUS_LABELS.items()])
        return render_template("action_plans/_dashboard_content.html", plan=plan,
                               figures=figures, statuses=statuses, labels=ACTION_STATUS_LABELS,
                               tracks=TRACK_LABELS, today=day, soon=tracking.SOON.days)

    return render_template("action_plans/dashboard.html", plan=plan,
                           content_html=fragments.kept(plan, "dashboard", (day,), render))


def _months(plan):
    return (plan.period_end.year - plan.period_start.year) * 12 + \
        plan.period_end.month - plan.period_start.month + 1


@require("action_plans.view_plan")
def actions_timeline(slug):
    plan = load_plan(slug)
    day = today()
    return render_template("action_plans/timeline.html", plan=plan,
                           content_html=fragments.kept(plan, "timeline", (day,),
                                                       lambda: _timeline(plan, day)))


def _timeline(plan, day):
    done, not_yet = _("done"), _("not yet")
    link = current_app.jinja_env.globals["url_for"]     # the core's, remembering its links
    items = [
        Item(named(action), action.planned_start, action.planned_end,
             actual=(action.actual_start, action.actual_end) if action.actual_start else None,
             running=action.status in RUNNING,
             marks=tuple(Mark(milestone.title, milestone.due_date, milestone.done,
                              done if milestone.done else not_yet)
                         for milestone in milestones if milestone.due_date is not None),
             group=named(group.goal),
             url=link("action_plans.show_action", slug=plan.slug, action_id=action.id))
        for group in tracking.timeline(plan) for action, milestones in group.actions]
    chart = timeline(items, today=day, width=max(400, MONTH_WIDTH * _months(plan)),
                     period=(plan.period_start, plan.period_end))
    return render_template("action_plans/_timeline_content.html", plan=plan, chart=chart,
                           format_date=current_app.jinja_env.filters["format_date"])
