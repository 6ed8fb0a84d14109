"""The screen pop's reads as few fixed statements: the card, the first purchase page with
its lines, the inquiries with their threads, one statement each.

Why text(): the pop waits on these, and SQLAlchemy's own Python is most of their cost
(an ORM select built per call costs ~370 µs before SQLite's ~10; a fixed text statement
~90). Each is written once here, compiled once per dialect by SQLAlchemy's cache, and
runs on the caller's Session's connection (its transaction, its error handling). Plain
SQL that SQLite and PostgreSQL both take: UNION ALL branches carry the same columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import DateTime, text
from sqlalchemy.orm import Session

# The phone number lookup of every pop (customers.phone_lookup_statement binds it).
PHONE_LOOKUP = text(
    "SELECT DISTINCT customer_id FROM customer_phones WHERE e164 = :e164 "
    "ORDER BY customer_id LIMIT :limit"
)

# The card: the customer with its counts (part 0), identities (1), phones (2), e-mail
# addresses (3) and postal addresses (4). Phones and e-mails once each, in the order first
# stored. Columns: part, id, a..f text, n, m numbers.
CARD = text(
    "SELECT 0 AS part, c.id AS id, c.name AS a, c.name_kana AS b, c.flags AS c,"
    " CAST(NULL AS VARCHAR(200)) AS d, CAST(NULL AS VARCHAR(200)) AS e, CAST(NULL AS VARCHAR(200)) AS f,"
    " (SELECT COUNT(*) FROM purchases p WHERE p.customer_id = :cid) AS n,"
    " (SELECT COALESCE(SUM(pl.delta), 0) FROM points_ledger pl WHERE pl.customer_id = :cid) AS m"
    " FROM customers c WHERE c.id = :cid"
    " UNION ALL SELECT 1, ci.id, ci.channel, ci.external_id, ci.member_id, NULL, NULL, NULL, 0, 0"
    " FROM channel_identities ci WHERE ci.customer_id = :cid"
    " UNION ALL SELECT 2, MIN(ph.id), ph.kind, ph.e164, NULL, NULL, NULL, NULL, 0, 0"
    " FROM customer_phones ph WHERE ph.customer_id = :cid GROUP BY ph.kind, ph.e164"
    " UNION ALL SELECT 3, MIN(em.id), em.email, NULL, NULL, NULL, NULL, NULL, 0, 0"
    " FROM customer_emails em WHERE em.customer_id = :cid GROUP BY em.email"
    " UNION ALL SELECT 4, ad.id, ad.label, ad.postal_code, ad.prefecture, ad.city, ad.line1, ad.line2, 0, 0"
    " FROM addresses ad WHERE ad.customer_id = :cid"
    " ORDER BY 1, 2"
)

# The first page as a pop shows it: delivery orders not yet purchases (part 0, newest
# first, at most :pending), then the purchases newest first (part 1, :page of them) with
# their points (earned less revoked); one row per line, in line order.
FIRST_PURCHASES = text(
    "SELECT o.part, o.id, o.order_no, o.channel, o.t, o.total, o.status, o.loc_name, o.loc_kind,"
    " o.points, li.id AS line_id, pr.name AS product_name, li.quantity, pr.id AS product_id"
    " FROM (SELECT 0 AS part, d.id AS id, d.order_no AS order_no, 'call_center' AS channel,"
    " d.created_at AS t, d.total AS total, :pending_status AS status,"
    " CAST(NULL AS VARCHAR(100)) AS loc_name, CAST(NULL AS VARCHAR(10)) AS loc_kind, 0 AS points"
    " FROM delivery_orders d WHERE d.customer_id = :cid AND d.purchase_id IS NULL"
    " AND d.status NOT IN ('cancelled', 'delivered')"
    " ORDER BY d.created_at DESC, d.id DESC LIMIT :pending) o"
    " LEFT JOIN delivery_order_lines li ON li.order_id = o.id"
    " LEFT JOIN products pr ON pr.id = li.product_id"
    " UNION ALL"
    " SELECT o.part, o.id, o.order_no, o.channel, o.t, o.total, o.status, o.loc_name, o.loc_kind,"
    " o.points, li.id, pr.name, li.quantity, pr.id"
    " FROM (SELECT 1 AS part, p.id AS id, p.order_no AS order_no, p.channel AS channel,"
    " p.purchased_at AS t, p.total AS total, p.status AS status, loc.name AS loc_name, loc.kind AS loc_kind,"
    " (SELECT COALESCE(SUM(pe.delta), 0) FROM points_ledger pe WHERE pe.customer_id = :cid"
    " AND pe.purchase_id = p.id AND pe.reason IN ('earned', 'revoked')) AS points"
    " FROM purchases p LEFT JOIN locations loc ON loc.id = p.location_id"
    " WHERE p.customer_id = :cid ORDER BY p.purchased_at DESC, p.id DESC LIMIT :page) o"
    " LEFT JOIN purchase_lines li ON li.purchase_id = o.id"
    " LEFT JOIN products pr ON pr.id = li.product_id"
    " ORDER BY 1, 5 DESC, 2 DESC, 11"
).columns(t=DateTime)

# Inquiries newest first (at most :limit) with their threads, oldest entry first.
INQUIRIES = text(
    "SELECT i.id, i.channel, i.opened_at, i.closed_at, i.operator, i.subject, i.notes,"
    " i.disposition, i.status, i.call_id, e.id AS entry_id, e.call_id AS entry_call_id,"
    " e.channel AS entry_channel, e.operator AS entry_operator, e.started_at AS entry_started_at,"
    " e.ended_at AS entry_ended_at, e.notes AS entry_notes, e.disposition AS entry_disposition,"
    " e.caller_number AS entry_caller_number"
    " FROM (SELECT * FROM inquiries WHERE customer_id = :cid"
    " ORDER BY opened_at DESC, id DESC LIMIT :limit) i"
    " LEFT JOIN inquiry_entries e ON e.inquiry_id = i.id"
    " ORDER BY i.opened_at DESC, i.id DESC, e.started_at, e.id"
).columns(opened_at=DateTime, closed_at=DateTime, entry_started_at=DateTime, entry_ended_at=DateTime)


@dataclass(frozen=True, slots=True)
class AddressRow:
    """A postal address as the card and the order form show it."""

    id: int
    label: str
    postal_code: str
    prefecture: str
    city: str
    line1: str
    line2: str


@dataclass(slots=True)
class CardRows:
    """What CARD returned, sorted into the card's parts (None: no such customer)."""

    id: int
    name: str
    name_kana: str
    flags: str
    order_count: int
    points: int
    identities: list[tuple[str, str, str | None]]  # (channel, external id, member id)
    phones: list[tuple[str, str]]  # (kind, e164)
    emails: list[str]
    addresses: list[AddressRow]


def read_card(session: Session, customer_id: int) -> CardRows | None:
    head = None
    identities: list[tuple[str, str, str | None]] = []
    phones: list[tuple[str, str]] = []
    emails: list[str] = []
    addresses: list[AddressRow] = []
    for part, rid, a, b, c, d, e, f, n, m in session.connection().execute(CARD, {"cid": customer_id}):
        if part == 0:
            head = (rid, a, b, c, n or 0, m or 0)
        elif part == 1:
            identities.append((a, b, c))
        elif part == 2:
            phones.append((a, b))
        elif part == 3:
            emails.append(a)
        else:
            addresses.append(AddressRow(rid, a, b, c, d, e, f))
    if head is None:
        return None
    cid, name, name_kana, flags, orders, points = head
    return CardRows(cid, name, name_kana, flags or "", int(orders), int(points), identities, phones, emails,
                    addresses)


@dataclass(slots=True)
class FirstPurchase:
    """One row of the first page before it becomes a history.PurchaseRow."""

    pending: bool
    id: int
    order_no: str
    channel: str
    at: datetime
    total: int
    status: str
    place: str
    points: int
    lines: list[tuple[str, int]]  # (product name, quantity)
    product_ids: list[int]


def read_first_purchases(session: Session, customer_id: int, page: int, pending: int,
                         pending_status: str) -> list[FirstPurchase]:
    """Pending deliveries, then the newest purchases, each with its lines (one statement)."""
    out: list[FirstPurchase] = []
    last: FirstPurchase | None = None
    params = {"cid": customer_id, "page": page, "pending": pending, "pending_status": pending_status}
    for (part, rid, order_no, channel, at, total, status, loc_name, loc_kind, points, line_id,
         product_name, quantity, product_id) in session.connection().execute(FIRST_PURCHASES, params):
        if last is None or last.id != rid or last.pending != (part == 0):
            place = "" if part == 0 else ("EC" if channel == "ec" or loc_kind == "ec" else (loc_name or ""))
            last = FirstPurchase(part == 0, rid, order_no, channel, at, total or 0, status, place,
                                 int(points or 0), [], [])
            out.append(last)
        if line_id is not None and product_id is not None:  # a line of a product that exists
            last.lines.append((product_name, quantity))
            last.product_ids.append(product_id)
    return out


@dataclass(slots=True)
class InquiryRows:
    """One inquiry and its entries' columns, as INQUIRIES returned them."""

    head: tuple
    entries: list[tuple]


def read_inquiries(session: Session, customer_id: int, limit: int) -> list[InquiryRows]:
    """Newest first, each with its entries oldest first (one statement)."""
    out: list[InquiryRows] = []
    for row in session.connection().execute(INQUIRIES, {"cid": customer_id, "limit": limit}):
        if not out or out[-1].head[0] != row[0]:
            out.append(InquiryRows(tuple(row[:10]), []))
        if row[10] is not None:
            out[-1].entries.append(tuple(row[11:]))
    return out
