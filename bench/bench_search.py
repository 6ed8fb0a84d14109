"""Customer search on a big store: what operators type, p50/p99 per kind of query.

Queries are made from random customers of the store, in the forms issue 9 names: the
full name with and without the space, the given name alone, kana in hiragana and in
half-width katakana, a mid-kana fragment, an upper-case email, a lower-case member and
order number, a 4-digit fragment from the middle of a phone number, a full number with
hyphens, and names that are not there. Each is timed through `search_customers` (the
window's search and `cti-desk find` without the formatting), on one read session.

    BENCH_DB=sqlite:////path/store.sqlite3 .venv/bin/python bench/bench_search.py
    BENCH_SEARCH_N=300  # queries per kind (default 300)
"""

from __future__ import annotations

import os
import random
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import p50, percentile, record  # bench/ is the script's own folder on sys.path
from sqlalchemy import func, select

from cti_desk.services.search import search_customers
from cti_desk.store.db import open_store
from cti_desk.store.models import ChannelIdentity, Customer, CustomerEmail, CustomerPhone, Purchase

N = int(os.environ.get("BENCH_SEARCH_N", "300"))


def _half_width_table() -> dict[str, str]:
    """Full-width katakana (with voiced marks) -> half-width, inverted from NFKC."""
    table: dict[str, str] = {}
    half = [chr(c) for c in range(0xFF66, 0xFF9E)]
    for ch in half:
        table.setdefault(unicodedata.normalize("NFKC", ch), ch)
        for mark in ("\uff9e", "\uff9f"):
            full = unicodedata.normalize("NFKC", ch + mark)
            if len(full) == 1:
                table.setdefault(full, ch + mark)
    table["ー"] = "ｰ"
    return table


HALF = _half_width_table()


def half_width(kana: str) -> str:
    return "".join(HALF.get(ch, ch) for ch in kana)


def hiragana(kana: str) -> str:
    return "".join(chr(ord(ch) - 0x60) if 0x30A1 <= ord(ch) <= 0x30F6 else ch for ch in kana)


def middle(text: str, n: int) -> str:
    start = max(0, len(text) // 2 - n // 2)
    return text[start : start + n]


def _sample(s, rng: random.Random, stmt_for_id, max_id: int, want: int) -> list:
    out = []
    while len(out) < want:
        row = s.execute(stmt_for_id(rng.randint(1, max_id))).first()
        if row is not None and all(row):
            out.append(row)
    return out


def queries(s, rng: random.Random) -> dict[str, list[str]]:
    max_c = s.scalar(select(func.max(Customer.id)))
    people = _sample(s, rng, lambda i: select(Customer.name, Customer.name_kana).where(Customer.id == i), max_c, N)
    phones = [r[0] for r in _sample(s, rng, lambda i: select(CustomerPhone.e164).where(CustomerPhone.id == i),
                                    s.scalar(select(func.max(CustomerPhone.id))), N)]
    emails = [r[0] for r in _sample(s, rng, lambda i: select(CustomerEmail.email).where(CustomerEmail.id == i),
                                    s.scalar(select(func.max(CustomerEmail.id))), N)]
    members = [r[0] for r in _sample(s, rng, lambda i: select(ChannelIdentity.member_id)
                                     .where(ChannelIdentity.customer_id == i), max_c * 2, N)]
    orders = [r[0] for r in _sample(s, rng, lambda i: select(Purchase.order_no).where(Purchase.id == i),
                                    s.scalar(select(func.max(Purchase.id))), N)]
    national = ["0" + p[3:] for p in phones]
    kana = [k for _n, k in people]
    return {
        "full name": [n for n, _k in people],
        "name, no space": [n.replace(" ", "") for n, _k in people],
        "given name": [n.split(" ")[-1] for n, _k in people],
        "kana, hiragana": [hiragana(k) for k in kana],
        "kana, half-width": [half_width(k) for k in kana],
        "kana, mid 3": [middle(k.replace(" ", ""), 3) for k in kana],
        "email, upper": [e.upper() for e in emails],
        "member, lower": [m.lower() for m in members],
        "order, lower": [o.lower() for o in orders],
        "phone, mid 4": [n[3:7] for n in national],
        "phone, full": [f"{n[:-8]}-{n[-8:-4]}-{n[-4:]}" for n in national],
        "not there": [f"存在しない{i}" for i in range(N)],
    }


def main() -> None:
    store = open_store(os.environ["BENCH_DB"])
    rng = random.Random(9)
    with store.session() as s:
        customers = s.scalar(select(func.count(Customer.id)))
        asked = queries(s, rng)
        for qs in asked.values():  # warm the cache the way a running desk has it
            for q in qs[:20]:
                search_customers(s, q)
        times: dict[str, list[float]] = {}
        empty: dict[str, int] = {}
        mixed = [(kind, q) for kind, qs in asked.items() for q in qs]
        rng.shuffle(mixed)
        for kind, q in mixed:
            t0 = time.perf_counter()
            found = search_customers(s, q)
            times.setdefault(kind, []).append(time.perf_counter() - t0)
            empty[kind] = empty.get(kind, 0) + (not found)
    store.dispose()
    print(f"store: {customers:,} customers ({store.engine.dialect.name}), {N} queries per kind")
    for kind, values in times.items():
        print(f"{kind:18s} p50 {p50(values) * 1e3:6.2f} ms  p99 {percentile(values, 0.99) * 1e3:6.2f} ms"
              f"  (no result: {empty[kind]})")
    every = [t for values in times.values() for t in values]
    print(f"{'all':18s} p50 {p50(every) * 1e3:6.2f} ms  p99 {percentile(every, 0.99) * 1e3:6.2f} ms  "
          f"max {max(every) * 1e3:.1f} ms  (n={len(every)})")
    worst = max(times, key=lambda kind: percentile(times[kind], 0.99))
    record("customer search, every kind, p99", percentile(every, 0.99) * 1e3, "ms", target=50,
           note=f"p50 {p50(every) * 1e3:.2f} ms, n={len(every)}")
    record("customer search, slowest kind, p99", percentile(times[worst], 0.99) * 1e3, "ms", target=50,
           note=worst)


if __name__ == "__main__":
    main()
