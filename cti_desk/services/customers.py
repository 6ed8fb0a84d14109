"""Who is calling, and everything the operator needs to know about them.

Every lookup here is one indexed query: the screen pop waits on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cti_desk.domain.model import Resolution, Segment, segment_for
from cti_desk.domain.phone import CallerNumber, NumberKind, normalize
from cti_desk.services.story_reads import PHONE_LOOKUP, AddressRow, read_card
from cti_desk.store.models import PointsEntry, Purchase

MAX_MATCHES = 50


@dataclass(frozen=True, slots=True)
class CallerMatch:
    number: CallerNumber
    resolution: Resolution
    customer_ids: tuple[int, ...] = ()


def phone_lookup_statement(e164: str):
    """The screen-pop query (a fixed text statement: cheap to run), exposed so tests can EXPLAIN it."""
    return PHONE_LOOKUP.bindparams(e164=e164, limit=MAX_MATCHES)


def resolve_caller(
    session: Session, raw: str | None, region: str = "JP", outside_line_prefix: str | None = None
) -> CallerMatch:
    number = normalize(raw, region, outside_line_prefix)
    if number.kind is NumberKind.WITHHELD:
        return CallerMatch(number, Resolution.ANONYMOUS)
    if number.e164 is None:
        return CallerMatch(number, Resolution.NONE)
    ids = tuple(session.connection().execute(PHONE_LOOKUP, {"e164": number.e164, "limit": MAX_MATCHES}).scalars())
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
    addresses: list[AddressRow] = field(default_factory=list)


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
    """The card: one statement (story_reads.CARD); the pop waits on it."""
    card = read_card(session, customer_id)
    if card is None:
        return None
    return CustomerSummary(
        id=card.id,
        name=card.name,
        name_kana=card.name_kana,
        segment=segment_for(card.order_count),
        points=card.points,
        order_count=card.order_count,
        flags=[f for f in card.flags.split(",") if f],
        member_ids=[member for _channel, _external, member in card.identities if member],
        identities=[(channel, external) for channel, external, _member in card.identities],
        phones=card.phones,
        emails=card.emails,
        addresses=card.addresses,
    )
