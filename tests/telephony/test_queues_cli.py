"""`cti-desk queues` run as a user runs it, against a fake Asterisk replaying queue
traffic composed from the recordings (tests/telephony/queue_traffic.py), and on the
simulator; figures checked against values worked out by hand."""

from __future__ import annotations

import asyncio
import io
import json
import re
import signal
import sys
from datetime import datetime
from pathlib import Path

import aiohttp
import pytest

from cti_desk.app.cli import main as cli_main
from cti_desk.app.queues import print_queues
from cti_desk.telephony.queues import QueueBoard
from cti_desk.telephony.simulator import CallSimulator, FastForward
from tests.telephony.fake_ami import FakeAmi, list_reply
from tests.telephony.queue_traffic import (
    QUEUE,
    calls,
    entry,
    member,
    morning,
    morning_members,
    params,
)
from tests.telephony.recorded_calls import QueueCall, to_wire

CTI_DESK = Path(sys.executable).parent / "cti-desk"
KEYS = ["queue", "ts", "waiting", "longest_wait_s", "offered", "answered", "abandoned",
        "answered_within_sl", "service_level", "abandon_rate", "asa_s", "sl_seconds", "agents"]
SAFETY = 30  # seconds: only so a broken build fails instead of hanging


def queue_status(messages) -> list[bytes]:
    return list_reply("QueueStatusComplete", [to_wire([m]) for m in messages])


class Queues:
    def __init__(self, *args: str) -> None:
        self.args = [str(CTI_DESK), "queues", *args]

    async def __aenter__(self) -> Queues:
        self.proc = await asyncio.create_subprocess_exec(
            *self.args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        return self

    async def __aexit__(self, *exc) -> None:
        if self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()

    async def stderr_line(self, pattern: str) -> re.Match:
        while True:
            raw = await asyncio.wait_for(self.proc.stderr.readline(), SAFETY)
            assert raw, "queues ended"
            if m := re.search(pattern, raw.decode()):
                return m

    async def until(self, predicate) -> dict:
        """Lines (each checked for every key) until one satisfies `predicate`."""
        while True:
            raw = await asyncio.wait_for(self.proc.stdout.readline(), SAFETY)
            assert raw, f"queues ended early: {(await self.proc.stderr.read()).decode()}"
            line = json.loads(raw)
            assert list(line) == KEYS
            if predicate(line):
                return line


def test_recorded_queue_traffic_and_a_reconnect_through_cti_desk_queues():
    async def scenario():
        async with FakeAmi() as pbx:
            pbx["QueueStatus"] = queue_status(morning_members())
            async with Queues("--source", f"ami://admin:s3cret@127.0.0.1:{pbx.port}", "--sl", "20") as q:
                await pbx.wait_for_action("QueueStatus")
                floor = await q.until(lambda x: x["agents"]["offline"] == 1)
                assert floor["agents"] == {"available": 2, "on_call": 0, "ringing": 0, "paused": 1, "offline": 1}
                assert (floor["offered"], floor["service_level"], floor["asa_s"]) == (0, None, None)

                cs = calls()
                await pbx.push(to_wire(morning(cs)))
                f = await q.until(lambda x: x["offered"] == 5 and x["agents"]["ringing"] == 1)
                # offered 5; answered 3 (waits 5, 25, 12 s); abandoned 1; within 20 s: 2
                assert {k: f[k] for k in KEYS[2:] if k != "longest_wait_s"} == {
                    "waiting": 1, "offered": 5, "answered": 3, "abandoned": 1, "answered_within_sl": 2,
                    "service_level": 0.5, "abandon_rate": 0.25, "asa_s": 14.0, "sl_seconds": 20,
                    "agents": {"available": 0, "on_call": 1, "ringing": 1, "paused": 1, "offline": 1},
                }
                assert f["queue"] == QUEUE
                datetime.fromisoformat(f["ts"]).utcoffset()  # ISO 8601 with an offset

                # Mid-day the link drops; after the new login QueueStatus says: 2001 in a
                # call, 2003 back, 2004 logged in, call 5 waiting 50 s and a new caller.
                extra = QueueCall(uid="asterisk-1740666060.400", number="0398765432", agent="2002")
                pbx["QueueStatus"] = queue_status([
                    params(), member("PJSIP/2001", status="2", in_call="1"), member("PJSIP/2002"),
                    member("PJSIP/2003"), member("PJSIP/2004"), entry(cs[4], 1, 50), entry(extra, 2, 10)])
                pbx.drop()
                await pbx.wait_for_action("QueueStatus", count=2)
                f = await q.until(lambda x: x["offered"] == 6)
                assert (f["waiting"], f["answered"], f["abandoned"], f["answered_within_sl"]) == (2, 3, 1, 2)
                assert (f["service_level"], f["abandon_rate"], f["asa_s"]) == (0.5, 0.25, 14.0)
                assert f["longest_wait_s"] >= 50
                assert f["agents"] == {"available": 3, "on_call": 1, "ringing": 0, "paused": 0, "offline": 0}

                q.proc.send_signal(signal.SIGTERM)
                _out, err = await asyncio.wait_for(q.proc.communicate(), SAFETY)
                assert q.proc.returncode == 0, err.decode()
                await asyncio.wait_for(pbx.wait_for_action("Logoff"), SAFETY)  # a clean goodbye
                assert "s3cret" not in err.decode()

    asyncio.run(scenario())


def test_a_refused_login_exits_1():
    async def scenario():
        async with FakeAmi() as pbx, Queues("--source", f"ami://admin:wrong@127.0.0.1:{pbx.port}") as q:
            _out, err = await asyncio.wait_for(q.proc.communicate(), SAFETY)
            return q.proc.returncode, _out, err.decode()

    code, out, err = asyncio.run(scenario())
    assert (code, out) == (1, b"")
    assert "authentication failed" in err


@pytest.mark.parametrize("args", [["--sl", "0"], ["--interval", "soon"], ["--sl", "-5"]])
def test_bad_options_are_bad_usage(args, capsys):
    with pytest.raises(SystemExit) as exited:
        cli_main(["queues", "--source", "sim://", *args])
    assert exited.value.code == 2
    assert capsys.readouterr().out == ""


def test_no_source_is_bad_usage(monkeypatch, capsys):
    monkeypatch.delenv("CTI_DESK_SOURCE", raising=False)
    try:
        code = cli_main(["queues"])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    assert "call source" in capsys.readouterr().err


def test_the_simulator_through_print_queues():
    """In-process, fast-forwarded: a line per change, the last ones add up."""
    ff = FastForward(datetime.now().astimezone())
    sim = CallSimulator(lambda n: ["0312345678"], rate=60, seed=2, sleep=ff.sleep, clock=ff.clock, max_calls=60)
    board = QueueBoard(clock=ff.clock, sl_seconds=30)
    out = io.BytesIO()
    assert asyncio.run(print_queues(sim, board, out)) == 0
    lines = [json.loads(x) for x in out.getvalue().decode().splitlines()]
    assert all(list(x) == KEYS for x in lines)
    assert {x["queue"] for x in lines} == {"orders", "returns", "support"}
    last = {x["queue"]: x for x in lines}
    assert sum(x["offered"] for x in last.values()) == 60
    assert all(x["answered"] + x["abandoned"] == x["offered"] and x["sl_seconds"] == 30 for x in last.values())
    assert all(sum(x["agents"].values()) >= 1 for x in last.values())


def test_interval_lines_for_every_known_queue(sqlite_url):
    """With --interval every known queue gets a line again, changed or not (the simulator
    at one call a minute: its agents make the queues known at once, calls rarely come)."""
    async def scenario():
        async with Queues("--source", "sim://?rate=0.01&seed=1", "--interval", "1", "--db", sqlite_url) as q:
            seen: dict[str, int] = {}

            def count(line) -> bool:
                seen[line["queue"]] = seen.get(line["queue"], 0) + 1
                return len(seen) == 3 and min(seen.values()) >= 3

            await q.until(count)
            q.proc.send_signal(signal.SIGINT)
            await asyncio.wait_for(q.proc.communicate(), SAFETY)
            return q.proc.returncode, seen

    code, seen = asyncio.run(scenario())
    assert code == 0
    assert set(seen) == {"orders", "returns", "support"}


def test_a_restart_picks_the_days_counts_up_from_the_call_log(store_url):
    """Every call `queues` hears goes to the store's call log; started again the same day
    it counts on from there (waits from the log: rang -> answered, a missed call abandoned)."""
    cs = calls()

    async def run_once(frames, offered: int) -> dict:
        async with FakeAmi() as pbx:
            pbx["QueueStatus"] = queue_status(morning_members())
            url = f"ami://admin:s3cret@127.0.0.1:{pbx.port}"
            async with Queues("--source", url, "--db", store_url) as q:
                await pbx.wait_for_action("QueueStatus")
                await pbx.push(to_wire(frames))
                # the first line: what the log said, out before the PBX link is up (a
                # fresh store has no queue yet: then the first line comes with the events)
                restored = await q.until(lambda x: True)
                line = await q.until(lambda x: x["offered"] == offered and x["waiting"] == 0)
                q.proc.send_signal(signal.SIGTERM)
                await asyncio.wait_for(q.proc.communicate(), SAFETY)
                assert q.proc.returncode == 0
                return restored, line

    _, first = asyncio.run(run_once([*cs[0].whole_answered(), *cs[3].whole_abandoned()], 2))
    assert (first["offered"], first["answered"], first["abandoned"]) == (2, 1, 1)
    restored, again = asyncio.run(run_once([*cs[1].whole_answered(), *cs[2].whole_answered()], 4))
    assert (restored["offered"], restored["answered"], restored["abandoned"]) == (2, 1, 1)
    # 1 + 2 answered, 1 abandoned; every wait here is well under 20 s
    assert (again["offered"], again["answered"], again["abandoned"], again["answered_within_sl"]) == (4, 3, 1, 3)
    assert (again["service_level"], again["abandon_rate"]) == (0.75, 0.25)


def test_webhook_events_with_queue_and_agent_give_the_figures(sqlite_url):
    async def scenario():
        async with Queues("--source", "webhook://127.0.0.1:0", "--db", sqlite_url) as q:
            port = int((await q.stderr_line(r"listening on http://127\.0\.0\.1:(\d+)"))[1])
            async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
                async def send(**event):
                    async with http.post("/events", json=event) as r:
                        assert r.status == 202

                await send(call_id="c1", event="ringing", queue="sales", **{"from": "0312345678"})
                await send(call_id="c1", event="answered", queue="sales", agent="PJSIP/2001")
                await send(call_id="c2", event="ringing", queue="sales")
                await send(call_id="c2", event="ended")  # never answered: gave up waiting
                await send(call_id="c3", event="ringing", queue="vip", agent="PJSIP/2002")
                await send(call_id="c4", event="ringing")  # no queue: no figures
                sales = await q.until(lambda x: x["queue"] == "sales" and x["abandoned"] == 1)
                vip = await q.until(lambda x: x["queue"] == "vip" and x["agents"]["ringing"] == 1)
            q.proc.send_signal(signal.SIGTERM)
            out, _err = await asyncio.wait_for(q.proc.communicate(), SAFETY)
            return q.proc.returncode, sales, vip, out

    code, sales, vip, rest = asyncio.run(scenario())
    assert code == 0
    assert (sales["offered"], sales["answered"], sales["abandoned"], sales["waiting"]) == (2, 1, 1, 0)
    assert (sales["service_level"], sales["abandon_rate"]) == (0.5, 0.5)  # c1 waited under 20 s
    assert sales["agents"] == {"available": 0, "on_call": 1, "ringing": 0, "paused": 0, "offline": 0}
    assert (vip["offered"], vip["waiting"], vip["answered"], vip["service_level"]) == (1, 1, 0, None)
    assert {json.loads(x)["queue"] for x in rest.splitlines()} <= {"sales", "vip"}  # c4: no queue
