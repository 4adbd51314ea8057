"""Small line charts of a township's key figures over the years, as geometry for an inline SVG
drawn by a template macro at build time (no JavaScript, no chart library). Each chart carries a
text alternative that states every value; the page also shows the numbers as a table."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from generator.data.comparison import figure_format
from generator.model.cells import format_cell
from generator.model.schema import Schemas
from generator.model.site import FIGURES, Report

WIDTH, HEIGHT = 320, 168
LEFT, RIGHT, TOP, BOTTOM = 44, 14, 14, 28


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
    top = nice_ceiling(max(value for _, value, _ in series))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(year: int) -> float:
        return round(LEFT + (plot_w / 2 if first == last else plot_w * (year - first) / (last - first)), 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_h * (1 - value / top), 1)

    points = tuple(Point(x_of(y), y_of(v), y, format_cell(v), f) for y, v, f in series)
    segments = tuple(
        Segment(a.x, a.y, b.x, b.y, a.format != b.format) for a, b in itertools.pairwise(points)
    )
    y_ticks = tuple(Tick(y_of(top * k / 2), format_cell(top * k / 2)) for k in range(3))
    x_ticks = tuple(Tick(p.x, str(p.year)) for p in points)
    values = "，".join(f"{p.year}年{p.text}{unit}" for p in points)
    alt = f"{title}：{values}。"
    if any(s.dashed for s in segments):
        alt += "虚线连接的两年数字出自不同的报告格式，不能直接比较。"
    return Chart(chart_id, title, alt, points, segments, y_ticks, x_ticks)
