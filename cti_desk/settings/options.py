"""Checks for the seat's options (`--agent`, `--oms-url`), from the command line or the
environment: a bad value is refused at start with one line (exit 2).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from cti_desk.domain.errors import BadArgument
from cti_desk.domain.redact import mask_urls

# TECH/resource as Asterisk names a device: PJSIP/2001, SIP/alice, IAX2/trunk-1,
# Local/2001@from-queue(/n). The technology is letters and digits; the resource has no
# spaces or separators a dial string would split on.
_INTERFACE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,19}/[^\s,;&|]{1,80}")


def agent_interface(text: str) -> str:
    """`--agent`: the seat's phone as the PBX names it; BadArgument (exit 2) otherwise."""
    value = text.strip()
    if not _INTERFACE.fullmatch(value):
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise BadArgument(
            f"invalid --agent {shown!r}: expected the phone's interface as TECH/resource, "
            "e.g. PJSIP/2001, SIP/alice or Local/2001@from-queue"
        )
    return value


def oms_url(text: str) -> str:
    """`--oms-url`: http(s)://HOST[:PORT][/PATH]; BadArgument (exit 2) otherwise.

    The message shows the URL with any password masked.
    """
    value = text.strip()
    shown = mask_urls(value if len(value) <= 80 else value[:80] + "…")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- raises on a port that is not a number
    except ValueError:
        raise BadArgument(f"invalid --oms-url {shown!r}: bad host or port") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadArgument(f"invalid --oms-url {shown!r}: expected http://HOST[:PORT]/PATH or https://...")
    if not parts.hostname:
        raise BadArgument(f"invalid --oms-url {shown!r}: no host (expected e.g. https://oms.example/api)")
    if any(c.isspace() for c in value):
        raise BadArgument(f"invalid --oms-url {shown!r}: spaces in the URL")
    return value
