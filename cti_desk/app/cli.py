"""The `cti-desk` command: one straight entry point, read top to bottom.

Exit status: 0 success, 2 bad usage, 1 runtime error (one line on stderr, traceback
only with --debug).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from cti_desk import __version__
from cti_desk.domain import redact
from cti_desk.domain.errors import BadArgument

log = logging.getLogger("cti_desk")

IMPORT_KINDS = ("customers", "products", "locations", "stock", "purchases", "inquiries")
ROLES = ("operator", "supervisor", "kiosk")
# Environment variables that may hold a URL with a password or token.
SECRET_ENV = ("CTI_DESK_DB", "CTI_DESK_SOURCE", "CTI_DESK_OMS_URL")

# Every secret this run knows of (command line and environment): nothing cti-desk
# prints (errors, log lines, --debug tracebacks) may carry one.
_secrets: list[str] = []


class UsageError(Exception):
    """Bad usage found after parsing (e.g. a malformed URL): exit 2."""


class _Parser(argparse.ArgumentParser):
    """argparse echoes what it could not parse: never a password in it."""

    def error(self, message: str):  # type: ignore[override]
        super().error(redact.scrub(message, _secrets))


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text!r}")
    return value


def _local_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _seconds_above_zero(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of seconds: {text!r}") from None
    if not 0 < value <= 86_400:
        raise argparse.ArgumentTypeError(f"must be 1 to 86400 seconds: {text!r}")
    return value


def _idle_timeout(text: str) -> int:
    from cti_desk.app.kiosk import idle_timeout_problem

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of seconds: {text!r}") from None
    if problem := idle_timeout_problem(value):
        raise argparse.ArgumentTypeError(f"{problem}: {text!r}")
    return value


def _shop_code(text: str) -> str:
    value = text.strip()
    if not 0 < len(value) <= 20 or not value.isprintable():
        raise argparse.ArgumentTypeError("a shop code is 1-20 printable characters (a location code)")
    return value


def _queue_names(text: str) -> frozenset[str]:
    """`support,vip` -> {"support", "vip"} (queue names as the PBX spells them)."""
    names = [n.strip() for n in text.split(",") if n.strip()]
    if any(len(n) > 80 or not n.isprintable() for n in names):
        raise argparse.ArgumentTypeError("queue names are 1-80 printable characters, separated by commas")
    return frozenset(names)


def _operator(text: str) -> str:
    from cti_desk.settings.operator import operator_name

    try:
        return operator_name(text)
    except BadArgument as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_db(p: argparse.ArgumentParser, top: bool = False) -> None:
    # Subcommands repeat the option; SUPPRESS keeps them from resetting the top-level value.
    p.add_argument(
        "--db",
        default=os.environ.get("CTI_DESK_DB") if top else argparse.SUPPRESS,
        metavar="URL",
        help="SQLAlchemy URL of the store (default: SQLite in the user data dir; env CTI_DESK_DB)",
    )


def _add_source(p: argparse.ArgumentParser) -> None:
    # Not required here: the top-level --source and CTI_DESK_SOURCE count too (checked in _run).
    p.add_argument("--source", default=argparse.SUPPRESS, metavar="URL",
                   help="call source: ami://, webhook://, sim://, relay (env CTI_DESK_SOURCE)")


def _add_common(p: argparse.ArgumentParser, top: bool = False) -> None:
    p.add_argument(
        "--debug",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="log details and show tracebacks",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cti-desk",
        description="Call-center desktop: screen pops from Asterisk/cloud PBX over a unified customer store.",
    )
    parser.add_argument("--version", action="version", version=f"cti-desk {__version__}")
    _add_db(parser, top=True)
    _add_common(parser, top=True)
    parser.add_argument(
        "--source",
        default=os.environ.get("CTI_DESK_SOURCE"),
        metavar="URL",
        help="call source: ami://, webhook://, sim://, relay (env CTI_DESK_SOURCE)",
    )
    parser.add_argument("--role", choices=ROLES, default=None, help="window to open")
    parser.add_argument("--agent", metavar="INTERFACE", default=os.environ.get("CTI_DESK_AGENT"),
                        help="this seat's phone, e.g. PJSIP/2001: pops only calls ringing there, "
                             "and click-to-dial and queue pause act on it")
    parser.add_argument("--operator", metavar="NAME", type=_operator,
                        default=os.environ.get("CTI_DESK_OPERATOR") or None,
                        help="who works at this seat, on every record the window writes (env "
                             "CTI_DESK_OPERATOR; default: the settings file's agent map or "
                             "operator name, else the OS user)")
    parser.add_argument("--pop-on-answer", type=_queue_names, metavar="QUEUE[,QUEUE]",
                        default=os.environ.get("CTI_DESK_POP_ON_ANSWER", ""),
                        help="queues whose calls pop when answered at this seat instead of "
                             "when they ring (env CTI_DESK_POP_ON_ANSWER)")
    parser.add_argument("--oms-url", default=os.environ.get("CTI_DESK_OMS_URL"), metavar="URL",
                        help="order management system to push delivery orders to")
    parser.add_argument("--shop", type=_shop_code, default=None, metavar="CODE",
                        help="--role kiosk: the shop (location code) the kiosk stands in "
                             "(default: the settings' [kiosk] shop=)")
    parser.add_argument("--idle-timeout", type=_idle_timeout, default=None, metavar="SECONDS",
                        help="--role kiosk: wipe the screen back to the scan after this many idle "
                             "seconds (15-3600; default: the settings' [kiosk] idle_timeout=, else 60)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo-data", help="fill the store with a reproducible demo retailer")
    _add_db(demo)
    _add_common(demo)
    demo.add_argument("--customers", type=_positive_int, default=2000, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")

    imp = sub.add_parser("import", help="import a CSV file (all or nothing)")
    imp.add_argument("kind", choices=IMPORT_KINDS)
    imp.add_argument("file", metavar="FILE.csv")
    imp.add_argument("--encoding", metavar="ENCODING", default=None,
                     help="the file's encoding (default: UTF-8 with or without BOM, else Shift_JIS/CP932)")
    _add_db(imp)
    _add_common(imp)

    find = sub.add_parser("find", help="search customers like the window's search box, as JSON lines")
    find.add_argument("query", metavar="QUERY", help="name, kana, phone digits, email, member or order number")
    find.add_argument("--limit", type=int, default=50, metavar="N", help="at most N customers (default 50)")
    _add_db(find)
    _add_common(find)

    kpi = sub.add_parser("kpi", help="what calls bring: calls, orders, conversion, first-time buyers")
    kpi.add_argument("--from", dest="date_from", type=_local_date, default=None, metavar="DATE",
                     help="first local (Japan) date, YYYY-MM-DD (default: 6 days before --to)")
    kpi.add_argument("--to", dest="date_to", type=_local_date, default=None, metavar="DATE",
                     help="last local (Japan) date, inclusive (default: today)")
    kpi.add_argument("--by", choices=("day", "week", "month", "segment", "channel"), default="day")
    kpi.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _add_db(kpi)
    _add_common(kpi)

    from cti_desk.app.audit import add_parser as add_audit

    add_audit(sub, _add_db, _add_common, _local_date, _positive_int)

    mon = sub.add_parser("monitor", help="print every call's screen pop as JSON lines")
    _add_source(mon)
    mon.add_argument("--agent", metavar="INTERFACE", default=argparse.SUPPRESS,
                     help="print only the calls that rang or were answered at this phone, e.g. PJSIP/2001")
    _add_db(mon)
    _add_common(mon)

    queues = sub.add_parser("queues", help="print live queue figures as JSON lines (a wallboard feed)")
    _add_source(queues)
    _add_db(queues)
    _add_common(queues)
    queues.add_argument("--sl", type=_seconds_above_zero, default=20, metavar="SECONDS",
                        help="service-level threshold: answered within this many seconds (default 20)")
    queues.add_argument("--interval", type=_seconds_above_zero, default=None, metavar="SECONDS",
                        help="also print every queue every N seconds (so the longest wait moves)")

    relay = sub.add_parser("relay", help="publish one PBX's calls to every seat through PostgreSQL")
    _add_source(relay)
    _add_db(relay)
    _add_common(relay)

    from cti_desk.app.inbox import add_parser as add_inbox

    add_inbox(sub, _add_db, _add_common)

    kiosk = sub.add_parser("kiosk", help="shop kiosk administration")
    kiosk_sub = kiosk.add_subparsers(dest="kiosk_command", metavar="ACTION", required=True)
    set_pin = kiosk_sub.add_parser("set-pin", help="set the staff PIN that leaves kiosk mode "
                                                   "(4-12 digits read from stdin; stored hashed)")
    _add_db(set_pin)
    _add_common(set_pin)

    check = sub.add_parser("check", help="try what this desk needs (store, call source, OMS, "
                                         "keyring): one line each, exit 0 when all are ok")
    _add_source(check)
    check.add_argument("--oms-url", default=argparse.SUPPRESS, metavar="URL",
                       help="the OMS to try (env CTI_DESK_OMS_URL)")
    _add_db(check)
    _add_common(check)

    dbp = sub.add_parser("db", help="store maintenance")
    dbsub = dbp.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbsub.add_parser("upgrade", help="apply schema migrations")
    _add_db(up)
    _add_common(up)
    return parser


def _db_url(args: argparse.Namespace) -> str:
    """--db, else CTI_DESK_DB, else the settings' [store] url, else the default (app/desk_setup.py)."""
    from cti_desk.app.desk_setup import store_url

    return store_url(args)


class _ScrubbingFormatter(logging.Formatter):
    """Log lines (and their tracebacks) with every known secret masked."""

    def format(self, record: logging.LogRecord) -> str:
        return redact.scrub(super().format(record), _secrets)


def _setup_logging(debug: bool, command: str | None = None) -> None:
    """stderr as always, and the rotating log file (services/log_file.py), personal data
    masked there. A process whose logging is already set up (tests) is left as it is."""
    from cti_desk.services.log_file import file_handler, log_file_path

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_ScrubbingFormatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s" if debug else "cti-desk: %(message)s"))
    handlers: list[logging.Handler] = [handler]
    if not logging.getLogger().handlers:
        to_file = file_handler(log_file_path(command), scrub=lambda text: redact.scrub(text, _secrets))
        handlers += [to_file] if to_file is not None else []
    logging.basicConfig(level=logging.DEBUG if debug else logging.INFO, handlers=handlers)
    if not debug:
        for noisy in ("alembic", "sqlalchemy", "asyncio", "aiohttp.access", "faker"):
            logging.getLogger(noisy).setLevel(logging.WARNING)


def _check_options(args: argparse.Namespace) -> None:
    """Refuse bad seat options before anything starts (BadArgument: exit 2)."""
    from cti_desk.settings import options

    if getattr(args, "agent", None):
        args.agent = options.agent_interface(args.agent)
    if getattr(args, "oms_url", None):
        args.oms_url = options.oms_url(args.oms_url)


def _check_source_given(args: argparse.Namespace) -> None:
    if args.command in SOURCE_COMMANDS and not getattr(args, "source", None):
        raise UsageError(f"{args.command} needs a call source: --source URL (before or after "
                         f"{args.command}), CTI_DESK_SOURCE or [source] url in the settings file")


SOURCE_COMMANDS = frozenset({"monitor", "relay", "queues"})
# Commands that use a store without making one: on PostgreSQL they refuse an older schema
# (demo-data, import and kiosk set-pin still make a new store's schema, as db upgrade).
USE_SHARED_STORE = frozenset({"find", "audit", "kpi", "monitor", "queues", "relay", "inbox"})


def _warn_unseen_agent(db_url: str, agent: str) -> None:
    from cti_desk.services.seat import unseen_agent_warning
    from cti_desk.store.db import open_store

    store = open_store(db_url)
    try:
        warning = unseen_agent_warning(store, agent)
    finally:
        store.dispose()
    if warning:
        log.warning("warning: %s", warning)


def _run(args: argparse.Namespace) -> int:
    from cti_desk.app.desk_setup import apply_desk_setup

    _check_options(args)  # the command line's and environment's values, before the file's fill in
    apply_desk_setup(args)
    _check_source_given(args)
    command = args.command
    if command in USE_SHARED_STORE:  # only `db upgrade` changes a shared schema (the window: gui.py)
        from cti_desk.services.desk_store import refuse_an_older_shared_store

        refuse_an_older_shared_store(_db_url(args))
    if command == "db":
        from cti_desk.store.db import Store, upgrade

        store = Store(_db_url(args))
        try:
            before, after = upgrade(store.engine)
        finally:
            store.dispose()
        print(f"store at {after}" + ("" if before == after else f" (was {before or 'empty'})"))
        return 0
    if command == "demo-data":
        from cti_desk.app.progress import cli_progress
        from cti_desk.services.demo_data import generate
        from cti_desk.store.db import open_store

        store = open_store(_db_url(args))
        try:
            counts = generate(store, customers=args.customers, seed=args.seed, progress=cli_progress)
        finally:
            store.dispose()
        print(", ".join(f"{v:,} {k}" for k, v in counts.items()))
        return 0
    if command == "import":
        from cti_desk.app.progress import cli_progress
        from cti_desk.services.importer import import_csv
        from cti_desk.store.db import open_store

        store = open_store(_db_url(args))
        try:
            result = import_csv(store, args.kind, args.file, progress=cli_progress,
                                encoding=args.encoding, actor=args.operator)
        finally:
            store.dispose()
        print(result.summary())
        return 0
    if command == "find":
        from cti_desk.app.find import run_find

        return run_find(args.query, _db_url(args), args.limit)
    if command == "audit":
        from cti_desk.app.audit import run_audit

        return run_audit(args, _db_url(args))
    if command == "kpi":
        from cti_desk.app.kpi import run_kpi

        return run_kpi(_db_url(args), args.date_from, args.date_to, args.by, args.format)
    if command == "monitor":
        from cti_desk.app.monitor import run_monitor

        if args.agent:
            _warn_unseen_agent(_db_url(args), args.agent)

        return run_monitor(args.source, _db_url(args), agent=args.agent)
    if command == "queues":
        from cti_desk.app.queues import run_queues

        return run_queues(args.source, _db_url(args), args.sl, args.interval)
    if command == "kiosk":
        from cti_desk.app.kiosk import set_pin_command

        return set_pin_command(args)
    if command == "relay":
        from cti_desk.app.relay import run_relay

        return run_relay(args.source, _db_url(args))
    if command == "inbox":
        from cti_desk.app.inbox import run_inbox

        return run_inbox(args, _db_url(args), _secrets)
    if command == "check":
        from cti_desk.app.check import run_check

        return run_check(args, _db_url(args), lambda text: redact.scrub(text, _secrets))
    import gc

    # Starting the window makes long-lived objects only (modules, widgets): no collection
    # until it is painted (app/gui.py turns it back on), ~50 ms sooner on screen.
    gc.disable()
    try:
        from cti_desk.app.gui import run_gui

        return run_gui(args, _db_url(args))
    finally:
        gc.enable()


def _guard_secrets(words: list[str], own_command_line: bool) -> None:
    """Learn the secrets of this run; for one on the command line, warn once and take it
    out of the process title (what `ps` and /proc/PID/cmdline show to every user)."""
    on_command_line = redact.argv_secrets(words)
    _secrets[:] = on_command_line
    for name in SECRET_ENV:
        _secrets.extend(redact.url_secrets(os.environ.get(name) or ""))
    from cti_desk.app.inbox import SECRET_ENV as WHOLE_SECRET_ENV

    _secrets.extend(v for name in WHOLE_SECRET_ENV if (v := os.environ.get(name)) and v != "keyring")
    if not on_command_line:
        return
    if own_command_line:
        from cti_desk.app.proctitle import hide_secrets

        hide_secrets(words)
    print("cti-desk: warning: a password or token on the command line is visible to every "
          "user of this machine; put it in the keyring (ami://USER@HOST:PORT?secret=keyring) "
          "or the environment (CTI_DESK_SOURCE, CTI_DESK_DB) instead", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    _guard_secrets(words, own_command_line=argv is None)
    parser = build_parser()
    args = parser.parse_args(words)
    _setup_logging(args.debug, args.command)
    from cti_desk.app.errors import describe

    try:
        return _run(args)
    except (UsageError, BadArgument) as exc:  # one line: the value and what it should be
        print(f"cti-desk: error: {redact.scrub(str(exc), _secrets)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:  # the detail, secrets masked, then the same one line
            import traceback

            sys.stderr.write(redact.scrub("".join(traceback.format_exception(exc)), _secrets))
        print(f"cti-desk: {describe(exc, _secrets)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
