"""The QueueBoard between two threads: the call source's thread feeds it, the GUI thread
reads it once a second. One lock guards every call into the board, so a snapshot is
never taken half-way through an event; the GUI thread only paints snapshots.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

ALL = "*"  # the figures of every queue together (QueueBoard.total())
HISTORY_SECONDS = 3600  # the rolling charts show the last hour


@dataclass(frozen=True, slots=True)
class BoardSnapshot:
    ts: datetime
    figures: dict[str, Any]  # queue name -> QueueFigures, ALL included
    agents: list[Any]  # AgentRow
    waiting: list[Any]  # WaitingCaller

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
        """What one tick paints. The source's thread waits while it is taken: only the
        reads the window shows (not changed_queues(), which `cti-desk queues` needs)."""
        with self._lock:
            board = self._board
            figures = {f.queue: f for f in board.figures()}
            total = figures[ALL] = board.total()
            agents = board.agents()
            waiting = board.waiting_callers()
        return BoardSnapshot(total.ts, figures, agents, waiting)


class QueueHistory:
    """Waiting callers and longest wait per queue, one point a second, the last hour."""

    def __init__(self, seconds: int = HISTORY_SECONDS) -> None:
        self._seconds = seconds
        # queue -> (times, waiting, longest wait s): three columns, so a series is a copy
        self._points: dict[str, tuple[deque[float], deque[int], deque[int]]] = {}

    def add(self, snapshot: BoardSnapshot) -> None:
        t = snapshot.ts.timestamp()
        for queue, f in snapshot.figures.items():
            points = self._points.get(queue)
            if points is None:
                points = self._points[queue] = tuple(deque(maxlen=self._seconds) for _ in range(3))
            times, waiting, longest = points
            times.append(t)
            waiting.append(int(f.waiting))
            longest.append(int(f.longest_wait_s))

    def series(self, queue: str, now: float) -> tuple[list[float], list[int], list[int]]:
        """(minutes before now, waiting, longest wait s) for the last hour."""
        points = self._points.get(queue)
        if points is None:
            return [], [], []
        times, waiting, longest = points
        old = 0  # points come in time order: the ones past the hour are the first
        for t in times:
            if now - t <= self._seconds:
                break
            old += 1
        return ([(t - now) / 60.0 for t in islice(times, old, None)], list(islice(waiting, old, None)),
                list(islice(longest, old, None)))
