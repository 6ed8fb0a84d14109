"""Kiosk wiring without Qt: `cti-desk kiosk set-pin`, and the checks before a kiosk window
may open (its shop, its idle timeout, a staff PIN to leave it).
"""

from __future__ import annotations

import getpass
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cti_desk.domain.kiosk import pin_problem
from cti_desk.services.desk_store import prepare_desk_store
from cti_desk.services.kiosk import KioskShop, kiosk_shop, pin_is_set, set_pin
from cti_desk.store.db import Store

IDLE_TIMEOUT_DEFAULT = 60
IDLE_TIMEOUT_MIN, IDLE_TIMEOUT_MAX = 15, 3600  # the warning comes ~10 s before the wipe
SETTINGS_SHOP = "kiosk/shop"  # [kiosk] shop= in cti-desk.ini
SETTINGS_IDLE_TIMEOUT = "kiosk/idle_timeout"
MAX_PIN_LINE = 100

log = logging.getLogger("cti_desk.kiosk")


def idle_timeout_problem(value: int) -> str | None:
    if not IDLE_TIMEOUT_MIN <= value <= IDLE_TIMEOUT_MAX:
        return f"must be {IDLE_TIMEOUT_MIN} to {IDLE_TIMEOUT_MAX} seconds"
    return None


# ------------------------------------------------------------------ cti-desk kiosk set-pin


def _read_pin() -> tuple[str | None, str | None]:
    """(pin, None) or (None, why not). A terminal is asked twice without echo; otherwise
    the first line of stdin is the PIN."""
    stdin = sys.stdin
    if stdin is None or stdin.closed:
        return None, "no PIN given on stdin"
    if stdin.isatty():
        first = getpass.getpass("New kiosk staff PIN: ")
        if getpass.getpass("The same PIN again: ") != first:
            return None, "the two PINs differ"
        return first, None
    line = stdin.readline(MAX_PIN_LINE + 1)
    if len(line) > MAX_PIN_LINE:
        return None, "a PIN has 4 to 12 digits"
    return line.strip(), None


def set_pin_command(args) -> int:
    """`cti-desk kiosk set-pin [--db URL]`: the PIN from stdin, stored hashed. Exit 2 and one
    line for a bad PIN; the PIN itself is never printed."""
    pin, problem = _read_pin()
    problem = problem or pin_problem(pin or "")
    if problem:
        print(f"cti-desk: error: invalid PIN: {problem}", file=sys.stderr)
        return 2
    from cti_desk.settings.operator import os_user
    from cti_desk.settings.paths import default_db_url
    from cti_desk.store.db import open_store

    store = open_store(getattr(args, "db", None) or default_db_url())
    try:  # the audit row names who set it: --operator, else the OS user
        set_pin(store, pin or "", actor=getattr(args, "operator", None) or os_user())
    finally:
        store.dispose()
    print("kiosk staff PIN set (stored hashed)")
    return 0


# ------------------------------------------------------------------- before the window


@dataclass(frozen=True, slots=True)
class KioskStart:
    shop: KioskShop
    idle_timeout_s: int


def _timeout(args, settings_value: Callable[[str, Any], Any]) -> tuple[int | None, str | None]:
    given = getattr(args, "idle_timeout", None)
    if given is not None:  # argparse checked the range already; checked again for callers
        problem = idle_timeout_problem(given)
        return (None, f"invalid --idle-timeout {given}: {problem}") if problem else (given, None)
    raw = settings_value(SETTINGS_IDLE_TIMEOUT, IDLE_TIMEOUT_DEFAULT)
    text = str(raw if raw is not None else "").strip() or str(IDLE_TIMEOUT_DEFAULT)
    try:
        value = int(text)
    except ValueError:
        value = None
    problem = "not a whole number of seconds" if value is None else idle_timeout_problem(value)
    if problem:
        shown = text if len(text) <= 20 else text[:20] + "…"
        return None, f"invalid idle_timeout={shown!r} in the [kiosk] settings: {problem}"
    return value, None


def kiosk_start(args, settings_value: Callable[[str, Any], Any], store: Store) -> KioskStart | tuple[int, str]:
    """What a kiosk window starts with, or (exit status, one line) when it must not open:
    2 for no or an unknown shop or a bad idle timeout, 1 when no staff PIN is set (nobody
    could leave kiosk mode). `--shop`/`--idle-timeout` win over [kiosk] shop=/idle_timeout=."""
    code = (getattr(args, "shop", None) or str(settings_value(SETTINGS_SHOP, "") or "")).strip()
    if not code:
        return 2, "kiosk mode needs its shop: --shop CODE, or shop=CODE in the [kiosk] section of the settings"
    timeout, problem = _timeout(args, settings_value)
    if problem or timeout is None:
        return 2, problem or "invalid idle timeout"
    before, after = prepare_desk_store(store)  # a shared PostgreSQL schema: only checked
    if after is not None:
        log.info("store schema upgraded from %s to %s", before or "empty", after)
    shop = kiosk_shop(store, code)
    if shop is None:
        shown = code if len(code) <= 20 else code[:20] + "…"
        return 2, f"unknown shop {shown!r}: no shop location has that code (cti-desk import locations)"
    if not pin_is_set(store):
        return 1, "kiosk mode refused: no staff PIN is set, so nobody could leave it; set one with `cti-desk kiosk set-pin`"
    return KioskStart(shop, timeout)


def refused(result: tuple[int, str]) -> int:
    """Say why the kiosk did not start (one line on stderr) and return its exit status."""
    status, line = result
    print(f"cti-desk: {'error: ' if status == 2 else ''}{line}", file=sys.stderr)
    return status
