"""Orders waiting for the store: an order the operator placed while the store did not
answer is kept on this computer and placed once the store answers again, exactly once.

The journal (services/journal_file.py: fsynced, its own writer thread) holds the order
draft with its key. Placing it again is always safe: the key is stored unique with the
order, so an attempt whose answer was lost (the store committed, the desk never heard;
or the desk was killed between the store's commit and the journal's removal) is found
instead of placed twice (services/orders.place_order). A waiting order is therefore
placed with `after_unknown_outcome=True` every time: whether an earlier attempt reached
the store is never known here.
"""

from __future__ import annotations

import json
import logging
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

from cti_desk.domain.delivery import DeliveryCalendar, DraftLine, OrderDraft
from cti_desk.domain.text import bounded
from cti_desk.services.journal_file import JournalFile
from cti_desk.services.order_outcome import StoreFailed
from cti_desk.services.orders import OrderRejected, PlacedOrder, place_order
from cti_desk.services.wrapup_record import CallRef
from cti_desk.store.db import Store

log = logging.getLogger(__name__)

FILE_NAME = "order-drafts.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    store TEXT NOT NULL,
    draft_key TEXT NOT NULL,
    written_at TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (store, draft_key)
)
"""


@dataclass(slots=True)
class WaitingOrder:
    """An order draft with its key, as the operator placed it, waiting for the store."""

    key: str  # the draft's key: a second attempt finds the first one's order
    draft: OrderDraft
    call: CallRef | None = None
    customer_name: str = ""  # as the form showed it (for the list of waiting orders)
    taken_at: datetime = field(default_factory=lambda: datetime.now().astimezone())  # aware
    # Why a later attempt refused it (out of stock, a date gone by), in the operator's
    # language: not placed by itself again, the operator takes it back into the form.
    refused: str = ""


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def to_json(w: WaitingOrder) -> str:
    d = asdict(w.draft)
    d["delivery_date"] = w.draft.delivery_date.isoformat() if w.draft.delivery_date else None
    call = None
    if w.call is not None:
        call = {"call_id": w.call.call_id, "started_at": w.call.started_at.isoformat(),
                "caller_number": w.call.caller_number,
                "ended_at": w.call.ended_at.isoformat() if w.call.ended_at else None}
    return json.dumps({"key": w.key, "draft": d, "call": call, "customer_name": w.customer_name,
                       "taken_at": w.taken_at.isoformat(), "refused": w.refused}, ensure_ascii=False)


def from_json(text: str) -> WaitingOrder:
    """A journaled order; ValueError/KeyError/TypeError for a row that is not one."""
    body = json.loads(text)
    d = dict(body["draft"])
    lines = [DraftLine(**line) for line in d.pop("lines")]
    known = set(OrderDraft.__dataclass_fields__)
    d = {k: v for k, v in d.items() if k in known}  # a newer cti-desk may journal more
    d["delivery_date"] = date.fromisoformat(d["delivery_date"]) if d.get("delivery_date") else None
    draft = OrderDraft(lines=lines, **d)
    if not draft.lines or not isinstance(draft.customer_id, int):
        raise ValueError("an order without lines or customer")
    c = body.get("call")
    call = None
    if c:
        started = _time(c["started_at"])
        if started is None:
            raise ValueError("a call without its start")
        call = CallRef(str(c["call_id"]), started, c.get("caller_number"), _time(c.get("ended_at")))
    return WaitingOrder(key=str(body["key"]), draft=draft, call=call,
                        customer_name=str(body.get("customer_name") or ""),
                        taken_at=_time(body.get("taken_at")) or datetime.now().astimezone(),
                        refused=str(body.get("refused") or ""))


class OrderJournal(JournalFile):
    """Waiting orders of one desk, per store."""

    SCHEMA = _SCHEMA
    THREAD = "cti-desk-orders"
    WHAT = "order journal"

    @classmethod
    def in_folder(cls, folder: Path, **kwargs) -> OrderJournal:
        return cls(folder / FILE_NAME, **kwargs)

    def load(self, store: str) -> list[WaitingOrder]:
        """This store's waiting orders, oldest first; unreadable rows are skipped (logged)."""
        waiting = []
        for key, body in self._read("SELECT draft_key, body FROM orders WHERE store = ?", (store,)):
            try:
                waiting.append(from_json(body))
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("waiting order %s unreadable, left in %s: %s", bounded(key, 64), self.path, exc)
        return sorted(waiting, key=lambda w: w.taken_at)

    def put(self, store: str, order: WaitingOrder) -> Future:
        body = to_json(order)
        return self._submit(self._execute,
                            "INSERT INTO orders (store, draft_key, written_at, body) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT (store, draft_key) DO UPDATE SET written_at = excluded.written_at, "
                            "body = excluded.body",
                            (store, order.key, datetime.now().astimezone().isoformat(), body))

    def remove(self, store: str, key: str) -> Future:
        return self._submit(self._execute, "DELETE FROM orders WHERE store = ? AND draft_key = ?", (store, key))


@dataclass(frozen=True, slots=True)
class Attempt:
    """What one attempt at a waiting order came to: exactly one of the three is set."""

    placed: PlacedOrder | None = None  # in the store now (or found there: placed.found)
    refused: OrderRejected | None = None  # nothing placed; the operator must change it
    unanswered: StoreFailed | None = None  # the store did not answer: it keeps waiting


def place_waiting(store: Store, order: WaitingOrder, calendar: DeliveryCalendar | None = None) -> Attempt:
    """Place a waiting order (blocking: run it on a worker). Never raises for the store's
    or the order's sake; anything else is a bug and is raised."""
    try:
        placed = place_order(store, order.draft, key=order.key, call=order.call,
                             after_unknown_outcome=True, calendar=calendar)
    except StoreFailed as exc:
        return Attempt(unanswered=exc)
    except OrderRejected as exc:
        log.warning("waiting order %s refused: %s", order.key, exc)
        return Attempt(refused=exc)
    return Attempt(placed=placed)
