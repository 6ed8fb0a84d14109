"""The queue charts (pyqtgraph): waiting and longest wait over the last hour, agents by
state, calls per 15 minutes today against the same weekday last week.

Each chart makes its plot items once and then only sets their data. The rolling chart,
redrawn every second, keeps its axes still (a y range in whole steps, changed only when
the data outgrows it or shrinks well below it), caches the axes, grid and legend as
pixmaps, and draws its lines with 1-pixel pens (Qt's fast path for antialiased lines;
2-pixel ones cost ~15 ms a tick for an hour of points).
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGraphicsItem

translate = QCoreApplication.translate

AGENT_STATES = ("available", "on_call", "ringing", "paused", "offline")
STATE_COLOURS = ("#2e7d32", "#1565c0", "#f9a825", "#8e24aa", "#9e9e9e")

pg.setConfigOptions(antialias=True, background="w", foreground="#333")
LINE_WIDTH = 1
AXIS_STEPS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def axis_top(value: float) -> float:
    """The top of a y axis that holds `value` with some room, a round number."""
    value = max(1.0, value * 1.1)
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in AXIS_STEPS if step * power >= value)



class RollingChart(pg.PlotWidget):
    """Waiting callers (left axis) and the longest wait in seconds, last 60 minutes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(translate("QueueCharts", "Waiting callers and longest wait, last hour"))
        self.showGrid(x=True, y=True, alpha=0.2)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(170)
        self.addLegend(offset=(10, 5))
        self._span = 5.0
        self.setXRange(-self._span, 0, padding=0)
        self.setLabel("bottom", translate("QueueCharts", "minutes"))
        # An hour of seconds is ~4 points a pixel: each pixel's highest and lowest are drawn.
        thin = {"autoDownsample": True, "downsampleMethod": "peak", "autoDownsampleFactor": 1.0}
        self.waiting = self.plot([], [], pen=pg.mkPen("#1565c0", width=LINE_WIDTH),
                                 name=translate("QueueCharts", "Waiting"), **thin)
        self.longest = self.plot([], [], pen=pg.mkPen("#c62828", width=LINE_WIDTH),
                                 name=translate("QueueCharts", "Longest wait (s)"), **thin)
        self.y_top = 0.0
        self._fit_y(0)
        for still in (self.getAxis("left"), self.getAxis("bottom"), self.plotItem.legend):
            still.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def show_series(self, minutes: list[float], waiting: list[int], longest: list[int]) -> None:
        self.waiting.setData(minutes, waiting, skipFiniteCheck=True)
        self.longest.setData(minutes, longest, skipFiniteCheck=True)
        # A fresh start shows its first minutes, not a line squeezed against the right edge;
        # in whole minutes, so the x axis is drawn again once a minute, not every second.
        span = float(min(60, max(5, math.ceil(-minutes[0]) if minutes else 0)))
        if span != self._span:
            self._span = span
            self.setXRange(-span, 0, padding=0)
        self._fit_y(max(max(waiting, default=0), max(longest, default=0)))

    def _fit_y(self, highest: float) -> None:
        if highest > self.y_top or axis_top(highest) < self.y_top / 2:
            self.y_top = axis_top(highest)
            self.setYRange(0, self.y_top, padding=0)

    def point_count(self) -> int:
        return 0 if self.waiting.xData is None else len(self.waiting.xData)


class AgentStateBars(pg.PlotWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(translate("QueueCharts", "Agents by state"))
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(170)
        self.heights = [0] * len(AGENT_STATES)
        self.bars = pg.BarGraphItem(x=list(range(len(AGENT_STATES))), height=self.heights, width=0.7,
                                    brushes=[pg.mkBrush(c) for c in STATE_COLOURS])
        self.addItem(self.bars)
        self.setXRange(-0.5, len(AGENT_STATES) - 0.5)  # the x axis never moves: no autorange
        self.y_top = 0.0
        self._fit_y(0)
        for axis in ("left", "bottom"):
            self.getAxis(axis).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.retranslate()

    def retranslate(self) -> None:
        from cti_desk.qt.supervisor.agents import state_label

        self.getAxis("bottom").setTicks([[(i, state_label(s)) for i, s in enumerate(AGENT_STATES)]])

    def show_agents(self, agents: dict[str, int]) -> None:
        heights = [int(agents.get(s, 0)) for s in AGENT_STATES]
        if heights != self.heights:
            self.heights = heights
            self.bars.setOpts(height=heights)
            self._fit_y(max(heights))

    def _fit_y(self, highest: int) -> None:
        """A round top, changed only when the bars outgrow it or shrink well below it."""
        if highest > self.y_top or axis_top(highest) < self.y_top / 2:
            self.y_top = axis_top(highest)
            self.setYRange(0, self.y_top, padding=0)
            step = max(1, -(-int(self.y_top) // 5))  # whole agents on the axis
            self.getAxis("left").setTickSpacing(step, step)


class QuarterHourChart(pg.PlotWidget):
    """96 quarter hours: today (bars) against the same weekday last week (line)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(translate("QueueCharts", "Calls per 15 minutes: today and the same weekday last week"))
        self.showGrid(x=False, y=True, alpha=0.2)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(170)
        self.addLegend(offset=(-10, 5))  # top right: the night hours are quiet
        self.setXRange(0, 24, padding=0.01)
        self.setLabel("bottom", translate("QueueCharts", "hour"))
        self.today = pg.BarGraphItem(x=[], height=[], width=0.22, brush=pg.mkBrush("#1565c0"),
                                     name=translate("QueueCharts", "Today"))
        self.addItem(self.today)
        self.last_week = self.plot([], [], pen=pg.mkPen("#ef6c00", width=2), name=translate("QueueCharts", "Last week"))
        self.values: tuple[list[int], list[int]] = ([], [])
        self.setYRange(0, 1, padding=0)

    def show_counts(self, today: list[int], last_week: list[int]) -> None:
        self.values = (list(today), list(last_week))
        hours = [(i + 0.5) / 4 for i in range(96)]
        self.today.setOpts(x=hours[: len(today)], height=list(today))
        self.last_week.setData(hours[: len(last_week)], list(last_week))
        self.setYRange(0, max(1, *today, *last_week) * 1.1, padding=0)
