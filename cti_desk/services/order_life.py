"""A delivery order's life after the call: placed, then shipped and delivered, or cancelled.

The OMS says what happened (`apply_oms_status`, behind `cti-desk inbox` POST /oms/status);
an operator may cancel an order that has not shipped (`cancel_order`). Each change is one
transaction that locks the order's row first (SQLite: BEGIN IMMEDIATE), so two requests
at once apply a status once; each writes a step (order_status_steps, also unique per
order and status) and moves the purchase's status with the order's:

- shipped consumes the reservation: on hand and reserved both go down by each line;
- delivered earns the order's points (shipped's effect too when no shipped came first);
- cancelled releases the reservation and gives back the points spent on the order.

A status never goes backwards: delivered -> shipped, anything after cancelled, cancelled
after shipped change nothing and say so ("backwards").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from cti_desk.domain.delivery import Message, message, points_earned
from cti_desk.domain.errors import BadArgument
from cti_desk.domain.text import bounded
from cti_desk.services.audit import record
from cti_desk.store.db import Store
from cti_desk.store.models import (
    DeliveryOrder,
    DeliveryOrderLine,
    OrderStatusStep,
    OutboxMessage,
    PointsEntry,
    Purchase,
    StockLevel,
)

log = logging.getLogger(__name__)

PLACED, SHIPPED, DELIVERED, CANCELLED = "placed", "shipped", "delivered", "cancelled"
OMS_STATUSES = (SHIPPED, DELIVERED, CANCELLED)  # what the OMS may say
OMS, OPERATOR, SYSTEM = "oms", "operator", "system"  # a step's source
# What may follow each status; the same status again is "already", anything else backwards.
NEXT = {PLACED: (SHIPPED, DELIVERED, CANCELLED), SHIPPED: (DELIVERED,), DELIVERED: (), CANCELLED: ()}
# The purchase's status for the order's (the customer's purchase history shows it).
PURCHASE_STATUS = {PLACED: "pending_delivery", SHIPPED: SHIPPED, DELIVERED: DELIVERED, CANCELLED: CANCELLED}
MAX_REASON = 200

APPLIED, ALREADY, UNKNOWN, BACKWARDS = "applied", "already", "unknown", "backwards"


def utcnow() -> datetime:
    """Naive UTC, as the store keeps times."""
    return datetime.now(UTC).replace(tzinfo=None)


def store_time(at: datetime) -> datetime:
    """`at` as the store keeps times: naive UTC (a naive `at` is taken as UTC already)."""
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo is not None else at


def order_status(order: DeliveryOrder) -> str:
    """The order's status in its life: orders.py places them "confirmed", i.e. placed."""
    return order.status if order.status in NEXT else PLACED


def placed_step(order: DeliveryOrder, at: datetime) -> OrderStatusStep:
    """The first step of a new order (orders.py writes it with the order)."""
    return OrderStatusStep(order_id=order.id, status=PLACED, at=at, source=OPERATOR,
                           actor=order.operator or "", reason="")


@dataclass(frozen=True, slots=True)
class StatusOutcome:
    """What a status from the OMS did: `result` applied | already | unknown | backwards
    (POST /oms/status answers 200 / 200 / 404 / 409); `current` is the order's status
    after it (None for an unknown order)."""

    result: str
    order_no: str
    status: str
    current: str | None = None


def apply_oms_status(store: Store, order_no: str, status: str, at: datetime) -> StatusOutcome:
    """The OMS says order `order_no` is now `status` (shipped | delivered | cancelled) since
    `at` (aware, or naive UTC). Idempotent; a step back changes nothing. BadArgument for
    any other status (the service answers 400), nothing read."""
    if status not in OMS_STATUSES:
        raise BadArgument(f"status must be one of {', '.join(OMS_STATUSES)}")
    at = store_time(at)
    with store.transaction() as s:
        order = locked_order(s, order_no)
        if order is None:
            return StatusOutcome(UNKNOWN, order_no, status)
        current = order_status(order)
        if current == status:
            return StatusOutcome(ALREADY, order_no, status, current)
        if status not in NEXT[current]:
            log.info("order %s: OMS status %s after %s refused (a step back)", order_no, status, current)
            return StatusOutcome(BACKWARDS, order_no, status, current)
        move(s, order, status, at, OMS)
    log.info("order %s: %s -> %s (OMS)", order_no, current, status)
    return StatusOutcome(APPLIED, order_no, status, status)


def locked_order(s: Session, order_no: str) -> DeliveryOrder | None:
    """The order by number, its row locked until the transaction ends (PostgreSQL)."""
    return s.scalars(
        select(DeliveryOrder).where(DeliveryOrder.order_no == order_no[:40]).with_for_update()
    ).first()


def move(s: Session, order: DeliveryOrder, status: str, at: datetime, source: str,
         actor: str = "", reason: str = "") -> None:
    """Take the locked `order` to `status` (one NEXT allows): stock, points, its purchase, a step."""
    current = order_status(order)
    lines = s.execute(
        select(DeliveryOrderLine.product_id, DeliveryOrderLine.location_id, DeliveryOrderLine.quantity)
        .where(DeliveryOrderLine.order_id == order.id)
        .order_by(DeliveryOrderLine.product_id, DeliveryOrderLine.location_id)  # orders.py's lock order
    ).all()
    if current == PLACED:
        for product_id, location_id, quantity in lines:
            _stock_out(s, order.order_no, product_id, location_id, quantity, consume=status != CANCELLED)
    if status == DELIVERED:
        _earn(s, order, at)
    elif status == CANCELLED:
        _give_back(s, order, at)
    order.status = status
    if order.purchase_id is not None:
        s.execute(update(Purchase).where(Purchase.id == order.purchase_id)
                  .values(status=PURCHASE_STATUS[status]).execution_options(synchronize_session=False))
    s.add(OrderStatusStep(order_id=order.id, status=status, at=at, source=source,
                          actor=actor[:100], reason=reason[:MAX_REASON]))
    s.flush()


def _stock_out(s: Session, order_no: str, product_id: int, location_id: int, quantity: int,
               consume: bool) -> None:
    """The line's reservation ends: shipped (`consume`: on hand goes down with it) or released.
    A reservation found short (a store edited by hand) is logged and ends at zero, never below."""
    here = (StockLevel.product_id == product_id, StockLevel.location_id == location_id)
    values = {"reserved": StockLevel.reserved - quantity, "updated_at": utcnow()}
    if consume:
        values["on_hand"] = StockLevel.on_hand - quantity
    result = s.execute(update(StockLevel).where(*here, StockLevel.reserved >= quantity)
                       .values(**values).execution_options(synchronize_session=False))
    if result.rowcount == 1:
        return
    log.warning("order %s: product %s at location %s had less than %d reserved",
                order_no, product_id, location_id, quantity)
    values["reserved"] = 0
    if consume:
        values["on_hand"] = case((StockLevel.on_hand >= quantity, StockLevel.on_hand - quantity), else_=0)
    s.execute(update(StockLevel).where(*here).values(**values).execution_options(synchronize_session=False))


def _purchase_points(s: Session, order: DeliveryOrder, reason: str) -> int:
    if order.purchase_id is None:
        return 0
    return int(s.scalar(select(func.coalesce(func.sum(PointsEntry.delta), 0)).where(
        PointsEntry.purchase_id == order.purchase_id, PointsEntry.reason == reason)) or 0)


def _earn(s: Session, order: DeliveryOrder, at: datetime) -> None:
    # Orders placed before migration 0010 earned theirs at placing: not twice.
    if _purchase_points(s, order, "earned"):
        return
    earned = points_earned(order.total - order.points_used)
    if earned:
        s.add(PointsEntry(customer_id=order.customer_id, purchase_id=order.purchase_id, delta=earned,
                          reason="earned", at=at))


def _give_back(s: Session, order: DeliveryOrder, at: datetime) -> None:
    """The points spent on the order come back; points earned at placing (before 0010) go."""
    if order.points_used:
        s.add(PointsEntry(customer_id=order.customer_id, purchase_id=order.purchase_id,
                          delta=order.points_used, reason="returned", at=at))
    earned = _purchase_points(s, order, "earned")
    if earned > 0:
        s.add(PointsEntry(customer_id=order.customer_id, purchase_id=order.purchase_id, delta=-earned,
                          reason="revoked", at=at))


# ------------------------------------------------------------------- the operator's cancel

# Why a cancel is refused (English; the Qt layer lists them in cti_desk/qt/labels.py).
CANCEL_TEXTS = {
    "cancel.unknown": "Order {order_no} not found",
    "cancel.shipped": "Order {order_no} has shipped: it can no longer be cancelled",
    "cancel.delivered": "Order {order_no} was delivered: it can no longer be cancelled",
    "cancel.cancelled": "Order {order_no} is cancelled already",
    "cancel.no_reason": "Enter the reason for the cancellation",
    "cancel.reason_too_long": "The reason is too long (at most {max} characters)",
}
CANCEL_TOPIC = "cancel"  # its outbox message: POST URL/orders/{order_no}/cancel


class CancelRefused(Exception):
    """The order was not cancelled and nothing was written; `message` says why
    (`message.code`: a key of CANCEL_TEXTS)."""

    def __init__(self, code: str, /, **args: object) -> None:
        self.message: Message = message(CANCEL_TEXTS, code, **args)
        super().__init__(str(self.message))


@dataclass(frozen=True, slots=True)
class CancelledOrder:
    order_no: str
    cancelled_at: datetime  # naive UTC
    points_returned: int
    outbox_key: str  # `<order_no>-cancel`


def cancel_key(order_no: str) -> str:
    return f"{order_no}-cancel"


def cancel_order(store: Store, order_no: str, reason: str, actor: str, now: datetime | None = None, *,
                 desk: str | None = None) -> CancelledOrder:
    """The operator cancels an order that has not shipped: its reservation released, spent
    points returned, a `cancelled` step (source operator, `actor`, `reason`), an audit row
    (`desk` None: this process's) and the cancel queued for the OMS, all in one transaction.

    Raises CancelRefused (unknown order, shipped, delivered or cancelled already, no reason
    or one past MAX_REASON characters) with nothing written."""
    reason = " ".join((reason or "").split())  # one line, as the timeline shows it
    if not reason:
        raise CancelRefused("cancel.no_reason")
    if len(reason) > MAX_REASON:
        raise CancelRefused("cancel.reason_too_long", max=MAX_REASON)
    reason, actor = bounded(reason, MAX_REASON), bounded(actor, 100) or "operator"
    now = store_time(now) if now is not None else utcnow()
    order_no = bounded(order_no, 40)
    with store.transaction() as s:
        order = locked_order(s, order_no)
        if order is None:
            raise CancelRefused("cancel.unknown", order_no=order_no)
        current = order_status(order)
        if current != PLACED:
            raise CancelRefused(f"cancel.{current}", order_no=order_no)
        move(s, order, CANCELLED, now, OPERATOR, actor, reason)
        record(s, actor, "order.cancel", order.customer_id, order.call_id,
               f"{order_no} キャンセル ポイント返却{order.points_used} 理由: {reason}", desk=desk, at=now)
        cancelled_at = now.replace(tzinfo=UTC).isoformat(timespec="seconds")
        s.add(OutboxMessage(idempotency_key=cancel_key(order_no), topic=CANCEL_TOPIC,
                            payload={"order_no": order_no, "reason": reason, "cancelled_at": cancelled_at},
                            status="pending", attempts=0, next_attempt_at=now, last_error=""))
        points = order.points_used
    log.info("order %s cancelled by %s", order_no, actor)
    return CancelledOrder(order_no, now, points, cancel_key(order_no))


# ------------------------------------------------------------------------------ timeline


@dataclass(frozen=True, slots=True)
class StatusStep:
    status: str  # placed | shipped | delivered | cancelled
    at: datetime  # naive UTC
    source: str  # oms | operator | system
    actor: str
    reason: str


def order_timeline(store: Store, order_no: str) -> list[StatusStep]:
    """The order's steps in the order they happened; [] for an unknown order."""
    with store.session() as s:
        rows = s.execute(
            select(OrderStatusStep.status, OrderStatusStep.at, OrderStatusStep.source,
                   OrderStatusStep.actor, OrderStatusStep.reason)
            .join(DeliveryOrder, DeliveryOrder.id == OrderStatusStep.order_id)
            .where(DeliveryOrder.order_no == order_no[:40])
            .order_by(OrderStatusStep.id)  # recorded in life order, whatever clocks said
        ).all()
    return [StatusStep(*row) for row in rows]
