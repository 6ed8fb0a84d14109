"""What a load run (scripts/load_run.py) checks at its end, from the store and the seats'
own logs (scripts/load_seat.py), and the figures it reports.

`snapshot(url)` before the run; `check(url, before, logs, outage)` after it: a dict of
problems (each a list: empty when the invariant holds) and figures.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import UTC

from sqlalchemy import create_engine, text


def _engine(url: str):
    return create_engine(url, pool_pre_ping=True)


def snapshot(url: str) -> dict:
    """Stock and the newest rows before the seats start."""
    engine = _engine(url)
    with engine.connect() as c:
        stock = {(p, loc): (on_hand, reserved) for p, loc, on_hand, reserved in
                 c.execute(text("SELECT product_id, location_id, on_hand, reserved FROM stock_levels"))}
        last_order = c.scalar(text("SELECT coalesce(max(id), 0) FROM delivery_orders"))
        last_event = c.scalar(text("SELECT coalesce(max(id), 0) FROM call_events"))
    engine.dispose()
    return {"stock": stock, "last_order": last_order, "last_event": last_event}


def _events(c, after: int) -> list[dict]:
    rows = c.execute(text(
        "SELECT id, kind, call_id, state, payload, at, pg_xact_commit_timestamp(xmin) FROM call_events "
        "WHERE id > :after ORDER BY id"), {"after": after})
    return [{"id": i, "kind": k, "call": cid, "state": st, "payload": pl or {},
             "at": at.replace(tzinfo=UTC).timestamp(), "commit": ct.timestamp() if ct else None}
            for i, k, cid, st, pl, at, ct in rows]


def percentiles(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {"n": len(ordered), "p50_ms": round(at(0.50) * 1000, 2), "p99_ms": round(at(0.99) * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2), "mean_ms": round(statistics.fmean(ordered) * 1000, 2)}


def _by_kind(log: list[dict], kind: str) -> list[dict]:
    return [r for r in log if r["kind"] == kind]


def check(url: str, before: dict, logs: dict[str, list[dict]], outage: tuple[float, float] | None) -> dict:
    """`logs`: each seat's lines by agent. `outage`: (store stopped, store back) as
    time.time(), or None."""
    engine = _engine(url)
    with engine.connect() as c:
        events = _events(c, before["last_event"])
        entries = {cid: (op, notes, disp, n) for cid, op, notes, disp, n in c.execute(text(
            "SELECT call_id, min(operator), min(notes), min(disposition), count(*) FROM inquiry_entries "
            "WHERE call_id IS NOT NULL GROUP BY call_id"))}
        orders = list(c.execute(text(
            "SELECT id, draft_key, order_no FROM delivery_orders WHERE id > :after ORDER BY id"),
            {"after": before["last_order"]}))
        order_lines = defaultdict(list)
        for oid, p, loc, q in c.execute(text(
                "SELECT order_id, product_id, location_id, quantity FROM delivery_order_lines "
                "WHERE order_id > :after ORDER BY id"), {"after": before["last_order"]}):
            order_lines[oid].append([p, loc, q])
        stock = {(p, loc): (on_hand, reserved) for p, loc, on_hand, reserved in
                 c.execute(text("SELECT product_id, location_id, on_hand, reserved FROM stock_levels"))}
    engine.dispose()
    problems: dict[str, list] = defaultdict(list)
    calls = [e for e in events if e["kind"] == "call"]
    newest = events[-1]["id"] if events else before["last_event"]

    # -- every call seen by exactly the seats it rang at, each state once ------------------------
    rang_at: dict[str, set[str]] = defaultdict(set)  # agent -> calls
    ended_at: dict[str, set[str]] = defaultdict(set)  # agent -> calls answered there and ended
    for e in calls:
        for agent in e["payload"].get("ringing_at") or ():
            rang_at[agent].add(e["call"])
        if e["payload"].get("agent"):
            rang_at[e["payload"]["agent"]].add(e["call"])
            if e["state"] == "ended":
                ended_at[e["payload"]["agent"]].add(e["call"])
    call_ids = {e["id"] for e in calls}
    for agent, log in logs.items():
        seen = [r for r in _by_kind(log, "event")]
        ready = _by_kind(log, "ready")
        done = _by_kind(log, "done")
        if not ready or not done:
            problems["seat_incomplete"].append(f"{agent}: ready={bool(ready)} done={bool(done)}")
            continue
        got = Counter(r["id"] for r in seen)
        if twice := [i for i, n in got.items() if n > 1]:
            problems["event_twice"].append(f"{agent}: events {twice[:5]} handled more than once")
        if missing := sorted(call_ids - set(got)):
            problems["event_missed"].append(f"{agent}: {len(missing)} call events never read, e.g. {missing[:5]}")
        if done[-1]["last_seen"] != newest:
            problems["seat_behind"].append(f"{agent}: stopped at event {done[-1]['last_seen']}, newest {newest}")
        shown = [r for r in seen if r["action"] != "ignore"]
        mine = {r["call"] for r in shown}
        if extra := sorted(mine - rang_at[agent]):
            problems["seen_elsewhere"].append(f"{agent}: {len(extra)} calls that never rang there, e.g. {extra[:3]}")
        if lost := sorted(rang_at[agent] - mine):
            problems["not_seen"].append(f"{agent}: {len(lost)} calls that rang there not seen, e.g. {lost[:3]}")
        states = Counter((r["call"], r["state"]) for r in shown if r["changed"])
        if again := [k for k, n in states.items() if n > 1]:
            problems["state_twice"].append(f"{agent}: {again[:3]} seen more than once")
        if done[-1]["unfinished"] or done[-1]["drafts_left"] or done[-1]["orders_left"]:
            problems["left_waiting"].append(f"{agent}: {done[-1]}")

    # -- no lost wrap-up, each in the store once --------------------------------------------------
    saved: dict[str, dict] = {}
    for agent, log in logs.items():
        for r in _by_kind(log, "wrapup_failed"):
            problems["wrapup_failed"].append(f"{agent}: {r['call']}: {r['error']}")
        for r in _by_kind(log, "wrapup_saved"):
            if r["call"] in saved:
                problems["wrapup_twice"].append(f"{agent}: {r['call']} saved twice")
            saved[r["call"]] = {**r, "agent": agent}
        operator = "load-" + agent.rsplit("/", 1)[-1]
        for cid in sorted(ended_at[agent]):
            r = saved.get(cid)
            entry = entries.get(cid)
            if r is None:
                problems["wrapup_lost"].append(f"{agent}: call {cid} ended there, no wrap-up saved")
            elif entry is None:
                problems["wrapup_lost"].append(f"{agent}: call {cid} saved (inquiry {r['inquiry_id']}) "
                                               "but not in the store")
            elif entry != (operator, r["notes"], r["disposition"], 1):
                problems["wrapup_wrong"].append(f"{agent}: call {cid}: store has {entry[0]!r}, "
                                                f"{entry[2]!r}, {entry[3]} entries")

    # -- no double order; the stock is the start minus what was ordered ---------------------------
    attempts: dict[str, dict] = {}
    outcome: dict[str, dict] = {}
    for agent, log in logs.items():
        for r in _by_kind(log, "order_attempt"):
            attempts[r["key"]] = {**r, "agent": agent}
        for r in _by_kind(log, "order_placed") + _by_kind(log, "order_refused"):
            if r["key"] in outcome:
                problems["order_outcome_twice"].append(f"{agent}: draft {r['key']}")
            outcome[r["key"]] = r
    per_key = Counter(key for _oid, key, _no in orders)
    for key, n in per_key.items():
        if key is None or key not in attempts:
            problems["order_unknown"].append(f"an order no seat placed: draft key {key}")
        elif n > 1:
            problems["order_twice"].append(f"draft {key}: {n} orders")
    for key in attempts:
        r = outcome.get(key)
        if r is None:
            problems["order_lost"].append(f"draft {key} of {attempts[key]['agent']}: neither placed nor refused")
        elif r["kind"] == "order_placed" and per_key.get(key) != 1:
            problems["order_lost"].append(f"draft {key}: placed ({r['order_no']}) but {per_key.get(key, 0)} in the store")
        elif r["kind"] == "order_refused" and per_key.get(key):
            problems["order_twice"].append(f"draft {key}: refused, yet in the store")
    ordered: Counter = Counter()
    for oid, key, _no in orders:
        for p, loc, q in order_lines[oid]:
            ordered[p, loc] += q
        r = outcome.get(key)
        if r is not None and r["kind"] == "order_placed" and sorted(r["lines"]) != sorted(order_lines[oid]):
            problems["order_wrong"].append(f"draft {key}: lines {r['lines']} vs store {order_lines[oid]}")
    for pl, (on_hand, reserved) in stock.items():
        on_hand0, reserved0 = before["stock"].get(pl, (on_hand, reserved))
        if on_hand != on_hand0 or reserved - reserved0 != ordered.get(pl, 0):
            problems["stock"].append(f"product {pl[0]} at location {pl[1]}: available "
                                     f"{on_hand0 - reserved0} -> {on_hand - reserved}, ordered {ordered.get(pl, 0)}")

    figures = _figures(calls, logs, saved, outcome, outage)
    return {"ok": not any(problems.values()), "problems": dict(problems), "figures": figures}


def _figures(calls: list[dict], logs: dict[str, list[dict]], saved: dict, outcome: dict,
             outage: tuple[float, float] | None) -> dict:
    commit = {e["id"]: e["commit"] for e in calls}
    states = Counter(e["state"] for e in calls if e["payload"].get("state_changed", True))
    # The outage's window: from the stop until the relay publishes again and the last seat
    # is connected again; an event made in it waited for the store, not for the relay.
    back = relay_back = outage[1] if outage else 0.0
    if outage:
        relay_back = next((e["commit"] for e in calls if e["commit"] and e["commit"] >= outage[0]), back)
        back = max(back, relay_back)
        for log in logs.values():
            ups = [r["t"] for r in _by_kind(log, "link") if r["phase"] == "connected" and r["t"] >= outage[0]]
            back = max([back, *ups[:1]])

    def held(at: float) -> bool:
        return outage is not None and outage[0] - 1.0 <= at <= back

    steady_total, steady_notify, outage_total = [], [], []
    relay_side = [e["commit"] - e["at"] for e in calls if e["commit"] and not held(e["at"])]
    for log in logs.values():
        for r in _by_kind(log, "event"):
            (outage_total if held(r["at"]) else steady_total).append(r["recv"] - r["at"])
            if not held(r["at"]) and commit.get(r["id"]):
                steady_notify.append(r["recv"] - commit[r["id"]])
    # One event reaches every seat: the first and the last of them (on one machine the seats'
    # wake-ups share its cores), outside the outage.
    fan_out: dict[int, list[float]] = defaultdict(list)
    for log in logs.values():
        for r in _by_kind(log, "event"):
            if not held(r["at"]) and commit.get(r["id"]):
                fan_out[r["id"]].append(r["recv"] - commit[r["id"]])
    waited_wrapups = [r["waited_s"] for r in saved.values() if r["attempts"] > 1]
    placed = [r for r in outcome.values() if r["kind"] == "order_placed"]
    waited_orders = [r["waited_s"] for r in placed if r["attempts"] > 1]
    pops = [r for log in logs.values() for r in _by_kind(log, "pop")]
    reconnect = []
    if outage:
        for log in logs.values():
            ups = [r["t"] for r in _by_kind(log, "link") if r["phase"] == "connected" and r["t"] >= outage[0]]
            if ups:
                reconnect.append(ups[0] - outage[1])
    return {
        "calls": len({e["call"] for e in calls}), "call_events": len(calls),
        "answered": states.get("answered", 0), "missed": states.get("missed", 0), "ended": states.get("ended", 0),
        "wrapups_saved": len(saved), "wrapups_waited": len(waited_wrapups),
        "wrapup_wait_max_s": max(waited_wrapups, default=0.0),
        "orders_placed": len(placed), "orders_refused": len(outcome) - len(placed),
        "orders_found_after_unanswered": sum(1 for r in placed if r["found"]),
        "orders_waited": len(waited_orders), "order_wait_max_s": max(waited_orders, default=0.0),
        "pops": len(pops), "pops_failed": sum(1 for r in pops if not r["ok"]),
        "pop_ms": percentiles([r["ms"] / 1000 for r in pops if r["ok"]]),
        "latency_event_to_seat": percentiles(steady_total),
        "latency_commit_to_seat": percentiles(steady_notify),
        "latency_event_to_commit": percentiles(relay_side),
        "latency_commit_to_first_seat": percentiles([min(v) for v in fan_out.values()]),
        "latency_commit_to_last_seat": percentiles([max(v) for v in fan_out.values()]),
        "outage_events_to_seat": percentiles(outage_total),
        "outage_store_down_s": round(outage[1] - outage[0], 2) if outage else None,
        "outage_seats_back_after_s": round(max(reconnect), 2) if reconnect else None,
        "outage_relay_published_after_s": round(relay_back - outage[1], 2) if outage else None,
        "seat_cpu_s": round(sum(r["cpu_s"] for log in logs.values() for r in _by_kind(log, "done")), 1),
        "seat_max_rss_mb": max((r["max_rss_mb"] for log in logs.values() for r in _by_kind(log, "done")), default=0),
    }
