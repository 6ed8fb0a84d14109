"""The unified customer store: one schema for SQLite (embedded) and PostgreSQL (many seats).

Times are stored as UTC. Money is integer yen.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only makes INTEGER PRIMARY KEY an alias of rowid; BIGINT stays BIGINT elsewhere.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    name_kana: Mapped[str] = mapped_column(String(200), default="")
    flags: Mapped[str] = mapped_column(String(200), default="")  # e.g. "vip,complaint"
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    identities: Mapped[list[ChannelIdentity]] = relationship(back_populates="customer")
    phones: Mapped[list[CustomerPhone]] = relationship(back_populates="customer")
    emails: Mapped[list[CustomerEmail]] = relationship(back_populates="customer")
    addresses: Mapped[list[Address]] = relationship(back_populates="customer")

    __table_args__ = (
        Index("ix_customers_name", "name"),
        Index("ix_customers_name_kana", "name_kana"),
        Index("ix_customers_created_at", "created_at"),  # new prospects of a range (KPI journey)
    )


class ChannelIdentity(Base):
    """The customer as one channel knows them: a POS member, an EC account, a LINE user."""

    __tablename__ = "channel_identities"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(100))
    member_id: Mapped[str | None] = mapped_column(String(100), index=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    customer: Mapped[Customer] = relationship(back_populates="identities")
    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_identity_channel_ext"),)


class CustomerPhone(Base):
    __tablename__ = "customer_phones"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    identity_id: Mapped[int | None] = mapped_column(
        ForeignKey("channel_identities.id", ondelete="CASCADE"), index=True
    )
    e164: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10), default="home")  # home | mobile | work
    raw: Mapped[str] = mapped_column(String(64), default="")
    customer: Mapped[Customer] = relationship(back_populates="phones")
    # The screen-pop lookup: e164 -> customer_id straight from the index.
    __table_args__ = (Index("ix_customer_phones_e164", "e164", "customer_id"),)


class CustomerEmail(Base):
    __tablename__ = "customer_emails"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    identity_id: Mapped[int | None] = mapped_column(
        ForeignKey("channel_identities.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(254))  # case-folded
    customer: Mapped[Customer] = relationship(back_populates="emails")
    __table_args__ = (Index("ix_customer_emails_email", "email", "customer_id"),)


class Address(Base):
    __tablename__ = "addresses"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    identity_id: Mapped[int | None] = mapped_column(
        ForeignKey("channel_identities.id", ondelete="CASCADE")
    )
    label: Mapped[str] = mapped_column(String(50), default="home")
    postal_code: Mapped[str] = mapped_column(String(8), default="")  # 1234567
    prefecture: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    line1: Mapped[str] = mapped_column(String(200), default="")
    line2: Mapped[str] = mapped_column(String(200), default="")
    customer: Mapped[Customer] = relationship(back_populates="addresses")


class Location(Base):
    """Where stock is: a shop, a warehouse or the EC stock."""

    __tablename__ = "locations"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10))  # shop | warehouse | ec
    prefecture: Mapped[str] = mapped_column(String(10), default="")
    lead_days: Mapped[int] = mapped_column(Integer, default=1)  # days to ship from here


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    jan: Mapped[str | None] = mapped_column(String(13), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_kana: Mapped[str] = mapped_column(String(200), default="")
    price: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_products_name", "name"),)


class StockLevel(Base):
    __tablename__ = "stock_levels"
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    # Stock never goes negative and never reserves more than is there, whatever a seat does.
    __table_args__ = (
        CheckConstraint("on_hand >= 0", name="on_hand_nonneg"),
        CheckConstraint("reserved >= 0 AND reserved <= on_hand", name="reserved_within"),
    )


class Purchase(Base):
    __tablename__ = "purchases"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_no: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    identity_id: Mapped[int | None] = mapped_column(ForeignKey("channel_identities.id"))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    purchased_at: Mapped[datetime] = mapped_column(DateTime)
    total: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="completed")  # | pending_delivery | shipped | delivered | cancelled
    lines: Mapped[list[PurchaseLine]] = relationship(back_populates="purchase")
    __table_args__ = (
        UniqueConstraint("channel", "order_no", name="uq_purchase_channel_order"),
        Index("ix_purchases_customer_time", "customer_id", "purchased_at"),
        Index("ix_purchases_order_no", "order_no"),
        Index("ix_purchases_time_customer", "purchased_at", "customer_id"),  # who bought when (KPIs)
    )


class PurchaseLine(Base):
    __tablename__ = "purchase_lines"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    purchase_id: Mapped[int] = mapped_column(ForeignKey("purchases.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Integer)
    purchase: Mapped[Purchase] = relationship(back_populates="lines")


class PointsEntry(Base):
    """Loyalty points ledger: the balance is the sum, never a stored number."""

    __tablename__ = "points_ledger"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    # Indexed: a purchase's points are read per history page.
    purchase_id: Mapped[int | None] = mapped_column(ForeignKey("purchases.id"), index=True)
    delta: Mapped[int] = mapped_column(Integer)  # + earned, - spent
    reason: Mapped[str] = mapped_column(String(20))  # earned | spent | returned | revoked | adjust | expired
    at: Mapped[datetime] = mapped_column(DateTime)


class Inquiry(Base):
    """A contact in any channel: a call, a LINE chat, an EC form, a word at the shop."""

    __tablename__ = "inquiries"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    channel: Mapped[str] = mapped_column(String(20))
    call_id: Mapped[str | None] = mapped_column(String(64), index=True)
    caller_number: Mapped[str | None] = mapped_column(String(64))
    operator: Mapped[str] = mapped_column(String(100), default="")
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    subject: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    disposition: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(10), default="closed")  # open | closed
    # The sender's own id (CSV inquiry_id, LINE webhookEventId, a form's id): a second
    # delivery of the same inquiry updates it instead of adding another.
    external_id: Mapped[str | None] = mapped_column(String(100))
    entries: Mapped[list[InquiryEntry]] = relationship(back_populates="inquiry", order_by="InquiryEntry.id")
    __table_args__ = (
        Index("ix_inquiries_customer_time", "customer_id", "opened_at"),
        Index("ix_inquiries_opened_at", "opened_at"),
        UniqueConstraint("channel", "external_id", name="uq_inquiries_channel_external_id"),
    )


class InquiryEntry(Base):
    """One contact in an inquiry's thread: a call's wrap-up (with the call's own times),
    a message. At most one entry per call, so saving a call's wrap-up again updates it."""

    __tablename__ = "inquiry_entries"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiries.id"), index=True)
    call_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(20))
    caller_number: Mapped[str | None] = mapped_column(String(64))
    operator: Mapped[str] = mapped_column(String(100), default="")
    started_at: Mapped[datetime] = mapped_column(DateTime)  # the call's own start (UTC)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    written_at: Mapped[datetime] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    disposition: Mapped[str] = mapped_column(String(40), default="")
    inquiry: Mapped[Inquiry] = relationship(back_populates="entries")


class CallLogEntry(Base):
    """Every incoming call as the desk (or the relay) saw it: missed ones stay for a
    call-back, answered ones carry who took them. One row per call id."""

    __tablename__ = "call_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    call_id: Mapped[str] = mapped_column(String(64), unique=True)
    raw_number: Mapped[str | None] = mapped_column(String(64))
    e164: Mapped[str | None] = mapped_column(String(20), index=True)
    caller_name: Mapped[str | None] = mapped_column(String(100))
    withheld_reason: Mapped[str | None] = mapped_column(String(20))
    resolution: Mapped[str | None] = mapped_column(String(10))  # unique|multiple|none|anonymous
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    segment: Mapped[str | None] = mapped_column(String(20))  # the caller's segment at the call
    queue: Mapped[str | None] = mapped_column(String(80))
    agent: Mapped[str | None] = mapped_column(String(80), index=True)
    state: Mapped[str] = mapped_column(String(10))  # ringing | answered | ended | missed
    rang_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    called_back_at: Mapped[datetime | None] = mapped_column(DateTime)


class DeliveryOrder(Base):
    __tablename__ = "delivery_orders"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_no: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    inquiry_id: Mapped[int | None] = mapped_column(ForeignKey("inquiries.id"))
    purchase_id: Mapped[int | None] = mapped_column(ForeignKey("purchases.id"))
    call_id: Mapped[str | None] = mapped_column(String(64), index=True)  # the call it was placed in
    # Fixed when the operator starts the order: a retry of the same draft (the answer to
    # COMMIT lost) finds the first order instead of placing a second.
    draft_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    recipient: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(20), default="")
    postal_code: Mapped[str] = mapped_column(String(8))
    prefecture: Mapped[str] = mapped_column(String(10))
    city: Mapped[str] = mapped_column(String(100))
    line1: Mapped[str] = mapped_column(String(200))
    line2: Mapped[str] = mapped_column(String(200), default="")
    delivery_date: Mapped[date] = mapped_column(Date)
    slot: Mapped[str] = mapped_column(String(20))
    payment: Mapped[str] = mapped_column(String(20))
    points_used: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="confirmed")  # (placed) | shipped | delivered | cancelled
    operator: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    lines: Mapped[list[DeliveryOrderLine]] = relationship(back_populates="order")


class DeliveryOrderLine(Base):
    __tablename__ = "delivery_order_lines"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("delivery_orders.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Integer)
    order: Mapped[DeliveryOrder] = relationship(back_populates="lines")


class OrderStatusStep(Base):
    """One step of a delivery order's life (placed, shipped, delivered, cancelled): when,
    who said so (the OMS, an operator, the system) and why. A status at most once per
    order, since it never goes backwards (services/order_life.py)."""

    __tablename__ = "order_status_steps"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("delivery_orders.id"))
    status: Mapped[str] = mapped_column(String(10))  # placed | shipped | delivered | cancelled
    at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(10))  # oms | operator | system
    actor: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    # Also the index of an order's timeline.
    __table_args__ = (UniqueConstraint("order_id", "status", name="uq_order_status_steps_order_status"),)


class OutboxMessage(Base):
    """An order waiting to reach the OMS: stored first, sent until a 2xx, never lost."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    topic: Mapped[str] = mapped_column(String(40), default="order")
    payload: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """Append-only (services/audit.py): triggers refuse UPDATE and DELETE (migration 0009)."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),  # the supervisor's search by date, newest first
        Index("ix_audit_log_actor_at", "actor", "at"),  # ... by person
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(100))  # the person (or kiosk:SHOP)
    desk: Mapped[str] = mapped_column(String(100), default="", server_default="")  # computer; "" before 0009
    action: Mapped[str] = mapped_column(String(40))  # customer.open | order.place | ...
    customer_id: Mapped[int | None] = mapped_column(BigId, index=True)
    call_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")


class StockLookup(Base):
    """A product's stock looked up for someone: during a call (the caller's prefecture)
    or at a shop's kiosk (the shop's). What was available near them at that moment is
    kept, since stock moves: it is the demand the KPIs call "asked for while out of stock"."""

    __tablename__ = "stock_lookups"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    channel: Mapped[str] = mapped_column(String(10))  # call | kiosk
    call_id: Mapped[str | None] = mapped_column(String(64))
    customer_id: Mapped[int | None] = mapped_column(BigId)
    shop: Mapped[str | None] = mapped_column(String(20))  # the kiosk's shop code
    prefecture: Mapped[str] = mapped_column(String(10), default="")  # where the asker was
    available_near: Mapped[int] = mapped_column(Integer)  # in shops of that prefecture
    available_total: Mapped[int] = mapped_column(Integer)


class StaffPin(Base):
    """A staff PIN, e.g. the one that lets staff leave kiosk mode: only its slow hash."""

    __tablename__ = "staff_pins"
    scope: Mapped[str] = mapped_column(String(40), primary_key=True)  # "kiosk"
    pin_hash: Mapped[str] = mapped_column(String(255))
    set_at: Mapped[datetime] = mapped_column(DateTime)


class CallEventRow(Base):
    """Call events published by `cti-desk relay` for the seats that share one PBX; the id
    is the sequence number a seat catches up from (telephony/relay*.py)."""

    __tablename__ = "call_events"
    __table_args__ = (
        Index("ix_call_events_call_id", "call_id", "id"),  # what was published of a call
        Index("ix_call_events_at", "at"),  # open calls at a takeover; the retention
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    call_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10))
    payload: Mapped[dict] = mapped_column(JSON)
    kind: Mapped[str] = mapped_column(String(8), server_default="call")  # call|queue|resync|agent
    # "state:call_id" for a call's state change: each state is published once, whoever publishes.
    once_key: Mapped[str | None] = mapped_column(String(80), unique=True)


class RelayHeartbeat(Base):
    """One row per `cti-desk relay` process, beaten every 2 s with the database's clock."""

    __tablename__ = "relay_heartbeats"
    relay_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(200))  # where its calls come from, no secret
    active: Mapped[bool] = mapped_column(Boolean)  # holds the lock: the one publishing
    pbx: Mapped[str] = mapped_column(String(20))  # its PBX link's phase (domain.link.LinkPhase)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    beat_at: Mapped[datetime] = mapped_column(DateTime)


# Keys compare code point by code point on PostgreSQL as on SQLite (C collation), so a
# prefix is one index range whatever the database's locale.
SearchKey = String(254).with_variant(String(254, collation="C"), "postgresql")


class CustomerSearchKey(Base):
    """What a customer is found by (cti_desk.domain.searchkeys): folded name and kana,
    their words, phone digits, emails. Derived data, kept by cti_desk.store.search_keys;
    the trigram index over it (FTS5 / pg_trgm) lives outside the model, see there."""

    __tablename__ = "customer_search_keys"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    kind: Mapped[int] = mapped_column(SmallInteger)
    key: Mapped[str] = mapped_column(SearchKey)
    __table_args__ = (Index("ix_customer_search_keys_key", "key", "customer_id"),)


class ProductSearchKey(Base):
    """What a product is found by: folded name and kana, their words, the SKU."""

    __tablename__ = "product_search_keys"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    kind: Mapped[int] = mapped_column(SmallInteger)
    key: Mapped[str] = mapped_column(SearchKey)
    __table_args__ = (Index("ix_product_search_keys_key", "key", "product_id"),)
