"""A customer who wrote on LINE and now calls is no stranger (issue 14): the real operator
window (offscreen) on a real store, SQLite and PostgreSQL, pops the LINE inquiry at the
top of the inquiry history, named with its channel and its text, and the wrap-up
continues that LINE thread with the call's entry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QTableView
from sqlalchemy import select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt import i18n
from cti_desk.store.db import Store, open_store
from cti_desk.store.models import ChannelIdentity, Inquiry, InquiryEntry
from tests.factories import add_customer
from tests.story_factories import add_inquiry

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

LINE_USER = "U4af4980629d2f2ef3b4f5d0e4e2a4b8c"  # the userId form of LINE's webhook samples
WROTE_AT = datetime(2026, 11, 29, 22, 40)  # naive UTC: 07:40 the next morning in Japan
MESSAGE = "昨日注文した急須がまだ届きません。\n配送状況を教えてください <至急>"


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def store(request):
    s = open_store(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))
    yield s
    s.dispose()


def add_line_message(store: Store, customer_id: int, text: str, at: datetime, event_id: str) -> int:
    """A LINE text message as `cti-desk inbox` stores it (CONTRACT.md "cti-desk inbox"): the
    customer's `line` identity, an open Inquiry with channel line, its subject and the
    webhookEventId as external_id, and one InquiryEntry with channel line whose notes are
    the message text. Written here directly so the window's part is tested on its own."""
    with store.transaction() as s:
        if s.scalar(select(ChannelIdentity.id).where(ChannelIdentity.channel == "line",
                                                     ChannelIdentity.external_id == LINE_USER)) is None:
            s.add(ChannelIdentity(customer_id=customer_id, channel="line", external_id=LINE_USER,
                                  display_name="たろう"))
        inquiry = Inquiry(customer_id=customer_id, channel="line", opened_at=at, status="open",
                          subject=text.split("\n", 1)[0][:200], notes=text, external_id=event_id)
        s.add(inquiry)
        s.flush()
        s.add(InquiryEntry(inquiry_id=inquiry.id, channel="line", started_at=at, written_at=at, notes=text))
        s.flush()
        return inquiry.id


def ring(window, call_id: str, number: str, state=CallState.RINGING) -> None:
    """A call state as the window's call bridge hands it over."""
    agent = None if state == CallState.RINGING else "PJSIP/2001"
    window.on_call_update(CallUpdate(call_id, state, number, None, "support", agent, datetime.now(UTC),
                                     state_changed=True, ringing_at=frozenset({"PJSIP/2001"}), source="test"))


def row_texts(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_a_line_inquiry_pops_first_and_the_call_continues_its_thread(qtbot, window, store):
    cid = add_customer(store, phones=("03-1234-5678",))
    # Newer than the LINE message but settled: the open LINE message still comes first.
    add_inquiry(store, cid, channel="app", status="closed", notes="アプリのログインについて",
                opened_at=WROTE_AT + timedelta(hours=2))
    add_inquiry(store, cid, channel="ec", status="closed", notes="領収書の発行",
                opened_at=WROTE_AT - timedelta(days=3))
    line_id = add_line_message(store, cid, MESSAGE, WROTE_AT, "01FZ74A0TDDPYRVKNK77XKC3ZR")

    with qtbot.waitSignal(window.customerShown, timeout=5000):
        ring(window, "c-line-1", "0312345678")
    table = window.findChild(QTableView, "inquiryHistory")
    model = table.model()
    assert model.rowCount() == 3
    top = row_texts(model, 0)
    assert top[1:3] == ["LINE", "Open"]
    assert top[4] == " ".join(MESSAGE.split())  # the message itself, on one line
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()  # open: to notice
    assert [row_texts(model, r)[1] for r in (1, 2)] == ["App", "EC"]  # then newest first
    tip = model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;至急&gt;" in tip and "<至急>" not in tip  # the sender's text stays text
    thread = window.findChild(QPlainTextEdit, "inquiryThread").toPlainText()
    assert "LINE" in thread and MESSAGE in thread

    try:
        with qtbot.waitSignal(model.dataChanged, timeout=2000):
            i18n.install_language("ja")
        assert row_texts(model, 0)[1:3] == ["LINE", "対応中"]
        assert [row_texts(model, r)[1] for r in (1, 2)] == ["アプリ", "EC"]
        offer = window.wrapup.continue_box
        qtbot.waitUntil(lambda: offer.isVisibleTo(window), timeout=5000)
        assert offer.text().startswith("対応中の問い合わせ（LINE）を継続")
    finally:
        i18n.install_language("en")
    qtbot.waitUntil(lambda: window.wrapup.continue_box.text().startswith("Continue"), timeout=2000)

    # The operator answers, says this call continues the LINE message, and wraps up.
    ring(window, "c-line-1", "0312345678", CallState.ANSWERED)
    offer = window.wrapup.continue_box
    assert offer.isVisibleTo(window) and not offer.isChecked()  # offered, never pre-checked
    assert offer.text() == "Continue open inquiry (LINE): 昨日注文した急須がまだ届きません。"
    offer.setChecked(True)
    window.wrapup.notes.setPlainText("配送状況を確認、明日午前着と案内")
    window.wrapup.disposition.setCurrentIndex(window.wrapup.disposition.findData("question_answered"))
    with qtbot.waitSignal(window.wrapUpSaved, timeout=5000):
        qtbot.mouseClick(window.wrapup.save, Qt.MouseButton.LeftButton)

    with store.session() as s:
        entry = s.scalars(select(InquiryEntry).where(InquiryEntry.call_id == "c-line-1")).one()
        assert entry.inquiry_id == line_id
        thread_rows = s.execute(select(InquiryEntry.channel, InquiryEntry.notes)
                                .where(InquiryEntry.inquiry_id == line_id).order_by(InquiryEntry.id)).all()
        assert thread_rows == [("line", MESSAGE), ("call_center", "配送状況を確認、明日午前着と案内")]
        assert s.scalars(select(Inquiry).where(Inquiry.call_id == "c-line-1")).all() == []  # no second inquiry
        line = s.get(Inquiry, line_id)
        assert (line.channel, line.status, line.subject) == ("line", "closed", "昨日注文した急須がまだ届きません。")
    # The history reloads: the LINE inquiry's row says where its thread stands now.
    def line_row() -> int | None:
        return next((r for r in range(model.rowCount()) if model.row(r).id == line_id), None)

    qtbot.waitUntil(lambda: line_row() is not None and len(model.row(line_row()).entries) == 2, timeout=5000)
    assert row_texts(model, line_row())[1:5] == ["LINE", "Closed", "Question answered", "配送状況を確認、明日午前着と案内"]
