"""Real purchase, inquiry and location rows for the operator window's tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from cti_desk.store.db import Store
from cti_desk.store.models import (
    Address,
    Inquiry,
    Location,
    PointsEntry,
    Product,
    Purchase,
    PurchaseLine,
)

BASE = datetime(2026, 10, 1, 3, 0, 0)  # naive UTC, like the store


def add_location(store: Store, code: str = "S001", name: str = "渋谷店", kind: str = "shop") -> int:
    with store.transaction() as s:
        found = s.scalar(select(Location.id).where(Location.code == code))
        if found:
            return found
        loc = Location(code=code, name=name, kind=kind, prefecture="東京都")
        s.add(loc)
        s.flush()
        return loc.id


def add_product(store: Store, sku: str = "SKU-1", name: str = "緑茶 500ml", price: int = 150) -> int:
    with store.transaction() as s:
        found = s.scalar(select(Product.id).where(Product.sku == sku))
        if found:
            return found
        p = Product(sku=sku, name=name, price=price)
        s.add(p)
        s.flush()
        return p.id


def add_purchases(
    store: Store, customer_id: int, count: int, channel: str = "store", status: str = "completed",
    location_code: str = "S001", points: int = 10, start: datetime = BASE,
) -> list[int]:
    """`count` one-line purchases, one a day going back from `start`."""
    loc = add_location(store, location_code) if channel == "store" else add_location(store, "EC", "EC", "ec")
    product = add_product(store)
    ids = []
    with store.transaction() as s:
        for n in range(count):
            p = Purchase(
                order_no=f"{channel[:2].upper()}{customer_id:05d}{n:06d}", channel=channel,
                customer_id=customer_id, location_id=loc,
                purchased_at=start - timedelta(days=n), total=150 * (n % 3 + 1), status=status,
            )
            s.add(p)
            s.flush()
            s.add(PurchaseLine(purchase_id=p.id, product_id=product, quantity=n % 3 + 1, unit_price=150))
            if points:
                s.add(PointsEntry(customer_id=customer_id, purchase_id=p.id, delta=points,
                                  reason="earned", at=p.purchased_at))
            ids.append(p.id)
    return ids


def add_inquiry(
    store: Store, customer_id: int | None, channel: str = "line", notes: str = "配送日の確認",
    status: str = "closed", disposition: str = "question_answered", opened_at: datetime = BASE,
) -> int:
    with store.transaction() as s:
        i = Inquiry(customer_id=customer_id, channel=channel, opened_at=opened_at,
                    closed_at=None if status == "open" else opened_at + timedelta(minutes=5),
                    subject=notes[:50], notes=notes, disposition=disposition, status=status,
                    operator="佐藤")
        s.add(i)
        s.flush()
        return i.id


def add_address(store: Store, customer_id: int, prefecture: str = "東京都", city: str = "渋谷区") -> None:
    with store.transaction() as s:
        s.add(Address(customer_id=customer_id, postal_code="1500001", prefecture=prefecture,
                      city=city, line1="神宮前1-1-1"))
