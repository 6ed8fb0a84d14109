"""AMI sessions built from the recordings in tests/fixtures/ami/.

goami2-call.txt is used byte for byte (through the real parser). The recordings hold no
complete queue call, so `queue_call()` composes one from the jasterNG frames, in the
order apps/app_queue.c sends them (see the recordings' README). What was changed and why:

- jasterNG logged headers joined by ", " with stray blank lines: the separators are
  undone; the Event names of AgentConnect/AgentComplete/QueueCallerJoin/Abandon are
  fixed (their class comments were headed by a copy-pasted name, the README says so).
- Newchannel/Newstate/DialBegin/DialEnd/BridgeEnter/Hangup of the caller's and the
  agent's channel are the recorded snapshots (QueueCallerJoin head for the caller, the
  Dest* fields of AgentCalled for the agent leg) under another Event name, with
  ChannelState changed to what the channel is at that moment.
- `queue_call(uid=..., number=..., agent=...)` renames the ids, the caller number and
  the member so several calls can be interleaved.
- CoreShowChannel (re-sync) frames: the same snapshots plus the fields
  action_coreshowchannels() adds (BridgeId, Application, ApplicationData, Duration).
"""

from __future__ import annotations

import re
from pathlib import Path

from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.ami.parser import AmiParser

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ami"
SNAPSHOT_KEYS = (
    "Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName",
    "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context",
    "Exten", "Priority", "Uniqueid", "Linkedid",
)
STATE_DESC = {"0": "Down", "4": "Ring", "5": "Ringing", "6": "Up"}


def recording_bytes(name: str) -> bytes:
    """The recording without its '#' comment lines, CRLF as recorded."""
    raw = (FIXTURES / name).read_bytes()
    return b"".join(line for line in raw.splitlines(keepends=True) if not line.startswith(b"#"))


def recorded_messages(name: str) -> list[Message]:
    return AmiParser().feed(b"Asterisk Call Manager/2.10.0\r\n" + recording_bytes(name))


def split_pack_28(messages: list[Message]) -> list[Message]:
    """goami2's pack 28 glues Newexten and DialEnd together (no blank line): split it."""
    out = []
    for m in messages:
        events = [i for i, (k, _) in enumerate(m.pairs) if k == "Event"]
        if len(events) == 2:
            out += [Message(m.pairs[: events[1]]), Message(m.pairs[events[1] :])]
        else:
            out.append(m)
    return out


def _jasterng_blocks() -> dict[str, list[tuple[str, str]]]:
    text = (FIXTURES / "jasterng-pjsip-queue.txt").read_text("utf-8")
    blocks: dict[str, list[tuple[str, str]]] = {}
    for chunk in re.split(r"^# --- ", text, flags=re.MULTILINE)[1:]:
        title, _, body = chunk.partition("\n")
        name = title.split(".java")[0]
        pairs = []
        for line in body.splitlines():
            for item in re.split(r", (?=[A-Za-z-]+: )", line.strip().removesuffix(",")):
                key, sep, value = item.partition(": ")
                if sep or item.endswith(":"):
                    pairs.append((key.removesuffix(":"), value.strip().removesuffix(",")))
        blocks[name] = pairs
    return blocks


def _snapshot(pairs: list[tuple[str, str]], prefix: str = "") -> dict[str, str]:
    d = dict(pairs)
    return {k: d[prefix + k] for k in SNAPSHOT_KEYS if prefix + k in d}


def _frame(event: str, *parts: dict[str, str] | list[tuple[str, str]]) -> Message:
    pairs = [("Event", event), ("Privilege", "call,all")]
    for part in parts:
        pairs += list(part.items()) if isinstance(part, dict) else part
    return Message(pairs)


def _with_state(snap: dict[str, str], state: str) -> dict[str, str]:
    return {**snap, "ChannelState": state, "ChannelStateDesc": STATE_DESC[state]}


def _dest(snap: dict[str, str]) -> dict[str, str]:
    return {"Dest" + k: v for k, v in snap.items()}


class QueueCall:
    """One caller waiting in queue `test` for member PJSIP/000, as Asterisk reports it."""

    def __init__(self, uid: str = "asterisk-1740666060.311", number: str = "000193393",
                 agent: str = "000", name: str = "<unknown>") -> None:
        b = _jasterng_blocks()
        self.called = b["AgentCalled"]
        caller = _snapshot(b["QueueCallerJoin"])
        leg = _snapshot(self.called, "Dest")
        agent_uid = uid.rsplit(".", 1)[0] + "." + str(int(uid.rsplit(".", 1)[1]) + 1)
        caller.update(Uniqueid=uid, Linkedid=uid, CallerIDNum=number, CallerIDName=name,
                      Channel=f"PJSIP/dev-{int(uid.rsplit('.', 1)[1]):08x}")
        leg.update(Uniqueid=agent_uid, Linkedid=uid, CallerIDNum=agent, ConnectedLineNum=number,
                   Channel=f"PJSIP/{agent}-{int(agent_uid.rsplit('.', 1)[1]):08x}")
        self.caller, self.leg, self.uid, self.agent = caller, leg, uid, f"PJSIP/{agent}"
        self.queue = dict(b["AgentCalled"])["Queue"]
        self.bridge = f"bridge-{uid}"

    def member(self) -> dict[str, str]:
        return {"Queue": self.queue, "Interface": self.agent, "MemberName": self.agent}

    def arrives(self) -> list[Message]:
        """The caller's line comes in, the PBX picks it up for the queue, an agent rings."""
        c, leg = self.caller, self.leg
        return [
            _frame("Newchannel", _with_state(c, "4")),
            _frame("Newstate", _with_state(c, "6")),  # the PBX answers for the queue
            _frame("QueueCallerJoin", c, {"Queue": self.queue, "Position": "1", "Count": "1"}),
            _frame("AgentCalled", c, _dest(_with_state(leg, "0")), self.member()),
            _frame("Newchannel", _with_state(leg, "0")),
            _frame("DialBegin", c, _dest(_with_state(leg, "0")), {"DialString": self.agent[6:]}),
            _frame("Newstate", _with_state(leg, "5")),
        ]

    def answered(self) -> list[Message]:
        c, leg = self.caller, self.leg
        return [
            _frame("Newstate", _with_state(leg, "6")),
            _frame("DialEnd", c, _dest(_with_state(leg, "6")), {"DialStatus": "ANSWER"}),
            _frame("QueueCallerLeave", c, {"Queue": self.queue, "Position": "1", "Count": "0"}),
            _frame("AgentConnect", c, _dest(_with_state(leg, "6")), self.member(),
                   {"HoldTime": "3", "RingTime": "2"}),
            _frame("BridgeCreate", {"BridgeUniqueid": self.bridge, "BridgeType": "basic"}),
            _frame("BridgeEnter", {"BridgeUniqueid": self.bridge}, _with_state(leg, "6")),
            _frame("BridgeEnter", {"BridgeUniqueid": self.bridge}, _with_state(c, "6")),
        ]

    def completed(self) -> list[Message]:
        c, leg = self.caller, self.leg
        return [
            _frame("BridgeLeave", {"BridgeUniqueid": self.bridge}, _with_state(c, "6")),
            _frame("BridgeLeave", {"BridgeUniqueid": self.bridge}, _with_state(leg, "6")),
            _frame("BridgeDestroy", {"BridgeUniqueid": self.bridge}),
            _frame("AgentComplete", c, _dest(_with_state(leg, "6")), self.member(),
                   {"HoldTime": "3", "TalkTime": "1", "Reason": "agent"}),
            *self.hangups(),
        ]

    def abandoned(self) -> list[Message]:
        c, leg = self.caller, self.leg
        return [
            _frame("DialEnd", c, _dest(_with_state(leg, "5")), {"DialStatus": "CANCEL"}),
            _frame("QueueCallerAbandon", c, {"Queue": self.queue, "Position": "1",
                                             "OriginalPosition": "1", "HoldTime": "3"}),
            _frame("QueueCallerLeave", c, {"Queue": self.queue, "Position": "1", "Count": "0"}),
            *self.hangups(),
        ]

    def ring_no_answer(self) -> list[Message]:
        c, leg = self.caller, self.leg
        return [
            _frame("AgentRingNoAnswer", c, _dest(_with_state(leg, "5")), self.member(),
                   {"RingTime": "15"}),
            _frame("DialEnd", c, _dest(_with_state(leg, "5")), {"DialStatus": "NOANSWER"}),
        ]

    def hangups(self) -> list[Message]:
        cause = {"Cause": "16", "Cause-txt": "Normal Clearing"}
        return [
            _frame("Hangup", _with_state(self.leg, "6"), cause),
            _frame("Hangup", _with_state(self.caller, "6"), cause),
        ]

    def show_channels(self, *, leg_state: str | None = "5", bridged: bool = False) -> list[Message]:
        """CoreShowChannel events for this call as it stands (after a reconnect)."""
        extra = {"Application": "Queue", "ApplicationData": f"{self.queue},,,,",
                 "Duration": "00:00:07", "BridgeId": self.bridge if bridged else ""}
        out = [_frame("CoreShowChannel", _with_state(self.caller, "6"), extra)]
        if leg_state:
            out.append(_frame("CoreShowChannel", _with_state(self.leg, leg_state),
                              {"Application": "AppQueue", "ApplicationData": "(Outgoing Line)",
                               "Duration": "00:00:03", "BridgeId": self.bridge if bridged else ""}))
        return out

    def whole_answered(self) -> list[Message]:
        return self.arrives() + self.answered() + self.completed()

    def whole_abandoned(self) -> list[Message]:
        return self.arrives() + self.abandoned()


def to_wire(messages: list[Message]) -> bytes:
    """Messages back to AMI bytes (for the fake server)."""
    return b"".join(
        "".join(f"{k}: {v}\r\n" for k, v in m.pairs).encode() + b"\r\n" for m in messages
    )
