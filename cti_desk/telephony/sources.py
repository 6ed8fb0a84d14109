"""`--source URL` -> a call source; every source has the same shape:

    await source.run(emit)   # calls emit(CallUpdate) until cancelled

| URL | source |
|---|---|
| `ami://USER:SECRET@HOST:PORT[?auth=md5&inbound=from-pstn,from-trunk]` | AmiSource |
| `webhook://HOST:PORT[?token=T]` | WebhookSource |
| `sim://[?rate=CALLS_PER_MIN&seed=S]` | CallSimulator |
| `relay` | published by `cti-desk relay` (not here yet) |

`inbound=` (AMI only) names the dialplan contexts incoming calls start in; without it
the tracker's own rule applies (see telephony/calls.py). Every source reports the
caller number as sent; the withheld spellings are recognised where numbers are
resolved (domain/phone.py), so the rule is the same for all of them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from cti_desk.domain.calls import CallUpdate
from cti_desk.domain.errors import BadArgument

log = logging.getLogger(__name__)

_CONTEXT = re.compile(r"[A-Za-z0-9_.\-]{1,80}")
MAX_RATE = 6000.0


class CallSource(Protocol):
    async def run(self, emit: Callable[[CallUpdate], None]) -> None: ...


@dataclass(frozen=True, slots=True)
class SourceConfig:
    kind: str  # ami | webhook | sim | relay
    host: str | None = None
    port: int | None = None
    token: str | None = None
    rate: float = 6.0
    seed: int | None = None
    inbound_contexts: frozenset[str] | None = None
    ami: object | None = None  # AmiConfig (its secret never printed)

    def display(self) -> str:
        if self.kind == "ami" and self.ami is not None:
            return self.ami.display()  # type: ignore[attr-defined]
        if self.kind == "webhook":
            return f"webhook://{self.host}:{self.port}"
        if self.kind == "sim":
            return f"sim://?rate={self.rate:g}"
        return self.kind


def parse_source(url: str | None) -> SourceConfig:
    """A --source URL -> SourceConfig; BadArgument (exit 2) when malformed."""
    if not url or not url.strip():
        raise BadArgument("no call source (--source ami://..., webhook://..., sim://, relay)")
    url = url.strip()
    if url == "relay":
        return SourceConfig("relay")
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "ami":
        return _parse_ami(url)
    if scheme == "webhook":
        return _parse_webhook(url)
    if scheme == "sim":
        return _parse_sim(url)
    raise BadArgument(f"unknown call source {url[:60]!r} (use ami://, webhook://, sim:// or relay)")


def _query(parts, url: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:
        raise BadArgument(f"malformed query in source URL {url.split('?', maxsplit=1)[0][:60]!r}") from None


def _parse_ami(url: str) -> SourceConfig:
    from cti_desk.telephony.ami.url import parse_ami_url

    try:
        parts = urlsplit(url)
    except ValueError:
        raise BadArgument("invalid AMI URL") from None
    query = _query(parts, "ami://")
    contexts = None
    rest = []
    for key, value in query:
        if key == "inbound":
            names = [c.strip() for c in value.split(",") if c.strip()]
            if not names or not all(_CONTEXT.fullmatch(c) for c in names):
                raise BadArgument("invalid AMI URL: inbound= takes dialplan contexts, e.g. from-pstn,from-trunk")
            contexts = frozenset(names)
        else:
            rest.append((key, value))
    ami = parse_ami_url(urlunsplit(parts._replace(query=urlencode(rest))))
    return SourceConfig("ami", host=ami.host, port=ami.port, inbound_contexts=contexts, ami=ami)


def _parse_webhook(url: str) -> SourceConfig:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise BadArgument("invalid webhook URL: bad port (expected webhook://HOST:PORT)") from None
    if not parts.hostname or port is None:
        raise BadArgument("invalid webhook URL: expected webhook://HOST:PORT[?token=T]")
    if parts.path not in ("", "/") or parts.fragment or parts.username:
        raise BadArgument("invalid webhook URL: expected webhook://HOST:PORT[?token=T]")
    token = None
    for key, value in _query(parts, url):
        if key != "token":
            raise BadArgument(f"invalid webhook URL: unknown option {key[:40]!r}")
        if not value or len(value) > 512 or any(c.isspace() for c in value):
            raise BadArgument("invalid webhook URL: token must be 1-512 characters, no spaces")
        token = value
    return SourceConfig("webhook", host=parts.hostname, port=port, token=token)


def _parse_sim(url: str) -> SourceConfig:
    parts = urlsplit(url)
    if parts.netloc or parts.path not in ("", "/") or parts.fragment:
        raise BadArgument("invalid simulator URL: expected sim://[?rate=CALLS_PER_MIN]")
    rate, seed = 6.0, None
    for key, value in _query(parts, url):
        if key == "rate":
            try:
                rate = float(value)
            except ValueError:
                raise BadArgument("invalid simulator URL: rate must be calls per minute") from None
            if not 0 < rate <= MAX_RATE:
                raise BadArgument(f"invalid simulator URL: rate must be above 0 and at most {MAX_RATE:g}")
        elif key == "seed":
            try:
                seed = int(value)
            except ValueError:
                raise BadArgument("invalid simulator URL: seed must be a whole number") from None
        else:
            raise BadArgument(f"invalid simulator URL: unknown option {key[:40]!r}")
    return SourceConfig("sim", rate=rate, seed=seed)


class AmiSource:
    """Asterisk over AMI: the protocol client feeds the call tracker; after every
    (re)connect the calls in progress are rebuilt from CoreShowChannels."""

    def __init__(self, config: SourceConfig) -> None:
        self.config = config

    async def run(self, emit: Callable[[CallUpdate], None]) -> None:
        from cti_desk.telephony.ami.client import AmiClient
        from cti_desk.telephony.calls import CallTracker

        tracker = CallTracker(emit, inbound_contexts=self.config.inbound_contexts)

        async def resync(client) -> None:
            known = tracker.calls_known()
            _response, events = await client.send_list_action("CoreShowChannels")
            channels = [e for e in events if (e.event or "").lower() == "coreshowchannel"]
            tracker.resync(channels, known)

        client = AmiClient(self.config.ami, on_event=tracker.handle, on_connected=resync)
        await client.run()


def open_source(
    config: SourceConfig,
    caller_numbers: Callable[[int], Sequence[str | None]] | None = None,
) -> CallSource:
    """The source for a parsed URL. `caller_numbers` feeds the simulator."""
    if config.kind == "ami":
        return AmiSource(config)
    if config.kind == "webhook":
        from cti_desk.telephony.webhook import WebhookSource

        assert config.host is not None and config.port is not None
        return WebhookSource(config.host, config.port, config.token)
    if config.kind == "sim":
        from cti_desk.telephony.simulator import CallSimulator

        return CallSimulator(caller_numbers or (lambda _n: []), rate=config.rate, seed=config.seed)
    raise NotImplementedError("relay source: not yet (see `cti-desk relay`)")
