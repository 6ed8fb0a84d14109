"""QueueBoard without I/O: recorded and composed AMI frames, webhook-style updates, the
simulator; every figure checked against values worked out by hand."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.calls import CallTracker
from cti_desk.telephony.queues import QueueBoard
from cti_desk.telephony.simulator import CallSimulator, FastForward
from tests.telephony.queue_traffic import (
    QUEUE,
    calls,
    entry,
    member,
    morning,
    morning_members,
    params,
)
from tests.telephony.recorded_calls import QueueCall, recorded_messages, split_pack_28

JST = timezone(timedelta(hours=9))
KEYS = ["queue", "ts", "waiting", "longest_wait_s", "offered", "answered", "abandoned",
        "answered_within_sl", "service_level", "abandon_rate", "asa_s", "sl_seconds", "agents"]


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def morning_board() -> tuple[QueueBoard, Clock, list]:
    clock = Clock(datetime(2026, 11, 23, 10, 0, tzinfo=JST))
    board = QueueBoard(clock=clock, sl_seconds=20)
    board.resync_started()
    for m in morning_members():
        board.handle_ami(m)
    cs = calls()
    for m in morning(cs):
        board.handle_ami(m)
    clock.advance(35)  # call 5 has waited 35 s
    return board, clock, cs


def test_the_recorded_queue_status_gives_a_queue_and_its_members():
    board = QueueBoard(clock=lambda: datetime(2026, 11, 23, 10, 0, tzinfo=JST))
    board.resync_started()
    for m in split_pack_28(recorded_messages("goami2-queues.txt")):
        board.handle_ami(m)
    (shipping,) = board.figures()
    assert shipping.as_json() == {
        "queue": "Shipping_12", "ts": "2026-11-23T10:00:00.000+09:00", "waiting": 0, "longest_wait_s": 0,
        "offered": 0, "answered": 0, "abandoned": 0, "answered_within_sl": 0, "service_level": None,
        "abandon_rate": None, "asa_s": None, "sl_seconds": 20,
        "agents": {"available": 2, "on_call": 0, "ringing": 0, "paused": 0, "offline": 0},
    }
    assert [(a.interface, a.name, a.queues, a.state) for a in board.agents()] == [
        ("Local/8194-12@from-queue/n", "8194@okon.ferry.sip.com", ("Shipping_12",), "available"),
        ("Local/9170-12@from-queue/n", "9170@okon.ferry.sip.com", ("Shipping_12",), "available"),
    ]


def test_a_morning_of_queue_calls_worked_out_by_hand():
    board, clock, cs = morning_board()
    (f,) = board.figures()
    assert list(f.as_json()) == KEYS
    # offered 5; answered 3 with waits 5, 25, 12 s; abandoned 1; within 20 s: 5 and 12
    assert (f.offered, f.answered, f.abandoned, f.answered_within_sl) == (5, 3, 1, 2)
    assert f.service_level == 0.5  # 2 / (3 + 1)
    assert f.abandon_rate == 0.25  # 1 / (3 + 1)
    assert f.asa_s == 14.0  # (5 + 25 + 12) / 3
    assert (f.waiting, f.longest_wait_s) == (1, 35)
    # 2001 rings for call 5, 2002 talks to call 2, 2003 paused, 2004 unavailable
    assert f.agents == {"available": 0, "on_call": 1, "ringing": 1, "paused": 1, "offline": 1}
    assert {a.interface: a.state for a in board.agents()} == {
        "PJSIP/2001": "ringing", "PJSIP/2002": "on_call", "PJSIP/2003": "paused", "PJSIP/2004": "offline"}
    (waiting,) = board.waiting_callers()
    assert (waiting.queue, waiting.call_id, waiting.number, waiting.caller_name) == (
        QUEUE, cs[4].uid, "0312345674", None)
    assert waiting.since == clock.now - timedelta(seconds=35)
    total = board.total()
    assert total.queue == "*"
    assert total.as_json() | {"queue": QUEUE} == f.as_json()


def test_a_reconnect_keeps_the_counts_and_rereads_members_and_callers():
    board, clock, cs = morning_board()
    extra = QueueCall(uid="asterisk-1740666060.400", number="0398765432", agent="2002")
    board.changed_queues()
    # The link drops; meanwhile call 2 ended, 2003 came back, 2004 logged in, 2001 took
    # a call we never saw (in use), call 5 still waits and another caller joined.
    clock.advance(15)
    board.resync_started()
    for m in [params(), member("PJSIP/2001", status="2", in_call="1"), member("PJSIP/2002"),
              member("PJSIP/2003"), member("PJSIP/2004"), entry(cs[4], 1, 50), entry(extra, 2, 10)]:
        board.handle_ami(m)
    (f,) = board.figures()
    assert (f.offered, f.answered, f.abandoned, f.answered_within_sl) == (6, 3, 1, 2)
    assert (f.service_level, f.abandon_rate, f.asa_s) == (0.5, 0.25, 14.0)
    assert (f.waiting, f.longest_wait_s) == (2, 50)
    assert f.agents == {"available": 3, "on_call": 1, "ringing": 0, "paused": 0, "offline": 0}
    assert board.changed_queues() == {QUEUE}
    assert board.changed_queues() == set()
    # call 5 is answered 10 s later: it joined 50 s before the re-read, so waited 60 s
    clock.advance(10)
    board.handle_update(CallUpdate(cs[4].uid, CallState.ANSWERED, None, None, QUEUE, "PJSIP/2002", clock.now))
    (f,) = board.figures()
    assert (f.answered, f.answered_within_sl, f.asa_s, f.waiting) == (4, 2, 25.5, 1)  # (5+25+12+60)/4


def test_changed_queues_drains_and_ignores_the_ticking_wait():
    board, clock, _ = morning_board()
    assert board.changed_queues() == {QUEUE}
    clock.advance(5)  # only the longest wait moved
    assert board.changed_queues() == set()
    board.handle_ami(member("PJSIP/2003", paused="0"))  # QueueMemberPause-like: 2003 back
    assert board.changed_queues() == {QUEUE}


def test_counts_start_again_at_local_midnight():
    board, clock, _ = morning_board()
    clock.now = datetime(2026, 11, 24, 0, 0, 1, tzinfo=JST)
    (f,) = board.figures()
    assert (f.offered, f.answered, f.abandoned, f.service_level, f.asa_s) == (0, 0, 0, None, None)
    assert f.waiting == 1  # the caller still waiting stays; members too
    assert f.agents["paused"] == 1


def test_restore_day_counts_the_call_log_then_live_events_count_on():
    clock = Clock(datetime(2026, 11, 23, 10, 0, tzinfo=JST))
    board = QueueBoard(clock=clock, sl_seconds=20)
    t = datetime(2026, 11, 23, 9, 0, tzinfo=JST)
    board.restore_day([
        ("sales", "x1", t, t + timedelta(seconds=8), "ended"),
        ("sales", "x2", t, t + timedelta(seconds=32), "answered"),
        ("sales", "x3", t, None, "missed"),
        ("sales", "x4", t, None, "ringing"),  # still waiting (or we never saw the end)
    ])
    (f,) = board.figures()
    assert (f.offered, f.answered, f.abandoned, f.answered_within_sl) == (4, 2, 1, 1)
    assert (f.service_level, f.abandon_rate, f.asa_s, f.waiting) == (0.333, 0.333, 20.0, 0)
    # the PBX still has x4 waiting: not offered twice; then it is answered after 60 s
    board.handle_update(CallUpdate("x4", CallState.RINGING, None, None, "sales", None, t))
    board.handle_update(CallUpdate("x4", CallState.ANSWERED, None, None, "sales", "A1",
                                   t + timedelta(seconds=60)))
    (f,) = board.figures()
    assert (f.offered, f.answered, f.asa_s) == (4, 3, 33.3)  # (8 + 32 + 60) / 3


def test_webhook_style_updates_give_the_same_figures():
    clock = Clock(datetime(2026, 11, 23, 10, 0, tzinfo=JST))
    board = QueueBoard(clock=clock, sl_seconds=20)

    def send(call_id, state, agent=None, ringing_at=(), changed=True, queue="sales"):
        board.handle_update(CallUpdate(call_id, state, "0312345678", None, queue, agent, clock.now,
                                       state_changed=changed, ringing_at=frozenset(ringing_at)))

    send("a", CallState.RINGING)
    send("b", CallState.RINGING)
    send("c", CallState.RINGING, queue=None)  # no queue: not a queue call
    clock.advance(8)
    send("a", CallState.RINGING, ringing_at={"A1"}, changed=False)
    clock.advance(2)
    send("a", CallState.ANSWERED, agent="A1")  # waited 10 s
    clock.advance(20)
    send("b", CallState.MISSED)  # gave up after 30 s
    send("d", CallState.RINGING)
    clock.advance(30)
    send("d", CallState.ANSWERED, agent="A2")  # waited 30 s
    send("a", CallState.ENDED, agent="A1")
    (f,) = board.figures()
    assert (f.queue, f.offered, f.answered, f.abandoned, f.answered_within_sl) == ("sales", 3, 2, 1, 1)
    assert (f.service_level, f.abandon_rate, f.asa_s, f.waiting) == (0.333, 0.333, 20.0, 0)
    assert f.agents == {"available": 1, "on_call": 1, "ringing": 0, "paused": 0, "offline": 0}


def test_the_simulator_feeds_several_queues_with_pauses_and_abandons():
    ff = FastForward(datetime(2026, 11, 23, 10, 0, tzinfo=JST))
    board = QueueBoard(clock=ff.clock)
    sim = CallSimulator(lambda n: ["0312345678", None], rate=6, seed=5, sleep=ff.sleep,
                        clock=ff.clock, max_calls=300)
    sim.queue_board = board
    seen_paused, longest = 0, 0
    sleep = ff.sleep

    async def watching_sleep(seconds):
        nonlocal seen_paused, longest
        await sleep(seconds)
        total = board.total()
        seen_paused = max(seen_paused, total.agents["paused"])
        longest = max(longest, total.longest_wait_s)

    sim._sleep = watching_sleep
    updates = []
    asyncio.run(sim.run(updates.append))
    figures = board.figures()
    assert [f.queue for f in figures] == ["orders", "returns", "support"]
    total = board.total()
    assert total.offered == 300 == sum(f.offered for f in figures)
    assert total.answered + total.abandoned == 300
    assert 0 < total.abandoned < 100
    assert seen_paused >= 1
    assert longest >= 60  # someone waited a minute or more
    answered = [u for u in updates if u.state is CallState.ANSWERED]
    assert min(u.ts - next(r.ts for r in updates if r.call_id == u.call_id) for u in answered) < timedelta(seconds=10)


def test_the_ringing_update_is_sent_again_once_the_queue_is_known():
    updates: list[CallUpdate] = []
    tracker = CallTracker(updates.append)
    (call,) = calls()[:1]
    for m in call.arrives()[:3]:  # Newchannel, Newstate (PBX picks up), QueueCallerJoin
        tracker.handle(m)
    assert [(u.state, u.queue, u.state_changed) for u in updates] == [
        (CallState.RINGING, None, True), (CallState.RINGING, QUEUE, False)]


def test_members_added_paused_removed_and_a_ring_no_answer():
    clock = Clock(datetime(2026, 11, 23, 10, 0, tzinfo=JST))
    board = QueueBoard(clock=clock)
    call = QueueCall(agent="2001")
    added = Message([("Event", "QueueMemberAdded"), ("Queue", QUEUE), ("MemberName", "Suzuki"),
                     ("Interface", "PJSIP/2001"), ("StateInterface", "PJSIP/2001"), ("Status", "1"),
                     ("Paused", "0")])
    board.handle_ami(added)
    for m in call.arrives():
        board.handle_ami(m)
    assert [(a.name, a.state) for a in board.agents()] == [("Suzuki", "ringing")]
    clock.advance(15)
    for m in call.ring_no_answer():
        board.handle_ami(m)
    (row,) = board.agents()
    assert (row.state, row.since) == ("available", clock.now)
    board.handle_ami(Message([("Event", "QueueMemberPause"), ("Queue", QUEUE), ("Interface", "PJSIP/2001"),
                              ("MemberName", "Suzuki"), ("Paused", "1"), ("PausedReason", "lunch")]))
    assert board.figures()[0].agents["paused"] == 1
    board.handle_ami(Message([("Event", "QueueMemberRemoved"), ("Queue", QUEUE), ("Interface", "PJSIP/2001")]))
    (f,) = board.figures()
    assert sum(f.agents.values()) == 0 and board.agents() == []
    assert (f.waiting, f.offered) == (1, 1)  # the caller still waits for someone else
