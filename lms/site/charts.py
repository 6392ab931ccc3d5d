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

    template = "components/bar_chart.html"
    slug: str
    title: str
    description: str
    bars: list[ChartBar]
    height: int
    caption: str
    label_heading: str

    WIDTH = 840  # the values at the line's end: room for three stages ("1.99 → 4.04 → 3.57")
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


# Comparisons -----------------------------------------------------------------------------------

# One marker per series, told apart by shape as well as by fill (never by colour alone).
MARKERS = ("circle", "square", "diamond")


@dataclass(frozen=True)
class Series:
    """One measure compared on every line (confidence "Before", "After")."""

    name: str


@dataclass(frozen=True)
class Compared:
    """One line of a comparison: its label and a value per series (None: no value)."""

    label: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Point:
    marker: str
    x: float
    name: str


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    y: float
    text_y: float
    points: list[Point]
    line_from: float | None
    line_to: float | None
    values: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class LegendItem:
    marker: str
    name: str
    x: float
    text_x: float


@dataclass(frozen=True)
class ComparisonChart:
    """A dot plot (templates/components/comparison_chart.html): a line per group with a marker
    for each series on a shared scale, joined, and the values written at the end of the line."""

    slug: str
    title: str
    description: str
    rows: list[ComparisonRow]
    ticks: list[Tick]
    legend: list[LegendItem]
    height: int
    caption: str
    label_heading: str

    template = "components/comparison_chart.html"
    WIDTH = 840  # the values at the line's end: room for three stages ("1.99 → 4.04 → 3.57")
    LABEL_RIGHT = 330  # labels end here (text-anchor end); 36 characters fit
    PLOT_X = 350
    PLOT_WIDTH = 260
    VALUES_X = 630
    TOP = 56  # below the legend and the scale's numbers
    ROW = 30
    LEGEND_Y = 14
    TICKS_Y = 44


def _format(value: float | None) -> str:
    return "–" if value is None else str(round(value, 2))


def comparison_chart(slug: str, title: str, label_heading: str, series: list[Series], lines: list[Compared],
                     *, low: float, high: float) -> ComparisonChart:
    """Each line's values on a scale from `low` to `high` (confidence: 1 to 5), a marker per
    series; the description reads every value out."""
    chart = ComparisonChart

    def x(value: float) -> float:
        return round(chart.PLOT_X + chart.PLOT_WIDTH * (value - low) / (high - low), 1)

    rows = []
    for index, line in enumerate(lines):
        y = chart.TOP + index * chart.ROW + chart.ROW / 2
        points = [Point(marker=MARKERS[n % len(MARKERS)], x=x(value), name=series[n].name)
                  for n, value in enumerate(line.values) if value is not None]
        xs = [point.x for point in points]
        rows.append(ComparisonRow(
            label=line.label, y=y, text_y=y + 5, points=points,
            line_from=min(xs) if len(xs) > 1 else None, line_to=max(xs) if len(xs) > 1 else None,
            values=" → ".join(_format(value) for value in line.values),
        ))
    whole = range(int(low), int(high) + 1)
    legend_x = chart.PLOT_X
    legend = []
    for n, one in enumerate(series):
        legend.append(LegendItem(marker=MARKERS[n % len(MARKERS)], name=one.name, x=legend_x + 6, text_x=legend_x + 18))
        legend_x += 30 + 9 * len(one.name)
    description = "; ".join(
        f"{line.label}: " + ", ".join(f"{one.name.lower()} {_format(value) if value is not None else 'none'}"
                                      for one, value in zip(series, line.values, strict=True))
        for line in lines
    ) + "."
    return ComparisonChart(
        slug=slug, title=title, description=description, rows=rows,
        ticks=[Tick(x=x(value), label=str(value)) for value in whole], legend=legend,
        height=chart.TOP + len(lines) * chart.ROW + 8, caption=title, label_heading=label_heading,
    )
