"""`--source relay`: the call updates `cti-desk relay` publishes, for a window, `monitor`
or `queues` (CONTRACT.md "Many seats").

`RelaySource.run(emit)` LISTENs on a connection of its own, starts at the newest event
when it first subscribes, and handles the event each NOTIFY carries when it is the next
one; on a gap (or a notice too big to carry its event, or every POLL_SECONDS in case one
was missed) it reads the events after the last one it saw, in order: each is emitted once.
After losing the store it reconnects with backoff and catches up from there, so a seat
that was away sees every state it missed, once, as long as the events are kept
(relay_publish.KEEP_DAYS). With `queue_board` set, the board is first brought to where
today's events leave it (replayed from local midnight), then fed every queue event. The link is reported like any source's (connected, reconnecting), and `beat` is
the active relay's last heartbeat (a window shows a banner when it is stale).

The relay resolves each caller once and publishes it with the update: `caller(call_id)`.
The relay also writes the call log: a seat on this source does not.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime

from cti_desk.domain.calls import CallUpdate
from cti_desk.domain.link import VIA_RELAY, LinkPhase, LinkReporter
from cti_desk.domain.text import bounded
from cti_desk.telephony.relay_wire import (
    BEAT_SECONDS,
    CHANNEL,
    KIND_AGENT,
    KIND_CALL,
    KIND_QUEUE,
    KIND_RESYNC,
    RelayBeat,
    call_update,
    read_beat,
    read_notice,
    utc_naive,
)

log = logging.getLogger(__name__)

POLL_SECONDS = 1.0
BATCH = 500
OP_TIMEOUT = 10.0  # seconds a read may take before the link counts as lost
RETRY_FIRST, RETRY_MAX = 0.2, 2.0  # a seat is back within ~2 s of the store
MEMORY = 4096  # callers remembered (calls in progress)


class RelaySource:
    link_kind = VIA_RELAY
    call_log_by_relay = True  # the relay writes the call log; a seat on this source must not

    def __init__(self, config, connect_args: dict[str, str], *, poll: float = POLL_SECONDS,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.config = config
        self._args = connect_args
        self.poll = poll
        self._clock = clock or (lambda: datetime.now().astimezone())
        self.queue_board = None  # a QueueBoard (telephony/queues.py) fed the relay's queue events
        self.last_seen: int | None = None  # the newest event id handled
        self.beat: RelayBeat | None = None  # the active relay's heartbeat, once read
        self._callers: OrderedDict[str, dict | None] = OrderedDict()
        self._link: LinkReporter | None = None
        self._down_since_id: int | None = None

    def watch_link(self, link: LinkReporter) -> None:
        self._link = link

    def caller(self, call_id: str) -> dict | None:
        """The relay's lookup of this call's caller as published with its last update:
        {"number", "resolution", "customer_ids"}, or None when it published none."""
        return self._callers.get(call_id)

    # -- the long-running task ----------------------------------------------------------------

    async def run(self, emit: Callable[[CallUpdate], None]) -> None:
        import psycopg

        delay = RETRY_FIRST
        while True:
            conn = None
            try:
                async with asyncio.timeout(OP_TIMEOUT):
                    conn = await psycopg.AsyncConnection.connect(**self._args, autocommit=True)
                    await conn.execute(f"LISTEN {CHANNEL}")
                    await self._start(conn)
                delay = RETRY_FIRST
                await self._follow(conn, emit)
            except (psycopg.OperationalError, psycopg.InterfaceError, OSError, TimeoutError) as exc:
                why = _why(exc)
                if self._down_since_id is None:
                    self._down_since_id = self.last_seen or 0
                    log.warning("relay: lost the store (%s); catching up from event %s once it answers",
                                why, self.last_seen if self.last_seen is not None else "(none yet)")
                if self._link is not None:
                    self._link.move(LinkPhase.RECONNECTING, reason=why, retry_in=delay)
                await asyncio.sleep(delay * random.uniform(0.8, 1.2))
                delay = min(delay * 2, RETRY_MAX)
            finally:
                if conn is not None:
                    await _close(conn)

    async def _start(self, conn) -> None:
        """After (re)connecting: where to read from, the heartbeat, the link's state."""
        if self.last_seen is None:
            cur = await conn.execute("SELECT coalesce(max(id), 0) FROM call_events")
            newest = int((await cur.fetchone())[0])
            if self.queue_board is not None:
                await self._replay_board(conn, newest)
            self.last_seen = newest
            log.info("relay: subscribed at event %d", newest)
        elif self._down_since_id is not None:
            log.warning("relay: the store answers again; catching up from event %d", self.last_seen)
        self._down_since_id = None
        self.beat = await read_beat(conn)
        self._report_connected()

    def _report_connected(self) -> None:
        if self._link is None:
            return
        beat = self.beat  # the detail is the active relay's host (its state: the banner's)
        self._link.move(LinkPhase.CONNECTED, detail=beat.host if beat is not None and beat.age_s is not None else "")

    async def _follow(self, conn, emit: Callable[[CallUpdate], None]) -> None:
        next_beat = time.monotonic() + BEAT_SECONDS
        behind = True  # read the store first: what came while connecting
        while True:
            async with asyncio.timeout(OP_TIMEOUT):
                if behind:
                    await self._read_new(conn, emit)
                if time.monotonic() >= next_beat:
                    self.beat = await read_beat(conn)
                    self._report_connected()
                    next_beat = time.monotonic() + BEAT_SECONDS
            wait = max(0.0, min(self.poll, next_beat - time.monotonic()))
            behind = True  # nothing heard within the poll: read anyway, in case
            async for notify in conn.notifies(timeout=wait, stop_after=1):
                behind = not self._take_notice(notify.payload, emit)

    def _take_notice(self, text: str, emit: Callable[[CallUpdate], None]) -> bool:
        """Handle the event a NOTIFY carries when it is the next one; False when the
        store must be read (a gap, or a notice too big to carry its event)."""
        notice = read_notice(text)
        if notice is None:
            return False
        last = self.last_seen or 0
        if notice.event_id <= last:
            return True  # read already, with the events before it
        if not notice.whole or notice.event_id != last + 1:
            return False
        self.last_seen = notice.event_id
        self._handle(notice.kind, notice.payload, emit)
        return True

    async def _read_new(self, conn, emit: Callable[[CallUpdate], None]) -> None:
        while True:
            cur = await conn.execute(
                "SELECT id, kind, payload FROM call_events WHERE id > %s ORDER BY id LIMIT %s",
                (self.last_seen or 0, BATCH))
            rows = await cur.fetchall()
            for event_id, kind, payload in rows:
                self.last_seen = event_id  # before handling: a bad row is skipped, not retried forever
                self._handle(kind, payload, emit)
            if len(rows) < BATCH:
                return

    # -- one event ----------------------------------------------------------------------------

    def _handle(self, kind: str, payload, emit: Callable[[CallUpdate], None] | None) -> None:
        try:
            if kind == KIND_CALL:
                self._on_call(payload, emit)
            elif self.queue_board is not None:
                self._on_queue_event(kind, payload)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.warning("relay: skipped an event that is not one (%s: %s)", kind, bounded(str(exc), 100))

    def _on_call(self, payload: dict, emit: Callable[[CallUpdate], None] | None) -> None:
        update = call_update(payload)
        board = self.queue_board
        if board is not None and payload.get("source") != "ami":  # AMI boards read the queue events
            board.handle_update(update)
        if emit is None:
            return
        caller = payload.get("caller")
        self._callers[update.call_id] = caller if isinstance(caller, dict) else None
        self._callers.move_to_end(update.call_id)
        while len(self._callers) > MEMORY:
            self._callers.popitem(last=False)
        emit(update)  # kept after the call ends: a printer may read it after this returns

    def _on_queue_event(self, kind: str, payload) -> None:
        from cti_desk.telephony.ami.message import Message

        board = self.queue_board
        if kind == KIND_QUEUE:
            pairs = [(bounded(str(k), 80), bounded(str(v), 1000)) for k, v in payload["pairs"]]
            board.handle_ami(Message(pairs))
        elif kind == KIND_RESYNC:
            board.resync_started()
        elif kind == KIND_AGENT:
            board.agent_state(str(payload["queue"]), str(payload["interface"]), str(payload["state"]),
                              bool(payload["paused"]))

    async def _replay_board(self, conn, newest: int) -> None:
        """The board as the relay's events of today leave it (from local midnight: the
        relay re-reads QueueStatus just after it, so the members are there), counts with
        the PBX's own HoldTimes, as a direct board that had run all day."""
        midnight = utc_naive(self._clock().replace(hour=0, minute=0, second=0, microsecond=0))
        cur = await conn.execute("SELECT min(id) FROM call_events WHERE at >= %s AND id <= %s",
                                 (midnight, newest))
        first = (await cur.fetchone())[0]
        if first is None:
            return
        after, replayed = first - 1, 0
        while True:
            cur = await conn.execute(
                "SELECT id, kind, payload FROM call_events WHERE id > %s AND id <= %s ORDER BY id LIMIT %s",
                (after, newest, BATCH))
            rows = await cur.fetchall()
            for event_id, kind, payload in rows:
                after = event_id
                self._handle(kind, payload, None)
            replayed += len(rows)
            if len(rows) < BATCH:
                break
        log.info("relay: queue figures caught up from %d events of today", replayed)


async def _close(conn) -> None:
    try:
        async with asyncio.timeout(1.0):
            await conn.close()
    except (Exception, TimeoutError):
        log.debug("relay subscriber connection closed uncleanly")


def _why(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "the store did not answer in time"
    text = next((ln.strip() for ln in str(exc).splitlines() if ln.strip()), "")
    return bounded(text or type(exc).__name__, 200)
