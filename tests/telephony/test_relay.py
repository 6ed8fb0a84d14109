"""Many seats (CONTRACT.md "Many seats"): `cti-desk relay` on a fake Asterisk replaying
recorded traffic, seats running the real `cti-desk monitor --source relay`, all on the
test PostgreSQL. A seat sees what a direct monitor sees; a seat cut off from the store
during three calls catches up with each state once; the relay writes the call log and a
seat does not; one relay's rules of what is news (each state once)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from cti_desk.app.cli import main as cli_main
from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.store.db import open_store
from cti_desk.store.models import CallEventRow, CallLogEntry
from cti_desk.telephony.relay_publish import RelayLeader, StoreLost
from cti_desk.telephony.relay_wire import connect_args
from tests.factories import add_customer
from tests.tcp_proxy import TcpProxy
from tests.telephony.fake_ami import FakeAmi, load_recording
from tests.telephony.monitor_cli import KEYS, Monitor
from tests.telephony.recorded_calls import QueueCall, to_wire
from tests.telephony.relay_cli import RelayCli

pytestmark = pytest.mark.pg

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def pg_store(pg_url):
    s = open_store(pg_url)
    yield s
    s.dispose()


def _without_ts(lines: list[dict]) -> list[dict]:
    return [{k: v for k, v in line.items() if k != "ts"} for line in lines]


def _seat(pg_url: str, **kw) -> Monitor:
    return Monitor("relay", pg_url, **kw)


async def _subscribed(*seats: Monitor) -> None:
    for seat in seats:
        await seat.stderr_line(r"relay: subscribed at event \d+")


async def _relay_ready(relay: RelayCli, pbx: FakeAmi, logins: int = 1) -> None:
    await relay.stderr_line("relay: active")
    await pbx.wait_for_action("QueueStatus")  # logged in, re-synced, queues read: the shift runs


@pytest.mark.slow
def test_two_seats_on_the_relay_see_what_a_direct_monitor_sees(pg_store, pg_url):
    known = add_customer(pg_store, name="山田 太郎", phones=("03-1234-5678",))
    answered = QueueCall(uid="asterisk-1740666060.311", number="0312345678", name=r"O\'Brien", agent="2001")
    gave_up = QueueCall(uid="asterisk-1740666060.411", number="03-9999-0000", agent="2002")

    async def scenario():
        async with FakeAmi() as pbx:
            url = f"ami://admin:s3cret@127.0.0.1:{pbx.port}"
            at_2001 = ("--agent", "PJSIP/2001")
            async with RelayCli(url, pg_url) as relay, Monitor(url, pg_url) as direct, \
                    Monitor(url, pg_url, extra=at_2001) as direct_2001, \
                    _seat(pg_url) as one, _seat(pg_url, extra=at_2001) as two:
                await _relay_ready(relay, pbx)
                await pbx.wait_for_action("CoreShowChannels", count=3)  # the direct monitors too
                await _subscribed(one, two)
                await pbx.push(load_recording("goami2-call.txt", pbx_only=True))
                await pbx.push(to_wire(answered.whole_answered()))
                await pbx.push(to_wire(gave_up.whole_abandoned()))
                seen = (await direct.lines(8), await direct_2001.lines(3), await one.lines(8),
                        await two.lines(3))
                codes = [(await m.stop())[0] for m in (one, two, direct, direct_2001)]
                code, err = await relay.stop()
        return seen, codes, code, err

    (direct, direct_2001, one, two), codes, code, err = asyncio.run(scenario())
    assert [(ln["call_id"][-3:], ln["state"]) for ln in direct] == [
        (".60", "ringing"), (".60", "answered"), (".60", "ended"),
        ("311", "ringing"), ("311", "answered"), ("311", "ended"), ("411", "ringing"), ("411", "missed")]
    assert _without_ts(one) == _without_ts(direct), err  # same keys and values, only ts is the relay's
    assert all(list(line) == KEYS for line in one + two)
    assert one[3]["customer_ids"] == [known] and one[3]["resolution"] == "unique"
    # The seat at PJSIP/2001 gets only the call that rang there, each state once, as a
    # direct `monitor --agent PJSIP/2001` does (its ringing line names the queue: it rang
    # there once the caller was in the queue).
    assert _without_ts(two) == _without_ts(direct_2001)
    assert [(ln["call_id"][-3:], ln["state"], ln["agent"]) for ln in two] == [
        ("311", "ringing", None), ("311", "answered", "PJSIP/2001"), ("311", "ended", "PJSIP/2001")]
    assert [ln["ts"] for ln in two] == [ln["ts"] for ln in one if ln["call_id"].endswith("311")]
    assert codes == [0, 0, 0, 0] and code == 0
    assert "Traceback" not in err


@pytest.mark.slow
def test_a_seat_cut_off_during_three_calls_catches_up_with_each_state_once(pg_url):
    calls = [QueueCall(uid=f"asterisk-1740666060.{n}", number=f"0312345{n}", agent="2001")
             for n in (511, 611, 711)]
    after = QueueCall(uid="asterisk-1740666060.811", number="0312345999", agent="2002")
    host, port = connect_args(pg_url, "t")["host"], int(connect_args(pg_url, "t")["port"])

    async def scenario():
        async with FakeAmi() as pbx:
            url = f"ami://admin:s3cret@127.0.0.1:{pbx.port}"
            with TcpProxy((host, port)) as proxy:
                cut_url = pg_url.replace(f"@{host}:{port}/", f"@127.0.0.1:{proxy.port}/")
                async with RelayCli(url, pg_url) as relay, _seat(cut_url) as seat, _seat(pg_url) as witness:
                    await _relay_ready(relay, pbx)
                    await _subscribed(seat, witness)
                    proxy.hold()  # the seat's store stops answering: a partition, no reset
                    for call in calls:
                        await pbx.push(to_wire(call.whole_answered()))
                    published = await witness.lines(9)
                    proxy.reset_after(b"call_events")  # ... then its link breaks for good
                    proxy.resume()
                    await seat.stderr_line("relay: lost the store")
                    caught_up = await seat.lines(9)
                    await pbx.push(to_wire(after.arrives()))  # live again after the catch-up
                    live = await seat.line()
                    code, _out, err = await seat.stop()
                    await relay.stop()
        return published, caught_up, live, code, err

    published, caught_up, live, code, err = asyncio.run(scenario())
    assert caught_up == published  # every state, once, in order; ts and all
    assert [(ln["call_id"][-3:], ln["state"]) for ln in caught_up] == [
        (c.uid[-3:], s) for c in calls for s in ("ringing", "answered", "ended")]
    assert (live["call_id"], live["state"]) == (after.uid, "ringing")  # nothing repeated before it
    assert code == 0 and "relay: the store answers again; catching up from event" in err
    assert "Traceback" not in err


def test_the_relay_writes_the_call_log_and_a_seat_does_not(pg_store, pg_url):
    """A seat given events straight from the store (no relay process) prints them and
    writes nothing; the relay's call log rows are in test_relay_takeover.py."""
    leader = RelayLeader(connect_args(pg_url, "test"), "test")

    async def publish() -> None:
        await leader.connect()
        assert await leader.try_lock()
        for state in (CallState.RINGING, CallState.ANSWERED, CallState.ENDED):
            u = CallUpdate("c-1", state, "0312345678", None, "support", "PJSIP/2001", T0)
            await leader.publish_update(u, {"number": "+81312345678", "resolution": "none", "customer_ids": []})
        await leader.release()
        await leader.close()

    async def scenario():
        async with _seat(pg_url) as seat:
            await _subscribed(seat)
            await publish()
            lines = await seat.lines(3)
            code, _out, _err = await seat.stop()
        return lines, code

    lines, code = asyncio.run(scenario())
    assert [(ln["state"], ln["number"], ln["resolution"], ln["ts"]) for ln in lines] == [
        (s, "+81312345678", "none", "2026-11-23T10:00:00.000+00:00") for s in ("ringing", "answered", "ended")]
    assert code == 0
    with pg_store.session() as s:
        assert s.scalar(select(func.count()).select_from(CallLogEntry)) == 0


def test_what_a_relay_publishes_is_news_each_state_once(pg_store, pg_url):
    """A relay that took over knows a call only from the PBX's re-sync and its own
    tracker: repeats are dropped, a `missed` after the published `answered` is `ended`."""
    leader = RelayLeader(connect_args(pg_url, "test"), "test")
    caller = {"number": None, "resolution": "anonymous", "customer_ids": []}

    def update(state: CallState, s: int, changed: bool = True, rings=(), agent=None) -> CallUpdate:
        return CallUpdate("c-9", state, None, None, "support", agent, T0 + timedelta(seconds=s),
                          state_changed=changed, ringing_at=frozenset(rings), source="webhook")

    async def scenario():
        await leader.connect()
        with pytest.raises(StoreLost, match="does not hold the lock"):
            await leader.publish_update(update(CallState.RINGING, 0), caller)
        assert await leader.try_lock()
        out = [await leader.publish_update(update(CallState.RINGING, 0), caller),
               await leader.publish_update(update(CallState.RINGING, 1, False, {"PJSIP/2001"}), caller),
               await leader.publish_update(update(CallState.RINGING, 2, False, {"PJSIP/2001"}), caller),
               await leader.publish_update(update(CallState.ANSWERED, 3, agent="PJSIP/2001"), caller)]
        await leader.close()  # a new relay (a new connection, nothing remembered) takes over
        await leader.connect()
        assert await leader.try_lock()
        out += [await leader.publish_update(update(CallState.RINGING, 5), caller),
                await leader.publish_update(update(CallState.ANSWERED, 6, agent="PJSIP/2001"), caller),
                await leader.publish_update(update(CallState.MISSED, 7), caller),
                await leader.publish_update(update(CallState.ENDED, 8), caller)]
        await leader.release()
        await leader.close()
        return out

    out = asyncio.run(scenario())
    kept = [(u.state.value, u.state_changed, u.agent) if u else None for u in out]
    assert kept == [("ringing", True, None), ("ringing", False, None), None, ("answered", True, "PJSIP/2001"),
                    None, None, ("ended", True, "PJSIP/2001"), None]
    with pg_store.session() as s:
        rows = s.scalars(select(CallEventRow).order_by(CallEventRow.id)).all()
    assert [(r.state, r.once_key) for r in rows] == [
        ("ringing", "ringing:c-9"), ("ringing", None), ("answered", "answered:c-9"), ("ended", "ended:c-9")]


@pytest.mark.parametrize("command", [["relay", "--source", "sim://"], ["monitor", "--source", "relay"],
                                     ["queues", "--source", "relay"]])
def test_the_relay_needs_postgresql(command, sqlite_url, capsys):
    assert cli_main([*command, "--db", sqlite_url]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "PostgreSQL" in err[0] and err[0].startswith("cti-desk: error:")


def test_a_relay_does_not_relay_a_relay(pg_url, capsys):
    assert cli_main(["relay", "--source", "relay", "--db", pg_url]) == 2
    assert "takes its calls from the PBX" in capsys.readouterr().err
