"""LINE webhook bodies and the inbox's form bodies, parsed without a store or a server.

The LINE bodies are the examples of LINE's Messaging API reference (tests/fixtures/line,
its README says which); signatures are computed over the file's bytes as they are.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import datetime
from pathlib import Path

import pytest

from cti_desk.domain.inbox_forms import BadForm, parse_inquiry, parse_oms_status
from cti_desk.domain.line_webhook import (
    FOLLOW,
    MESSAGE,
    UNFOLLOW,
    BadWebhook,
    parse_webhook,
    signature_valid,
    subject_of,
)

LINE = Path(__file__).resolve().parent.parent / "fixtures" / "line"
SECRET = b"8c570fa6dd201bb328f1c1eac23a96d8"  # a channel secret's shape: 32 hex digits


def doc_body(name: str) -> bytes:
    return (LINE / name).read_bytes()


def line_signature(secret: bytes, body: bytes) -> str:
    """As LINE's documentation computes it, written out here rather than borrowed."""
    return base64.b64encode(hmac.new(secret, body, hashlib.sha256).digest()).decode()


def test_the_signature_is_the_hmac_of_the_raw_bytes():
    body = doc_body("text_message_group.json")
    good = line_signature(SECRET, body)
    assert signature_valid(SECRET, body, good)
    assert not signature_valid(SECRET, body, None)
    assert not signature_valid(SECRET, body, "")
    assert not signature_valid(b"another secret", body, good)
    # The same JSON re-serialized is other bytes: its signature is not this one.
    assert not signature_valid(SECRET, json.dumps(json.loads(body)).encode(), good)
    assert not signature_valid(SECRET, body + b" ", good)
    assert not signature_valid(b"", body, line_signature(b"", body))  # no secret: nothing passes
    assert not signature_valid(SECRET, body, good + "\udcff")  # a header byte that is no UTF-8


def test_the_documented_text_message_in_a_group():
    [event] = parse_webhook(doc_body("text_message_group.json"))
    assert event.kind == MESSAGE
    assert event.event_id == "01FZ74A0TDDPYRVKNK77XKC3ZR"
    assert event.user_id == "U4af4980629..."  # the sender, not the group
    assert event.text == "@All @example Good Morning!! (love)"
    assert event.at == datetime(2016, 5, 7, 13, 57, 59, 859000)  # 1462629479859 ms, UTC
    assert not event.redelivery


def test_a_message_sticker_says_it_is_one_and_keeps_its_words():
    [event] = parse_webhook(doc_body("sticker_message.json"))
    assert event.text == "[sticker] Let's\nhang out\nthis weekend!"


def test_follow_and_unfollow():
    [follow] = parse_webhook(doc_body("follow.json"))
    assert (follow.kind, follow.user_id, follow.unblocked) == (FOLLOW, "U3d3edab4f36c6292e6d8a8131f141b8b", False)
    [unfollow] = parse_webhook(doc_body("unfollow.json"))
    assert (unfollow.kind, unfollow.user_id) == (UNFOLLOW, "U4af4980629...")


def _event(**changes) -> dict:
    event = json.loads(doc_body("text_message_group.json"))["events"][0]
    event.update(changes)
    return event


def test_events_cti_desk_cannot_use_are_skipped_not_refused():
    """LINE sends a refused body again; an event we can't use would come back for ever."""
    body = {"destination": "x", "events": [
        _event(type="postback"),  # another kind
        _event(source={"type": "group", "groupId": "C1"}),  # a member who gave no consent
        _event(webhookEventId=None),
        _event(message={"type": "text", "text": "   "}),  # nothing said
        "not an event",
        _event(webhookEventId="01KEEP", message={"type": "image", "id": "1"}),
        _event(webhookEventId="01REDELIVERED", deliveryContext={"isRedelivery": True}, timestamp="x"),
    ]}
    kept = parse_webhook(json.dumps(body).encode(), now=datetime(2026, 11, 23, 1, 0))
    assert [(e.event_id, e.text) for e in kept] == [
        ("01KEEP", "[image]"), ("01REDELIVERED", "@All @example Good Morning!! (love)")]
    assert kept[1].redelivery and kept[1].at == datetime(2026, 11, 23, 1, 0)  # no usable time: now


@pytest.mark.parametrize("body", [b"", b"{", b"[]", b'{"destination": "x"}', b'{"events": {}}',
                                  b"\xff\xfe", b"[" * 100_000])
def test_a_body_that_is_no_webhook_body_is_refused(body):
    with pytest.raises(BadWebhook):
        parse_webhook(body)


def test_the_empty_events_of_lines_connection_check_are_a_body():
    assert parse_webhook(b'{"destination": "U0", "events": []}') == []


def test_subject_is_the_first_forty_characters_on_one_line():
    assert subject_of("配送日を変更\nしたいです") == "配送日を変更 したいです"
    long = "あ" * 50
    assert subject_of(long) == "あ" * 39 + "…" and len(subject_of(long)) == 40


# ---------------------------------------------------------------------------- forms


def form(**changes) -> bytes:
    body = {"id": "F-1", "channel": "ec", "external_id": "EC000123", "email": " Ichiro.Sato@Example.JP ",
            "phone": "０９０－１１１１－２２２２", "subject": "", "text": "返品の方法を教えてください\n注文は先週です",
            "at": "2026-11-23T10:00:00"}
    body.update(changes)
    return json.dumps({k: v for k, v in body.items() if v is not ...}).encode()


def test_an_inquiry_form_is_read_as_the_import_reads_its_cells():
    f = parse_inquiry(form())
    assert (f.id, f.channel, f.external_id) == ("F-1", "ec", "EC000123")
    assert f.email == "ichiro.sato@example.jp" and f.phone == "+819011112222"
    assert f.subject == "返品の方法を教えてください 注文は先週です"
    assert f.text == "返品の方法を教えてください\n注文は先週です"
    assert f.at == datetime(2026, 11, 23, 1, 0)  # no offset: Japan time
    assert parse_inquiry(form(at=..., id=42, phone=None, email="")).at is None


@pytest.mark.parametrize(("changes", "reason"), [
    ({"channel": "line"}, "channel must be one of ec, app, store"),
    ({"id": ...}, "id is missing"),
    ({"id": "x" * 101}, "id is longer than 100 characters"),
    ({"external_id": ["EC1"]}, "external_id must be a string"),
    ({"text": "", "subject": ""}, "text is missing"),
    ({"phone": "12"}, "invalid phone number '12'"),
    ({"email": "no-at-sign"}, "invalid email address"),
    ({"at": "yesterday"}, "at is not an ISO 8601 time"),
])
def test_a_bad_form_says_what_is_wrong(changes, reason):
    with pytest.raises(BadForm, match=reason):
        parse_inquiry(form(**changes))


def test_an_order_status():
    s = parse_oms_status(b'{"order_no": "CC-20261123-42", "status": "Delivered", "at": "2026-11-24T09:30:00+09:00"}')
    assert (s.order_no, s.status, s.at) == ("CC-20261123-42", "delivered", datetime(2026, 11, 24, 0, 30))
    for bad, reason in [(b'{"status": "shipped", "at": "2026-11-24"}', "order_no is missing"),
                        (b'{"order_no": "' + b"9" * 41 + b'", "status": "shipped", "at": "2026-11-24"}', "order_no must be"),
                        (b'{"order_no": "A", "status": "returned", "at": "2026-11-24"}', "status must be one of"),
                        (b'{"order_no": "A", "status": "shipped"}', "at is missing")]:
        with pytest.raises(BadForm, match=reason):
            parse_oms_status(bad)
