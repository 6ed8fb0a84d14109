"""Agents with their state and time in state, callers waiting and for how long.

Two table models over the board's snapshot rows. A tick keeps the rows the view shows:
rows that left are removed and new ones inserted (the selection and the scroll stay put),
and only changed cells are signalled, so the view repaints those alone: a row's texts
when the row changed, and the time column, which moves every second. The row texts are
made once per change, the times when painted. Every text from outside is plain
and bounded.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from cti_desk.domain.text import bounded
from cti_desk.qt.supervisor.queue_tiles import duration

translate = QCoreApplication.translate

MAX_TEXT = 80
_DISPLAY = [Qt.ItemDataRole.DisplayRole]


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


# A view repaints only the cells of a dataChanged range up to 200 cells; past that, its
# whole viewport (Qt 6 QAbstractItemView). Ranges are sent in runs of at most this many rows.
RUN_ROWS = 100


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows, RUN_ROWS at most."""
    runs: list[tuple[int, int]] = []
    for r in rows:
        if runs and runs[-1][1] == r - 1 and r - runs[-1][0] < RUN_ROWS:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    return runs


class _SnapshotModel(QAbstractTableModel):
    """Rows keyed by identity; `update(rows, now)` keeps the view's selection and scroll.

    The last column is the time since `since(row)`; `cells(row)` are the others."""

    columns = 0  # len(headers())

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._keys: list = []
        self._texts: list[list[str]] = []
        self._now: datetime | None = None

    def key(self, row) -> object:
        raise NotImplementedError

    def cells(self, row) -> list[str]:
        raise NotImplementedError

    def since(self, row) -> datetime | None:
        raise NotImplementedError

    def headers(self) -> list[str]:
        raise NotImplementedError

    def update(self, rows: list, now: datetime) -> None:
        moved_on, self._now = now != self._now, now
        keys = [self.key(r) for r in rows]
        inserted: set[int] = set()
        if keys != self._keys and (inserted := self._move_rows(rows, keys)) is None:
            self.beginResetModel()
            self._rows, self._keys = list(rows), keys
            self._texts = [self.cells(r) for r in rows]
            self.endResetModel()
            return
        changed: list[list[int]] = [[] for _ in range(self.columns - 1)]
        rows_changed = bool(inserted)
        for i, row in enumerate(rows):
            if i in inserted or row is self._rows[i] or row == self._rows[i]:
                continue
            rows_changed = True
            old, new = self._texts[i], self.cells(row)
            self._rows[i], self._texts[i] = row, new
            for c, column_rows in enumerate(changed):
                if old[c] != new[c]:
                    column_rows.append(i)
        for c, column_rows in enumerate(changed):
            for first, last in _runs(column_rows):
                self.dataChanged.emit(self.index(first, c), self.index(last, c), _DISPLAY)
        if moved_on or rows_changed:  # the times: the view repaints this column's visible part
            for first in range(0, len(rows), RUN_ROWS):
                last = min(first + RUN_ROWS, len(rows)) - 1
                self.dataChanged.emit(self.index(first, self.columns - 1), self.index(last, self.columns - 1), _DISPLAY)

    def _move_rows(self, rows: list, keys: list) -> set[int] | None:
        """Remove the rows that left and insert the new ones where they belong, when the
        rows that stay keep their order; the new rows' numbers (None: the caller resets)."""
        new_set, old_set = set(keys), set(self._keys)
        if len(new_set) != len(keys) or [k for k in self._keys if k in new_set] != [k for k in keys if k in old_set]:
            return None
        inserted: set[int] = set()
        i = len(self._keys) - 1
        while i >= 0:  # from the bottom, so the row numbers above stay right
            if self._keys[i] in new_set:
                i -= 1
                continue
            first = i
            while first > 0 and self._keys[first - 1] not in new_set:
                first -= 1
            self.beginRemoveRows(_ROOT, first, i)
            del self._rows[first:i + 1], self._keys[first:i + 1], self._texts[first:i + 1]
            self.endRemoveRows()
            i = first - 1
        i = 0
        while i < len(keys):  # the rows above i are keys[:i] already
            if keys[i] in old_set:
                i += 1
                continue
            last = i
            while last + 1 < len(keys) and keys[last + 1] not in old_set:
                last += 1
            self.beginInsertRows(_ROOT, i, last)
            self._rows[i:i] = rows[i:last + 1]
            self._keys[i:i] = keys[i:last + 1]
            self._texts[i:i] = [self.cells(r) for r in rows[i:last + 1]]
            self.endInsertRows()
            inserted.update(range(i, last + 1))
            i = last + 1
        return inserted

    def retranslate(self) -> None:
        """Labels made in the old language are made again."""
        self._texts = [self.cells(r) for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columns - 1), _DISPLAY)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columns - 1)

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self.columns

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column < self.columns - 1:
            return self._texts[row][column]
        return self._since(self.since(self._rows[row]))

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def _since(self, since: datetime | None) -> str:
        if since is None or self._now is None:
            return "—"
        return duration(max(0.0, (self._now - since).total_seconds()))


class AgentsModel(_SnapshotModel):
    columns = 5

    def key(self, row) -> object:
        return row.interface

    def headers(self) -> list[str]:
        return [translate("AgentsModel", "Agent"), translate("AgentsModel", "Name"), translate("AgentsModel", "Queues"),
                translate("AgentsModel", "State"), translate("AgentsModel", "In state")]

    def cells(self, row) -> list[str]:
        return [_text(row.interface), _text(row.name),
                bounded(", ".join(row.queues), MAX_TEXT * 2) if row.queues else "—", state_label(row.state)]

    def since(self, row) -> datetime | None:
        return row.since


class WaitingModel(_SnapshotModel):
    columns = 4

    def key(self, row) -> object:
        return (row.queue, row.call_id)

    def headers(self) -> list[str]:
        return [translate("WaitingModel", "Queue"), translate("WaitingModel", "Number"), translate("WaitingModel", "Caller"),
                translate("WaitingModel", "Waiting")]

    def cells(self, row) -> list[str]:
        return [_text(row.queue), _text(row.number), _text(row.caller_name)]

    def since(self, row) -> datetime | None:
        return row.since


def for_queue(rows: list, queue: str, all_queues: str) -> list:
    """The rows of one queue (agents list theirs in `queues`), all of them for ALL."""
    if queue == all_queues:
        return rows
    return [r for r in rows if queue in (getattr(r, "queues", None) or (getattr(r, "queue", None),))]
