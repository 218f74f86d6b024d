"""Earnings per month and channel: the numbers (for the table) and the geometry of a stacked bar chart (SVG).

Drawn on the server so the chart needs no JavaScript; the table carries the same numbers for screen readers
and for anyone who prefers reading to looking.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from ..periods import month_start, next_month
from ..sales import ONLINE

# Each colour has at least 3:1 contrast against white (WCAG 1.4.11, graphical objects).
PALETTE = ["#1f5f8b", "#b3471d", "#2e7d32", "#6a3d9a", "#8a6d00", "#c2185b", "#455a64", "#00796b"]

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 80, 16, 16, 40


def months_back(last_month, count):
    """`count` first-of-month dates ending with the month of `last_month`, oldest first."""
    first = month_start(last_month)
    for _ in range(count - 1):
        first = month_start(first - datetime.timedelta(days=1))
    months, day = [], first
    while day <= last_month:
        months.append(day)
        day = next_month(day)
    return months


@dataclass
class Channel:
    key: str
    name: str
    colour: str


@dataclass
class ChartData:
    months: list
    channels: list
    values: dict  # (month, channel key) -> Decimal
    rows: list = field(default_factory=list)  # per month: {"month", "cells": [Decimal per channel], "total"}
    channel_totals: list = field(default_factory=list)
    total: Decimal = Decimal("0")

    @property
    def is_empty(self):
        return not self.values


def chart_data(rows, months):
    """Arrange rows of queries.monthly_royalties into months × channels (months without sales show 0)."""
    names = {}
    values = {}
    for row in rows:
        names[row["channel"]] = row["channel_name"] or row["channel"]
        key = (row["sales_month"], row["channel"])
        values[key] = values.get(key, Decimal("0")) + (row["total"] or Decimal("0"))
    keys = sorted(names, key=lambda key: (key != ONLINE, names[key].lower()))
    channels = [Channel(key, names[key], PALETTE[index % len(PALETTE)]) for index, key in enumerate(keys)]
    data = ChartData(months=months, channels=channels, values=values)
    for month in months:
        cells = [values.get((month, channel.key), Decimal("0")) for channel in channels]
        data.rows.append({"month": month, "cells": cells, "total": sum(cells, Decimal("0"))})
    data.channel_totals = [sum((row["cells"][i] for row in data.rows), Decimal("0")) for i in range(len(channels))]
    data.total = sum(data.channel_totals, Decimal("0"))
    return data


def nice_step(span, ticks=4):
    """A round tick step (1, 2, 2.5 or 5 × 10^n) that divides `span` into at most `ticks` steps."""
    if span <= 0:
        return Decimal("1")
    raw = Decimal(span) / ticks
    magnitude = Decimal(10) ** (raw.adjusted())
    for factor in (Decimal("1"), Decimal("2"), Decimal("2.5"), Decimal("5"), Decimal("10")):
        if magnitude * factor >= raw:
            return magnitude * factor
    return magnitude * 10


def _n(value):
    """An SVG coordinate as text: templates would localise a float ("12,5" in German)."""
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def layout(data):
    """Stacked bars (earnings upwards, negative months such as returns downwards), y ticks and month labels."""
    positive = max((sum((c for c in row["cells"] if c > 0), Decimal("0")) for row in data.rows), default=0)
    negative = max((-sum((c for c in row["cells"] if c < 0), Decimal("0")) for row in data.rows), default=0)
    step = nice_step(positive + negative)
    top = (positive / step).to_integral_value(rounding="ROUND_CEILING") * step if positive else Decimal("0")
    bottom = (negative / step).to_integral_value(rounding="ROUND_CEILING") * step if negative else Decimal("0")
    if top + bottom == 0:
        top = step
    plot_height = HEIGHT - TOP - BOTTOM
    scale = Decimal(plot_height) / (top + bottom)

    def y(value):
        return float(TOP + (top - value) * scale)

    slot = (WIDTH - LEFT - RIGHT) / max(len(data.rows), 1)
    bar_width = slot * 0.7
    bars = []
    for index, row in enumerate(data.rows):
        x = LEFT + index * slot + (slot - bar_width) / 2
        up = down = Decimal("0")
        segments = []
        for channel, value in zip(data.channels, row["cells"], strict=True):
            if value == 0:
                continue
            if value > 0:
                y_top, y_bottom = y(up + value), y(up)
                up += value
            else:
                y_top, y_bottom = y(-down), y(-down + value)
                down -= value
            segments.append({"channel": channel, "value": value, "y": _n(y_top),
                             "height": _n(max(y_bottom - y_top, 0.5))})
        bars.append({
            "month": row["month"], "x": _n(x), "width": _n(bar_width), "segments": segments,
            "label_x": _n(x + bar_width / 2), "labelled": row["month"].month in (1, 4, 7, 10),
        })
    ticks = []
    value = -bottom
    while value <= top:
        ticks.append({"value": value, "y": _n(y(value))})
        value += step
    return {
        "width": _n(WIDTH), "height": _n(HEIGHT), "left": _n(LEFT), "right": _n(WIDTH - RIGHT),
        "tick_label_x": _n(LEFT - 6), "baseline": _n(y(0)), "label_y": _n(HEIGHT - BOTTOM + 18), "bars": bars,
        "ticks": ticks,
    }
