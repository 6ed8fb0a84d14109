"""Bringing wrap-up drafts back at start, for the WrapUpKeeper: drafts an older cti-desk
kept in the settings file move into the journal, and a journal that cannot be read is
said (a damaged one moved aside)."""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from cti_desk.domain.text import bounded
from cti_desk.services.drafts import CallDraft
from cti_desk.services.wrapup_record import WrapUp

log = logging.getLogger("cti_desk.qt.wrapup_keeper")
translate = QCoreApplication.translate

OLD_SETTINGS_KEY = "wrapup/unsaved"  # where drafts lived before the journal


def journal_unreadable(keeper, exc: BaseException) -> None:
    """The journal cannot be read at start: a damaged one is moved aside (a fresh one keeps
    today's notes); either way the operator is told."""
    path = keeper.journal.path
    log.error("wrap-up drafts %s unreadable: %s", path, exc)
    if isinstance(exc, sqlite3.DatabaseError) and any(
            text in str(exc) for text in ("not a database", "malformed")):
        # Damaged: kept aside for a look, and a fresh journal keeps today's notes.
        aside = path.with_name(f"{path.name}.unreadable-{int(time.time())}")
        path.rename(aside)
        text = translate("WrapUpKeeper", "The file of unsaved wrap-ups was damaged; it was moved to {path}").format(path=str(aside))
    else:
        text = translate("WrapUpKeeper", "The file of unsaved wrap-ups could not be read: {message}").format(
            message=bounded(str(exc), 200))
    keeper.window.statusBar().showMessage(text, 30000)
    keeper.window.failed.emit(text)


def adopt_old_settings(keeper) -> None:
    """Drafts an older cti-desk kept in the settings file move into the journal."""
    settings = keeper.window.settings
    raw = settings.value(OLD_SETTINGS_KEY, "", str) if settings is not None else ""
    if not raw:
        return
    try:
        old = json.loads(raw)
    except ValueError:
        old = []
    for d in old if isinstance(old, list) else []:
        try:
            closed = datetime.fromisoformat(d["closed_at"]) if d.get("closed_at") else None
            draft = CallDraft(
                call_id=str(d["call_id"]), rang_at=datetime.fromisoformat(d["rang_at"]),
                e164=d.get("e164"), raw_number=d.get("raw_number"),
                caller_name=str(d.get("caller_name") or ""), queue=str(d.get("queue") or ""),
                ended_at=closed.replace(tzinfo=UTC) if closed else None,
                wrapup=WrapUp(
                    call_id=str(d["call_id"]), operator=keeper.window.operator,
                    opened_at=datetime.fromisoformat(d["opened_at"]), customer_id=d.get("customer_id"),
                    caller_number=d.get("e164") or d.get("raw_number"), closed_at=closed,
                    notes=str(d.get("notes") or ""), disposition=str(d.get("disposition") or ""),
                    continue_inquiry_id=d.get("continue_inquiry_id"), version=1,
                ),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        keeper.journal.put(keeper.store_key, draft)
    keeper.journal.flush()
    settings.remove(OLD_SETTINGS_KEY)
    settings.sync()
