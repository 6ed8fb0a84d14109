"""The pop stays with the call being handled (issue 9), in the real operator window
(offscreen) on a real store: recorded Asterisk traffic through the fake AMI and the real
bridge, or CallUpdates fed to the bridge's signal."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt import i18n
from cti_desk.qt.call_bridge import CallBridge
from cti_desk.qt.main_window import MainWindow
from cti_desk.store.db import open_store
from cti_desk.store.models import CallLogEntry
from tests.factories import add_customer
from tests.gui.test_dial_pause import PbxThread, connect
from tests.telephony.recorded_calls import QueueCall, to_wire

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

AGENT, COLLEAGUE = "PJSIP/2001", "PJSIP/2002"


@pytest.fixture
def store(request, tmp_path):
    """SQLite, or PostgreSQL where a test asks for it (indirect parametrization)."""
    kind = getattr(request, "param", "sqlite")
    s = open_store(request.getfixturevalue("sqlite_url" if kind == "sqlite" else "pg_url"))
    yield s
    s.dispose()


@pytest.fixture
def pbx():
    p = PbxThread()
    yield p
    p.close()


@pytest.fixture
def seat(make_window):
    """AGENT's seat."""
    return make_window(agent=AGENT)


@pytest.fixture
def customers(store):
    return {
        "yamada": add_customer(store, name="山田 太郎", phones=("03-1234-5678",)),
        "suzuki": add_customer(store, name="鈴木 一郎", kana="スズキ イチロウ", phones=("06-1111-2222",)),
    }


def text(w, name: str) -> str:
    return w.findChild(QLabel, name).text()


def status(w) -> str:
    return w.statusBar().currentMessage()


def listed(w) -> list[tuple[str, str, str]]:
    """The shift list as the operator reads it: (number, name, state), newest first."""
    m = w.calls
    return [(m.index(r, 1).data(), m.index(r, 2).data(), m.index(r, 3).data()) for r in range(m.rowCount())]


def push(pbx: PbxThread, frames) -> None:
    pbx.run(pbx.pbx.push(to_wire(frames)))


def feed(bridge: CallBridge, call_id: str, state=CallState.RINGING, *, number="0312345678", name=None,
         ringing_at=(AGENT,), agent=None, changed=True, at: datetime | None = None) -> None:
    """A CallUpdate through the bridge's signal (queued to the GUI thread, as from a source)."""
    bridge.callUpdate.emit(CallUpdate(
        call_id, state, number, name, "support", agent, at or datetime.now(UTC),
        state_changed=changed, ringing_at=frozenset(ringing_at), source="test"))


@pytest.fixture
def bridge(seat):
    class Idle:  # a source that sends nothing itself: the test feeds the signal
        async def run(self, emit):
            await asyncio.Event().wait()

    b = CallBridge(Idle(), AGENT, seat)
    seat.set_bridge(b)
    return b


# -- a call ringing while the operator talks -------------------------------------------------


def test_a_second_call_while_talking_is_announced_and_f8_takes_it_over(qtbot, pbx, seat, customers):
    connect(qtbot, pbx, seat)
    first = QueueCall(uid="asterisk-1740666060.311", number="0312345678", agent="2001")
    with qtbot.waitSignal(seat.customerShown, timeout=5000):
        push(pbx, first.arrives())
    push(pbx, first.answered())
    qtbot.waitUntil(lambda: text(seat, "callState") == "Talking")

    second = QueueCall(uid="asterisk-1740666090.400", number="0611112222", agent="2001")
    push(pbx, second.arrives())
    qtbot.waitUntil(lambda: seat.call_bar.incoming_box.isVisibleTo(seat))
    # The customer on screen stays; the new call is announced on the bar, the list, the tray.
    assert text(seat, "customerName") == "山田 太郎" and text(seat, "callState") == "Talking"
    assert seat.current.call_id == first.uid
    qtbot.waitUntil(lambda: text(seat, "incomingCaller") == "Incoming: 鈴木 一郎 (06-1111-2222)")
    assert seat.call_bar.take_over_button.text() == "Take over (F8)"
    assert listed(seat) == [("06-1111-2222", "鈴木 一郎", "Waiting (F8)"),
                            ("03-1234-5678", "山田 太郎", "Talking")]
    assert seat.last_notification == ("Incoming call waiting", "鈴木 一郎 (06-1111-2222) — F8 takes it over")

    # A third one rings too, then stops ringing here (AgentRingNoAnswer): only its announcement goes.
    third = QueueCall(uid="asterisk-1740666095.500", number="09011112222", agent="2001")
    push(pbx, third.arrives())
    qtbot.waitUntil(lambda: "(+1 more)" in text(seat, "incomingCaller"))
    push(pbx, third.ring_no_answer())
    qtbot.waitUntil(lambda: seat.calls.rowCount() == 2)
    assert text(seat, "incomingCaller") == "Incoming: 鈴木 一郎 (06-1111-2222)"
    assert status(seat) == "090-1111-2222: stopped ringing here, the queue offers it to another phone"
    assert text(seat, "customerName") == "山田 太郎"

    with qtbot.waitSignal(seat.customerShown, timeout=5000) as shown:
        qtbot.keyClick(seat, Qt.Key.Key_F8)
    assert shown.args == [customers["suzuki"]]
    assert seat.current.call_id == second.uid and text(seat, "callState") == "Ringing"
    assert not seat.call_bar.incoming_box.isVisibleTo(seat)
    assert listed(seat)[0][2] == "Ringing" and listed(seat)[1][2] == "Talking"  # the first waits in the list


def test_a_ring_no_answer_withdraws_the_pop_and_the_previous_call_comes_back(qtbot, pbx, seat, customers):
    connect(qtbot, pbx, seat)
    gave_up = QueueCall(uid="asterisk-1740666060.311", number="0312345678", agent="2001")
    with qtbot.waitSignal(seat.customerShown, timeout=5000):
        push(pbx, gave_up.whole_abandoned())
    qtbot.waitUntil(lambda: text(seat, "callState") == "Missed")

    other = QueueCall(uid="asterisk-1740666090.400", number="0611112222", agent="2001")
    with qtbot.waitSignal(seat.customerShown, timeout=5000):
        push(pbx, other.arrives())
    assert text(seat, "customerName") == "鈴木 一郎"
    with qtbot.waitSignal(seat.customerShown, timeout=5000) as back:
        push(pbx, other.ring_no_answer())  # untouched: gone, and the call before it is back
    assert back.args == [customers["yamada"]]
    assert seat.current.call_id == gave_up.uid
    assert listed(seat) == [("03-1234-5678", "山田 太郎", "Missed")]
    assert status(seat) == "鈴木 一郎 (06-1111-2222): stopped ringing here, the queue offers it to another phone"


# -- a colleague answers -------------------------------------------------------------------


def test_a_colleague_answering_withdraws_the_pop(qtbot, seat, bridge, customers):
    with qtbot.waitSignal(seat.popShown, timeout=5000):
        feed(bridge, "c1", ringing_at=(AGENT, COLLEAGUE))
    feed(bridge, "c1", CallState.ANSWERED, ringing_at=(COLLEAGUE,), agent=COLLEAGUE)
    qtbot.waitUntil(lambda: seat.calls.rowCount() == 0)
    assert seat.current is None and text(seat, "callState") == "Idle"
    assert text(seat, "callerNumber") == "" and seat.customer_id is None
    assert seat.panel.page() == seat.panel.IDLE  # the card is gone, not left behind
    assert status(seat) == "山田 太郎 (03-1234-5678): answered by a colleague (PJSIP/2002)"


def test_notes_typed_on_a_call_a_colleague_answered_are_kept(qtbot, seat, bridge, customers):
    with qtbot.waitSignal(seat.customerShown, timeout=5000):
        feed(bridge, "c2", ringing_at=(AGENT, COLLEAGUE))
    seat.wrapup.notes.setPlainText("住所変更の件")
    feed(bridge, "c2", CallState.ANSWERED, ringing_at=(COLLEAGUE,), agent=COLLEAGUE)
    qtbot.waitUntil(lambda: text(seat, "callState") == "Answered by a colleague")
    assert listed(seat) == [("03-1234-5678", "山田 太郎", "Answered by a colleague")]
    assert seat.current.wrapup.notes == "住所変更の件"
    # Not busy with it: the next call pops.
    with qtbot.waitSignal(seat.customerShown, timeout=5000) as shown:
        feed(bridge, "c3", number="0611112222")
    assert shown.args == [customers["suzuki"]]


# -- the shift list ---------------------------------------------------------------------------


def test_the_shift_list_names_the_matched_customer_else_the_pbx_caller(qtbot, window, customers):
    t0 = datetime.now(UTC)
    with qtbot.waitSignal(window.popShown, timeout=5000):
        window.on_call_update(CallUpdate("k", CallState.RINGING, "0312345678", "ﾔﾏﾀﾞ ﾀﾛｳ", "support", None, t0))
    with qtbot.waitSignal(window.popShown, timeout=5000):
        window.on_call_update(CallUpdate("u", CallState.RINGING, "09099998888", "ﾀﾅｶ", "support", None,
                                         t0 + timedelta(seconds=5)))
    assert [name for _n, name, _s in listed(window)] == ["ﾀﾅｶ", "山田 太郎"]
    assert text(window, "callerName") == "ﾀﾅｶ"  # the bar shows what the PBX sent


def test_a_pbx_that_puts_an_outside_line_digit_in_front_pops_the_caller(qtbot, window, customers):
    """`?outside_line=0` (or the settings' outside_line): 00312345678 is 03-1234-5678."""
    window.outside_line = "0"
    with qtbot.waitSignal(window.customerShown, timeout=5000) as shown:
        window.on_call_update(CallUpdate("o", CallState.RINGING, "00312345678", None, "support", None,
                                         datetime.now(UTC)))
    assert shown.args == [customers["yamada"]]
    assert [name for _n, name, _s in listed(window)] == ["山田 太郎"]
    assert window.calls.find("o").e164 == "+81312345678"


# -- missed calls: kept, logged, called back, back after a restart -------------------------------


@pytest.mark.parametrize("store", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)], indirect=True)
def test_a_missed_call_stays_is_logged_and_is_called_back(qtbot, make_window, store, customers):
    seat = make_window(agent=AGENT)
    calls: list[str] = []
    seat.dialRequested.connect(calls.append)
    t0 = datetime.now(UTC) - timedelta(minutes=3)
    for call_id, number, at in (("m1", "0312345678", t0), ("m2", "0611112222", t0 + timedelta(minutes=1))):
        with qtbot.waitSignal(seat.popShown, timeout=5000):
            seat.on_call_update(CallUpdate(call_id, CallState.RINGING, number, None, "support", None, at,
                                           state_changed=False, ringing_at=frozenset({AGENT})))
        seat.on_call_update(CallUpdate(call_id, CallState.MISSED, number, None, "support", None,
                                       at + timedelta(seconds=20)))
    assert text(seat, "callState") == "Missed"
    assert listed(seat) == [("06-1111-2222", "鈴木 一郎", "Missed"), ("03-1234-5678", "山田 太郎", "Missed")]
    assert status(seat) == ("鈴木 一郎 (06-1111-2222) hung up before the call was answered: it stays in the "
                            "list of calls for a call-back")

    def logged() -> list[tuple]:
        with store.session() as s:
            return s.execute(select(CallLogEntry.call_id, CallLogEntry.state, CallLogEntry.agent,
                                    CallLogEntry.customer_id, CallLogEntry.segment, CallLogEntry.called_back_at)
                             .order_by(CallLogEntry.call_id)).all()

    qtbot.waitUntil(lambda: [r[1] for r in logged()] == ["missed", "missed"], timeout=5000)
    assert [r[:5] for r in logged()] == [("m1", "missed", AGENT, customers["yamada"], "prospect"),
                                         ("m2", "missed", AGENT, customers["suzuki"], "prospect")]

    # Call back the first from the list: dialled from this seat, marked in the call log.
    seat.calls_view.selectRow(1)
    assert seat.act_call_back.isEnabled()
    seat.act_call_back.trigger()
    assert calls == ["+81312345678"]
    assert listed(seat)[1][2] == "Called back"
    qtbot.waitUntil(lambda: logged()[0][5] is not None, timeout=5000)

    # Next start: today's missed call not called back yet is back in the list.
    seat.close()
    again = MainWindow(store, "suzuki", agent=AGENT)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.calls.rowCount() == 1, timeout=5000)
    assert listed(again) == [("06-1111-2222", "鈴木 一郎", "Missed")]
    assert again.statusBar().currentMessage() == (
        "1 missed calls from today wait for a call-back in the list of calls")
    again.close()


# -- withheld, with the Japanese reasons --------------------------------------------------------


@pytest.mark.parametrize(("raw", "english", "japanese"), [
    ("非通知", "Withheld", "非通知"),
    ("公衆電話", "Pay phone", "公衆電話"),
    ("表示圏外", "Number not available", "表示圏外"),
    ("anonymous", "Withheld", "非通知"),
])
def test_japanese_withheld_reasons_show_on_the_call_bar(qtbot, window, store, raw, english, japanese):
    with qtbot.waitSignal(window.popShown, timeout=5000):
        window.on_call_update(CallUpdate("w", CallState.RINGING, raw, None, "support", None, datetime.now(UTC)))
    assert text(window, "callerNumber") == english
    assert listed(window)[0][0] == english
    qtbot.waitUntil(window.search.hasFocus)  # treated as withheld: the operator asks and searches
    try:
        window.lang_actions["ja"].trigger()
        qtbot.waitUntil(lambda: text(window, "callerNumber") == japanese)
        # The shift list holds its cells' text: the switch rewords its number, state and headings.
        assert listed(window)[0][0] == japanese and listed(window)[0][2] == "着信中"
        assert window.calls.headerData(1, Qt.Orientation.Horizontal) == "電話番号"
    finally:
        i18n.install_language("en")
    qtbot.waitUntil(lambda: _withheld_logged(store) is not None, timeout=5000)


def _withheld_logged(store):
    with store.session() as s:
        return s.scalar(select(CallLogEntry.withheld_reason).where(CallLogEntry.call_id == "w"))
