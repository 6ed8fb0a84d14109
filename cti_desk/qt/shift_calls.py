"""This shift's calls as the window knows them (ShiftCall) and the list of them
(ShiftCallsModel, newest first, the newest MAX_SHOWN), with the labels of their states.

Everything about the caller comes from the PBX: plain text, never rich text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from PySide6 import QtCore  # Qt's enums read where used: the first read costs ~30 ms (issue 16)
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from cti_desk.domain.calls import CallState
from cti_desk.domain.phone import WithheldReason, display, withheld_reason
from cti_desk.domain.text import bounded
from cti_desk.qt.i18n import current_language
from cti_desk.services.wrapup_record import WrapUp

# A long shift (or a day of missed calls restored) would keep every call in memory and in
# every repaint: finished calls past the newest MAX_SHOWN leave the list (the call log has them).
MAX_SHOWN = 200
_CALL = 0x0100 + 1  # Qt.ItemDataRole.UserRole + 1 (ShiftCallsModel.CALL_ROLE), without reading Qt at import


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
    customer_name: str = ""  # the matched customer (the pop's resolution), else ""
    announced: bool = False  # rang while the operator was busy: waiting to be taken over
    withdrawn: str = ""  # routing.Reason: it stopped being this seat's call (kept: notes typed)
    called_back_at: datetime | None = None
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
        reason = withheld_reason(self.raw_number)
        if reason is not None:
            return withheld_label(reason)
        return bounded(self.raw_number, 64)

    def name_text(self) -> str:
        """Who it is: the matched customer, else what the PBX calls the caller."""
        return self.customer_name or self.caller_name

    def who(self) -> str:
        """The caller in one line, for the bar, the tray and the status bar."""
        name = self.name_text()
        return f"{name} ({self.number_text()})" if name else self.number_text()

    def time_text(self) -> str:
        if self._shown_time is None:
            self._shown_time = self.rang_at.astimezone().strftime("%H:%M:%S")
        return self._shown_time


def withheld_label(reason: str) -> str:
    """The Japanese carriers' reasons (非通知, 公衆電話, 表示圏外) as the operator reads them."""
    return {
        WithheldReason.PAY_PHONE: QCoreApplication.translate("CallBar", "Pay phone"),
        WithheldReason.UNAVAILABLE: QCoreApplication.translate("CallBar", "Number not available"),
    }.get(reason, QCoreApplication.translate("CallBar", "Withheld"))


_state_labels: dict[tuple, str] = {}  # (language, what decides the label) -> label


def status_label(call: ShiftCall) -> str:
    """The shift list's state column: the phase, or what became of the call here."""
    key = (current_language(), call.withdrawn, call.announced, call.phase, call.called_back_at is None)
    label = _state_labels.get(key)
    if label is None:
        if len(_state_labels) > 256:  # a few dozen combinations; bounded all the same
            _state_labels.clear()
        label = _state_labels[key] = _status_label(call)
    return label


def _status_label(call: ShiftCall) -> str:
    if call.withdrawn:
        return withdrawn_label(call.withdrawn)
    if call.announced:
        return QCoreApplication.translate("CallBar", "Waiting (F8)")
    if call.phase == "missed" and call.called_back_at is not None:
        return QCoreApplication.translate("CallBar", "Called back")
    return phase_label(call.phase)


def withdrawn_label(reason: str) -> str:
    if reason == "colleague_answered":
        return QCoreApplication.translate("CallBar", "Answered by a colleague")
    return QCoreApplication.translate("CallBar", "Rang elsewhere")


def phase_label(phase: str) -> str:
    return {
        "idle": QCoreApplication.translate("CallBar", "Idle"),
        "ringing": QCoreApplication.translate("CallBar", "Ringing"),
        "talking": QCoreApplication.translate("CallBar", "Talking"),
        "wrap-up": QCoreApplication.translate("CallBar", "Wrap-up"),
        "missed": QCoreApplication.translate("CallBar", "Missed"),
        "done": QCoreApplication.translate("CallBar", "Done"),
    }.get(phase, phase)


def in_progress_call_id(call: ShiftCall | None) -> str | None:
    """The call the operator is on now (for audit entries); None once it has ended."""
    if call is None or call.ended_at is not None:
        return None
    return call.call_id if call.state in (CallState.RINGING, CallState.ANSWERED) else None


class ShiftCallsModel(QStandardItemModel):
    """This shift's calls, newest first: pops never stack up as windows.

    The cells are Qt's own items holding their text: a repaint of the list (a new call,
    a state change, a pop's selection) asks no Python, so it never waits for the GIL a
    pop's lookup holds on its worker. `changed` and `retranslate` set the texts anew.

    At most `limit` rows: past it, the oldest finished call (missed or done, not waiting
    to be taken over, not one `keep` names) leaves; `letGo` says how many have so far.
    """

    COLUMNS = ("Time", "Number", "Name", "State")
    CALL_ROLE = _CALL
    letGo = Signal(int)  # calls let go of so far (they stay in the call log)

    def __init__(self, parent=None, keep: Callable[[ShiftCall], bool] | None = None,
                 limit: int | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self._calls: list[ShiftCall] = []
        self._by_id: dict[str, ShiftCall] = {}
        self._keep = keep or (lambda _call: False)
        self._limit = MAX_SHOWN if limit is None else limit
        self.let_go = 0
        self.retranslate()

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
        self._insert(0, call)

    def add_in_order(self, call: ShiftCall) -> None:
        """An older call (from the call log) at its place by ring time, newest first."""
        row = next((n for n, c in enumerate(self._calls) if c.rang_at < call.rang_at), len(self._calls))
        self._insert(row, call)

    def _insert(self, row: int, call: ShiftCall) -> None:
        items = []
        for text in _texts(call):
            item = QStandardItem(text)
            item.setFlags(_read_only())
            item.setData(call, _CALL)  # any cell a view hands back (activated) names its call
            items.append(item)
        self._calls.insert(row, call)  # listed before rowsInserted goes out
        self._by_id[call.call_id] = call
        self.insertRow(row, items)
        if len(self._calls) > self._limit:
            self._trim()

    def _trim(self) -> None:
        before = self.let_go
        n = len(self._calls) - 1
        while len(self._calls) > self._limit and n >= 0:
            c = self._calls[n]
            if c.phase in ("missed", "done") and not c.announced and not self._keep(c):
                self.remove(c)
                self.let_go += 1
            n -= 1
        if self.let_go != before:
            self.letGo.emit(self.let_go)

    def remove(self, call: ShiftCall) -> None:
        """A call that was never this seat's after all (withdrawn, nothing typed)."""
        n = self.row_of(call)
        if n < 0:
            return
        del self._calls[n]
        if self._by_id.get(call.call_id) is call:
            del self._by_id[call.call_id]
        self.removeRow(n)

    def changed(self, call: ShiftCall) -> None:
        """The call's cells again; one dataChanged for its row, whether or not a text moved
        (the window and the wrap-up keeper follow saves through it)."""
        n = self.row_of(call)
        if n >= 0:
            self._set_texts(n, call)
            self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.COLUMNS) - 1),
                                  [QtCore.Qt.ItemDataRole.DisplayRole])

    def _set_texts(self, n: int, call: ShiftCall) -> None:
        blocked = self.blockSignals(True)  # one dataChanged for the row, from the caller
        try:
            for col, text in enumerate(_texts(call)):
                item = self.item(n, col)
                if item.text() != text:
                    item.setText(text)
        finally:
            self.blockSignals(blocked)

    def retranslate(self) -> None:
        """The language changed: the headings, the states and withheld numbers anew."""
        self.setHorizontalHeaderLabels([
            QCoreApplication.translate("CallBar", "Time"),
            QCoreApplication.translate("CallBar", "Number"),
            QCoreApplication.translate("CallBar", "Name"),
            QCoreApplication.translate("CallBar", "State"),
        ])
        for n, call in enumerate(self._calls):
            self._set_texts(n, call)
        if self._calls:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._calls) - 1, len(self.COLUMNS) - 1),
                                  [QtCore.Qt.ItemDataRole.DisplayRole])


@cache
def _read_only() -> QtCore.Qt.ItemFlag:
    """As a table model's cells: selectable, not editable."""
    return QtCore.Qt.ItemFlag.ItemIsSelectable | QtCore.Qt.ItemFlag.ItemIsEnabled


def _texts(call: ShiftCall) -> tuple[str, str, str, str]:
    return call.time_text(), call.number_text(), call.name_text(), status_label(call)
