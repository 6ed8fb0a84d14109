"""The relay's one connection to the store: the lock, the heartbeat, the publishing.

`RelayLeader` keeps one psycopg AsyncConnection. The active relay holds the session-level
advisory lock on it, and publishes on it too: a relay whose connection died (and with it
the lock, once the server notices) cannot publish another row, so two relays never both
publish (the server drops a dead session's lock within seconds: `tcp_keepalives_*` and
`tcp_user_timeout` are set on the session for that).

Each call state is published once, whoever publishes: a state change goes out only when
it is the call's next state after what the store already holds (the unique `once_key`
backs that up), a `missed` after a published `answered` becomes `ended` (a relay that
took over never saw the answer), and an update that changes nothing already published
(after a re-sync) is dropped. Any failure of the link raises StoreLost; the caller
reconnects (`connect`) and takes the lock again (`try_lock`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections import OrderedDict
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from cti_desk.domain.calls import NEXT_STATES, CallState, CallUpdate
from cti_desk.domain.text import bounded
from cti_desk.telephony.relay_wire import (
    CHANNEL,
    KIND_CALL,
    LOCK_KEY,
    NOTICE_LIMIT,
    call_key,
    call_payload,
    call_update,
    once_key,
    same_moment,
    utc_naive,
)

log = logging.getLogger(__name__)

OP_TIMEOUT = 5.0  # seconds one statement may take before the link counts as lost
OPEN_CALL_HOURS = 12  # calls still ringing or answered this recently are adopted at a takeover
KEEP_DAYS = 7  # call events older than this are deleted (a seat away longer starts afresh)
MEMORY = 4096  # calls whose last published update is remembered
# The server notices a dead relay within ~10 s and releases its lock.
SESSION_SETUP = ("SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; "
                 "SET tcp_keepalives_count = 3; SET tcp_user_timeout = 10000")


class StoreLost(Exception):
    """The link to the store failed (or stopped answering); the lock may be gone."""


class RelayLeader:
    def __init__(self, connect_args: dict[str, str], source: str, *, relay_id: str | None = None,
                 op_timeout: float = OP_TIMEOUT) -> None:
        self._args = connect_args
        self.source = bounded(source, 200)
        self.host = bounded(socket.gethostname(), 255)
        self.pid = os.getpid()
        self.relay_id = relay_id or f"{bounded(self.host, 40)}:{self.pid}:{uuid.uuid4().hex[:8]}"
        self.started_at = datetime.now(UTC).replace(tzinfo=None)
        self.op_timeout = op_timeout
        self.active = False  # the lock is held on the current connection
        self.last_id: int | None = None  # the newest event this relay published
        self._conn = None
        self._busy = asyncio.Lock()  # one statement at a time on the one connection
        self._last: OrderedDict[str, dict] = OrderedDict()  # call id -> last published payload

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    # -- the link --------------------------------------------------------------------------

    async def connect(self) -> None:
        import psycopg

        await self.close()
        try:
            async with asyncio.timeout(self.op_timeout + 5):
                conn = await psycopg.AsyncConnection.connect(**self._args, autocommit=True)
                await conn.execute(SESSION_SETUP)
        except (psycopg.Error, OSError, TimeoutError) as exc:
            raise StoreLost(_why(exc)) from None
        self._conn = conn
        self.active = False
        self._last.clear()  # what was published meanwhile is read again from the store

    async def close(self) -> None:
        conn, self._conn, self.active = self._conn, None, False
        if conn is not None and not conn.closed:
            try:
                async with asyncio.timeout(1.0):
                    await conn.close()
            except (Exception, TimeoutError):  # a dead socket: dropped with the object
                log.debug("relay store connection closed uncleanly")

    async def _run(self, fn):
        """`await fn(conn)` under the connection's lock and the statement deadline."""
        import psycopg

        if not self.connected:
            raise StoreLost("not connected to the store")
        async with self._busy:
            try:
                async with asyncio.timeout(self.op_timeout):
                    return await fn(self._conn)
            except (psycopg.OperationalError, psycopg.InterfaceError, OSError, TimeoutError) as exc:
                why = _why(exc)
                await self.close()
                raise StoreLost(why) from None

    # -- the lock and the heartbeat ----------------------------------------------------------

    async def try_lock(self) -> bool:
        async def attempt(conn) -> bool:
            cur = await conn.execute("SELECT pg_try_advisory_lock(%s)", (LOCK_KEY,))
            return bool((await cur.fetchone())[0])

        self.active = await self._run(attempt)
        return self.active

    async def release(self) -> None:
        """Give the lock up (a clean stop: the standby takes over at once) and mark the
        heartbeat inactive; errors are ignored, closing the connection releases it too."""
        async def give_up(conn) -> None:
            if self.active:
                await conn.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))
            await conn.execute("DELETE FROM relay_heartbeats WHERE relay_id = %s", (self.relay_id,))

        try:
            await self._run(give_up)
        except StoreLost:
            pass
        self.active = False

    async def beat(self, pbx: str) -> None:
        """This relay's heartbeat row, with the database's clock."""
        async def write(conn) -> None:
            await conn.execute(
                "INSERT INTO relay_heartbeats (relay_id, host, pid, source, active, pbx, started_at, beat_at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, now() AT TIME ZONE 'utc') "
                "ON CONFLICT (relay_id) DO UPDATE SET active = EXCLUDED.active, pbx = EXCLUDED.pbx, "
                "beat_at = EXCLUDED.beat_at",
                (self.relay_id, self.host, self.pid, self.source, self.active, bounded(pbx, 20),
                 self.started_at))

        await self._run(write)

    async def active_peer(self) -> str | None:
        """Who else is active (host pid), for the standby's line."""
        async def read(conn):
            cur = await conn.execute(
                "SELECT host, pid FROM relay_heartbeats WHERE active AND relay_id <> %s "
                "ORDER BY beat_at DESC LIMIT 1", (self.relay_id,))
            return await cur.fetchone()

        row = await self._run(read)
        return f"{row[0]} pid {row[1]}" if row else None

    # -- what the store holds ---------------------------------------------------------------

    async def newest_id(self) -> int | None:
        async def read(conn):
            cur = await conn.execute("SELECT max(id) FROM call_events")
            return (await cur.fetchone())[0]

        return await self._run(read)

    async def open_calls(self, hours: float = OPEN_CALL_HOURS) -> list[CallUpdate]:
        """Calls whose last published state is ringing or answered (as last published),
        for a relay taking over: the PBX's re-sync then ends the ones that are gone."""
        since = utc_naive(datetime.now(UTC) - timedelta(hours=hours))

        async def read(conn):
            cur = await conn.execute(
                "SELECT DISTINCT ON (call_id) call_id, payload FROM call_events "
                "WHERE kind = %s AND at >= %s ORDER BY call_id, id DESC", (KIND_CALL, since))
            return await cur.fetchall()

        calls = []
        for call_id, payload in await self._run(read):
            try:
                update = call_update(payload, source=str(payload.get("source") or ""))
            except (KeyError, TypeError, ValueError):
                continue
            if update.state in (CallState.RINGING, CallState.ANSWERED):
                calls.append(update)
                self._remember(call_id, payload)
        return calls

    async def prune(self, days: float = KEEP_DAYS) -> int:
        cutoff = utc_naive(datetime.now(UTC) - timedelta(days=days))

        async def delete(conn) -> int:
            cur = await conn.execute("DELETE FROM call_events WHERE at < %s", (cutoff,))
            await conn.execute("DELETE FROM relay_heartbeats WHERE beat_at < %s", (cutoff,))
            return cur.rowcount

        return await self._run(delete)

    # -- publishing ---------------------------------------------------------------------------

    async def _published(self, call_id: str) -> dict | None:
        key = call_key(call_id)
        if key in self._last:
            self._last.move_to_end(key)
            return self._last[key]

        async def read(conn):
            cur = await conn.execute(
                "SELECT payload FROM call_events WHERE call_id = %s AND kind = %s ORDER BY id DESC LIMIT 1",
                (key, KIND_CALL))
            return await cur.fetchone()

        row = await self._run(read)
        if row is not None:
            self._remember(key, row[0])
        return row[0] if row else None

    def _remember(self, call_id: str, payload: dict) -> None:
        self._last[call_key(call_id)] = payload
        self._last.move_to_end(call_key(call_id))
        while len(self._last) > MEMORY:
            self._last.popitem(last=False)

    async def reconcile(self, update: CallUpdate) -> CallUpdate | None:
        """What of `update` is news given what the store holds of its call; None if nothing."""
        last = await self._published(update.call_id)
        last_state = CallState(last["state"]) if last else None
        if not update.state_changed:
            if last_state is not update.state or (last is not None and same_moment(update, last)):
                return None
            return update
        if update.state in NEXT_STATES[last_state]:
            return update
        if last_state is CallState.ANSWERED and update.state is CallState.MISSED:
            # Answered under the relay before this one: its end is `ended`, with its agent.
            return replace(update, state=CallState.ENDED, agent=update.agent or last.get("agent"))
        return None

    async def publish_update(self, update: CallUpdate, caller: dict | None) -> CallUpdate | None:
        """Publish what is news of `update`; the update as published, None for a repeat."""
        news = await self.reconcile(update)
        if news is None:
            return None
        payload = call_payload(news, caller)
        event_id = await self.publish(KIND_CALL, news.call_id, news.state.value, payload,
                                      at=news.ts, once=once_key(news))
        if event_id is None:  # another relay's row: remember what the store holds instead
            self._last.pop(call_key(news.call_id), None)
            return None
        self._remember(news.call_id, payload)
        return news

    async def publish(self, kind: str, call_id: str, state: str, payload: dict,
                      at: datetime | None = None, once: str | None = None) -> int | None:
        """One event row and its NOTIFY in one statement (its own transaction: one round
        trip); its id, or None when its `once` key was published already. StoreLost when
        the lock is not held. The NOTIFY carries the event itself when it fits, so a seat
        that has every event before it needs no read (relay_wire.notice_payload)."""
        from psycopg.types.json import Json

        if not self.active:
            raise StoreLost("this relay does not hold the lock")
        when = utc_naive(at or datetime.now(UTC))

        async def insert(conn) -> int | None:
            cur = await conn.execute(PUBLISH_SQL, (
                when, call_key(call_id), bounded(state, 10), Json(payload), kind, once,
                CHANNEL, NOTICE_LIMIT))
            row = await cur.fetchone()
            return row[0] if row else None

        event_id = await self._run(insert)
        if event_id is not None:
            self.last_id = event_id
        return event_id


# The row, and a NOTIFY of {"id", "kind", "payload"} (or just the id when that would not
# fit in PostgreSQL's 8000-byte notice), sent when the statement commits.
PUBLISH_SQL = (
    "WITH ins AS (INSERT INTO call_events (at, call_id, state, payload, kind, once_key) "
    "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (once_key) DO NOTHING RETURNING id, kind, payload), "
    "msg AS (SELECT id, json_build_object('id', id, 'kind', kind, 'payload', payload)::text AS body FROM ins) "
    "SELECT id, pg_notify(%s, CASE WHEN octet_length(body) <= %s THEN body ELSE id::text END) FROM msg")


def _why(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "the store did not answer in time"
    text = next((ln.strip() for ln in str(exc).splitlines() if ln.strip()), "")
    return bounded(text or type(exc).__name__, 200)
