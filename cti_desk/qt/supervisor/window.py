"""The supervisor's window: live queues (`queueCharts`), the KPIs (`kpiView`) and the
audit log (`auditView`), each read as the window's seat (a supervisor's).

With a direct source, this window owns the PBX link: every call it hears goes to the
call log (services/calllog_writer.py). The call source feeds a QueueBoard on its own thread (through `source.queue_board`,
or, for a source without that hook, from the bridge's call updates); a 1 Hz timer on
the GUI thread takes a snapshot under the feed's lock and paints it.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from cti_desk.qt.link_status import attach_link_status
from cti_desk.qt.supervisor.audit_view import AuditView
from cti_desk.qt.supervisor.feed import BoardFeed
from cti_desk.qt.supervisor.kpi_view import KpiView
from cti_desk.qt.supervisor.queue_charts import QueueCharts
from cti_desk.qt.supervisor.queue_tiles import Thresholds

translate = QCoreApplication.translate

log = logging.getLogger(__name__)

TICK_MS = 1000
SL_SECONDS_KEY = "supervisor/sl_seconds"


def new_board(sl_seconds: int = 20):
    from cti_desk.telephony.queues import QueueBoard

    return QueueBoard(sl_seconds=sl_seconds)


class SupervisorWindow(QMainWindow):
    agent = None  # a supervisor has no phone of their own (Startup asks)

    def __init__(self, store, settings: QSettings | None = None, board=None, today: date | None = None,
                 parent=None, seat=None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorWindow")
        self.store = store
        self.seat = seat  # None: this computer's user as a supervisor (kpi_view.seat_services)
        self.settings = settings
        self.bridge = None
        self.call_log = None  # a CallLogWriter while this window owns a PBX link
        if board is None:
            sl = int(settings.value(SL_SECONDS_KEY, 20)) if settings is not None else 20
            board = new_board(sl)
        self.feed = BoardFeed(board)
        self.queue_charts = QueueCharts(store, Thresholds.from_settings(settings), seat=seat)
        self.kpi_view = KpiView(store, today=today, seat=seat)
        self.audit_view = AuditView(store, today=today, seat=seat)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supervisorTabs")
        self.tabs.addTab(self.queue_charts, "")
        self.tabs.addTab(self.kpi_view, "")
        self.tabs.addTab(self.audit_view, "")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.source_note, self.role_note = QLabel(), QLabel()
        self.source_note.setObjectName("sourceNote")
        self.statusBar().addWidget(self.source_note)
        self.statusBar().addWidget(self.role_note)
        self.health = attach_link_status(self, store) if store is not None else None
        self.resize(1440, 900)
        self.retranslate()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        self.tick()

    def store_ready(self) -> None:
        """The schema is up to date (Startup): the store's figures can be asked for."""
        self.queue_charts.refresh_quarter_hours()
        self.kpi_view.refresh()
        self.audit_view.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SupervisorWindow", "cti-desk — supervisor"))
        self.tabs.setTabText(0, translate("SupervisorWindow", "Queues"))
        self.tabs.setTabText(1, translate("SupervisorWindow", "Calls and sales"))
        self.tabs.setTabText(2, translate("SupervisorWindow", "Audit log"))
        self.queue_charts.retranslate()
        self.kpi_view.retranslate()
        self.audit_view.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what the startup wiring calls (same names as the operator window) ------
    def set_bridge(self, bridge) -> None:
        """Called before the bridge starts: the source feeds the board from its thread."""
        self.bridge = bridge
        # Every call this link hears goes to the call log, off the GUI thread (on --source
        # relay the relay writes it).
        if self.store is not None and not getattr(bridge.source, "call_log_by_relay", False):
            from cti_desk.services.calllog_writer import CallLogWriter

            self.call_log = CallLogWriter(self.store)
            bridge.callUpdate.connect(self.call_log.submit)
        source = bridge.source
        if hasattr(source, "queue_board"):
            source.queue_board = self.feed
        else:  # no hook yet: the board hears the calls on the GUI thread, same lock
            bridge.callUpdate.connect(self.feed.handle_update)

    def set_source_note(self, text: str) -> None:
        self.source_note.setText(text)

    def set_role_note(self, text: str) -> None:
        self.role_note.setText(text)

    def tick(self) -> None:
        try:
            snapshot = self.feed.snapshot()
        except Exception:  # a board bug must not stop the clock
            log.exception("queue snapshot failed")
            return
        self.queue_charts.show_snapshot(snapshot)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        if self.bridge is not None:
            self.bridge.stop()
        if self.call_log is not None:
            self.call_log.close(timeout=1.0)  # a slow store is left behind, not waited for
        super().closeEvent(event)
