"""Cross-channel stock: find a product, see it per shop/warehouse/EC, nearest first."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cti_desk.domain.delivery import (
    NEARNESS_LABELS,
    Message,
    Nearness,
    SourceOption,
    canonical_prefecture,
    message,
    nearness,
    nearness_rank,
)
from cti_desk.domain.model import jan_is_valid
from cti_desk.services.search import product_by_sku, search_products
from cti_desk.store.models import Address, Location, Product, StockLevel

MAX_HITS = 50

# What a search can say to the operator (English; translated in cti_desk/qt/labels.py).
SEARCH_TEXTS = {
    "jan.check_digit": "JAN {jan}: the check digit is wrong (scan it again)",
    "jan.unknown": "No product is registered with JAN {jan}",
    "jan.length": "A JAN code has 13 digits",
    "product.no_match": "No product matches “{text}”",
}


@dataclass(frozen=True, slots=True)
class ProductHit:
    id: int
    sku: str
    jan: str | None
    name: str
    price: int


@dataclass(slots=True)
class ProductSearch:
    hits: list[ProductHit] = field(default_factory=list)
    error: Message | None = None  # for the operator, e.g. a JAN with a wrong check digit


@dataclass(frozen=True, slots=True)
class LocationStock:
    location_id: int
    code: str
    name: str
    kind: str
    prefecture: str
    lead_days: int
    on_hand: int
    reserved: int
    updated_at: datetime | None
    nearness: Nearness

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def nearness_label(self) -> str:
        """English; the Qt layer translates it."""
        return NEARNESS_LABELS[self.nearness]

    def as_option(self) -> SourceOption:
        return SourceOption(self.location_id, self.nearness, self.available, self.lead_days, self.code)


@dataclass(slots=True)
class ProductStock:
    product: ProductHit
    rows: list[LocationStock]
    as_of: datetime | None  # newest updated_at of the figures shown (UTC)
    version: tuple = ()

    @property
    def on_hand(self) -> int:
        return sum(r.on_hand for r in self.rows)

    @property
    def reserved(self) -> int:
        return sum(r.reserved for r in self.rows)

    @property
    def available(self) -> int:
        return sum(r.available for r in self.rows)

    def options(self) -> list[SourceOption]:
        return [r.as_option() for r in self.rows]


def _hit(p: Product) -> ProductHit:
    return ProductHit(p.id, p.sku, p.jan, p.name, p.price)


def find_products(session: Session, query: str, limit: int = MAX_HITS) -> ProductSearch:
    """A product by SKU (any case), JAN (scanned or typed, 13 or 8 digits), or its name
    or kana (exact, then prefix, then substring)."""
    text = unicodedata.normalize("NFKC", query or "").strip()[:200]
    if not text:
        return ProductSearch()
    by_sku = product_by_sku(session, text)
    if by_sku is not None:
        return ProductSearch([_hit(session.get(Product, by_sku))])
    digits = text.replace(" ", "").replace("-", "")
    if digits.isdigit() and len(digits) in (8, 12, 13):
        if len(digits) in (8, 13):
            if not jan_is_valid(digits):
                return ProductSearch(error=message(SEARCH_TEXTS, "jan.check_digit", jan=digits))
            found = session.scalars(select(Product).where(Product.jan == digits)).first()
            if found is None:
                return ProductSearch(error=message(SEARCH_TEXTS, "jan.unknown", jan=digits))
            return ProductSearch([_hit(found)])
        return ProductSearch(error=message(SEARCH_TEXTS, "jan.length"))
    ids = [h.id for h in search_products(session, text, limit)]
    products = {p.id: p for p in session.scalars(select(Product).where(Product.id.in_(ids)))} if ids else {}
    hits = [_hit(products[i]) for i in ids if i in products]
    if not hits:
        return ProductSearch(error=message(SEARCH_TEXTS, "product.no_match", text=text[:40]))
    return ProductSearch(hits)


def customer_prefecture(session: Session, customer_id: int | None) -> str | None:
    """Where the customer lives (their first address), to rank shops by nearness."""
    if customer_id is None:
        return None
    pref = session.scalars(
        select(Address.prefecture).where(Address.customer_id == customer_id).order_by(Address.id)
    ).first()
    return canonical_prefecture(pref)


def stock_version(session: Session, product_id: int) -> tuple:
    """A cheap fingerprint of one product's stock (primary-key range): poll it, reload on change."""
    row = session.execute(
        select(
            func.max(StockLevel.updated_at),
            func.coalesce(func.sum(StockLevel.on_hand), 0),
            func.coalesce(func.sum(StockLevel.reserved), 0),
            func.count(),
        ).where(StockLevel.product_id == product_id)
    ).one()
    return (str(row[0]), int(row[1]), int(row[2]), int(row[3]))


def stock_for(session: Session, product_id: int, prefecture: str | None = None) -> ProductStock | None:
    """Stock of one product in every location, nearest to the customer first."""
    product = session.get(Product, product_id)
    if product is None:
        return None
    version = stock_version(session, product_id)
    rows = []
    for level, loc in session.execute(
        select(StockLevel, Location)
        .join(Location, Location.id == StockLevel.location_id)
        .where(StockLevel.product_id == product_id)
    ).all():
        rows.append(
            LocationStock(
                location_id=loc.id, code=loc.code, name=loc.name, kind=loc.kind,
                prefecture=loc.prefecture or "", lead_days=loc.lead_days, on_hand=level.on_hand,
                reserved=level.reserved, updated_at=level.updated_at,
                nearness=nearness(loc.kind, loc.prefecture, prefecture),
            )
        )
    rows.sort(key=lambda r: (nearness_rank(r.nearness), r.lead_days, r.code))
    as_of = max((r.updated_at for r in rows if r.updated_at is not None), default=None)
    return ProductStock(_hit(product), rows, as_of, version)
