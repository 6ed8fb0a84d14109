"""A morning in queue `test`, composed from the recorded frames (recorded_calls.QueueCall,
tests/fixtures/ami/goami2-queues.txt), with HoldTime values chosen so the figures can be
worked out by hand in the tests.

Members (QueueStatus, as goami2's QueueMember frames: Location, StateInterface, Status):
PJSIP/2001 and PJSIP/2002 not in use, PJSIP/2003 paused, PJSIP/2004 unavailable (5).
Calls: 1 (2001, HoldTime 5, completed), 2 (2002, HoldTime 25, still talking),
3 (2001, HoldTime 12, completed), 4 (rang 2001, abandoned after 40 s), 5 (ringing 2001,
still waiting).
"""

from __future__ import annotations

from cti_desk.telephony.ami.message import Message
from tests.telephony.recorded_calls import QueueCall

QUEUE = "test"  # the queue of the recorded jasterNG frames


def member(interface: str, status: str = "1", paused: str = "0", in_call: str = "0") -> Message:
    """A QueueMember list entry shaped like goami2's recorded one (pack 11)."""
    return Message([
        ("Event", "QueueMember"), ("Queue", QUEUE), ("Name", interface), ("Location", interface),
        ("StateInterface", interface), ("Membership", "static"), ("Penalty", "0"),
        ("CallsTaken", "0"), ("LastCall", "0"), ("InCall", in_call), ("Status", status),
        ("Paused", paused), ("PausedReason", ""),
    ])


def params() -> Message:
    return Message([("Event", "QueueParams"), ("Queue", QUEUE), ("Max", "0"), ("Strategy", "ringall"),
                    ("Calls", "0"), ("Holdtime", "0"), ("TalkTime", "0"), ("Completed", "0"),
                    ("Abandoned", "0"), ("ServiceLevel", "0"), ("ServicelevelPerf", "0.0"), ("Weight", "0")])


def entry(call: QueueCall, position: int, wait: int) -> Message:
    """A QueueEntry list entry: a caller waiting when QueueStatus was asked."""
    c = call.caller
    return Message([
        ("Event", "QueueEntry"), ("Queue", QUEUE), ("Position", str(position)), ("Channel", c["Channel"]),
        ("Uniqueid", c["Uniqueid"]), ("CallerIDNum", c["CallerIDNum"]), ("CallerIDName", c["CallerIDName"]),
        ("ConnectedLineNum", "<unknown>"), ("ConnectedLineName", "<unknown>"), ("Wait", str(wait)),
        ("Priority", "0"),
    ])


def morning_members() -> list[Message]:
    return [params(), member("PJSIP/2001"), member("PJSIP/2002"), member("PJSIP/2003", paused="1"),
            member("PJSIP/2004", status="5")]


def with_hold(messages: list[Message], seconds: int) -> list[Message]:
    """The frames with the PBX's HoldTime set to `seconds` (AgentConnect, QueueCallerAbandon)."""
    return [Message([(k, str(seconds) if k == "HoldTime" else v) for k, v in m.pairs]) for m in messages]


def calls() -> list[QueueCall]:
    return [
        QueueCall(uid=f"asterisk-1740666060.{311 + 10 * i}", number=f"0312345{670 + i}", agent=agent)
        for i, agent in enumerate(("2001", "2002", "2001", "2001", "2001"))
    ]


def morning(cs: list[QueueCall]) -> list[Message]:
    """Calls 1-4 as described above, and call 5 arriving (its wait starts here)."""
    one, two, three, four, five = cs
    return [
        *with_hold(one.whole_answered(), 5),
        *with_hold(two.arrives() + two.answered(), 25),
        *with_hold(three.whole_answered(), 12),
        *with_hold(four.whole_abandoned(), 40),
        *five.arrives(),
    ]
