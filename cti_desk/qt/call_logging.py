"""The operator window's call log side: each call this seat has goes to the call log (in
the background, never delaying a pop), missed calls stay for a call-back, and today's
missed calls not called back yet come back into the shift list on start.

`CallLogging` is mixed into OperatorCalls (and so MainWindow).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6 import QtCore  # Qt's enums read where used: the first read costs ~30 ms (issue 16)
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QToolButton

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.text import bounded
from cti_desk.qt.shift_calls import ShiftCall, ShiftCallsModel
from cti_desk.qt.tasks import run_query
from cti_desk.services.routing import Action, Decision
from cti_desk.services.wrapup_record import WrapUp

if TYPE_CHECKING:
    from cti_desk.services.calllog import LoggedCall

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def utc_naive(ts: datetime) -> datetime:
    return ts.astimezone(UTC).replace(tzinfo=None) if ts.tzinfo else ts


class CallLogging:
    """The call log and call-backs of MainWindow (store, operator, agent, shift list)."""

    def _make_call_back_button(self) -> QToolButton:
        """Under the shift list: call a missed caller back (its action comes later)."""
        self.call_back_button = QToolButton()
        self.call_back_button.setObjectName("callBackMissed")
        self.call_back_button.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return self.call_back_button

    # -- the call log ---------------------------------------------------------------------
    def _log_call(self, u: CallUpdate, d: Decision, call: ShiftCall | None) -> None:
        """Each call this seat has (and its later states) into the call log, off the GUI thread."""
        first = d.action in (Action.POP, Action.ANNOUNCE)
        if not (first or (u.state_changed and self.router.seen(u.call_id))):
            return
        # The call log's SQLAlchemy side is loaded with the first call, not before the
        # window's first paint (issue 16).
        from cti_desk.services import calllog
        from cti_desk.services.calllog import CallFacts
        from cti_desk.services.health import store_unavailable

        facts = CallFacts.from_update(
            u, rang_at=call.rang_at if call is not None else None,
            agent=self.agent if d.action is Action.MISSED else None,  # the seat it rang at
            customer_id=call.wrapup.customer_id if call is not None else None)
        store = self.store
        announce = d.action is Action.ANNOUNCE

        def logged(entry: LoggedCall) -> None:
            self._logged(entry)
            if announce and call.announced:  # named now; not if it was withdrawn meanwhile
                self._notify(call, announced=True)

        notified = []

        def failed(exc: BaseException) -> None:
            if store_unavailable(exc):  # an upsert: written once the store answers (the banner says why)
                log.warning("call log of call %s waits for the store", bounded(facts.call_id, 64))
                self.recovery.wait(f"calllog-{facts.call_id}-{facts.state.value}", write)
            else:
                self._log_failed(exc)
            if announce and call.announced and not notified:
                notified.append(True)
                self._notify(call, announced=True)

        def write() -> None:
            run_query(lambda: calllog.record(store, facts), logged, failed, owner=self)

        if d.action is Action.POP:
            self._after_paint(write)  # the pop paints first; the write waits a frame
        else:
            write()

    def _logged(self, logged: LoggedCall) -> None:
        call = self.calls.find(logged.call_id)
        if call is not None and not call.customer_name and logged.customer_name:
            self._name_call(call, logged.customer_name)

    def _log_failed(self, exc: BaseException) -> None:
        text = bounded(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 200)
        log.warning("call log not written: %s", text)
        self.statusBar().showMessage(translate("CallLog", "Call log not written: {message}").format(
            message=text), 15000)

    def _restore_missed_calls(self) -> None:
        """Today's missed calls not called back yet come back into the list on start."""
        from cti_desk.services import calllog

        store, agent, since = self.store, self.agent, calllog.start_of_today()
        run_query(lambda: calllog.missed_to_call_back(store, since, agent), self._missed_restored,
                  self._missed_not_read, owner=self)

    def _missed_not_read(self, exc: BaseException) -> None:
        text = bounded(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 200)
        log.warning("missed calls not read from the call log: %s", text)
        self.statusBar().showMessage(translate(
            "CallLog", "Today's missed calls could not be read from the call log: {message}").format(
                message=text), 15000)

    def _missed_restored(self, rows: list[LoggedCall]) -> None:
        added = 0
        for r in rows:
            if self.calls.find(r.call_id) is not None:
                continue
            call = ShiftCall(
                call_id=r.call_id, rang_at=r.rang_at, e164=r.e164, raw_number=r.raw_number,
                caller_name=bounded(r.caller_name, 100), queue=bounded(r.queue, 60), state=CallState.MISSED,
                ended_at=r.ended_at, saved=True, customer_name=bounded(r.customer_name, 100),
                wrapup=WrapUp(call_id=r.call_id, operator=self.operator, opened_at=utc_naive(r.rang_at),
                              customer_id=r.customer_id, caller_number=r.e164 or r.raw_number,
                              closed_at=utc_naive(r.ended_at) if r.ended_at else None),
            )
            self.calls.add_in_order(call)
            self.router.adopt(r.call_id, CallState.MISSED, answered_here=False, wrapped_up=True)
            added += 1
        if added:
            self.statusBar().showMessage(translate(
                "CallLog", "{count} missed calls from today wait for a call-back in the list of calls").format(
                    count=added), 15000)

    # -- call-backs ----------------------------------------------------------------------
    def _selected_call(self) -> ShiftCall | None:
        rows = self.calls_view.selectionModel().selectedRows()
        if rows:
            return self.calls.data(rows[0], ShiftCallsModel.CALL_ROLE)
        return self.current

    def _can_call_back(self, call: ShiftCall | None) -> bool:
        return call is not None and call.phase == "missed" and bool(call.e164)

    def _update_call_back(self, *_args) -> None:
        blocked = self._dial_blocked("originate")
        call = self._selected_call()
        enabled = blocked is None and self._can_call_back(call)
        tip = blocked or f"{self.act_call_back.text()} (Ctrl+B)"
        # Asked several times a pop (selection, list rows): a Qt change only when it is one.
        if enabled != self.act_call_back.isEnabled():
            self.act_call_back.setEnabled(enabled)
        if tip != self.act_call_back.toolTip():
            self.act_call_back.setToolTip(tip)

    def call_back_selected(self) -> None:
        """Dial the selected missed caller from this seat's phone; the call log says so."""
        call = self._selected_call()
        if not self._can_call_back(call) or self._dial_blocked("originate") is not None:
            return
        self.dialRequested.emit(call.e164)
        self._called_back(call)

    def _dialled_from_bar(self, number: str) -> None:
        call = self.current
        if self._can_call_back(call) and call.e164 == number:
            self._called_back(call)

    def _called_back(self, call: ShiftCall) -> None:
        if call.called_back_at is not None:
            return
        call.called_back_at = datetime.now(UTC)
        self.calls.changed(call)
        store, call_id, at = self.store, call.call_id, call.called_back_at
        from cti_desk.services import calllog

        run_query(lambda: calllog.mark_called_back(store, call_id, at), None, self._log_failed, owner=self)

