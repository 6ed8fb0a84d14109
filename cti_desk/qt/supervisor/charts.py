"""The queue charts (pyqtgraph): waiting and longest wait over the last hour, agents by
state, calls per 15 minutes today against the same weekday last week.

Each chart makes its plot items once and then only sets their data.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

AGENT_STATES = ("available", "on_call", "ringing", "paused", "offline")
STATE_COLOURS = ("#2e7d32", "#1565c0", "#f9a825", "#8e24aa", "#9e9e9e")

pg.setConfigOptions(antialias=True, background="w", foreground="#333")



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
        self.waiting = self.plot([], [], pen=pg.mkPen("#1565c0", width=2), name=translate("QueueCharts", "Waiting"))
        self.longest = self.plot([], [], pen=pg.mkPen("#c62828", width=2), name=translate("QueueCharts", "Longest wait (s)"))

    def show_series(self, minutes: list[float], waiting: list[int], longest: list[int]) -> None:
        self.waiting.setData(minutes, waiting)
        self.longest.setData(minutes, longest)
        # A fresh start shows its first minutes, not a line squeezed against the right edge.
        span = min(60.0, max(5.0, -minutes[0] if minutes else 0.0))
        if span != self._span:
            self._span = span
            self.setXRange(-span, 0, padding=0)

    def point_count(self) -> int:
        x, _ = self.waiting.getData()
        return 0 if x is None else len(x)


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
        self.retranslate()

    def retranslate(self) -> None:
        from cti_desk.qt.supervisor.agents import state_label

        self.getAxis("bottom").setTicks([[(i, state_label(s)) for i, s in enumerate(AGENT_STATES)]])

    def show_agents(self, agents: dict[str, int]) -> None:
        heights = [int(agents.get(s, 0)) for s in AGENT_STATES]
        if heights != self.heights:
            self.heights = heights
            self.bars.setOpts(height=heights)
            top = max(1, *heights)
            self.setYRange(0, top * 1.15, padding=0)
            step = max(1, -(-top // 5))  # whole agents on the axis
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
