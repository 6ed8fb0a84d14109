"""`cti-desk relay`: the one link to the PBX for many seats (CONTRACT.md "Many seats").

Read top to bottom: standby until this relay holds the store's advisory lock, then a
shift: run the call source, look each caller up once, publish every call update (and the
queue events the queue boards read) through PostgreSQL (telephony/relay_publish.py), and
write the call log. Every statement goes through one loop on the lock's own connection,
which also beats the heartbeat every 2 s, so a lost store is noticed within seconds even
when no call comes.

Losing the store keeps the PBX link and holds the updates in order; once it answers and
the lock is ours again, they go out if nobody published meanwhile, else the shift starts
again from the PBX (adopting the calls the store has open, then the PBX's re-sync). A
relay that finds the lock taken stands by. One line on stderr per takeover, loss and
recovery. SIGINT/SIGTERM: the source is cancelled (Logoff), what is held is published,
the lock released, exit 0.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections import deque
from datetime import datetime, timedelta

from cti_desk.app.errors import describe, run_source_command
from cti_desk.domain.calls import CallUpdate
from cti_desk.domain.errors import BadArgument
from cti_desk.domain.link import LinkPhase, LinkState
from cti_desk.domain.phone import normalize
from cti_desk.services.caller_lookup import DeadlineLookup
from cti_desk.services.calllog_writer import CallLogWriter
from cti_desk.telephony.link import run_reporting
from cti_desk.telephony.queues import AMI_EVENTS
from cti_desk.telephony.relay_publish import RelayLeader, StoreLost
from cti_desk.telephony.relay_wire import (
    BEAT_SECONDS,
    KIND_AGENT,
    KIND_QUEUE,
    KIND_RESYNC,
    connect_args,
)
from cti_desk.telephony.sources import SourceConfig, open_source, parse_source

log = logging.getLogger("cti_desk.relay")

LOCK_POLL = 1.0  # seconds between a standby's tries for the lock
RETRY_FIRST, RETRY_MAX = 0.2, 5.0
MAX_HELD = 20_000  # updates held while the store is away; beyond, the oldest are dropped
PRUNE_EVERY = 3600.0
QUEUES_EVERY = 3600.0  # QueueStatus again (and just after midnight): seats' boards start there
STOP_DRAIN = 2.0  # seconds to publish what is held at a stop


class QueueTap:
    """Stands in for a QueueBoard on the relay's source: what a board would read goes
    out as events, in order with the call updates."""

    def __init__(self, hold) -> None:
        self._hold = hold

    def handle_ami(self, msg) -> None:
        if (msg.event or "").lower() in AMI_EVENTS:
            self._hold((KIND_QUEUE, msg))

    def resync_started(self) -> None:
        self._hold((KIND_RESYNC, None))

    def handle_update(self, _update: CallUpdate) -> None:
        """The call's own event carries it (seats feed their boards from it)."""

    def agent_state(self, queue: str, interface: str, state: str, paused: bool) -> None:
        self._hold((KIND_AGENT, {"queue": queue, "interface": interface, "state": state, "paused": paused}))


class Relay:
    def __init__(self, config: SourceConfig, leader: RelayLeader, lookup: DeadlineLookup,
                 call_log: CallLogWriter, caller_numbers=None) -> None:
        self.config = config
        self.leader = leader
        self.lookup = lookup
        self.call_log = call_log
        self.caller_numbers = caller_numbers
        self.pbx = LinkPhase.STOPPED.value
        self.held: deque = deque()
        self._wake = asyncio.Event()
        self._dropping = False
        self._stop: asyncio.Event | None = None
        self._asking: set[asyncio.Task] = set()

    # -- the whole run ---------------------------------------------------------------------

    async def serve(self, stop: asyncio.Event) -> int:
        self._stop = stop
        try:
            while not stop.is_set():
                if not await self._standby():
                    break
                await self._shift()
        finally:
            await self.leader.release()
            await self.leader.close()
        return 0

    async def _pause(self, seconds: float) -> None:
        """Sleep, but not past a stop."""
        assert self._stop is not None
        try:
            await asyncio.wait_for(self._stop.wait(), seconds)
        except TimeoutError:
            pass

    async def _standby(self) -> bool:
        """Until this relay holds the lock (True), or a stop (False)."""
        leader, stop = self.leader, self._stop
        assert stop is not None
        said_standby, failing, delay = False, False, RETRY_FIRST
        while not stop.is_set():
            try:
                if not leader.connected:
                    await leader.connect()
                if leader.active or await leader.try_lock():
                    if failing:
                        log.warning("relay: the store answers again")
                    how = "took over from the relay that stopped" if said_standby else "no other relay is active"
                    log.warning("relay: active: publishing the calls of %s (%s)", self.config.display(), how)
                    return True
                await leader.beat("standby")
                if not said_standby:
                    peer = await leader.active_peer()
                    log.warning("relay: standby: %s holds the lock; taking over when it stops",
                                peer or "another relay")
                    said_standby = True
                failing, delay = False, RETRY_FIRST
                await self._pause(LOCK_POLL)
            except StoreLost as exc:
                if not failing:
                    log.warning("relay: cannot reach the store (%s); retrying", exc)
                    failing = True
                await self._pause(delay)
                delay = min(delay * 2, RETRY_MAX)
        return False

    # -- a shift: the source runs, its updates are published --------------------------------

    async def _shift(self) -> None:
        stop = self._stop
        assert stop is not None
        source = open_source(self.config, caller_numbers=self.caller_numbers)
        if hasattr(source, "queue_board"):
            source.queue_board = QueueTap(self._hold)
        if hasattr(source, "carried_over"):
            try:
                source.carried_over = await self.leader.open_calls()
            except StoreLost:
                return  # back to standby: the store went away before the shift began
            if source.carried_over:
                log.info("relay: %d calls in progress taken over; the PBX's re-sync follows",
                         len(source.carried_over))
        self.held.clear()
        self.pbx = LinkPhase.CONNECTING.value  # what the first heartbeat of the shift says
        running = asyncio.create_task(run_reporting(source, self._on_update, self._on_link))
        publishing = asyncio.create_task(self._publish_loop(source))
        stopping = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait({running, publishing, stopping}, return_when=asyncio.FIRST_COMPLETED)
            running.cancel()  # the AMI client says Logoff
            await asyncio.gather(running, return_exceptions=True)
            if stop.is_set() and not publishing.done():
                try:  # what the PBX said before the stop still goes out
                    await asyncio.wait_for(self._drained(), STOP_DRAIN)
                except TimeoutError:
                    log.warning("relay: %d updates not published at the stop", len(self.held))
        finally:
            for task in (publishing, stopping):
                task.cancel()
            await asyncio.gather(publishing, stopping, return_exceptions=True)
            self.held.clear()
        if not running.cancelled() and running.exception() is not None:
            raise running.exception()  # a refused login, a port in use: the relay ends
        if not publishing.cancelled() and publishing.exception() is not None:
            raise publishing.exception()

    def _on_update(self, update: CallUpdate) -> None:
        self._hold(("call", update))

    def _on_link(self, state: LinkState) -> None:
        self.pbx = state.phase.value

    def _hold(self, item) -> None:
        self.held.append(item)
        if len(self.held) > MAX_HELD:
            self.held.popleft()
            if not self._dropping:
                self._dropping = True
                log.warning("relay: the store is away and %d updates are held; dropping the oldest", MAX_HELD)
        self._wake.set()

    async def _drained(self) -> None:
        while self.held:
            await asyncio.sleep(0.02)

    async def _publish_loop(self, source) -> None:
        """Every statement of a shift: publish in order, beat, prune, ask for QueueStatus.
        Returns when the lock went to another relay (the shift ends)."""
        leader = self.leader
        next_beat = next_prune = 0.0
        next_queues = _next_queue_reread(datetime.now().astimezone())
        while True:
            try:
                now = time.monotonic()
                if now >= next_beat:
                    await leader.beat(self.pbx)
                    next_beat = now + BEAT_SECONDS
                if now >= next_prune:
                    if removed := await leader.prune():
                        log.info("relay: %d call events past the retention deleted", removed)
                    next_prune = now + PRUNE_EVERY
                if datetime.now().astimezone() >= next_queues:
                    next_queues = _next_queue_reread(datetime.now().astimezone())
                    if callable(getattr(source, "reread_queues", None)):
                        task = asyncio.create_task(_quietly(source.reread_queues()))
                        self._asking.add(task)  # kept until done (the loop holds tasks weakly)
                        task.add_done_callback(self._asking.discard)
                while self.held:
                    await self._publish(self.held[0])
                    self.held.popleft()
                    self._dropping = False
                self._wake.clear()
                try:
                    await asyncio.wait_for(self._wake.wait(), max(0.0, next_beat - time.monotonic()))
                except TimeoutError:
                    pass
            except StoreLost as exc:
                log.warning("relay: lost the store (%s); keeping the PBX link and holding its updates", exc)
                outcome = await self._regain()
                if outcome != "resumed":
                    return
                log.warning("relay: the store answers again; publishing the %d updates held", len(self.held))
                next_beat = 0.0

    async def _publish(self, item) -> None:
        kind, what = item
        leader = self.leader
        if kind == "call":
            match = await self.lookup.match(what)
            news = await leader.publish_update(what, caller_json(what, match, self.config.outside_line))
            if news is not None:
                self.call_log.submit(news, match)
        elif kind == KIND_QUEUE:
            call_id = what.get("Linkedid") or what.get("Uniqueid") or ""
            await leader.publish(KIND_QUEUE, call_id, (what.event or "")[:10], {"pairs": what.pairs})
        else:
            await leader.publish(kind, "", kind, what or {})

    async def _regain(self) -> str:
        """After a loss: `resumed` (the lock is ours again and nobody published meanwhile),
        `restart` (ours, but another relay published: start again from the PBX), or
        `standby` (another relay holds it, or a stop)."""
        leader, stop = self.leader, self._stop
        assert stop is not None
        delay = RETRY_FIRST
        last = leader.last_id
        while not stop.is_set():
            try:
                await leader.connect()
                if not await leader.try_lock():
                    peer = await leader.active_peer()
                    log.warning("relay: standby: %s took over while the store was away", peer or "another relay")
                    return "standby"
                if await leader.newest_id() == last:
                    return "resumed"
                log.warning("relay: another relay published while the store was away; "
                            "starting again from the PBX")
                return "restart"
            except StoreLost:
                await self._pause(delay)
                delay = min(delay * 2, RETRY_MAX)
        return "standby"


def caller_json(update: CallUpdate, match, outside_line: str | None) -> dict:
    """The relay's lookup as published with the update (what `monitor` prints)."""
    if match is None:  # the store did not answer in time: the number, unresolved
        number = normalize(update.raw_number, outside_line_prefix=outside_line)
        return {"number": number.e164, "resolution": None, "customer_ids": []}
    return {"number": match.number.e164, "resolution": match.resolution.value,
            "customer_ids": list(match.customer_ids)}


def _next_queue_reread(now: datetime) -> datetime:
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=5, microsecond=0)
    return min(now + timedelta(seconds=QUEUES_EVERY), midnight)


async def _quietly(coro) -> None:
    try:
        await coro
    except Exception as exc:  # the link dropped meanwhile: the next login re-reads anyway
        log.debug("QueueStatus again failed: %s", exc)


async def _serve(relay: Relay) -> int:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return await relay.serve(stop)


def run_relay(source_url: str, db_url: str) -> int:
    from cti_desk.app.monitor import _caller_numbers, _lookup_for
    from cti_desk.store.db import open_store

    config = parse_source(source_url)  # malformed -> BadArgument -> exit 2
    if config.kind == "relay":
        raise BadArgument("the relay takes its calls from the PBX: --source ami://..., webhook://... or sim://")
    args = connect_args(db_url, "cti-desk relay")  # not PostgreSQL -> exit 2
    store = open_store(db_url)  # the schema brought up to date (call_events, relay_heartbeats)
    lookup = _lookup_for(store, config.outside_line)
    call_log = CallLogWriter(store, describe=describe)
    leader = RelayLeader(args, config.display())
    relay = Relay(config, leader, lookup, call_log, _caller_numbers(store, config.seed))
    try:
        return run_source_command(_serve(relay))
    finally:
        lookup.close()
        if not call_log.close(timeout=2 * lookup.deadline):
            log.info("the call log was still waiting on the store at exit")
        store.dispose()
