"""The call bar on top of the window: the call on screen, its timers, dial and pause.

Everything about the caller comes from the PBX: shown as plain text, never rich text.
A call that rings while the operator is busy is announced here ("Incoming: ... — Take
over (F8)") instead of replacing the customer on screen. The shift's calls and their list
live in qt/shift_calls.py.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from cti_desk.qt.icons import icon
from cti_desk.qt.shift_calls import (
    ShiftCall,
    ShiftCallsModel,
    phase_label,
    status_label,
    withdrawn_label,
)

__all__ = ["CallBar", "ShiftCall", "ShiftCallsModel"]  # the shift list's names, as before its own module


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class CallBar(QFrame):
    """State, caller, queue, waiting time and talk timer of the call on screen."""

    pauseToggled = Signal(bool)
    dialRequested = Signal(str)
    takeOverRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("callBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.call: ShiftCall | None = None
        self.dial_blocked: str | None = None  # why dialling is off (no --agent ...), or None

        def label(name: str, plain: bool = True) -> QLabel:
            lab = QLabel()
            lab.setObjectName(name)
            if plain:
                lab.setTextFormat(Qt.TextFormat.PlainText)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return lab

        self.state_label = label("callState")
        bold = QFont(self.state_label.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.25)
        self.state_label.setFont(bold)
        self.number_label = label("callerNumber")
        self.number_label.setFont(bold)
        self.name_label = label("callerName")
        self.name_label.setFont(bold)
        self.queue_label = label("callQueue")
        self.wait_label = label("waitTime")
        self.talk_label = label("talkTime")
        self.dial_button = QToolButton()
        self.dial_button.setObjectName("dialCaller")
        self.dial_button.setIcon(icon("phone"))
        self.dial_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.dial_button.clicked.connect(self._dial_caller)
        self.pause_button = QPushButton()
        self.pause_button.setObjectName("queuePause")
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._pause_toggled)
        # A call ringing while the operator is busy: announced here, taken over with F8.
        self.incoming: ShiftCall | None = None
        self.incoming_waiting = 0
        self.incoming_box = QWidget()
        self.incoming_box.setObjectName("incomingCall")
        self.incoming_label = label("incomingCaller")
        self.incoming_label.setFont(bold)
        self.take_over_button = QPushButton()
        self.take_over_button.setObjectName("takeOver")
        self.take_over_button.setIcon(icon("phone"))
        self.take_over_button.clicked.connect(self.takeOverRequested)
        incoming = QHBoxLayout(self.incoming_box)
        incoming.setContentsMargins(0, 0, 0, 0)
        incoming.addWidget(self.incoming_label)
        incoming.addWidget(self.take_over_button)
        self.incoming_box.hide()

        layout = QHBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addSpacing(12)
        layout.addWidget(self.number_label)
        layout.addWidget(self.dial_button)
        layout.addWidget(self.name_label, 1)
        layout.addWidget(self.queue_label)
        layout.addWidget(self.wait_label)
        layout.addWidget(self.talk_label)
        layout.addSpacing(12)
        layout.addWidget(self.incoming_box)
        layout.addWidget(self.pause_button)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.retranslate()

    def show_call(self, call: ShiftCall | None) -> None:
        self.call = call
        if call is not None and call.phase in ("ringing", "talking"):
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()
        self._paint()

    def show_incoming(self, call: ShiftCall | None, waiting: int = 0) -> None:
        """The call waiting to be taken over (None: nothing), and how many wait in all."""
        self.incoming, self.incoming_waiting = call, waiting if call is not None else 0
        self._paint_incoming()

    def _paint_incoming(self) -> None:
        c = self.incoming
        self.incoming_box.setVisible(c is not None)
        if c is None:
            self.incoming_label.setText("")
            return
        text = self.tr("Incoming: {caller}").format(caller=c.who())
        if self.incoming_waiting > 1:
            text += " " + self.tr("(+{count} more)").format(count=self.incoming_waiting - 1)
        self.incoming_label.setText(text)

    def _paint(self) -> None:
        c = self.call
        phase = c.phase if c is not None and c.phase not in ("done", "missed") else "idle"
        if c is not None and c.withdrawn:
            self.state_label.setText(withdrawn_label(c.withdrawn))
        elif c is not None and c.phase == "missed":
            self.state_label.setText(status_label(c))
        else:
            self.state_label.setText(phase_label(phase))
        if c is None:
            for lab in (self.number_label, self.name_label, self.queue_label, self.wait_label,
                        self.talk_label):
                lab.setText("")
            self.dial_button.setEnabled(False)
            return
        self.number_label.setText(c.number_text())
        self.name_label.setText(c.caller_name)  # as the PBX sent it; the card shows the customer
        self.queue_label.setText(self.tr("Queue: {queue}").format(queue=c.queue) if c.queue else "")
        self.dial_button.setEnabled(bool(c.e164) and self.dial_blocked is None)
        self._tick()

    def _tick(self) -> None:
        c = self.call
        if c is None:
            return
        now = datetime.now(UTC)
        waited_until = c.answered_at or c.ended_at or now
        self.wait_label.setText(self.tr("Waited {time}").format(time=_clock((waited_until - c.rang_at).total_seconds())))
        if c.answered_at is not None:
            until = c.ended_at or now
            self.talk_label.setText(self.tr("Talk {time}").format(time=_clock((until - c.answered_at).total_seconds())))
        else:
            self.talk_label.setText("")

    def _dial_caller(self) -> None:
        if self.call is not None and self.call.e164:
            self.dialRequested.emit(self.call.e164)

    def set_pbx_actions(self, dial_blocked: str | None, pause_blocked: str | None) -> None:
        """Turn dial/pause off with the reason as tooltip (None: allowed)."""
        self.dial_blocked = dial_blocked
        self.pause_button.setEnabled(pause_blocked is None)
        self.pause_button.setToolTip(pause_blocked or self.tr("Pause or resume taking queue calls (F9)"))
        self.dial_button.setToolTip(dial_blocked or self.tr("Call this number (Ctrl+D)"))
        self._paint()

    def set_paused(self, paused: bool) -> None:
        """Show the pause state the PBX reports, without asking the PBX again."""
        was = self.pause_button.blockSignals(True)
        self.pause_button.setChecked(paused)
        self.pause_button.blockSignals(was)
        self._label_pause()

    def _pause_toggled(self, paused: bool) -> None:
        self._label_pause()
        self.pauseToggled.emit(paused)

    def _label_pause(self) -> None:
        paused = self.pause_button.isChecked()
        self.pause_button.setText(self.tr("Resume queue") if paused else self.tr("Pause in queue"))
        self.pause_button.setIcon(icon("resume" if paused else "pause"))

    def retranslate(self) -> None:
        self._label_pause()
        if self.pause_button.isEnabled():
            self.pause_button.setToolTip(self.tr("Pause or resume taking queue calls (F9)"))
        self.dial_button.setText(self.tr("Call back"))
        self.dial_button.setToolTip(self.dial_blocked or self.tr("Call this number (Ctrl+D)"))
        self.take_over_button.setText(self.tr("Take over (F8)"))
        self.take_over_button.setToolTip(self.tr("Show this call now; the call on screen waits in the list"))
        self._paint()
        self._paint_incoming()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
