"""What `cti-desk inbox` stores: LINE messages and contact forms as inquiries of the
unified store, each on the right customer (CONTRACT.md "cti-desk inbox").

A message is one open inquiry whose thread holds the message as its first entry, so the
operator's inquiry history shows it like a call's wrap-up and a call can continue it.
The sender's id (LINE's webhookEventId, the form's `id`) is the inquiry's external_id:
a second delivery finds the first inquiry and stores nothing. A customer is found by
the channel identity, else by the CSV import's own identity rules (one customer that
shares the phone or the email and has no identity in that channel yet), else is a new
prospect; those rules are the import's code, called with the one identity.

Each function takes the Store and owns its transaction; two deliveries racing on
PostgreSQL meet at a unique key and the loser's retry finds the winner's rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cti_desk.domain.inbox_forms import InquiryForm
from cti_desk.domain.line_webhook import FOLLOW, MESSAGE, UNFOLLOW, LineEvent, subject_of
from cti_desk.domain.model import Channel
from cti_desk.services.audit import record, utcnow
from cti_desk.services.csvimport import ImportContext, ImportResult, Row
from cti_desk.services.import_customers import import_customers
from cti_desk.store.db import Store
from cti_desk.store.models import AuditEntry, ChannelIdentity, Inquiry, InquiryEntry

ACTOR = "inbox"  # who the audit log says wrote what the inbox writes
ATTEMPTS = 3
T = TypeVar("T")


@dataclass(slots=True)
class LineOutcome:
    stored: int = 0  # new inquiries
    already: int = 0  # events stored by an earlier delivery
    customers_new: int = 0  # prospects made for LINE users we did not know
    follows: int = 0
    unfollows: int = 0


@dataclass(frozen=True, slots=True)
class FormOutcome:
    inquiry_id: int
    created: bool  # False: the sender's id was seen before, nothing stored


def take_line_events(store: Store, events: list[LineEvent]) -> LineOutcome:
    """Store one webhook body's events in one transaction (all of them or none)."""
    if not events:
        return LineOutcome()
    return _retrying(store, lambda s: _line_events(s, events))


def take_inquiry(store: Store, form: InquiryForm, now: datetime | None = None) -> FormOutcome:
    """Store a contact form's inquiry once per (channel, id)."""
    return _retrying(store, lambda s: _form(s, form, now or utcnow()))


def _retrying(store: Store, work: Callable[[Session], T]) -> T:
    for attempt in range(ATTEMPTS):
        try:
            with store.transaction() as s:
                return work(s)
        except IntegrityError:
            # Another delivery made the same identity or inquiry between our look and
            # our insert: the next round finds it.
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


# ------------------------------------------------------------------------------ LINE


def _line_events(s: Session, events: list[LineEvent]) -> LineOutcome:
    out = LineOutcome()
    line = Channel.LINE.value
    message_ids = [e.event_id for e in events if e.kind == MESSAGE]
    seen = set(s.scalars(select(Inquiry.external_id).where(
        Inquiry.channel == line, Inquiry.external_id.in_(message_ids)))) if message_ids else set()
    for e in events:
        if e.kind == MESSAGE:
            if e.event_id in seen:
                out.already += 1
                continue
            seen.add(e.event_id)
            cid = _customer(s, out, line, e.user_id)
            _add_inquiry(s, cid, line, e.event_id, subject_of(e.text), e.text, e.at)
            out.stored += 1
        elif e.kind in (FOLLOW, UNFOLLOW):
            detail = f"webhookEventId {e.event_id}"
            if s.scalar(select(AuditEntry.id).where(AuditEntry.actor == ACTOR,
                                                    AuditEntry.detail == detail).limit(1)):
                out.already += 1
                continue
            if e.kind == FOLLOW:
                cid = _customer(s, out, line, e.user_id)
                out.follows += 1
                action = "line.unblock" if e.unblocked else "line.follow"
            else:  # the customer stays; only LINE can no longer reach them
                cid = _identity_customer(s, line, e.user_id)
                out.unfollows += 1
                action = "line.unfollow"
            record(s, ACTOR, action, cid, detail=detail)
    return out


def _customer(s: Session, out: LineOutcome, channel: str, external_id: str) -> int:
    cid, made = customer_for(s, channel, external_id)
    out.customers_new += made
    return cid


# ----------------------------------------------------------------------------- forms


def _form(s: Session, f: InquiryForm, now: datetime) -> FormOutcome:
    known = s.scalar(select(Inquiry.id).where(Inquiry.channel == f.channel, Inquiry.external_id == f.id))
    if known is not None:
        return FormOutcome(known, False)
    cid, _made = customer_for(s, f.channel, f.external_id, phone=f.phone, email=f.email, name=f.name)
    return FormOutcome(_add_inquiry(s, cid, f.channel, f.id, f.subject, f.text, f.at or now), True)


# ------------------------------------------------------------------------ customers


def _identity_customer(s: Session, channel: str, external_id: str) -> int | None:
    return s.scalar(select(ChannelIdentity.customer_id).where(
        ChannelIdentity.channel == channel, ChannelIdentity.external_id == external_id))


def customer_for(s: Session, channel: str, external_id: str, *, phone: str | None = None,
                 email: str | None = None, name: str = "") -> tuple[int, bool]:
    """(customer id, made now) for a channel identity; one the store lacks is added by
    the customers import's rules, as if a file held this one row."""
    cid = _identity_customer(s, channel, external_id)
    if cid is not None:
        return cid, False
    row = Row(line=1, cells={"channel": channel, "external_id": external_id, "name": name,
                             "name_kana": "", "phone": phone or "", "email": email or "",
                             "postal_code": "", "address": "", "member_id": ""})
    result = ImportResult(kind="customers", file=ACTOR)
    import_customers(s, [row], ImportContext(ACTOR, _no_progress, ACTOR, 1), result)
    cid = _identity_customer(s, channel, external_id)
    assert cid is not None
    made = bool(result.details.get("customers new"))
    if made:
        record(s, ACTOR, "customer.create", cid, detail=f"{channel} {external_id}")
    return cid, made


def _no_progress(_stage: str, _done: int, _total: int) -> None:
    """The import reports progress; one identity has none worth saying."""


def _add_inquiry(s: Session, customer_id: int, channel: str, external_id: str, subject: str,
                 text: str, at: datetime) -> int:
    """The inquiry and its first entry; its id. Core inserts: half the ORM's time, and
    this is every request's write."""
    inquiry_id = s.execute(insert(Inquiry).returning(Inquiry.id), {
        "customer_id": customer_id, "channel": channel, "external_id": external_id, "operator": "",
        "opened_at": at, "subject": subject[:200], "notes": text, "disposition": "", "status": "open",
    }).scalar_one()
    s.execute(insert(InquiryEntry), {
        "inquiry_id": inquiry_id, "channel": channel, "operator": "", "started_at": at,
        "written_at": utcnow(), "notes": text, "disposition": ""})
    return inquiry_id
