"""The core's charts: each SVG comes with a table of the same figures."""
import re
from datetime import date

import pytest
from flask import render_template_string

from lms.charts import Item, Mark, bar_chart, line_chart, timeline

pytestmark = pytest.mark.database_independent


def render(app, template, **context):
    with app.test_request_context("/"):
        return render_template_string(
            '{% from "_charts.html" import bar_chart, line_chart, timeline %}' + template,
            **context)


def test_a_bar_chart_shows_each_figure_in_the_svg_and_in_the_table(app):
    chart = bar_chart([("Housing", 4, False), ("Health", 2, False), ("Jobs", None, False)])
    html = render(app, '{{ bar_chart(chart, "t", "By theme", ("Theme", "Members")) }}',
                  chart=chart)
    svg = html.split("</svg>")[0]
    assert 'role="img" aria-labelledby="t-caption"' in svg and '<figcaption id="t-caption">' in html
    assert re.findall(r'class="count">([^<]+)</text>', svg) == ["4", "2", "no value"]
    assert [b.width for b in chart.bars] == [330, 165, 0]
    assert '<th scope="row">Health</th><td>2</td>' in html
    assert '<th scope="row">Jobs</th><td>no value</td>' in html


def test_a_percentage_chart_draws_out_of_a_hundred_over_a_track(app):
    chart = bar_chart([("Now", 75, True), ("Before", 50, False)], 100, " %")
    html = render(app, '{{ bar_chart(chart, "p", "Scores", ("When", "Score")) }}', chart=chart)
    assert html.count('class="chart-track"') == 2 and '<figure class="chart highlighting">' in html
    assert [b.width for b in chart.bars] == [248, 165]
    assert '<td>75 %</td>' in html and 'class="chart-bar current"' in html


def test_a_line_chart_plots_each_series_with_gaps_and_tabulates_them(app):
    chart = line_chart(["2025", "2026", "2027"],
                       [("Target", [10, 20, 30]), ("Measured", [8, None, 27])])
    assert [tick.label for tick in chart.y_ticks] == ["0", "10", "20", "30", "40"]
    target, measured = chart.series
    assert len(target.segments) == 1 and len(measured.segments) == 2   # the gap in 2026
    assert target.points[-1][1] == chart.y_ticks[-2].position            # 30 on its line
    html = render(app, '{{ line_chart(chart, "l", "Jobs found", "Year") }}', chart=chart)
    assert html.count("<polyline") == 3 and 'class="chart-legend"' in html
    assert ('<tr><th scope="row">2026</th><td data-label="Target">20</td>'
            '<td data-label="Measured">–</td></tr>' in html)   # stacked on a phone: named
    assert '<th scope="col">Measured</th>' in html
    # the last date ends at the axis's end instead of running off the chart's right edge
    anchors = re.findall(r'class="chart-axis" text-anchor="(\w+)">(20\d\d)<', html)
    assert anchors == [("middle", "2025"), ("middle", "2026"), ("end", "2027")]


def test_line_chart_series_differ_by_marker_and_line_not_only_by_colour(app):
    chart = line_chart(["2025", "2026"], [(name, [1, 2]) for name in "ABCD"])
    assert [series.marker for series in chart.series] == ["circle", "square", "triangle",
                                                          "diamond"]
    html = render(app, '{{ line_chart(chart, "m", "Four", "Year") }}', chart=chart)
    svg = html.split("</svg>")[0]
    assert svg.count("<circle") == 2 and svg.count("<rect") == 2 and svg.count("<polygon") == 4
    # the legend shows each series's line and marker beside its name
    legend = html.split('<ul class="chart-legend">')[1].split("</ul>")[0]
    keys = re.findall(r'<li class="chart-series series-(\d)"><svg aria-hidden="true"', legend)
    assert keys == ["0", "1", "2", "3"]
    assert legend.count('class="chart-line"') == 4 and legend.count('class="chart-point"') == 4
    # on a narrow screen the chart scrolls in a region of its own, keyboard included
    assert '<div class="chart-scroll" tabindex="0" role="group" aria-labelledby="m-caption">' \
        in html


def test_a_line_chart_labels_only_as_many_dates_as_fit_under_its_axis():
    days = [f"Mar {day}, 2026" for day in range(10, 22)]
    ticks = line_chart(days, [("x", list(range(12)))]).x_ticks
    assert ticks[0].label == days[0] and ticks[-1].label == days[-1]
    positions = [tick.position for tick in ticks]
    wide = 6.5 * len(days[0])
    assert all(b - a >= wide for a, b in zip(positions, positions[1:-1]))
    assert positions[-1] - positions[-2] >= 1.5 * wide     # the last label ends at the axis
    assert len(line_chart(["1", "2", "3"], [("x", [1, 2, 3])]).x_ticks) == 3


def test_a_line_chart_axis_ends_on_a_round_number(app):
    assert line_chart(["a", "b"], [("x", [3, 412])]).y_ticks[-1].label == "600"
    assert line_chart(["a", "b"], [("x", [0.3, 0.7])], unit=" %").y_ticks[-1].label == "0.8 %"


def test_a_timeline_puts_each_action_on_one_time_axis_with_its_dates_in_the_table(app):
    chart = timeline([("Language cafés", date(2026, 1, 1), date(2027, 12, 31), False),
                      ("Job fair", date(2027, 3, 1), date(2027, 3, 2), True),
                      ("Housing desk", date(2028, 1, 1), date(2028, 12, 31), False)])
    first, fair, desk = chart.spans
    assert first.x == 0 and first.x < fair.x < desk.x and fair.width >= 3
    assert [tick.label for tick in chart.ticks] == ["2027", "2028"]
    html = render(app, '{{ timeline(chart, "tl", "Actions", ("Action", "Starts", "Ends"), '
                       'format) }}', chart=chart, format=lambda d: d.isoformat())
    assert ('<th scope="row">Job fair</th><td data-label="Starts">2027-03-01</td>'
            '<td data-label="Ends">2027-03-02</td>') in html
    assert 'class="chart-bar current"' in html


def test_a_timeline_groups_items_and_draws_what_happened_and_milestones(app):
    chart = timeline([
        Item("Courses", date(2026, 1, 1), date(2026, 12, 31), group="Language",
             actual=(date(2026, 2, 1), None), running=True,
             marks=(Mark("Rooms", date(2026, 3, 1), True, "done"),
                    Mark("Exam", date(2026, 12, 1), False, "not yet"))),
        Item("Childcare", None, None, group="Language", url="/childcare"),
        Item("Job fair", date(2027, 1, 1), date(2027, 6, 30), group="Work")],
        today=date(2026, 7, 1), width=1000, period=(date(2026, 1, 1), date(2027, 12, 31)))
    language, work = chart.groups
    assert [span.label for span in language.spans] == ["Courses", "Childcare"]
    assert work.top > language.spans[-1].top                 # a heading row between the groups
    courses, childcare, fair = chart.spans
    assert childcare.x is None                               # no dates, no bar
    assert courses.actual_x + courses.actual_width == chart.today_x   # running: up to today
    assert [point.x for point in courses.points] == sorted(p.x for p in courses.points)
    assert fair.anchor == "end"          # a label in the right half ends at its bar
    assert chart.wide and chart.width == 1000
    html = render(app, '{{ timeline(chart, "g", "Actions", ("Action", "Starts", "Ends", '
                       '"Began", "Ended", "Milestones"), format) }}',
                  chart=chart, format=lambda d: d.isoformat())
    assert 'class="chart-scroll" tabindex="0" role="group" aria-labelledby="g-caption"' in html
    assert 'width="1000"' in html and html.count('class="chart-mark') == 2
    assert '<th scope="rowgroup" colspan="6">Work</th>' in html
    assert '<a href="/childcare">Childcare</a></th><td data-label="Starts">–</td>' in html
    assert "<li>Rooms: 2026-03-01 (done)</li><li>Exam: 2026-12-01 (not yet)</li>" in html
    assert '<td data-label="Began">2026-02-01</td><td data-label="Ended">–</td>' in html


def test_a_short_timeline_has_a_tick_per_month(app):
    chart = timeline([("Pilot", date(2027, 1, 15), date(2027, 4, 10), False)])
    assert [tick.label for tick in chart.ticks] == ["02/2027", "03/2027", "04/2027"]


def test_an_empty_chart_says_so(app):
    html = render(app, '{{ line_chart(chart, "e", "Nothing", "Year") }}',
                  chart=line_chart([], []))
    assert "No figures yet." in html and "<svg" not in html


def test_dates_written_once_are_still_written_in_each_readers_language(app):
    from flask_babel import force_locale
    template = '{{ day | format_date }} {{ day | format_date("long") }}'
    with app.test_request_context("/"):
        english = render_template_string(template, day=date(2027, 3, 21))
        english_again = render_template_string(template, day=date(2027, 3, 21))
        with force_locale("de"):
            german = render_template_string(template, day=date(2027, 3, 21))
    assert english == english_again == "Mar 21, 2027 March 21, 2027"
    assert german == "21.03.2027 21. März 2027"
