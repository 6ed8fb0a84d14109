"""Order for delivery taken on a call: reserve stock, record the order, queue it for the OMS.

Everything an order writes happens in ONE transaction: the stock reservations, the
delivery order and its purchase, the points, the audit entry and the outbox message. A
reservation is a conditional UPDATE (never read-then-write), so two seats ordering the
last unit cannot both get it, on SQLite (BEGIN IMMEDIATE) and PostgreSQL (row lock).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

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
from cti_desk.services.customers import points_balance
from cti_desk.services.inventory import stock_for
from cti_desk.services.postal import PostalCodeError, lookup
from cti_desk.store.db import Store
from cti_desk.store.models import (
    AuditEntry,
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


def order_number(day: date, row_id: int) -> str:
    """`CC-20261125-000123`: the day in Japan and the order's own row id, unique across seats."""
    return f"{ORDER_PREFIX}-{day:%Y%m%d}-{row_id:06d}"


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
    send_to_oms: bool = False,
    now: datetime | None = None,
    calendar: DeliveryCalendar | None = None,
) -> PlacedOrder:
    """Place the order or raise ValidationFailed / OutOfStock with nothing saved."""
    now = now or utcnow()
    today = japan_day(now)
    postal_errors = check_postal_code(draft)
    try:
        with store.transaction() as s:
            placed = _place(s, draft, now, today, calendar, postal_errors, send_to_oms)
    except OutOfStock as exc:
        # Outside the failed transaction: where else the operator can take it from.
        with store.session() as s:
            stock = stock_for(s, exc.product_id, draft.prefecture)
        if stock is not None:
            quantity = draft.lines[exc.line_index].quantity
            exc.alternatives = [o for o in stock.options() if o.location_id != exc.location_id]
            exc.suggestion = suggest_source(exc.alternatives, quantity)
        raise
    log.info("order %s placed (%d lines, %d yen)", placed.order_no, len(placed.lines), placed.total)
    return placed


def _place(s, draft, now, today, calendar, postal_errors, send_to_oms) -> PlacedOrder:
    # Lock the customer row (PostgreSQL): two seats can't spend the same points twice.
    # SQLite's BEGIN IMMEDIATE already serialized this transaction.
    customer = s.execute(
        select(Customer.id).where(Customer.id == draft.customer_id).with_for_update()
    ).first()
    if customer is None:
        raise ValidationFailed({"customer": _refused("customer.unknown")})

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

    total = draft.total
    paid = total - draft.points_to_use
    earned = points_earned(paid)
    order = DeliveryOrder(
        order_no=f"tmp-{uuid.uuid4().hex}",  # replaced by the row id below
        customer_id=draft.customer_id, inquiry_id=draft.inquiry_id,
        recipient=bounded(draft.recipient.strip(), 200), phone=normalize_e164(draft.phone) or "",
        postal_code=normalize_postal_code(draft.postal_code) or "",
        prefecture=draft.prefecture.strip(), city=bounded(draft.city.strip(), 100),
        line1=bounded(draft.line1.strip(), 200), line2=bounded(draft.line2.strip(), 200),
        delivery_date=draft.delivery_date, slot=draft.slot, payment=draft.payment,
        points_used=draft.points_to_use, total=total, status="confirmed",
        operator=bounded(draft.operator, 100), created_at=now,
    )
    s.add(order)
    s.flush()
    order.order_no = order_number(today, order.id)
    purchase = Purchase(
        order_no=order.order_no, channel=Channel.CALL_CENTER.value, customer_id=draft.customer_id,
        purchased_at=now, total=total, status="pending_delivery",
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
    if earned:
        s.add(PointsEntry(customer_id=draft.customer_id, purchase_id=purchase.id,
                          delta=earned, reason="earned", at=now))
    s.add(AuditEntry(at=now, actor=bounded(draft.operator, 100) or "operator", action="order.place",
                     customer_id=draft.customer_id, call_id=draft.call_id,
                     detail=f"{order.order_no} {len(draft.lines)}点 合計{total}円 ポイント利用{draft.points_to_use}"))
    outbox_id = None
    if send_to_oms:
        msg = OutboxMessage(idempotency_key=order.order_no, topic="order",
                            payload=oms_payload(order, draft, products, locations),
                            status="pending", attempts=0, next_attempt_at=now, last_error="")
        s.add(msg)
        s.flush()
        outbox_id = msg.id
    return PlacedOrder(
        id=order.id, order_no=order.order_no, purchase_id=purchase.id, total=total,
        points_used=draft.points_to_use, points_earned=earned, delivery_date=draft.delivery_date,
        outbox_id=outbox_id,
        lines=[(ln.product_id, ln.location_id, ln.quantity) for ln in draft.lines],
    )


def oms_payload(order: DeliveryOrder, draft: OrderDraft, products: dict, locations: dict) -> dict:
    """The JSON the OMS receives (CONTRACT.md: Order for delivery)."""
    return {
        "order_no": order.order_no,
        "channel": Channel.CALL_CENTER.value,
        "customer_id": order.customer_id,
        "created_at": order.created_at.replace(tzinfo=UTC).isoformat(timespec="seconds"),
        "delivery": {
            "recipient": order.recipient, "phone": order.phone, "postal_code": order.postal_code,
            "prefecture": order.prefecture, "city": order.city, "line1": order.line1,
            "line2": order.line2, "date": order.delivery_date.isoformat(), "slot": order.slot,
        },
        "payment": order.payment,
        "points_used": order.points_used,
        "total": order.total,
        "amount_due": order.total - order.points_used,
        "lines": [
            {
                "sku": products[ln.product_id].sku, "jan": products[ln.product_id].jan,
                "name": products[ln.product_id].name, "quantity": ln.quantity,
                "unit_price": ln.unit_price, "ship_from": locations[ln.location_id].code,
            }
            for ln in draft.lines
        ],
    }


def earliest_delivery(today: date, lead_days: int, calendar: DeliveryCalendar | None = None) -> date:
    return (calendar or DeliveryCalendar()).earliest(today, lead_days)


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

