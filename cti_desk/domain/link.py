"""The link to the calls (the PBX, the webhook port, the simulator), always known.

A call source reports what its link is doing as it goes: connecting, connected (to
what: the PBX's name and version, the address the webhook listens on), reconnecting
(down since when, next try when), refused (the PBX turned the login down) or stopped.
Refused and stopped are final: the source has given up, and nothing but a restart
changes that, so a window that shows them must keep showing them.

`LinkReporter` holds the current state and passes each change to a callback; the rules
of how one state follows another are `LinkState.then`. No I/O, no Qt.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from cti_desk.domain.text import bounded

log = logging.getLogger(__name__)


class LinkPhase(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    REFUSED = "refused"
    STOPPED = "stopped"


FINAL_PHASES = frozenset({LinkPhase.REFUSED, LinkPhase.STOPPED})

# Reasons the UI words itself (the core speaks English; the Qt layer translates these).
AUTH_FAILED = "authentication failed"
PORT_IN_USE = "the port is in use"
SOURCE_STOPPED = "the call source was stopped"
SOURCE_ENDED = "the call source ended"

# What kind of link it is, so the UI can say "listening" for a webhook, "running" for
# the simulator, "connected" for a PBX, and "relay" for the store's relayed calls.
VIA_AMI, VIA_WEBHOOK, VIA_SIMULATOR, VIA_OTHER = "ami", "webhook", "sim", "other"
VIA_RELAY = "relay"


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class LinkState:
    phase: LinkPhase
    since: datetime  # aware; when this phase began (a link that keeps failing: its first failure)
    source: str = ""  # where calls come from, never with a secret (ami://user@host:port)
    via: str = VIA_OTHER
    detail: str = ""  # what answers: "Asterisk 18.20.0 / pbx-tokyo", "127.0.0.1:8080"
    reason: str = ""  # why it is not connected, one line
    next_try: datetime | None = None  # reconnecting: when the next attempt starts

    @property
    def final(self) -> bool:
        return self.phase in FINAL_PHASES

    def seconds_to_next_try(self, now: datetime) -> int | None:
        """Whole seconds until the next attempt, rounded up; 0 when it is due or under way."""
        if self.next_try is None:
            return None
        return max(0, math.ceil((self.next_try - now).total_seconds()))

    def then(
        self,
        phase: LinkPhase,
        now: datetime,
        *,
        detail: str | None = None,
        reason: str = "",
        next_try: datetime | None = None,
    ) -> LinkState:
        """The state after this one.

        A final state never moves (the source has stopped; only a restart brings it
        back). A link that fails again stays down since its first failure, also when it
        never came up; a connected link told more about its PBX stays connected since its
        login. `detail` left out keeps what is known of the PBX (shown as "last connected
        to" while it is away).
        """
        if self.final:
            return self
        still_down = phase is LinkPhase.RECONNECTING and self.phase in (
            LinkPhase.RECONNECTING, LinkPhase.CONNECTING)
        same = phase is self.phase and phase is LinkPhase.CONNECTED
        return replace(
            self,
            phase=phase,
            since=self.since if (still_down or same) else now,
            detail=bounded(detail, 120) if detail is not None else self.detail,
            reason=bounded(reason.splitlines()[0] if reason else "", 200),
            next_try=next_try if phase is LinkPhase.RECONNECTING else None,
        )


class LinkReporter:
    """The link's current state, each change handed to `report` (on the caller's thread).

    `report` failing is logged, never raised: a broken status display must not take the
    calls down with it.
    """

    def __init__(
        self,
        source: str,
        report: Callable[[LinkState], None] | None = None,
        *,
        via: str = VIA_OTHER,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.report = report
        self.clock = clock
        self.state = LinkState(LinkPhase.CONNECTING, clock(), bounded(source, 200), via)

    def announce(self) -> None:
        """Report the current state as it is (the first one: connecting)."""
        self._send(self.state)

    def move(
        self,
        phase: LinkPhase,
        *,
        detail: str | None = None,
        reason: str = "",
        retry_in: float | None = None,
    ) -> LinkState:
        now = self.clock()
        next_try = now + timedelta(seconds=retry_in) if retry_in is not None else None
        new = self.state.then(phase, now, detail=detail, reason=reason, next_try=next_try)
        if new != self.state:
            self.state = new
            self._send(new)
        return new

    def _send(self, state: LinkState) -> None:
        if self.report is None:
            return
        try:
            self.report(state)
        except Exception:
            log.exception("link state report failed")


class Headers(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...


def pbx_detail(banner: str | None, core_settings: Headers | None = None) -> str:
    """What the desk is connected to, from what Asterisk says about itself.

    `CoreSettings` (when the AMI user may read system settings) gives the Asterisk
    version and the system name: "Asterisk 18.20.0 / pbx-tokyo". Without it, the
    greeting banner is all there is ("Asterisk Call Manager/9.0.0": the AMI protocol's
    version, not Asterisk's).
    """
    settings: Headers = core_settings if core_settings is not None else {}
    version = bounded(settings.get("AsteriskVersion"), 60).strip()
    name = bounded(settings.get("SystemName"), 60).strip()
    if version:
        return f"Asterisk {version}" + (f" / {name}" if name else "")
    return bounded(banner, 80).strip()
