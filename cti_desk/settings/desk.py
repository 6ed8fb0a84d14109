"""The desk's effective settings: one function, used by the window, `check` and every command.

Precedence, per key: the command line > the environment > the settings file > the
default. (argparse already folds the environment into its defaults; `given` may hold
either, `env` is looked at only where `given` has nothing.)

The first run: nothing names a store (no --db, CTI_DESK_DB or [store] url), the default
store file does not exist yet, and no call source other than the simulator is set: the
desk is the demo, on its own store file (`demo.sqlite3`, seeded with demo data) and the
simulator. A desk with a store of its own is never the demo and never gets demo data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cti_desk.settings.toml_file import DeskFile

ENV = {"db": "CTI_DESK_DB", "source": "CTI_DESK_SOURCE", "agent": "CTI_DESK_AGENT",
       "pop_on_answer": "CTI_DESK_POP_ON_ANSWER", "oms_url": "CTI_DESK_OMS_URL"}
FILE_KEY = {"db": "store.url", "source": "source.url", "agent": "source.agent",
            "pop_on_answer": "source.pop_on_answer", "oms_url": "oms.url", "role": "seat.role"}
DEMO_SOURCE = "sim://"
GIVEN, ENVIRONMENT, FILE, DEFAULT, DEMO = "command line", "environment", "settings file", "default", "demo"


@dataclass(frozen=True)
class DeskSetup:
    db_url: str
    source_url: str | None
    oms_url: str | None
    agent: str | None
    pop_on_answer: frozenset[str]
    role: str
    demo: bool
    file: DeskFile
    origin: dict[str, str] = field(default_factory=dict)  # option -> where its value came from


def _pick(name: str, given: Mapping[str, Any], env: Mapping[str, str], desk: DeskFile) -> tuple[Any, str]:
    value = given.get(name)
    if value not in (None, "", frozenset(), []):
        # argparse's default held the environment's value: say so (for --debug's line)
        return value, ENVIRONMENT if name in ENV and value == env.get(ENV[name]) else GIVEN
    if name in ENV and env.get(ENV[name]):
        return env[ENV[name]], ENVIRONMENT
    value = desk.get(FILE_KEY[name]) if name in FILE_KEY else None
    if value not in (None, "", []):
        return value, FILE
    return None, DEFAULT


def _queues(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = value.split(",") if isinstance(value, str) else value
    return frozenset(str(v).strip() for v in items if str(v).strip())


def resolve_desk(given: Mapping[str, Any], env: Mapping[str, str], desk: DeskFile, *,
                 default_db_url: str, demo_db_url: str, default_store_exists: bool) -> DeskSetup:
    """`given`: the command line's db, source, agent, pop_on_answer, oms_url, role."""
    origin: dict[str, str] = {}
    picked: dict[str, Any] = {}
    for name in ("db", "source", "agent", "pop_on_answer", "oms_url", "role"):
        picked[name], origin[name] = _pick(name, given, env, desk)
    source = picked["source"]
    demo = (picked["db"] is None and not default_store_exists
            and (source is None or str(source).startswith("sim")))
    if demo:
        db_url, origin["db"] = demo_db_url, DEMO
        if source is None:
            source, origin["source"] = DEMO_SOURCE, DEMO
    else:
        db_url = picked["db"] or default_db_url
    return DeskSetup(
        db_url=db_url, source_url=source or None, oms_url=picked["oms_url"] or None,
        agent=picked["agent"] or None, pop_on_answer=_queues(picked["pop_on_answer"]),
        role=picked["role"] or "operator", demo=demo, file=desk, origin=origin)
