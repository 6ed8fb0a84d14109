"""Keeps every call's wrap-up until the store has it: journals drafts as they are typed,
saves once per call, brings drafts back after a crash, and never drops a note unless the
operator discards it (asked first). A wrap-up saved while the store does not answer waits
on this computer (journaled as queued) and is saved by itself once the store answers,
also by the next start after a crash; saving is idempotent per call, so it is written once.

The window owns one WrapUpKeeper; it reads the window's store, operator, shift list
(ShiftCallsModel), wrap-up panel and the call and customer on screen.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from cti_desk.domain.calls import CallState
from cti_desk.domain.errors import BadArgument
from cti_desk.domain.text import bounded
from cti_desk.qt.call_bar import ShiftCall, ShiftCallsModel
from cti_desk.qt.shift_calls import in_progress_call_id
from cti_desk.qt.tasks import run_query
from cti_desk.qt.wrapup_restore import adopt_old_settings, journal_unreadable
from cti_desk.services.drafts import CallDraft, DraftJournal
from cti_desk.services.health import store_unavailable
from cti_desk.services.journal_file import store_key
from cti_desk.services.order_outcome import describe
from cti_desk.services.wrapup_record import WrapUp
from cti_desk.settings.paths import data_dir

log = logging.getLogger(__name__)

JOURNAL_DELAY_MS = 300  # typing is journaled at most this long after a keystroke


def call_draft(call: ShiftCall, queued: bool = False) -> CallDraft:
    return CallDraft(
        call_id=call.call_id, rang_at=call.rang_at, e164=call.e164, raw_number=call.raw_number,
        caller_name=call.caller_name, queue=call.queue, wrapup=call.wrapup,
        answered_at=call.answered_at, ended_at=call.ended_at,
        customer_name=getattr(call, "customer_name", "") or "", queued=queued,
    )


def shift_call(d: CallDraft) -> ShiftCall:
    """A journaled draft back in the shift list, waiting for its wrap-up."""
    extra = {"customer_name": d.customer_name} if "customer_name" in ShiftCall.__dataclass_fields__ else {}
    return ShiftCall(
        call_id=d.call_id, rang_at=d.rang_at, e164=d.e164, raw_number=d.raw_number,
        caller_name=d.caller_name, queue=d.queue, state=CallState.ENDED, wrapup=d.wrapup,
        answered_at=d.answered_at, ended_at=d.ended_at, **extra,
    )


class WrapUpKeeper(QObject):
    journalFailed = Signal(str)  # from the journal's writer thread (queued to the GUI)

    def __init__(self, window, journal: DraftJournal | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.store_key = store_key(window.store)
        self.journal = journal or DraftJournal.in_folder(data_dir())
        self.journal.on_error = self._journal_error
        self.journalFailed.connect(self._journal_failed)
        self._dirty: dict[str, ShiftCall] = {}
        self._in_flight: set[str] = set()  # call ids with a save on its way to the store
        self._again: set[str] = set()  # Save pressed again while one was in flight
        self._stored_end: dict[str, datetime | None] = {}  # the call end the store has
        self._queued: set[str] = set()  # saved while the store did not answer: saved once it does
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(JOURNAL_DELAY_MS)
        self._timer.timeout.connect(self.write_drafts)
        panel = window.wrapup
        panel.edited.connect(self._edited)
        panel.saveRequested.connect(self._save_requested)
        panel.discardRequested.connect(self.ask_discard)
        panel.waiting_for_store = lambda w: w.call_id in self._queued
        self.calls.dataChanged.connect(self._calls_changed)

    @property
    def calls(self) -> ShiftCallsModel:
        return self.window.calls

    def pending(self) -> list[ShiftCall]:
        """Calls whose wrap-up the store does not have (yet)."""
        return [c for c in self.calls.calls() if c.wrapup.unsaved or c.phase == "wrap-up"]

    # -- the journal -------------------------------------------------------------------
    def restore(self) -> None:
        """On start: drafts of this store back into the shift list, oldest first."""
        adopt_old_settings(self)
        try:
            drafts = self.journal.load(self.store_key)
        except (sqlite3.Error, OSError) as exc:
            journal_unreadable(self, exc)
            return
        restored = 0
        for d in drafts:
            if self.calls.find(d.call_id) is None:
                self.calls.add(shift_call(d))
                restored += 1
            if d.queued:
                self._queued.add(d.call_id)
        if restored:
            self.window.statusBar().showMessage(
                self.tr("{count} unsaved wrap-ups are back in the list of calls").format(count=restored), 15000)
        self.write_queued()  # saved before the crash, never in the store: now (or once it answers)

    def _mark(self, call: ShiftCall) -> None:
        self._dirty[call.call_id] = call
        if not self._timer.isActive():  # not restarted per key: steady typing is journaled too
            self._timer.start()

    def write_drafts(self) -> None:
        """Journal every changed draft now (on the journal's thread)."""
        self._timer.stop()
        dirty, self._dirty = self._dirty, {}
        for call in dirty.values():
            w = call.wrapup
            if w.unsaved:
                self.journal.put(self.store_key, call_draft(call, call.call_id in self._queued))
            elif w.saved_version is None:  # the operator emptied it: nothing to keep
                self.journal.remove(self.store_key, call.call_id)

    def close(self) -> None:
        """The window closes: what is typed is on disk before it goes."""
        self.write_drafts()
        self.journal.close()

    def _journal_error(self, exc: BaseException) -> None:  # on the journal's writer thread
        try:
            self.journalFailed.emit(bounded(str(exc), 200))
        except RuntimeError:  # the window is gone; the error is logged by the journal
            pass

    def _journal_failed(self, message: str) -> None:
        text = self.tr("Unsaved notes cannot be kept on this computer: {message}").format(message=message)
        self.window.statusBar().showMessage(text, 30000)
        self.window.failed.emit(text)

    # -- edits -------------------------------------------------------------------------
    def _edited(self, w: WrapUp) -> None:
        call = self.calls.find(w.call_id) if w.call_id else None
        if call is not None:
            self._mark(call)
            self._follow_up(call)

    def _follow_up(self, call: ShiftCall) -> None:
        """A wrap-up with unsaved work is never "done": it stays in the list as a draft."""
        if call.saved and call.wrapup.unsaved:
            call.saved = False
            self._repaint(call)

    def _repaint(self, call: ShiftCall) -> None:
        self.calls.changed(call)
        if call is self.window.current:
            self.window.call_bar.show_call(call)
        if self.window.wrapup.draft is call.wrapup:
            self.window.wrapup.refresh_state()

    def _calls_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles=()) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            call = self.calls.data(self.calls.index(row, 0), ShiftCallsModel.CALL_ROLE)
            if call is None:
                continue
            w = call.wrapup
            if w.unsaved:
                self._mark(call)  # its end time, a colleague's pickup: journaled with it
                self._follow_up(call)
            elif (call.call_id in self._stored_end and self._stored_end[call.call_id] != w.closed_at
                  and call.call_id not in self._in_flight):
                self.save(call)  # saved during the call: the store learns when it ended

    def order_placed(self, call: ShiftCall) -> None:
        """An order placed during the call says what the call was, unless the operator did."""
        w = call.wrapup
        if w.disposition:
            return
        w.disposition = "order_placed"
        w.touch()
        self._edited(w)
        if self.window.wrapup.draft is w:
            self.window.wrapup.edit(w)
            self.offer()

    # -- whose call it is ----------------------------------------------------------------
    def link_caller(self, customer_id: int) -> None:
        """The operator says the customer on screen is the caller: the wrap-up follows."""
        call = self.window.current
        if call is None or call.wrapup.customer_id == customer_id:
            return
        w = call.wrapup
        w.customer_id = customer_id
        w.continue_inquiry_id = None  # it was the other customer's
        w.touch()
        self._edited(w)
        self.offer()

    def offer(self) -> None:
        """What the wrap-up and the card offer for the customer on screen: continuing the
        caller's open inquiry (only when the caller is on screen), or "this is the caller"."""
        call, shown = self.window.current, self.window.customer_id
        panel = self.window.wrapup
        callers = call is not None and shown is not None and call.wrapup.customer_id == shown
        if call is not None and panel.draft is call.wrapup:
            row = None
            if callers:
                row = self.window.inquiries.open_inquiry(
                    excluding_call=call.call_id, chosen=call.wrapup.continue_inquiry_id)
            panel.set_open_inquiry(row)
        open_call = call is not None and (call.phase in ("ringing", "talking", "wrap-up") or call.wrapup.unsaved)
        self.window.panel.offer_caller(shown is not None and open_call and not callers)

    # -- saving --------------------------------------------------------------------------
    def _save_requested(self, w: WrapUp) -> None:
        call = self.calls.find(w.call_id) if w.call_id else None
        if call is not None:
            self.save(call)

    def save(self, call: ShiftCall) -> None:
        """Store this call's wrap-up; a second press while one is on its way waits for it."""
        cid = call.call_id
        if cid in self._in_flight:
            self._again.add(cid)
            return
        w = call.wrapup
        snapshot, version = replace(w), w.version
        services = self.window.services  # the seat's person on the audit row
        during = in_progress_call_id(self.window.current)
        self._in_flight.add(cid)
        run_query(
            lambda: services.save_wrapup(snapshot, during_call=during),
            lambda inquiry_id: self._saved(call, snapshot, version, inquiry_id),
            lambda exc: self._save_failed(call, exc),
            owner=self,
        )

    def write_queued(self) -> None:
        """Save every wrap-up that waits for the store (the store answers again)."""
        for cid in sorted(self._queued):
            call = self.calls.find(cid)
            if call is None or not call.wrapup.disposition:
                self._queued.discard(cid)  # gone from the list, or emptied: nothing to save
            elif cid not in self._in_flight:
                self.save(call)

    def _saved(self, call: ShiftCall, snapshot: WrapUp, version: int, inquiry_id: int) -> None:
        cid, w = call.call_id, call.wrapup
        self._in_flight.discard(cid)
        waited = cid in self._queued
        self._queued.discard(cid)
        w.stored(version, inquiry_id, snapshot.notes, snapshot.disposition)
        self._stored_end[cid] = snapshot.closed_at
        if not w.unsaved:
            self._dirty.pop(cid, None)
            self.journal.remove(self.store_key, cid)
        elif waited:  # typed on meanwhile: a draft again, no longer saved by itself
            self.journal.put(self.store_key, call_draft(call))
        call.saved = not w.unsaved
        self._repaint(call)
        if waited:
            self.window.statusBar().showMessage(
                self.tr("Wrap-up of call {call} saved: the store answers again").format(call=cid), 10000)
        else:
            self.window.statusBar().showMessage(self.tr("Wrap-up saved"), 5000)
        self.window.wrapUpSaved.emit(inquiry_id)
        if self.window.customer_id is not None:
            self.window._reload_inquiries(self.window.customer_id)
        again = cid in self._again
        self._again.discard(cid)
        if cid not in self._in_flight and w.disposition and (
                (again and w.unsaved) or w.closed_at != snapshot.closed_at):
            self.save(call)  # typed on, or the call ended, while this save was on its way

    def _save_failed(self, call: ShiftCall, exc: BaseException) -> None:
        self._in_flight.discard(call.call_id)
        self._again.discard(call.call_id)
        if store_unavailable(exc):
            self._wait_for_store(call, exc)
            return
        log.error("wrap-up of call %s not saved: %s", bounded(call.call_id, 64), exc)
        if isinstance(exc, BadArgument):
            reason = bounded(str(exc), 200)
        else:
            reason = self.tr("the store did not answer")
        text = self.tr("Wrap-up not saved ({reason}). The notes are kept on this computer: "
                       "press Save again.").format(reason=reason)
        self.window.statusBar().showMessage(text, 30000)
        self.window.failed.emit(text)

    def _wait_for_store(self, call: ShiftCall, exc: BaseException) -> None:
        """The store did not answer: the wrap-up waits on this computer, marked to be saved
        by itself (also by the next start), and is saved once the store answers."""
        cid = call.call_id
        log.warning("wrap-up of call %s waits for the store: %s", bounded(cid, 64), describe(exc))
        first = cid not in self._queued
        self._queued.add(cid)
        self._dirty.pop(cid, None)
        self.journal.put(self.store_key, call_draft(call, queued=True))  # fsynced on its thread
        self.window.recovery.wait("wrap-ups", self.write_queued)
        self._repaint(call)
        if first:
            self.window.statusBar().showMessage(self.tr(
                "The store did not answer: the wrap-up of call {call} is kept on this computer and "
                "saved as soon as the store answers").format(call=cid), 30000)

    def waiting(self) -> list[str]:
        """Call ids whose wrap-up waits for the store."""
        return sorted(self._queued)

    # -- discarding ----------------------------------------------------------------------
    def ask_discard(self, w: WrapUp) -> QMessageBox | None:
        """Ask before anything typed is thrown away (the box is returned for tests)."""
        call = self.calls.find(w.call_id) if w.call_id else None
        if call is None or not w.unsaved:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Discard notes?"), "", parent=self.window)
        box.setObjectName("discardWrapUp")
        box.setTextFormat(Qt.TextFormat.PlainText)
        if w.saved_version is None:
            box.setText(self.tr("The notes of call {call} are not saved. Discard them? "
                                "They cannot be brought back.").format(call=call.call_id))
        else:
            box.setText(self.tr("Discard what was typed since the last save of call {call}? "
                                "The saved wrap-up stays as it is.").format(call=call.call_id))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.buttonClicked.connect(lambda button: button is discard and self.discard(call))
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def discard(self, call: ShiftCall) -> None:
        """The operator chose to throw the changes away: back to what the store has."""
        w = call.wrapup
        w.revert()
        self._dirty.pop(call.call_id, None)
        self._queued.discard(call.call_id)
        self.journal.remove(self.store_key, call.call_id)
        if w.saved_version is not None or call.state in (CallState.ENDED, CallState.MISSED):
            call.saved = True  # the store has it all, or there is nothing to wrap up
        if self.window.wrapup.draft is w:
            self.window.wrapup.edit(w)
            self.offer()
        self._repaint(call)
        self.window.statusBar().showMessage(self.tr("Notes discarded"), 5000)
