"""Checks on this seat's settings against what the store has seen (no Qt)."""

from __future__ import annotations

from sqlalchemy import inspect, select

from cti_desk.store.db import Store
from cti_desk.store.models import CallLogEntry

MAX_SHOWN = 5


def _spellings(agent: str) -> set[str]:
    """Asterisk takes the technology in any case (pjsip/2001 is PJSIP/2001)."""
    tech, _, resource = agent.partition("/")
    return {agent, f"{tech.upper()}/{resource}", f"{tech.lower()}/{resource}",
            f"{tech.capitalize()}/{resource}"}


def unseen_agent_warning(store: Store, agent: str) -> str | None:
    """A warning when the call log knows other seats' phones but never saw this one: a
    mistyped --agent pops nothing, silently. None when it was seen, or nothing to compare
    with (no call log yet, or no answered call in it)."""
    if not inspect(store.engine).has_table(CallLogEntry.__tablename__):
        return None
    with store.session() as s:
        seen = s.scalar(select(CallLogEntry.id).where(CallLogEntry.agent.in_(_spellings(agent))).limit(1))
        if seen is not None:
            return None
        others = list(s.scalars(
            select(CallLogEntry.agent).where(CallLogEntry.agent.is_not(None))
            .group_by(CallLogEntry.agent).limit(MAX_SHOWN + 1)))
    if not others:
        return None
    shown = ", ".join(others[:MAX_SHOWN]) + (", …" if len(others) > MAX_SHOWN else "")
    return (f"the call log has calls answered at {shown} but none ever at {agent}: "
            "check --agent (the phone's interface as the PBX names it)")
