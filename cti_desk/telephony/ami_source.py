"""The AMI call source: Asterisk's manager interface for calls, queue events, the agent's
pause state and click-to-dial (`ami://` in telephony/sources.py)."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable

from cti_desk.domain.calls import CallUpdate
from cti_desk.domain.link import LinkPhase, LinkReporter, pbx_detail
from cti_desk.domain.text import bounded
from cti_desk.telephony.sources import SourceConfig

log = logging.getLogger(__name__)

DIAL_RING_SECONDS = 30  # how long the agent's own phone rings before Originate gives up
_INTERFACE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,19}/[^\s,;]{1,80}")
_TYPED_NUMBER = re.compile(r"[\d*#]{1,20}")
_MEMBER_EVENTS = frozenset({
    "queuememberpause", "queuememberpaused", "queuememberstatus", "queuememberadded", "queuememberremoved",
})


# OriginateResponse `Reason`: what became of the agent's own phone (dialled first).
_ORIGINATE_REASONS = {
    "0": "your phone could not be reached (is it registered?)",
    "1": "your phone hung up",
    "3": "your phone did not answer",
    "5": "your phone is busy",
    "8": "the line is congested",
}


class ActionRefused(Exception):
    """The PBX answered `Response: Error` to something the operator asked for."""


def dial_digits(number: str, prefix: str = "") -> str:
    """What the PBX dials for `number`, as from a phone in Japan.

    E.164 becomes the national form (+81312345678 -> 0312345678; other countries
    010 + country code + number) with the outside-line `prefix` in front. Digits given
    as they are (an extension, a number typed in national form) are dialled unchanged.
    """
    text = (number or "").strip()
    if text.startswith("+"):
        import phonenumbers

        try:
            parsed = phonenumbers.parse(text, None)
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed is None or not phonenumbers.is_possible_number(parsed):
            raise ValueError(f"not a number that can be dialled: {bounded(text, 40)!r}")
        national = phonenumbers.national_significant_number(parsed)
        if parsed.country_code == 81:
            return f"{prefix}0{national}"
        return f"{prefix}010{parsed.country_code}{national}"
    digits = re.sub(r"[\s\-()]", "", text)
    if not _TYPED_NUMBER.fullmatch(digits):
        raise ValueError(f"not a number that can be dialled: {bounded(text, 40)!r}")
    return digits


def _agent_interface(agent_interface: str | None) -> str:
    interface = (agent_interface or "").strip()
    if not interface:
        raise ValueError("this seat has no phone: start cti-desk with --agent, e.g. --agent PJSIP/2001")
    if not _INTERFACE.fullmatch(interface):
        raise ValueError(f"not a phone interface: {bounded(interface, 40)!r} (expected e.g. PJSIP/2001)")
    return interface


def _refused(response, what: str) -> None:
    if (response.response or "").lower() != "success":
        reason = bounded(response.get("Message"), 200).strip() or "no reason given"
        raise ActionRefused(f"the PBX refused {what}: {reason}")


class AmiSource:
    """Asterisk over AMI: the protocol client feeds the call tracker; after every
    (re)connect the calls in progress are rebuilt from CoreShowChannels.

    Also what an operator asks of the PBX: `originate` (click-to-dial) and
    `queue_pause`, run on the source's own loop. `follow_agent` reports whether that
    agent is paused in its queues: read from QueueStatus after every login, then kept
    up to date from the PBX's QueueMemberPause events.
    """

    def __init__(self, config: SourceConfig) -> None:
        self.config = config
        self._client = None
        self._agent: str | None = None
        self._on_paused: Callable[[bool], None] | None = None
        self._paused_in: dict[str, bool] = {}  # queue -> paused, for the followed agent
        self._member_interface: str | None = None  # the agent as its queues name it
        self._reported: bool | None = None
        self._on_dial_failed: Callable[[str], None] | None = None
        self._dialling: dict[str, str] = {}  # ActionID of a queued Originate -> digits
        self._link: LinkReporter | None = None
        self.queue_board = None  # a QueueBoard (telephony/queues.py) fed every message, if set
        self.carried_over: list[CallUpdate] = []  # calls in progress another relay published

    def watch_link(self, link: LinkReporter) -> None:
        """Say through `link` what the PBX link does: connected (to which Asterisk),
        reconnecting, refused. Call before `run`."""
        self._link = link

    # -- the agent's pause state ---------------------------------------------------------

    def follow_agent(
        self,
        agent_interface: str,
        on_paused: Callable[[bool], None],
        on_dial_failed: Callable[[str], None] | None = None,
    ) -> None:
        """Call `on_paused(paused)` (on the source's thread) whenever the agent's pause
        state is learnt or changes; paused means paused in at least one queue.
        `on_dial_failed(why)`: a click-to-dial the PBX had queued did not go through."""
        self._agent = agent_interface.strip()
        self._on_paused = on_paused
        self._on_dial_failed = on_dial_failed

    def _is_agent(self, msg) -> bool:
        agent = (self._agent or "").casefold()
        return bool(agent) and any(
            (msg.get(key) or "").casefold() == agent for key in ("Interface", "Location", "StateInterface")
        )

    def _report_paused(self) -> None:
        if self._on_paused is None or not self._paused_in:
            return
        paused = any(self._paused_in.values())
        if paused != self._reported:
            self._reported = paused
            self._on_paused(paused)

    def _on_member_event(self, msg) -> None:
        event = (msg.event or "").lower()
        if not self._is_agent(msg):
            return
        queue = msg.get("Queue") or "*"
        if event == "queuememberremoved":
            self._paused_in.pop(queue, None)
        elif "Paused" in msg:
            self._paused_in[queue] = msg.get("Paused") == "1"
        self._report_paused()

    async def _read_queues(self, client) -> None:
        """One QueueStatus after each login: the board's members and waiting callers
        (its counts are kept), and the followed agent's pause state."""
        board = self.queue_board
        response, events = await client.queue_status()
        if (response.response or "").lower() != "success":
            log.warning("QueueStatus refused: %s", bounded(response.get("Message"), 200))
            return
        if board is not None:
            board.resync_started()  # here, not before asking: no line shows an empty floor
            for m in events:
                board.handle_ami(m)
        if self._agent and self._on_paused is not None:
            self._read_paused(events)

    async def reread_queues(self) -> None:
        """QueueStatus again now, into the board (the relay does it hourly and after
        midnight, so its seats' boards start from a recent one)."""
        await self._read_queues(self._connected_client())

    def _read_paused(self, events) -> None:
        paused_in: dict[str, bool] = {}
        for m in events:
            if (m.event or "").lower() == "queuemember" and self._is_agent(m):
                paused_in[m.get("Queue") or "*"] = m.get("Paused") == "1"
                self._member_interface = m.get("Interface") or m.get("Location") or self._member_interface
        if not paused_in:
            log.warning("%s is a member of no queue on the PBX", self._agent)
        self._paused_in = paused_in
        self._report_paused()

    # -- the long-running task -------------------------------------------------------------

    async def run(self, emit: Callable[[CallUpdate], None]) -> None:
        from cti_desk.telephony.ami.client import AmiClient
        from cti_desk.telephony.calls import CallTracker

        tracker = CallTracker(emit, inbound_contexts=self.config.inbound_contexts)
        for update in self.carried_over:  # the first re-sync ends those the PBX no longer has
            tracker.adopt(update)

        def on_event(msg) -> None:
            tracker.handle(msg)
            if self.queue_board is not None:
                self.queue_board.handle_ami(msg)
            event = (msg.event or "").lower()
            if self._agent and event in _MEMBER_EVENTS:
                self._on_member_event(msg)
            elif event == "originateresponse":
                self._on_originate_response(msg)

        async def on_connected(client) -> None:
            known = tracker.calls_known()
            _response, events = await client.send_list_action("CoreShowChannels")
            channels = [e for e in events if (e.event or "").lower() == "coreshowchannel"]
            tracker.resync(channels, known)
            if self.queue_board is not None or (self._agent and self._on_paused is not None):
                await self._read_queues(client)
            if self._link is not None:
                await self._describe_pbx(client)

        client = AmiClient(self.config.ami, on_event=on_event, on_connected=on_connected, link=self._link)
        self._client = client
        try:
            await client.run()
        finally:
            self._client = None

    async def _describe_pbx(self, client) -> None:
        """The Asterisk version and system name for the link display. CoreSettings needs
        the AMI user's `system` read right: without it the banner is what is shown."""
        from cti_desk.telephony.ami.client import AmiError

        assert self._link is not None
        try:
            response = await client.send_action("CoreSettings")
        except (AmiError, TimeoutError):
            return  # the link dropped or the PBX is slow: the reconnect says so
        if (response.response or "").lower() != "success":
            log.debug("CoreSettings refused: %s", bounded(response.get("Message"), 200))
            return
        self._link.move(LinkPhase.CONNECTED, detail=pbx_detail(client.banner, response))

    def _on_originate_response(self, msg) -> None:
        exten = self._dialling.pop(msg.action_id or "", None)
        if exten is None or (msg.get("Response") or "").lower() == "success":
            return
        why = _ORIGINATE_REASONS.get(msg.get("Reason") or "", "it failed")
        log.info("click-to-dial to %s did not go through: %s", exten, why)
        if self._on_dial_failed is not None:
            self._on_dial_failed(f"the call to {exten} did not go through: {why}")

    def _connected_client(self):
        from cti_desk.telephony.ami.client import ConnectionLost

        client = self._client
        if client is None or not client.connected:
            raise ConnectionLost("not connected to the PBX")
        return client

    # -- what the operator asks of the PBX -------------------------------------------------

    async def originate(self, agent_interface: str | None, number: str) -> str:
        """Click-to-dial: the agent's phone rings first, then the PBX dials `number`.
        Returns the digits dialled once the PBX has queued the call."""
        interface = _agent_interface(agent_interface)
        exten = dial_digits(number, self.config.dial_prefix)
        client = self._connected_client()
        # The agent's phone shows whom it is about to call; the number part is the
        # agent's own extension, so a dialplan passing it on presents the seat, not the customer.
        extension = interface.split("/", 1)[1]
        caller_id = f'"{exten}" <{extension}>' if extension.isdigit() else f'"{exten}"'
        action_id = f"dial-{os.urandom(4).hex()}"
        if len(self._dialling) > 100:  # outcomes the PBX never sent (it restarted...)
            self._dialling.clear()
        self._dialling[action_id] = exten  # its OriginateResponse carries this ActionID
        response = await client.send_action(
            "Originate",
            ActionID=action_id,
            Channel=interface,
            Exten=exten,
            Context=self.config.dial_context,
            Priority=1,
            Timeout=DIAL_RING_SECONDS * 1000,
            CallerID=caller_id,
            Async=True,
        )
        if (response.response or "").lower() != "success":
            self._dialling.pop(action_id, None)
        _refused(response, f"the call to {exten}")
        log.info("click-to-dial queued: %s -> %s", interface, exten)
        return exten

    async def queue_pause(
        self, agent_interface: str | None, paused: bool, reason: str | None = None, queue: str | None = None
    ) -> bool:
        """Pause (or resume) the agent in `queue`, or in all its queues. Returns `paused`."""
        interface = _agent_interface(agent_interface)
        if self._member_interface and interface.casefold() == (self._agent or "").casefold():
            interface = self._member_interface  # e.g. a Local/ member standing for PJSIP/2001
        client = self._connected_client()
        response = await client.send_action(
            "QueuePause",
            Interface=interface,
            Paused=paused,
            Queue=bounded(queue, 80) or None,
            Reason=bounded(reason, 80) or None,
        )
        _refused(response, "to pause" if paused else "to resume")
        if interface.casefold() in ((self._agent or "").casefold(), (self._member_interface or "").casefold()):
            if queue:
                self._paused_in[queue] = paused
            else:
                self._paused_in = {q: paused for q in self._paused_in} or {"*": paused}
            self._report_paused()
        return paused
