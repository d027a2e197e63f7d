"""Bar charts drawn on the server as inline SVG (no JavaScript): the geometry here, the drawing
in the template core/includes/bar_chart.html. Every chart is followed on its page by a table
of the same figures, for screen readers and for people who would rather read."""

import math
from dataclasses import dataclass

from tambon.thai.digits import format_number


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    tooltip: str


@dataclass(frozen=True)
class AxisLabel:
    x: float
    text: str
    second_line: str = ""


@dataclass(frozen=True)
class GridLine:
    y: float
    label: str


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_bottom: int
    bars: list
    grid_lines: list
    axis_labels: list


def nice_step(largest: int, lines: int = 4) -> int:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that covers `largest` in about `lines`."""
    raw = largest / lines
    if raw <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(raw))
    factors = (1, 2, 2.5, 5, 10) if magnitude >= 10 else (1, 2, 5, 10)
    return int(next(f * magnitude for f in factors if f * magnitude >= raw))


def bar_chart(chart_id, title, description, values, tooltips, axis_labels_at):
    """Geometry of a bar chart; the template core/includes/bar_chart.html draws it.

    values: one number per bar. tooltips: one text per bar. axis_labels_at: {bar index:
    (label, second line)} for the bars that get a label under the axis.
    """
    width, height = 960, 280
    left, right, top, bottom = 64, 952, 12, 236
    step = nice_step(max(values, default=0))
    axis_top = max(step * math.ceil(max(values, default=0) / step), step)
    slot = (right - left) / max(len(values), 1)
    gap = slot * 0.2

    def y_of(value):
        return round(bottom - (bottom - top) * value / axis_top, 2)

    bars = [
        Bar(
            x=round(left + index * slot + gap / 2, 2),
            y=y_of(value),
            width=round(slot - gap, 2),
            height=round(bottom - y_of(value), 2),
            tooltip=tooltip,
        )
        for index, (value, tooltip) in enumerate(zip(values, tooltips, strict=True))
    ]
    grid_lines = [
        GridLine(y=y_of(value), label=format_number(value))
        for value in range(0, axis_top + 1, step)
    ]
    axis_labels = [
        AxisLabel(x=round(left + index * slot + slot / 2, 2), text=text, second_line=second)
        for index, (text, second) in sorted(axis_labels_at.items())
    ]
    return BarChart(
        id=chart_id,
        title=title,
        description=description,
        width=width,
        height=height,
        plot_left=left,
        plot_right=right,
        plot_bottom=bottom,
        bars=bars,
        grid_lines=grid_lines,
        axis_labels=axis_labels,
    )
