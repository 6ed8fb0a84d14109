"""One operator seat of a load run (scripts/load_run.py), headless: a real `--source relay`
subscriber for its `--agent`, doing through the services what the operator window does.

Every call update the relay publishes is routed as the window routes it
(services/routing.SeatRouter); a pop loads the caller's record (history.pop_for_caller);
a call answered at this phone gets, for some, an order with a draft key
(orders.place_order), and when it ends a wrap-up (inquiries.save_wrapup). While the
store does not answer both wait as the window's do: the wrap-up journaled as queued
(services/drafts.py), the order journaled before its first attempt
(services/order_journal.py) and placed with `place_waiting` (same key) once a probe
(services/health.store_health, every 2 s as qt/store_recovery) finds the store back.

Everything it sees and does goes to --log, one JSON object per line (load_run checks
them against the store). SIGTERM: stop reading, finish what waits (bounded), write a
`done` line, exit 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import random
import resource
import signal
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.delivery import DeliveryCalendar, DraftLine, OrderDraft
from cti_desk.domain.link import LinkPhase, LinkState
from cti_desk.services.drafts import CallDraft, DraftJournal
from cti_desk.services.health import store_health, store_unavailable
from cti_desk.services.history import pop_for_caller
from cti_desk.services.inquiries import DISPOSITIONS, CallRef, WrapUp, save_wrapup
from cti_desk.services.journal_file import store_key
from cti_desk.services.order_journal import OrderJournal, WaitingOrder, place_waiting
from cti_desk.services.order_outcome import StoreFailed, new_draft_key
from cti_desk.services.orders import OrderRejected, customer_for_order, japan_day, place_order
from cti_desk.services.routing import Action, SeatRouter
from cti_desk.store.db import Store
from cti_desk.telephony.link import run_reporting
from cti_desk.telephony.relay_source import RelaySource
from cti_desk.telephony.relay_wire import connect_args
from cti_desk.telephony.sources import parse_source

PROBE_SECONDS = 2.0  # qt/store_recovery.RETRY_MS
DRAIN_SECONDS = 60.0  # at a stop, how long what waits for the store may still take
FALLBACK_ADDRESS = ("1500002", "東京都", "渋谷区", "渋谷1-2-3")  # a real postal code


def utc_naive(ts: datetime) -> datetime:
    return ts.astimezone(UTC).replace(tzinfo=None)


@dataclass(slots=True)
class SeatCall:
    call_id: str
    started_at: datetime  # naive UTC: the first update this seat had
    raw_number: str | None
    answered: bool = False
    ordered: bool = False


class SeatLog:
    def __init__(self, path: Path) -> None:
        self._out = path.open("a", encoding="utf-8")

    def write(self, kind: str, **fields) -> None:
        self._out.write(json.dumps({"kind": kind, "t": time.time(), **fields}, ensure_ascii=False) + "\n")
        self._out.flush()

    def close(self) -> None:
        self._out.close()


class LoadSeat:
    def __init__(self, args: argparse.Namespace, store: Store, log: SeatLog) -> None:
        self.agent = args.agent
        self.operator = "load-" + args.agent.rsplit("/", 1)[-1]
        self.store, self.log = store, log
        self.order_share = args.order_share
        self.order_delay, self.wrapup_delay = args.order_delay, args.wrapup_delay
        self.rng = random.Random(args.seed)
        self.router = SeatRouter(self.agent)
        self.source = RelaySource(parse_source("relay"), connect_args(args.db, "cti-desk load seat"))
        self.key = store_key(store)
        self.drafts = DraftJournal.in_folder(args.journal)
        self.orders = OrderJournal.in_folder(args.journal)
        self.calendar = DeliveryCalendar()
        self.calls: dict[str, SeatCall] = {}
        self.work: set[asyncio.Task] = set()
        self.catalogue: list[tuple[int, int, int]] = []  # product, location, price
        self.customers: list[int] = []
        self.lead_days = 1
        self.ready = False
        self.last_answered: SeatCall | None = None
        self.save_now = asyncio.Event()  # set by SIGUSR1: what is being typed is saved now

    # -- start -------------------------------------------------------------------------------
    def load_catalogue(self) -> None:
        """What the order form would offer: stocked lines, customers, the longest lead time."""
        with self.store.session() as s:
            self.catalogue = [tuple(r) for r in s.execute(text(
                "SELECT sl.product_id, sl.location_id, p.price FROM stock_levels sl "
                "JOIN products p ON p.id = sl.product_id WHERE sl.on_hand - sl.reserved >= 20 "
                "ORDER BY sl.product_id, sl.location_id"))]
            self.customers = list(s.scalars(text("SELECT id FROM customers ORDER BY id LIMIT 2000")))
            self.lead_days = int(s.scalar(text("SELECT coalesce(max(lead_days), 1) FROM locations")))
        if not self.catalogue or not self.customers:
            raise SystemExit("load seat: the store has no stock or no customers (run demo-data first)")

    def on_link(self, state: LinkState) -> None:
        self.log.write("link", phase=state.phase.value, reason=state.reason)
        if state.phase is LinkPhase.CONNECTED and not self.ready:
            self.ready = True
            self.log.write("ready", agent=self.agent, last_seen=self.source.last_seen)

    # -- every update the relay publishes ------------------------------------------------------
    def emit(self, u: CallUpdate) -> None:
        recv = time.time()
        decision = self.router.route(u)
        self.log.write("event", id=self.source.last_seen, call=u.call_id, state=u.state.value,
                       changed=u.state_changed, ringing_at=sorted(u.ringing_at), agent=u.agent,
                       at=u.ts.timestamp(), recv=recv, action=decision.action.value)
        if decision.action is Action.IGNORE:
            return
        call = self.calls.get(u.call_id)
        if call is None:
            call = self.calls[u.call_id] = SeatCall(u.call_id, utc_naive(u.ts), u.raw_number)
            if decision.action in (Action.POP, Action.ANNOUNCE):
                self.spawn(self.pop(call))
        if u.state is CallState.ANSWERED and u.state_changed and u.agent == self.agent:
            call.answered = True
            self.last_answered = call
            if self.rng.random() < self.order_share:
                call.ordered = True
                self.spawn(self.order(call))
        elif u.state is CallState.ENDED and u.state_changed and call.answered:
            self.spawn(self.wrap_up(call, utc_naive(u.ts)))
        elif u.state is CallState.MISSED or decision.action is Action.WITHDRAW:
            self.calls.pop(u.call_id, None)

    def spawn(self, coro) -> None:
        task = asyncio.create_task(coro)
        self.work.add(task)
        task.add_done_callback(self.work.discard)

    def act_now(self) -> None:
        """SIGUSR1 (load_run sends it as it stops the store): the operator saves the wrap-ups
        being typed and places an order for the last call answered here, now."""
        self.log.write("act_now", call=self.last_answered.call_id if self.last_answered else None)
        self.save_now.set()
        self.save_now = asyncio.Event()
        if self.last_answered is not None:
            self.last_answered.ordered = True
            self.spawn(self.order(self.last_answered, at_once=True))

    async def until_store_answers(self) -> None:
        while not (await asyncio.to_thread(store_health, self.store)).ok:
            await asyncio.sleep(PROBE_SECONDS)

    # -- the pop ------------------------------------------------------------------------------
    async def pop(self, call: SeatCall) -> None:
        started = time.monotonic()
        try:
            pop = await asyncio.to_thread(pop_for_caller, self.store, call.raw_number, self.operator, call.call_id)
        except Exception as exc:  # the window shows the PBX's number and fills in later
            self.log.write("pop", call=call.call_id, ok=False, error=type(exc).__name__)
            return
        self.log.write("pop", call=call.call_id, ok=True, ms=round((time.monotonic() - started) * 1000, 1),
                       resolution=pop.match.resolution.value)

    # -- an order during the call ----------------------------------------------------------------
    def _draft(self, customer_id: int, address: tuple[str, str, str, str]) -> OrderDraft:
        lines = []
        for product_id, location_id, price in self.rng.sample(self.catalogue, self.rng.choice((1, 1, 2))):
            lines.append(DraftLine(product_id, self.rng.randint(1, 3), price, location_id))
        postal, prefecture, city, line1 = address
        today = japan_day(datetime.now(UTC).replace(tzinfo=None))
        return OrderDraft(
            customer_id=customer_id, lines=lines, recipient="ロード テスト", phone="03-1234-5678",
            postal_code=postal, prefecture=prefecture, city=city, line1=line1,
            delivery_date=self.calendar.earliest(today, self.lead_days + 1), operator=self.operator)

    def _who_orders(self, call: SeatCall) -> tuple[int, tuple[str, str, str, str]]:
        """The caller when the relay found exactly one customer, else one the operator
        looked up; the first address on file (blocking)."""
        caller = self.source.caller(call.call_id) or {}
        ids = caller.get("customer_ids") or []
        customer_id = ids[0] if len(ids) == 1 else self.rng.choice(self.customers)
        try:
            found = customer_for_order(self.store, customer_id)
        except Exception:  # the store is away: the operator types the address
            found = None
        for a in (found.addresses if found else []):
            if a["postal_code"] and a["prefecture"] and a["city"] and a["line1"]:
                return customer_id, (a["postal_code"], a["prefecture"], a["city"], a["line1"])
        return customer_id, FALLBACK_ADDRESS

    async def order(self, call: SeatCall, at_once: bool = False) -> None:
        if not at_once:
            await asyncio.sleep(self.rng.uniform(*self.order_delay))  # the operator fills in the form
        customer_id, address = await asyncio.to_thread(self._who_orders, call)
        waiting = WaitingOrder(new_draft_key(), self._draft(customer_id, address),
                               call=CallRef(call.call_id, call.started_at, call.raw_number))
        lines = [[ln.product_id, ln.location_id, ln.quantity] for ln in waiting.draft.lines]
        self.log.write("order_attempt", key=waiting.key, call=call.call_id, lines=lines)
        self.orders.put(self.key, waiting)  # on disk before the attempt, as the form does
        started, attempts = time.monotonic(), 1
        try:
            placed = await asyncio.to_thread(place_order, self.store, waiting.draft, key=waiting.key,
                                             call=waiting.call)
        except StoreFailed as exc:
            self.log.write("order_waits", key=waiting.key, call=call.call_id, why=type(exc).__name__)
            placed = None
            while placed is None:
                await self.until_store_answers()
                attempts += 1
                attempt = await asyncio.to_thread(place_waiting, self.store, waiting, self.calendar)
                if attempt.refused is not None:
                    return self._refused(waiting, attempt.refused)
                placed = attempt.placed
        except OrderRejected as exc:
            return self._refused(waiting, exc)
        self.orders.remove(self.key, waiting.key)
        self.log.write("order_placed", key=waiting.key, call=call.call_id, order_no=placed.order_no,
                       order_id=placed.id, lines=[list(x) for x in placed.lines], found=placed.found,
                       attempts=attempts, waited_s=round(time.monotonic() - started, 3))

    def _refused(self, waiting: WaitingOrder, exc: OrderRejected) -> None:
        self.orders.remove(self.key, waiting.key)
        self.log.write("order_refused", key=waiting.key, call=waiting.call.call_id if waiting.call else None,
                       why=type(exc).__name__, detail=str(exc)[:200])

    # -- the wrap-up ----------------------------------------------------------------------------
    async def wrap_up(self, call: SeatCall, ended_at: datetime) -> None:
        disposition = "order_placed" if call.ordered else self.rng.choice(
            [d for d in DISPOSITIONS if d != "order_placed"])
        notes = f"load run {self.operator}: call {call.call_id}\n{self.rng.randrange(10**9)}"
        w = WrapUp(call.call_id, self.operator, call.started_at, caller_number=call.raw_number,
                   closed_at=ended_at, notes=notes, disposition=disposition)
        draft = CallDraft(call.call_id, call.started_at.replace(tzinfo=UTC), None, call.raw_number, "", "", w,
                          ended_at=ended_at.replace(tzinfo=UTC))
        self.drafts.put(self.key, draft)  # what the operator types, on disk
        try:  # typing, then Save
            await asyncio.wait_for(self.save_now.wait(), self.rng.uniform(*self.wrapup_delay))
        except TimeoutError:
            pass
        started, attempts, queued = time.monotonic(), 0, False
        while True:
            attempts += 1
            try:
                inquiry_id = await asyncio.to_thread(save_wrapup, self.store, w, actor=self.operator)
                break
            except Exception as exc:
                if not store_unavailable(exc):
                    self.log.write("wrapup_failed", call=call.call_id, error=f"{type(exc).__name__}: {exc}"[:300])
                    return
                if not queued:  # saved while the store does not answer: written once it does
                    queued = draft.queued = True
                    self.drafts.put(self.key, draft)
                    self.log.write("wrapup_waits", call=call.call_id)
                await self.until_store_answers()
        self.drafts.remove(self.key, call.call_id)
        self.router.wrapped_up(call.call_id)
        self.calls.pop(call.call_id, None)
        self.log.write("wrapup_saved", call=call.call_id, inquiry_id=inquiry_id, notes=notes,
                       disposition=disposition, attempts=attempts, waited_s=round(time.monotonic() - started, 3))

    # -- the run ----------------------------------------------------------------------------------
    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        loop.add_signal_handler(signal.SIGUSR1, self.act_now)
        reading = asyncio.create_task(run_reporting(self.source, self.emit, self.on_link))
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({reading, stopping}, return_when=asyncio.FIRST_COMPLETED)
        reading.cancel()
        await asyncio.gather(reading, return_exceptions=True)
        if reading.done() and not reading.cancelled() and reading.exception() is not None:
            self.log.write("source_failed", error=repr(reading.exception())[:300])
        unfinished = 0
        if self.work:
            _done, pending = await asyncio.wait(set(self.work), timeout=DRAIN_SECONDS)
            unfinished = len(pending)
        self.drafts.flush()
        self.orders.flush()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.log.write("done", last_seen=self.source.last_seen, unfinished=unfinished,
                       drafts_left=len(self.drafts.load(self.key)),
                       orders_left=len(self.orders.load(self.key)),
                       cpu_s=round(usage.ru_utime + usage.ru_stime, 2), max_rss_mb=round(usage.ru_maxrss / 1024))
        self.drafts.close()
        self.orders.close()


def _span(text_: str) -> tuple[float, float]:
    low, _, high = text_.partition(",")
    span = (float(low), float(high or low))
    if not 0 <= span[0] <= span[1]:
        raise argparse.ArgumentTypeError("MIN,MAX seconds, 0 <= MIN <= MAX")
    return span


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", required=True, help="postgresql+psycopg://... (the relay's store)")
    p.add_argument("--agent", required=True, help="this seat's phone, e.g. PJSIP/2001")
    p.add_argument("--log", type=Path, required=True, help="JSON lines of what this seat saw and did")
    p.add_argument("--journal", type=Path, required=True, help="folder of this seat's local journals")
    p.add_argument("--order-share", type=float, default=0.3, help="answered calls that place an order")
    p.add_argument("--order-delay", type=_span, default=(0.2, 2.0), metavar="MIN,MAX",
                   help="seconds from the answer to placing the order")
    p.add_argument("--wrapup-delay", type=_span, default=(0.5, 2.0), metavar="MIN,MAX",
                   help="seconds from the call's end to saving its wrap-up")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    store = Store(args.db)
    log = SeatLog(args.log)
    try:
        seat = LoadSeat(args, store, log)
        seat.load_catalogue()
        asyncio.run(seat.run())
    finally:
        log.close()
        store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
