"""Demo data's call log (issue 11), kept apart from the rest of demo_data.py.

Every call-center inquiry is an answered call at the inquiry's time, from the caller's
number, taken by the inquiry's operator; some callers tried before and missed, some
withheld callers gave up; a few calls per thousand end in a delivery order (with its
purchase) and lives on after it (order_life below). Rows are plain tuples in the column
order below, written in bulk with the rest.
"""

from __future__ import annotations

import bisect
from datetime import datetime, timedelta

from cti_desk.domain.delivery import points_earned
from cti_desk.domain.model import segment_for
from cti_desk.services.order_life import PURCHASE_STATUS

JST = timedelta(hours=9)
OPERATORS = ("佐藤(2001)", "鈴木(2002)", "高橋(2003)", "田中(2004)", "伊藤(2005)", "渡辺(2006)")
CALL_ORDER_PREFIX = "T"  # order numbers of purchases made on the phone
MISSED_BEFORE = 0.12  # an answered call preceded by a missed one from the same number
WITHHELD_MISSED = 0.03  # per answered call, a withheld caller who gave up
ORDER_PER_CALL = 0.005
CALL_QUEUES = ("support", "orders")
# A call-center stock question: the operator looked the product up during the call (one
# stock_lookups row); with none in the caller's prefecture the notes say so.
STOCK_SUBJECT = "在庫の問い合わせ"
STOCK_NONE_NEAR = "{product}の在庫確認。近隣店舗に在庫なし。倉庫・EC在庫からのお届けをご案内。"


CALL_LOG_COLUMNS = ("id", "call_id", "raw_number", "e164", "caller_name", "withheld_reason", "resolution",
                     "customer_id", "segment", "queue", "agent", "state", "rang_at", "answered_at", "ended_at")
LOOKUP_COLUMNS = ("id", "at", "product_id", "channel", "call_id", "customer_id", "shop", "prefecture",
                  "available_near", "available_total")
ORDER_COLUMNS = ("id", "order_no", "customer_id", "inquiry_id", "purchase_id", "call_id", "recipient", "phone",
                  "postal_code", "prefecture", "city", "line1", "line2", "delivery_date", "slot", "payment",
                  "points_used", "total", "status", "operator", "created_at")
STEP_COLUMNS = ("id", "order_id", "status", "at", "source", "actor", "reason")
ORDER_CANCELLED = 0.04  # cancelled by the operator before it shipped (the customer called again)
CANCEL_REASONS = ("お客様のご都合", "重複注文のため", "お届け日に受け取れないため")


def _national(e164: str | None) -> str | None:
    """What a Japanese PBX sends for a caller: the national number."""
    return "0" + e164[3:] if e164 and e164.startswith("+81") else e164


def emit_calls(gen, cid: int, bought: list[datetime], recipient: tuple | None,
               call_log: list, orders: list, order_lines: list, purchases: list, lines: list,
               lookups: list, points: list, steps: list) -> None:
    """The customer's call-center inquiries (`gen.calls`, gathered by the demo's customer
    generator) as calls, oldest first, with the segment each caller had then (purchases
    before the call, orders from earlier calls included). `recipient` (name, address,
    line1, line2) is None for a caller known only by number: no delivery order then.
    A stock question's call adds the lookup the operator made a minute into it."""
    rng = gen.call_rng
    ri = rng.randrange
    ts = gen.ts
    ids = gen.ids
    cat = gen.cat
    bought = sorted(bought)
    for opened, call_id, iid, number, op, asked in sorted(gen.calls, key=lambda c: c[:2]):
        segment = segment_for(bisect.bisect_left(bought, opened)).value
        queue = CALL_QUEUES[0] if ri(3) else CALL_QUEUES[1]
        raw = _national(number)
        if rng.random() < MISSED_BEFORE:
            rang = opened - timedelta(minutes=ri(5, 180))
            call_log.append((next(ids.call), f"{call_id}.m", raw, number, None, None, "unique", cid, segment,
                             queue, None, "missed", ts(rang), None, ts(rang + timedelta(seconds=ri(8, 120)))))
        if rng.random() < WITHHELD_MISSED:
            rang = opened - timedelta(minutes=ri(1, 600))
            call_log.append((next(ids.call), f"{call_id}.w", "anonymous", None, None, gen.withheld, "anonymous",
                             None, None, queue, None, "missed", ts(rang), None,
                             ts(rang + timedelta(seconds=ri(5, 90)))))
        answered = opened + timedelta(seconds=ri(3, 90))
        agent = f"PJSIP/{2001 + op}" if op is not None else None
        call_log.append((next(ids.call), call_id, raw, number, None, None, "unique", cid, segment, queue, agent,
                         "ended", ts(opened), ts(answered), ts(answered + timedelta(minutes=ri(1, 20)))))
        if asked is not None:
            product_id, prefecture, near, total = asked
            lookups.append((next(ids.lookup), ts(answered + timedelta(minutes=1)), product_id, "call", call_id,
                            cid, None, prefecture, near, total))
        if recipient is not None and rng.random() < ORDER_PER_CALL:
            at = answered + timedelta(minutes=ri(2, 10))
            pid = next(ids.purchase)
            oid = next(ids.order)
            product_id, _name, price = cat.products[cat.popular[ri(len(cat.popular))]]
            quantity = 1 if ri(4) else 2
            total = price * quantity
            order_no = f"{CALL_ORDER_PREFIX}{pid:010d}"
            operator = OPERATORS[op] if op is not None else ""
            delivery = (at + JST).date() + timedelta(days=2)
            status = order_life(gen, oid, pid, cid, at, delivery, total, operator, points, steps)
            purchases.append((pid, order_no, "call_center", cid, None, cat.ec_id, ts(at), total,
                              PURCHASE_STATUS[status]))
            lines.append((next(ids.line), pid, product_id, quantity, price))
            name, addr, line1, line2 = recipient
            orders.append((oid, order_no, cid, iid, pid, call_id, name, number or "", addr[0], addr[1], addr[2],
                           line1, line2, delivery.isoformat(), "any", "cod", 0, total,
                           status, operator, ts(at)))
            order_lines.append((next(ids.order_line), oid, product_id, cat.ec_id, quantity, price))
            bisect.insort(bought, at)
    gen.calls.clear()


def order_life(gen, oid: int, pid: int, cid: int, at: datetime, delivery, total: int, operator: str,
               points: list, steps: list) -> str:
    """A demo order's steps after the call, as services/order_life would have written them:
    a few cancelled by the operator within hours, the rest shipped the next day and
    delivered on their date (earning their points then) unless that is still to come.
    The stock levels are today's, so no order is left holding a reservation."""
    rng = gen.life_rng
    ts = gen.ts
    end = max(gen.end, at + timedelta(minutes=2))  # an order minutes before the history's end
    life = [("placed", at, "operator", operator, "")]
    if rng.random() < ORDER_CANCELLED:
        cancelled = min(at + timedelta(minutes=rng.randrange(10, 600)), end - timedelta(minutes=1))
        life.append(("cancelled", cancelled, "operator", operator, CANCEL_REASONS[rng.randrange(3)]))
    else:
        shipped = at + timedelta(hours=rng.randrange(16, 30))
        life.append(("shipped", shipped if shipped < end else at + (end - at) / 2, "oms", "", ""))
        delivered = datetime(delivery.year, delivery.month, delivery.day) + timedelta(hours=rng.randrange(9, 20)) - JST
        if delivered < end:
            life.append(("delivered", delivered, "oms", "", ""))
            if points_earned(total):
                points.append((next(gen.ids.points), cid, pid, points_earned(total), "earned", ts(delivered)))
    steps.extend((next(gen.ids.step), oid, status, ts(when), source, actor, reason)
                 for status, when, source, actor, reason in life)
    return life[-1][0]
