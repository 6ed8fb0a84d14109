"""Nothing fails silently: the PBX link, the store and the OMS outbox, always in view.

`LinkStatus` is a coloured dot and one line in the status bar saying what the link to
the calls is doing (domain.link): connected to which Asterisk, reconnecting since when
and when it tries next (ticking each second), refused (until a restart). Its clock is
injectable so a test can look 20 s ahead without waiting.

`attach_link_status(window, store, oms_url)` adds it, the store banner (qt/banner.py)
and the outbox indicator (qt/outbox_status.py) to a main window in one call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QMainWindow, QToolBar, QWidget

from cti_desk.domain.link import (
    AUTH_FAILED,
    PORT_IN_USE,
    SOURCE_ENDED,
    SOURCE_STOPPED,
    VIA_AMI,
    VIA_RELAY,
    VIA_SIMULATOR,
    VIA_WEBHOOK,
    LinkPhase,
    LinkState,
    utcnow,
)
from cti_desk.domain.text import bounded
from cti_desk.qt.banner import StoreBanner, StoreWatch
from cti_desk.qt.outbox_status import OutboxIndicator
from cti_desk.qt.plaintext import tooltip
from cti_desk.store.db import Store

GREEN, AMBER, RED = "#2e7d32", "#f9a825", "#c62828"
_COLOURS = {
    LinkPhase.CONNECTING: AMBER,
    LinkPhase.CONNECTED: GREEN,
    LinkPhase.RECONNECTING: AMBER,
    LinkPhase.REFUSED: RED,
    LinkPhase.STOPPED: RED,
}


def clock_time(ts: datetime, now: datetime) -> str:
    """The operator's own clock: 10:02:11, with the date when it is not today."""
    local, today = ts.astimezone(), now.astimezone()
    return local.strftime("%H:%M:%S" if local.date() == today.date() else "%Y-%m-%d %H:%M:%S")


class LinkStatus(QWidget):
    def __init__(self, parent=None, clock: Callable[[], datetime] = utcnow) -> None:
        super().__init__(parent)
        self.setObjectName("linkStatus")
        self.clock = clock
        self.state: LinkState | None = None
        self.dot = QLabel()
        self.dot.setObjectName("linkDot")
        self.dot.setFixedSize(10, 10)
        self.label = QLabel()
        self.label.setObjectName("linkText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        self._ticker = QTimer(self)  # "next try in 4 s" counts down
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.refresh)
        self.hide()  # until a call source reports

    def follow(self, bridge) -> None:
        """Show what this CallBridge's link does (queued: it reports from its own thread)."""
        bridge.linkChanged.connect(self.show_state, Qt.ConnectionType.QueuedConnection)
        if bridge.link is not None:
            self.show_state(bridge.link)

    def show_state(self, state: LinkState) -> None:
        self.state = state
        if state.phase is LinkPhase.RECONNECTING:
            self._ticker.start()
        else:
            self._ticker.stop()
        self.show()
        self.refresh()

    def refresh(self) -> None:
        state = self.state
        if state is None:
            return
        now = self.clock()
        text = self.text_for(state, now)
        self.label.setText(text)
        self.setAccessibleName(text)
        self.dot.setStyleSheet(f"background: {_COLOURS[state.phase]}; border-radius: 5px;")
        self.setToolTip(tooltip(self._details(state, now)))

    def text_for(self, state: LinkState, now: datetime) -> str:
        if state.via == VIA_RELAY:
            return self._relay_text(state, now)
        phase = state.phase
        if phase is LinkPhase.CONNECTING:
            return self.tr("PBX: connecting to {source}…").format(source=state.source)
        if phase is LinkPhase.CONNECTED:
            if state.via == VIA_WEBHOOK:
                return self.tr("PBX: listening for calls on {address}").format(address=state.detail)
            if state.via == VIA_SIMULATOR:
                return self.tr("PBX: call simulator running")
            if state.detail:
                return self.tr("PBX: connected ({pbx})").format(pbx=state.detail)
            return self.tr("PBX: connected")
        if phase is LinkPhase.RECONNECTING:
            since = clock_time(state.since, now)
            seconds = state.seconds_to_next_try(now)
            if seconds:
                return self.tr("PBX: reconnecting since {time}, next try in {seconds} s").format(
                    time=since, seconds=seconds)
            return self.tr("PBX: reconnecting since {time}, trying now").format(time=since)
        if phase is LinkPhase.REFUSED:
            return self.tr("PBX: refused: {reason}").format(reason=self.reason_text(state.reason))
        return self.tr("PBX: stopped: {reason}").format(reason=self.reason_text(state.reason))

    def _relay_text(self, state: LinkState, now: datetime) -> str:
        """`--source relay`: the seat's link is to the store the relay publishes through."""
        phase = state.phase
        if phase is LinkPhase.CONNECTING:
            return self.tr("Relay: connecting to the store…")
        if phase is LinkPhase.CONNECTED:
            return self.tr("Relay: connected (relay on {host})").format(host=state.detail) if state.detail \
                else self.tr("Relay: connected")
        if phase is LinkPhase.RECONNECTING:
            since = clock_time(state.since, now)
            seconds = state.seconds_to_next_try(now)
            if seconds:
                return self.tr("Relay: reconnecting to the store since {time}, next try in {seconds} s").format(
                    time=since, seconds=seconds)
            return self.tr("Relay: reconnecting to the store since {time}, trying now").format(time=since)
        return self.tr("Relay: stopped: {reason}").format(reason=self.reason_text(state.reason))

    def reason_text(self, reason: str) -> str:
        known = {
            AUTH_FAILED: self.tr("authentication failed"),
            PORT_IN_USE: self.tr("the port is in use"),
            SOURCE_STOPPED: self.tr("the call source was stopped"),
            SOURCE_ENDED: self.tr("the call source ended"),
        }
        return known.get(reason, bounded(reason, 200))

    def _details(self, state: LinkState, now: datetime) -> str:
        lines = [self.tr("Calls from: {source}").format(source=state.source)]
        lines.append(self.tr("Since: {time}").format(time=state.since.astimezone().strftime("%Y-%m-%d %H:%M:%S")))
        if state.detail and state.via == VIA_AMI:
            lines.append(self._pbx_line(state))
        if state.reason:
            lines.append(self.tr("Why: {reason}").format(reason=self.reason_text(state.reason)))
        if state.phase is LinkPhase.REFUSED:
            lines.append(self.tr("Fix the AMI user or secret, then restart cti-desk."))
        return "\n".join(lines)

    def _pbx_line(self, state: LinkState) -> str:
        if state.phase is LinkPhase.CONNECTED:
            return self.tr("PBX: {pbx}").format(pbx=state.detail)
        return self.tr("Last connected to: {pbx}").format(pbx=state.detail)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)


@dataclass(slots=True)
class StatusWidgets:
    link: LinkStatus
    banner: StoreBanner
    store_watch: StoreWatch
    outbox: OutboxIndicator


def attach_link_status(window: QMainWindow, store: Store, oms_url: str | None = None) -> StatusWidgets:
    """The PBX link and the outbox in the status bar, the store banner across the top;
    the store and outbox checks start at once (on workers). Follow a call source with
    `widgets.link.follow(bridge)`."""
    link = LinkStatus()
    outbox = OutboxIndicator(store, oms_configured=bool(oms_url))
    window.statusBar().addPermanentWidget(outbox)
    window.statusBar().addPermanentWidget(link)
    banner = StoreBanner()
    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, banner)
    else:  # no box layout to put it in: a fixed bar across the top instead
        bar = QToolBar(window)
        bar.setObjectName("storeBannerBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.addWidget(banner)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    watch = StoreWatch(store, banner, parent=banner)
    watch.start()
    outbox.start()
    return StatusWidgets(link, banner, watch, outbox)
