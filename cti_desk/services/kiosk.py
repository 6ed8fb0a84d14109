"""What a shop's kiosk does with the store: its shop, a product's stock as seen from that
shop with the day it can be at the customer's home, a customer found by member number or
phone (masked), an order for home delivery, and the staff PIN that leaves kiosk mode.

Each function takes the Store and owns its session, so the window calls them through
run_query. Every customer lookup and order is in the audit log with the shop.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select

from cti_desk.domain.delivery import (
    DeliveryCalendar,
    Message,
    Nearness,
    OrderDraft,
    message,
    normalize_postal_code,
    validate,
)
from cti_desk.domain.errors import BadArgument
from cti_desk.domain.kiosk import kiosk_payments, mask_name, mask_phone
from cti_desk.domain.model import Channel
from cti_desk.domain.phone import NumberKind, normalize_e164
from cti_desk.domain.searchkeys import code_variants
from cti_desk.domain.text import bounded
from cti_desk.services.audit import record
from cti_desk.services.customers import resolve_caller
from cti_desk.services.inventory import ProductHit, ProductSearch, find_products, stock_for
from cti_desk.services.orders import (
    OrderOrigin,
    PlacedOrder,
    ValidationFailed,
    check_postal_code,
    japan_day,
    place_order,
    utcnow,
)
from cti_desk.services.staff_pin import pin_is_set, set_pin, verify_pin  # noqa: F401 (the seam's names)
from cti_desk.services.stock_lookups import KIOSK, Asker, remember_lookup
from cti_desk.store.db import Store
from cti_desk.store.models import (
    Address,
    AuditEntry,
    ChannelIdentity,
    Customer,
    CustomerPhone,
    Location,
)

log = logging.getLogger(__name__)

CUSTOMER_LOOKUP = "kiosk.customer_lookup"
KIOSK_ORDER = "kiosk.order"
KIOSK_ORDER_PREFIX = "KS"  # order numbers of orders taken at a shop's kiosk (CC: the call center)
MAX_CUSTOMERS = 10  # a household landline is shared by a few, not by dozens

# What the kiosk can say about a customer lookup (English; translated in the Qt layer).
KIOSK_TEXTS = {
    "customer.enter": "Enter a member number or a phone number",
    "customer.none": "No member with that member number or phone number",
    "payment.guest": "A guest pays on delivery",
}

# Where a stock row is, seen from the kiosk's shop, nearest first.
PLACES = ("this_shop", *(n.value for n in Nearness))
PLACE_LABELS = {
    "this_shop": "This shop",
    Nearness.SAME_PREFECTURE.value: "Shop in this prefecture",
    Nearness.SAME_REGION.value: "Shop in this region",
    Nearness.WAREHOUSE.value: "Warehouse",
    Nearness.EC.value: "Online store stock",
    Nearness.FAR_SHOP.value: "Shop in another region",
}
_PLACE_RANK = {p: i for i, p in enumerate(PLACES)}


def actor(shop: KioskShop) -> str:
    return f"kiosk:{shop.code}"


# ------------------------------------------------------------------------ shop and stock


@dataclass(frozen=True, slots=True)
class KioskShop:
    code: str
    name: str
    prefecture: str
    location_id: int


def kiosk_shop(store: Store, code: str) -> KioskShop | None:
    """The shop (a location of kind shop) with this code, in any case; None if there is none."""
    text = unicodedata.normalize("NFKC", code or "").strip()[:20]
    if not text:
        return None
    with store.session() as s:
        for variant in dict.fromkeys((text, text.upper())):
            loc = s.scalars(select(Location).where(Location.code == variant, Location.kind == "shop")).first()
            if loc is not None:
                return KioskShop(loc.code, loc.name, loc.prefecture or "", loc.id)
    return None


@dataclass(frozen=True, slots=True)
class KioskStockRow:
    code: str
    name: str
    kind: str  # shop | warehouse | ec
    place: str  # one of PLACES
    available: int
    arrives: date  # the earliest day it can be delivered to the customer's home
    location_id: int = 0  # what an order line ships from (DraftLine.location_id)

    @property
    def place_label(self) -> str:
        """English; the Qt layer translates it."""
        return PLACE_LABELS[self.place]


@dataclass(slots=True)
class KioskStock:
    product: ProductHit
    rows: list[KioskStockRow]
    as_of: datetime | None  # newest stock figure shown (naive UTC)

    @property
    def available(self) -> int:
        return sum(r.available for r in self.rows)


def find_kiosk_products(store: Store, text: str) -> ProductSearch:
    """What the scan field found: a JAN (check digit checked), SKU or name/kana prefix."""
    with store.session() as s:
        return find_products(s, text)


def kiosk_stock(store: Store, product_id: int, shop: KioskShop, today: date,
                calendar: DeliveryCalendar | None = None) -> KioskStock | None:
    """The product's stock as the shop's customer needs it: this shop first, then shops of
    the prefecture and the region, warehouses, the online store, far shops; within each,
    the soonest at the customer's home first. Records the lookup (the KPIs' demand)."""
    calendar = calendar or DeliveryCalendar()
    with store.session() as s:
        stock = stock_for(s, product_id, shop.prefecture)
    if stock is None:
        return None
    rows = [
        KioskStockRow(
            code=r.code, name=r.name, kind=r.kind,
            place="this_shop" if r.location_id == shop.location_id else r.nearness.value,
            available=max(r.available, 0), arrives=calendar.earliest(today, r.lead_days),
            location_id=r.location_id,
        )
        for r in stock.rows
    ]
    rows.sort(key=lambda r: (_PLACE_RANK[r.place], r.arrives, r.code))
    remember_lookup(store, stock, Asker(channel=KIOSK, shop=shop.code), shop.prefecture)
    return KioskStock(stock.product, rows, stock.as_of)


# ---------------------------------------------------------------------------- customers


@dataclass(frozen=True, slots=True)
class KioskCustomer:
    """A customer as the shared screen may show them: masked, no history, no inquiries."""

    customer_id: int
    masked_name: str
    masked_phone: str
    postal_code: str
    prefecture: str
    city: str


@dataclass(slots=True)
class KioskCustomerFound:
    customers: list[KioskCustomer]
    message: Message | None = None  # e.g. none found


def _by_member(s, text: str) -> list[int]:
    codes = code_variants(text)
    if not codes:
        return []
    return list(s.scalars(
        select(ChannelIdentity.customer_id).where(ChannelIdentity.member_id.in_(codes))
        .distinct().order_by(ChannelIdentity.customer_id).limit(MAX_CUSTOMERS)
    ))


def _shown(s, customer_id: int, phone: str | None) -> KioskCustomer | None:
    name = s.scalar(select(Customer.name).where(Customer.id == customer_id))
    if name is None:
        return None
    phone = phone or s.scalars(
        select(CustomerPhone.e164).where(CustomerPhone.customer_id == customer_id).order_by(CustomerPhone.id)
    ).first()
    home = s.scalars(select(Address).where(Address.customer_id == customer_id).order_by(Address.id)).first()
    return KioskCustomer(
        customer_id, mask_name(name), mask_phone(phone or ""),
        home.postal_code if home else "", home.prefecture if home else "", home.city if home else "",
    )


def find_kiosk_customer(store: Store, text: str, shop: KioskShop) -> KioskCustomerFound:
    """The customer for a member number or a phone number (the call pop's resolution; a
    shared landline may give several). Each customer shown is one audit row with the
    shop; a lookup that found nobody is one too (never with what was typed)."""
    typed = unicodedata.normalize("NFKC", text or "").strip()[:40]
    found: list[KioskCustomer] = []
    by = "nothing"
    with store.transaction() as s:
        ids, phone = _by_member(s, typed), None
        if ids:
            by = "member"
        elif typed:
            match = resolve_caller(s, typed)
            if match.number.kind is NumberKind.E164:
                by, phone, ids = "phone", match.number.e164, list(match.customer_ids[:MAX_CUSTOMERS])
        for cid in ids:
            shown = _shown(s, cid, phone)
            if shown is not None:
                found.append(shown)
                record(s, actor(shop), CUSTOMER_LOOKUP, cid, detail=f"shop={shop.code} by={by}")
        if not found:
            record(s, actor(shop), CUSTOMER_LOOKUP, None, detail=f"shop={shop.code} by={by} found=0")
    if found:
        return KioskCustomerFound(found)
    return KioskCustomerFound([], message(KIOSK_TEXTS, "customer.none" if typed else "customer.enter"))


# ------------------------------------------------------------------------------- orders


def _from_customer(s, draft: OrderDraft) -> None:
    """What the screen never shows, taken from the customer's record: a blank recipient
    or phone, and the street of their address with the postal code the draft has."""
    if not draft.recipient.strip():
        draft.recipient = s.scalar(select(Customer.name).where(Customer.id == draft.customer_id)) or ""
    if not draft.phone.strip():
        draft.phone = s.scalars(select(CustomerPhone.e164).where(
            CustomerPhone.customer_id == draft.customer_id).order_by(CustomerPhone.id)).first() or ""
    code = normalize_postal_code(draft.postal_code)
    if code and not draft.line1.strip():
        home = s.scalars(select(Address).where(
            Address.customer_id == draft.customer_id, Address.postal_code == code).order_by(Address.id)).first()
        if home is not None:
            draft.line1, draft.line2 = home.line1, draft.line2 or home.line2
            draft.prefecture = draft.prefecture or home.prefecture
            draft.city = draft.city or home.city


def _check_guest_draft(store: Store, draft: OrderDraft, today: date, calendar) -> None:
    """A guest becomes a customer only for an order that would be placed: the draft's own
    rules first (lead days from the store's locations, as place_order will)."""
    with store.session() as s:
        leads = dict(s.execute(select(Location.id, Location.lead_days).where(
            Location.id.in_({ln.location_id for ln in draft.lines if ln.location_id is not None}))).all())
    for line in draft.lines:
        line.lead_days = leads.get(line.location_id, line.lead_days)
    errors = {**validate(draft, points_balance=0, today=today, calendar=calendar).errors,
              **check_postal_code(draft)}
    if errors:
        raise ValidationFailed(errors)


def _guest(s, draft: OrderDraft, shop: KioskShop, key: str) -> int:
    """The guest's customer record, one per order draft (a retry finds the same one); made
    inside the order's transaction, so an order refused leaves no guest behind."""
    external_id = bounded(f"kiosk-{key}", 100)
    found = s.scalar(select(ChannelIdentity.customer_id).where(
        ChannelIdentity.channel == Channel.STORE.value, ChannelIdentity.external_id == external_id))
    if found is not None:
        return found
    name = bounded(draft.recipient.strip(), 200)
    customer = Customer(name=name, created_at=utcnow())
    s.add(customer)
    s.flush()
    identity = ChannelIdentity(customer_id=customer.id, channel=Channel.STORE.value,
                               external_id=external_id, display_name=name)
    s.add(identity)
    s.flush()
    e164 = normalize_e164(draft.phone)
    if e164:
        s.add(CustomerPhone(customer_id=customer.id, identity_id=identity.id, e164=e164,
                            kind="mobile" if e164.startswith(("+8170", "+8180", "+8190")) else "home",
                            raw=bounded(draft.phone, 64)))
    record(s, actor(shop), "customer.create", customer.id, detail=f"shop={shop.code} guest")
    return customer.id


def place_kiosk_order(store: Store, draft: OrderDraft, shop: KioskShop, key: str, *,
                      now: datetime | None = None, calendar: DeliveryCalendar | None = None) -> PlacedOrder:
    """services.orders.place_order (reservation, OMS outbox, idempotent by `key`) for the
    kiosk: `customer_id` 0 is a guest (a customer record is made for them once the draft
    is valid); a member's blank recipient, phone and street come from their record. The
    order and its audit carry the actor "kiosk:CODE"; a "kiosk.order" audit row names
    the shop. Raises what place_order raises; `draft` itself is left as it was."""
    if not key:
        raise BadArgument("a kiosk order needs its draft key")
    now = now or utcnow()
    draft = replace(draft, lines=[replace(line) for line in draft.lines],
                    operator=actor(shop), call_id=None, inquiry_id=None)
    if draft.customer_id:
        with store.session() as s:
            _from_customer(s, draft)
    else:
        draft.points_to_use = 0
        if draft.payment not in {p.value for p in kiosk_payments(guest=True)}:
            raise ValidationFailed({"payment": message(KIOSK_TEXTS, "payment.guest")})
        _check_guest_draft(store, draft, japan_day(now), calendar)
        draft.customer_id = 0
    origin = OrderOrigin(
        channel=Channel.STORE.value, prefix=KIOSK_ORDER_PREFIX, shop=shop.code,
        shop_location_id=shop.location_id,
        make_customer=lambda s: _guest(s, draft, shop, key),
        audit=lambda s, placed: _audit_order(s, placed, draft.customer_id, shop),
    )
    return place_order(store, draft, key=key, now=now, calendar=calendar, origin=origin)


def _audit_order(s, placed: PlacedOrder, customer_id: int, shop: KioskShop) -> None:
    # With the order's own "order.place" row (actor kiosk:CODE), in its transaction: which
    # shop's kiosk took it, once per order even when a retry found it.
    if placed.found and s.scalar(select(AuditEntry.id).where(
            AuditEntry.action == KIOSK_ORDER,
            AuditEntry.detail.startswith(f"{placed.order_no} ", autoescape=True)).limit(1)):
        return
    detail = f"{placed.order_no} shop={shop.code} {len(placed.lines)}点 合計{placed.total}円 お届け{placed.delivery_date}"
    record(s, actor(shop), KIOSK_ORDER, customer_id, detail=detail)
