"""A customer's whole story for the screen pop: purchases in every channel, past inquiries.

`pop_for_caller` is the one background op behind a pop: who is calling, their summary,
the first page of purchases and their inquiries, and the audit entry, so the panel and
the history paint together.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, case, exists, func, or_, select
from sqlalchemy.orm import Session

from cti_desk.domain.model import Resolution
from cti_desk.domain.phone import display
from cti_desk.domain.text import bounded
from cti_desk.services import audit
from cti_desk.services.customers import (
    CallerMatch,
    CustomerSummary,
    customer_summary,
    resolve_caller,
)
from cti_desk.services.story_reads import read_first_purchases, read_inquiries
from cti_desk.store.db import Store
from cti_desk.store.models import (
    Address,
    ChannelIdentity,
    Customer,
    DeliveryOrder,
    DeliveryOrderLine,
    Location,
    PointsEntry,
    Product,
    Purchase,
    PurchaseLine,
)

PAGE_SIZE = 200
MAX_PENDING = 50  # delivery orders not yet purchases, on top of the first page
MAX_INQUIRIES = 500
PENDING_DELIVERY = "pending_delivery"
# A purchase's points: earned, less what a cancel took back (services/order_life.py).
EARNED = ("earned", "revoked")
MAX_FILTER_CHARS = 100
# What the history can be ordered by, in the table's column order.
PURCHASE_ORDERS = ("date", "channel", "place", "items", "amount", "points", "status")


@dataclass(frozen=True, slots=True)
class PurchaseRow:
    purchase_id: int | None  # None for a delivery order not yet turned into a purchase
    order_no: str
    channel: str
    place: str  # shop name, warehouse, or "EC"
    purchased_at: datetime  # naive UTC
    items: str
    amount: int
    points: int
    status: str  # completed | pending_delivery | ...
    product_ids: tuple[int, ...] = ()  # in line order: "where is this in stock?" from a line


@dataclass(frozen=True, slots=True)
class EntryRow:
    """One contact in an inquiry's thread (a call's wrap-up): times naive UTC."""

    call_id: str | None
    channel: str
    operator: str
    started_at: datetime
    ended_at: datetime | None
    notes: str
    disposition: str
    caller_number: str | None = None


@dataclass(frozen=True, slots=True)
class InquiryRow:
    id: int
    channel: str
    opened_at: datetime
    closed_at: datetime | None
    operator: str
    subject: str
    notes: str
    disposition: str
    status: str  # open | closed
    call_id: str | None  # the call that opened it
    entries: tuple[EntryRow, ...] = ()  # its thread, oldest first

    @property
    def latest(self) -> EntryRow | None:
        return self.entries[-1] if self.entries else None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One of several customers a number or a search matched, with what tells them apart."""

    id: int
    name: str
    name_kana: str
    member_ids: tuple[str, ...]
    place: str  # prefecture + city of the first address
    last_purchase_at: datetime | None


@dataclass(slots=True)
class CustomerStory:
    summary: CustomerSummary
    purchase_count: int
    purchases: list[PurchaseRow]  # first page (pending deliveries first)
    inquiries: list[InquiryRow]  # open first, then newest first
    # e164 -> as people read it (03-1234-5678): formatted here, off the GUI thread
    phones_shown: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Pop:
    match: CallerMatch
    story: CustomerStory | None = None
    candidates: list[Candidate] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PurchaseQuery:
    """Which of a customer's purchases, in which order: the whole history, not a page.

    `contains` matches product name, channel, shop/site and order number (case-insensitive,
    LIKE wildcards literal); `channels` adds channel codes whose shown name matched.
    """

    customer_id: int
    order_by: str = "date"
    descending: bool = True
    contains: str = ""
    channels: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.order_by not in PURCHASE_ORDERS:
            raise ValueError(f"cannot order purchases by {self.order_by!r}")
        object.__setattr__(self, "contains", bounded(self.contains.strip(), MAX_FILTER_CHARS))

    @property
    def is_default(self) -> bool:
        """Newest first, unfiltered: what a screen pop loads."""
        return self.order_by == "date" and self.descending and not self.contains


def _items_text(names: list[tuple[str, int]]) -> str:
    return ", ".join(name if qty == 1 else f"{name} ×{qty}" for name, qty in names)


def purchase_count(session: Session, customer_id: int) -> int:
    return session.scalar(
        select(func.count(Purchase.id)).where(Purchase.customer_id == customer_id)
    ) or 0


def _place_expr() -> ColumnElement:
    """The shown shop/site: "EC" for the web shop, else the location's name."""
    return case(
        (or_(Purchase.channel == "ec", Location.kind == "ec"), "EC"),
        else_=func.coalesce(Location.name, ""),
    )


def _matches(q: PurchaseQuery) -> ColumnElement:
    text = q.contains
    product_named = exists(
        select(PurchaseLine.id)
        .join(Product, Product.id == PurchaseLine.product_id)
        .where(PurchaseLine.purchase_id == Purchase.id,
               Product.name.icontains(text, autoescape=True))
    )
    return or_(
        product_named,
        Purchase.order_no.icontains(text, autoescape=True),
        Purchase.channel.icontains(text, autoescape=True),
        _place_expr().icontains(text, autoescape=True),
        *([Purchase.channel.in_(q.channels)] if q.channels else []),
    )


def purchase_page(
    session: Session, customer: int | PurchaseQuery, offset: int = 0, limit: int = PAGE_SIZE
) -> list[PurchaseRow]:
    """One page of a customer's purchases in the query's order (an id: newest first).

    The order is the whole history's, so page n+1 continues page n; ties go newest
    first (then by id) so pages never overlap. One customer's rows are few enough to
    sort by amount etc. without an index; date order uses ix_purchases_customer_time.
    """
    q = customer if isinstance(customer, PurchaseQuery) else PurchaseQuery(customer)
    # Plain columns, not ORM objects: a page is read-only and its rows are built below.
    stmt = (
        select(Purchase.id, Purchase.order_no, Purchase.channel, Purchase.purchased_at,
               Purchase.total, Purchase.status, Location.name, Location.kind)
        .outerjoin(Location, Location.id == Purchase.location_id)
        .where(Purchase.customer_id == q.customer_id)
    )
    if q.contains:
        stmt = stmt.where(_matches(q))
    key: ColumnElement
    if q.order_by == "points":
        earned = (
            select(PointsEntry.purchase_id, func.sum(PointsEntry.delta).label("points"))
            .where(PointsEntry.customer_id == q.customer_id, PointsEntry.reason.in_(EARNED))
            .group_by(PointsEntry.purchase_id)
            .subquery()
        )
        stmt = stmt.outerjoin(earned, earned.c.purchase_id == Purchase.id)
        key = func.coalesce(earned.c.points, 0)
    elif q.order_by == "items":
        first_line = (
            select(PurchaseLine.purchase_id, func.min(PurchaseLine.id).label("line_id"))
            .join(Purchase, Purchase.id == PurchaseLine.purchase_id)
            .where(Purchase.customer_id == q.customer_id)
            .group_by(PurchaseLine.purchase_id)
            .subquery()
        )
        line = PurchaseLine.__table__.alias("first_line_row")
        product = Product.__table__.alias("first_product")
        stmt = (
            stmt.outerjoin(first_line, first_line.c.purchase_id == Purchase.id)
            .outerjoin(line, line.c.id == first_line.c.line_id)
            .outerjoin(product, product.c.id == line.c.product_id)
        )
        key = func.coalesce(product.c.name, "")
    else:
        key = {
            "date": Purchase.purchased_at,
            "channel": Purchase.channel,
            "place": _place_expr(),
            "amount": Purchase.total,
            "status": Purchase.status,
        }[q.order_by]
    if q.order_by == "date":
        order = (key.desc(), Purchase.id.desc()) if q.descending else (key.asc(), Purchase.id.asc())
    else:
        order = (key.desc() if q.descending else key.asc(),
                 Purchase.purchased_at.desc(), Purchase.id.desc())
    rows = session.execute(stmt.order_by(*order).offset(offset).limit(limit)).all()
    ids = [r[0] for r in rows]
    lines: dict[int, list[tuple[str, int]]] = defaultdict(list)
    products: dict[int, list[int]] = defaultdict(list)
    points: dict[int, int] = {}
    if ids:
        for pid, name, qty, product_id in session.execute(
            select(PurchaseLine.purchase_id, Product.name, PurchaseLine.quantity, Product.id)
            .join(Product, Product.id == PurchaseLine.product_id)
            .where(PurchaseLine.purchase_id.in_(ids))
            .order_by(PurchaseLine.purchase_id, PurchaseLine.id)
        ):
            lines[pid].append((name, qty))
            products[pid].append(product_id)
        points = dict(
            session.execute(
                select(PointsEntry.purchase_id, func.sum(PointsEntry.delta))
                # points_ledger has no purchase_id index: the customer's (ix) narrows it first
                .where(PointsEntry.customer_id == q.customer_id,
                       PointsEntry.purchase_id.in_(ids), PointsEntry.reason.in_(EARNED))
                .group_by(PointsEntry.purchase_id)
            ).all()
        )
    out = []
    for pid, order_no, channel, purchased_at, total, status, loc_name, loc_kind in rows:
        place = "EC" if channel == "ec" or loc_kind == "ec" else (loc_name or "")
        out.append(
            PurchaseRow(
                purchase_id=pid, order_no=order_no, channel=channel, place=place,
                purchased_at=purchased_at, items=_items_text(lines.get(pid, [])),
                amount=total, points=int(points.get(pid, 0) or 0), status=status,
                product_ids=tuple(products.get(pid, ())),
            )
        )
    return out


def pending_deliveries(session: Session, customer_id: int) -> list[PurchaseRow]:
    """Delivery orders placed but not yet a purchase: shown on top as pending."""
    orders = session.scalars(
        select(DeliveryOrder)
        .where(
            DeliveryOrder.customer_id == customer_id,
            DeliveryOrder.purchase_id.is_(None),
            DeliveryOrder.status.not_in(("cancelled", "delivered")),
        )
        .order_by(DeliveryOrder.created_at.desc(), DeliveryOrder.id.desc())
        .limit(MAX_PENDING)
    ).all()
    out = []
    for o in orders:
        names = session.execute(
            select(Product.name, DeliveryOrderLine.quantity, Product.id)
            .join(Product, Product.id == DeliveryOrderLine.product_id)
            .where(DeliveryOrderLine.order_id == o.id)
            .order_by(DeliveryOrderLine.id)
        ).all()
        out.append(
            PurchaseRow(
                purchase_id=None, order_no=o.order_no, channel="call_center", place="",
                purchased_at=o.created_at, items=_items_text([(n, q) for n, q, _ in names]),
                amount=o.total, points=0, status=PENDING_DELIVERY,
                product_ids=tuple(product_id for _, _, product_id in names),
            )
        )
    return out


def inquiries_for(session: Session, customer_id: int, limit: int = MAX_INQUIRIES) -> list[InquiryRow]:
    """Every channel's inquiries with their threads: the open ones first, then newest first."""
    items = []
    for inquiry in read_inquiries(session, customer_id, limit):
        iid, channel, opened_at, closed_at, operator, subject, notes, disposition, status, call_id = inquiry.head
        entries = tuple(
            EntryRow(call_id=e_call, channel=e_channel, operator=e_operator, started_at=started,
                     ended_at=ended, notes=e_notes, disposition=e_disposition, caller_number=number)
            for e_call, e_channel, e_operator, started, ended, e_notes, e_disposition, number in inquiry.entries
        )
        items.append(InquiryRow(
            id=iid, channel=channel, opened_at=opened_at, closed_at=closed_at, operator=operator,
            subject=subject, notes=notes, disposition=disposition, status=status, call_id=call_id,
            entries=entries,
        ))
    return [i for i in items if i.status == "open"] + [i for i in items if i.status != "open"]


def candidates(session: Session, customer_ids: list[int] | tuple[int, ...]) -> list[Candidate]:
    """What tells several matching customers apart, in the order given."""
    if not customer_ids:
        return []
    ids = list(customer_ids)
    customers = {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_(ids)))}
    members: dict[int, list[str]] = defaultdict(list)
    for cid, member_id in session.execute(
        select(ChannelIdentity.customer_id, ChannelIdentity.member_id)
        .where(ChannelIdentity.customer_id.in_(ids), ChannelIdentity.member_id.is_not(None))
        .order_by(ChannelIdentity.id)
    ):
        members[cid].append(member_id)
    places: dict[int, str] = {}
    for cid, pref, city in session.execute(
        select(Address.customer_id, Address.prefecture, Address.city)
        .where(Address.customer_id.in_(ids))
        .order_by(Address.id)
    ):
        places.setdefault(cid, f"{pref}{city}")
    last = dict(
        session.execute(
            select(Purchase.customer_id, func.max(Purchase.purchased_at))
            .where(Purchase.customer_id.in_(ids))
            .group_by(Purchase.customer_id)
        ).all()
    )
    return [
        Candidate(
            id=cid, name=customers[cid].name, name_kana=customers[cid].name_kana,
            member_ids=tuple(members.get(cid, ())), place=places.get(cid, ""),
            last_purchase_at=last.get(cid),
        )
        for cid in ids
        if cid in customers
    ]


def first_purchases(session: Session, customer_id: int) -> list[PurchaseRow]:
    """pending_deliveries + purchase_page(customer_id, 0) in one statement: what a pop shows."""
    return [
        PurchaseRow(
            purchase_id=None if r.pending else r.id, order_no=r.order_no, channel=r.channel, place=r.place,
            purchased_at=r.at, items=_items_text(r.lines), amount=r.total, points=r.points,
            status=r.status, product_ids=tuple(r.product_ids),
        )
        for r in read_first_purchases(session, customer_id, PAGE_SIZE, MAX_PENDING, PENDING_DELIVERY)
    ]


def customer_story(session: Session, customer_id: int) -> CustomerStory | None:
    """Card, first purchase page and inquiries: three statements (services/story_reads.py)."""
    summary = customer_summary(session, customer_id)
    if summary is None:
        return None
    return CustomerStory(
        summary=summary,
        purchase_count=summary.order_count,  # the same count of the customer's purchases
        purchases=first_purchases(session, customer_id),
        inquiries=inquiries_for(session, customer_id),
        phones_shown={e164: display(e164) for _kind, e164 in summary.phones},
    )


def record_open(store: Store, customer_id: int, actor: str, call_id: str | None,
                desk: str | None = None) -> None:
    """The audit entry for having opened a customer's record (`desk` None: this process's)."""
    with store.transaction() as s:
        audit.record(s, actor, audit.CUSTOMER_OPEN, customer_id, call_id, desk=desk)


def open_customer(
    store: Store, customer_id: int, actor: str, call_id: str | None, *, audited: bool = True
) -> CustomerStory | None:
    """Load a customer's story and write the audit entry for having opened it.

    `audited=False`: the caller writes it (record_open) once the record is on screen, so a
    writer holding the database lock never delays the pop.
    """
    with store.session() as s:
        story = customer_story(s, customer_id)
    if story is not None and audited:
        record_open(store, customer_id, actor, call_id)
    return story


def pop_for_caller(
    store: Store, raw_number: str | None, actor: str, call_id: str | None, *, audited: bool = True,
    outside_line_prefix: str | None = None,
) -> Pop:
    """Everything a screen pop shows, in one go (one read session); audited as open_customer.

    `outside_line_prefix`: the digit the call source's PBX puts in front (SourceConfig.outside_line).
    """
    with store.session() as s:
        match = resolve_caller(s, raw_number, outside_line_prefix=outside_line_prefix)
        if match.resolution is Resolution.MULTIPLE:
            return Pop(match, candidates=candidates(s, match.customer_ids))
        if match.resolution is not Resolution.UNIQUE:
            return Pop(match)
        story = customer_story(s, match.customer_ids[0])
    if story is not None and audited:
        record_open(store, story.summary.id, actor, call_id)
    return Pop(match, story=story)
