"""Demand the store would otherwise forget: each product whose stock was looked up for a
caller or at a shop's kiosk, with what was available near the asker at that moment.

Stock levels of the past are kept nowhere else, so "asked for while out of stock where
the caller was" can only be counted from these rows.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from cti_desk.domain.delivery import Nearness, canonical_prefecture
from cti_desk.domain.text import bounded
from cti_desk.services.inventory import ProductStock
from cti_desk.store.db import Store
from cti_desk.store.models import StockLookup

log = logging.getLogger(__name__)

CALL = "call"
KIOSK = "kiosk"


@dataclass(frozen=True, slots=True)
class Asker:
    """Who a lookup is for: a caller during a call, or whoever stands at a shop's kiosk."""

    channel: str  # CALL | KIOSK
    call_id: str | None = None
    customer_id: int | None = None
    shop: str | None = None


def available_near(stock: ProductStock, prefecture: str | None) -> int:
    """Units available in shops of `prefecture` (the rows are ranked for it already)."""
    if not canonical_prefecture(prefecture):
        return 0
    return sum(max(r.available, 0) for r in stock.rows if r.nearness is Nearness.SAME_PREFECTURE)


def record_lookup(session: Session, stock: ProductStock, asker: Asker, prefecture: str | None,
                  now: datetime | None = None) -> StockLookup:
    """Add one lookup row to the session (the caller commits)."""
    row = StockLookup(
        at=now or datetime.now(UTC).replace(tzinfo=None),
        product_id=stock.product.id,
        channel=asker.channel,
        call_id=bounded(asker.call_id, 64) or None,
        customer_id=asker.customer_id,
        shop=bounded(asker.shop, 20) or None,
        prefecture=canonical_prefecture(prefecture) or "",
        available_near=available_near(stock, prefecture),
        available_total=sum(max(r.available, 0) for r in stock.rows),
    )
    session.add(row)
    return row


def remember_lookup(store: Store, stock: ProductStock, asker: Asker, prefecture: str | None) -> bool:
    """Record a lookup in its own transaction, on the caller's (worker) thread. The stock is
    what the operator needs now: a store that refuses the row costs the KPI one row and
    a warning in the log, never the figures on screen."""
    try:
        with store.transaction() as s:
            record_lookup(s, stock, asker, prefecture)
        return True
    except Exception as exc:
        log.warning("stock lookup not recorded (%s): %s", type(exc).__name__, exc)
        return False
