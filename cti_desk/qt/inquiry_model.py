"""The inquiry table's model: every channel's inquiries, the open ones first, and an
inquiry's thread as plain text."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cti_desk.qt.history_labels import channel_label, disposition_label, status_label
from cti_desk.qt.history_table import (
    DISPLAY,
    FONT,
    ROW,
    TOOLTIP,
    HistoryTable,
    Index,
    bold_font,
)
from cti_desk.qt.i18n import local_time
from cti_desk.qt.plaintext import tooltip
from cti_desk.services.history import InquiryRow

_INQUIRY_ROLES = frozenset((DISPLAY, TOOLTIP, FONT, ROW))


class InquiryHistoryModel(HistoryTable):
    """Past inquiries in every channel: the open ones first, then newest first."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("History", "Opened"),
        QT_TRANSLATE_NOOP("History", "Channel"),
        QT_TRANSLATE_NOOP("History", "Status"),
        QT_TRANSLATE_NOOP("History", "Disposition"),
        QT_TRANSLATE_NOOP("History", "Notes"),
        QT_TRANSLATE_NOOP("History", "Operator"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[InquiryRow] = []
        self._cells: list[_InquiryCells | None] = []  # per row, formatted when first painted

    def reset(self, rows: list[InquiryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [None] * len(self._rows)
        self.endResetModel()

    def clear(self) -> None:
        if self._rows:  # empty already: a model reset costs the view a relayout
            self.reset([])

    def open_inquiry(self, excluding_call: str | None = None, chosen: int | None = None) -> InquiryRow | None:
        """The inquiry a call may continue: the one already chosen, else the first open one
        that the call did not open itself."""
        if chosen is not None:
            row = next((r for r in self._rows if r.id == chosen), None)
            if row is not None:
                return row
        return next((r for r in self._rows
                     if r.status == "open" and (excluding_call is None or r.call_id != excluding_call)), None)

    def data(self, index: Index, role: int = DISPLAY):
        if role not in _INQUIRY_ROLES:
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < 6):  # an invalid index is (-1, -1)
            return None
        if role == ROW:
            return self._rows[row]
        cells = self._cells[row]
        if cells is None:
            cells = self._cells[row] = _InquiryCells(self._rows[row])
        if role == DISPLAY:
            return cells.shown[col]
        if role == TOOLTIP:
            return cells.tooltip if col == 4 else None
        return cells.font  # FONT


class _InquiryCells:
    """One inquiry row as painted, formatted once (again after a language switch)."""

    __slots__ = ("font", "shown", "tooltip")

    def __init__(self, r: InquiryRow) -> None:
        latest = r.latest  # the row says where the thread stands now
        self.shown = (
            local_time(r.opened_at),
            channel_label(r.channel),
            status_label(r.status),
            disposition_label(r.disposition),
            " ".join((latest.notes if latest else r.notes).split())[:200],
            latest.operator if latest else r.operator,
        )
        self.tooltip = tooltip(thread_text(r) if r.entries else r.notes)
        self.font = bold_font() if r.status == "open" else None


MAX_THREAD_ENTRIES = 50  # a tooltip or detail pane shows the latest contacts


def thread_text(r: InquiryRow) -> str:
    """An inquiry's thread as plain text: each contact's time, channel (a message's: LINE,
    the app...; a call says its call id), operator, call and notes."""
    parts = []
    if r.subject or (r.notes and not r.entries):
        parts.append(r.subject or r.notes)
    entries = r.entries[-MAX_THREAD_ENTRIES:]
    if len(r.entries) > len(entries):
        parts.append(QCoreApplication.translate("History", "… {count} earlier contacts").format(count=len(r.entries) - len(entries)))
    for e in entries:
        when = local_time(e.started_at)
        if e.ended_at is not None:
            when += "–" + local_time(e.ended_at, "%H:%M")
        head = [when, e.operator]
        if e.channel != "call_center":
            head.insert(1, channel_label(e.channel))
        if e.call_id:
            head.append(QCoreApplication.translate("History", "call {call}").format(call=e.call_id))
        if e.disposition:
            head.append(disposition_label(e.disposition))
        parts.append(" · ".join(h for h in head if h) + ("\n" + e.notes if e.notes else ""))
    return "\n\n".join(parts)
