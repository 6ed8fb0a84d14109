"""The wrap-up draft journal: what the operator types survives a crash or a power cut.

One row per call's draft in a journal file (services/journal_file.py: fsynced, written
on its own thread). A row is removed only when the wrap-up is in the store or the
operator discarded it. A draft the operator saved while the store did not answer is
`queued`: it is written to the store as soon as the store answers, also by the next
start after a crash, without the operator pressing Save again.
"""

from __future__ import annotations

import json
import logging
from concurrent.futures import Future
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path

from cti_desk.domain.text import bounded
from cti_desk.services.journal_file import JournalFile
from cti_desk.services.wrapup_record import MAX_NOTES, WrapUp

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
    # Saved by the operator while the store did not answer: written once it does.
    queued: bool = False


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
        "queued": d.queued,
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
        customer_name=str(body.get("customer_name") or ""), queued=body.get("queued") is True,
    )


class DraftJournal(JournalFile):
    """Drafts of one desk, per store. `put`/`remove` return at once (a Future); `load`
    reads synchronously (a small local file, read at start)."""

    SCHEMA = _SCHEMA
    THREAD = "cti-desk-drafts"
    WHAT = "wrap-up draft journal"

    @classmethod
    def in_folder(cls, folder: Path, **kwargs) -> DraftJournal:
        return cls(folder / FILE_NAME, **kwargs)

    def load(self, store: str) -> list[CallDraft]:
        """This store's drafts, oldest call first; unreadable rows are skipped (logged)."""
        rows = self._read("SELECT call_id, body FROM drafts WHERE store = ?", (store,))
        drafts = []
        for call_id, body in rows:
            try:
                drafts.append(from_json(body))
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("draft of call %s unreadable, left in %s: %s", bounded(call_id, 64), self.path, exc)
        return sorted(drafts, key=lambda d: d.rang_at)

    def put(self, store: str, draft: CallDraft) -> Future:
        """Journal this snapshot (serialized now, on the caller's thread)."""
        body = to_json(draft)
        return self._submit(self._write, store, draft.call_id, body)

    def remove(self, store: str, call_id: str) -> Future:
        return self._submit(self._delete, store, call_id)

    def _write(self, store: str, call_id: str, body: str) -> None:
        self._execute(
            "INSERT INTO drafts (store, call_id, written_at, body) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (store, call_id) DO UPDATE SET written_at = excluded.written_at, body = excluded.body",
            (store, call_id, datetime.now().astimezone().isoformat(), body),
        )

    def _delete(self, store: str, call_id: str) -> None:
        self._execute("DELETE FROM drafts WHERE store = ? AND call_id = ?", (store, call_id))
