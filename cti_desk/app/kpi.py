"""`cti-desk kpi`: what calls bring, per day/week/month/segment/channel (CONTRACT.md).

`table` is for people (aligned, `-` for no conversion), `csv` has a header row and an
empty cell for null, `json` is one object per row with the contract's keys.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from typing import TextIO

from cti_desk.app.rows_out import write_csv, write_json_lines
from cti_desk.domain.errors import BadArgument

FORMATS = ("table", "csv", "json")
DEFAULT_DAYS = 7
KEYS = ("group", "calls", "answered", "missed", "customers", "orders", "order_value", "conversion",
        "first_time_buyers")


def today_in_japan() -> date:
    return (datetime.now(UTC) + timedelta(hours=9)).date()


def date_range(start: date | None, end: date | None, today: date | None = None) -> tuple[date, date]:
    """--from/--to with the defaults: the last 7 days up to today (Japan)."""
    end = end or today or today_in_japan()
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    if end < start:
        raise BadArgument(f"--to {end.isoformat()} is before --from {start.isoformat()}")
    return start, end


def write_rows(rows: list, fmt: str, out: TextIO) -> None:
    dicts = [row.as_dict() for row in rows]
    if fmt == "json":
        write_json_lines(dicts, out)
    elif fmt == "csv":
        write_csv(dicts, KEYS, out)
    else:
        cells = [list(KEYS)] + [[_cell(d[k]) for k in KEYS] for d in dicts]
        widths = [max(len(row[i]) for row in cells) for i in range(len(KEYS))]
        for row in cells:
            line = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
            out.write("  ".join(line).rstrip() + "\n")
    out.flush()


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def run_kpi(db_url: str, start: date | None, end: date | None, by: str = "day", fmt: str = "table") -> int:
    from cti_desk.domain.roles import Role
    from cti_desk.services.access import local_seat
    from cti_desk.services.seat_services import SeatServices
    from cti_desk.store.db import open_store

    start, end = date_range(start, end)
    store = open_store(db_url)
    try:  # a supervisor's command (README "Roles and audit")
        rows = SeatServices(store, local_seat(Role.SUPERVISOR)).kpi_rows(start, end, by)
    finally:
        store.dispose()
    write_rows(rows, fmt, sys.stdout)
    return 0
