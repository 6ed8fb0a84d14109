"""`queueCharts`: the live queues, per queue or all together, painted from snapshots.

`show_snapshot(snapshot)` is the one entry point (1 Hz, from the window). Nothing is
created per tick: new queues only add an entry to the selector. The quarter-hour
chart asks the store on a worker every few minutes.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.text import bounded
from cti_desk.qt.supervisor.agents import AgentsModel, WaitingModel, for_queue
from cti_desk.qt.supervisor.charts import AgentStateBars, QuarterHourChart, RollingChart
from cti_desk.qt.supervisor.feed import ALL, BoardSnapshot, QueueHistory
from cti_desk.qt.supervisor.kpi_view import seat_services, today_in_japan
from cti_desk.qt.supervisor.queue_tiles import QueueTiles, Thresholds
from cti_desk.qt.tasks import run_query

translate = QCoreApplication.translate

log = logging.getLogger(__name__)

QUARTER_HOUR_REFRESH_MS = 30 * 1000  # one indexed count of today's calls


def quarter_hours(services, today: date) -> tuple[list[int], list[int]]:
    """On a worker: today's calls per 15 minutes and the same weekday a week before."""
    return (services.calls_per_quarter_hour(today), services.calls_per_quarter_hour(today - timedelta(days=7)))


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class QueueCharts(QWidget):
    quarterHoursShown = Signal()

    def __init__(self, store=None, thresholds: Thresholds | None = None, parent=None, seat=None) -> None:
        super().__init__(parent)
        self.setObjectName("queueCharts")
        self.store = store
        self.services = seat_services(store, seat)  # the calls per quarter hour: a supervisor's
        self.history = QueueHistory()
        self.snapshot: BoardSnapshot | None = None
        self.selector = QComboBox()
        self.selector.setObjectName("queueSelector")
        self.selector.addItem("", ALL)
        self._listed = {ALL}  # the selector's queues
        self.selector.currentIndexChanged.connect(lambda _i: self._repaint())
        self.selector_label = QLabel()
        self.as_of = QLabel("88:88:88")
        self.as_of.setObjectName("queueAsOf")
        # A fixed size: the clock's new text each second then asks for no new layout.
        self.as_of.setFixedSize(self.as_of.sizeHint())
        self.as_of.setText("")
        self.tiles = QueueTiles()
        self.tiles.thresholds = thresholds or Thresholds()
        self.rolling = RollingChart()
        self.agent_bars = AgentStateBars()
        self.quarter_hours = QuarterHourChart()
        self.agents_model = AgentsModel(self)
        self.waiting_model = WaitingModel(self)
        self.agents_view = _table(self.agents_model, "agentList")
        self.waiting_view = _table(self.waiting_model, "waitingCallers")
        self.agents_title, self.waiting_title = QLabel(), QLabel()

        top = QHBoxLayout()
        top.addWidget(self.selector_label)
        top.addWidget(self.selector, 1)
        top.addStretch(2)
        top.addWidget(self.as_of)
        charts = QGridLayout()
        charts.addWidget(self.rolling, 0, 0)
        charts.addWidget(self.agent_bars, 0, 1)
        charts.addWidget(self.quarter_hours, 1, 0, 1, 2)
        charts.setColumnStretch(0, 3)
        charts.setColumnStretch(1, 2)
        chart_box = QWidget()
        chart_box.setLayout(charts)
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.agents_title, self.agents_view, self.waiting_title, self.waiting_view):
            lists_layout.addWidget(w)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(chart_box)
        split.addWidget(lists)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([860, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tiles)
        layout.addWidget(split, 1)
        self.retranslate()

        self._quarter_timer = QTimer(self)
        self._quarter_timer.timeout.connect(self.refresh_quarter_hours)
        self._quarter_timer.start(QUARTER_HOUR_REFRESH_MS)

    def retranslate(self) -> None:
        self.selector_label.setText(translate("QueueCharts", "Queue:"))
        self.selector.setItemText(0, translate("QueueCharts", "All queues"))
        self.agents_title.setText(translate("QueueCharts", "Agents"))
        self.waiting_title.setText(translate("QueueCharts", "Callers waiting"))
        self.tiles.retranslate()
        self.agents_model.retranslate()
        self.waiting_model.retranslate()

    @property
    def queue(self) -> str:
        return self.selector.currentData() or ALL

    def select_queue(self, queue: str) -> None:
        i = self.selector.findData(queue)
        if i >= 0:
            self.selector.setCurrentIndex(i)

    # -- the 1 Hz tick --------------------------------------------------------
    def show_snapshot(self, snapshot: BoardSnapshot) -> None:
        self.snapshot = snapshot
        self.history.add(snapshot)
        for queue in snapshot.figures:
            if queue not in self._listed:  # a queue heard for the first time: one new entry
                self._insert_queue(queue)
        if self.isVisible():  # behind the KPI tab: the history goes on, the painting waits
            self._repaint()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._repaint()

    def _insert_queue(self, queue: str) -> None:
        self._listed.add(queue)
        at = 1
        while at < self.selector.count() and str(self.selector.itemData(at)) < queue:
            at += 1
        self.selector.insertItem(at, bounded(queue, 60), queue)

    def _repaint(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        queue = self.queue
        figures = snapshot.figures.get(queue)
        if figures is not None:
            self.tiles.show_figures(figures)
            self.agent_bars.show_agents(figures.agents)
        self.rolling.show_series(*self.history.series(queue, snapshot.ts.timestamp()))
        self.agents_model.update(for_queue(snapshot.agents, queue, ALL), snapshot.ts)
        self.waiting_model.update(for_queue(snapshot.waiting, queue, ALL), snapshot.ts)
        self.as_of.setText(snapshot.ts.strftime("%H:%M:%S"))

    # -- calls per quarter hour (store, on a worker) ---------------------------
    def refresh_quarter_hours(self, today: date | None = None) -> None:
        if self.store is None:
            return
        services, day = self.services, today or today_in_japan()
        run_query(lambda: quarter_hours(services, day), self._quarter_hours_done, self._quarter_hours_failed,
                  key=f"quarter-hours-{id(self)}", owner=self)

    def _quarter_hours_done(self, result: tuple[list[int], list[int]]) -> None:
        self.quarter_hours.show_counts(*result)
        self.quarterHoursShown.emit()

    def _quarter_hours_failed(self, exc: BaseException) -> None:
        log.warning("calls per quarter hour: %s", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    def export_png(self, path: str) -> bool:
        """The whole queue view as the supervisor sees it."""
        return self.grab().save(str(path), "PNG")
