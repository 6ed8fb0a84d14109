"""The operator window, offscreen, on a real SQLite store: what the operator sees."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QWidget
from sqlalchemy import select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt.call_bridge import CallBridge
from cti_desk.qt.main_window import MainWindow
from cti_desk.store.models import AuditEntry, ChannelIdentity, Customer, CustomerPhone, Inquiry
from tests.factories import add_customer
from tests.story_factories import BASE, add_address, add_inquiry, add_purchases

# The offscreen platform says so for every shown top-level window; nothing to fix.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

T0 = datetime(2026, 11, 23, 1, 0, 0, tzinfo=UTC)


def update(call_id="c1", state=CallState.RINGING, number="0312345678", name=None, *,
           ringing_at=(), agent=None, changed=True, seconds=0) -> CallUpdate:
    return CallUpdate(call_id=call_id, state=state, raw_number=number, caller_name=name,
                      queue="support", agent=agent, ts=T0 + timedelta(seconds=seconds),
                      state_changed=changed, ringing_at=frozenset(ringing_at), source="test")


def ring(qtbot, w, u):
    with qtbot.waitSignal(w.popShown, timeout=5000) as sig:
        w.on_call_update(u)
    assert sig.args == [u.call_id]


def label(w, name) -> QLabel:
    return w.findChild(QLabel, name)


def test_known_caller_pops_with_story(qtbot, window, store):
    cid = add_customer(store, name="山田 太郎", kana="ヤマダ タロウ", member_id="M-1001")
    add_purchases(store, cid, 3)
    add_inquiry(store, cid, channel="line", notes="配送日の確認", opened_at=BASE)
    add_inquiry(store, cid, channel="ec", notes="返品したい", status="open",
                disposition="callback_requested", opened_at=BASE - timedelta(days=40))
    ring(qtbot, window, update(name="ﾔﾏﾀﾞ ﾀﾛｳ"))
    assert label(window, "callState").text() == "Ringing"
    assert label(window, "callerNumber").text() == "03-1234-5678"
    assert label(window, "callerName").text() == "ﾔﾏﾀﾞ ﾀﾛｳ"
    assert label(window, "customerName").text() == "山田 太郎"
    assert label(window, "customer_kana").text() == "ヤマダ タロウ"
    assert label(window, "customer_member").text() == "M-1001"
    assert label(window, "customer_segment").text().startswith("Loyal customer")
    assert label(window, "customer_points").text() == "30 pt"
    purchases = window.findChild(QTableView, "purchaseHistory").model()
    assert purchases.rowCount() == 3
    assert purchases.index(0, 3).data() == "緑茶 500ml"
    assert purchases.index(0, 2).data() == "渋谷店"
    inquiries = window.findChild(QTableView, "inquiryHistory").model()
    assert inquiries.rowCount() == 2
    assert inquiries.index(0, 4).data() == "返品したい"  # the open one first, though older
    assert inquiries.index(0, 2).data() == "Open"
    # Offered, not pre-checked: the operator says whether this call continues it.
    assert window.wrapup.continue_box.isVisibleTo(window) and not window.wrapup.continue_box.isChecked()


def test_audit_row_written_on_open(qtbot, window, store):
    cid = add_customer(store)
    with qtbot.waitSignal(window.customerShown) as sig:
        window.on_call_update(update(call_id="audit-1"))
    assert sig.args == [cid]
    with store.session() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.customer_id,
                                AuditEntry.call_id)).all()
    assert rows == [("suzuki", "customer.open", cid, "audit-1")]


def test_several_matches_offer_a_choice(qtbot, window, store):
    a = add_customer(store, name="山田 太郎", member_id="M-A")
    b = add_customer(store, name="山田 花子", kana="ヤマダ ハナコ", external_id="H2")
    add_address(store, b, "大阪府", "北区")
    ring(qtbot, window, update())
    chooser = window.panel.chooser
    assert chooser.isVisibleTo(window)
    assert [chooser.item(r, 0).text() for r in range(chooser.rowCount())] == ["山田 太郎", "山田 花子"]
    assert chooser.item(0, 2).text() == "M-A" and chooser.item(1, 3).text() == "大阪府北区"
    chooser.setFocus()
    qtbot.keyClick(chooser, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.customerShown) as sig:
        qtbot.keyClick(chooser, Qt.Key.Key_Return)
    assert sig.args == [b]
    assert label(window, "customerName").text() == "山田 花子"
    assert window.current.wrapup.customer_id == b
    assert a != b


def test_unknown_caller_gets_a_prefilled_new_customer_form(qtbot, window, store):
    ring(qtbot, window, update(number="09011112222"))
    form = window.panel.new_form
    assert form.isVisibleTo(window)
    assert form.number.text() == "090-1111-2222"
    form.name.setText("新規 一郎")
    form.kana.setText("しんき いちろう")
    with qtbot.waitSignal(window.customerShown, timeout=5000) as sig:
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    cid = sig.args[0]
    assert label(window, "customerName").text() == "新規 一郎"
    with store.session() as s:
        customer = s.get(Customer, cid)
        assert customer.name_kana == "シンキ イチロウ"
        assert s.scalar(select(ChannelIdentity.channel).where(ChannelIdentity.customer_id == cid)) == "call_center"
        assert s.scalar(select(CustomerPhone.e164).where(CustomerPhone.customer_id == cid)) == "+819011112222"


def test_unknown_number_attached_to_an_existing_customer(qtbot, window, store):
    cid = add_customer(store, name="田中 一郎", kana="タナカ イチロウ", phones=("06-1111-2222",))
    ring(qtbot, window, update(number="09011112222"))
    qtbot.mouseClick(window.panel.new_form.attach, Qt.MouseButton.LeftButton)
    assert window.panel.results_attach.isVisibleTo(window)
    with qtbot.waitSignal(window.search.found, timeout=5000):
        qtbot.keyClicks(window.search, "0611112222")
    with qtbot.waitSignal(window.customerShown, timeout=5000) as sig:
        qtbot.mouseClick(window.panel.results_attach, Qt.MouseButton.LeftButton)
    assert sig.args == [cid]
    with store.session() as s:
        assert set(s.scalars(select(CustomerPhone.e164).where(CustomerPhone.customer_id == cid))) == {
            "+81611112222", "+819011112222"}


def test_withheld_number_focuses_search_and_japanese_input_finds(qtbot, window, store):
    cid = add_customer(store, name="山田 太郎")
    add_customer(store, name="佐藤 花子", kana="サトウ ハナコ", phones=("0611112222",))
    window.activateWindow()
    qtbot.waitActive(window)
    ring(qtbot, window, update(number="anonymous"))
    assert label(window, "callerNumber").text() == "Withheld"
    qtbot.waitUntil(window.search.hasFocus)
    event = QInputMethodEvent("", [])
    event.setCommitString("山田")
    with qtbot.waitSignal(window.search.found, timeout=5000) as sig:
        QApplication.sendEvent(window.search, event)
    assert window.search.text() == "山田"
    assert [c.id for c in sig.args[1]] == [cid]
    results = window.panel.results
    assert results.isVisibleTo(window) and results.item(0, 0).text() == "山田 太郎"
    with qtbot.waitSignal(window.customerShown) as shown:
        results.itemActivated.emit(results.item(0, 0))
    assert shown.args == [cid]


def test_caller_name_is_plain_text(qtbot, window):
    evil = "<b>x</b><img src=x>"
    ring(qtbot, window, update(number="anonymous", name=evil))
    name = label(window, "callerName")
    assert name.text() == evil
    assert name.textFormat() == Qt.TextFormat.PlainText


def test_wrapup_saved_with_notes_disposition_call_and_operator(qtbot, window, store):
    cid = add_customer(store)
    ring(qtbot, window, update(call_id="w-1"))
    window.on_call_update(update(call_id="w-1", state=CallState.ANSWERED, agent="PJSIP/2001", seconds=5))
    assert label(window, "callState").text() == "Talking"
    qtbot.keyClicks(window.wrapup.notes, "asked about delivery")
    window.wrapup.notes.insertPlainText(" 配達日を案内")
    combo = window.wrapup.disposition
    combo.setCurrentIndex(combo.findData("question_answered"))
    window.on_call_update(update(call_id="w-1", state=CallState.ENDED, seconds=65))
    assert label(window, "callState").text() == "Wrap-up"
    assert label(window, "talkTime").text() == "Talk 01:00"
    with qtbot.waitSignal(window.wrapUpSaved, timeout=5000):
        qtbot.keyClick(window.wrapup.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with store.session() as s:
        row = s.scalars(select(Inquiry)).one()
    assert (row.customer_id, row.channel, row.call_id, row.operator, row.disposition) == (
        cid, "call_center", "w-1", "suzuki", "question_answered")
    assert row.notes == "asked about delivery 配達日を案内"
    assert row.opened_at == T0.replace(tzinfo=None)
    assert row.closed_at == (T0 + timedelta(seconds=65)).replace(tzinfo=None)
    assert label(window, "callState").text() == "Idle"
    qtbot.waitUntil(lambda: window.inquiries.rowCount() == 1)


def test_wrapup_of_a_call_without_customer(qtbot, window, store):
    ring(qtbot, window, update(call_id="w-2", number="anonymous"))
    window.wrapup.notes.setPlainText("間違い電話")
    window.wrapup.disposition.setCurrentIndex(window.wrapup.disposition.findData("wrong_number"))
    with qtbot.waitSignal(window.wrapUpSaved, timeout=5000):
        qtbot.mouseClick(window.wrapup.save, Qt.MouseButton.LeftButton)
    with store.session() as s:
        row = s.scalars(select(Inquiry)).one()
    assert (row.customer_id, row.notes, row.disposition) == (None, "間違い電話", "wrong_number")


def test_second_call_replaces_first_and_notes_are_kept(qtbot, window, store):
    yamada = add_customer(store, name="山田 太郎")
    add_customer(store, name="鈴木 一郎", phones=("0611112222",))
    ring(qtbot, window, update(call_id="a"))
    window.wrapup.notes.setPlainText("first call notes")
    ring(qtbot, window, update(call_id="b", number="0611112222", seconds=30))
    assert label(window, "customerName").text() == "鈴木 一郎"
    assert label(window, "callerNumber").text() == "06-1111-2222"
    assert window.calls.rowCount() == 2
    # The matched customers by name (the PBX sent none).
    assert [window.calls.index(r, 2).data() for r in range(2)] == ["鈴木 一郎", "山田 太郎"]
    assert window.wrapup.notes.toPlainText() == ""
    # Back to the first call from the shift list: its notes are still there. (The second
    # pop's own customerShown may still be on its way: wait for the first customer's.)
    with qtbot.waitSignal(window.customerShown, timeout=5000,
                          check_params_cb=lambda customer_id: customer_id == yamada):
        window.calls_view.activated.emit(window.calls.index(1, 0))
    assert window.wrapup.notes.toPlainText() == "first call notes"
    assert label(window, "customerName").text() == "山田 太郎"


def test_only_calls_ringing_at_this_agent_pop(qtbot, make_window, store):
    add_customer(store)
    w = make_window(agent="PJSIP/2001")
    w.on_call_update(update(call_id="x", ringing_at={"PJSIP/2002"}))
    w.on_call_update(update(call_id="x", ringing_at={"PJSIP/2002", "PJSIP/2003"}, changed=False))
    assert w.calls.rowCount() == 0 and w.current is None
    ring(qtbot, w, update(call_id="x", ringing_at={"PJSIP/2001"}, changed=False))
    assert w.calls.rowCount() == 1
    w.on_call_update(update(call_id="other", ringing_at=set()))
    assert w.calls.rowCount() == 1


def test_lazy_purchase_history(qtbot, window, store):
    cid = add_customer(store)
    add_purchases(store, cid, 1000)
    ring(qtbot, window, update())
    model = window.purchases
    assert (model.rowCount(), model.total) == (200, 1000)
    assert label(window, "purchaseCount").text() == "200 of 1,000 purchases loaded"
    proxy = window.findChild(QTableView, "purchaseHistory").model()
    assert proxy.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.pageLoaded, timeout=5000) as sig:
        proxy.fetchMore(QModelIndex())
    assert sig.args == [400]
    ids = [model.row(n).purchase_id for n in range(400)]
    assert len(set(ids)) == 400


def test_purchase_filter_and_sort(qtbot, window, store):
    cid = add_customer(store)
    add_purchases(store, cid, 3, channel="store")
    add_purchases(store, cid, 2, channel="ec", start=BASE - timedelta(days=100))
    ring(qtbot, window, update())
    view = window.purchases_view
    # Filter and sort are the store's (whole history), so they arrive in the background.
    view.filter.setText("EC")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2, timeout=5000)
    view.filter.clear()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 5, timeout=5000)
    with qtbot.waitSignal(window.purchases.pageLoaded, timeout=5000):
        view.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # amount
    amounts = [view.proxy.index(r, 4).data(Qt.ItemDataRole.UserRole + 1) for r in range(5)]
    assert amounts == sorted(amounts)


def test_pause_and_dial_shortcuts(qtbot, make_window, store):
    add_customer(store)
    window = make_window(agent="PJSIP/2001")  # dial and pause need this seat's phone
    ring(qtbot, window, update(ringing_at={"PJSIP/2001"}))
    with qtbot.waitSignal(window.pauseRequested) as paused:
        qtbot.keyClick(window, Qt.Key.Key_F9)
    assert paused.args == [True]
    assert window.call_bar.pause_button.text() == "Resume queue"
    with qtbot.waitSignal(window.dialRequested) as dial:
        qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert dial.args == ["+81312345678"]
    assert "F9" in window.call_bar.pause_button.toolTip()


def test_table_models_pass_qt_model_checks(qtbot, qtmodeltester, window, store):
    cid = add_customer(store)
    add_purchases(store, cid, 5)
    add_inquiry(store, cid)
    ring(qtbot, window, update())
    qtmodeltester.check(window.purchases)
    qtmodeltester.check(window.purchases_view.proxy)
    qtmodeltester.check(window.inquiries)
    qtmodeltester.check(window.calls)


class ScriptedSource:
    """A call source as the real ones are: async run(emit) until cancelled."""

    def __init__(self, updates):
        self.updates = updates
        self.paused: list[bool] = []

    async def run(self, emit):
        for u in self.updates:
            emit(u)
        await asyncio.Event().wait()

    async def queue_pause(self, paused, agent=None):
        self.paused.append(paused)


def test_call_bridge_delivers_on_gui_thread_and_stops_on_close(qtbot, make_window, store):
    add_customer(store)
    w = make_window()
    source = ScriptedSource([update(call_id="br-1"),
                             update(call_id="br-1", state=CallState.ANSWERED, agent="PJSIP/2001")])
    bridge = CallBridge(source, None, w)
    w.set_bridge(bridge)
    with qtbot.waitSignal(w.popShown, timeout=5000):
        bridge.start()
    qtbot.waitUntil(lambda: w.current.phase == "talking")
    future = bridge.queue_pause(True)
    future.result(timeout=5)
    assert source.paused == [True]
    w.close()
    assert not bridge.running


def test_settings_keep_layout_and_language(qtbot, make_window):
    w = make_window()
    w.vertical.setSizes([400, 250])
    sizes = w.vertical.sizes()
    w.close()
    w2 = MainWindow(w.store, "suzuki", settings=w.settings)
    qtbot.addWidget(w2)
    w2.show()
    qtbot.waitExposed(w2)
    assert w2.vertical.sizes() == sizes
    assert w.settings.value("language") == "en"


def test_unsaved_notes_survive_closing_the_window(qtbot, make_window, store):
    cid = add_customer(store)
    w = make_window()
    ring(qtbot, w, update(call_id="keep-1"))
    w.wrapup.notes.setPlainText("折り返し: 明日10時")
    w.on_call_update(update(call_id="keep-1", state=CallState.ANSWERED, agent="PJSIP/2001", seconds=3))
    w.on_call_update(update(call_id="keep-1", state=CallState.ENDED, seconds=40))
    w.close()
    again = MainWindow(store, "suzuki", settings=w.settings)
    qtbot.addWidget(again)
    assert again.calls.rowCount() == 1
    with qtbot.waitSignal(again.customerShown, timeout=5000):
        again.calls_view.activated.emit(again.calls.index(0, 0))
    assert again.wrapup.notes.toPlainText() == "折り返し: 明日10時"
    again.wrapup.disposition.setCurrentIndex(again.wrapup.disposition.findData("callback_requested"))
    with qtbot.waitSignal(again.wrapUpSaved, timeout=5000):
        again.wrapup.save_now()
    with store.session() as s:
        row = s.scalars(select(Inquiry)).one()
    assert (row.call_id, row.customer_id, row.status) == ("keep-1", cid, "open")
    again.close()


def test_japanese_ui_switchable_from_the_menu(qtbot, window, store):
    from cti_desk.qt import i18n

    add_customer(store)
    try:
        window.lang_actions["ja"].trigger()
        qtbot.waitUntil(lambda: window.tabs.tabText(0) == "購入履歴")  # LanguageChange is posted
        assert label(window, "callState").text() == "待機中"
        ring(qtbot, window, update())
        assert label(window, "callState").text() == "着信中"
        assert window.purchases.headerData(0, Qt.Orientation.Horizontal) == "日時"
        assert window.wrapup.disposition.itemText(1) == "回答済み"
        assert window.settings.value("language") == "ja"
        window.lang_actions["en"].trigger()
        qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Purchases")
        assert label(window, "callState").text() == "Ringing"
    finally:
        i18n.install_language("en")


def test_a_purchase_line_shows_its_product_in_stock_everywhere(qtbot, window, store):
    cid = add_customer(store)
    add_purchases(store, cid, 2)  # one product, 緑茶 500ml, bought at 渋谷店
    ring(qtbot, window, update())
    view = window.findChild(QTableView, "purchaseHistory")
    inventory = window.findChild(QWidget, "inventoryPanel")
    with qtbot.waitSignal(inventory.stockLoaded, timeout=5000):
        view.activated.emit(view.model().index(0, 3))
    assert window.tabs.currentWidget() is inventory
    assert inventory.stock is not None
    assert inventory.stock.product.name == "緑茶 500ml"
