"""Live queue figures (CONTRACT.md "`cti-desk queues` output"): what a wallboard shows.

One QueueBoard per process that owns a PBX link, fed by the source: AMI messages
(`handle_ami`: QueueStatus list entries after `resync_started()`, then the live queue
events), or CallUpdates from the webhook and the simulator (`handle_update`, plus
`agent_state` for a source that reports agents). Counts cover the current local day
and survive a reconnect; members and waiting callers are re-read from QueueStatus.
After a restart `restore_day` takes the day's counts from the call log.

Waits: the PBX's `HoldTime` where it sends one (AgentConnect, QueueCallerAbandon),
else join -> answer/hang-up. An agent's state: offline (unavailable/invalid) > paused >
ringing > on_call > available; an agent in several queues is `paused` on its own row
when paused in any of them (what the seat's pause button does), per queue as the PBX
says. Not thread-safe: a GUI wraps it in one lock (qt/supervisor/feed.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.text import bounded
from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.calls import caller_name_of, raw_number_of
from cti_desk.telephony.queue_figures import (  # re-exported: the board's public types
    ALL_QUEUES,
    STATES,
    AgentRow,
    AgentState,
    DayCounts,
    QueueFigures,
    WaitingCaller,
)

__all__ = ["ALL_QUEUES", "AMI_EVENTS", "STATES", "AgentRow", "QueueBoard", "QueueFigures", "WaitingCaller"]

NAME_LIMIT = 100
CALL_MEMORY = 4096  # joins remembered per board: AgentConnect comes after QueueCallerLeave
# Asterisk device states (QueueMember/QueueMemberStatus `Status`) -> what the agent is.
_DEVICE = {"0": "available", "1": "available", "2": "on_call", "3": "on_call", "4": "offline",
           "5": "offline", "6": "ringing", "7": "ringing", "8": "on_call"}


class QueueBoard:
    def __init__(self, clock: Callable[[], datetime] | None = None, sl_seconds: int = 20) -> None:
        self._clock = clock or (lambda: datetime.now().astimezone())
        self.sl_seconds = sl_seconds
        self.listener: Callable[[], None] | None = None  # called when a queue may have changed
        self._day: date = self._clock().date()
        self._counts: dict[str, DayCounts] = {}  # every known queue has one
        self._waiting: dict[str, OrderedDict[str, WaitingCaller]] = {}
        self._agents: dict[str, AgentState] = {}
        self._joined: OrderedDict[tuple[str, str], datetime] = OrderedDict()  # (queue, call) -> join
        self._outcome: set[tuple[str, str]] = set()  # (queue, call) answered or abandoned today
        self._dirty: set[str] = set()
        self._reported: dict[str, tuple] = {}

    # -- what a reader asks -----------------------------------------------------------

    def figures(self, only: Iterable[str] | None = None) -> list[QueueFigures]:
        """One per known queue (or per known queue in `only`), sorted by name."""
        self._roll_day()
        now = self._clock()
        names = self._counts if only is None else [q for q in set(only) if q in self._counts]
        return [self._figures(q, now) for q in sorted(names)]

    def total(self) -> QueueFigures:
        self._roll_day()
        now = self._clock()
        total = DayCounts()
        for c in self._counts.values():
            total.offered += c.offered
            total.answered += c.answered
            total.abandoned += c.abandoned
            total.within_sl += c.within_sl
            total.wait_sum += c.wait_sum
        waiting = [w for q in self._waiting.values() for w in q.values()]
        agents = dict.fromkeys(STATES, 0)
        for agent in self._agents.values():
            if agent.paused_in:
                agents[agent.state_in(None)] += 1
        return self._build(ALL_QUEUES, now, total, waiting, agents)

    def agents(self) -> list[AgentRow]:
        return [
            AgentRow(a.interface, a.name, tuple(sorted(a.paused_in)), a.state, a.since or self._clock())
            for a in sorted(self._agents.values(), key=lambda a: a.interface)
            if a.paused_in
        ]

    def waiting_callers(self) -> list[WaitingCaller]:
        callers = [w for q in self._waiting.values() for w in q.values()]
        return sorted(callers, key=lambda w: (w.since, w.queue, w.call_id))

    def changed_queues(self) -> set[str]:
        """The queues whose figures (other than ts and the ticking longest wait) changed
        since the last call; a queue seen for the first time counts as changed."""
        self._roll_day()
        now = self._clock()
        changed = set()
        for queue in self._dirty:
            if queue not in self._counts:
                continue
            f = self._figures(queue, now)
            key = (f.waiting, f.offered, f.answered, f.abandoned, f.answered_within_sl,
                   tuple(sorted(f.agents.items())))
            if self._reported.get(queue) != key:
                self._reported[queue] = key
                changed.add(queue)
        self._dirty.clear()
        return changed

    def _figures(self, queue: str, now: datetime) -> QueueFigures:
        agents = dict.fromkeys(STATES, 0)
        for agent in self._agents.values():
            if queue in agent.paused_in:
                agents[agent.state_in(queue)] += 1
        return self._build(queue, now, self._counts[queue], list(self._waiting.get(queue, {}).values()), agents)

    def _build(self, queue: str, now: datetime, c: DayCounts, waiting: list[WaitingCaller],
               agents: dict[str, int]) -> QueueFigures:
        settled = c.answered + c.abandoned
        longest = max(((now - w.since).total_seconds() for w in waiting), default=0.0)
        return QueueFigures(
            queue=queue, ts=now, waiting=len(waiting), longest_wait_s=max(0, int(longest)),
            offered=c.offered, answered=c.answered, abandoned=c.abandoned,
            answered_within_sl=c.within_sl,
            service_level=round(c.within_sl / settled, 3) if settled else None,
            abandon_rate=round(c.abandoned / settled, 3) if settled else None,
            asa_s=round(c.wait_sum / c.answered, 1) if c.answered else None,
            sl_seconds=self.sl_seconds, agents=agents,
        )

    # -- the day and the bookkeeping ----------------------------------------------------

    def _roll_day(self) -> None:
        today = self._clock().date()
        if today != self._day:  # local midnight: the counts start again, the floor stays
            self._day = today
            for queue in self._counts:
                self._counts[queue] = DayCounts()
                self._dirty.add(queue)
            self._outcome.clear()

    def _queue(self, name: str | None) -> str | None:
        queue = bounded(name, NAME_LIMIT).strip() if name else ""
        if not queue:
            return None
        self._roll_day()
        if queue not in self._counts:
            self._counts[queue] = DayCounts()
            self._waiting[queue] = OrderedDict()
        self._touch(queue)
        return queue

    def _touch(self, *queues: str) -> None:
        self._dirty.update(queues)
        if self.listener is not None:
            self.listener()

    def _agent(self, interface: str | None, name: str | None = None) -> AgentState | None:
        iface = bounded(interface, NAME_LIMIT).strip() if interface else ""
        if not iface:
            return None
        agent = self._agents.get(iface)
        if agent is None:
            agent = self._agents[iface] = AgentState(iface, bounded(name, NAME_LIMIT) or iface)
        elif name and name != iface:  # a name that is only the interface again says nothing
            agent.name = bounded(name, NAME_LIMIT)
        return agent

    def _settle(self, agent: AgentState) -> None:
        """After any change to an agent: its row's state and since, its queues touched."""
        state = agent.state_in(None)
        if state != agent.state or agent.since is None:
            agent.state, agent.since = state, self._clock()
        self._touch(*agent.paused_in)

    def _join(self, queue: str, call_id: str, number: str | None, name: str | None,
              since: datetime | None = None) -> None:
        key = (queue, call_id)
        joined = since or self._joined.get(key) or self._clock()
        self._waiting[queue][call_id] = WaitingCaller(queue, call_id, number, name, joined)
        if key not in self._joined:
            self._joined[key] = joined
            self._counts[queue].offered += 1
            while len(self._joined) > CALL_MEMORY:
                self._joined.popitem(last=False)

    def _leave(self, queue: str, call_id: str) -> None:
        self._waiting[queue].pop(call_id, None)
        for agent in self._agents.values():
            if call_id in agent.rings:
                agent.rings.discard(call_id)
                self._settle(agent)

    def _wait(self, queue: str, call_id: str, hold_time: str | float | None) -> float:
        if isinstance(hold_time, float):
            return max(0.0, hold_time)
        if hold_time is not None and hold_time.strip().isdigit():
            return float(hold_time.strip())
        joined = self._joined.get((queue, call_id))
        return max(0.0, (self._clock() - joined).total_seconds()) if joined else 0.0

    def _answered(self, queue: str, call_id: str, agent: AgentState | None, hold_time: str | float | None) -> None:
        if (queue, call_id) not in self._joined:
            self._join(queue, call_id, None, None)
        self._leave(queue, call_id)
        if (queue, call_id) not in self._outcome:
            self._outcome.add((queue, call_id))
            wait = self._wait(queue, call_id, hold_time)
            c = self._counts[queue]
            c.answered += 1
            c.wait_sum += wait
            c.within_sl += wait <= self.sl_seconds
        if agent is not None:
            agent.paused_in.setdefault(queue, False)
            agent.calls.add(call_id)
            self._settle(agent)

    def _abandoned(self, queue: str, call_id: str) -> None:
        if (queue, call_id) not in self._joined:
            self._join(queue, call_id, None, None)
        self._leave(queue, call_id)
        if (queue, call_id) not in self._outcome:
            self._outcome.add((queue, call_id))
            self._counts[queue].abandoned += 1

    def _call_over(self, call_id: str) -> None:
        for agent in self._agents.values():
            if call_id in agent.calls or call_id in agent.rings:
                agent.calls.discard(call_id)
                agent.rings.discard(call_id)
                self._settle(agent)

    def restore_day(self, calls: Iterable[tuple[str, str, datetime, datetime | None, str]]) -> None:
        """Today's counts from the call log after a restart: (queue, call_id, rang_at,
        answered_at, state) per call. The log keeps no HoldTime and no way out of the
        queue: a wait is rang -> answered, a missed call counts as abandoned."""
        for queue_name, call_id, rang_at, answered_at, state in calls:
            queue = self._queue(queue_name)
            if queue is None or (queue, call_id) in self._joined:
                continue
            self._joined[(queue, call_id)] = rang_at
            c = self._counts[queue]
            c.offered += 1
            if answered_at is not None:
                self._outcome.add((queue, call_id))
                wait = max(0.0, (answered_at - rang_at).total_seconds())
                c.answered += 1
                c.wait_sum += wait
                c.within_sl += wait <= self.sl_seconds
            elif state == CallState.MISSED.value:
                self._outcome.add((queue, call_id))
                c.abandoned += 1

    # -- AMI ------------------------------------------------------------------------------

    def resync_started(self) -> None:
        """A QueueStatus follows: members and waiting callers are re-read, counts kept."""
        for queue, waiting in self._waiting.items():
            if waiting:
                waiting.clear()
                self._touch(queue)
        for agent in self._agents.values():  # kept (with their `since`) until re-read
            self._touch(*agent.paused_in)
            agent.paused_in.clear()
            agent.rings.clear()
            agent.calls.clear()
            agent.device = "available"

    def handle_ami(self, msg: Message) -> None:
        handler = _AMI.get((msg.event or "").lower())
        if handler is not None:
            handler(self, msg)

    def _call_id(self, msg: Message) -> str | None:
        return bounded(msg.get("Linkedid") or msg.get("Uniqueid"), 128) or None

    def _member(self, msg: Message, queue: str) -> AgentState | None:
        iface = msg.get("Interface") or msg.get("Location")
        agent = self._agent(iface, msg.get("MemberName") or msg.get("Name"))
        if agent is None:
            return None
        agent.paused_in.setdefault(queue, False)
        if msg.get("Status") in _DEVICE:
            agent.device = _DEVICE[msg["Status"]]
        if "Paused" in msg:
            agent.paused_in[queue] = msg.get("Paused") == "1"
        if msg.get("InCall") == "1" and agent.device == "available":
            agent.device = "on_call"
        return agent

    def _on_params(self, msg: Message) -> None:
        self._queue(msg.get("Queue"))

    def _on_member(self, msg: Message) -> None:  # QueueMember, QueueMemberStatus/Added/Pause
        queue = self._queue(msg.get("Queue"))
        if queue is not None and (agent := self._member(msg, queue)) is not None:
            self._settle(agent)

    def _on_member_removed(self, msg: Message) -> None:
        queue = self._queue(msg.get("Queue"))
        agent = self._agents.get(msg.get("Interface") or msg.get("Location") or "")
        if queue is not None and agent is not None:
            agent.paused_in.pop(queue, None)
            self._touch(queue)
            self._settle(agent)

    def _on_entry(self, msg: Message) -> None:  # QueueEntry: a caller waiting at QueueStatus time
        queue, call_id = self._queue(msg.get("Queue")), self._call_id(msg)
        if queue is None or call_id is None:
            return
        wait = msg.get("Wait") or ""
        since = self._clock() - timedelta(seconds=int(wait)) if wait.isdigit() else None
        self._join(queue, call_id, raw_number_of(msg.get("CallerIDNum")),
                   caller_name_of(msg.get("CallerIDName")), since)

    def _on_join(self, msg: Message) -> None:
        queue, call_id = self._queue(msg.get("Queue")), self._call_id(msg)
        if queue is not None and call_id is not None:
            self._join(queue, call_id, raw_number_of(msg.get("CallerIDNum")),
                       caller_name_of(msg.get("CallerIDName")))

    def _on_leave(self, msg: Message) -> None:
        queue, call_id = self._queue(msg.get("Queue")), self._call_id(msg)
        if queue is not None and call_id is not None:
            self._leave(queue, call_id)

    def _on_abandon(self, msg: Message) -> None:
        queue, call_id = self._queue(msg.get("Queue")), self._call_id(msg)
        if queue is None or call_id is None:
            return
        if (queue, call_id) not in self._outcome:
            # The PBX's HoldTime, when sent, is the wait; the board only needs the count.
            self._abandoned(queue, call_id)

    def _on_agent_called(self, msg: Message) -> None:
        queue, call_id = self._queue(msg.get("Queue")), self._call_id(msg)
        agent = self._agent(msg.get("Interface"), msg.get("MemberName"))
        if queue is None or call_id is None or agent is None:
            return
        agent.paused_in.setdefault(queue, False)
        agent.rings.add(call_id)
        self._settle(agent)

    def _on_ring_no_answer(self, msg: Message) -> None:
        agent = self._agents.get(msg.get("Interface") or "")
        call_id = self._call_id(msg)
        if agent is not None and call_id in agent.rings:
            agent.rings.discard(call_id)
            self._settle(agent)

    def _on_connect(self, msg: Message) -> None:
        queue, call_id = self._queue(msg.get("Queue")), self._call_id(msg)
        if queue is not None and call_id is not None:
            self._answered(queue, call_id, self._agent(msg.get("Interface"), msg.get("MemberName")),
                           msg.get("HoldTime"))

    def _on_complete(self, msg: Message) -> None:
        call_id = self._call_id(msg)
        agent = self._agents.get(msg.get("Interface") or "")
        if agent is not None and call_id in agent.calls:
            agent.calls.discard(call_id)
            self._settle(agent)

    def _on_hangup(self, msg: Message) -> None:
        call_id = self._call_id(msg)
        if call_id is not None and msg.get("Uniqueid") in (call_id, None):  # the caller hung up
            self._call_over(call_id)

    # -- webhook and simulator --------------------------------------------------------------

    def handle_update(self, u: CallUpdate) -> None:
        """A call update carrying `queue` (and `agent`): join on ringing, ringing phones
        from `ringing_at`, answered, missed while waiting = abandoned, ended."""
        queue = self._queue(u.queue)
        if queue is None:
            if u.state in (CallState.ENDED, CallState.MISSED):
                self._call_over(u.call_id)
            return
        key = (queue, u.call_id)
        if u.state is CallState.RINGING:
            if key not in self._outcome:
                number = raw_number_of(u.raw_number)
                self._join(queue, u.call_id, number, u.caller_name, self._joined.get(key) or u.ts)
            for agent in self._agents.values():  # phones that stopped ringing
                if u.call_id in agent.rings and agent.interface not in u.ringing_at:
                    agent.rings.discard(u.call_id)
                    self._settle(agent)
            for iface in u.ringing_at:
                if (agent := self._agent(iface)) is not None and u.call_id not in agent.rings:
                    agent.paused_in.setdefault(queue, False)
                    agent.rings.add(u.call_id)
                    self._settle(agent)
        elif u.state is CallState.ANSWERED:
            if key not in self._joined:
                self._join(queue, u.call_id, raw_number_of(u.raw_number), u.caller_name, u.ts)
            joined = self._joined.get(key, u.ts)
            wait = (u.ts - joined).total_seconds()
            self._answered(queue, u.call_id, self._agent(u.agent), wait)
        elif u.state is CallState.MISSED:
            if key in self._joined or u.call_id in self._waiting[queue]:
                self._abandoned(queue, u.call_id)
            self._call_over(u.call_id)
        else:
            self._leave(queue, u.call_id)
            self._call_over(u.call_id)

    def agent_state(self, queue: str, interface: str, state: str, paused: bool) -> None:
        """A source that reports its agents (the simulator): `state` one of STATES."""
        name = self._queue(queue)
        agent = self._agent(interface)
        if name is None or agent is None:
            return
        agent.paused_in[name] = paused or state == "paused"
        if state in ("available", "on_call", "ringing", "offline"):
            agent.device = state
        self._settle(agent)


_AMI: dict[str, Callable[[QueueBoard, Message], None]] = {
    "queueparams": QueueBoard._on_params,
    "queuemember": QueueBoard._on_member,
    "queuememberstatus": QueueBoard._on_member,
    "queuememberadded": QueueBoard._on_member,
    "queuememberpause": QueueBoard._on_member,
    "queuememberpaused": QueueBoard._on_member,
    "queuememberremoved": QueueBoard._on_member_removed,
    "queueentry": QueueBoard._on_entry,
    "queuecallerjoin": QueueBoard._on_join,
    "queuecallerleave": QueueBoard._on_leave,
    "queuecallerabandon": QueueBoard._on_abandon,
    "agentcalled": QueueBoard._on_agent_called,
    "agentringnoanswer": QueueBoard._on_ring_no_answer,
    "agentconnect": QueueBoard._on_connect,
    "agentcomplete": QueueBoard._on_complete,
    "hangup": QueueBoard._on_hangup,
}

# The AMI events the board reads (what the relay passes on to its seats' boards).
AMI_EVENTS = frozenset(_AMI)
