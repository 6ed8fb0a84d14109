"""`--source URL` -> a call source; every source has the same shape:

    await source.run(emit)   # calls emit(CallUpdate) until cancelled

| URL | source |
|---|---|
| `ami://USER:SECRET@HOST:PORT[?auth=md5&inbound=...&dial_context=...&dial_prefix=...&outside_line=...]` | AmiSource |
| `webhook://HOST:PORT[?token=T|keyring&outside_line=DIGITS]` | WebhookSource |
| `sim://[?rate=CALLS_PER_MIN&seed=S&agents=N]` | CallSimulator (agents PJSIP/2001..2000+N; default 4) |
| `relay` | RelaySource: what `cti-desk relay` publishes through the store's PostgreSQL |

`inbound=` (AMI only) names the dialplan contexts incoming calls start in; without it
the tracker's own rule applies (see telephony/calls.py). Click-to-dial (AMI only) rings
the agent's phone, then dials the number in `dial_context=` (default `from-internal`),
national form with `dial_prefix=` (an outside-line digit such as `0`) in front.
`outside_line=` (AMI and webhook) is the digit such a PBX puts in front of incoming
numbers (`00312345678`); the resolver strips it (SourceConfig.outside_line). Every
source reports the caller number as sent; the withheld spellings are recognised where
numbers are resolved (domain/phone.py), so the rule is the same for all of them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from cti_desk.domain.calls import CallUpdate
from cti_desk.domain.errors import BadArgument

log = logging.getLogger(__name__)

_CONTEXT = re.compile(r"[A-Za-z0-9_.\-]{1,80}")
_DIAL_PREFIX = re.compile(r"[0-9*#]{0,4}")
_OUTSIDE_LINE = re.compile(r"[0-9]{1,4}")
MAX_RATE = 6000.0
MAX_SIM_AGENTS = 999  # PJSIP/2001..PJSIP/2999
DEFAULT_DIAL_CONTEXT = "from-internal"


class CallSource(Protocol):
    async def run(self, emit: Callable[[CallUpdate], None]) -> None: ...


@dataclass(frozen=True, slots=True)
class SourceConfig:
    kind: str  # ami | webhook | sim | relay
    host: str | None = None
    port: int | None = None
    token: str | None = field(default=None, repr=False)  # the webhook's bearer token
    rate: float = 6.0
    seed: int | None = None
    agents: int | None = None  # sim: how many agents answer (PJSIP/2001...); None: the default four
    inbound_contexts: frozenset[str] | None = None
    dial_context: str = DEFAULT_DIAL_CONTEXT
    dial_prefix: str = ""
    outside_line: str | None = None  # digits the PBX puts in front of incoming numbers
    ami: object | None = None  # AmiConfig (its secret never printed)

    def display(self) -> str:
        if self.kind == "ami" and self.ami is not None:
            return self.ami.display()  # type: ignore[attr-defined]
        if self.kind == "webhook":
            return f"webhook://{self.host}:{self.port}"
        if self.kind == "sim":
            return f"sim://?rate={self.rate:g}" + (f"&agents={self.agents}" if self.agents else "")
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


def _outside_line(value: str, what: str) -> str:
    if not _OUTSIDE_LINE.fullmatch(value):
        raise BadArgument(f"invalid {what} URL: outside_line= takes 1-4 digits, e.g. 0")
    return value


def with_outside_line(config: SourceConfig, setting: str | None) -> SourceConfig:
    """The settings file's outside-line digit for a PBX source whose URL names none
    (the URL wins); BadArgument for a setting that is not 1-4 digits."""
    digits = (setting or "").strip()
    if not digits or config.outside_line is not None or config.kind not in ("ami", "webhook"):
        return config
    if not _OUTSIDE_LINE.fullmatch(digits):
        raise BadArgument(f"invalid outside_line setting {digits[:20]!r}: 1-4 digits, e.g. 0")
    return replace(config, outside_line=digits)


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
    dial_context, dial_prefix = DEFAULT_DIAL_CONTEXT, ""
    outside_line = None
    rest = []
    for key, value in query:
        if key == "inbound":
            names = [c.strip() for c in value.split(",") if c.strip()]
            if not names or not all(_CONTEXT.fullmatch(c) for c in names):
                raise BadArgument("invalid AMI URL: inbound= takes dialplan contexts, e.g. from-pstn,from-trunk")
            contexts = frozenset(names)
        elif key == "dial_context":
            if not _CONTEXT.fullmatch(value):
                raise BadArgument("invalid AMI URL: dial_context= takes one dialplan context, e.g. from-internal")
            dial_context = value
        elif key == "dial_prefix":
            if not _DIAL_PREFIX.fullmatch(value):
                raise BadArgument("invalid AMI URL: dial_prefix= takes up to 4 digits, e.g. 0")
            dial_prefix = value
        elif key == "outside_line":
            outside_line = _outside_line(value, "AMI")
        else:
            rest.append((key, value))
    ami = parse_ami_url(urlunsplit(parts._replace(query=urlencode(rest))))
    return SourceConfig("ami", host=ami.host, port=ami.port, inbound_contexts=contexts,
                        dial_context=dial_context, dial_prefix=dial_prefix,
                        outside_line=outside_line, ami=ami)


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
    token = outside_line = None
    for key, value in _query(parts, url):
        if key == "outside_line":
            outside_line = _outside_line(value, "webhook")
            continue
        if key != "token":
            raise BadArgument(f"invalid webhook URL: unknown option {key[:40]!r}")
        if not value or len(value) > 512 or any(c.isspace() for c in value):
            raise BadArgument("invalid webhook URL: token must be 1-512 characters, no spaces")
        token = _token_from_keyring(parts.hostname, port) if value == "keyring" else value
    return SourceConfig("webhook", host=parts.hostname, port=port, token=token, outside_line=outside_line)


def webhook_keyring_username(host: str, port: int) -> str:
    """The keyring entry `webhook://HOST:PORT?token=keyring` reads (service cti-desk)."""
    host = f"[{host}]" if ":" in host else host
    return f"webhook://{host.lower()}:{port}"


def _token_from_keyring(host: str, port: int) -> str:
    from cti_desk.telephony.keyring_secrets import keyring_secret

    return keyring_secret(webhook_keyring_username(host, port), "webhook token")


def _parse_sim(url: str) -> SourceConfig:
    parts = urlsplit(url)
    if parts.netloc or parts.path not in ("", "/") or parts.fragment:
        raise BadArgument("invalid simulator URL: expected sim://[?rate=CALLS_PER_MIN]")
    rate, seed, agents = 6.0, None, None
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
        elif key == "agents":  # as many as the seats of a load run (scripts/load_run.py)
            if not value.isdigit() or not 1 <= int(value) <= MAX_SIM_AGENTS:
                raise BadArgument(f"invalid simulator URL: agents must be 1 to {MAX_SIM_AGENTS}")
            agents = int(value)
        else:
            raise BadArgument(f"invalid simulator URL: unknown option {key[:40]!r}")
    return SourceConfig("sim", rate=rate, seed=seed, agents=agents)


def sim_agents(count: int) -> tuple[str, ...]:
    """The interfaces of `sim://?agents=N`: PJSIP/2001, PJSIP/2002, ..."""
    return tuple(f"PJSIP/{2001 + i}" for i in range(count))


def open_source(
    config: SourceConfig,
    caller_numbers: Callable[[int], Sequence[str | None]] | None = None,
    store_url: str | None = None,
) -> CallSource:
    """The source for a parsed URL. `caller_numbers` feeds the simulator; `store_url`
    (the --db URL, PostgreSQL) is where the relay's events are."""
    if config.kind == "ami":
        from cti_desk.telephony.ami_source import AmiSource

        return AmiSource(config)
    if config.kind == "webhook":
        from cti_desk.telephony.webhook import WebhookSource

        assert config.host is not None and config.port is not None
        return WebhookSource(config.host, config.port, config.token)
    if config.kind == "sim":
        from cti_desk.telephony.simulator import DEFAULT_AGENTS, CallSimulator

        return CallSimulator(caller_numbers or (lambda _n: []), rate=config.rate, seed=config.seed,
                             agents=sim_agents(config.agents) if config.agents else DEFAULT_AGENTS)
    from cti_desk.telephony.relay_source import RelaySource
    from cti_desk.telephony.relay_wire import connect_args

    if not store_url:
        raise BadArgument("--source relay reads the relay's events from the store: "
                          "--db postgresql+psycopg://USER@HOST:PORT/DB")
    return RelaySource(config, connect_args(store_url, "cti-desk seat"))
