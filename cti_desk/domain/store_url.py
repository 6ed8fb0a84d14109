"""A --db URL checked without loading SQLAlchemy: the window paints before the database
layer is imported (issue 16), yet a malformed URL is still bad usage before any window.

The pattern is SQLAlchemy's own (sqlalchemy.engine.url._parse_url), so both accept and
refuse the same strings; store/db.py checks every URL here first, so the messages are
the same wherever a URL is refused.
"""

from __future__ import annotations

import re

from cti_desk.domain.errors import BadArgument
from cti_desk.domain.redact import mask_urls

BACKENDS = ("sqlite", "postgresql")

_URL = re.compile(
    r"""
        (?P<name>[\w\+]+)://
        (?:
            (?P<username>[^:/]*)
            (?::(?P<password>[^@]*))?
        @)?
        (?:
            (?:
                \[(?P<ipv6host>[^/\?]+)\] |
                (?P<ipv4host>[^/:\?]+)
            )?
            (?::(?P<port>[^/\?]*))?
        )?
        (?:/(?P<database>[^\?]*))?
        (?:\?(?P<query>.*))?
        """,
    re.X,
)


class StoreError(Exception):
    """A store problem worth one clear line to the user."""


class InvalidDatabaseURL(StoreError, BadArgument):
    """The --db URL is malformed or names a database we don't support (bad usage)."""


def shown_url(url: str) -> str:
    """A --db URL as it may be printed: no password, bounded."""
    return mask_urls(url if len(url) <= 200 else url[:200] + "…")


def invalid_url(url: str) -> InvalidDatabaseURL:
    return InvalidDatabaseURL(
        f"invalid database URL: {shown_url(url)!r} (expected e.g. sqlite:///PATH or "
        "postgresql+psycopg://USER@HOST:PORT/DB)"
    )


def store_backend(url: str) -> str:
    """The URL's database ("sqlite" or "postgresql"); InvalidDatabaseURL (bad usage) for
    one SQLAlchemy could not parse or a database cti-desk does not support."""
    match = _URL.match(url) if isinstance(url, str) else None
    if match is None:
        raise invalid_url(str(url))
    if match["port"] is not None:  # "host:" too: SQLAlchemy's int("") refuses it
        try:
            int(match["port"])
        except ValueError:
            raise invalid_url(url) from None
    backend = match["name"].split("+")[0]
    if backend not in BACKENDS:
        raise InvalidDatabaseURL(f"unsupported database: {backend} (use sqlite or postgresql)")
    return backend
