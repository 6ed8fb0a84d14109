"""Is the store there? A probe the window runs on a worker, and a tap on store errors.

`store_health(store)` asks the store for `SELECT 1` through its own engine (its pool,
pre-ping and connect timeouts), so it fails exactly when the window's own queries would.
On SQLite it also takes the write lock for a moment: another program holding the file
locked (a long import, a backup, an sqlite3 shell in a transaction) lets reads through
but makes every write wait and fail, and that is a store the desk cannot use either.
`store_unavailable(error)` says whether a failed write may succeed once the store
answers again (then it is kept and retried, not reported as refused).
`watch_store_errors(store, on_error)` calls `on_error()` whenever any query of that
store fails for a reason that may mean the store is gone (a lost or refused connection,
an OperationalError), from whichever thread ran it: the window probes then, instead of
waiting for its next round. What is shown never carries a password.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import event, exc, text
from sqlalchemy.engine import make_url

from cti_desk.domain.text import bounded
from cti_desk.store.db import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoreHealth:
    ok: bool
    where: str  # the store as it may be shown: no password, no query
    checked_at: datetime  # aware UTC
    error: str = ""  # one line, bounded, secrets removed
    locked: bool = False  # SQLite: another program holds the write lock


def store_display(url: str) -> str:
    """The store's URL as it may be shown: postgresql+psycopg://cti:***@db:5432/cti.

    The query is left out: libpq takes `password=` and `sslpassword=` there."""
    try:
        parsed = make_url(url)
    except Exception:
        return "(an invalid database URL)"
    shown = parsed.set(query={}).render_as_string(hide_password=True)
    return bounded(shown, 200)


def _error_text(error: BaseException, password: str | None) -> str:
    original = getattr(error, "orig", None) or error
    line = next((ln.strip() for ln in str(original).splitlines() if ln.strip()), "")
    line = line or type(original).__name__
    if password:
        line = line.replace(password, "***")
    return bounded(line, 300)


LOCK_WAIT_MS = 1000  # how long the probe waits for SQLite's write lock


def _write_lock_free(dbapi_conn) -> None:
    """Take SQLite's write lock and let it go at once; raises while another holds it."""
    (previous,) = dbapi_conn.execute("PRAGMA busy_timeout").fetchone()
    dbapi_conn.execute(f"PRAGMA busy_timeout={LOCK_WAIT_MS}")
    try:
        dbapi_conn.execute("BEGIN IMMEDIATE")
        dbapi_conn.execute("ROLLBACK")
    finally:
        dbapi_conn.execute(f"PRAGMA busy_timeout={int(previous)}")


def store_health(store: Store, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> StoreHealth:
    """SELECT 1 on the store, and on SQLite the write lock (blocking: run it on a worker)."""
    where = store_display(store.url)
    try:
        with store.engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar_one()
            if store.engine.dialect.name == "sqlite":
                conn.rollback()  # out of the read transaction SELECT began
                _write_lock_free(conn.connection.dbapi_connection)
    except Exception as error:  # whatever it is, the store cannot answer
        said = _error_text(error, store.engine.url.password)
        return StoreHealth(False, where, now(), said, locked="locked" in said)
    return StoreHealth(True, where, now())


def store_unavailable(error: BaseException) -> bool:
    """A failure of the store itself (unreachable, restarting, locked, timed out), after
    which the same write may succeed later: not a refusal of what was written."""
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, (exc.OperationalError, exc.InterfaceError, exc.TimeoutError))


def _store_gone(context) -> bool:
    if context.is_disconnect:
        return True
    return isinstance(context.sqlalchemy_exception, (exc.OperationalError, exc.InterfaceError))


def watch_store_errors(store: Store, on_error: Callable[[], None]) -> Callable[[], None]:
    """Call `on_error()` after a store error that may mean the store is unreachable.

    Runs on the thread of the failing query; must be quick. Returns the function that
    stops the watch. `on_error` failing is logged, never raised into the query.
    """

    def handle_error(context) -> None:
        if not _store_gone(context):
            return
        try:
            on_error()
        except Exception:
            log.exception("store error watcher failed")

    event.listen(store.engine, "handle_error", handle_error)

    def stop() -> None:
        if event.contains(store.engine, "handle_error", handle_error):
            event.remove(store.engine, "handle_error", handle_error)

    return stop
