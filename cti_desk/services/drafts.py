"""The wrap-up draft journal: what the operator types survives a crash or a power cut.

A small SQLite file in the user data folder, one row per call's draft. Every write is
its own transaction with `synchronous=FULL` (SQLite fsyncs the write-ahead log before
the commit returns), done on the journal's one writer thread in the order asked, so the
GUI never waits on the disk and an older snapshot never overwrites a newer one. A row
is removed only when the wrap-up is in the store or the operator discarded it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path

from cti_desk.domain.text import bounded
from cti_desk.services.inquiries import MAX_NOTES, WrapUp

log = logging.getLogger(__name__)

FILE_NAME = "wrapup-drafts.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    store TEXT NOT NULL,
    call_id TEXT NOT NULL,
    written_at TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (store, call_id)
)
"""
_WRAPUP_TIMES = ("opened_at", "closed_at")
_CALL_TIMES = ("rang_at", "answered_at", "ended_at")


@dataclass(slots=True)
class CallDraft:
    """A call as the shift list showed it, with its wrap-up: enough to list it again."""

    call_id: str
    rang_at: datetime  # aware
    e164: str | None
    raw_number: str | None
    caller_name: str
    queue: str
    wrapup: WrapUp
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    customer_name: str = ""  # the matched customer, as the list showed it


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def to_json(d: CallDraft) -> str:
    w = {f.name: getattr(d.wrapup, f.name) for f in fields(WrapUp)}
    for key in _WRAPUP_TIMES:
        w[key] = w[key].isoformat() if w[key] else None
    w["notes"] = w["notes"][:MAX_NOTES]  # as typed, line breaks and all
    body = {
        "call_id": d.call_id, "e164": d.e164, "raw_number": d.raw_number,
        "caller_name": d.caller_name, "queue": d.queue, "customer_name": d.customer_name, "wrapup": w,
        **{key: getattr(d, key).isoformat() if getattr(d, key) else None for key in _CALL_TIMES},
    }
    return json.dumps(body, ensure_ascii=False)


def from_json(text: str) -> CallDraft:
    """A journaled draft; ValueError/KeyError/TypeError for a row that is not one."""
    body = json.loads(text)
    w = dict(body["wrapup"])
    known = {f.name for f in fields(WrapUp)}
    w = {k: v for k, v in w.items() if k in known}  # a newer cti-desk may journal more
    for key in _WRAPUP_TIMES:
        w[key] = _time(w.get(key))
    if w["opened_at"] is None:
        raise ValueError("draft without the call's start")
    wrapup = WrapUp(**w)
    rang_at = _time(body["rang_at"])
    if rang_at is None:
        raise ValueError("draft without the call's time")
    return CallDraft(
        call_id=str(body["call_id"]), rang_at=rang_at, e164=body.get("e164"),
        raw_number=body.get("raw_number"), caller_name=str(body.get("caller_name") or ""),
        queue=str(body.get("queue") or ""), wrapup=wrapup,
        answered_at=_time(body.get("answered_at")), ended_at=_time(body.get("ended_at")),
        customer_name=str(body.get("customer_name") or ""),
    )


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=10, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # fsync on every commit: a power cut keeps it
    conn.execute(_SCHEMA)
    return conn


class DraftJournal:
    """Drafts of one desk, per store. `put`/`remove` return at once (a Future); `load`
    reads synchronously (a small local file, read at start)."""

    def __init__(self, path: Path, on_error: Callable[[BaseException], None] | None = None) -> None:
        self.path = path
        self.on_error = on_error  # called on the writer thread
        self._writer: ThreadPoolExecutor | None = None
        self._conn: sqlite3.Connection | None = None  # the writer thread's own
        self._lock = threading.Lock()

    @classmethod
    def in_folder(cls, folder: Path, **kwargs) -> DraftJournal:
        return cls(folder / FILE_NAME, **kwargs)

    # -- reading ---------------------------------------------------------------------
    def load(self, store: str) -> list[CallDraft]:
        """This store's drafts, oldest call first; unreadable rows are skipped (logged)."""
        if not self.path.exists():
            return []
        conn = _connect(self.path)
        try:
            rows = conn.execute(
                "SELECT call_id, body FROM drafts WHERE store = ?", (store,)).fetchall()
        finally:
            conn.close()
        drafts = []
        for call_id, body in rows:
            try:
                drafts.append(from_json(body))
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("draft of call %s unreadable, left in %s: %s", bounded(call_id, 64), self.path, exc)
        return sorted(drafts, key=lambda d: d.rang_at)

    # -- writing (the writer thread) -------------------------------------------------
    def put(self, store: str, draft: CallDraft) -> Future:
        """Journal this snapshot (serialized now, on the caller's thread)."""
        body = to_json(draft)
        return self._submit(self._write, store, draft.call_id, body)

    def remove(self, store: str, call_id: str) -> Future:
        return self._submit(self._delete, store, call_id)

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
                self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cti-desk-drafts")
            future = self._writer.submit(fn, *args)
        future.add_done_callback(self._report)
        return future

    def _report(self, future: Future) -> None:
        exc = future.exception()
        if exc is not None:
            log.error("wrap-up draft journal %s: %s", self.path, exc)
            if self.on_error is not None:
                self.on_error(exc)

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = _connect(self.path)
        return self._conn

    def _write(self, store: str, call_id: str, body: str) -> None:
        self._connection().execute(
            "INSERT INTO drafts (store, call_id, written_at, body) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (store, call_id) DO UPDATE SET written_at = excluded.written_at, body = excluded.body",
            (store, call_id, datetime.now().astimezone().isoformat(), body),
        )

    def _delete(self, store: str, call_id: str) -> None:
        self._connection().execute("DELETE FROM drafts WHERE store = ? AND call_id = ?", (store, call_id))

    def _close_conn(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
