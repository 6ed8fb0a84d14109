"""Wrap-up and the customer records an operator creates during a call."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cti_desk.domain.errors import BadArgument
from cti_desk.domain.model import Channel
from cti_desk.domain.phone import normalize_e164
from cti_desk.domain.text import bounded, to_katakana
from cti_desk.services.audit import record, utcnow
from cti_desk.services.wrapup_record import (  # the plain records, importable from here as before
    DISPOSITIONS,
    MAX_NOTES,  # noqa: F401
    CallRef,
    WrapUp,
    notes_text,
)
from cti_desk.store.db import Store
from cti_desk.store.models import (
    ChannelIdentity,
    Customer,
    CustomerEmail,
    CustomerPhone,
    DeliveryOrder,
    Inquiry,
    InquiryEntry,
)


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


def save_wrapup(
    store: Store, w: WrapUp, *, actor: str | None = None, during_call: str | None = None
) -> int:
    """Store a call's wrap-up as its entry in an inquiry's thread; the inquiry's id.

    Idempotent per call id: a second save (a double click, notes added later, a retry
    after a lost answer) updates the call's one entry. The entry an order placed during
    the call already made is filled, not doubled. Continuing an open inquiry moves the
    entry (and the call's delivery orders) into that thread and drops the call's own
    inquiry if it is left empty. `actor` is who saves (audit), `during_call` the call in
    progress at the desk (audit; None after the call ended).
    """
    if w.disposition not in DISPOSITIONS:
        raise BadArgument(f"unknown disposition: {w.disposition!r}")
    if not w.call_id:
        raise BadArgument("a wrap-up belongs to a call")
    for attempt in range(2):
        try:
            with store.transaction() as s:
                inquiry_id = _save_entry(s, w)
                record(s, actor or w.operator, "inquiry.save", w.customer_id, during_call,
                       f"inquiry {inquiry_id} call {bounded(w.call_id, 64)}")
                return inquiry_id
        except IntegrityError:
            # Another writer (an order, a second save, another seat) made the call's entry
            # between our look and our insert: the next round finds and updates it.
            if attempt:
                raise
    raise AssertionError("unreachable")


def _save_entry(s: Session, w: WrapUp) -> int:
    call_id = bounded(w.call_id, 64)
    notes = notes_text(w.notes)
    ref = CallRef(call_id, w.opened_at, bounded(w.caller_number, 64) or None, w.closed_at)
    call_inquiry(s, ref, w.customer_id, w.operator, w.continue_inquiry_id)
    entry = s.scalars(select(InquiryEntry).where(InquiryEntry.call_id == call_id)).one()
    target = _target_inquiry(s, w, call_id, entry)
    if entry.inquiry_id != target.id:
        _move_entry(s, entry, target, call_id)
    entry.caller_number = ref.caller_number
    entry.operator = bounded(w.operator, 100)
    entry.started_at, entry.ended_at = w.opened_at, w.closed_at
    entry.written_at = utcnow()
    entry.notes, entry.disposition = notes, w.disposition
    status = "open" if w.keep_open or w.disposition == "callback_requested" else "closed"
    target.status, target.disposition = status, w.disposition
    target.closed_at = None if status == "open" else (w.closed_at or utcnow())
    if target.call_id == call_id:  # the call's own inquiry: it says what the call was about
        target.subject = bounded(notes.split("\n", 1)[0], 200)
        target.notes = notes
        target.caller_number = ref.caller_number
        target.operator = bounded(w.operator, 100)
    if w.customer_id is not None and (target.call_id == call_id or target.customer_id is None):
        target.customer_id = w.customer_id
    s.flush()
    return target.id


def _target_inquiry(s: Session, w: WrapUp, call_id: str, entry: InquiryEntry) -> Inquiry:
    """The inquiry the operator wants the call's entry in: the open one it continues, else
    the call's own (made now if the entry sits in an inquiry no longer continued)."""
    if w.continue_inquiry_id is not None:
        chosen = s.get(Inquiry, w.continue_inquiry_id)
        if chosen is not None:
            return chosen
    own = s.scalar(
        select(Inquiry)
        .where(Inquiry.call_id == call_id, Inquiry.channel == Channel.CALL_CENTER.value)
        .order_by(Inquiry.id).limit(1)
    )
    if own is not None:
        return own
    own = Inquiry(
        customer_id=w.customer_id, channel=Channel.CALL_CENTER.value, call_id=call_id,
        caller_number=bounded(w.caller_number, 64) or None, operator=bounded(w.operator, 100),
        opened_at=w.opened_at, status="open",
    )
    s.add(own)
    s.flush()
    return own


def _move_entry(s: Session, entry: InquiryEntry, target: Inquiry, call_id: str) -> None:
    old_id = entry.inquiry_id
    entry.inquiry = target
    s.execute(
        update(DeliveryOrder)
        .where(DeliveryOrder.call_id == call_id, DeliveryOrder.inquiry_id == old_id)
        .values(inquiry_id=target.id)
    )
    s.flush()
    old = s.get(Inquiry, old_id)
    if old is None or old.call_id != call_id:
        return  # a thread the call had continued: it keeps its other entries
    still_used = s.scalar(select(func.count()).select_from(InquiryEntry).where(InquiryEntry.inquiry_id == old_id))
    still_used = still_used or s.scalar(
        select(func.count()).select_from(DeliveryOrder).where(DeliveryOrder.inquiry_id == old_id))
    if not still_used:
        s.delete(old)  # made on first need for this call; now nothing is in it


def _phone_kind(e164: str) -> str:
    return "mobile" if e164.startswith(("+8170", "+8180", "+8190")) else "home"


def create_customer_from_call(
    store: Store, name: str, kana: str, number: str | None, email: str = "", operator: str = "",
    call_id: str | None = None,
) -> int:
    """A caller we didn't know: a Customer with a call_center identity and the number.
    `call_id`: the call in progress (audit)."""
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
        record(s, operator or "?", "customer.create", customer.id, call_id)
        return customer.id


def attach_number(
    store: Store, customer_id: int, number: str, operator: str = "", call_id: str | None = None
) -> str:
    """Add a caller's number to an existing customer (a new phone, a household line).
    `call_id`: the call in progress (audit)."""
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
            record(s, operator or "?", "customer.attach_phone", customer_id, call_id, e164)
    return e164
