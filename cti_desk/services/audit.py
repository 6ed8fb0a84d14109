"""The audit log: every customer record opened (who, when, from which desk, during which
call) and every change, append-only, and the supervisor's search of it.

Append-only: this module only inserts, nothing in cti-desk updates or deletes an audit
row (tests/store/test_audit.py reads the source for it), and the store refuses it too:
migration 0009 puts triggers on audit_log that raise on UPDATE and DELETE (and TRUNCATE
on PostgreSQL). On PostgreSQL also revoke them from the application's role (README).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from cti_desk.domain.errors import BadArgument
from cti_desk.domain.roles import Action
from cti_desk.domain.text import bounded
from cti_desk.services.access import Seat, desk_name, require, this_desk
from cti_desk.services.kpi import JST, utc_bounds
from cti_desk.store.db import Store
from cti_desk.store.models import AuditEntry

CUSTOMER_OPEN = "customer.open"
SEARCH_LIMIT = 500  # rows a search shows (newest first); narrow the filters for more
MAX_SEARCH_LIMIT = 100_000  # the CLI's export
JAPAN = timezone(JST)


def utcnow() -> datetime:
    """Naive UTC, as the store keeps times."""
    return datetime.now(UTC).replace(tzinfo=None)


def record(
    session: Session,
    actor: str,
    action: str,
    customer_id: int | None = None,
    call_id: str | None = None,
    detail: str = "",
    *,
    desk: str | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """One audit row in the session's transaction; `desk` None: this process's desk."""
    entry = AuditEntry(
        at=at or utcnow(),
        actor=bounded(actor, 100) or "?",
        desk=desk_name(desk) or this_desk(),
        action=bounded(action, 40),
        customer_id=customer_id,
        call_id=bounded(call_id, 64) or None,
        detail=bounded(detail, 2000),
    )
    session.add(entry)
    return entry


def entries_for(session: Session, customer_id: int) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry).where(AuditEntry.customer_id == customer_id).order_by(AuditEntry.id)
        )
    )


# ------------------------------------------------------------------------------- search


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime  # naive UTC
    person: str
    desk: str
    action: str
    customer_id: int | None
    call_id: str | None
    detail: str

    def as_dict(self) -> dict[str, object]:
        """The CLI's JSON and CSV keys; `at` in Japan time with its offset."""
        return {"id": self.id, "at": self.at.replace(tzinfo=UTC).astimezone(JAPAN).isoformat(), "person": self.person,
                "desk": self.desk, "action": self.action, "customer_id": self.customer_id,
                "call_id": self.call_id, "detail": self.detail}


def search(
    store: Store,
    seat: Seat,
    customer_id: int | None = None,
    person: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = SEARCH_LIMIT,
) -> list[AuditRow]:
    """Audit rows, newest first, by customer, person (exact name, case as written) and
    local (Japan) dates, inclusive; each filter left None matches everything. A
    supervisor's: AccessDenied for any other role, before the store is asked."""
    require(seat, Action.READ_AUDIT)
    if not 0 < limit <= MAX_SEARCH_LIMIT:
        raise BadArgument(f"the limit must be 1 to {MAX_SEARCH_LIMIT:,}, not {limit}")
    stmt = select(AuditEntry)
    if customer_id is not None:
        stmt = stmt.where(AuditEntry.customer_id == customer_id)
    if person is not None and person.strip():
        stmt = stmt.where(AuditEntry.actor == " ".join(person.split())[:100])
    if since is not None or until is not None:
        lo, hi = utc_bounds(since or date.min.replace(year=2000), until or date.max.replace(year=9998))
        stmt = stmt.where(AuditEntry.at >= lo, AuditEntry.at < hi)
    with store.session() as s:
        rows = s.scalars(stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)).all()
        return [AuditRow(r.id, r.at, r.actor, r.desk, r.action, r.customer_id, r.call_id, r.detail)
                for r in rows]
