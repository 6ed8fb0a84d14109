"""Click-to-dial, queue pause and pop-on-answer in the real operator window (offscreen, real
SQLite store), with the real call bridge running an ami:// source against the fake Asterisk
on 127.0.0.1. The fake PBX runs on its own thread and loop; the test waits on it through
futures polled by qtbot, never by sleeping."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from cti_desk.app.cli import build_parser
from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt.call_bridge import CallBridge
from cti_desk.qt.main_window import MainWindow
from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.ami_source import AmiSource
from cti_desk.telephony.sources import parse_source
from tests.factories import add_customer
from tests.telephony.fake_ami import FakeAmi, frame, list_reply
from tests.telephony.recorded_calls import QueueCall, to_wire
from tests.telephony.test_ami_actions import originate_outcome

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

AGENT = "PJSIP/2001"
T0 = datetime(2026, 11, 23, 1, 0, 0, tzinfo=UTC)


class PbxThread:
    """FakeAmi on its own thread and asyncio loop, as a real PBX is another machine."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="fake-pbx", daemon=True)
        self.thread.start()
        self.pbx: FakeAmi = self.run(self._start())

    async def _start(self) -> FakeAmi:
        pbx = FakeAmi()
        await pbx.listen()
        return pbx

    def soon(self, coro) -> Future:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def run(self, coro):
        return self.soon(coro).result(timeout=5)

    def answer(self, action: str, reply) -> None:
        async def set_it() -> None:
            self.pbx[action] = reply

        self.run(set_it())

    def close(self) -> None:
        self.run(self.pbx.stop_listening())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def pbx():
    p = PbxThread()
    yield p
    p.close()


@pytest.fixture
def make_window(make_window):
    """This file's windows are AGENT's seat unless a test says otherwise."""

    def make(agent=AGENT, **kwargs):
        return make_window(agent=agent, **kwargs)

    return make


def member(paused: str, queue: str = "support") -> bytes:
    return frame(Event="QueueMember", Queue=queue, Name="Suzuki", Location=AGENT, StateInterface=AGENT,
                 Membership="static", Penalty="0", CallsTaken="0", LastCall="0", InCall="0",
                 Status="1", Paused=paused, PausedReason="")


def received(qtbot, pbx: PbxThread, action: str, count: int = 1) -> Message:
    """The `count`-th action of that name the fake PBX received (waits, GUI kept running)."""
    future = pbx.soon(pbx.pbx.wait_for_action(action, count))
    qtbot.waitUntil(future.done, timeout=5000)
    return future.result()


def connect(qtbot, pbx: PbxThread, w: MainWindow) -> CallBridge:
    source = AmiSource(parse_source(f"ami://admin:s3cret@127.0.0.1:{pbx.pbx.port}"))
    bridge = CallBridge(source, w.agent, w)
    w.set_bridge(bridge)
    bridge.start()
    received(qtbot, pbx, "QueueStatus")  # logged in, re-synced, pause state asked for
    return bridge


def status(w: MainWindow) -> str:
    return w.statusBar().currentMessage()


def test_dial_buttons_send_originate_for_this_seat(qtbot, pbx, make_window, store):
    add_customer(store, name="山田 太郎", phones=("03-1234-5678", "090-1111-2222"))
    w = make_window()
    connect(qtbot, pbx, w)
    call = QueueCall(uid="asterisk-1740666060.311", number="0312345678", agent="2001")
    with qtbot.waitSignal(w.customerShown, timeout=5000):
        pbx.run(pbx.pbx.push(to_wire(call.arrives())))  # a real queue call rings at 2001

    buttons = w.panel.card.findChildren(QToolButton, "dialButton")
    assert len(buttons) == 2 and all(b.isEnabled() for b in buttons)
    mobile = next(b for b in buttons if "090" in b.toolTip())
    qtbot.mouseClick(mobile, Qt.MouseButton.LeftButton)
    originate = received(qtbot, pbx, "Originate")
    assert (originate.get("Channel"), originate.get("Exten"), originate.get("Context"),
            originate.get("Async")) == (AGENT, "09011112222", "from-internal", "true")
    qtbot.waitUntil(lambda: "Calling 09011112222" in status(w))

    qtbot.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # call back the caller
    assert received(qtbot, pbx, "Originate", 2).get("Exten") == "0312345678"

    pbx.answer("Originate", frame(Response="Error", Message="Extension does not exist."))
    with qtbot.waitSignal(w.failed, timeout=5000) as failed:
        qtbot.mouseClick(mobile, Qt.MouseButton.LeftButton)
    assert failed.args == ["Could not call: the PBX refused the call to 09011112222: Extension does not exist."]
    assert status(w) == failed.args[0]

    # Queued, but the agent's phone never answered: said when the PBX knows.
    pbx.answer("Originate", originate_outcome("Failure", "3"))
    with qtbot.waitSignal(w.failed, timeout=5000) as failed:
        qtbot.mouseClick(mobile, Qt.MouseButton.LeftButton)
    assert failed.args == ["Could not call: the call to 09011112222 did not go through: your phone did not answer"]


def test_pause_button_follows_the_pbx_and_f9_pauses_and_resumes(qtbot, pbx, make_window):
    pbx.answer("QueueStatus", list_reply("QueueStatusComplete", [member("1"), member("0", "vip")]))
    w = make_window()
    button = w.call_bar.pause_button
    connect(qtbot, pbx, w)
    qtbot.waitUntil(button.isChecked)  # paused in support when the shift starts
    assert button.text() == "Resume queue"

    qtbot.keyClick(w, Qt.Key.Key_F9)
    resume = received(qtbot, pbx, "QueuePause")  # the first: showing the state sent nothing
    assert (resume.get("Interface"), resume.get("Paused")) == (AGENT, "false")
    qtbot.waitUntil(lambda: status(w) == "Taking queue calls again")
    assert not button.isChecked() and button.text() == "Pause in queue"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert received(qtbot, pbx, "QueuePause", 2).get("Paused") == "true"
    qtbot.waitUntil(lambda: status(w) == "Paused in the queue")

    # Refused: the button goes back to what the PBX says.
    pbx.answer("QueuePause", frame(Response="Error", Message="Interface not found"))
    with qtbot.waitSignal(w.failed, timeout=5000) as failed:
        qtbot.keyClick(w, Qt.Key.Key_F9)
    assert failed.args == ["Could not pause or resume: the PBX refused to resume: Interface not found"]
    assert button.isChecked()

    # A supervisor resumes the agent from the PBX side: the button follows.
    pbx.run(pbx.pbx.push([
        frame(Event="QueueMemberPause", Queue=queue, MemberName="Suzuki", Interface=AGENT,
              StateInterface=AGENT, Paused="0", PausedReason="")
        for queue in ("support", "vip")
    ]))
    qtbot.waitUntil(lambda: not button.isChecked())
    assert button.text() == "Pause in queue"


def test_not_connected_is_said_in_the_status_bar(qtbot, make_window, store):
    add_customer(store)
    w = make_window()
    source = AmiSource(parse_source("ami://admin:s3cret@127.0.0.1:1"))  # nothing listens there
    bridge = CallBridge(source, AGENT, w)
    w.set_bridge(bridge)
    bridge.start()
    w.on_call_update(CallUpdate("c1", CallState.RINGING, "0312345678", None, "support", None, T0,
                                ringing_at=frozenset({AGENT})))
    with qtbot.waitSignal(w.failed, timeout=5000) as failed:
        w.call_bar.dial_button.click()
    assert failed.args == ["Could not call: not connected to the PBX"]


def test_the_card_offers_the_phones_of_the_customer_on_it(qtbot, make_window, store):
    """A customer with fewer phones after one with more: only theirs can be dialled (the
    card keeps its phone rows between customers and hides the spare ones)."""
    two = add_customer(store, name="山田 太郎", phones=("03-1234-5678", "090-1111-2222"))
    one = add_customer(store, name="佐藤 花子", phones=("06-9876-5432",))
    w = make_window(agent="2001")

    def offered() -> list[str]:
        card = w.panel.card
        return sorted(b.toolTip() for b in card.findChildren(QToolButton, "dialButton") if b.isVisibleTo(card))

    for cid, tips in ((two, ["Call 03-1234-5678", "Call 090-1111-2222"]), (one, ["Call 06-9876-5432"]),
                      (two, ["Call 03-1234-5678", "Call 090-1111-2222"])):
        with qtbot.waitSignal(w.customerShown, timeout=5000):
            w.open_customer(cid)
        assert offered() == tips


def test_without_agent_dial_and_pause_are_off_and_say_why(qtbot, make_window, store):
    add_customer(store)
    w = make_window(agent=None)
    w.on_call_update(CallUpdate("c1", CallState.RINGING, "0312345678", None, "support", None, T0))
    qtbot.waitUntil(lambda: bool(w.panel.card.findChildren(QToolButton, "dialButton")))
    bar = w.call_bar
    for button in (bar.dial_button, bar.pause_button, *w.panel.card.findChildren(QToolButton, "dialButton")):
        assert not button.isEnabled()
        assert "--agent" in button.toolTip()
    assert not w.act_pause.isEnabled() and not w.act_dial.isEnabled()


def test_a_source_that_cannot_dial_says_so(qtbot, make_window):
    class WebhookLike:
        async def run(self, emit):
            await asyncio.Event().wait()

    w = make_window()
    w.set_bridge(CallBridge(WebhookLike(), AGENT, w))  # not started: only its abilities count
    assert not w.call_bar.pause_button.isEnabled()
    assert "ami://" in w.call_bar.pause_button.toolTip()


def update(call_id, state, *, queue, ringing_at=(), agent=None, seconds=0, changed=True) -> CallUpdate:
    return CallUpdate(call_id, state, "0312345678", "ﾔﾏﾀﾞ", queue, agent, T0 + timedelta(seconds=seconds),
                      state_changed=changed, ringing_at=frozenset(ringing_at))


def test_pop_on_ring_or_on_answer_per_queue(qtbot, make_window, store):
    add_customer(store)
    w = make_window(pop_on_answer={"vip"})
    shown: list[str] = []
    w.popShown.connect(shown.append)

    # support pops while it rings.
    with qtbot.waitSignal(w.popShown, timeout=5000):
        w.on_call_update(update("s1", CallState.RINGING, queue="support", ringing_at={AGENT}))
    assert w.call_bar.state_label.text() == "Ringing"

    # vip: ringing here pops nothing; a colleague answering pops nothing either.
    w.on_call_update(update("v1", CallState.RINGING, queue="vip", ringing_at={AGENT}))
    w.on_call_update(update("v1", CallState.RINGING, queue="vip", ringing_at={AGENT, "PJSIP/2002"},
                            changed=False))
    w.on_call_update(update("v1", CallState.ANSWERED, queue="vip", ringing_at={"PJSIP/2002"},
                            agent="PJSIP/2002", seconds=4))
    w.on_call_update(update("v1", CallState.ENDED, queue="vip", agent="PJSIP/2002", seconds=60))
    assert [c.call_id for c in w.calls.calls()] == ["s1"] and w.current.call_id == "s1"

    # vip answered here: it pops now, already talking.
    w.on_call_update(update("v2", CallState.RINGING, queue="vip", ringing_at={AGENT}, seconds=70))
    assert w.current.call_id == "s1"
    with qtbot.waitSignal(w.popShown, timeout=5000) as popped:
        w.on_call_update(update("v2", CallState.ANSWERED, queue="vip", ringing_at={AGENT}, agent=AGENT,
                                seconds=75))
    assert popped.args == ["v2"]
    assert w.call_bar.state_label.text() == "Talking"
    assert w.current.answered_at == T0 + timedelta(seconds=75)
    assert shown == ["s1", "v2"]


def test_pop_on_answer_from_cli_and_env(monkeypatch):
    assert build_parser().parse_args(["--pop-on-answer", "vip, sales"]).pop_on_answer == {"vip", "sales"}
    assert build_parser().parse_args([]).pop_on_answer == frozenset()
    monkeypatch.setenv("CTI_DESK_POP_ON_ANSWER", "vip")
    assert build_parser().parse_args([]).pop_on_answer == {"vip"}
    assert "CTI_DESK_POP_ON_ANSWER" in build_parser().format_help()
