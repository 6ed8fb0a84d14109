"""LINE Messaging API webhook bodies -> what the inbox stores (no I/O).

The signature is LINE's: `X-Line-Signature` is the base64 HMAC-SHA256 of the raw body
keyed with the channel secret, compared in constant time (as line-bot-sdk-python's
SignatureValidator does, but over the bytes as they came, never a re-encoded text).
Event shapes: https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from cti_desk.domain.csvrows import long_text
from cti_desk.domain.text import bounded

MAX_BODY = 1024 * 1024  # 1 MiB is taken, one more byte is 413
MAX_TEXT = 20_000  # as a wrap-up's notes (LINE itself allows 5,000 characters)
MAX_ID = 100  # channel_identities.external_id, inquiries.external_id
SUBJECT_CHARS = 40
MESSAGE, FOLLOW, UNFOLLOW = "message", "follow", "unfollow"
KINDS = frozenset({MESSAGE, FOLLOW, UNFOLLOW})
# What a message that is no text says in the history (the content itself stays at LINE).
NOT_TEXT = {"sticker": "[sticker]", "image": "[image]", "video": "[video]", "audio": "[audio]",
            "file": "[file]", "location": "[location]"}


class BadWebhook(ValueError):
    """The body is not a LINE webhook body (400)."""


@dataclass(frozen=True, slots=True)
class LineEvent:
    kind: str  # message | follow | unfollow
    event_id: str  # webhookEventId: the same for every delivery of one event
    user_id: str  # source.userId: the LINE user, the channel identity's external_id
    at: datetime  # naive UTC, when it happened (not when it was delivered)
    text: str = ""  # a message's text, or what it was ("[sticker]")
    unblocked: bool = False  # a follow that undoes a block
    redelivery: bool = False


def signature_valid(secret: bytes, body: bytes, signature: str | None) -> bool:
    """True when `signature` (the header as sent) is LINE's for this raw body."""
    if not secret or not signature:
        return False
    expected = base64.b64encode(hmac.new(secret, body, hashlib.sha256).digest())
    # Header bytes that are not ASCII arrive as surrogates: compare them as they came.
    return hmac.compare_digest(signature.strip().encode("utf-8", "surrogateescape"), expected)


def sign(secret: bytes, body: bytes) -> str:
    """The header LINE would send for this body (tests, the bench)."""
    return base64.b64encode(hmac.new(secret, body, hashlib.sha256).digest()).decode()


def subject_of(text: str, limit: int = SUBJECT_CHARS) -> str:
    """An inquiry's subject from its text: the first ~40 characters, on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def parse_webhook(body: bytes, now: datetime | None = None) -> list[LineEvent]:
    """The events cti-desk keeps, in order. Events of other kinds, and events without a
    user or an id (a group member who gave no consent), are skipped: LINE would only
    send them again if we refused the body."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BadWebhook("body is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise BadWebhook('body is not a LINE webhook body ({"destination": ..., "events": [...]})')
    fallback = now or datetime.now(UTC).replace(tzinfo=None)
    events = []
    for raw in data["events"]:
        if isinstance(raw, dict) and (event := _event(raw, fallback)) is not None:
            events.append(event)
    return events


def _event(raw: dict, fallback: datetime) -> LineEvent | None:
    kind = raw.get("type")
    source = raw.get("source")
    if kind not in KINDS or not isinstance(source, dict):
        return None
    event_id, user_id = _ident(raw.get("webhookEventId")), _ident(source.get("userId"))
    if not event_id or not user_id:
        return None
    context = raw.get("deliveryContext")
    redelivery = isinstance(context, dict) and context.get("isRedelivery") is True
    at = _time(raw.get("timestamp"), fallback)
    if kind == MESSAGE:
        text = _message_text(raw.get("message"))
        if not text:
            return None
        return LineEvent(kind, event_id, user_id, at, text=text, redelivery=redelivery)
    follow = raw.get("follow")
    unblocked = isinstance(follow, dict) and follow.get("isUnblocked") is True
    return LineEvent(kind, event_id, user_id, at, unblocked=unblocked, redelivery=redelivery)


def _ident(value) -> str:
    """An id as LINE sends it (ULIDs, U + 32 hex digits); anything else is no id."""
    if not isinstance(value, str):
        return ""
    value = value.strip()
    return value if 0 < len(value) <= MAX_ID and value.isprintable() else ""


def _time(value, fallback: datetime) -> datetime:
    """LINE's timestamp (milliseconds since the epoch) as naive UTC."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return fallback
    try:
        return datetime.fromtimestamp(value / 1000, UTC).replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):
        return fallback


def _message_text(message) -> str:
    """A text message's text; for anything else what it was, with a message sticker's
    own words ("[sticker] Let's hang out")."""
    if not isinstance(message, dict):
        return ""
    kind = message.get("type") if isinstance(message.get("type"), str) else ""
    text = message.get("text")
    words = long_text(text, MAX_TEXT) if isinstance(text, str) else ""
    if kind == "text":
        return words
    label = NOT_TEXT.get(kind) or f"[{bounded(kind, 20) or 'message'}]"
    if kind == "location":  # the place's name and address say what the customer meant
        place = " ".join(bounded(message.get(k), 200) for k in ("title", "address")
                         if isinstance(message.get(k), str)).strip()
        words = words or place
    return f"{label} {words}".strip()
