"""The geometry of the charts pages draw as SVG (bar and line charts, timelines); the macros in
templates/_charts.html draw them, each with a table of the same figures beside it, so the
figures reach screen readers and people who do not read charts."""
import math
from dataclasses import dataclass
from datetime import date

WIDTH = 400          # every chart's viewBox width; the SVG scales to the page
BAR_SPACE = 330      # the width of a full bar, leaving room for the figure after it
ROW_HEIGHT = 44      # a label line above each bar, then the bar
PLOT_LEFT = 44       # line charts and timelines: room for the axis labels
PLOT_TOP = 10
PLOT_HEIGHT = 160
PLOT_WIDTH = WIDTH - PLOT_LEFT - 12
AXIS_CHARACTER = 6.5  # the width of a character of the axis labels (11 px), about
AXIS_GAP = 10        # the least room between two labels under the axis
# each series of a line chart has its own marker (and line style, in lms.css), so series are
# told apart without colour
MARKERS = ("circle", "square", "triangle", "diamond")


def _figure(value, unit):
    if value is None:
        return None
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{text}{unit}"


class Row:
    """A row of a horizontal chart, `top` down from the chart's top: its label, then its bar."""

    @property
    def label_y(self):
        return self.top + 14

    @property
    def bar_y(self):
        return self.top + 20


@dataclass(frozen=True)
class Bar(Row):
    label: str
    value: float | None
    figure: str | None     # the value as shown, with its unit; None when there is no value
    current: bool
    top: int
    width: int

    @property
    def figure_x(self):
        return self.width + 6


@dataclass(frozen=True)
class BarChart:
    bars: tuple
    track: bool                # a full-length track behind each bar (values out of a maximum)
    width: int = WIDTH

    @property
    def height(self):
        return ROW_HEIGHT * len(self.bars) + 4

    @property
    def track_width(self):
        return BAR_SPACE

    @property
    def highlighting(self):
        """Some bars are marked current: the others are drawn quieter."""
        return any(bar.current for bar in self.bars)


def bar_chart(rows, maximum=None, unit=""):
    """Horizontal bars from top to bottom. `rows`: (label, value or None, current?). A bar is
    `maximum` long at full length (100 for percentages, drawn over a track), else the largest
    value's length. `unit` follows each figure (" %")."""
    rows = [(label, value, current) for label, value, current in rows]
    top = maximum or max((v for _l, v, _c in rows if v is not None), default=0) or 1
    bars = tuple(
        Bar(label, value, _figure(value, unit), current, ROW_HEIGHT * index,
            round(BAR_SPACE * min(max(value or 0, 0), top) / top))
        for index, (label, value, current) in enumerate(rows))
    return BarChart(bars, track=maximum is not None)


def _round(value):
    return int(value) if value == int(value) else round(value, 2)


def _nice_top(largest):
    """The axis's top: the first of 1, 2, 4, 6, 8 × 10ⁿ at or above `largest` (its quarters,
    where the grid lines are, are then round numbers too)."""
    if largest <= 0:
        return 1
    scale = 1
    while scale * 10 <= largest:
        scale *= 10
    while scale > largest:
        scale /= 10
    for step in (1, 2, 4, 6, 8, 10):
        if step * scale >= largest:
            return _round(round(step * scale, 10))
    return largest


@dataclass(frozen=True)
class Tick:
    label: str
    position: float      # x for the horizontal axis, y for the vertical one


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple                      # one value (or None) per x label
    figures: tuple                     # the values as shown
    segments: tuple                    # "x,y x,y ..." runs of points without a gap
    points: tuple                      # (x, y) of each value
    index: int                         # which of the chart's series: its colour and marker

    @property
    def style(self):
        """The series's colour and line style (class series-N in lms.css)."""
        return self.index % len(MARKERS)

    @property
    def marker(self):
        return MARKERS[self.style]


@dataclass(frozen=True)
class LineChart:
    labels: tuple
    series: tuple
    y_ticks: tuple
    x_ticks: tuple
    width: int = WIDTH
    height: int = PLOT_TOP + PLOT_HEIGHT + 34
    left: int = PLOT_LEFT
    right: int = PLOT_LEFT + PLOT_WIDTH
    bottom: int = PLOT_TOP + PLOT_HEIGHT


def line_chart(labels, series, maximum=None, unit=""):
    """Lines over the x `labels` (dates, years...): `series` are (name, values) with one value
    or None per label; a None leaves a gap. The vertical axis runs from 0 to `maximum`, or to a
    round number above the largest value."""
    labels = tuple(str(label) for label in labels)
    largest = max((v for _name, values in series for v in values if v is not None), default=0)
    top = maximum or _nice_top(largest)
    step = PLOT_WIDTH / (len(labels) - 1) if len(labels) > 1 else 0

    def x(index):
        return round(PLOT_LEFT + (step * index if len(labels) > 1 else PLOT_WIDTH / 2), 1)

    def y(value):
        return round(PLOT_TOP + PLOT_HEIGHT * (1 - min(max(value, 0), top) / top), 1)

    drawn = []
    for number, (name, values) in enumerate(series):
        values = tuple(values)
        points, segments, run = [], [], []
        for index, value in enumerate(values):
            if value is None:
                if run:
                    segments.append(run)
                run = []
                continue
            point = (x(index), y(value))
            points.append(point)
            run.append(point)
        if run:
            segments.append(run)
        drawn.append(Series(name, values, tuple(_figure(v, unit) for v in values),
                            tuple(" ".join(f"{px},{py}" for px, py in s) for s in segments),
                            tuple(points), number))
    y_ticks = tuple(Tick(_figure(_round(top * share / 4), unit), y(top * share / 4))
                    for share in range(5))
    return LineChart(labels, tuple(drawn), y_ticks, _x_ticks(labels, step, x))


def _x_ticks(labels, step, x):
    """The labels under the axis, as many as fit side by side: every label, or every second,
    third... (the last one always, ending at the axis's end: the one before it leaves it room)."""
    last = len(labels) - 1
    if last < 1:
        return tuple(Tick(label, x(index)) for index, label in enumerate(labels))
    wide = AXIS_CHARACTER * max(len(label) for label in labels)
    every = max(1, math.ceil((wide + AXIS_GAP) / step))
    return tuple(Tick(label, x(index)) for index, label in enumerate(labels)
                 if index == last or (index % every == 0
                                      and (last - index) * step >= 1.5 * wide + AXIS_GAP))


@dataclass(frozen=True)
class Mark:
    """A moment on a timeline's row (a milestone): drawn as a diamond, filled when `done`;
    `note` is how the table says its state ("done", "not yet"), in the reader's language."""
    label: str
    day: date
    done: bool = False
    note: str = ""


@dataclass(frozen=True)
class Item:
    """A row of a timeline: planned `start`–`end` (either may be None: no bar), `actual`
    (start, end) when known (end None: drawn up to the timeline's `today` when `running`, else
    only where it started), marks, the `group` it is listed under (consecutive items of one
    group share a heading) and the `url` its label links to in the table."""
    label: str
    start: date | None
    end: date | None
    current: bool = False
    actual: tuple | None = None
    marks: tuple = ()
    group: str | None = None
    url: str | None = None
    running: bool = False


@dataclass(frozen=True)
class Point:
    mark: Mark
    x: float


@dataclass(frozen=True)
class Span(Row):
    label: str
    start: date | None
    end: date | None
    current: bool
    x: float | None          # None: no planned dates, no bar
    width: float | None
    top: int
    actual: tuple | None = None
    actual_x: float | None = None
    actual_width: float | None = None
    points: tuple = ()
    label_x: float = 0
    anchor: str = "start"    # the label starts at its bar, or ends at it in the right half
    url: str | None = None

    @property
    def actual_y(self):
        return self.top + 35

    @property
    def point_y(self):
        return self.top + 27


@dataclass(frozen=True)
class Group:
    label: str | None
    top: int
    spans: tuple

    @property
    def label_y(self):
        return self.top + 18


@dataclass(frozen=True)
class Timeline:
    spans: tuple
    ticks: tuple
    width: int = WIDTH
    left: int = 0
    groups: tuple = ()
    axis_y: int = 4
    today_x: float | None = None
    today: date | None = None
    with_actual: bool = False     # some row has actual dates: the table has their columns
    with_marks: bool = False      # some row has marks: the table lists them

    @property
    def height(self):
        return self.axis_y + 20

    @property
    def wide(self):
        """Wider than the page on a phone: drawn at its own width, scrolled sideways."""
        return self.width > WIDTH


GROUP_HEIGHT = 28


def _item(item):
    return item if isinstance(item, Item) else Item(*item)


def timeline(items, today=None, width=WIDTH, period=None):
    """One bar per item on a shared time axis, with a tick at each year (or month, when the
    items span less than two years). `items`: `Item`s, or (label, start date, end date,
    current?). The axis covers every date of the items and `period` (first, last) when given;
    `today` draws a line there and ends actual spans still running. `width` beyond the default
    makes a chart that keeps its width and scrolls on narrow screens."""
    items = [_item(item) for item in items]
    if not items:
        return Timeline((), ())
    days_shown = [d for item in items for d in (item.start, item.end) if d is not None]
    days_shown += [d for item in items if item.actual for d in item.actual if d is not None]
    days_shown += [mark.day for item in items for mark in item.marks]
    days_shown += [d for d in (period or ()) if d is not None]
    if not days_shown:
        days_shown = [today or date.today()]
    first, last = min(days_shown), max(days_shown)
    days = max((last - first).days, 1)
    plot = width - 8

    def x(day):
        return round(plot * (day - first).days / days, 1)

    def bar(start, end):
        if start is None or end is None:
            return None, None
        end = max(start, end)
        return x(start), max(x(end) - x(start), 3)

    spans, groups, top, grouped = [], [], 0, object()
    for item in items:
        if item.group is not None and item.group != grouped:
            groups.append([item.group, top, []])
            top += GROUP_HEIGHT
        elif item.group is None and (not groups or groups[-1][0] is not None):
            groups.append([None, top, []])
        grouped = item.group
        bar_x, bar_width = bar(item.start, item.end)
        actual_x = actual_width = None
        if item.actual and item.actual[0] is not None:
            ending = item.actual[1]
            if ending is None:
                ending = today if item.running and today and today >= item.actual[0] \
                    else item.actual[0]
            actual_x, actual_width = bar(item.actual[0], ending)
        anchor_x = bar_x if bar_x is not None else actual_x
        end_x = (bar_x + bar_width) if bar_x is not None else \
            (actual_x + actual_width) if actual_x is not None else None
        right = anchor_x is not None and anchor_x > plot / 2
        span = Span(item.label, item.start, item.end, item.current, bar_x, bar_width, top,
                    actual=item.actual, actual_x=actual_x, actual_width=actual_width,
                    points=tuple(Point(mark, x(mark.day)) for mark in item.marks),
                    label_x=end_x if right else (anchor_x or 0),
                    anchor="end" if right else "start", url=item.url)
        spans.append(span)
        groups[-1][2].append(span)
        top += ROW_HEIGHT
    if (last.year - first.year) >= 2:
        marks = [date(year, 1, 1) for year in range(first.year + 1, last.year + 1)]
        ticks = tuple(Tick(str(mark.year), x(mark)) for mark in marks)
    else:
        marks, month = [], date(first.year, first.month, 1)
        while month <= last:
            if month > first:
                marks.append(month)
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        every = max(1, -(-len(marks) // max(8, width // 60)))
        ticks = tuple(Tick(f"{mark.month:02d}/{mark.year}", x(mark))
                      for index, mark in enumerate(marks) if index % every == 0)
    shown_today = today if today is not None and first <= today <= last else None
    return Timeline(tuple(spans), ticks, width=width,
                    groups=tuple(Group(label, at, tuple(found)) for label, at, found in groups),
                    axis_y=top + 4, today=shown_today,
                    today_x=x(shown_today) if shown_today else None,
                    with_actual=any(span.actual for span in spans),
                    with_marks=any(span.points for span in spans))
