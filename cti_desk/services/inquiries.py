"""Wrap-up and the customer records an operator creates during a call."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from cti_desk.domain.errors import BadArgument
from cti_desk.domain.model import Channel
from cti_desk.domain.phone import normalize_e164
from cti_desk.domain.text import bounded, to_katakana
from cti_desk.services.audit import record, utcnow
from cti_desk.store.db import Store
from cti_desk.store.models import (
    ChannelIdentity,
    Customer,
    CustomerEmail,
    CustomerPhone,
    Inquiry,
    InquiryEntry,
)

# Disposition codes stored in Inquiry.disposition; the window translates them.
DISPOSITIONS = (
    "question_answered",
    "order_placed",
    "complaint",
    "callback_requested",
    "wrong_number",
    "other",
)
MAX_NOTES = 20_000


@dataclass(slots=True)
class WrapUp:
    """What the operator records about one call; kept in memory until saved."""

    call_id: str | None
    operator: str
    opened_at: datetime  # naive UTC
    customer_id: int | None = None
    caller_number: str | None = None
    closed_at: datetime | None = None
    notes: str = ""
    disposition: str = ""
    continue_inquiry_id: int | None = None  # an open inquiry this call follows up
    keep_open: bool = False


@dataclass(frozen=True, slots=True)
class CallRef:
    """The call a record belongs to, as the desk saw it (times naive UTC)."""

    call_id: str
    started_at: datetime
    caller_number: str | None = None
    ended_at: datetime | None = None


def call_inquiry(
    session, call: CallRef, customer_id: int | None, operator: str,
    continue_inquiry_id: int | None = None,
) -> Inquiry:
    """The inquiry a call belongs to, made on first need (an order placed during the call,
    or its wrap-up): the inquiry holding the call's entry, else a new entry in the open
    inquiry the call continues, else a new open call-center inquiry with the call's entry.

    One entry per call (unique call_id): a second writer for the same call finds the
    first one's entry instead of adding another.
    """
    call_id = bounded(call.call_id, 64)
    entry = session.scalar(select(InquiryEntry).where(InquiryEntry.call_id == call_id))
    if entry is not None:
        return entry.inquiry
    inquiry = session.get(Inquiry, continue_inquiry_id) if continue_inquiry_id is not None else None
    if inquiry is None:
        inquiry = Inquiry(
            customer_id=customer_id, channel=Channel.CALL_CENTER.value, call_id=call_id,
            caller_number=bounded(call.caller_number, 64) or None, operator=bounded(operator, 100),
            opened_at=call.started_at, status="open",
        )
        session.add(inquiry)
    elif inquiry.customer_id is None:
        inquiry.customer_id = customer_id
    entry = InquiryEntry(
        inquiry=inquiry, call_id=call_id, channel=Channel.CALL_CENTER.value,
        caller_number=bounded(call.caller_number, 64) or None, operator=bounded(operator, 100),
        started_at=call.started_at, ended_at=call.ended_at, written_at=utcnow(),
    )
    session.add(entry)
    session.flush()
    return inquiry


def save_wrapup(store: Store, w: WrapUp) -> int:
    """Store the call as a call-center inquiry (or append to the open one it continues)."""
    if w.disposition not in DISPOSITIONS:
        raise BadArgument(f"unknown disposition: {w.disposition!r}")
    notes = bounded(w.notes, MAX_NOTES) if w.notes else ""
    closed = w.closed_at or utcnow()
    status = "open" if w.keep_open or w.disposition == "callback_requested" else "closed"
    with store.transaction() as s:
        inquiry = None
        if w.continue_inquiry_id is not None:
            inquiry = s.get(Inquiry, w.continue_inquiry_id)
        if inquiry is not None:
            stamp = f"[{closed:%Y-%m-%d %H:%M} UTC {w.operator}]"
            inquiry.notes = (inquiry.notes + "\n\n" if inquiry.notes else "") + f"{stamp} {notes}"
            inquiry.disposition = w.disposition
            inquiry.status = status
            inquiry.closed_at = None if status == "open" else closed
            if inquiry.customer_id is None:
                inquiry.customer_id = w.customer_id
        else:
            inquiry = Inquiry(
                customer_id=w.customer_id, channel=Channel.CALL_CENTER.value,
                call_id=bounded(w.call_id, 64) or None,
                caller_number=bounded(w.caller_number, 64) or None,
                operator=bounded(w.operator, 100), opened_at=w.opened_at,
                closed_at=None if status == "open" else closed,
                subject=bounded(notes.split("\n", 1)[0], 200), notes=notes,
                disposition=w.disposition, status=status,
            )
            s.add(inquiry)
        s.flush()
        record(s, w.operator, "inquiry.save", w.customer_id, w.call_id, f"inquiry {inquiry.id}")
        return inquiry.id


def _phone_kind(e164: str) -> str:
    return "mobile" if e164.startswith(("+8170", "+8180", "+8190")) else "home"


def create_customer_from_call(
    store: Store, name: str, kana: str, number: str | None, email: str = "", operator: str = ""
) -> int:
    """A caller we didn't know: a Customer with a call_center identity and the number."""
    name = bounded(name, 200).strip()
    if not name:
        raise BadArgument("a name is needed")
    e164 = normalize_e164(number) if number else None
    email = bounded(email, 254).strip().casefold()
    with store.transaction() as s:
        customer = Customer(name=name, name_kana=to_katakana(bounded(kana, 200).strip()),
                            created_at=utcnow())
        s.add(customer)
        s.flush()
        identity = ChannelIdentity(
            customer_id=customer.id, channel=Channel.CALL_CENTER.value,
            external_id=f"cc-{uuid.uuid4().hex[:16]}", display_name=name,
        )
        s.add(identity)
        s.flush()
        if e164:
            s.add(CustomerPhone(customer_id=customer.id, identity_id=identity.id, e164=e164,
                                kind=_phone_kind(e164), raw=bounded(number, 64)))
        if email and "@" in email:
            s.add(CustomerEmail(customer_id=customer.id, identity_id=identity.id, email=email))
        record(s, operator or "?", "customer.create", customer.id, None)
        return customer.id


def attach_number(store: Store, customer_id: int, number: str, operator: str = "") -> str:
    """Add a caller's number to an existing customer (a new phone, a household line)."""
    e164 = normalize_e164(number)
    if not e164:
        raise BadArgument(f"not a phone number: {number!r}")
    with store.transaction() as s:
        if s.get(Customer, customer_id) is None:
            raise BadArgument(f"no customer {customer_id}")
        exists = s.scalar(
            select(CustomerPhone.id).where(
                CustomerPhone.customer_id == customer_id, CustomerPhone.e164 == e164
            )
        )
        if exists is None:
            s.add(CustomerPhone(customer_id=customer_id, e164=e164, kind=_phone_kind(e164),
                                raw=bounded(number, 64)))
            record(s, operator or "?", "customer.attach_phone", customer_id, None, e164)
    return e164
