"""`cti-desk audit`: the audit log searched by customer, person and date, as a supervisor.

The command acts as a supervisor's seat (the person: --operator, else the OS user), like
`kpi`; `find` acts as an operator's. `table` is for people (Japan time, one line a row),
`csv` has a header row, `json` one object per row; `at` is ISO 8601 with +09:00.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

from cti_desk.app.rows_out import write_csv, write_json_lines
from cti_desk.domain.errors import BadArgument

FORMATS = ("table", "csv", "json")
KEYS = ("id", "at", "person", "desk", "action", "customer_id", "call_id", "detail")
DEFAULT_LIMIT = 1000


def add_parser(sub, add_db: Callable, add_common: Callable, local_date: Callable,
               positive: Callable) -> None:
    p = sub.add_parser("audit", help="who opened or changed which customer record: search the audit log "
                                     "(a supervisor's)")
    p.add_argument("--customer", type=positive, default=None, metavar="ID", help="one customer's rows")
    p.add_argument("--person", default=None, metavar="NAME",
                   help="one person's rows (the name as on the records, e.g. sato or kiosk:S-SHIBUYA)")
    p.add_argument("--from", dest="date_from", type=local_date, default=None, metavar="DATE",
                   help="first local (Japan) date, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=local_date, default=None, metavar="DATE",
                   help="last local (Japan) date, inclusive")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--limit", type=positive, default=DEFAULT_LIMIT, metavar="N",
                   help=f"at most N rows, newest first (default {DEFAULT_LIMIT})")
    add_db(p)
    add_common(p)


def run_audit(args: argparse.Namespace, db_url: str) -> int:
    from cti_desk.domain.roles import Role
    from cti_desk.services.access import local_seat
    from cti_desk.services.seat_services import SeatServices
    from cti_desk.store.db import open_store

    since, until = args.date_from, args.date_to
    if since and until and until < since:
        raise BadArgument(f"--to {until.isoformat()} is before --from {since.isoformat()}")
    if not args.limit:
        raise BadArgument("--limit must be 1 or more")
    seat = local_seat(Role.SUPERVISOR, getattr(args, "operator", None))
    store = open_store(db_url)
    try:
        rows = SeatServices(store, seat).audit_search(args.customer, args.person, since, until, args.limit)
    finally:
        store.dispose()
    write_rows([r.as_dict() for r in rows], args.format, sys.stdout)
    return 0


def _one_line(value: object) -> str:
    return "-" if value is None else " ".join(str(value).split())


def write_rows(rows: list[dict], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        write_json_lines(rows, out)
    elif fmt == "csv":
        write_csv(rows, KEYS, out)
    else:
        cells = [list(KEYS)] + [[_one_line(row[k]) for k in KEYS] for row in rows]
        for line in cells[1:]:
            line[1] = line[1][:19].replace("T", " ")  # 2026-11-02 09:00:00, Japan time
        widths = [max(len(line[i]) for line in cells) for i in range(len(KEYS) - 1)]
        for line in cells:
            out.write("  ".join([c.ljust(w) for c, w in zip(line, widths, strict=False)] + [line[-1]]).rstrip()
                      + "\n")
    out.flush()
