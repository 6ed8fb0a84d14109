"""The relay banner: across the top of a window on `--source relay` while no call relay
is publishing (its heartbeat is stale, none ever ran on this store, or it lost the PBX).

`RelayWatch` looks at the source's last heartbeat reading (RelaySource.beat, read on the
source's own thread every 2 s) once a second; nothing here touches the database. The
rules are the core's (RelayBeat.problem); its clocks are injectable, so a test can look
past the stale mark without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QMainWindow, QToolBar, QVBoxLayout

from cti_desk.domain.link import utcnow
from cti_desk.domain.text import bounded
from cti_desk.telephony.relay_wire import NO_RELAY, PBX_LOST, RELAY_SILENT, STALE_SECONDS

TICK_MS = 1000


class RelayBanner(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("relayBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#relayBanner { background: #fff4e5; border: 1px solid #e65100; }"
                           " #relayBanner QLabel { color: #7a3000; }")
        self.headline = QLabel()
        self.headline.setObjectName("relayBannerText")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.headline)
        self.problem: str | None = None
        self.host = ""
        self.pbx = ""
        self.since: datetime | None = None
        self.hide()

    def show_problem(self, problem: str, host: str = "", since: datetime | None = None, pbx: str = "") -> None:
        self.problem, self.host, self.since, self.pbx = problem, bounded(host, 100), since, bounded(pbx, 20)
        self._render()
        self.show()

    def clear(self) -> None:
        self.problem = None
        self.hide()

    def _render(self) -> None:
        if self.problem == NO_RELAY:
            text = self.tr("No call relay has run on this store yet: calls do not pop until "
                           "`cti-desk relay` runs for the PBX")
        elif self.problem == PBX_LOST:
            text = self.tr("The call relay on {host} has lost the PBX ({state}): calls do not pop "
                           "until it is back").format(host=self.host, state=self._pbx_text())
        elif self.since is not None:
            text = self.tr("No heartbeat from the call relay since {time} ({host}): calls do not pop "
                           "until a relay runs again").format(
                time=self.since.astimezone().strftime("%H:%M:%S"), host=self.host or "?")
        else:
            text = self.tr("No heartbeat from the call relay: calls do not pop until a relay runs again")
        self.headline.setText(text)
        self.setAccessibleName(text)

    def _pbx_text(self) -> str:
        known = {"reconnecting": self.tr("reconnecting"), "refused": self.tr("login refused"),
                 "stopped": self.tr("stopped")}
        return known.get(self.pbx, self.pbx)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.problem:
            self._render()
        super().changeEvent(event)


class RelayWatch(QObject):
    """Once a second: the banner up or down from the source's last heartbeat reading."""

    def __init__(self, source, banner: RelayBanner, *, interval_ms: int = TICK_MS,
                 clock: Callable[[], float] = time.monotonic, wall: Callable[[], datetime] = utcnow,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source, self.banner = source, banner
        self.clock, self.wall = clock, wall
        self.started = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._timer.start()
        self.tick()

    def tick(self) -> None:
        beat = getattr(self.source, "beat", None)
        now = self.clock()
        if beat is None:  # not read yet: only a problem once it should have been
            if now - self.started > STALE_SECONDS:
                self.banner.show_problem(RELAY_SILENT)
            else:
                self.banner.clear()
            return
        problem = beat.problem(now)
        if problem is None:
            self.banner.clear()
            return
        age = beat.age(now)
        since = self.wall() - timedelta(seconds=age) if age is not None else None
        self.banner.show_problem(problem, beat.host, since, beat.pbx)


def attach_relay_banner(window: QMainWindow, source) -> RelayWatch:
    """The relay banner across the top of `window` (as the store banner is), watching
    `source`'s heartbeat; started at once."""
    banner = RelayBanner()
    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, banner)
    else:
        bar = QToolBar(window)
        bar.setObjectName("relayBannerBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.addWidget(banner)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    watch = RelayWatch(source, banner, parent=banner)
    watch.start()
    return watch
