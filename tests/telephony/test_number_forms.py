"""Numbers as Japanese PBXs send them, through the real `cti-desk monitor`: an
outside-line digit in front (`?outside_line=0`), and the carrier's reason as text
instead of a number (非通知, 公衆電話, 表示圏外), on the webhook and on AMI."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from cti_desk.domain.errors import BadArgument
from cti_desk.telephony.sources import parse_source, with_outside_line
from tests.factories import add_customer
from tests.telephony.fake_ami import FakeAmi
from tests.telephony.monitor_cli import Monitor
from tests.telephony.recorded_calls import QueueCall, to_wire

REASONS = ["非通知", "公衆電話", "表示圏外", "unavailable", "Unavailable"]


@pytest.fixture
def yamada(store):
    return add_customer(store, name="山田 太郎", phones=("03-1234-5678",))


def test_webhook_with_an_outside_line_digit_and_japanese_reasons(store, store_url, yamada):
    async def scenario():
        async with Monitor("webhook://127.0.0.1:0?outside_line=0", store_url) as mon:
            port = int((await mon.stderr_line(r"listening on http://127\.0\.0\.1:(\d+)"))[1])
            async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
                async def ring(call_id, number):
                    async with http.post("/events", json={"call_id": call_id, "event": "ringing",
                                                          "from": number}) as r:
                        assert r.status == 202

                await ring("known", "00312345678")  # 0 + 03-1234-5678
                await ring("tokyo", "00352345678")  # 0 + 03-5234-5678, not 00 + Luxembourg
                await ring("plain", "0312345678")  # a PBX that sometimes leaves it off
                for i, reason in enumerate(REASONS):
                    await ring(f"r{i}", reason)
                lines = await mon.lines(3 + len(REASONS))
            code, _rest, err = await mon.stop()
        return lines, code, err

    lines, code, err = asyncio.run(scenario())
    by_id = {line["call_id"]: line for line in lines}
    assert (by_id["known"]["number"], by_id["known"]["resolution"],
            by_id["known"]["customer_ids"]) == ("+81312345678", "unique", [yamada])
    assert by_id["known"]["raw_number"] == "00312345678"  # as the PBX sent it
    assert (by_id["tokyo"]["number"], by_id["tokyo"]["resolution"]) == ("+81352345678", "none")
    assert by_id["plain"]["customer_ids"] == [yamada]
    for i, reason in enumerate(REASONS):
        line = by_id[f"r{i}"]
        assert (line["number"], line["raw_number"], line["resolution"], line["customer_ids"]) == (
            None, reason, "anonymous", [])
    assert code == 0 and "Traceback" not in err


def test_asterisk_with_an_outside_line_digit_and_japanese_reasons(store, store_url, yamada):
    """Recorded Asterisk queue calls whose CallerIDNum is what a Japanese trunk sends."""
    calls = [QueueCall(uid=f"asterisk-1740666060.{311 + 10 * i}", number=number)
             for i, number in enumerate(["00312345678", "非通知", "公衆電話", "表示圏外"])]

    async def scenario():
        async with FakeAmi(username="admin", secret="s3cret") as pbx:
            url = f"ami://admin:s3cret@127.0.0.1:{pbx.port}?outside_line=0"
            async with Monitor(url, store_url) as mon:
                await pbx.wait_for_action("CoreShowChannels")
                for call in calls:
                    await pbx.push(to_wire(call.whole_abandoned()))
                lines = await mon.lines(2 * len(calls))
                code, _rest, err = await mon.stop()
        return lines, code, err

    lines, code, err = asyncio.run(scenario())
    got = {(line["raw_number"], line["state"]): line for line in lines}
    known = got["00312345678", "ringing"]
    assert (known["number"], known["resolution"], known["customer_ids"]) == (
        "+81312345678", "unique", [yamada])
    assert got["00312345678", "missed"]["customer_ids"] == [yamada]
    for reason in ("非通知", "公衆電話", "表示圏外"):
        for state in ("ringing", "missed"):
            line = got[reason, state]
            assert (line["number"], line["resolution"], line["customer_ids"]) == (None, "anonymous", [])
    assert code == 0 and "Traceback" not in err


def test_outside_line_in_source_urls():
    assert parse_source("webhook://127.0.0.1:8080?outside_line=0").outside_line == "0"
    assert parse_source("webhook://127.0.0.1:8080?token=t&outside_line=9").token == "t"
    ami = parse_source("ami://u:p@pbx:5038?outside_line=0&auth=md5")
    assert (ami.outside_line, ami.ami.auth) == ("0", "md5")
    assert parse_source("ami://u:p@pbx:5038").outside_line is None
    assert parse_source("webhook://127.0.0.1:8080").outside_line is None


@pytest.mark.parametrize("url", ["webhook://h:1?outside_line=", "webhook://h:1?outside_line=x",
                                 "webhook://h:1?outside_line=12345", "ami://u:p@h:1?outside_line=+"])
def test_a_bad_outside_line_is_bad_usage(url):
    with pytest.raises(BadArgument, match="outside_line"):
        parse_source(url)


def test_outside_line_from_the_settings_when_the_url_names_none():
    webhook = parse_source("webhook://127.0.0.1:8080")
    assert with_outside_line(webhook, "0").outside_line == "0"
    assert with_outside_line(webhook, None) is webhook
    assert with_outside_line(webhook, " ") is webhook
    assert with_outside_line(parse_source("webhook://h:1?outside_line=9"), "0").outside_line == "9"
    assert with_outside_line(parse_source("sim://"), "0").outside_line is None  # no PBX, no digit
    assert with_outside_line(parse_source("ami://u:p@pbx:5038"), "0").outside_line == "0"
    with pytest.raises(BadArgument, match="outside_line"):
        with_outside_line(webhook, "zero")
