"""Charts drawn on the server as SVG (no script, nothing fetched from elsewhere), for the admin's
reports and the White Ribbon target. Each gives its template the positions to draw; the page
puts a table of the same figures beside or below it, and the SVG's title and description read
the figures out to a screen reader."""

from __future__ import annotations

from dataclasses import dataclass

# Bars ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    count: int


@dataclass(frozen=True)
class ChartBar:
    label: str
    count: int
    y: float
    width: float
    text_y: float
    value_x: float


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart (templates/components/bar_chart.html)."""

    slug: str
    title: str
    description: str
    bars: list[ChartBar]
    height: int
    caption: str
    label_heading: str

    WIDTH = 760
    LABEL_RIGHT = 390  # labels end here (text-anchor end); the longest type's name needs about 360
    BAR_X = 400
    BAR_MAX = 310
    ROW = 30
    BAR_HEIGHT = 20


def bar_chart(slug: str, title: str, label_heading: str, bars: list[Bar]) -> BarChart:
    biggest = max((bar.count for bar in bars), default=0) or 1
    drawn = [
        ChartBar(
            label=bar.label, count=bar.count, y=8 + index * BarChart.ROW,
            width=round(BarChart.BAR_MAX * bar.count / biggest, 1),
            text_y=8 + index * BarChart.ROW + BarChart.BAR_HEIGHT / 2 + 5,
            value_x=BarChart.BAR_X + round(BarChart.BAR_MAX * bar.count / biggest, 1) + 8,
        )
        for index, bar in enumerate(bars)
    ]
    description = "; ".join(f"{bar.label}: {bar.count}" for bar in bars) + "."
    return BarChart(
        slug=slug, title=title, description=description, bars=drawn, height=16 + len(bars) * BarChart.ROW,
        caption=title, label_heading=label_heading,
    )
