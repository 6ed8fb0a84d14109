"""Who the operator at this seat is: the one name on every record the desk writes
(inquiries and their entries, delivery orders, audit entries, customers created from a
call).

First match wins:
  1. `--operator NAME` (or env `CTI_DESK_OPERATOR`): named for this run;
  2. the settings file's agent map, for the seat's `--agent` interface (the phone the
     operator signed in at): `[operator] agents=PJSIP/2001=sato, PJSIP/2002=suzuki`;
  3. the settings file's `[operator] name=...`;
  4. the OS user running cti-desk.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Mapping

from cti_desk.domain.errors import BadArgument

MAX_NAME = 100  # the records' operator/actor columns
SETTINGS_NAME = "operator/name"
SETTINGS_AGENTS = "operator/agents"


def operator_name(text: str, where: str = "--operator") -> str:
    """A usable operator name: printable, 1-100 characters; BadArgument (exit 2) otherwise."""
    value = " ".join(str(text).split())
    if not value or len(value) > MAX_NAME or not value.isprintable():
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise BadArgument(f"invalid {where} {shown!r}: expected a name of 1-{MAX_NAME} printable characters")
    return value


def agent_map(value: str | Iterable[str] | None) -> dict[str, str]:
    """`PJSIP/2001=sato, PJSIP/2002=suzuki` (a string, or the list a settings file makes of
    it) -> {interface: operator}; BadArgument for an item that is not IFACE=NAME."""
    if value is None:
        return {}
    items = value.split(",") if isinstance(value, str) else [p for v in value for p in str(v).split(",")]
    out: dict[str, str] = {}
    for item in items:
        if not item.strip():
            continue
        iface, eq, name = item.partition("=")
        if not eq or not iface.strip():
            shown = item.strip()[:40]
            raise BadArgument(f"invalid settings {SETTINGS_AGENTS} item {shown!r}: expected INTERFACE=NAME, "
                              "e.g. PJSIP/2001=sato")
        out[iface.strip()] = operator_name(name, f"{SETTINGS_AGENTS} name for {iface.strip()}")
    return out


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        return "operator"


def resolve_operator(
    named: str | None = None,
    agent: str | None = None,
    agents: Mapping[str, str] | None = None,
    settings_name: str | None = None,
    fallback: str | None = None,
) -> str:
    """The operator identity by the rules above (`named`: --operator or its env)."""
    if named is not None:
        return operator_name(named)
    if agent and agents and agent in agents:
        return agents[agent]
    if settings_name:
        return operator_name(settings_name, f"settings {SETTINGS_NAME}")
    return operator_name(fallback or os_user(), "OS user name")
