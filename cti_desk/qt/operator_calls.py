"""The operator window's calls: the PBX bridge, the screen pop, announced calls, the tray.

`OperatorCalls` is mixed into MainWindow. Whose call an update is, and whether the
operator is busy, is the SeatRouter's (services/routing.py); this module only shows
what it decides: a pop, an announcement on the call bar ("Take over (F8)"), a withdrawn
pop (gone, or the previous call back on screen, with a status-bar line saying why), a
missed call kept for a call-back. Each call this seat sees goes to the call log in the
background (services/calllog.py). A call that rings while the store cannot be reached
pops with what the PBX said (number, name) and fills in once the store answers.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6 import QtCore  # Qt's enums read where used: the first read costs ~30 ms (issue 16)
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.model import Resolution
from cti_desk.domain.phone import normalize
from cti_desk.domain.text import bounded
from cti_desk.qt.call_logging import CallLogging, utc_naive
from cti_desk.qt.icons import app_icon, icon
from cti_desk.qt.shift_calls import ShiftCall, ShiftCallsModel
from cti_desk.qt.tasks import run_query
from cti_desk.services.routing import Action, Decision, Reason, SeatRouter
from cti_desk.services.wrapup_record import WrapUp

if TYPE_CHECKING:
    from cti_desk.services.history import Pop

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class OperatorCalls(CallLogging):
    """Calls in MainWindow (which has the widgets, store, operator and agent)."""

    # -- set-up (called from MainWindow.__init__) ------------------------------------------
    def _init_calls(self) -> None:
        self.router = SeatRouter(self.agent, self.pop_on_answer)
        self.outside_line: str | None = None  # the digit the PBX puts in front of callers' numbers
        self.act_take_over = QAction(icon("phone"), "", self)
        self.act_take_over.setObjectName("takeOverCall")
        self.act_take_over.setShortcut(QKeySequence(QtCore.Qt.Key.Key_F8))
        self.act_take_over.triggered.connect(self.take_over)
        self.act_take_over.setEnabled(False)
        self.act_call_back = QAction(icon("phone"), "", self)
        self.act_call_back.setObjectName("callBackAction")
        self.act_call_back.setShortcut(QKeySequence("Ctrl+B"))
        self.act_call_back.triggered.connect(self.call_back_selected)
        self.call_bar.takeOverRequested.connect(self.take_over)
        self.call_bar.dialRequested.connect(self._dialled_from_bar)
        self.call_back_button.setDefaultAction(self.act_call_back)
        for act in (self.act_take_over, self.act_call_back):
            self.call_menu.insertAction(self.act_quit, act)
            self.addAction(act)
        self.calls_view.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.ActionsContextMenu)
        self.calls_view.addAction(self.act_take_over)
        self.calls_view.addAction(self.act_call_back)
        self.calls_view.selectionModel().selectionChanged.connect(self._update_call_back)
        self.calls.dataChanged.connect(self._calls_changed)
        self.calls.letGo.connect(self._show_calls_heading)
        self._restore_missed_calls()

    def _show_calls_heading(self, *_let_go) -> None:
        if self.calls.let_go:  # the list keeps the newest calls only
            self.calls_heading.setText(translate(
                "OperatorCalls", "Calls this shift (the newest {count}; older ones are in the call log)").format(
                    count=self.calls.rowCount()))
        else:
            self.calls_heading.setText(translate("MainWindow", "Calls this shift"))

    def _retranslate_calls(self) -> None:
        text = translate("OperatorCalls", "Take over the incoming call")
        self.act_take_over.setText(text)
        self.act_take_over.setToolTip(f"{text} (F8)")
        self.act_call_back.setText(translate("OperatorCalls", "Call back the missed caller"))
        self.calls.retranslate()  # the list holds its cells' text: states and headings anew
        self._update_call_back()  # its tooltip: the shortcut, or why it is off

    # -- the tray ------------------------------------------------------------------------
    def _make_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(app_icon(), self)
        tray.activated.connect(lambda _reason: (self.showNormal(), self.raise_(), self.activateWindow()))
        tray.show()
        return tray

    def _notify(self, call: ShiftCall, announced: bool = False) -> None:
        if announced:
            title = translate("OperatorCalls", "Incoming call waiting")
            text = translate("OperatorCalls", "{caller} — F8 takes it over").format(caller=call.who())
        else:
            title = translate("OperatorCalls", "Incoming call")
            text = call.who()
        self.last_notification = (title, text)
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        QApplication.alert(self)

    # -- the PBX -------------------------------------------------------------------------
    def set_bridge(self, bridge) -> None:
        """Take calls from a CallBridge; its PBX actions follow the window's buttons."""
        self.bridge = bridge
        bridge.callUpdate.connect(self.on_call_update, QtCore.Qt.ConnectionType.QueuedConnection)
        bridge.sourceFailed.connect(lambda msg: self.statusBar().showMessage(
            translate("OperatorCalls", "Call source: {message}").format(message=bounded(msg, 200)), 15000))
        self.pauseRequested.connect(bridge.queue_pause)
        self.dialRequested.connect(bridge.originate)
        bridge.actionDone.connect(self._pbx_action_done)
        bridge.actionFailed.connect(self._pbx_action_failed)
        bridge.agentPaused.connect(self._agent_paused)
        self._update_pbx_actions()

    def _dial_blocked(self, name: str) -> str | None:
        """Why dial/pause can't be used (they need --agent and a source that can), or None."""
        if not self.agent:
            return translate("OperatorCalls",
                             "Start cti-desk with --agent (this seat's phone, e.g. PJSIP/2001) to use this")
        if self.bridge is not None and not self.bridge.can(name):
            return translate("OperatorCalls", "The call source cannot do this (it needs an ami:// source)")
        return None

    def _update_pbx_actions(self) -> None:
        dial, pause = self._dial_blocked("originate"), self._dial_blocked("queue_pause")
        self.call_bar.set_pbx_actions(dial, pause)
        self.panel.card.set_dial_blocked(dial)
        self.act_dial.setEnabled(dial is None)
        self.act_pause.setEnabled(pause is None)
        self._update_call_back()

    def _pbx_action_done(self, name: str, result: str) -> None:
        if name == "originate":
            self.statusBar().showMessage(translate(
                "OperatorCalls", "Calling {number}: pick up your phone when it rings").format(
                    number=bounded(result, 40)), 15000)
        elif name == "queue_pause":
            paused = self.call_bar.pause_button.isChecked()
            self._paused_at_pbx = paused
            self.statusBar().showMessage(
                translate("OperatorCalls", "Paused in the queue") if paused
                else translate("OperatorCalls", "Taking queue calls again"), 5000)

    def _pbx_action_failed(self, name: str, message: str) -> None:
        text = bounded(message, 200)
        if name == "originate":
            shown = translate("OperatorCalls", "Could not call: {message}").format(message=text)
        else:
            self.call_bar.set_paused(self._paused_at_pbx)  # the button shows the truth again
            shown = translate("OperatorCalls", "Could not pause or resume: {message}").format(message=text)
        log.warning("%s", shown)
        self.statusBar().showMessage(shown, 15000)
        self.failed.emit(shown)

    def _agent_paused(self, paused: bool) -> None:
        self._paused_at_pbx = paused
        self.call_bar.set_paused(paused)

    # -- call updates: the router decides, the window shows ---------------------------------
    def on_call_update(self, u: CallUpdate) -> None:
        d = self.router.route(u)
        call = self.calls.find(u.call_id)
        if d.action in (Action.POP, Action.ANNOUNCE):
            call = self._new_or_again(call, u)
        elif call is not None and d.action in (Action.UPDATE, Action.MISSED):
            self._apply(call, u)
        self._log_call(u, d, call)
        if d.action is Action.POP:
            self.pop(call)
            if u.state is CallState.RINGING and not self.isActiveWindow():
                self._notify(call)
        elif d.action is Action.ANNOUNCE:
            call.announced = True
            self.calls.changed(call)  # the tray follows once the call log has named the caller
        elif d.action is Action.WITHDRAW and call is not None:
            self._withdraw(call, u, d)
        elif d.action is Action.MISSED and call is not None:
            self.statusBar().showMessage(translate(
                "OperatorCalls", "{caller} hung up before the call was answered: it stays in the "
                "list of calls for a call-back").format(caller=call.who()), 15000)
        if call is not None and call is self.current and d.action is not Action.IGNORE:
            self.call_bar.show_call(call)
        if d.action is not Action.IGNORE:
            self._show_incoming()

    def _new_or_again(self, call: ShiftCall | None, u: CallUpdate) -> ShiftCall:
        if call is None:
            number = normalize(u.raw_number, outside_line_prefix=self.outside_line)
            call = ShiftCall(
                call_id=u.call_id, rang_at=u.ts, e164=number.e164, raw_number=bounded(u.raw_number, 64) or None,
                caller_name=bounded(u.caller_name, 100), queue=bounded(u.queue, 60), state=u.state,
                answered_at=u.ts if u.state is CallState.ANSWERED else None,
                wrapup=WrapUp(call_id=u.call_id, operator=self.operator, opened_at=utc_naive(u.ts),
                              caller_number=number.e164 or bounded(u.raw_number, 64) or None),
            )
            self.calls.add(call)
            return call
        if call.withdrawn:  # kept for its notes, and now it rings here again
            call.withdrawn, call.state, call.ended_at, call.wrapup.closed_at = "", CallState.RINGING, None, None
        self._apply(call, u)
        return call

    def _apply(self, call: ShiftCall, u: CallUpdate) -> None:
        if u.state is CallState.ANSWERED and call.answered_at is None:
            call.state = CallState.ANSWERED
            call.answered_at = u.ts
        elif u.state in (CallState.ENDED, CallState.MISSED) and call.ended_at is None:
            call.state = u.state
            call.ended_at = u.ts
            call.wrapup.closed_at = utc_naive(u.ts)
            if u.state is CallState.MISSED:
                call.saved = call.saved or not (call.wrapup.notes or call.wrapup.disposition)
        call.announced = call.call_id in self.router.announced
        self.calls.changed(call)

    def _withdraw(self, call: ShiftCall, u: CallUpdate, d: Decision) -> None:
        """Not this seat's call after all: gone, unless the operator typed something."""
        touched = bool(call.wrapup.notes.strip() or call.wrapup.disposition)
        was_current = call is self.current
        call.announced = False
        if touched:
            call.withdrawn = d.reason.value
            if call.ended_at is None:
                call.state, call.ended_at = CallState.ENDED, u.ts
                call.wrapup.closed_at = utc_naive(u.ts)
            self.calls.changed(call)
        else:
            self.calls.remove(call)
        if was_current and not touched:
            back = self.calls.find(d.back_to) if d.back_to else None
            if back is not None:
                self.pop(back)
            else:
                self._show_no_call()
        if d.reason is Reason.COLLEAGUE_ANSWERED:
            text = translate("OperatorCalls", "{caller}: answered by a colleague ({agent})").format(
                caller=call.who(), agent=bounded(u.agent or "", 40))
        else:
            text = translate("OperatorCalls", "{caller}: stopped ringing here, the queue offers it to "
                             "another phone").format(caller=call.who())
        self.statusBar().showMessage(text, 15000)

    def _show_no_call(self) -> None:
        self.current = None
        self._answered()
        self.call_bar.show_call(None)
        self.wrapup.edit(None)
        self._clear_story()
        self.panel.show_idle()

    def _show_incoming(self) -> None:
        waiting = [c for c in map(self.calls.find, self.router.announced) if c is not None]
        self.call_bar.show_incoming(waiting[0] if waiting else None, len(waiting))
        self.act_take_over.setEnabled(bool(waiting))

    def take_over(self) -> None:
        """F8: the longest-waiting announced call on screen; the one there waits in the list."""
        call_id = self.router.take_over()
        call = self.calls.find(call_id) if call_id else None
        if call is None:
            self.statusBar().showMessage(translate("OperatorCalls", "No call is waiting to be taken over"), 5000)
            self._show_incoming()
            return
        self.pop(call)

    def _calls_changed(self, top_left, bottom_right, _roles=()) -> None:
        """A wrap-up saved (or discarded) in the list: the router stops counting it busy."""
        for row in range(top_left.row(), bottom_right.row() + 1):
            call = self.calls.data(self.calls.index(row, 0), ShiftCallsModel.CALL_ROLE)
            if call is not None and call.saved:
                self.router.wrapped_up(call.call_id)
        self._update_call_back()

    # -- the pop -----------------------------------------------------------------------------
    def pop(self, call: ShiftCall) -> None:
        """Show this call: the store is asked first; the bar and list follow while it answers.

        The previous customer stays until the new one replaces it in one step; only an
        answer slower than a frame clears it and says "looking up".
        """
        # A draft or missed call the router never saw (last session, the call log) counts too.
        talked = call.answered_at is not None or call.state is CallState.ENDED
        self.router.adopt(call.call_id, call.state, answered_here=talked and not call.withdrawn,
                          wrapped_up=call.saved)
        self.router.shown(call.call_id)
        if call.announced:
            call.announced = False
            self.calls.changed(call)
        self.current = call
        # For "why no pops?": the file masks the number (services/log_file.py); never a name.
        log.info("pop: call %s from %s, %s", bounded(call.call_id, 64), bounded(call.raw_number, 40) or "-",
                 call.state.value)
        self.recovery.cancel("pop")  # an earlier call's fill-in is not wanted any more
        self._look_up_caller(call)
        self._awaiting = call
        self._loading_timer.start()
        self.call_bar.show_call(call)
        self.wrapup.edit(call.wrapup)
        row = self.calls.row_of(call)
        if row >= 0:
            self.calls_view.selectRow(row)
        self._show_incoming()

    def _look_up_caller(self, call: ShiftCall) -> None:
        services = self.services
        if call.wrapup.customer_id is not None:
            customer_id = call.wrapup.customer_id
            run_query(
                lambda: services.open_customer(customer_id, None, audited=False),
                lambda story: self._show_story(story) if story else self._failed(LookupError(customer_id)),
                lambda exc: self._pop_failed(call, exc),
                key="pop",
            )
            return
        raw, call_id, prefix = call.raw_number, call.call_id, self.outside_line
        run_query(
            lambda: services.pop_for_caller(raw, call_id, audited=False, outside_line_prefix=prefix),
            lambda result: self._show_pop(call, result),
            lambda exc: self._pop_failed(call, exc),
            key="pop",
        )

    def _pop_failed(self, call: ShiftCall, exc: BaseException) -> None:
        """The store did not answer the pop: what the PBX said is on screen, and the
        customer fills in once the store answers (the banner says why)."""
        from cti_desk.services.health import store_unavailable

        if not store_unavailable(exc):
            self._failed(exc)
            return
        if call is not self.current:
            return
        log.warning("pop of call %s waits for the store", bounded(call.call_id, 64))
        self._answered()
        self._clear_story()
        self.panel.show_store_down(call.number_text(), call.caller_name)
        self.recovery.wait("pop", lambda: self._fill_in(call))
        self.popShown.emit(call.call_id)

    def _fill_in(self, call: ShiftCall) -> None:
        """The store answers again: the call still on screen gets its customer."""
        if call is self.current and self.panel.page() == self.panel.STORE_DOWN:
            self._look_up_caller(call)

    def _show_loading(self) -> None:
        if self._awaiting is not None and self._awaiting is self.current:
            self._clear_story()
            self.panel.show_loading()

    def _answered(self) -> None:
        self._awaiting = None
        self._loading_timer.stop()

    def _show_pop(self, call: ShiftCall, pop: Pop) -> None:
        if call is not self.current:
            return
        res = pop.match.resolution
        log.info("pop: call %s is %s%s", bounded(call.call_id, 64), res.value,
                 f", customer {pop.story.summary.id}" if pop.story is not None else "")
        if res is Resolution.UNIQUE and pop.story is not None:
            call.wrapup.customer_id = pop.story.summary.id
            self._name_call(call, pop.story.summary.name)
            self._show_story(pop.story)
        else:
            self._answered()
            self._clear_story()
            if res is Resolution.MULTIPLE:
                self.panel.show_candidates(pop.candidates)
            elif res is Resolution.ANONYMOUS:
                self.panel.start_search()
            else:
                self.panel.show_new_customer(call.raw_number, call.e164)
        self.popShown.emit(call.call_id)

    def _name_call(self, call: ShiftCall, name: str | None) -> None:
        """The matched customer's name in the shift list (and the announcement)."""
        name = bounded(name, 100)
        if name and call.customer_name != name:
            call.customer_name = name
            self.calls.changed(call)
            if call.announced:
                self._show_incoming()

    def _call_activated(self, index) -> None:
        call = self.calls.data(index, ShiftCallsModel.CALL_ROLE)
        if call is not None and call is not self.current:
            self.pop(call)
