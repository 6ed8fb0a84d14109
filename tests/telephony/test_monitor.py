"""`cti-desk monitor` run as the real command against a real store, fed by the webhook
over HTTP and by a fake Asterisk replaying recorded AMI traffic."""

from __future__ import annotations

import asyncio
import json
import signal
from datetime import datetime

import aiohttp
import pytest

from cti_desk.app.cli import main as cli_main
from cti_desk.app.monitor import pop_line
from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.errors import BadArgument
from cti_desk.services.screenpop import CallerResolver
from cti_desk.telephony.sources import parse_source
from tests.factories import add_customer
from tests.telephony.fake_ami import FakeAmi, list_reply, load_recording
from tests.telephony.monitor_cli import KEYS, SAFETY, Monitor
from tests.telephony.recorded_calls import QueueCall, to_wire


@pytest.fixture
def customers(store):
    return {
        "unique": add_customer(store, name="山田 太郎", phones=("03-1234-5678",)),
        "shared": sorted([add_customer(store, name="佐藤 一郎", phones=("03-9999-0000",)),
                          add_customer(store, name="佐藤 花子", phones=("03-9999-0000",), channel="ec")]),
    }


def test_webhook_calls_become_json_lines(store, store_url, customers):
    async def scenario():
        async with Monitor("webhook://127.0.0.1:0?token=t0k", store_url) as mon:
            port = int((await mon.stderr_line(r"listening on http://127\.0\.0\.1:(\d+)"))[1])
            auth = {"Authorization": "Bearer t0k"}
            async with aiohttp.ClientSession(f"http://127.0.0.1:{port}", headers=auth) as http:
                async def send(**event):
                    async with http.post("/events", json=event) as r:
                        assert r.status == 202

                await send(call_id="c1", event="ringing", **{"from": "0312345678"}, caller_name="山田 太郎",
                           queue="support")
                ringing = await mon.line()
                await send(call_id="c1", event="answered", agent="PJSIP/2001")
                await send(call_id="c1", event="answered", agent="PJSIP/2001")  # repeated
                await send(call_id="c1", event="ended")
                answered, ended = await mon.lines(2)
                await send(call_id="c2", event="ringing", **{"from": "+81 3-9999-0000"})
                await send(call_id="c3", event="ringing")  # no from: withheld
                await send(call_id="c4", event="ringing", **{"from": "2001"})  # an extension
                await send(call_id="c5", event="ringing", **{"from": "09011112222"})
                await send(call_id="c2", event="ended")
                others = await mon.lines(5)
            code, rest, err = await mon.stop()
        return ringing, answered, ended, others, code, rest, err

    ringing, answered, ended, others, code, rest, err = asyncio.run(scenario())
    for line in (ringing, answered, ended, *others):
        assert list(line) == KEYS
        assert datetime.fromisoformat(line["ts"]).utcoffset() is not None
    assert ringing == {**ringing, "call_id": "c1", "state": "ringing", "number": "+81312345678",
                       "raw_number": "0312345678", "caller_name": "山田 太郎", "queue": "support",
                       "agent": None, "resolution": "unique", "customer_ids": [customers["unique"]]}
    assert (answered["state"], answered["agent"]) == ("answered", "PJSIP/2001")
    assert (ended["state"], ended["agent"], ended["resolution"]) == ("ended", "PJSIP/2001", "unique")
    by_id = {(o["call_id"], o["state"]): o for o in others}
    assert by_id["c2", "ringing"]["resolution"] == "multiple"
    assert by_id["c2", "ringing"]["customer_ids"] == customers["shared"]
    assert by_id["c2", "missed"]["customer_ids"] == customers["shared"]
    assert by_id["c3", "ringing"] | {"ts": None} == {
        "call_id": "c3", "state": "ringing", "number": None, "raw_number": None, "caller_name": None,
        "queue": None, "agent": None, "resolution": "anonymous", "customer_ids": [], "ts": None}
    assert (by_id["c4", "ringing"]["number"], by_id["c4", "ringing"]["resolution"]) == (None, "none")
    assert (by_id["c5", "ringing"]["number"], by_id["c5", "ringing"]["resolution"]) == ("+819011112222", "none")
    assert code == 0 and rest == b""
    assert "Traceback" not in err


def test_recorded_asterisk_calls_and_a_reconnect(store, store_url, customers):
    """Recorded SIP call + a queue call from a known customer; the link drops while a
    second caller rings and is answered; the monitor logs in again and catches up."""
    queue_call = QueueCall(uid="asterisk-1740666060.311", number="0312345678", name=r"O\'Brien")
    during_outage = QueueCall(uid="asterisk-1740666060.411", number="03-9999-0000", agent="2002")

    async def scenario():
        async with FakeAmi(username="admin", secret="s3cret") as pbx:
            url = f"ami://admin:s3cret@127.0.0.1:{pbx.port}"
            async with Monitor(url, store_url) as mon:
                await pbx.wait_for_action("CoreShowChannels")
                await pbx.push(load_recording("goami2-call.txt", pbx_only=True))
                sip = await mon.lines(3)
                await pbx.push(to_wire(queue_call.arrives()))
                first = [await mon.line()]
                pbx["CoreShowChannels"] = list_reply(
                    "CoreShowChannelsComplete",
                    [to_wire([m]) for m in queue_call.show_channels(leg_state="6", bridged=True)
                     + during_outage.show_channels(leg_state="5")])
                pbx.drop()
                await pbx.wait_for_action("CoreShowChannels", count=2)
                caught_up = await mon.lines(2)
                await pbx.push(to_wire(queue_call.completed() + during_outage.abandoned()))
                last = await mon.lines(2)
                code, rest, err = await mon.stop(signal.SIGINT)
        return sip, first + caught_up + last, code, rest, err

    sip, queue_lines, code, rest, err = asyncio.run(scenario())
    assert [(s["state"], s["raw_number"], s["agent"]) for s in sip] == [
        ("ringing", "9170", None), ("answered", "9170", "SIP/okon.ferry.sip.com"),
        ("ended", "9170", "SIP/okon.ferry.sip.com")]
    assert {s["caller_name"] for s in sip} == {"Bud Heller"}
    assert {s["call_id"] for s in sip} == {"1598887681.60"}
    got = [(q["call_id"][-3:], q["state"], q["agent"], q["resolution"]) for q in queue_lines]
    assert sorted(got[1:3]) == [("311", "answered", "PJSIP/000", "unique"),
                                ("411", "ringing", None, "multiple")]
    assert got[0] == ("311", "ringing", None, "unique")
    assert sorted(got[3:]) == [("311", "ended", "PJSIP/000", "unique"), ("411", "missed", None, "multiple")]
    assert {q["caller_name"] for q in queue_lines if q["call_id"].endswith("311")} == {"O'Brien"}
    assert code == 0 and rest == b""
    assert "Traceback" not in err


def test_monitor_agent_prints_only_the_calls_of_that_phone(store, store_url, customers):
    """`monitor --agent PJSIP/2001` (CONTRACT.md): recorded-shape queue calls, one answered
    at 2001, one rung and answered at 2002, one rung at 2001 and abandoned. The queue's
    own `ringing` (before any phone rings) is not 2001's yet: its line goes out when
    2001's phone rings."""
    mine = QueueCall(uid="asterisk-1740666060.311", number="0312345678", agent="2001")
    colleague = QueueCall(uid="asterisk-1740666060.411", number="03-9999-0000", agent="2002")
    gave_up = QueueCall(uid="asterisk-1740666060.511", number="0312345678", agent="2001")

    async def scenario():
        async with FakeAmi(username="admin", secret="s3cret") as pbx:
            url = f"ami://admin:s3cret@127.0.0.1:{pbx.port}"
            async with Monitor(url, store_url, extra=("--agent", "PJSIP/2001")) as mon:
                await pbx.wait_for_action("CoreShowChannels")
                await pbx.push(to_wire(colleague.arrives() + colleague.answered() + colleague.completed()))
                await pbx.push(to_wire(mine.arrives() + mine.answered() + mine.completed()))
                await pbx.push(to_wire(gave_up.arrives() + gave_up.abandoned()))
                lines = await mon.lines(5)
                code, rest, err = await mon.stop(signal.SIGINT)
        return lines, code, rest, err

    lines, code, rest, err = asyncio.run(scenario())
    assert "Traceback" not in err
    assert [(q["call_id"][-3:], q["state"], q["agent"]) for q in lines] == [
        ("311", "ringing", None), ("311", "answered", "PJSIP/2001"), ("311", "ended", "PJSIP/2001"),
        ("511", "ringing", None), ("511", "missed", None)]
    assert all(list(q) == KEYS for q in lines)
    assert code == 0 and rest == b""  # nothing of 2002's call, before or after


def test_refused_login_exits_1_with_nothing_on_stdout(store_url):
    async def scenario():
        async with FakeAmi(username="admin", secret="s3cret") as pbx:
            async with Monitor(f"ami://admin:wrong@127.0.0.1:{pbx.port}", store_url) as mon:
                out, err = await asyncio.wait_for(mon.proc.communicate(), SAFETY)
                return mon.proc.returncode, out, err.decode(), pbx.refused_logins

    code, out, err, refused = asyncio.run(scenario())
    assert code == 1
    assert out == b""
    assert "authentication failed" in err
    assert "wrong" not in err  # the secret is never logged
    assert refused == 1


@pytest.mark.parametrize("url", ["gopher://x", "webhook://127.0.0.1", "webhook://h:1?tok=x",
                                 "sim://?rate=0", "sim://?rate=fast", "sim://?agents=0", "sim://?agents=x",
                                 "sim://?agents=1000", "ami://127.0.0.1:5038",
                                 "ami://u:p@h:1?inbound=bad%20name", ""])
def test_malformed_sources_are_bad_usage(url, sqlite_url, capsys):
    with pytest.raises(BadArgument):
        parse_source(url)
    assert cli_main(["monitor", "--source", url, "--db", sqlite_url]) == 2
    assert capsys.readouterr().out == ""


def test_sources_parse():
    assert parse_source("webhook://0.0.0.0:8080?token=abc").token == "abc"
    assert parse_source("sim://?rate=30&seed=2").rate == 30.0
    ami = parse_source("ami://u:p@pbx:5038?auth=md5&inbound=from-pstn,from-trunk")
    assert ami.inbound_contexts == {"from-pstn", "from-trunk"} and ami.ami.auth == "md5"
    assert "p@" not in ami.display()
    assert parse_source("relay").kind == "relay"
    assert parse_source("sim://?rate=10&agents=20").display() == "sim://?rate=10&agents=20"
    assert "abc" not in repr(parse_source("webhook://0.0.0.0:8080?token=abc"))  # the bearer token


def test_simulator_agents_answer_as_many_phones_as_asked():
    """A load run's 20 seats need 20 agents in the simulator (scripts/load_run.py)."""
    from cti_desk.telephony.simulator import DEFAULT_AGENTS
    from cti_desk.telephony.sources import open_source

    assert open_source(parse_source("sim://?agents=20")).agents == tuple(f"PJSIP/{2001 + i}" for i in range(20))
    assert open_source(parse_source("sim://")).agents == DEFAULT_AGENTS


@pytest.mark.parametrize("spelling", [None, "", "<unknown>", "unknown", "anonymous", "Anonymous",
                                      "private", "restricted", "unavailable", "非通知", "公衆電話",
                                      "表示圏外"])
def test_withheld_spellings_are_anonymous(store, spelling):
    resolver = CallerResolver(store)
    update = CallUpdate("w1", CallState.RINGING, spelling, None, None, None,
                        datetime.now().astimezone())
    line = json.loads(pop_line(update, resolver.match(update)))
    resolver.close()
    assert (line["number"], line["resolution"], line["customer_ids"]) == (None, "anonymous", [])
    assert line["raw_number"] == spelling


class Out:
    def __init__(self):
        self.data = b""

    def write(self, b):
        self.data += b

    def flush(self):
        pass


def test_simulator_through_the_monitor_pops_the_stores_customers(sqlite_url):
    # sim with a high rate against the real command would run forever: drive the same
    # source and printer in-process, fast-forwarded, over a real store.
    from cti_desk.app.monitor import _lookup_for, print_calls
    from cti_desk.services.screenpop import sample_caller_numbers
    from cti_desk.store.db import open_store
    from cti_desk.telephony.simulator import CallSimulator, FastForward

    store = open_store(sqlite_url)
    for i in range(20):
        add_customer(store, name=f"顧客 {i}", phones=(f"03-5555-{i:04d}",))
    with store.session() as s:
        numbers = sample_caller_numbers(s, 50, seed=1)
    ff = FastForward(datetime.now().astimezone())
    out = Out()
    sim = CallSimulator(lambda n: numbers, rate=60, seed=1, sleep=ff.sleep, clock=ff.clock, max_calls=40)
    lookup = _lookup_for(store, None)
    assert asyncio.run(print_calls(sim, lookup, out)) == 0
    lookup.close()
    store.dispose()
    lines = [json.loads(x) for x in out.data.decode().splitlines()]
    assert len(lines) >= 80  # 40 calls, each ringing and then missed or answered and ended
    assert all(list(x) == KEYS for x in lines)
    assert {x["resolution"] for x in lines} >= {"unique", "none", "anonymous"}
    withheld = {x["raw_number"] for x in lines if x["resolution"] == "anonymous"}
    assert withheld & {"非通知", "公衆電話", "表示圏外"}  # the simulator sends the Japanese reasons too


def test_a_store_that_fails_mid_shift_does_not_lose_the_line(sqlite_url, caplog):
    """The state change still goes out (unresolved) when the store can't be asked,
    the failure is said once, and so is the store answering again."""
    from sqlalchemy import text

    from cti_desk.app.monitor import LinePrinter, _lookup_for
    from cti_desk.store.db import open_store

    store = open_store(sqlite_url)
    add_customer(store, phones=("0312345678",))
    ts = datetime.fromisoformat("2026-11-23T10:00:00+09:00")

    def ring(call_id):
        return CallUpdate(call_id, CallState.RINGING, "0312345678", None, None, None, ts)

    async def scenario():
        lookup = _lookup_for(store, None)
        out = Out()
        printer = LinePrinter(lookup, out)
        printing = asyncio.create_task(printer.run())
        printer.emit(ring("c1"))
        await printer.drain()
        with store.engine.begin() as conn:  # the store breaks under the monitor
            conn.execute(text("ALTER TABLE customer_phones RENAME TO moved_away"))
        printer.emit(ring("c2"))
        printer.emit(ring("c3"))
        await printer.drain()
        with store.engine.begin() as conn:  # and is mended
            conn.execute(text("ALTER TABLE moved_away RENAME TO customer_phones"))
        printer.emit(ring("c4"))
        await printer.drain()
        printing.cancel()
        lookup.close()
        return out.data

    data = asyncio.run(scenario())
    store.dispose()
    lines = [json.loads(line) for line in data.splitlines()]
    assert [(x["call_id"], x["resolution"]) for x in lines] == [
        ("c1", "unique"), ("c2", None), ("c3", None), ("c4", "unique")]
    assert lines[1]["state"] == "ringing" and lines[1]["number"] == "+81312345678"
    assert lines[1]["customer_ids"] == []
    assert caplog.text.count("caller lookup failed") == 1
    assert caplog.text.count("store reachable again") == 1
