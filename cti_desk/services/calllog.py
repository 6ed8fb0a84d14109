"""The call log: every incoming call a seat (or the relay) sees, one row per call id.

Several writers record the same call (each seat it rang at, the relay), in any order and
at the same moment: `record` merges what it is told into the row, never fails on a row
another writer made, and never moves a call backwards (a late "ringing" after "ended"
changes nothing). Missed calls stay there for a call-back (`called_back_at`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.model import Resolution, segment_for
from cti_desk.domain.phone import withheld_reason
from cti_desk.domain.text import bounded
from cti_desk.services.customers import order_count, resolve_caller
from cti_desk.store.db import Store
from cti_desk.store.models import CallLogEntry, Customer

MAX_CALL_BACKS = 500  # missed calls brought back into one seat's list

# How far along a call is; equal ranks (ended / missed) never replace each other.
_RANK = {CallState.RINGING: 0, CallState.ANSWERED: 1, CallState.ENDED: 2, CallState.MISSED: 2}


@dataclass(frozen=True, slots=True)
class CallFacts:
    """What one writer knows about a call now. Times aware (or naive UTC)."""

    call_id: str
    state: CallState
    rang_at: datetime
    raw_number: str | None = None
    caller_name: str | None = None
    queue: str | None = None
    agent: str | None = None  # who answered; for a missed call, the seat it rang at
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    customer_id: int | None = None  # the operator's choice; else the number's one match

    @classmethod
    def from_update(cls, u: CallUpdate, *, rang_at: datetime | None = None,
                    agent: str | None = None, customer_id: int | None = None) -> CallFacts:
        return cls(
            call_id=u.call_id, state=u.state, rang_at=rang_at or u.ts, raw_number=u.raw_number,
            caller_name=u.caller_name, queue=u.queue, agent=u.agent or agent,
            answered_at=u.ts if u.state is CallState.ANSWERED else None,
            ended_at=u.ts if u.state in (CallState.ENDED, CallState.MISSED) else None,
            customer_id=customer_id,
        )


@dataclass(frozen=True, slots=True)
class LoggedCall:
    """A call-log row as the window shows it. Times aware UTC."""

    call_id: str
    state: CallState
    rang_at: datetime
    raw_number: str | None
    e164: str | None
    caller_name: str | None
    withheld_reason: str | None
    resolution: str | None
    customer_id: int | None
    customer_name: str | None
    segment: str | None
    queue: str | None
    agent: str | None
    answered_at: datetime | None
    ended_at: datetime | None
    called_back_at: datetime | None


def _utc(ts: datetime | None) -> datetime | None:
    """Aware -> naive UTC, as the store keeps times."""
    if ts is None or ts.tzinfo is None:
        return ts
    return ts.astimezone(UTC).replace(tzinfo=None)


def _aware(ts: datetime | None) -> datetime | None:
    return ts.replace(tzinfo=UTC) if ts is not None else None


def record(store: Store, facts: CallFacts) -> LoggedCall:
    """Upsert the call's row with these facts; the row as it now stands."""
    call_id = bounded(facts.call_id, 64)
    with store.transaction() as s:
        row = s.scalar(select(CallLogEntry).where(CallLogEntry.call_id == call_id))
        if row is None:
            row = CallLogEntry(call_id=call_id, state=facts.state.value, rang_at=_utc(facts.rang_at))
            try:
                with s.begin_nested():
                    s.add(row)
            except IntegrityError:  # another seat or the relay wrote it meanwhile
                row = s.scalars(select(CallLogEntry).where(CallLogEntry.call_id == call_id)).one()
        _merge(s, row, facts)
        s.flush()
        return _logged(s, row)


def _merge(s: Session, row: CallLogEntry, f: CallFacts) -> None:
    if _RANK[f.state] > _RANK[CallState(row.state)]:
        row.state = f.state.value
    rang_at = _utc(f.rang_at)
    if rang_at is not None and (row.rang_at is None or rang_at < row.rang_at):
        row.rang_at = rang_at
    row.answered_at = row.answered_at or _utc(f.answered_at)
    row.ended_at = row.ended_at or _utc(f.ended_at)
    if f.raw_number and not row.raw_number:
        row.raw_number = bounded(f.raw_number, 64)
        row.resolution = None  # the number is known only now: look it up
    if row.resolution is None:
        match = resolve_caller(s, row.raw_number)
        row.resolution = match.resolution.value
        row.e164 = match.number.e164
        reason = withheld_reason(row.raw_number) if row.e164 is None else None
        row.withheld_reason = reason.value if reason is not None else None
        if match.resolution is Resolution.UNIQUE and row.customer_id is None:
            _set_customer(s, row, match.customer_ids[0])
    if f.customer_id is not None and f.customer_id != row.customer_id:
        _set_customer(s, row, f.customer_id)  # the operator said who it is
    row.caller_name = row.caller_name or bounded(f.caller_name, 100) or None
    row.queue = row.queue or bounded(f.queue, 80) or None
    if f.agent and not row.agent:
        row.agent = bounded(f.agent, 80)


def _set_customer(s: Session, row: CallLogEntry, customer_id: int) -> None:
    row.customer_id = customer_id
    row.segment = segment_for(order_count(s, customer_id)).value  # at the time of the call


def _logged(s: Session, row: CallLogEntry, name: str | None = None) -> LoggedCall:
    if name is None and row.customer_id is not None:
        name = s.scalar(select(Customer.name).where(Customer.id == row.customer_id))
    return LoggedCall(
        call_id=row.call_id, state=CallState(row.state), rang_at=_aware(row.rang_at),
        raw_number=row.raw_number, e164=row.e164, caller_name=row.caller_name,
        withheld_reason=row.withheld_reason, resolution=row.resolution,
        customer_id=row.customer_id, customer_name=name, segment=row.segment, queue=row.queue,
        agent=row.agent, answered_at=_aware(row.answered_at), ended_at=_aware(row.ended_at),
        called_back_at=_aware(row.called_back_at),
    )


def mark_called_back(store: Store, call_id: str, at: datetime | None = None) -> bool:
    """The operator called this caller back; False when it was marked already (or unknown)."""
    at = _utc(at) or datetime.now(UTC).replace(tzinfo=None)
    with store.transaction() as s:
        done = s.execute(
            update(CallLogEntry)
            .where(CallLogEntry.call_id == bounded(call_id, 64), CallLogEntry.called_back_at.is_(None))
            .values(called_back_at=at)
        )
        return bool(done.rowcount)


def start_of_today() -> datetime:
    """Local midnight (the desk's day), aware."""
    return datetime.combine(datetime.now().astimezone().date(), time(0)).astimezone()


def missed_to_call_back(
    store: Store, since: datetime, agent: str | None = None, limit: int = MAX_CALL_BACKS
) -> list[LoggedCall]:
    """Missed calls since then not called back yet, oldest first: this seat's (`agent`),
    or every seat's when the desk has no phone of its own."""
    stmt = (
        select(CallLogEntry, Customer.name)
        .outerjoin(Customer, Customer.id == CallLogEntry.customer_id)
        .where(CallLogEntry.state == CallState.MISSED.value,
               CallLogEntry.called_back_at.is_(None),
               CallLogEntry.rang_at >= _utc(since))
        .order_by(CallLogEntry.rang_at.desc())
        .limit(limit)
    )
    if agent:
        stmt = stmt.where(CallLogEntry.agent == bounded(agent, 80))
    with store.session() as s:
        rows = s.execute(stmt).all()
        return [_logged(s, row, name) for row, name in reversed(rows)]


def logged_call(store: Store, call_id: str) -> LoggedCall | None:
    with store.session() as s:
        row = s.scalar(select(CallLogEntry).where(CallLogEntry.call_id == bounded(call_id, 64)))
        return _logged(s, row) if row is not None else None
