"""Who is calling, for every call update a source reports: the screen pop's lookup.

One indexed query per call (at `ringing`); later states of the same call reuse the
answer, so `answered`/`ended` cost nothing. One database connection stays open for the
life of the resolver; each lookup is its own short read transaction, so customers
imported meanwhile are seen and SQLite's WAL is never pinned.
"""

from __future__ import annotations

import logging
import random
from collections import OrderedDict

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.services.customers import CallerMatch, resolve_caller
from cti_desk.store.db import Store
from cti_desk.store.models import CustomerPhone

log = logging.getLogger(__name__)

MEMORY = 4096  # calls in progress whose match is kept


class CallerResolver:
    def __init__(self, store: Store, outside_line_prefix: str | None = None) -> None:
        self._store = store
        self._outside_line = outside_line_prefix  # the PBX's outside-line digit, e.g. "0"
        self._conn: Connection | None = None
        self._session: Session | None = None
        self._matches: OrderedDict[str, CallerMatch] = OrderedDict()

    def _open(self) -> Session:
        if self._session is None:
            self._conn = self._store.engine.connect()
            self._session = Session(bind=self._conn)
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
        if self._conn is not None:
            self._conn.close()
        self._session = self._conn = None

    def lookup(self, raw: str | None) -> CallerMatch:
        """One lookup on the open connection; a dropped connection is reopened once."""
        for attempt in (1, 2):
            session = self._open()
            try:
                return resolve_caller(session, raw, outside_line_prefix=self._outside_line)
            except DBAPIError as exc:
                self.close()
                if attempt == 2 or not exc.connection_invalidated:
                    raise
                log.warning("store connection lost; reconnecting")
            finally:
                if self._session is not None:
                    self._session.rollback()  # ends the read transaction, keeps the connection
        raise AssertionError("unreachable")

    def match(self, update: CallUpdate) -> CallerMatch:
        """The caller of this call, looked up once per call."""
        match = self._matches.get(update.call_id)
        if match is None or match.number.raw != update.raw_number:
            match = self.lookup(update.raw_number)
            self._matches[update.call_id] = match
            if len(self._matches) > MEMORY:
                self._matches.popitem(last=False)
        if update.state in (CallState.ENDED, CallState.MISSED):
            self._matches.pop(update.call_id, None)
        return match


def _national(e164: str) -> str:
    return "0" + e164[3:] if e164.startswith("+81") else e164


def sample_caller_numbers(session: Session, n: int, seed: int | None = None) -> list[str | None]:
    """Numbers for the simulator, as a PBX would send them: mostly the store's own
    customers (some numbers shared by several), some unknown, some withheld."""
    rng = random.Random(seed)
    out: list[str | None] = []
    top = session.scalar(select(func.max(CustomerPhone.id))) or 0
    if top:
        for _ in range(max(1, n * 6 // 10)):
            e164 = session.scalar(
                select(CustomerPhone.e164).where(CustomerPhone.id >= rng.randint(1, top))
                .order_by(CustomerPhone.id).limit(1)
            )
            if e164:
                out.append(_national(e164) if rng.random() < 0.8 else e164)
        shared = session.scalars(
            select(CustomerPhone.e164).group_by(CustomerPhone.e164)
            .having(func.count(func.distinct(CustomerPhone.customer_id)) > 1)
            .limit(max(1, n // 10))
        ).all()
        out.extend(_national(e) for e in shared)
    while len(out) < n * 9 // 10:
        # A valid mobile number nobody has (090-0xxx is not allocated, so none of those).
        out.append(f"090{rng.randint(10_000_000, 99_999_999)}")
    spellings = ["anonymous", "<unknown>", None, "private", "非通知", "公衆電話", "表示圏外"]
    while len(out) < n:
        out.append(rng.choice(spellings))
    rng.shuffle(out)
    return out
