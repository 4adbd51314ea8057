"""Small line charts of a township's key figures over the years, as geometry for an inline SVG
drawn by a template macro at build time (no JavaScript, no chart library). Each chart carries a
text alternative that states every value; the page also shows the numbers as a table.

The chart's text grows with the reader's text size (style.css: 11, 13 and 16 px), so the geometry
is laid out for the largest: margins fit the longest tick label, and year and value labels that
would touch at that size are left out (the table and the text alternative have every value)."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from generator.data.comparison import figure_format
from generator.model.cells import format_cell
from generator.model.schema import Schemas
from generator.model.site import FIGURES, Report

WIDTH, HEIGHT = 320, 176
LEFT, RIGHT, TOP, BOTTOM = 44, 14, 24, 28
INSET = 18  # the first and last year stand this far inside the plot, clear of the axis labels
LARGEST = 16  # px: the chart's text at the largest text size (style.css)
CHAR = 0.6 * LARGEST  # the width of a digit at that size, generously
GAP = 6  # between two labels

@dataclass(frozen=True)
class Point:
    x: float
    y: float
    year: int
    text: str
    format: str


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float
    dashed: bool  # the two values come from different formats: not strictly comparable


@dataclass(frozen=True)
class Tick:
    position: float
    text: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    alt: str
    points: tuple[Point, ...]
    segments: tuple[Segment, ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - BOTTOM
    left: float = LEFT
    right: float = WIDTH - RIGHT


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 × 10ⁿ at or above `value` (an axis maximum people can read)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def figure_charts(place: str, reports: tuple[Report, ...], schemas: Schemas) -> list[Chart]:
    """One chart per key figure stated for two years or more, in the vocabulary's order."""
    charts = []
    for fig in FIGURES:
        series = [
            (r.year, r.figures[fig.name].value, figure_format(r, fig.name, schemas))
            for r in reports
            if fig.name in r.figures
        ]
        if len(series) > 1:  # one year makes no line: the figures table shows it
            charts.append(line_chart(f"chart-{fig.name}", f"{place}历年{fig.label}（{fig.unit}）", fig.unit, series))
    return charts


def line_chart(chart_id: str, title: str, unit: str, series: list[tuple[int, float, str]]) -> Chart:
    years = [year for year, _, _ in series]
    first, last = min(years), max(years)
    top, ticks = count_axis(max(value for _, value, _ in series))
    left = max(LEFT, round(GAP * 2 + CHAR * max(len(format_cell(t)) for t in ticks)))
    plot_w, plot_h = WIDTH - left - RIGHT - 2 * INSET, HEIGHT - TOP - BOTTOM

    def x_of(year: int) -> float:
        middle = plot_w / 2 if first == last else plot_w * (year - first) / (last - first)
        return round(left + INSET + middle, 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_h * (1 - value / top), 1)

    points = tuple(Point(x_of(y), y_of(v), y, format_cell(v), f) for y, v, f in series)
    segments = tuple(
        Segment(a.x, a.y, b.x, b.y, a.format != b.format) for a, b in itertools.pairwise(points)
    )
    y_ticks = tuple(Tick(y_of(t), format_cell(t)) for t in ticks)
    x_ticks = tuple(Tick(p.x, str(p.year)) for p in _apart(points, lambda p: str(p.year), lambda p: 0))
    labelled = _apart(points, lambda p: p.text, lambda p: p.y)
    values = "，".join(f"{p.year}年{p.text}{unit}" for p in points)
    alt = f"{title}：{values}。"
    if any(s.dashed for s in segments):
        alt += "虚线连接的两年数字出自不同的报告格式，不能直接比较。"
    shown = tuple(p if p in labelled else Point(p.x, p.y, p.year, "", p.format) for p in points)
    return Chart(chart_id, title, alt, shown, segments, y_ticks, x_ticks, left=left)


def count_axis(highest: float) -> tuple[float, tuple[float, ...]]:
    """The axis top and its ticks, all whole numbers (counts of items and cases): 0, half and the
    top where half is whole, else 0 and the top."""
    top = nice_ceiling(highest)
    if top < 1 or not float(top).is_integer():
        top = 1
    half = top / 2
    return top, (0, half, top) if float(half).is_integer() else (0, top)


def _apart(points: tuple[Point, ...], label, height) -> list[Point]:
    """The points whose labels, at the largest text size, touch no other kept label (the last
    point's label always kept: it is the latest year)."""
    kept: list[Point] = []
    for point in reversed(points):
        width = CHAR * len(label(point))
        clear = all(
            abs(point.x - other.x) >= (width + CHAR * len(label(other))) / 2 + GAP
            or abs(height(point) - height(other)) >= LARGEST + 2
            for other in kept
        )
        if clear:
            kept.append(point)
    return kept[::-1]
