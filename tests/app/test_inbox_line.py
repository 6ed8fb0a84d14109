"""`POST /line`: LINE's webhook into the unified store, on SQLite and PostgreSQL.

The bodies are LINE's own documentation examples (tests/fixtures/line/README.md names
each one), sent byte for byte and signed the way LINE signs them.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime

from sqlalchemy import select

from cti_desk.domain.line_webhook import sign
from cti_desk.domain.model import Segment
from cti_desk.services.customers import customer_summary
from cti_desk.store.db import Store
from cti_desk.store.models import AuditEntry, Inquiry
from tests.app.inbox_harness import (
    SECRET,
    counts,
    customer_of,
    history,
    import_customers,
    line_body,
    line_doc,
    post_line,
    run_inbox,
)

DOC_USER = "U4af4980629..."  # the userId in LINE's text message example
NEW_USER = "U3d3edab4f36c6292e6d8a8131f141b8b"  # the one in its follow example


def test_the_documented_text_message_becomes_an_open_inquiry_of_that_customer(store, tmp_path):
    import_customers(store, tmp_path, f"line,{DOC_USER},田中 三郎,タナカ サブロウ,,,,,\n")
    customer = customer_of(store, "line", DOC_USER)
    before = counts(store)

    async def scenario(http):
        assert await post_line(http, line_doc("text_message_group.json")) == (
            200, {"status": "ok", "stored": 1, "already": 0})

    run_inbox(store, scenario)
    [inquiry] = history(store, customer)
    assert inquiry.channel == "line" and inquiry.status == "open"
    assert inquiry.subject == "@All @example Good Morning!! (love)"
    assert inquiry.opened_at == datetime(2016, 5, 7, 13, 57, 59, 859000)  # the event's own time
    [entry] = inquiry.entries  # shown in the thread like a call's wrap-up
    assert (entry.channel, entry.notes, entry.started_at, entry.call_id) == (
        "line", "@All @example Good Morning!! (love)", datetime(2016, 5, 7, 13, 57, 59, 859000), None)
    after = counts(store)
    assert after["customers"] == before["customers"]  # a customer we knew: no new one
    with store.session() as s:
        assert s.scalar(select(Inquiry.external_id)) == "01FZ74A0TDDPYRVKNK77XKC3ZR"


def test_a_wrong_or_missing_signature_is_401_and_nothing_is_stored(store, tmp_path):
    import_customers(store, tmp_path)
    body = line_doc("text_message_group.json")
    before = counts(store)

    async def scenario(http):
        wrong = [
            await post_line(http, body, secret="not the channel secret"),
            await post_line(http, body, signature=None),
            await post_line(http, body, signature=""),
            await post_line(http, body.replace(b"Good Morning", b"Good Evening"),
                            signature=sign(SECRET.encode(), body)),  # the body was changed
        ]
        assert all(status == 401 for status, _ in wrong), wrong
        assert wrong[0][1] == {"error": "missing or wrong X-Line-Signature"}

    run_inbox(store, scenario)
    assert counts(store) == before


def test_without_a_channel_secret_every_line_request_is_refused(store):
    body = line_doc("follow.json")
    before = counts(store)

    async def scenario(http):
        assert (await post_line(http, body, secret=""))[0] == 401

    run_inbox(store, scenario, secret=None)
    assert counts(store) == before


def test_a_redelivered_event_is_stored_once(store, tmp_path):
    import_customers(store, tmp_path, f"line,{DOC_USER},田中 三郎,タナカ サブロウ,,,,,\n")
    first = line_doc("text_message_group.json")
    redelivered = line_body("text_message_group.json", deliveryContext={"isRedelivery": True})
    again = line_body("text_message_group.json", webhookEventId="01HRACE0000000000000000000")

    async def scenario(http):
        assert (await post_line(http, first))[1]["stored"] == 1
        assert await post_line(http, first) == (200, {"status": "ok", "stored": 0, "already": 1})
        assert await post_line(http, redelivered) == (200, {"status": "ok", "stored": 0, "already": 1})
        # Deliveries of one event at the same moment meet at the store's unique key.
        answers = await asyncio.gather(*(post_line(http, again) for _ in range(6)))
        assert [status for status, _ in answers] == [200] * 6
        assert sum(a["stored"] for _, a in answers) == 1

    run_inbox(store, scenario)
    rows = history(store, customer_of(store, "line", DOC_USER))
    assert sorted(r.subject for r in rows) == ["@All @example Good Morning!! (love)"] * 2
    with store.session() as s:
        assert sorted(s.scalars(select(Inquiry.external_id))) == [
            "01FZ74A0TDDPYRVKNK77XKC3ZR", "01HRACE0000000000000000000"]


def test_an_unknown_line_user_becomes_a_prospect_with_that_line_identity(store, tmp_path):
    import_customers(store, tmp_path)
    before = counts(store)
    message = line_body("text_message_group.json", webhookEventId="01HMSG00000000000000000000",
                        source={"type": "user", "userId": NEW_USER})

    async def scenario(http):
        assert (await post_line(http, line_doc("follow.json")))[0] == 200
        assert (await post_line(http, message))[1]["stored"] == 1
        assert (await post_line(http, line_doc("follow.json")))[1]["already"] == 1

    run_inbox(store, scenario)
    customer = customer_of(store, "line", NEW_USER)
    assert customer is not None
    assert counts(store)["customers"] == before["customers"] + 1  # follow and message: one
    with store.session() as s:
        summary = customer_summary(s, customer)
        assert summary.segment is Segment.PROSPECT
        actions = s.execute(select(AuditEntry.actor, AuditEntry.action).where(
            AuditEntry.customer_id == customer).order_by(AuditEntry.id)).all()
    assert actions == [("inbox", "customer.create"), ("inbox", "line.follow")]
    [inquiry] = history(store, customer)
    assert inquiry.subject == "@All @example Good Morning!! (love)"


def test_a_sticker_from_a_stranger_is_an_inquiry_that_says_so(store):
    async def scenario(http):
        assert (await post_line(http, line_doc("sticker_message.json")))[1]["stored"] == 1

    run_inbox(store, scenario)
    [inquiry] = history(store, customer_of(store, "line", "Ub82c8fd9b..."))
    assert inquiry.entries[0].notes == "[sticker] Let's\nhang out\nthis weekend!"
    assert inquiry.subject == "[sticker] Let's hang out this weekend!"


def test_unfollow_keeps_the_customer_and_is_recorded_once(store, tmp_path):
    import_customers(store, tmp_path, f"line,{DOC_USER},田中 三郎,タナカ サブロウ,,,,,\n")
    customer = customer_of(store, "line", DOC_USER)
    before = counts(store)

    async def scenario(http):
        for _ in range(2):
            assert (await post_line(http, line_doc("unfollow.json")))[0] == 200

    run_inbox(store, scenario)
    assert customer_of(store, "line", DOC_USER) == customer
    after = counts(store)
    assert (after["customers"], after["inquiries"]) == (before["customers"], before["inquiries"])
    with store.session() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.detail).where(
            AuditEntry.customer_id == customer, AuditEntry.actor == "inbox")).all()
    assert rows == [("line.unfollow", "webhookEventId 01FZ74A0TDDPYRVKNK77XKC3ZR")]


def test_bodies_that_are_not_the_webhooks_are_400_and_over_a_mib_413(store):
    def padded(size: int) -> bytes:
        head = b'{"destination": "'
        tail = b'", "events": []}'
        return head + b"x" * (size - len(head) - len(tail)) + tail

    async def scenario(http):
        status, answer = await post_line(http, b"not json")
        assert status == 400 and answer["error"] == "body is not JSON"
        assert (await post_line(http, json.dumps({"events": "none"}).encode()))[0] == 400
        assert (await post_line(http, padded(1024 * 1024)))[0] == 200  # 1 MiB is still taken
        assert (await post_line(http, padded(1024 * 1024 + 1)))[0] == 413

    run_inbox(store, scenario)


def test_a_store_that_does_not_answer_is_503_so_line_sends_it_again(caplog):
    store = Store("postgresql+psycopg://cti@127.0.0.1:1/cti?connect_timeout=2")  # nothing listens
    answers = []

    async def scenario(http):
        for _ in range(3):
            answers.append(await post_line(http, line_doc("follow.json")))

    try:
        run_inbox(store, scenario)
    finally:
        store.dispose()
    assert answers == [(503, {"error": "the store is not answering; send it again"})] * 3
    reports = [r.getMessage() for r in caplog.records if "the store did not take" in r.getMessage()]
    assert len(reports) == 1, reports  # once a minute, not a line per request
    assert reports[0].startswith("inbox: the store did not take 1 request(s), the last LINE webhook: ")
