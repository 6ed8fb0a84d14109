"""A journal on this computer: what the operator entered survives a crash, a power cut or
a store that does not answer, until the store has it.

A small SQLite file in the user data folder. Every write is its own transaction with
`synchronous=FULL` (SQLite fsyncs the write-ahead log before the commit returns), done
on the journal's one writer thread in the order asked, so the GUI never waits on the
disk and an older snapshot never overwrites a newer one. The wrap-up drafts
(services/drafts.py) and the orders waiting for the store (services/order_journal.py)
are two such journals.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

log = logging.getLogger(__name__)


def store_key(store) -> str:
    """Which store a journal row belongs to, without a password (the journal is a plain file)."""
    return store.engine.url.render_as_string(hide_password=True)


def connect(path: Path, schema: str) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=10, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # fsync on every commit: a power cut keeps it
    conn.execute(schema)
    return conn


class JournalFile:
    """One journal file. Writes (`_submit`) return at once (a Future) and run on the
    journal's writer thread; reads (`_read`) are synchronous (a small local file)."""

    SCHEMA = ""  # CREATE TABLE IF NOT EXISTS ...
    THREAD = "cti-desk-journal"  # the writer thread's name
    WHAT = "journal"  # for the log

    def __init__(self, path: Path, on_error: Callable[[BaseException], None] | None = None) -> None:
        self.path = path
        self.on_error = on_error  # called on the writer thread
        self._writer: ThreadPoolExecutor | None = None
        self._conn: sqlite3.Connection | None = None  # the writer thread's own
        self._lock = threading.Lock()

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        if not self.path.exists():
            return []
        conn = connect(self.path, self.SCHEMA)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def flush(self, timeout: float | None = 10) -> None:
        """Wait until every write asked so far is on disk."""
        self._submit(lambda: None).result(timeout)

    def close(self) -> None:
        """Finish the queued writes, then stop the writer thread."""
        with self._lock:
            writer, self._writer = self._writer, None
        if writer is None:
            return
        writer.submit(self._close_conn)
        writer.shutdown(wait=True)

    def _submit(self, fn, *args) -> Future:
        with self._lock:
            if self._writer is None:
                self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.THREAD)
            future = self._writer.submit(fn, *args)
        future.add_done_callback(self._report)
        return future

    def _execute(self, sql: str, params: tuple = ()) -> None:
        """On the writer thread."""
        if self._conn is None:
            self._conn = connect(self.path, self.SCHEMA)
        self._conn.execute(sql, params)

    def _report(self, future: Future) -> None:
        exc = future.exception()
        if exc is not None:
            log.error("%s %s: %s", self.WHAT, self.path, exc)
            if self.on_error is not None:
                self.on_error(exc)

    def _close_conn(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
