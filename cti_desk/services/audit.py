"""Who opened which customer record, and during which call (privacy audit trail)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cti_desk.domain.text import bounded
from cti_desk.store.models import AuditEntry

CUSTOMER_OPEN = "customer.open"


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
) -> AuditEntry:
    entry = AuditEntry(
        at=utcnow(),
        actor=bounded(actor, 100) or "?",
        action=action,
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
