"""One clear line for any runtime error: what went wrong and where, never a secret.

The detail (the driver's own words, the traceback) is for `--debug`.
"""

from __future__ import annotations

from collections.abc import Iterable

from cti_desk.domain.redact import scrub

MAX_LINE = 300


def describe(exc: BaseException, secrets: Iterable[str] = ()) -> str:
    return scrub(_sentence(exc), secrets)[:MAX_LINE]


def _first_line(text: str) -> str:
    text = text.strip()
    return text.splitlines()[0].strip() if text else ""


def _sentence(exc: BaseException) -> str:
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        # The driver's words only: the statement and parameters SQLAlchemy appends stay out.
        return f"database error: {_first_line(str(exc.orig)) or type(exc.orig).__name__}"
    if isinstance(exc, FileNotFoundError):
        return f"no such file: {exc.filename}"
    if isinstance(exc, IsADirectoryError):
        return f"a folder, not a file: {exc.filename}"
    if isinstance(exc, PermissionError):
        return f"not allowed to open {exc.filename}" if exc.filename else "permission denied"
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return _first_line(str(exc)) or type(exc).__name__


def run_source_command(main) -> int:
    """asyncio.run(main) for the commands that hold a call source (monitor, queues,
    relay): their exit codes for a stop, a refused login and a link that cannot open."""
    import asyncio
    import sys

    from cti_desk.telephony.ami.client import AuthenticationFailed

    try:
        return asyncio.run(main)
    except (BrokenPipeError, KeyboardInterrupt):  # the reader went away / Ctrl+C: a stop
        return 0
    except AuthenticationFailed:
        print("cti-desk: authentication failed", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"cti-desk: {exc.strerror or exc}", file=sys.stderr)
        return 1
