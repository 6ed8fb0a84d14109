"""Agents with their state and time in state, callers waiting and for how long.

Two table models over the board's snapshot rows. A tick that keeps the same rows
only signals dataChanged (the time columns move every second); only a change in who
is listed resets the model. Every text from outside is plain and bounded.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from cti_desk.domain.text import bounded
from cti_desk.qt.supervisor.queue_tiles import duration

translate = QCoreApplication.translate

MAX_TEXT = 80


def state_label(state: str) -> str:
    return {
        "available": translate("AgentsModel", "Available"),
        "on_call": translate("AgentsModel", "On a call"),
        "ringing": translate("AgentsModel", "Ringing"),
        "paused": translate("AgentsModel", "Paused"),
        "offline": translate("AgentsModel", "Offline"),
    }.get(state, bounded(state, MAX_TEXT))


def _text(value) -> str:
    return bounded(str(value), MAX_TEXT) if value else "—"


_ROOT = QModelIndex()  # the default parent: no row has children


class _SnapshotModel(QAbstractTableModel):
    """Rows keyed by identity; `update(rows, now)` keeps the view's selection and scroll."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._keys: list = []
        self._now: datetime | None = None

    def key(self, row) -> object:
        raise NotImplementedError

    def cell(self, row, column: int) -> str:
        raise NotImplementedError

    def headers(self) -> list[str]:
        raise NotImplementedError

    def update(self, rows: list, now: datetime) -> None:
        self._now = now
        keys = [self.key(r) for r in rows]
        if keys != self._keys:
            self.beginResetModel()
            self._rows, self._keys = list(rows), keys
            self.endResetModel()
        elif rows:
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.cell(self._rows[index.row()], index.column())

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def _since(self, since: datetime | None) -> str:
        if since is None or self._now is None:
            return "—"
        return duration(max(0.0, (self._now - since).total_seconds()))


class AgentsModel(_SnapshotModel):
    def key(self, row) -> object:
        return row.interface

    def headers(self) -> list[str]:
        return [translate("AgentsModel", "Agent"), translate("AgentsModel", "Name"), translate("AgentsModel", "Queues"),
                translate("AgentsModel", "State"), translate("AgentsModel", "In state")]

    def cell(self, row, column: int) -> str:
        if column == 0:
            return _text(row.interface)
        if column == 1:
            return _text(row.name)
        if column == 2:
            return bounded(", ".join(row.queues), MAX_TEXT * 2) if row.queues else "—"
        if column == 3:
            return state_label(row.state)
        return self._since(row.since)


class WaitingModel(_SnapshotModel):
    def key(self, row) -> object:
        return (row.queue, row.call_id)

    def headers(self) -> list[str]:
        return [translate("WaitingModel", "Queue"), translate("WaitingModel", "Number"), translate("WaitingModel", "Caller"),
                translate("WaitingModel", "Waiting")]

    def cell(self, row, column: int) -> str:
        if column == 0:
            return _text(row.queue)
        if column == 1:
            return _text(row.number)
        if column == 2:
            return _text(row.caller_name)
        return self._since(row.since)


def for_queue(rows: list, queue: str, all_queues: str) -> list:
    """The rows of one queue (agents list theirs in `queues`), all of them for ALL."""
    if queue == all_queues:
        return rows
    return [r for r in rows if queue in (getattr(r, "queues", None) or (getattr(r, "queue", None),))]
