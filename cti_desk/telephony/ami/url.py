"""`ami://` source URLs -> AmiConfig.

    ami://USER:SECRET@HOST:PORT              plain Login
    ami://USER:SECRET@HOST:PORT?auth=md5     Challenge/MD5 login
    ami://USER@HOST:PORT?secret=keyring      secret from the OS keyring

Keyring entry: service "cti-desk", username "ami://USER@HOST:PORT" (host lower-case,
port always written, e.g. `keyring set cti-desk ami://admin@pbx.example:5038`).
Other query keys: `events=on|off|call,agent,...` (the Events: mask sent at login),
`ping=SECONDS` (keepalive interval). User and secret are percent-decoded.
Error messages never carry the secret.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from cti_desk.domain.errors import BadArgument
from cti_desk.telephony.keyring_secrets import KEYRING_SERVICE, keyring_secret  # noqa: F401 -- the service name, where callers look for it

DEFAULT_PORT = 5038
_EVENT_MASK = re.compile(r"^[A-Za-z0-9_,]{1,200}$")


@dataclass(slots=True)
class AmiConfig:
    host: str
    port: int = DEFAULT_PORT
    username: str = ""
    secret: str | None = field(default=None, repr=False)
    auth: Literal["plain", "md5"] = "plain"
    events: str = "on"  # "on", "off" or a class mask such as "call,agent"
    ping_interval: float = 20.0  # seconds between keepalive Pings
    ping_timeout: float = 10.0  # an unanswered Ping after this long: the peer is gone
    connect_timeout: float = 5.0  # TCP connect and banner
    action_timeout: float = 10.0  # an action's response (a list: its Complete event)
    reconnect_initial: float = 0.2  # first backoff, doubling per failed attempt
    reconnect_max: float = 3.0  # cap: logged in again within 5 s of the PBX coming back

    @property
    def keyring_username(self) -> str:
        return keyring_username(self.username, self.host, self.port)

    def display(self) -> str:
        """The URL without its secret, for logs and messages."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ami://{self.username}@{host}:{self.port}"


def keyring_username(username: str, host: str, port: int) -> str:
    host = f"[{host}]" if ":" in host else host
    return f"ami://{username}@{host.lower()}:{port}"


def parse_ami_url(url: str) -> AmiConfig:
    try:
        parts = urlsplit(url)
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise BadArgument("invalid AMI URL: bad host or port (expected ami://USER:SECRET@HOST:PORT)") from None
    if parts.scheme.lower() != "ami":
        raise BadArgument("invalid AMI URL: the scheme must be ami://")
    host = parts.hostname
    if not host:
        raise BadArgument("invalid AMI URL: no host (expected ami://USER:SECRET@HOST:PORT)")
    if re.fullmatch(r"[0-9.]+", host) and not _is_ipv4(host):
        # 256.1.1.1 is a typo, not a host name: say so now instead of retrying DNS forever.
        raise BadArgument(f"invalid AMI URL: {host[:40]!r} is not an IPv4 address")
    if not parts.username:
        raise BadArgument("invalid AMI URL: no user (expected ami://USER:SECRET@HOST:PORT)")
    if parts.path not in ("", "/") or parts.fragment:
        raise BadArgument("invalid AMI URL: no path expected after HOST:PORT")
    username = unquote(parts.username)
    secret = unquote(parts.password) if parts.password is not None else None
    if any(c in username for c in "\r\n") or (secret and any(c in secret for c in "\r\n")):
        raise BadArgument("invalid AMI URL: line breaks in the user or secret")

    config = AmiConfig(host=host, port=port, username=username, secret=secret)
    try:
        query = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:
        raise BadArgument("invalid AMI URL: malformed query") from None
    for key, value in query:
        if key == "auth":
            if value.lower() not in ("plain", "md5"):
                raise BadArgument("invalid AMI URL: auth must be plain or md5")
            config.auth = value.lower()  # type: ignore[assignment]
        elif key == "secret":
            if value != "keyring":
                raise BadArgument("invalid AMI URL: secret= only takes 'keyring' (put a secret in USER:SECRET@)")
            if secret is not None:
                raise BadArgument("invalid AMI URL: a secret both in the URL and from the keyring")
            config.secret = _secret_from_keyring(config)
        elif key == "events":
            if not _EVENT_MASK.match(value):
                raise BadArgument("invalid AMI URL: events must be on, off or a mask like call,agent")
            config.events = value
        elif key == "ping":
            try:
                config.ping_interval = float(value)
            except ValueError:
                raise BadArgument("invalid AMI URL: ping must be a number of seconds") from None
            if not 0 < config.ping_interval <= 3600:
                raise BadArgument("invalid AMI URL: ping must be between 0 and 3600 seconds")
            config.ping_timeout = min(config.ping_timeout, config.ping_interval)
        else:
            raise BadArgument(f"invalid AMI URL: unknown option {key[:40]!r}")
    return config


def _is_ipv4(host: str) -> bool:
    try:
        ipaddress.IPv4Address(host)
    except ValueError:
        return False
    return True


def _secret_from_keyring(config: AmiConfig) -> str:
    return keyring_secret(config.keyring_username, "AMI secret")
