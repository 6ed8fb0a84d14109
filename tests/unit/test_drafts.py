"""The wrap-up draft journal: a real SQLite file, written on its own thread, read back by
a fresh journal as the next start would."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime

from cti_desk.services.drafts import CallDraft, DraftJournal, from_json, to_json
from cti_desk.services.inquiries import WrapUp

STORE = "sqlite:////srv/cti/store.sqlite3"
RANG = datetime(2026, 11, 30, 1, 0, 0, tzinfo=UTC)


def draft(call_id="c1", notes="折り返し: 明日10時\n\t在庫確認", **kw) -> CallDraft:
    w = WrapUp(call_id=call_id, operator="suzuki", opened_at=RANG.replace(tzinfo=None), customer_id=7,
               caller_number="+81312345678", notes=notes, disposition="callback_requested", version=3, **kw)
    return CallDraft(call_id=call_id, rang_at=RANG, e164="+81312345678", raw_number="0312345678",
                     caller_name="ﾔﾏﾀﾞ", queue="support", wrapup=w, answered_at=RANG, ended_at=None)


def drafts_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("cti-desk-drafts")]


def test_a_draft_round_trips_with_line_breaks_times_and_saved_state():
    d = draft(saved_version=2, inquiry_id=12, saved_notes="前回", saved_disposition="other")
    back = from_json(to_json(d))
    assert back == d
    assert back.wrapup.unsaved and back.wrapup.notes == "折り返し: 明日10時\n\t在庫確認"


def test_journaled_drafts_are_found_by_the_next_start_and_removed_when_saved(tmp_path):
    journal = DraftJournal.in_folder(tmp_path)
    journal.put(STORE, draft("c1", "first"))
    journal.put(STORE, draft("c1", "first, then more"))  # the newer snapshot wins
    journal.put(STORE, draft("c2", "second"))
    journal.put("postgresql+psycopg://cti@db/cti", draft("c3", "another store's"))
    journal.close()
    assert drafts_threads() == []

    again = DraftJournal.in_folder(tmp_path)
    assert [(d.call_id, d.wrapup.notes) for d in again.load(STORE)] == [
        ("c1", "first, then more"), ("c2", "second")]
    again.remove(STORE, "c1")
    again.flush()
    assert [d.call_id for d in DraftJournal.in_folder(tmp_path).load(STORE)] == ["c2"]
    again.close()


def test_writes_happen_in_the_order_asked(tmp_path):
    journal = DraftJournal.in_folder(tmp_path)
    for n in range(200):
        journal.put(STORE, draft("c1", f"version {n}"))
    journal.remove(STORE, "c1")
    journal.put(STORE, draft("c1", "typed after the save"))
    journal.close()
    [d] = DraftJournal.in_folder(tmp_path).load(STORE)
    assert d.wrapup.notes == "typed after the save"


def test_an_unreadable_row_is_skipped_and_left_in_place(tmp_path):
    journal = DraftJournal.in_folder(tmp_path)
    journal.put(STORE, draft("good"))
    journal.close()
    with sqlite3.connect(journal.path) as conn:
        conn.execute("INSERT INTO drafts VALUES (?, 'bad', '2026-11-30', '{not json')", (STORE,))
    assert [d.call_id for d in DraftJournal.in_folder(tmp_path).load(STORE)] == ["good"]
    with sqlite3.connect(journal.path) as conn:
        assert conn.execute("SELECT count(*) FROM drafts").fetchone() == (2,)


def test_a_failed_write_is_reported(tmp_path):
    reported = []
    (tmp_path / "blocked").write_text("a file where the folder should be")
    journal = DraftJournal(tmp_path / "blocked" / "drafts.sqlite3", on_error=reported.append)
    future = journal.put(STORE, draft())
    assert future.exception(timeout=10) is not None
    journal.close()
    assert len(reported) == 1


def test_a_missing_journal_is_no_drafts(tmp_path):
    assert DraftJournal.in_folder(tmp_path / "nothing-yet").load(STORE) == []
