"""Asterisk Manager events -> incoming calls as the call center sees them.

One call is one `Linkedid` (falling back to `Uniqueid` on Asterisk 11, which has none).
The caller is always taken from the call's first channel (Uniqueid == Linkedid): on an
agent's own leg Asterisk puts the agent in CallerIDNum and the customer in
ConnectedLineNum, so any other channel would give the wrong person.

- ringing: the first channel appears (Newchannel) or joins a queue (QueueCallerJoin).
- answered: a person answers: DialEnd `ANSWER` to a real phone, AgentConnect, or a
  BridgeEnter putting the caller's side with another phone of the call. The PBX picking
  up the line for a queue or menu (Newstate Up of the first channel) is not an answer.
- ended / missed: the call's last channel hangs up (or AgentComplete / QueueCallerAbandon),
  `ended` if a person had answered, `missed` otherwise.

Which calls are incoming: with `inbound_contexts` set (the dialplan contexts trunks land
in, e.g. `from-pstn`), exactly the calls whose first channel starts in one of them (or
that join a queue). Without it: every call except those whose first channel is a
`Local/` channel (an Originate or call file) and those where an extension (1-6 digits)
dials an outside number (an agent calling out).

Which phones ring now (`ringing_at`) follows AgentCalled/DialBegin (add) and
AgentRingNoAnswer/DialEnd NOANSWER, BUSY... (remove); once answered only the answering
agent is left. A change of that set alone is sent with `state_changed=False`. A DialEnd
CANCEL (the caller hung up, or another phone answered) leaves the set to the state change
that follows: the pop where it rang then turns missed instead of moving away first.

The queue: Newchannel (ringing) comes before QueueCallerJoin, so that first update has
no queue; the join sends the ringing update again with the queue and state_changed=False
(the window and the queue board take it; `monitor` prints state changes only, so its
`ringing` line keeps `queue: null` and its `answered`/`ended` lines name the queue).
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from cti_desk.domain.calls import NEXT_STATES, CallState, CallUpdate
from cti_desk.domain.phone import MAX_RAW_LENGTH
from cti_desk.domain.text import bounded
from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.ami.parser import unescape_c

log = logging.getLogger(__name__)

# Asterisk appends "-" and 8 hex digits (and ";1"/";2" for Local) to the interface name.
_CHANNEL_SUFFIX = re.compile(r"-[0-9a-fA-F]{8}(;\d)?$")
_EXTENSION = re.compile(r"\d{1,6}")
_OUTSIDE_NUMBER = re.compile(r"\+?\d{7,20}")
_UNKNOWN = "<unknown>"
NAME_LIMIT = 100
FINISHED_MEMORY = 2048  # finished call ids kept to swallow the PBX repeating itself
MAX_CALLS = 10_000  # calls in progress; beyond this the oldest is dropped (never in practice)


def interface_of(channel: str) -> str:
    """`PJSIP/2001-0000001a` -> `PJSIP/2001`: the phone, not this one call's channel."""
    return _CHANNEL_SUFFIX.sub("", channel)


def _is_local(channel: str | None) -> bool:
    return bool(channel) and channel.lower().startswith("local/")


def caller_name_of(raw: str | None) -> str | None:
    """CallerIDName as sent -> plain text, or None for Asterisk's `<unknown>`."""
    if raw is None:
        return None
    name = bounded(unescape_c(raw).strip(), NAME_LIMIT)
    if not name or name == _UNKNOWN:
        return None
    return name


def raw_number_of(raw: str | None) -> str | None:
    """The caller number as the PBX sent it (bounded); None when nothing was sent."""
    if raw is None:
        return None
    raw = raw.strip()[:MAX_RAW_LENGTH]
    return raw or None


@dataclass(slots=True)
class _Call:
    call_id: str
    first_uid: str
    raw_number: str | None
    caller_name: str | None
    incoming: bool
    queue: str | None = None
    agent: str | None = None
    state: CallState | None = None
    channels: set[str] = field(default_factory=set)  # uniqueids alive
    ringing_at: set[str] = field(default_factory=set)


class CallTracker:
    """Feed it every AMI event (`handle`); it calls `emit` with CallUpdates."""

    def __init__(
        self,
        emit: Callable[[CallUpdate], None],
        *,
        inbound_contexts: Iterable[str] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._emit = emit
        self._inbound = frozenset(inbound_contexts) if inbound_contexts else None
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._calls: OrderedDict[str, _Call] = OrderedDict()
        self._call_of_channel: dict[str, str] = {}  # uniqueid -> call id
        self._bridges: dict[str, set[str]] = {}  # bridge id -> uniqueids
        self._names: dict[str, str] = {}  # uniqueid -> channel name, while it lives
        self._finished: OrderedDict[str, None] = OrderedDict()

    # -- what the rest of the app may ask ---------------------------------------------

    @property
    def calls_in_progress(self) -> int:
        return len(self._calls)

    # -- events -----------------------------------------------------------------------

    def handle(self, msg: Message) -> None:
        event = msg.event
        if not event:
            return
        handler = _HANDLERS.get(event.lower())
        if handler is not None:
            handler(self, msg)

    def _call_id(self, msg: Message, prefix: str = "") -> str | None:
        return msg.get(prefix + "Linkedid") or msg.get(prefix + "Uniqueid") or None

    def _known(self, msg: Message) -> _Call | None:
        call_id = self._call_id(msg)
        call = self._calls.get(call_id) if call_id else None
        if call is None:
            uid = msg.get("Uniqueid")
            owner = self._call_of_channel.get(uid) if uid else None
            call = self._calls.get(owner) if owner else None
        return call

    def _is_incoming(self, msg: Message) -> bool:
        if self._inbound is not None:
            return msg.get("Context") in self._inbound
        if _is_local(msg.get("Channel")):
            return False
        number = (msg.get("CallerIDNum") or "").strip()
        exten = (msg.get("Exten") or "").strip()
        return not (_EXTENSION.fullmatch(number) and _OUTSIDE_NUMBER.fullmatch(exten))

    def _start(
        self, msg: Message, *, force_incoming: bool = False, queue: str | None = None
    ) -> _Call | None:
        """A call we had not seen, from an event on its first channel."""
        call_id = self._call_id(msg)
        uid = msg.get("Uniqueid") or call_id
        if not call_id or not uid or call_id in self._finished:
            return None
        if uid != call_id:
            return None  # not the caller's channel: we can't know who is calling
        call = _Call(
            call_id=call_id,
            first_uid=uid,
            raw_number=raw_number_of(msg.get("CallerIDNum")),
            caller_name=caller_name_of(msg.get("CallerIDName")),
            incoming=force_incoming or self._is_incoming(msg),
            queue=queue,
        )
        self._calls[call_id] = call
        if len(self._calls) > MAX_CALLS:
            old_id, old = self._calls.popitem(last=False)
            self._forget(old)
            log.warning("too many calls in progress; forgot call %s", old_id)
        self._add_channel(call, uid, msg.get("Channel"))
        if call.incoming:
            self._move(call, CallState.RINGING)
        return call

    def _add_channel(self, call: _Call, uid: str | None, name: str | None = None) -> None:
        if uid:
            call.channels.add(uid)
            self._call_of_channel[uid] = call.call_id
            if name:
                self._names[uid] = name

    def _move(self, call: _Call, state: CallState) -> None:
        """Move the call on if that is a legal next step; repeats are dropped."""
        if state not in NEXT_STATES[call.state]:
            return
        call.state = state
        if state is CallState.ANSWERED and call.agent:
            call.ringing_at = {call.agent}
        elif state in (CallState.ENDED, CallState.MISSED):
            call.ringing_at = set()
        if call.incoming:
            self._send(call, state_changed=True)
        if state in (CallState.ENDED, CallState.MISSED):
            self._finish(call)

    def _send(self, call: _Call, *, state_changed: bool) -> None:
        assert call.state is not None
        self._emit(
            CallUpdate(
                call_id=call.call_id,
                state=call.state,
                raw_number=call.raw_number,
                caller_name=call.caller_name,
                queue=call.queue,
                agent=call.agent,
                ts=self._clock(),
                state_changed=state_changed,
                ringing_at=frozenset(call.ringing_at),
                source="ami",
            )
        )

    def _set_ringing_at(self, call: _Call, interfaces: set[str]) -> None:
        if call.state is not CallState.RINGING or interfaces == call.ringing_at:
            return
        call.ringing_at = interfaces
        if call.incoming:
            self._send(call, state_changed=False)

    def _answer(self, call: _Call, agent: str | None) -> None:
        if call.state is not CallState.RINGING:
            return
        call.agent = agent or call.agent
        self._move(call, CallState.ANSWERED)

    def _over(self, call: _Call) -> None:
        self._move(call, CallState.ENDED if call.state is CallState.ANSWERED else CallState.MISSED)
        if call.state is None:  # never incoming ringing (an outbound call): just forget it
            self._finish(call)

    def _finish(self, call: _Call) -> None:
        self._calls.pop(call.call_id, None)
        self._forget(call)
        self._finished[call.call_id] = None
        while len(self._finished) > FINISHED_MEMORY:
            self._finished.popitem(last=False)

    def _forget(self, call: _Call) -> None:
        for uid in call.channels:
            if self._call_of_channel.get(uid) == call.call_id:
                del self._call_of_channel[uid]
                self._names.pop(uid, None)
        call.channels.clear()

    # -- one method per AMI event -------------------------------------------------------

    def _on_newchannel(self, msg: Message) -> None:
        call = self._known(msg)
        if call is None:
            self._start(msg)
            return
        self._add_channel(call, msg.get("Uniqueid"), msg.get("Channel"))

    def _on_channel_event(self, msg: Message) -> None:
        """Any snapshot of a channel we know of: remember it belongs to the call."""
        call = self._known(msg)
        if call is not None:
            self._add_channel(call, msg.get("Uniqueid"), msg.get("Channel"))

    def _on_queue_caller_join(self, msg: Message) -> None:
        call = self._known(msg) or self._start(msg, force_incoming=True)
        if call is None:
            return
        before = call.queue
        call.queue = bounded(msg.get("Queue"), NAME_LIMIT) or call.queue
        if not call.incoming:
            # A caller waiting in a queue is an incoming call whatever the context says.
            call.incoming = True
            self._move(call, CallState.RINGING)
        elif call.queue != before and call.state is CallState.RINGING:
            # Newchannel rang it before the queue was known: say the queue now.
            self._send(call, state_changed=False)

    def _on_agent_called(self, msg: Message) -> None:
        call = self._known(msg)
        if call is None:
            return
        call.queue = call.queue or bounded(msg.get("Queue"), NAME_LIMIT) or None
        self._add_channel(call, msg.get("DestUniqueid"), msg.get("DestChannel"))
        iface = msg.get("Interface") or msg.get("MemberName")
        if iface and not _is_local(iface):
            self._set_ringing_at(call, call.ringing_at | {bounded(iface, NAME_LIMIT)})

    def _on_agent_ring_no_answer(self, msg: Message) -> None:
        call = self._known(msg)
        iface = msg.get("Interface") or msg.get("MemberName")
        if call is not None and iface:
            self._set_ringing_at(call, call.ringing_at - {iface})

    def _on_dial_begin(self, msg: Message) -> None:
        call = self._known(msg)
        if call is None:
            call = self._start(msg) if msg.get("Channel") else None
            if call is None:
                return
        dest = msg.get("DestChannel")
        self._add_channel(call, msg.get("DestUniqueid"), dest)
        if dest and not _is_local(dest):
            self._set_ringing_at(call, call.ringing_at | {bounded(interface_of(dest), NAME_LIMIT)})

    def _on_dial_end(self, msg: Message) -> None:
        call = self._known(msg)
        dest = msg.get("DestChannel")
        if call is None or not dest or _is_local(dest):
            return
        iface = bounded(interface_of(dest), NAME_LIMIT)
        status = (msg.get("DialStatus") or "").upper()
        if status == "ANSWER":
            if msg.get("Channel"):  # an Originate dials with no calling channel
                self._answer(call, iface)
        elif status != "CANCEL":
            self._set_ringing_at(call, call.ringing_at - {iface})

    def _on_agent_connect(self, msg: Message) -> None:
        call = self._known(msg)
        if call is None:
            return
        self._add_channel(call, msg.get("DestUniqueid"), msg.get("DestChannel"))
        iface = msg.get("Interface") or msg.get("MemberName")
        if _is_local(iface) and msg.get("DestChannel") and not _is_local(msg.get("DestChannel")):
            iface = interface_of(msg["DestChannel"])
        self._answer(call, bounded(iface, NAME_LIMIT) or None)

    def _on_agent_complete(self, msg: Message) -> None:
        call = self._known(msg)
        if call is None or (msg.get("Reason") or "").lower() == "transfer":
            return  # a transferred caller is still talking to someone
        if call.state is CallState.ANSWERED:
            self._move(call, CallState.ENDED)

    def _on_queue_caller_abandon(self, msg: Message) -> None:
        call = self._known(msg)
        if call is not None and call.state is CallState.RINGING:
            self._move(call, CallState.MISSED)

    def _on_bridge_enter(self, msg: Message) -> None:
        bridge, uid = msg.get("BridgeUniqueid"), msg.get("Uniqueid")
        if not bridge or not uid:
            return
        members = self._bridges.setdefault(bridge, set())
        members.add(uid)
        call = self._known(msg)
        if call is None:
            return
        self._add_channel(call, uid, msg.get("Channel"))
        self._check_bridge(call, members)

    def _check_bridge(self, call: _Call, members: set[str]) -> None:
        """The caller's side and another real phone of the call in one bridge: answered.

        The caller's side is the first channel, or a Local channel standing in for it
        (queue members reached through Local/...).
        """
        ours = [u for u in sorted(members) if u in call.channels]
        names = self._names
        callers_side = any(u == call.first_uid or _is_local(names.get(u)) for u in ours)
        if len(ours) < 2 or not callers_side:
            return
        for u in ours:
            name = names.get(u, "")
            if u != call.first_uid and name and not _is_local(name):
                self._answer(call, bounded(interface_of(name), NAME_LIMIT))
                return

    def _on_bridge_leave(self, msg: Message) -> None:
        members = self._bridges.get(msg.get("BridgeUniqueid") or "")
        if members is not None:
            members.discard(msg.get("Uniqueid") or "")

    def _on_bridge_destroy(self, msg: Message) -> None:
        self._bridges.pop(msg.get("BridgeUniqueid") or "", None)

    def _on_hangup(self, msg: Message) -> None:
        uid = msg.get("Uniqueid")
        call = self._known(msg)
        if call is None or not uid:
            return
        call.channels.discard(uid)
        self._call_of_channel.pop(uid, None)
        self._names.pop(uid, None)
        if not call.channels:
            self._over(call)

    # -- after a reconnect --------------------------------------------------------------

    def adopt(self, update: CallUpdate) -> None:
        """A call in progress as another tracker last reported it (a relay taking over):
        the next `resync` ends it if the PBX no longer has it, and says nothing already said."""
        if update.call_id in self._calls or update.call_id in self._finished:
            return
        self._calls[update.call_id] = _Call(
            call_id=update.call_id, first_uid=update.call_id, raw_number=update.raw_number,
            caller_name=update.caller_name, incoming=True, queue=update.queue, agent=update.agent,
            state=update.state, ringing_at=set(update.ringing_at))

    def calls_known(self) -> frozenset[str]:
        """Take this before asking for CoreShowChannels, and give it to `resync`."""
        return frozenset(self._calls)

    def resync(self, channels: list[Message], known: frozenset[str] | None = None) -> None:
        """Rebuild from CoreShowChannel events: what happened while we were away.

        Calls that rang during the outage still pop (ringing, then answered if a phone
        is bridged with the caller); calls that vanished are ended or missed. Only calls
        `known` before the list was asked for can have vanished: events keep coming
        while the list is on its way, and a call they started is not in it.
        """
        by_call: dict[str, list[Message]] = {}
        for ch in channels:
            call_id = self._call_id(ch)
            if call_id:
                by_call.setdefault(call_id, []).append(ch)
        for call in list(self._calls.values()):
            if call.call_id not in by_call and (known is None or call.call_id in known):
                self._over(call)
        self._bridges.clear()
        for call_id, members in by_call.items():
            first = next((m for m in members if m.get("Uniqueid") == call_id), None)
            queue = None
            if first is not None and (first.get("Application") or "").lower() == "queue":
                queue = bounded((first.get("ApplicationData") or "").split(",")[0], NAME_LIMIT) or None
            call = self._calls.get(call_id)
            if call is None:
                if first is None:
                    continue  # the caller is gone already; nothing left to pop
                call = self._start(first, force_incoming=queue is not None, queue=queue)
                if call is None:
                    continue
            call.queue = call.queue or queue
            self._forget(call)
            for m in members:
                self._add_channel(call, m.get("Uniqueid"), m.get("Channel"))
            if call.state is CallState.RINGING:
                self._resync_answer(call, members)

    def _resync_answer(self, call: _Call, members: list[Message]) -> None:
        bridged: dict[str, set[str]] = {}
        for m in members:
            if m.get("BridgeId"):
                bridged.setdefault(m["BridgeId"], set()).add(m.get("Uniqueid") or "")
        ringing = {
            interface_of(m.get("Channel") or "")
            for m in members
            if m.get("Uniqueid") != call.first_uid
            and not _is_local(m.get("Channel"))
            and (m.get("ChannelStateDesc") or "").lower() == "ringing"
        }
        for uids in bridged.values():
            self._check_bridge(call, uids)
            if call.state is not CallState.RINGING:
                return
        self._set_ringing_at(call, ringing)


_HANDLERS: dict[str, Callable[[CallTracker, Message], None]] = {}


def _register() -> None:
    for event, method in {
        "newchannel": CallTracker._on_newchannel,
        "newstate": CallTracker._on_channel_event,
        "newcallerid": CallTracker._on_channel_event,
        "queuecallerjoin": CallTracker._on_queue_caller_join,
        "agentcalled": CallTracker._on_agent_called,
        "agentringnoanswer": CallTracker._on_agent_ring_no_answer,
        "dialbegin": CallTracker._on_dial_begin,
        "dialend": CallTracker._on_dial_end,
        "agentconnect": CallTracker._on_agent_connect,
        "agentcomplete": CallTracker._on_agent_complete,
        "queuecallerabandon": CallTracker._on_queue_caller_abandon,
        "bridgeenter": CallTracker._on_bridge_enter,
        "bridgeleave": CallTracker._on_bridge_leave,
        "bridgedestroy": CallTracker._on_bridge_destroy,
        "hangup": CallTracker._on_hangup,
    }.items():
        _HANDLERS[event] = method


_register()
