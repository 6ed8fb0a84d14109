"""The call bar on top of the window and the list of this shift's calls.

Everything about the caller comes from the PBX: shown as plain text, never rich text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

from cti_desk.domain.calls import CallState
from cti_desk.domain.phone import display
from cti_desk.domain.text import bounded
from cti_desk.qt.icons import icon
from cti_desk.services.inquiries import WrapUp

_Index = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class ShiftCall:
    """One call of this shift as the window knows it, with its wrap-up draft."""

    call_id: str
    rang_at: datetime  # aware
    e164: str | None
    raw_number: str | None
    caller_name: str
    queue: str
    state: CallState
    wrapup: WrapUp
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    saved: bool = False
    # Formatted once (phonenumbers costs ~70 µs a number): the shift list repaints often.
    _shown_number: str | None = field(default=None, init=False, repr=False, compare=False)
    _shown_time: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def phase(self) -> str:
        if self.state is CallState.RINGING:
            return "ringing"
        if self.state is CallState.ANSWERED:
            return "talking"
        if self.state is CallState.ENDED and not self.saved:
            return "wrap-up"
        if self.state is CallState.MISSED:
            return "missed"
        return "done"

    def number_text(self) -> str:
        if self.e164:
            if self._shown_number is None:
                self._shown_number = display(self.e164)
            return self._shown_number
        if not self.raw_number or self.raw_number.strip().lower() in {
            "", "<unknown>", "unknown", "anonymous", "private", "restricted"
        }:
            return QCoreApplication.translate("CallBar", "Withheld")
        return bounded(self.raw_number, 64)

    def time_text(self) -> str:
        if self._shown_time is None:
            self._shown_time = self.rang_at.astimezone().strftime("%H:%M:%S")
        return self._shown_time


def phase_label(phase: str) -> str:
    return {
        "idle": QCoreApplication.translate("CallBar", "Idle"),
        "ringing": QCoreApplication.translate("CallBar", "Ringing"),
        "talking": QCoreApplication.translate("CallBar", "Talking"),
        "wrap-up": QCoreApplication.translate("CallBar", "Wrap-up"),
        "missed": QCoreApplication.translate("CallBar", "Missed"),
        "done": QCoreApplication.translate("CallBar", "Done"),
    }.get(phase, phase)


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class ShiftCallsModel(QAbstractTableModel):
    """This shift's calls, newest first: pops never stack up as windows."""

    COLUMNS = ("Time", "Number", "Name", "State")
    CALL_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._calls: list[ShiftCall] = []
        self._by_id: dict[str, ShiftCall] = {}

    def calls(self) -> list[ShiftCall]:
        return list(self._calls)

    def find(self, call_id: str) -> ShiftCall | None:
        return self._by_id.get(call_id)

    def row_of(self, call: ShiftCall) -> int:
        """The call's row (newest first), -1 if not listed."""
        for n, c in enumerate(self._calls):
            if c is call:
                return n
        return -1

    def add(self, call: ShiftCall) -> None:
        call.number_text(), call.time_text()  # formatted now, not on every repaint
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._calls.insert(0, call)
        self._by_id[call.call_id] = call  # newest first, as the list
        self.endInsertRows()

    def changed(self, call: ShiftCall) -> None:
        n = self.row_of(call)
        if n >= 0:  # only the state column changes; the others were formatted once
            self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.COLUMNS) - 1),
                                  [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._calls)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("CallBar", "Time"),
                QCoreApplication.translate("CallBar", "Number"),
                QCoreApplication.translate("CallBar", "Name"),
                QCoreApplication.translate("CallBar", "State"),
            )[section] if 0 <= section < 4 else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._calls)):
            return None
        c = self._calls[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return c.time_text()
            if col == 1:
                return c.number_text()
            if col == 2:
                return c.caller_name
            return phase_label(c.phase)
        if role == self.CALL_ROLE:
            return c
        return None


class CallBar(QFrame):
    """State, caller, queue, waiting time and talk timer of the call on screen."""

    pauseToggled = Signal(bool)
    dialRequested = Signal(str)

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

    def _paint(self) -> None:
        c = self.call
        phase = c.phase if c is not None and c.phase not in ("done", "missed") else "idle"
        self.state_label.setText(phase_label(phase))
        if self.property("phase") != phase:  # re-polishing costs: only when the phase changes
            self.setProperty("phase", phase)
            self.style().unpolish(self)
            self.style().polish(self)
        if c is None:
            for lab in (self.number_label, self.name_label, self.queue_label, self.wait_label,
                        self.talk_label):
                lab.setText("")
            self.dial_button.setEnabled(False)
            return
        self.number_label.setText(c.number_text())
        self.name_label.setText(c.caller_name)
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
        self._paint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
