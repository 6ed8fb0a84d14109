"""The store banner: across the top of the window while the store cannot be reached.

`StoreWatch` probes the store (services.health.store_health, on a worker) every
`interval_ms`, and soon after any query of the store fails in a way that may mean it is
gone (services.health.watch_store_errors, whichever thread saw it). A probe that has
not answered after `overdue` seconds (a network partition: no error, just silence) also
raises the banner. The banner goes as soon as a probe succeeds. Its clock is injectable,
so a test can look past the overdue mark without waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from cti_desk.domain.link import utcnow
from cti_desk.domain.text import bounded
from cti_desk.qt.plaintext import tooltip
from cti_desk.qt.tasks import run_query
from cti_desk.services.health import StoreHealth, store_display, store_health, watch_store_errors
from cti_desk.store.db import Store

PROBE_INTERVAL_MS = 10_000
OVERDUE = timedelta(seconds=10)
SOON_MS = 300  # after a failed query: probe once the burst of failures is over


class StoreBanner(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("storeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#storeBanner { background: #fdecea; border: 1px solid #c62828; }"
                           " #storeBanner QLabel { color: #7f1d1d; }")
        self.headline = QLabel()
        self.headline.setObjectName("storeBannerText")
        self.why = QLabel()
        self.why.setObjectName("storeBannerWhy")
        for label in (self.headline, self.why):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.headline)
        layout.addWidget(self.why)
        self.where = ""
        self.error = ""
        self.silent = False  # not answering (vs. answering with an error)
        self.locked = False  # SQLite: another program holds the write lock
        self.hide()

    def show_problem(self, where: str, error: str, silent: bool = False, locked: bool = False) -> None:
        self.where, self.error, self.silent, self.locked = where, bounded(error, 300), silent, locked
        self._render()
        self.show()

    def clear(self) -> None:
        self.hide()

    def _render(self) -> None:
        if self.locked:
            text = self.tr("The store is locked by another program ({where}): wrap-ups and orders wait on "
                           "this computer and are written once it is free; retrying").format(where=self.where)
        elif self.silent:
            text = self.tr("The store is not answering ({where}): calls still pop with the PBX's "
                           "caller number; waiting for it").format(where=self.where)
        else:
            text = self.tr("The store cannot be reached ({where}): calls still pop with the PBX's "
                           "caller number; retrying").format(where=self.where)
        self.headline.setText(text)
        why = bounded(self.error, 160)
        self.why.setText(self.tr("Reason: {reason}").format(reason=why) if why else "")
        self.why.setVisible(bool(why))
        self.setToolTip(tooltip(self.error))
        self.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.where:
            self._render()
        super().changeEvent(event)


class StoreWatch(QObject):
    healthChanged = Signal(object)  # StoreHealth after each probe
    _storeError = Signal()  # from any thread: a query of the store failed

    def __init__(
        self,
        store: Store,
        banner: StoreBanner,
        *,
        interval_ms: int = PROBE_INTERVAL_MS,
        overdue: timedelta = OVERDUE,
        clock: Callable[[], datetime] = utcnow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.banner = store, banner
        self.overdue = overdue
        self.clock = clock
        self.health: StoreHealth | None = None
        self.probing_since: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.probe)
        self._storeError.connect(self._error_seen, Qt.ConnectionType.QueuedConnection)
        stop = watch_store_errors(store, self._storeError.emit)
        self.destroyed.connect(lambda *_: stop())

    @property
    def down(self) -> bool:
        """The banner is up (the store was unreachable or silent at the last look)."""
        return not self.banner.isHidden()

    def start(self) -> None:
        self._timer.start()
        self.probe()

    def tick(self) -> None:
        """The periodic round: a probe, or (one still out) the overdue check."""
        if self.probing_since is not None:
            if self.clock() - self.probing_since >= self.overdue:
                self.banner.show_problem(store_display(self.store.url), "", silent=True)
            return
        if self._window_open():
            self.probe()

    def _window_open(self) -> bool:
        window = self.banner.window()
        return window is self.banner or window.isVisible()

    def _error_seen(self) -> None:
        if self.probing_since is None and not self._soon.isActive():
            self._soon.start()

    def probe(self) -> None:
        if self.probing_since is not None:
            return  # one at a time: a hung store must not take every worker
        self.probing_since = self.clock()
        store = self.store
        run_query(lambda: store_health(store), self._probed, self._probe_failed,
                  key="store-health", owner=self.banner)

    def _probed(self, health: StoreHealth) -> None:
        self.probing_since = None
        self.health = health
        if health.ok:
            self.banner.clear()
        else:
            self.banner.show_problem(health.where, health.error, locked=health.locked)
        self.healthChanged.emit(health)

    def _probe_failed(self, error: BaseException) -> None:  # store_health itself broke
        self.probing_since = None
        self.banner.show_problem(store_display(self.store.url), type(error).__name__)
