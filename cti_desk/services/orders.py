"""Order for delivery taken on a call: reserve stock, record the order, queue it for the OMS.

Everything an order writes happens in ONE transaction: the stock reservations, the
delivery order, its purchase and `placed` step, spent points, the call's inquiry, the audit
entry and the outbox message (always: which process sends it to the OMS is configuration). A
reservation is a conditional UPDATE (never read-then-write), so two seats ordering the
last unit cannot both get it, on SQLite (BEGIN IMMEDIATE) and PostgreSQL (row lock).

An order draft has a key fixed when the operator starts it (order_outcome.new_draft_key),
stored unique with the order. When the store fails during COMMIT the server may have
committed without the client hearing it: `place_order` then asks the store whether the
key's order exists and says so (order_outcome), and placing the same draft again finds
that order instead of placing a second one.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cti_desk.domain.delivery import (
    VALIDATION_TEXTS,
    DeliveryCalendar,
    Message,
    OrderDraft,
    SourceOption,
    format_postal_code,
    line_field,
    message,
    normalize_postal_code,
    points_earned,
    suggest_source,
    validate,
)
from cti_desk.domain.model import Channel
from cti_desk.domain.phone import normalize_e164
from cti_desk.domain.text import bounded
from cti_desk.services.audit import record
from cti_desk.services.customers import points_balance
from cti_desk.services.inquiries import CallRef, call_inquiry
from cti_desk.services.inventory import stock_for
from cti_desk.services.oms_order import oms_payload
from cti_desk.services.order_life import placed_step
from cti_desk.services.order_outcome import describe, settle
from cti_desk.services.postal import PostalCodeError, lookup
from cti_desk.store.db import Store
from cti_desk.store.models import (
    Customer,
    DeliveryOrder,
    DeliveryOrderLine,
    Location,
    OutboxMessage,
    PointsEntry,
    Product,
    Purchase,
    PurchaseLine,
    StockLevel,
)

log = logging.getLogger(__name__)

JST = ZoneInfo("Asia/Tokyo")
ORDER_PREFIX = "CC"

# What the order service itself can refuse, beyond the draft's own validation (English;
# translated in cti_desk/qt/labels.py).
ORDER_TEXTS = {
    "customer.unknown": "Customer not found",
    "product.unknown": "Product not found",
    "location.unknown": "Shipping location not found",
    "postal_code.unknown": "Postal code {code} does not exist",
}


def _refused(code: str, /, **args: object) -> Message:
    return message(ORDER_TEXTS, code, **args)


def utcnow() -> datetime:
    """Naive UTC, as the store keeps times."""
    return datetime.now(UTC).replace(tzinfo=None)


def japan_day(utc: datetime) -> date:
    return utc.replace(tzinfo=UTC).astimezone(JST).date()


def order_number(day: date, row_id: int, prefix: str = ORDER_PREFIX) -> str:
    """`CC-20261125-000123`: the day in Japan and the order's own row id, unique across seats."""
    return f"{prefix}-{day:%Y%m%d}-{row_id:06d}"


@dataclass(frozen=True, slots=True)
class OrderOrigin:
    """Where an order is taken: the call center (the default) or a shop's kiosk. Its
    channel and shop go into the purchase, the order number and the OMS body; its hooks
    run inside the order's own transaction, so they are saved with it or not at all."""

    channel: str = Channel.CALL_CENTER.value
    prefix: str = ORDER_PREFIX
    shop: str | None = None  # the shop's location code
    shop_location_id: int | None = None  # the purchase's location
    # A customer record made for a guest (draft.customer_id 0): returns its id; a retry
    # of the same draft must find the same record.
    make_customer: Callable[[Session], int] | None = None
    # More audit rows of the placed order (order number, whether a retry found it).
    audit: Callable[[Session, PlacedOrder], None] | None = None


CALL_CENTER = OrderOrigin()


class OrderRejected(Exception):
    """The order was not placed; nothing was saved."""


class ValidationFailed(OrderRejected):
    def __init__(self, errors: dict[str, Message]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class OutOfStock(OrderRejected):
    """Another seat took the stock between the operator's look and the order."""

    def __init__(self, line_index: int, product_id: int, location_id: int, name: str) -> None:
        super().__init__(f"{name}: not enough stock left (reserved by another seat)")
        self.line_index = line_index
        self.product_id = product_id
        self.location_id = location_id
        self.name = name
        self.alternatives: list[SourceOption] = []
        self.suggestion: SourceOption | None = None

    @property
    def field(self) -> str:
        return line_field(self.line_index, "location")


@dataclass(slots=True)
class PlacedOrder:
    id: int
    order_no: str
    purchase_id: int
    total: int
    points_used: int
    points_earned: int
    delivery_date: date
    outbox_id: int | None = None
    lines: list[tuple[int, int, int]] = field(default_factory=list)  # product, location, qty
    inquiry_id: int | None = None
    call_id: str | None = None
    # An earlier attempt with the same draft key had placed it (its answer was lost):
    # this call placed nothing new.
    found: bool = False



def reserve(session, product_id: int, location_id: int, quantity: int, now: datetime) -> bool:
    """Reserve `quantity` if that much is still available; False when it is not."""
    result = session.execute(
        update(StockLevel)
        .where(
            StockLevel.product_id == product_id,
            StockLevel.location_id == location_id,
            StockLevel.on_hand - StockLevel.reserved >= quantity,
        )
        .values(reserved=StockLevel.reserved + quantity, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def postal_code_problem(text: str) -> Message:
    """What to tell the operator when Japan Post's lookup of `text` failed."""
    code = normalize_postal_code(text)
    if code is None:
        return message(VALIDATION_TEXTS, "postal_code.format")
    return _refused("postal_code.unknown", code=format_postal_code(code))


def check_postal_code(draft: OrderDraft) -> dict[str, Message]:
    """Japan Post must know the code (format errors are the domain validation's)."""
    code = normalize_postal_code(draft.postal_code)
    if code is None:
        return {}
    try:
        lookup(code)
    except PostalCodeError:
        return {"postal_code": postal_code_problem(code)}
    return {}


def place_order(
    store: Store,
    draft: OrderDraft,
    *,
    key: str | None = None,
    call: CallRef | None = None,
    after_unknown_outcome: bool = False,
    now: datetime | None = None,
    calendar: DeliveryCalendar | None = None,
    origin: OrderOrigin = CALL_CENTER,
) -> PlacedOrder:
    """Place the order, or find it when `key`'s order exists already (`found`).

    Raises ValidationFailed / OutOfStock with nothing saved; when the store fails,
    OrderNotPlaced or OrderUnconfirmed, never the driver's exception. With a `call`, the
    order belongs to the call's inquiry (made on first need) and keeps the call id.
    `after_unknown_outcome`: an earlier attempt with this key ended OrderUnconfirmed.
    """
    now = now or utcnow()
    today = japan_day(now)
    postal_errors = check_postal_code(draft)
    placed: PlacedOrder | None = None
    try:
        with store.transaction() as s:
            placed = _place(s, draft, now, today, calendar, postal_errors, key, call, origin)
            if origin.audit is not None:
                origin.audit(s, placed)
    except OutOfStock as exc:
        # Outside the failed transaction: where else the operator can take it from.
        try:
            with store.session() as s:
                stock = stock_for(s, exc.product_id, draft.prefecture)
        except Exception as lookup_failed:  # the refusal stands; only the suggestion is missing
            log.warning("order draft %s: no other locations (%s)", key, describe(lookup_failed))
            stock = None
        if stock is not None:
            quantity = draft.lines[exc.line_index].quantity
            exc.alternatives = [o for o in stock.options() if o.location_id != exc.location_id]
            exc.suggestion = suggest_source(exc.alternatives, quantity)
        raise
    except OrderRejected:
        raise
    except Exception as exc:
        if placed is not None and placed.found:
            return placed  # read before the failure: it exists
        # `placed` is set right before COMMIT: from there on the server may commit unheard.
        # Before COMMIT this attempt saved nothing; only an earlier unanswered one may have.
        unsure = placed is not None or after_unknown_outcome or isinstance(exc, IntegrityError)
        check = (lambda: order_for_draft(store, key, draft.customer_id)) if key else None
        return settle(exc, key, committing=placed is not None, unsure=unsure, check=check)
    if placed.found:
        log.info("order %s found for draft %s: placed by an earlier attempt, not placed again",
                 placed.order_no, key)
    else:
        log.info("order %s placed (%d lines, %d yen)", placed.order_no, len(placed.lines), placed.total)
    return placed


def order_for_draft(store: Store, key: str, customer_id: int | None = None) -> PlacedOrder | None:
    """The order placed from draft `key`, or None. Waits for an attempt still holding the
    customer's lock (a COMMIT the server is finishing), bounded on PostgreSQL."""
    with store.transaction() as s:  # BEGIN IMMEDIATE on SQLite: after any writer in flight
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("SET LOCAL lock_timeout = '5s'"))
        if customer_id is not None:
            s.execute(select(Customer.id).where(Customer.id == customer_id).with_for_update())
        return _stored_order(s, key)


def _stored_order(s, key: str) -> PlacedOrder | None:
    order = s.scalars(select(DeliveryOrder).where(DeliveryOrder.draft_key == key)).first()
    if order is None:
        return None
    outbox_id = s.scalar(select(OutboxMessage.id).where(OutboxMessage.idempotency_key == order.order_no))
    lines = s.execute(select(DeliveryOrderLine.product_id, DeliveryOrderLine.location_id, DeliveryOrderLine.quantity)
                      .where(DeliveryOrderLine.order_id == order.id).order_by(DeliveryOrderLine.id)).all()
    return PlacedOrder(
        id=order.id, order_no=order.order_no, purchase_id=order.purchase_id, total=order.total,
        points_used=order.points_used, points_earned=points_earned(order.total - order.points_used), delivery_date=order.delivery_date,
        outbox_id=outbox_id, lines=[tuple(row) for row in lines], inquiry_id=order.inquiry_id,
        call_id=order.call_id, found=True,
    )


def _place(s, draft, now, today, calendar, postal_errors, key, call, origin) -> PlacedOrder:
    if not draft.customer_id and origin.make_customer is not None:
        draft.customer_id = origin.make_customer(s)
    # Lock the customer row (PostgreSQL): two seats can't spend the same points twice, and
    # a retry of a draft waits here for its first attempt to end, then finds its order.
    # SQLite's BEGIN IMMEDIATE already serialized this transaction.
    customer = s.execute(
        select(Customer.id).where(Customer.id == draft.customer_id).with_for_update()
    ).first()
    if customer is None:
        raise ValidationFailed({"customer": _refused("customer.unknown")})
    if key is not None:
        existing = _stored_order(s, key)
        if existing is not None:
            return existing

    products = {p.id: p for p in s.scalars(select(Product).where(Product.id.in_({ln.product_id for ln in draft.lines})))}
    locations = {
        loc.id: loc
        for loc in s.scalars(select(Location).where(Location.id.in_({ln.location_id for ln in draft.lines if ln.location_id is not None})))
    }
    errors: dict[str, Message] = {}
    for i, line in enumerate(draft.lines):
        product = products.get(line.product_id)
        if product is None:
            errors[line_field(i, "product")] = _refused("product.unknown")
            continue
        line.unit_price = product.price  # the price is the store's, not the screen's
        line.name = product.name
        loc = locations.get(line.location_id) if line.location_id is not None else None
        if line.location_id is not None and loc is None:
            errors[line_field(i, "location")] = _refused("location.unknown")
        elif loc is not None:
            line.lead_days = loc.lead_days
    balance = points_balance(s, draft.customer_id)
    result = validate(draft, points_balance=balance, today=today, calendar=calendar)
    errors = {**result.errors, **postal_errors, **errors}
    if errors:
        raise ValidationFailed(errors)

    # A fixed order of row locks, so two orders never wait on each other (PostgreSQL).
    for i in sorted(range(len(draft.lines)), key=lambda i: (draft.lines[i].product_id, draft.lines[i].location_id)):
        line = draft.lines[i]
        if not reserve(s, line.product_id, line.location_id, line.quantity, now):
            raise OutOfStock(i, line.product_id, line.location_id, line.name)

    operator = bounded(draft.operator, 100)
    call_id = bounded(call.call_id, 64) if call is not None else draft.call_id
    inquiry_id = draft.inquiry_id
    if inquiry_id is None and call is not None:
        try:
            with s.begin_nested():
                inquiry_id = call_inquiry(s, call, draft.customer_id, operator).id
        except IntegrityError:  # the call's wrap-up, saved on another seat just now, made it
            inquiry_id = call_inquiry(s, call, draft.customer_id, operator).id
    total = draft.total
    paid = total - draft.points_to_use
    earned = points_earned(paid)  # the form shows it; earned when the OMS says delivered
    order = DeliveryOrder(
        order_no=f"tmp-{uuid.uuid4().hex}",  # replaced by the row id below
        customer_id=draft.customer_id, inquiry_id=inquiry_id, call_id=call_id, draft_key=key,
        recipient=bounded(draft.recipient.strip(), 200), phone=normalize_e164(draft.phone) or "",
        postal_code=normalize_postal_code(draft.postal_code) or "",
        prefecture=draft.prefecture.strip(), city=bounded(draft.city.strip(), 100),
        line1=bounded(draft.line1.strip(), 200), line2=bounded(draft.line2.strip(), 200),
        delivery_date=draft.delivery_date, slot=draft.slot, payment=draft.payment,
        points_used=draft.points_to_use, total=total, status="confirmed",
        operator=operator, created_at=now,
    )
    s.add(order)
    s.flush()
    order.order_no = order_number(today, order.id, origin.prefix)
    purchase = Purchase(
        order_no=order.order_no, channel=origin.channel, customer_id=draft.customer_id,
        location_id=origin.shop_location_id, purchased_at=now, total=total, status="pending_delivery",
    )
    s.add(purchase)
    s.flush()
    order.purchase_id = purchase.id
    for line in draft.lines:
        s.add(DeliveryOrderLine(order_id=order.id, product_id=line.product_id, location_id=line.location_id,
                                quantity=line.quantity, unit_price=line.unit_price))
        s.add(PurchaseLine(purchase_id=purchase.id, product_id=line.product_id,
                           quantity=line.quantity, unit_price=line.unit_price))
    if draft.points_to_use:
        s.add(PointsEntry(customer_id=draft.customer_id, purchase_id=purchase.id,
                          delta=-draft.points_to_use, reason="spent", at=now))
    s.add(placed_step(order, now))  # points are earned on delivery (services/order_life.py)
    record(s, operator or "operator", "order.place", draft.customer_id, call_id,
           f"{order.order_no} {len(draft.lines)}点 合計{total}円 ポイント利用{draft.points_to_use}", at=now)
    # Always queued: a seat without an OMS URL still leaves the order for whichever
    # process on this store sends (which one does is configuration).
    msg = OutboxMessage(idempotency_key=order.order_no, topic="order",
                        payload=oms_payload(order, draft, products, locations, origin.channel, origin.shop),
                        status="pending", attempts=0, next_attempt_at=now, last_error="")
    s.add(msg)
    s.flush()
    return PlacedOrder(
        id=order.id, order_no=order.order_no, purchase_id=purchase.id, total=total,
        points_used=draft.points_to_use, points_earned=earned, delivery_date=draft.delivery_date,
        outbox_id=msg.id,
        lines=[(ln.product_id, ln.location_id, ln.quantity) for ln in draft.lines],
        inquiry_id=inquiry_id, call_id=call_id,
    )


@dataclass(frozen=True, slots=True)
class CustomerForOrder:
    """What the form needs to start an order: balance, addresses, a default recipient."""

    customer_id: int
    name: str
    points: int
    phone: str
    prefecture: str | None
    addresses: list[dict]


def customer_for_order(store: Store, customer_id: int) -> CustomerForOrder | None:
    from cti_desk.services.customers import customer_summary

    with store.session() as s:
        summary = customer_summary(s, customer_id)
        if summary is None:
            return None
        addresses = [
            {"id": a.id, "label": a.label, "postal_code": a.postal_code, "prefecture": a.prefecture,
             "city": a.city, "line1": a.line1, "line2": a.line2}
            for a in summary.addresses
        ]
        phone = summary.phones[0][1] if summary.phones else ""
        pref = addresses[0]["prefecture"] if addresses else None
        return CustomerForOrder(customer_id, summary.name, summary.points, phone, pref, addresses)

