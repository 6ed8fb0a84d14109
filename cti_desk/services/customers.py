"""Who is calling, and everything the operator needs to know about them.

Every lookup here is one indexed query: the screen pop waits on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cti_desk.domain.model import Resolution, Segment, segment_for
from cti_desk.domain.phone import CallerNumber, NumberKind, normalize
from cti_desk.store.models import (
    Address,
    ChannelIdentity,
    Customer,
    CustomerEmail,
    CustomerPhone,
    PointsEntry,
    Purchase,
)

MAX_MATCHES = 50


@dataclass(frozen=True, slots=True)
class CallerMatch:
    number: CallerNumber
    resolution: Resolution
    customer_ids: tuple[int, ...] = ()


def phone_lookup_statement(e164: str):
    """The screen-pop query, exposed so tests can EXPLAIN it."""
    return (
        select(CustomerPhone.customer_id)
        .where(CustomerPhone.e164 == e164)
        .distinct()
        .order_by(CustomerPhone.customer_id)
        .limit(MAX_MATCHES)
    )


def resolve_caller(
    session: Session, raw: str | None, region: str = "JP", outside_line_prefix: str | None = None
) -> CallerMatch:
    number = normalize(raw, region, outside_line_prefix)
    if number.kind is NumberKind.WITHHELD:
        return CallerMatch(number, Resolution.ANONYMOUS)
    if number.e164 is None:
        return CallerMatch(number, Resolution.NONE)
    ids = tuple(session.scalars(phone_lookup_statement(number.e164)))
    if not ids:
        return CallerMatch(number, Resolution.NONE)
    return CallerMatch(number, Resolution.UNIQUE if len(ids) == 1 else Resolution.MULTIPLE, ids)


@dataclass(slots=True)
class CustomerSummary:
    id: int
    name: str
    name_kana: str
    segment: Segment
    points: int
    order_count: int
    flags: list[str]
    member_ids: list[str] = field(default_factory=list)
    identities: list[tuple[str, str]] = field(default_factory=list)  # (channel, external id)
    phones: list[tuple[str, str]] = field(default_factory=list)  # (kind, e164)
    emails: list[str] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)


def order_count(session: Session, customer_id: int) -> int:
    return session.scalar(
        select(func.count(Purchase.id)).where(Purchase.customer_id == customer_id)
    ) or 0


def points_balance(session: Session, customer_id: int) -> int:
    return session.scalar(
        select(func.coalesce(func.sum(PointsEntry.delta), 0)).where(
            PointsEntry.customer_id == customer_id
        )
    ) or 0


def customer_summary(session: Session, customer_id: int) -> CustomerSummary | None:
    # The card's figures with the customer in one round trip (the pop waits on each one).
    head = session.execute(
        select(
            Customer.id, Customer.name, Customer.name_kana, Customer.flags,
            select(func.count(Purchase.id)).where(Purchase.customer_id == customer_id).scalar_subquery(),
            select(func.coalesce(func.sum(PointsEntry.delta), 0))
            .where(PointsEntry.customer_id == customer_id).scalar_subquery(),
        ).where(Customer.id == customer_id)
    ).one_or_none()
    if head is None:
        return None
    cid, name, name_kana, flags, orders, points = head
    orders, points = orders or 0, points or 0
    identities = session.execute(
        select(ChannelIdentity.channel, ChannelIdentity.external_id, ChannelIdentity.member_id)
        .where(ChannelIdentity.customer_id == customer_id).order_by(ChannelIdentity.id)
    ).all()
    phones = session.execute(
        select(CustomerPhone.kind, CustomerPhone.e164)
        .where(CustomerPhone.customer_id == customer_id)
        .distinct()
    ).all()
    emails = session.scalars(
        select(CustomerEmail.email).where(CustomerEmail.customer_id == customer_id).distinct()
    ).all()
    addresses = session.scalars(
        select(Address).where(Address.customer_id == customer_id).order_by(Address.id)
    ).all()
    return CustomerSummary(
        id=cid,
        name=name,
        name_kana=name_kana,
        segment=segment_for(orders),
        points=points,
        order_count=orders,
        flags=[f for f in flags.split(",") if f],
        member_ids=[member for _channel, _external, member in identities if member],
        identities=[(channel, external) for channel, external, _member in identities],
        phones=[(k, e) for k, e in phones],
        emails=list(emails),
        addresses=list(addresses),
    )
