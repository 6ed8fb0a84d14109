"""Wrap-up in the real operator window (offscreen, real SQLite store, real draft journal):
notes are on disk as they are typed, saving is once per call, nothing typed is dropped
unless the operator discards it, and the record says which call and who."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QPushButton, QTableView
from sqlalchemy import func, select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt.main_window import MainWindow
from cti_desk.services.drafts import DraftJournal
from cti_desk.settings.paths import data_dir
from cti_desk.store.models import AuditEntry, Customer, Inquiry, InquiryEntry
from tests.factories import add_customer
from tests.story_factories import add_inquiry

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

T0 = datetime(2026, 11, 30, 1, 0, 0, tzinfo=UTC)


def update(call_id="w-1", state=CallState.RINGING, number="0312345678", *, agent=None,
           ringing_at=(), seconds=0) -> CallUpdate:
    return CallUpdate(call_id=call_id, state=state, raw_number=number, caller_name=None, queue="support",
                      agent=agent, ts=T0 + timedelta(seconds=seconds), state_changed=True,
                      ringing_at=frozenset(ringing_at), source="test")


def ring(qtbot, w, u) -> None:
    with qtbot.waitSignal(w.popShown, timeout=5000):
        w.on_call_update(u)


def on_disk(w, call_id="w-1") -> str | None:
    """The notes a fresh start would find in the journal file (None: no draft)."""
    found = [d for d in DraftJournal(w.keeper.journal.path).load(w.keeper.store_key) if d.call_id == call_id]
    return found[0].wrapup.notes if found else None


def choose(w, code: str) -> None:
    w.wrapup.disposition.setCurrentIndex(w.wrapup.disposition.findData(code))


def save(qtbot, w) -> None:
    with qtbot.waitSignal(w.wrapUpSaved, timeout=5000):
        qtbot.mouseClick(w.wrapup.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.keeper._in_flight, timeout=5000)


def phase(w, call_id="w-1") -> str:
    return w.calls.find(call_id).phase


def counts(store) -> tuple[int, int]:
    with store.session() as s:
        return (s.scalar(select(func.count()).select_from(Inquiry)),
                s.scalar(select(func.count()).select_from(InquiryEntry)))


def entry(store, call_id="w-1") -> InquiryEntry:
    with store.session() as s:
        return s.scalars(select(InquiryEntry).where(InquiryEntry.call_id == call_id)).one()


def test_notes_are_on_disk_while_typing_before_any_save(qtbot, window, store):
    add_customer(store)
    ring(qtbot, window, update())
    qtbot.keyClicks(window.wrapup.notes, "callback tomorrow")
    window.wrapup.notes.insertPlainText("\n10時に折り返し")
    qtbot.waitUntil(lambda: on_disk(window) == "callback tomorrow\n10時に折り返し", timeout=5000)
    assert window.wrapup.state.text().startswith("Draft")


def test_notes_added_after_a_save_are_kept_and_saved_into_the_same_entry(qtbot, make_window, store):
    add_customer(store)
    w = make_window()
    ring(qtbot, w, update())
    w.on_call_update(update(state=CallState.ANSWERED, agent="PJSIP/2001", seconds=5))
    w.wrapup.notes.setPlainText("住所変更の依頼")
    choose(w, "question_answered")
    w.on_call_update(update(state=CallState.ENDED, seconds=90))
    save(qtbot, w)
    assert phase(w) == "done" and w.wrapup.state.text() == "Saved"
    qtbot.waitUntil(lambda: on_disk(w) is None, timeout=5000)  # the store has it: journal cleared

    w.wrapup.notes.moveCursor(w.wrapup.notes.textCursor().MoveOperation.End)
    w.wrapup.notes.insertPlainText("\n追記: 新住所に請求書も送付")
    assert phase(w) == "wrap-up"  # back in the list as a wrap-up to save
    assert w.wrapup.state.text().startswith("Changed since the last save")
    assert [c.call_id for c in w.pending_wrapups()] == ["w-1"]
    qtbot.waitUntil(lambda: on_disk(w) == "住所変更の依頼\n追記: 新住所に請求書も送付", timeout=5000)

    w.close()  # the later notes survive a restart too, and are saved into the call's one entry
    again = MainWindow(store, "suzuki", settings=w.settings)
    qtbot.addWidget(again)
    try:
        assert again.calls.find("w-1").wrapup.notes.endswith("新住所に請求書も送付")
        with qtbot.waitSignal(again.customerShown, timeout=5000):
            again.calls_view.activated.emit(again.calls.index(0, 0))
        save(qtbot, again)
    finally:
        again.close()
    assert counts(store) == (1, 1)
    saved = entry(store)
    assert saved.notes == "住所変更の依頼\n追記: 新住所に請求書も送付"
    assert (saved.started_at, saved.ended_at) == (T0.replace(tzinfo=None), (T0 + timedelta(seconds=90)).replace(tzinfo=None))


def test_save_pressed_twice_quickly_makes_one_inquiry(qtbot, window, store):
    add_customer(store)
    ring(qtbot, window, update())
    window.wrapup.notes.setPlainText("二重押し")
    choose(window, "other")
    qtbot.mouseClick(window.wrapup.save, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.wrapup.save, Qt.MouseButton.LeftButton)
    window.wrapup.save_now()  # and Ctrl+Enter on top
    qtbot.waitUntil(lambda: window.calls.find("w-1").wrapup.saved_version is not None, timeout=5000)
    qtbot.waitUntil(lambda: not window.keeper._in_flight, timeout=5000)
    assert counts(store) == (1, 1)
    save(qtbot, window)  # and once more later: still the call's one inquiry
    assert counts(store) == (1, 1)


def test_notes_typed_while_it_rang_here_stay_when_a_colleague_answers(qtbot, make_window, store):
    add_customer(store)
    w = make_window(agent="PJSIP/2001")
    ring(qtbot, w, update(ringing_at={"PJSIP/2001", "PJSIP/2002"}))
    w.wrapup.notes.setPlainText("名前だけ聞いた: 山田様、返品の件")
    w.on_call_update(update(state=CallState.ANSWERED, agent="PJSIP/2002", ringing_at={"PJSIP/2002"}, seconds=8))
    call = w.calls.find("w-1")
    assert call is not None and phase(w) == "wrap-up"  # listed as a draft, not done
    assert call in w.pending_wrapups()
    assert w.wrapup.notes.toPlainText() == "名前だけ聞いた: 山田様、返品の件"
    qtbot.waitUntil(lambda: on_disk(w) == "名前だけ聞いた: 山田様、返品の件", timeout=5000)
    choose(w, "other")
    save(qtbot, w)
    assert entry(store).notes == "名前だけ聞いた: 山田様、返品の件"


def test_nothing_typed_while_ringing_leaves_nothing_to_wrap_up(qtbot, make_window, store):
    add_customer(store)
    w = make_window(agent="PJSIP/2001")
    ring(qtbot, w, update(ringing_at={"PJSIP/2001"}))
    w.on_call_update(update(state=CallState.ANSWERED, agent="PJSIP/2002", seconds=8))
    assert w.pending_wrapups() == []


def test_discarding_asks_first_and_only_then_drops_the_draft(qtbot, window, store):
    add_customer(store)
    ring(qtbot, window, update())
    window.wrapup.notes.setPlainText("間違えて入力")
    window.on_call_update(update(state=CallState.ANSWERED, seconds=5))
    window.on_call_update(update(state=CallState.ENDED, seconds=20))
    qtbot.waitUntil(lambda: on_disk(window) == "間違えて入力", timeout=5000)

    qtbot.mouseClick(window.wrapup.discard, Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox, "discardWrapUp")
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.wrapup.notes.toPlainText() == "間違えて入力" and on_disk(window) == "間違えて入力"

    qtbot.mouseClick(window.wrapup.discard, Qt.MouseButton.LeftButton)
    box = next(b for b in window.findChildren(QMessageBox, "discardWrapUp") if b.isVisible())
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()
    assert window.wrapup.notes.toPlainText() == ""
    assert phase(window) == "done" and window.pending_wrapups() == []
    qtbot.waitUntil(lambda: on_disk(window) is None, timeout=5000)
    assert counts(store) == (0, 0)


def test_continuing_the_open_inquiry_is_offered_and_the_thread_shows_in_the_history(qtbot, window, store):
    cid = add_customer(store)
    open_id = add_inquiry(store, cid, channel="call_center", status="open", notes="返品の相談",
                          disposition="callback_requested")
    ring(qtbot, window, update())
    qtbot.waitUntil(lambda: window.wrapup.continue_box.isVisibleTo(window), timeout=5000)
    assert not window.wrapup.continue_box.isChecked()
    window.wrapup.continue_box.setChecked(True)
    window.wrapup.notes.setPlainText("返品受付済み、着払い伝票を送付")
    choose(window, "question_answered")
    save(qtbot, window)
    assert counts(store) == (1, 1) and entry(store).inquiry_id == open_id
    table = window.findChild(QTableView, "inquiryHistory")
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1 and bool(model.row(0).entries), timeout=5000)
    assert model.index(0, 4).data() == "返品受付済み、着払い伝票を送付"  # the latest contact
    assert model.index(0, 5).data() == "suzuki"
    thread = window.findChild(QPlainTextEdit, "inquiryThread").toPlainText()
    assert "返品の相談" in thread and "call w-1" in thread and "返品受付済み" in thread


def test_another_customer_opened_during_the_call_is_linked_only_when_the_operator_says(qtbot, window, store):
    caller = add_customer(store, name="山田 太郎")
    other = add_customer(store, name="山田 花子", phones=("0611112222",))
    add_inquiry(store, other, channel="call_center", status="open", notes="花子さんの件")
    with qtbot.waitSignal(window.customerShown, timeout=5000):  # the caller's card, audited
        ring(qtbot, window, update())
    call = window.calls.find("w-1")
    assert call.wrapup.customer_id == caller
    button = window.findChild(QPushButton, "thisIsTheCaller")
    assert not button.isVisibleTo(window)

    with qtbot.waitSignal(window.customerShown, timeout=5000):
        window.open_customer(other)  # e.g. from the search box: the family member asked about
    assert call.wrapup.customer_id == caller
    assert button.isVisibleTo(window)
    assert not window.wrapup.continue_box.isVisibleTo(window)  # not the caller's inquiry to continue

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert call.wrapup.customer_id == other and not button.isVisibleTo(window)
    assert window.wrapup.continue_box.isVisibleTo(window)
    window.wrapup.notes.setPlainText("花子様ご本人からの電話")
    choose(window, "question_answered")
    save(qtbot, window)
    with store.session() as s:
        assert s.scalars(select(Inquiry).where(Inquiry.call_id == "w-1")).one().customer_id == other


def test_audit_names_the_call_only_while_it_is_in_progress_and_always_the_operator(qtbot, window, store):
    caller = add_customer(store)
    with qtbot.waitSignal(window.customerShown, timeout=5000):
        ring(qtbot, window, update())
    window.on_call_update(update(state=CallState.ANSWERED, seconds=5))
    window.on_call_update(update(state=CallState.ENDED, seconds=30))
    window.open_customer(caller)  # looked at again after the call
    qtbot.waitUntil(lambda: len(_audit(store)) == 2, timeout=5000)
    window.wrapup.notes.setPlainText("確認のみ")
    choose(window, "question_answered")
    save(qtbot, window)
    qtbot.waitUntil(lambda: len(_audit(store)) == 3, timeout=5000)
    assert _audit(store) == [
        ("suzuki", "customer.open", caller, "w-1"),
        ("suzuki", "customer.open", caller, None),
        ("suzuki", "inquiry.save", caller, None),
    ]
    assert entry(store).operator == "suzuki"


def test_a_customer_created_from_the_call_is_the_caller_and_audited_with_the_call(qtbot, window, store):
    ring(qtbot, window, update(number="09099998888"))
    with qtbot.waitSignal(window.customerShown, timeout=5000):
        window.panel.new_form.createRequested.emit("新規 一郎", "シンキ イチロウ", "", "+819099998888")
    with store.session() as s:
        new = s.scalar(select(Customer.id))
    assert window.calls.find("w-1").wrapup.customer_id == new
    assert ("suzuki", "customer.create", new, "w-1") in _audit(store)


def _audit(store) -> list[tuple]:
    with store.session() as s:
        return [(a.actor, a.action, a.customer_id, a.call_id)
                for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_drafts_an_older_version_kept_in_the_settings_move_into_the_journal(qtbot, make_window, store, tmp_path):
    cid = add_customer(store)
    old = QSettings(str(tmp_path / "w0.ini"), QSettings.Format.IniFormat)  # make_window's first file
    old.setValue("wrapup/unsaved", json.dumps([{
        "call_id": "old-1", "rang_at": T0.isoformat(), "e164": "+81312345678", "raw_number": "0312345678",
        "caller_name": "", "queue": "support", "customer_id": cid, "opened_at": "2026-11-30T01:00:00",
        "closed_at": "2026-11-30T01:03:00", "notes": "前のバージョンのメモ", "disposition": "",
        "continue_inquiry_id": None}], ensure_ascii=False))
    old.sync()
    w = make_window()
    assert w.calls.find("old-1").wrapup.notes == "前のバージョンのメモ"
    assert on_disk(w, "old-1") == "前のバージョンのメモ"
    assert w.settings.value("wrapup/unsaved") is None


def test_a_damaged_journal_is_moved_aside_and_new_notes_are_still_kept(qtbot, make_window, store):
    damaged = data_dir() / "wrapup-drafts.sqlite3"
    damaged.write_bytes(b"this is no SQLite file at all" * 100)
    add_customer(store)
    w = make_window()
    assert "damaged" in w.statusBar().currentMessage()
    assert [p.name.startswith("wrapup-drafts.sqlite3.unreadable-") for p in data_dir().iterdir()].count(True) == 1
    ring(qtbot, w, update())
    w.wrapup.notes.setPlainText("新しいメモ")
    qtbot.waitUntil(lambda: on_disk(w) == "新しいメモ", timeout=5000)


def test_a_wrapup_saved_during_the_call_learns_when_the_call_ended(qtbot, window, store):
    add_customer(store)
    ring(qtbot, window, update())
    window.on_call_update(update(state=CallState.ANSWERED, seconds=5))
    window.wrapup.notes.setPlainText("通話中に保存")
    choose(window, "question_answered")
    save(qtbot, window)
    assert entry(store).ended_at is None
    window.on_call_update(update(state=CallState.ENDED, seconds=125))
    ended = (T0 + timedelta(seconds=125)).replace(tzinfo=None)
    qtbot.waitUntil(lambda: entry(store).ended_at == ended, timeout=5000)
    assert counts(store) == (1, 1) and phase(window) == "done"
