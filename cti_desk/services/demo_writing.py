"""Demo data's writing side: bulk rows on the raw driver connection, and undoing them.

Kept apart from the generation (demo_data.py) because it changes for the database's
reasons (COPY on PostgreSQL, executemany and the FTS tables on SQLite), not the demo's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import text

from cti_desk.domain.searchkeys import SUBSTRING_KINDS
from cti_desk.store import search_keys
from cti_desk.store.db import Store, is_sqlite

EC_CODE = "ec"  # the location every store has (migration 0003)


class Sink:
    """Bulk rows into one table on the raw driver connection (inside the caller's transaction)."""

    def __init__(self, dbapi_conn, sqlite: bool) -> None:
        self.conn = dbapi_conn
        self.sqlite = sqlite

    def write(self, table, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        cols = ", ".join(columns)
        cur = self.conn.cursor()
        try:
            if self.sqlite:
                marks = ", ".join("?" * len(columns))
                cur.executemany(f"INSERT INTO {table.name} ({cols}) VALUES ({marks})", rows)  # noqa: S608 -- names from the schema
                index = _SEARCH_INDEXES.get(table.name)
                if index is not None:  # key rows are (id, owner, kind, key)
                    search_keys.fts_insert(cur, index, [(r[0], r[3]) for r in rows if r[2] in SUBSTRING_KINDS])
            else:
                with cur.copy(f"COPY {table.name} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        finally:
            cur.close()

    def execute(self, sql: str) -> None:
        cur = self.conn.cursor()
        try:
            cur.execute(sql)
        finally:
            cur.close()



_SEARCH_INDEXES = {i.keys.name: i for i in search_keys.INDEXES}


def timestamp_fn(sqlite: bool) -> Callable[[datetime], object]:
    if sqlite:
        # The exact text SQLAlchemy stores for a DateTime on SQLite, so comparisons agree.
        return lambda dt: dt.isoformat(" ") + ".000000"
    return lambda dt: dt



class write_connection:
    """A write connection (BEGIN IMMEDIATE on SQLite) and its raw driver connection."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self):
        self.conn = self.store.engine.connect()
        self.conn.info["write"] = True
        raw = self.conn.connection.driver_connection
        if is_sqlite(self.store.engine):
            # Random-key indexes (phones, names, order numbers) thrash the default 2 MB cache.
            raw.execute("PRAGMA cache_size=-262144")
        return self.conn, raw

    def __exit__(self, *exc) -> None:
        self.conn.info.pop("write", None)
        if is_sqlite(self.store.engine):
            self.conn.connection.driver_connection.execute("PRAGMA cache_size=-2000")
        self.conn.close()


# Children first, so foreign keys hold at every step.
_DEMO_TABLES = ("stock_lookups", "order_status_steps", "delivery_order_lines", "delivery_orders", "call_log",
                "inquiries", "points_ledger",
                "purchase_lines", "purchases", "stock_levels",
                "product_search_keys", "products", "locations", "addresses", "customer_emails",
                "customer_phones", "channel_identities", "customer_search_keys", "customers")


def remove_all(store: Store) -> None:
    with store.transaction() as s:
        for t in _DEMO_TABLES:
            s.execute(text(f"DELETE FROM {t}"))  # noqa: S608 -- fixed table names
        if is_sqlite(store.engine):
            for index in search_keys.INDEXES:
                s.execute(text(f"INSERT INTO {index.fts} ({index.fts}) VALUES ('delete-all')"))  # noqa: S608 -- ours
        s.execute(text("INSERT INTO locations (code, name, kind, prefecture, lead_days) "
                       "VALUES (:c, 'EC', 'ec', '', 1)"), {"c": EC_CODE})


def advance_sequences(store: Store) -> None:
    """Ids were given here; PostgreSQL's sequences must continue after them."""
    tables = ("customers", "channel_identities", "customer_phones", "customer_emails", "addresses",
              "locations", "products", "purchases", "purchase_lines", "points_ledger", "inquiries",
              "customer_search_keys", "product_search_keys", "call_log", "delivery_orders",
              "delivery_order_lines", "stock_lookups", "order_status_steps")
    with store.transaction() as s:
        for t in tables:
            s.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "  # noqa: S608 -- fixed names
                f"COALESCE((SELECT MAX(id) FROM {t}), 0) + 1, false)"
            ))


