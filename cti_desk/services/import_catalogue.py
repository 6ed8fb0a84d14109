"""`cti-desk import products|locations|stock`: the catalogue and where its stock is."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from cti_desk.domain import csvrows as cells
from cti_desk.domain.csvrows import CellError
from cti_desk.services.csvimport import (
    ImportContext,
    ImportResult,
    Row,
    lookup,
    update_rows,
    utc_now,
)
from cti_desk.store.models import Location, Product, StockLevel
from cti_desk.store.search_keys import refresh_product_keys

EC_LOCATION = "ec"  # every store has it (migration 0003): the EC site's own stock

# ---------------------------------------------------------------------------- products


def import_products(s: Session, rows: Sequence[Row], ctx: ImportContext, result: ImportResult) -> None:
    latest: dict[str, tuple[Row, dict]] = {}
    seen: dict = {}
    for row in ctx.rows(rows):
        c = row.cells
        try:
            sku = cells.required(c["sku"], "sku", 40)
            values = {"sku": sku, "jan": cells.jan(c["jan"]),
                      "name": cells.required(cells.optional_text(c["name"], 200), "name", 200),
                      "price": cells.whole_number(c["price"], "price")}
        except CellError as exc:
            raise ctx.fail(row, str(exc)) from None
        ctx.once(seen, sku, row, f"SKU {cells.shown(sku)}")
        latest[sku] = (row, values)

    existing = dict(lookup(s, lambda ch: select(Product.sku, Product.id).where(Product.sku.in_(ch)), latest))
    jans = [v["jan"] for _, v in latest.values() if v["jan"]]
    jan_owner = dict(lookup(s, lambda ch: select(Product.jan, Product.sku).where(Product.jan.in_(ch)), jans))
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
    update_rows(s, Product.__table__, ("id",), changed)
    if new:
        s.connection().execute(insert(Product.__table__), new)
    refresh_product_keys(s, [pid for pid, in lookup(
        s, lambda ch: select(Product.id).where(Product.sku.in_(ch)), latest)])
    ctx.progress("saving", 1, 1)
    result.created, result.updated = len(new), len(changed)


# ---------------------------------------------------------------------------- locations


def import_locations(s: Session, rows: Sequence[Row], ctx: ImportContext, result: ImportResult) -> None:
    """Shops, warehouses and the EC stock; a code already in the store is updated."""
    parsed: list[tuple[Row, dict]] = []
    seen: dict = {}
    for row in ctx.rows(rows):
        c = row.cells
        try:
            values = {"code": cells.required(c["code"], "code", 20),
                      "name": cells.required(cells.optional_text(c["name"], 100), "name", 100),
                      "kind": cells.location_kind(c["kind"]),
                      "prefecture": cells.prefecture(c["prefecture"]),
                      "lead_days": cells.lead_days(c["lead_days"])}
        except CellError as exc:
            raise ctx.fail(row, str(exc)) from None
        if values["code"] == EC_LOCATION and values["kind"] != "ec":
            # Orders and the stock view take `ec` as the EC site's stock.
            raise ctx.fail(row, f"the location {EC_LOCATION!r} is the EC stock: its kind must be ec")
        ctx.once(seen, values["code"], row, f"location code {cells.shown(values['code'])}")
        parsed.append((row, values))

    existing = dict(lookup(s, lambda ch: select(Location.code, Location.id).where(Location.code.in_(ch)),
                           (v["code"] for _, v in parsed)))
    new = [v for _, v in parsed if v["code"] not in existing]
    changed = [{"id": existing[v["code"]], **{k: v[k] for k in ("name", "kind", "prefecture", "lead_days")}}
               for _, v in parsed if v["code"] in existing]
    ctx.progress("saving", 0, 1)
    update_rows(s, Location.__table__, ("id",), changed)
    if new:
        s.connection().execute(insert(Location.__table__), new)
    ctx.progress("saving", 1, 1)
    result.created, result.updated = len(new), len(changed)


# ---------------------------------------------------------------------------- stock


def import_stock(s: Session, rows: Sequence[Row], ctx: ImportContext, result: ImportResult) -> None:
    parsed = []
    seen: dict = {}
    for row in ctx.rows(rows):
        c = row.cells
        try:
            parsed.append((row, cells.required(c["sku"], "sku", 40),
                           cells.required(c["location"], "location", 20),
                           cells.whole_number(c["on_hand"], "on_hand")))
        except CellError as exc:
            raise ctx.fail(row, str(exc)) from None
        _, sku, code, _ = parsed[-1]
        ctx.once(seen, (sku, code), row, f"the stock of {cells.shown(sku)} at {cells.shown(code)}")
    products = dict(lookup(s, lambda ch: select(Product.sku, Product.id).where(Product.sku.in_(ch)),
                            (p[1] for p in parsed)))
    locations = dict(s.execute(select(Location.code, Location.id)).all())
    levels: dict[tuple[int, int], tuple[Row, int]] = {}
    for row, sku, code, on_hand in parsed:
        if sku not in products:
            raise ctx.fail(row, f"unknown SKU {cells.shown(sku)} (import products first)")
        location = locations.get(code)
        if location is None:
            raise ctx.fail(row, f"unknown location {cells.shown(code)} "
                                f"(import locations first; {EC_LOCATION} is the EC stock)")
        levels[(products[sku], location)] = (row, on_hand)
    reserved = {
        (pid, lid): r
        for pid, lid, r in lookup(s, lambda ch: select(
            StockLevel.product_id, StockLevel.location_id, StockLevel.reserved
        ).where(StockLevel.product_id.in_(ch)), {pid for pid, _ in levels})
    }
    now = utc_now()
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
    update_rows(s, StockLevel.__table__, ("product_id", "location_id"), changed)
    if new:
        s.connection().execute(insert(StockLevel.__table__), new)
    ctx.progress("saving", 1, 1)
    result.created, result.updated = len(new), len(changed)

