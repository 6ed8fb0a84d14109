"""A call's wrap-up and the call a record belongs to, as plain data.

Apart from services/inquiries.py (which saves them with SQLAlchemy) so the operator
window's call list can hold them without loading the database layer before its first
paint (issue 16).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cti_desk.domain.text import bounded

# Disposition codes stored in Inquiry.disposition; the window translates them.
DISPOSITIONS = (
    "question_answered",
    "order_placed",
    "complaint",
    "callback_requested",
    "wrong_number",
    "other",
)
MAX_NOTES = 20_000


@dataclass(slots=True)
class WrapUp:
    """What the operator records about one call, edited in memory, journaled as a draft
    (services.drafts) until the store has it."""

    call_id: str | None
    operator: str
    opened_at: datetime  # naive UTC: the call's own start
    customer_id: int | None = None  # the caller, as the operator or the pop decided
    caller_number: str | None = None
    closed_at: datetime | None = None  # the call's own end
    notes: str = ""
    disposition: str = ""
    continue_inquiry_id: int | None = None  # an open inquiry this call follows up
    keep_open: bool = False
    version: int = 0  # bumped on every edit
    saved_version: int | None = None  # the version the store has (None: never saved)
    inquiry_id: int | None = None  # where the last save put the call's entry
    saved_notes: str = ""  # what the store has, for "discard my changes"
    saved_disposition: str = ""

    def touch(self) -> None:
        """Something changed: the store's copy (if any) is behind now."""
        self.version += 1

    @property
    def has_content(self) -> bool:
        return bool(self.notes.strip() or self.disposition)

    @property
    def unsaved(self) -> bool:
        """Something the operator entered that the store does not have yet: never dropped
        without the operator saying so (a colleague answering the call is no such say)."""
        return self.version != self.saved_version and (
            self.has_content or self.saved_version is not None)

    def stored(self, version: int, inquiry_id: int, notes: str, disposition: str) -> None:
        """A save of `version` reached the store."""
        self.saved_version, self.inquiry_id = version, inquiry_id
        self.saved_notes, self.saved_disposition = notes, disposition

    def revert(self) -> None:
        """The operator discarded the changes: back to what the store has (or nothing)."""
        self.notes, self.disposition = self.saved_notes, self.saved_disposition
        if self.saved_version is None:
            self.continue_inquiry_id = None
        self.version = self.saved_version if self.saved_version is not None else 0


def notes_text(text: str | None) -> str:
    """Notes as stored: bounded, control characters dropped, but the operator's line
    breaks and tabs kept (bounded() would join the lines)."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(bounded(line, MAX_NOTES) for line in text.split("\n"))[:MAX_NOTES]


@dataclass(frozen=True, slots=True)
class CallRef:
    """The call a record belongs to, as the desk saw it (times naive UTC)."""

    call_id: str
    started_at: datetime
    caller_number: str | None = None
    ended_at: datetime | None = None
