"""`cti-desk import purchases|inquiries`: what customers bought and asked, in any channel,
hung on the channel identities `import customers` made.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from cti_desk.domain import csvrows as cells
from cti_desk.domain.csvrows import CellError
from cti_desk.domain.delivery import points_earned
from cti_desk.services.csvimport import (
    ImportContext,
    ImportResult,
    Row,
    chunks,
    lookup,
    new_ids,
    update_rows,
)
from cti_desk.store.models import (
    ChannelIdentity,
    Inquiry,
    PointsEntry,
    Product,
    Purchase,
    PurchaseLine,
)

MAX_INQUIRY_TEXT = 20_000  # as a wrap-up's notes


def _identities(s: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, int]]:
    """(channel, external_id) -> (identity id, customer id) for those the store has."""
    by_channel: dict[str, set[str]] = defaultdict(set)
    for chan, ext in keys:
        by_channel[chan].add(ext)
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for chan, exts in by_channel.items():
        for iid, cid, ext in lookup(s, lambda ch, chan=chan: select(
                ChannelIdentity.id, ChannelIdentity.customer_id, ChannelIdentity.external_id
        ).where(ChannelIdentity.channel == chan, ChannelIdentity.external_id.in_(ch)), exts):
            found[(chan, ext)] = (iid, cid)
    return found


# ---------------------------------------------------------------------------- purchases


def import_purchases(s: Session, rows: Sequence[Row], ctx: ImportContext, result: ImportResult) -> None:
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

    products = dict(lookup(s, lambda ch: select(Product.sku, Product.id).where(Product.sku.in_(ch)),
                            (line[1] for o in orders.values() for line in o["lines"])))
    idents = _identities(s, ((chan, o["external_id"]) for (chan, _), o in orders.items()))
    existing: dict[tuple[str, str], int] = {}
    for chan in {chan for chan, _ in orders}:
        numbers = [no for (ch, no) in orders if ch == chan]
        for pid, no in lookup(s, lambda ch, chan=chan: select(Purchase.id, Purchase.order_no)
                               .where(Purchase.channel == chan, Purchase.order_no.in_(ch)), numbers):
            existing[(chan, no)] = pid

    fresh_ids = iter(new_ids(s, Purchase.__table__, sum(1 for k in orders if k not in existing)))
    headers_new, headers_changed, lines = [], [], []
    for (chan, order_no), o in orders.items():
        ident = idents.get((chan, o["external_id"]))
        if ident is None:
            raise ctx.fail(o["row"], f"no {chan} customer {cells.shown(o['external_id'])} "
                                     "(import customers first)")
        total = 0
        pid = existing.get((chan, order_no)) or next(fresh_ids)
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
        update_rows(s, Purchase.__table__, ("id",), headers_changed)
        # A re-imported order is the order as it is now: its lines and the points it
        # earned are replaced.
        for chunk in chunks(h["id"] for h in headers_changed):
            s.connection().execute(delete(PurchaseLine.__table__).where(PurchaseLine.purchase_id.in_(chunk)))
            s.connection().execute(delete(PointsEntry.__table__).where(
                PointsEntry.purchase_id.in_(chunk), PointsEntry.reason == "earned"))
    if lines:
        s.connection().execute(insert(PurchaseLine.__table__), lines)
    # Points at the same rate as an order placed at the desk, earned when it was bought.
    points = [{"customer_id": h["customer_id"], "purchase_id": h["id"], "delta": points_earned(h["total"]),
               "reason": "earned", "at": h["purchased_at"]}
              for h in (*headers_new, *headers_changed) if points_earned(h["total"]) > 0]
    if points:
        s.connection().execute(insert(PointsEntry.__table__), points)
    ctx.progress("saving", 1, 1)
    result.created, result.updated = len(headers_new), len(headers_changed)
    result.details = {"purchase lines": len(lines), "points entries": len(points)}


# ---------------------------------------------------------------------------- inquiries


def import_inquiries(s: Session, rows: Sequence[Row], ctx: ImportContext, result: ImportResult) -> None:
    """One row per inquiry; `inquiry_id` is the sender's id, unique per channel, so a
    re-import updates the inquiry (subject, text, status) instead of adding another."""
    parsed: list[tuple[Row, dict]] = []
    seen: dict = {}
    for row in ctx.rows(rows):
        c = row.cells
        try:
            values = {"channel": cells.channel(c["channel"]),
                      "customer": cells.required(c["external_id"], "external_id", 100),
                      "external_id": cells.required(c["inquiry_id"], "inquiry_id", 100),
                      "opened_at": cells.time_utc(c["opened_at"], "opened_at"),
                      "subject": cells.optional_text(c["subject"], 200),
                      "notes": cells.long_text(c["text"], MAX_INQUIRY_TEXT),
                      "status": cells.inquiry_status(c["status"])}
        except CellError as exc:
            raise ctx.fail(row, str(exc)) from None
        ctx.once(seen, (values["channel"], values["external_id"]), row,
                 f"{values['channel']} inquiry_id {cells.shown(values['external_id'])}")
        parsed.append((row, values))

    idents = _identities(s, ((v["channel"], v["customer"]) for _, v in parsed))
    existing: dict[tuple[str, str], int] = {}
    for chan in {v["channel"] for _, v in parsed}:
        numbers = [v["external_id"] for _, v in parsed if v["channel"] == chan]
        for iid, ext in lookup(s, lambda ch, chan=chan: select(Inquiry.id, Inquiry.external_id)
                               .where(Inquiry.channel == chan, Inquiry.external_id.in_(ch)), numbers):
            existing[(chan, ext)] = iid

    new, changed = [], []
    for row, v in parsed:
        ident = idents.get((v["channel"], v["customer"]))
        if ident is None:
            raise ctx.fail(row, f"no {v['channel']} customer {cells.shown(v['customer'])} "
                                "(import customers first)")
        values = {"customer_id": ident[1], "opened_at": v["opened_at"], "subject": v["subject"],
                  "notes": v["notes"], "status": v["status"]}
        key = (v["channel"], v["external_id"])
        if key in existing:
            changed.append({"id": existing[key], **values})
        else:
            # closed_at stays empty: the file says that it was closed, not when.
            new.append({"channel": v["channel"], "external_id": v["external_id"], "operator": "",
                        "disposition": "", "closed_at": None, "call_id": None,
                        "caller_number": None, **values})
    ctx.progress("saving", 0, 1)
    update_rows(s, Inquiry.__table__, ("id",), changed)
    if new:
        s.connection().execute(insert(Inquiry.__table__), new)
    ctx.progress("saving", 1, 1)
    result.created, result.updated = len(new), len(changed)
