"""Delivery orders to the order management system: a persistent outbox.

The order and its outbox row are written in one transaction (services.orders), as is an
operator's cancel and its row (services.order_life). This dispatcher sends due rows, an
order as `POST {oms}/orders` with `Idempotency-Key: <order_no>`, a cancel as
`POST {oms}/orders/{order_no}/cancel` with `Idempotency-Key: <order_no>-cancel`, and keeps
what happened in the row itself, so a restart, a crash or a second seat carries on where
the last attempt stopped:

- 2xx -> sent. 5xx, 408, 429, timeouts, refused connections -> retried with
  exponential backoff and jitter (`next_attempt_at`). Other 4xx -> failed: a person
  must look; `retry_now` puts it back in the queue.
- A row is claimed before it is sent (`next_attempt_at` moved one lease ahead with a
  conditional UPDATE), so two seats never send the same row at the same time; if a
  seat dies mid-send the lease runs out and another seat sends it again with the same
  key, which the OMS de-duplicates.
- A cancel is never sent before its order: while the order's own row is not sent yet
  (waiting, retrying, failed), the cancel waits behind it, whatever its own due time.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.orm import aliased

from cti_desk.domain.text import bounded
from cti_desk.store.db import Store
from cti_desk.store.models import OutboxMessage

if TYPE_CHECKING:  # requests (90 ms) loads with a dispatcher, not with every window
    import requests

log = logging.getLogger(__name__)

PENDING, SENT, FAILED = "pending", "sent", "failed"
ORDER, CANCEL = "order", "cancel"  # topics
CANCEL_SUFFIX = "-cancel"  # a cancel's key: <order_no>-cancel
RETRYABLE_4XX = frozenset({408, 425, 429})


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Delay before attempt n+1 after n failures: base * factor**(n-1), capped, +-jitter."""

    base: float = 2.0
    factor: float = 2.0
    cap: float = 600.0
    jitter: float = 0.2  # fraction of the delay, both ways

    def delay(self, failures: int, rng: random.Random | None = None) -> float:
        raw = min(self.cap, self.base * self.factor ** max(failures - 1, 0))
        spread = raw * self.jitter
        return max(0.0, raw + (rng or random).uniform(-spread, spread))


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # sent | retry | failed
    error: str = ""
    retry_after: float | None = None


def classify(response: requests.Response | None, error: BaseException | None = None) -> Outcome:
    if error is not None:
        import requests

        kind = "timeout" if isinstance(error, requests.Timeout) else "connection"
        return Outcome("retry", f"{kind}: {type(error).__name__}")
    assert response is not None
    code = response.status_code
    if 200 <= code < 300:
        return Outcome(SENT)
    body = bounded(response.text, 300).strip()
    message = f"HTTP {code}" + (f": {body}" if body else "")
    retry_after = None
    header = response.headers.get("Retry-After", "")
    if header.strip().isdigit():
        retry_after = float(header.strip())
    if code >= 500 or code in RETRYABLE_4XX or code < 200 or 300 <= code < 400:
        return Outcome("retry", message, retry_after)
    return Outcome(FAILED, message)


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: int
    key: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str
    sent_at: datetime | None


def list_outbox(store: Store, limit: int = 50) -> list[OutboxRow]:
    """The newest outbox entries, for the operator's list."""
    with store.session() as s:
        rows = s.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)).all()
        return [OutboxRow(r.id, r.idempotency_key, r.status, r.attempts, r.next_attempt_at,
                          r.last_error, r.sent_at) for r in rows]


def outbox_row(store: Store, key: str) -> OutboxRow | None:
    with store.session() as s:
        r = s.scalars(select(OutboxMessage).where(OutboxMessage.idempotency_key == key)).first()
        if r is None:
            return None
        return OutboxRow(r.id, r.idempotency_key, r.status, r.attempts, r.next_attempt_at,
                         r.last_error, r.sent_at)


def retry_now(store: Store, outbox_id: int, now: datetime | None = None) -> bool:
    """Put a failed (or waiting) message back in the queue, due at once."""
    now = now or utcnow()
    with store.transaction() as s:
        result = s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == outbox_id, OutboxMessage.status.in_((FAILED, PENDING)))
            .values(status=PENDING, next_attempt_at=now)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1


def _waits_for_its_order():
    """True for a cancel whose order's own message is there and not sent yet (found through
    the unique key index: the cancel's key without its suffix)."""
    order = aliased(OutboxMessage)
    order_key = func.substr(OutboxMessage.idempotency_key, 1,
                            func.length(OutboxMessage.idempotency_key) - len(CANCEL_SUFFIX))
    return and_(OutboxMessage.topic == CANCEL,
                exists().where(order.idempotency_key == order_key, order.status != SENT))


class OutboxDispatcher:
    """Sends due outbox rows to the OMS. Qt-free; `start()` runs it on its own thread."""

    def __init__(
        self,
        store: Store,
        oms_url: str,
        *,
        http: requests.Session | None = None,
        timeout: tuple[float, float] = (3.05, 10.0),
        backoff: Backoff = Backoff(),
        lease: timedelta = timedelta(seconds=60),
        batch: int = 20,
        clock: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
        idle_interval: float = 2.0,
        on_result: Callable[[str, str], None] | None = None,
    ) -> None:
        self.store = store
        self.url = oms_url.rstrip("/") + "/orders"
        if http is None:
            import requests

            http = requests.Session()
        self.http = http
        self.timeout = timeout
        self.backoff = backoff
        self.lease = lease
        self.batch = batch
        self.clock = clock
        self.rng = rng or random.Random()
        self.idle_interval = idle_interval
        # Called on the dispatcher's thread with (order_no, sent|retry|failed).
        self.on_result = on_result
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    # --- one round ---------------------------------------------------------------

    def due(self, now: datetime) -> list[int]:
        with self.store.session() as s:
            return list(s.scalars(
                select(OutboxMessage.id)
                .where(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now,
                       ~_waits_for_its_order())
                .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
                .limit(self.batch)
            ))

    def claim(self, outbox_id: int, now: datetime) -> tuple[str, dict, str] | None:
        """Take the row for one lease; None if another seat has it or it is no longer due."""
        with self.store.transaction() as s:
            result = s.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == outbox_id, OutboxMessage.status == PENDING,
                       OutboxMessage.next_attempt_at <= now, ~_waits_for_its_order())
                .values(next_attempt_at=now + self.lease)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:
                return None
            row = s.execute(
                select(OutboxMessage.idempotency_key, OutboxMessage.payload, OutboxMessage.topic)
                .where(OutboxMessage.id == outbox_id)
            ).one()
            return row[0], row[1], row[2]

    def target(self, key: str, topic: str = ORDER) -> str:
        """Where a message goes: the orders, or the order's cancel."""
        if topic == CANCEL and key.endswith(CANCEL_SUFFIX):
            return f"{self.url}/{quote(key.removesuffix(CANCEL_SUFFIX), safe='')}/cancel"
        return self.url

    def send(self, key: str, payload: dict, topic: str = ORDER) -> Outcome:
        import requests

        try:
            response = self.http.post(
                self.target(key, topic), json=payload, timeout=self.timeout,
                headers={"Idempotency-Key": key}, allow_redirects=False,
            )
        except requests.RequestException as exc:
            return classify(None, exc)
        return classify(response)

    def record(self, outbox_id: int, outcome: Outcome, now: datetime) -> None:
        with self.store.transaction() as s:
            msg = s.get(OutboxMessage, outbox_id)
            if msg is None:
                return
            msg.attempts += 1
            if outcome.status == SENT:
                msg.status, msg.sent_at, msg.last_error = SENT, now, ""
            elif outcome.status == FAILED:
                msg.status, msg.last_error = FAILED, outcome.error
            else:
                delay = self.backoff.delay(msg.attempts, self.rng)
                if outcome.retry_after is not None:
                    delay = max(delay, min(outcome.retry_after, self.backoff.cap))
                msg.next_attempt_at = now + timedelta(seconds=delay)
                msg.last_error = outcome.error

    def run_once(self, now: datetime | None = None) -> int:
        """Send every due row once; returns how many reached the OMS."""
        sent = 0
        for outbox_id in self.due(now or self.clock()):
            if self._stop.is_set():  # quitting: a slow OMS must not hold the window open for the whole batch
                break
            claimed = self.claim(outbox_id, now or self.clock())
            if claimed is None:
                continue
            key, payload, topic = claimed
            outcome = self.send(key, payload, topic)
            self.record(outbox_id, outcome, now or self.clock())
            if outcome.status == SENT:
                sent += 1
                log.info("%s %s sent to the OMS", topic, key)
            else:
                log.warning("%s %s not sent (%s): %s", topic, key, outcome.status, outcome.error)
            if self.on_result is not None:
                self.on_result(key, outcome.status)
        return sent

    # --- the loop --------------------------------------------------------------------

    def wake(self) -> None:
        """Send now (an order was just placed or a retry asked for)."""
        self._wake.set()

    def run_forever(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()  # before the round: a wake during it means one more round
            try:
                self.run_once()
            except Exception as exc:  # the store may be briefly away; keep the loop alive
                log.warning("outbox round failed: %s", type(exc).__name__)
            self._wake.wait(self.idle_interval)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self.run_forever, name="cti-desk-outbox", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None


# --- what the operator sees of the outbox (the status bar indicator) ---------------------


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    waiting: int  # orders not yet taken by the OMS (pending)
    retrying: int  # of those, tried and not taken yet (the OMS was down, slow, 5xx...)
    failed: int  # refused by the OMS: a person must look
    last_error: str  # the newest waiting or failed order's error, bounded; "" if none

    @property
    def quiet(self) -> bool:
        return self.waiting == 0 and self.failed == 0


def outbox_status(store: Store) -> OutboxStatus:
    """Counts of unsent orders and the newest error, in two small queries."""
    from sqlalchemy import case, func

    open_states = (PENDING, FAILED)
    with store.session() as s:
        counts = s.execute(
            select(
                OutboxMessage.status,
                func.count(),
                func.coalesce(func.sum(case((OutboxMessage.attempts > 0, 1), else_=0)), 0),
            )
            .where(OutboxMessage.status.in_(open_states))
            .group_by(OutboxMessage.status)
        ).all()
        last_error = s.scalar(
            select(OutboxMessage.last_error)
            .where(OutboxMessage.status.in_(open_states), OutboxMessage.last_error != "")
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        )
    by_status = {status: (int(n), int(tried)) for status, n, tried in counts}
    waiting, retrying = by_status.get(PENDING, (0, 0))
    failed, _ = by_status.get(FAILED, (0, 0))
    return OutboxStatus(waiting, retrying, failed, bounded(last_error or "", 300))
