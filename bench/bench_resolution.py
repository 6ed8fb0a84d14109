"""Caller resolution on a big store: the bare SQL lookup and the whole service call.

    BENCH_DB=sqlite:////path/store.sqlite3 .venv/bin/python bench/bench_resolution.py
    BENCH_RESOLUTION_N=2000  # numbers (default 2000)
"""

from __future__ import annotations

import os
import random
import time

from benchlib import p50, percentile, record  # bench/ is the script's own folder on sys.path
from sqlalchemy import func, select

from cti_desk.services.customers import phone_lookup_statement, resolve_caller
from cti_desk.store.db import open_store
from cti_desk.store.models import Customer, CustomerPhone

N = int(os.environ.get("BENCH_RESOLUTION_N", "2000"))



def main() -> None:
    store = open_store(os.environ["BENCH_DB"])
    with store.session() as s:
        customers = s.scalar(select(func.count(Customer.id)))
        max_id = s.scalar(select(func.max(CustomerPhone.id)))
        rng = random.Random(7)
        numbers = []
        while len(numbers) < N:
            e164 = s.scalar(select(CustomerPhone.e164).where(CustomerPhone.id == rng.randint(1, max_id)))
            if e164:
                numbers.append("0" + e164[3:])  # as a Japanese PBX sends it
        sql_times, service_times = [], []
        for raw in numbers:
            e164 = "+81" + raw[1:]
            t0 = time.perf_counter()
            s.scalars(phone_lookup_statement(e164)).all()
            sql_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            resolve_caller(s, raw)
            service_times.append(time.perf_counter() - t0)
    print(f"store: {customers:,} customers ({store.engine.dialect.name})")
    for label, values in (("bare SQL lookup", sql_times), ("resolve_caller()", service_times)):
        print(
            f"{label:18s} p50 {p50(values) * 1e3:.3f} ms  "
            f"p99 {percentile(values, 0.99) * 1e3:.3f} ms  (n={len(values)})"
        )
    record("resolve_caller(), p99", percentile(service_times, 0.99) * 1e3, "ms",
           percentile(sql_times, 0.99) * 1e3, vs="bare SQL lookup p99")


if __name__ == "__main__":
    main()
