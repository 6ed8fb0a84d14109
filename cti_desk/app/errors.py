"""One clear line for any runtime error."""

from __future__ import annotations


def describe(exc: BaseException) -> str:
    from sqlalchemy.exc import OperationalError

    if isinstance(exc, OperationalError):
        return f"database error: {str(exc.orig).strip().splitlines()[0]}"
    if isinstance(exc, FileNotFoundError):
        return f"no such file: {exc.filename}"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text
