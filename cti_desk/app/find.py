"""`cti-desk find QUERY`: the window's customer search as JSON lines, best match first."""

from __future__ import annotations

import json
import sys

from cti_desk.domain.errors import BadArgument

DEFAULT_LIMIT = 50  # what the window's search box shows


def run_find(query: str, db_url: str, limit: int = DEFAULT_LIMIT) -> int:
    """Print one JSON object per customer found; exit 0 also when none is."""
    if not query.strip():
        raise BadArgument("find needs a QUERY: a name, kana, phone digits, email, member or order number")
    if limit < 1:
        raise BadArgument(f"--limit must be a positive number, not {limit}")
    from cti_desk.domain.roles import Role
    from cti_desk.services.access import local_seat
    from cti_desk.services.seat_services import SeatServices
    from cti_desk.store.db import open_store

    store = open_store(db_url)
    try:  # an operator's search (README "Roles and audit")
        found = SeatServices(store, local_seat(Role.OPERATOR)).find_customers(query, limit)
    finally:
        store.dispose()
    for customer in found:
        sys.stdout.write(json.dumps(customer.as_json(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0
