"""The QueueBoard between two threads: the call source's thread feeds it, the GUI thread
reads it once a second. One lock guards every call into the board, so a snapshot is
never taken half-way through an event; the GUI thread only paints snapshots.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

ALL = "*"  # the figures of every queue together (QueueBoard.total())
HISTORY_SECONDS = 3600  # the rolling charts show the last hour


@dataclass(frozen=True, slots=True)
class BoardSnapshot:
    ts: datetime
    figures: dict[str, Any]  # queue name -> QueueFigures, ALL included
    agents: list[Any]  # AgentRow
    waiting: list[Any]  # WaitingCaller
    changed: set[str] = field(default_factory=set)

    @property
    def queues(self) -> list[str]:
        return sorted(q for q in self.figures if q != ALL)


class BoardFeed:
    """Stands in for the board wherever a source calls it (`source.queue_board`):
    every method of the board runs under the feed's lock."""

    def __init__(self, board) -> None:
        self._board = board
        self._lock = threading.RLock()  # a board's listener may read it back

    def __getattr__(self, name: str):
        attr = getattr(self._board, name)
        if not callable(attr):
            return attr
        lock = self._lock

        def locked(*args, **kwargs):
            with lock:
                return attr(*args, **kwargs)

        return locked

    def snapshot(self) -> BoardSnapshot:
        with self._lock:
            board = self._board
            figures = {f.queue: f for f in board.figures()}
            total = figures[ALL] = board.total()
            agents = list(board.agents())
            waiting = list(board.waiting_callers())
            changed = set(board.changed_queues())
        return BoardSnapshot(total.ts, figures, agents, waiting, changed)


class QueueHistory:
    """Waiting callers and longest wait per queue, one point a second, the last hour."""

    def __init__(self, seconds: int = HISTORY_SECONDS) -> None:
        self._seconds = seconds
        self._points: dict[str, deque[tuple[float, int, int]]] = {}

    def add(self, snapshot: BoardSnapshot) -> None:
        t = snapshot.ts.timestamp()
        for queue, f in snapshot.figures.items():
            points = self._points.get(queue)
            if points is None:
                points = self._points[queue] = deque(maxlen=self._seconds)
            points.append((t, int(f.waiting), int(f.longest_wait_s)))

    def series(self, queue: str, now: float) -> tuple[list[float], list[int], list[int]]:
        """(minutes before now, waiting, longest wait s) for the last hour."""
        points = [p for p in self._points.get(queue, ()) if now - p[0] <= self._seconds]
        return ([(p[0] - now) / 60.0 for p in points], [p[1] for p in points], [p[2] for p in points])
