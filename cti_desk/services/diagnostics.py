""""Why does desk 17 show no pops?": what a desk needs, each tried once, each answered
within a few seconds (`cti-desk check`, Help > Diagnostics).

    run_checks(DeskTargets(db_url, source_url, oms_url)) -> [CheckResult(item, ok, detail)]

Items, in order: the store (reachable, schema current / older / newer), the call source
(services/diagnostics_source.py: AMI log in and the PBX's version, webhook port, relay
heartbeat, simulator), the OMS if one is set (any HTTP answer counts), the keyring entry
if the source URL asks for one (present or not, never its value). Every detail is one
English line with passwords masked; no check raises. The checks run side by side, each
on a daemon thread: one that hangs past its bound is reported and left behind, it never
holds the answer (or the exit of `cti-desk check`) up.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from cti_desk.domain.redact import mask_urls
from cti_desk.domain.text import bounded

log = logging.getLogger(__name__)

TIMEOUT_S = 4.0  # each check's own bound (connects, logins, HTTP)
GRACE_S = 1.5  # past its bound a check is given up on
ITEM_STORE, ITEM_SOURCE, ITEM_OMS, ITEM_KEYRING = "store", "call source", "OMS", "keyring"
ITEM_LOG = "log file"
OK, FAILED, INFO = "ok", "FAILED", "info"


@dataclass(frozen=True, slots=True)
class CheckResult:
    item: str  # ITEM_*
    ok: bool
    detail: str  # one line, no secret


@dataclass(frozen=True, slots=True)
class DeskTargets:
    """What the window would use: the store, the call source and the OMS, as resolved from
    the command line, the environment and the settings (the app layer resolves them)."""

    db_url: str
    source_url: str | None = None
    oms_url: str | None = None


def one_line(text: object) -> str:
    """A reason as it may be shown: its first line, passwords masked, bounded."""
    lines = [ln.strip() for ln in str(text).splitlines() if ln.strip()]
    return bounded(mask_urls(lines[0] if lines else ""), 300)


def why(exc: BaseException) -> str:
    """An exception in one line: the driver's own words for a database error."""
    original = getattr(exc, "orig", None) or exc
    if isinstance(original, OSError) and original.strerror:
        return one_line(original.strerror)
    return one_line(original) or type(original).__name__


def first_sentence(exc: BaseException) -> str:
    """keyring's messages go on to advise installing packages: the first sentence says it."""
    return one_line(exc).split(". ")[0].rstrip(".")


# -- the store ---------------------------------------------------------------------------


def check_store(db_url: str, timeout: float = TIMEOUT_S) -> CheckResult:
    from sqlalchemy import inspect
    from sqlalchemy.engine import make_url

    from cti_desk.services.health import store_display
    from cti_desk.store.db import (
        SchemaTooNew,
        Store,
        StoreError,
        current_revision,
        head_revision,
        needs_upgrade,
    )

    shown = store_display(db_url)
    try:
        url = make_url(db_url)
    except Exception:
        return CheckResult(ITEM_STORE, False, f"invalid database URL {mask_urls(bounded(db_url, 80))!r} "
                                              "(expected sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB)")
    kwargs: dict = {}
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            path = Path(url.database)
            shown = str(path)
            if not path.parent.is_dir():  # checked first: making the engine would create it
                return CheckResult(ITEM_STORE, False, f"{shown}: its folder {path.parent} does not exist")
            if not path.is_file():
                return CheckResult(ITEM_STORE, False, f"{shown}: no store file there (start cti-desk "
                                                      "once, or run `cti-desk db upgrade`)")
    elif url.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": max(1, int(timeout))}
    try:
        store = Store(db_url, **kwargs)
    except Exception as exc:
        return CheckResult(ITEM_STORE, False, why(exc))
    try:
        revision, head = current_revision(store.engine), head_revision(store.engine)
        if revision is None:
            if inspect(store.engine).get_table_names():
                return CheckResult(ITEM_STORE, False, f"{shown}: has tables but no cti-desk schema "
                                                      "history: is it another program's database?")
            return CheckResult(ITEM_STORE, False, f"{shown}: reachable but empty (run `cti-desk db upgrade`)")
        needs_upgrade(store.engine)  # SchemaTooNew for a revision this cti-desk does not know
        if revision == head:
            return CheckResult(ITEM_STORE, True, f"{shown}: schema {revision} (current)")
        return CheckResult(ITEM_STORE, False, f"{shown}: schema {revision}, older than this "
                                              f"cti-desk's {head} (run `cti-desk db upgrade`)")
    except SchemaTooNew as exc:
        return CheckResult(ITEM_STORE, False, one_line(exc))
    except StoreError as exc:
        return CheckResult(ITEM_STORE, False, one_line(exc))
    except Exception as exc:
        return CheckResult(ITEM_STORE, False, f"{shown}: not reachable: {why(exc)}")
    finally:
        store.dispose()


# -- the OMS -----------------------------------------------------------------------------


def check_oms(oms_url: str, timeout: float = TIMEOUT_S) -> CheckResult:
    """Reachable is any HTTP answer: the OMS takes POSTs, a GET may well be 404 or 405."""
    import requests

    shown = one_line(oms_url)
    started = time.monotonic()
    try:
        response = requests.get(oms_url, timeout=timeout, allow_redirects=False)
    except requests.Timeout:
        return CheckResult(ITEM_OMS, False, f"{shown}: no answer within {timeout:g} s")
    except requests.RequestException as exc:
        return CheckResult(ITEM_OMS, False, f"{shown}: not reachable: {network_why(exc)}")
    response.close()
    seconds = time.monotonic() - started
    return CheckResult(ITEM_OMS, True, f"{shown}: answered HTTP {response.status_code} in {seconds:.1f} s")


def network_why(exc: BaseException) -> str:
    """requests' messages run to lines of retries: the cause underneath, in words."""
    import socket

    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        if isinstance(seen, ConnectionRefusedError):
            return "connection refused"
        if isinstance(seen, socket.gaierror):
            return "unknown host"
        if isinstance(seen, TimeoutError):
            return "timed out"
        nested = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = getattr(seen, "reason", None) or nested or seen.__cause__ or seen.__context__
    text = one_line(exc)
    return text[:120] or type(exc).__name__


# -- the keyring -------------------------------------------------------------------------


def keyring_entry(source_url: str | None) -> tuple[str, str] | None:
    """(service, username) of the keyring entry an `ami://...?secret=keyring` URL asks for."""
    if not source_url or not source_url.strip().lower().startswith("ami:"):
        return None
    from cti_desk.telephony.ami.url import DEFAULT_PORT, KEYRING_SERVICE, keyring_username

    try:
        parts = urlsplit(source_url.strip())
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        port = parts.port or DEFAULT_PORT
    except ValueError:
        return None
    if query.get("secret") != "keyring" or not parts.hostname or not parts.username:
        return None
    return KEYRING_SERVICE, keyring_username(unquote(parts.username), parts.hostname, port)


def check_keyring(service: str, username: str) -> CheckResult:
    import keyring
    import keyring.errors

    where = f"service {service!r}, username {username!r}"
    try:
        present = keyring.get_password(service, username) is not None
    except keyring.errors.KeyringError as exc:
        return CheckResult(ITEM_KEYRING, False, f"no usable keyring: {first_sentence(exc)}")
    except Exception as exc:  # a backend's own failure (D-Bus gone...)
        return CheckResult(ITEM_KEYRING, False, f"the keyring did not answer: {why(exc)}")
    if present:
        return CheckResult(ITEM_KEYRING, True, f"{where}: present")
    return CheckResult(ITEM_KEYRING, False, f"{where}: no entry (keyring set {service} {username})")


# -- running them ------------------------------------------------------------------------


def planned_checks(targets: DeskTargets, timeout: float = TIMEOUT_S) -> list[tuple[str, Callable[[], CheckResult]]]:
    from cti_desk.services.diagnostics_source import check_source

    checks: list[tuple[str, Callable[[], CheckResult]]] = [
        (ITEM_STORE, lambda: check_store(targets.db_url, timeout)),
        (ITEM_SOURCE, lambda: check_source(targets.source_url, targets.db_url, timeout)),
    ]
    if targets.oms_url:
        checks.append((ITEM_OMS, lambda: check_oms(targets.oms_url or "", timeout)))
    if entry := keyring_entry(targets.source_url):
        checks.append((ITEM_KEYRING, lambda: check_keyring(*entry)))
    return checks


def _import_first() -> None:
    """Imported once here: two threads importing SQLAlchemy at once can see it half made."""
    import keyring  # noqa: F401
    import psycopg  # noqa: F401
    import requests  # noqa: F401

    import cti_desk.services.health
    import cti_desk.store.db
    import cti_desk.telephony.ami.probe
    import cti_desk.telephony.relay_wire
    import cti_desk.telephony.sources  # noqa: F401


def run_checks(targets: DeskTargets, timeout: float = TIMEOUT_S) -> list[CheckResult]:
    """Every check, side by side; each answered, failed or given up on within
    `timeout` + GRACE_S seconds. Results in the order of the items."""
    _import_first()
    return run_all(planned_checks(targets, timeout), timeout + GRACE_S)


def run_all(checks: Iterable[tuple[str, Callable[[], CheckResult]]], deadline_s: float) -> list[CheckResult]:
    answers: queue.Queue[tuple[int, CheckResult]] = queue.Queue()
    planned = list(checks)

    def one(index: int, item: str, check: Callable[[], CheckResult]) -> None:
        try:
            result = check()
        except Exception as exc:  # a check's own bug is a finding, not a crash
            result = CheckResult(item, False, f"the check failed: {why(exc)}")
        answers.put((index, result))

    for index, (item, check) in enumerate(planned):
        # Not a cti-desk pool thread: a check that hangs (a PBX that never answers) must
        # not keep the process alive or take a worker the window's pops need.
        threading.Thread(target=one, args=(index, item, check), name=f"diagnostics-{item}",
                         daemon=True).start()
    results: dict[int, CheckResult] = {}
    started = time.monotonic()
    ends = started + deadline_s
    while len(results) < len(planned):
        left = ends - time.monotonic()
        if left <= 0:
            break
        try:
            index, result = answers.get(timeout=left)
        except queue.Empty:
            break
        results[index] = result
        log.debug("check of the %s answered in %.2f s", result.item, time.monotonic() - started)
    return [results.get(i) or CheckResult(item, False, f"no answer within {deadline_s:g} s")
            for i, (item, _check) in enumerate(planned)]


def all_ok(results: Iterable[CheckResult]) -> bool:
    return all(r.ok for r in results)


def report_lines(results: Iterable[CheckResult], log_file: Path | None = None) -> list[str]:
    """One line per item (`check`'s output and the dialog's Copy): item, ok/FAILED, why;
    then the log file as an info line."""
    rows = [(r.item, OK if r.ok else FAILED, r.detail) for r in results]
    if log_file is not None:
        rows.append((ITEM_LOG, INFO, str(log_file)))
    return [f"{item:<12} {status:<6} {detail}".rstrip() for item, status, detail in rows]


def schema_revision(store) -> str:
    """The store's schema revision for the About box ("0010 (current)"); raises when the
    store does not answer (the caller shows why)."""
    from cti_desk.store.db import current_revision, head_revision

    revision, head = current_revision(store.engine), head_revision(store.engine)
    if revision is None:
        return "none (empty store)"
    return f"{revision} (current)" if revision == head else f"{revision} (this cti-desk: {head})"
