"""Geometry of the horizontal bar charts drawn as SVG on result pages."""
from dataclasses import dataclass

WIDTH = 400          # the viewBox width; the SVG scales to the page
BAR_SPACE = 330      # the width of a 100 % bar, leaving room for the figure after it
ROW_HEIGHT = 44      # a label line above each bar, then the bar


@dataclass(frozen=True)
class Bar:
    label: str
    percent: int | None
    current: bool
    top: int

    @property
    def width(self):
        return round(BAR_SPACE * (self.percent or 0) / 100)

    @property
    def label_y(self):
        return self.top + 14

    @property
    def bar_y(self):
        return self.top + 20

    @property
    def figure_x(self):
        return self.width + 6


@dataclass(frozen=True)
class BarChart:
    bars: tuple
    width: int = WIDTH

    @property
    def height(self):
        return ROW_HEIGHT * len(self.bars) + 4


def bar_chart(rows):
    """`rows`: (label, percent or None, current?) from top to bottom."""
    return BarChart(tuple(Bar(label, value, current, ROW_HEIGHT * index)
                          for index, (label, value, current) in enumerate(rows)))
