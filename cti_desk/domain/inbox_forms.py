"""The inbox's JSON bodies from other systems -> validated values (no I/O).

`POST /inquiries` (an EC or app contact form) and `POST /oms/status` (the order
management system), CONTRACT.md "cti-desk inbox". Every value is text from outside:
types checked, sizes bounded, phone and email as the CSV import reads them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from cti_desk.domain import csvrows as cells
from cti_desk.domain.csvrows import CellError
from cti_desk.domain.line_webhook import MAX_ID, MAX_TEXT, subject_of

MAX_BODY = 64 * 1024  # as the call webhook: 65,536 bytes are taken, one more is 413
FORM_CHANNELS = ("ec", "app", "store")
OMS_STATUSES = ("shipped", "delivered", "cancelled")
MAX_ORDER_NO = 40


class BadForm(ValueError):
    """The body is not what the endpoint takes (400); str() says what is wrong."""


@dataclass(frozen=True, slots=True)
class InquiryForm:
    id: str  # the sender's own id: the inquiry's external_id, unique per channel
    channel: str  # ec | app | store
    external_id: str  # the customer's id in that channel (EC account, app user)
    email: str | None  # case-folded
    phone: str | None  # E.164
    name: str  # extension: the name the customer gave, for a new customer
    subject: str
    text: str
    at: datetime | None  # naive UTC; None: when it arrived


@dataclass(frozen=True, slots=True)
class OmsStatus:
    order_no: str
    status: str  # shipped | delivered | cancelled
    at: datetime  # naive UTC


def _object(body: bytes) -> dict:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BadForm("body is not JSON") from None
    if not isinstance(data, dict):
        raise BadForm("body is not a JSON object")
    return data


def _text(data: dict, key: str, *, required: bool = False) -> str:
    value = data.get(key)
    if isinstance(value, int) and not isinstance(value, bool) and key in ("id", "external_id"):
        value = str(value)  # numeric ids as many shop systems send them
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise BadForm(f"{key} must be a string")
    if required and not value.strip():
        raise BadForm(f"{key} is missing")
    return value


def _cell(parse, value: str):
    try:
        return parse(value)
    except CellError as exc:
        raise BadForm(str(exc)) from None


def parse_inquiry(body: bytes) -> InquiryForm:
    data = _object(body)
    channel = _text(data, "channel", required=True).strip().lower()
    if channel not in FORM_CHANNELS:
        raise BadForm(f"channel must be one of {', '.join(FORM_CHANNELS)}")
    ident = _cell(lambda v: cells.required(v, "id", MAX_ID), _text(data, "id", required=True))
    external_id = _cell(lambda v: cells.required(v, "external_id", MAX_ID),
                        _text(data, "external_id", required=True))
    text = cells.long_text(_text(data, "text"), MAX_TEXT)
    subject = cells.optional_text(_text(data, "subject"), 200)
    if not text and not subject:
        raise BadForm("text is missing")
    at_text = _text(data, "at")
    return InquiryForm(
        id=ident, channel=channel, external_id=external_id,
        email=_cell(cells.email, _text(data, "email")),
        phone=_cell(cells.phone, _text(data, "phone")),
        name=cells.optional_text(_text(data, "name"), 200),
        subject=subject or subject_of(text), text=text or subject,
        at=_cell(lambda v: cells.time_utc(v, "at"), at_text) if at_text.strip() else None,
    )


def parse_oms_status(body: bytes) -> OmsStatus:
    data = _object(body)
    order_no = _text(data, "order_no", required=True).strip()
    if len(order_no) > MAX_ORDER_NO or not order_no.isprintable():
        raise BadForm(f"order_no must be 1-{MAX_ORDER_NO} printable characters")
    status = _text(data, "status", required=True).strip().lower()
    if status not in OMS_STATUSES:
        raise BadForm(f"status must be one of {', '.join(OMS_STATUSES)}")
    at = _cell(lambda v: cells.time_utc(v, "at"), _text(data, "at", required=True))
    return OmsStatus(order_no=order_no, status=status, at=at)
