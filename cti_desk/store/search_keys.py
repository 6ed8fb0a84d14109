"""The search keys tables and their trigram indexes, kept in step with the rows they describe.

Keys (cti_desk.domain.searchkeys) are written here and only here:
- every ORM unit of work that changes a customer's name or kana, a phone, an email, or a
  product's name, kana or SKU refreshes that owner's keys in the same transaction (the
  session listener at the bottom), so new customers from a call, an attached number or a
  test factory need nothing extra;
- bulk writers that insert with Core (the CSV importer) call `refresh_customer_keys` /
  `refresh_product_keys` with the ids they touched; demo data writes the keys in its own
  bulk insert (`fts_insert` for the SQLite side).

Substring search runs on a trigram index over the kinds in SUBSTRING_KINDS: on SQLite a
contentless FTS5 table (`tokenize='trigram'`, rowid = key row id) that this module keeps
(contentless: a delete must name the old key, which the key row gives), on PostgreSQL a
partial GIN `gin_trgm_ops` index that PostgreSQL keeps. Neither is in the SQLAlchemy
model: `include_name` tells Alembic's comparison to leave them alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Table, delete, event, insert, inspect, select
from sqlalchemy.orm import Session

from cti_desk.domain.searchkeys import SUBSTRING_KINDS, KeyKind, customer_keys, product_keys
from cti_desk.store.models import (
    Customer,
    CustomerEmail,
    CustomerPhone,
    CustomerSearchKey,
    Product,
    ProductSearchKey,
)

CHUNK = 500  # owners per refresh round trip
SUBSTRING_KIND_LIST = ", ".join(str(int(k)) for k in SUBSTRING_KINDS)  # for literal SQL


@dataclass(frozen=True, slots=True)
class SearchIndex:
    keys: Table
    owner: str  # the owner id column of `keys`
    fts: str  # SQLite FTS5 table
    trgm: str  # PostgreSQL GIN index


CUSTOMERS = SearchIndex(CustomerSearchKey.__table__, "customer_id", "customer_search_fts",
                        "ix_customer_search_keys_trgm")
PRODUCTS = SearchIndex(ProductSearchKey.__table__, "product_id", "product_search_fts",
                       "ix_product_search_keys_trgm")
INDEXES = (CUSTOMERS, PRODUCTS)


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic hook: the trigram indexes (and FTS5's shadow tables) are not in the model."""
    if not name:
        return True
    if type_ == "table":
        return not any(name == i.fts or name.startswith(i.fts + "_") for i in INDEXES)
    if type_ == "index":
        return name not in {i.trgm for i in INDEXES}
    return True


def _connection(target: Session | Connection) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), CHUNK):
        yield ordered[i : i + CHUNK]


def refresh_customer_keys(target: Session | Connection, customer_ids: Iterable[int]) -> None:
    """Make these customers' keys match their name, kana, phones and emails."""
    conn = _connection(target)
    for chunk in _chunks(customer_ids):
        rows = conn.execute(select(Customer.id, Customer.name, Customer.name_kana).where(Customer.id.in_(chunk)))
        people = {cid: (name, kana) for cid, name, kana in rows}
        phones: dict[int, list[str]] = defaultdict(list)
        for cid, e164 in conn.execute(select(CustomerPhone.customer_id, CustomerPhone.e164)
                                      .where(CustomerPhone.customer_id.in_(chunk))):
            phones[cid].append(e164)
        emails: dict[int, list[str]] = defaultdict(list)
        for cid, email in conn.execute(select(CustomerEmail.customer_id, CustomerEmail.email)
                                       .where(CustomerEmail.customer_id.in_(chunk))):
            emails[cid].append(email)
        wanted = {cid: customer_keys(name, kana, phones[cid], emails[cid]) for cid, (name, kana) in people.items()}
        _replace(conn, CUSTOMERS, chunk, wanted)


def refresh_product_keys(target: Session | Connection, product_ids: Iterable[int]) -> None:
    """Make these products' keys match their name, kana and SKU."""
    conn = _connection(target)
    for chunk in _chunks(product_ids):
        rows = conn.execute(select(Product.id, Product.name, Product.name_kana, Product.sku)
                            .where(Product.id.in_(chunk)))
        _replace(conn, PRODUCTS, chunk, {pid: product_keys(name, kana, sku) for pid, name, kana, sku in rows})


def _replace(conn: Connection, index: SearchIndex, owners: list[int],
             wanted: dict[int, set[tuple[KeyKind, str]]]) -> None:
    """Write only the difference: most refreshes change one key or none."""
    t = index.keys
    owner = t.c[index.owner]
    stale: list[tuple[int, int, str]] = []
    have: dict[int, set[tuple[int, str]]] = defaultdict(set)
    for kid, oid, kind, key in conn.execute(select(t.c.id, owner, t.c.kind, t.c.key).where(owner.in_(owners))):
        if (kind, key) in wanted.get(oid, ()):
            have[oid].add((kind, key))
        else:
            stale.append((kid, kind, key))
    new = [{index.owner: oid, "kind": int(kind), "key": key}
           for oid, keys in wanted.items() for kind, key in sorted(keys) if (kind, key) not in have[oid]]
    sqlite = conn.dialect.name == "sqlite"
    if stale:
        if sqlite:
            _fts(conn, index, stale, delete=True)
        for i in range(0, len(stale), CHUNK):
            conn.execute(delete(t).where(t.c.id.in_([kid for kid, _k, _v in stale[i : i + CHUNK]])))
    if new:
        if sqlite:
            added = conn.execute(insert(t).returning(t.c.id, t.c.kind, t.c.key, sort_by_parameter_order=True), new)
            _fts(conn, index, list(added), delete=False)
        else:
            conn.execute(insert(t), new)


def _fts(conn: Connection, index: SearchIndex, rows: list[tuple[int, int, str]], delete: bool) -> None:
    values = [(kid, key) for kid, kind, key in rows if kind in SUBSTRING_KINDS]
    if not values:
        return
    cursor = conn.connection.driver_connection.cursor()
    try:
        fts_insert(cursor, index, values, delete=delete)
    finally:
        cursor.close()


def fts_insert(cursor, index: SearchIndex, rows: list[tuple[int, str]], delete: bool = False) -> None:
    """Add (or, contentless, remove by naming them) key rows (id, key) in the SQLite trigram index."""
    if delete:
        cursor.executemany(
            f"INSERT INTO {index.fts} ({index.fts}, rowid, key) VALUES ('delete', ?, ?)", rows  # noqa: S608 -- our names
        )
    else:
        cursor.executemany(f"INSERT INTO {index.fts} (rowid, key) VALUES (?, ?)", rows)  # noqa: S608 -- our names


# ---------------------------------------------------------------------------- ORM writers

# What a key is made of, per mapped class: (attributes, owner id of an instance).
_WATCHED = {
    Customer: (("name", "name_kana"), "customers", lambda o: o.id),
    CustomerPhone: (("e164", "customer_id"), "customers", lambda o: o.customer_id),
    CustomerEmail: (("email", "customer_id"), "customers", lambda o: o.customer_id),
    Product: (("name", "name_kana", "sku"), "products", lambda o: o.id),
}


def _owners_touched(session: Session) -> dict[str, set[int]]:
    touched: dict[str, set[int]] = {"customers": set(), "products": set()}
    dirty = session.dirty
    for obj in (*session.new, *dirty, *session.deleted):
        watched = _WATCHED.get(type(obj))
        if watched is None:
            continue
        attrs, kind, owner_of = watched
        state = inspect(obj)
        if obj in dirty and not any(state.attrs[a].history.has_changes() for a in attrs):
            continue
        if (oid := owner_of(obj)) is not None:
            touched[kind].add(oid)
        if "customer_id" in attrs:  # a phone or email moved to another customer
            touched[kind].update(i for i in state.attrs.customer_id.history.deleted or () if i is not None)
    return touched


@event.listens_for(Session, "after_flush")
def _refresh_after_flush(session: Session, _flush_context) -> None:
    # Inside the flush's transaction: the keys commit (or roll back) with the change.
    touched = _owners_touched(session)
    if touched["customers"]:
        refresh_customer_keys(session, touched["customers"])
    if touched["products"]:
        refresh_product_keys(session, touched["products"])
