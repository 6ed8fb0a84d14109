"""What every `cti-desk import` kind shares: reading the file (UTF-8 or Shift_JIS/CP932),
rows with their physical line numbers, one-line failures, batched store lookups.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import bindparam, func, select, text, update
from sqlalchemy.orm import Session

from cti_desk.domain.errors import BadArgument
from cti_desk.domain.progress import ProgressFn
from cti_desk.store.db import is_sqlite

BATCH = 900  # values per IN (...) lookup; well under every driver's parameter limit
MAX_FILE = 1 << 30
# What spreadsheet programs in Japan save when not told "CSV UTF-8". CP932 is Shift_JIS
# plus the NEC/IBM characters (①, ㈱, 髙) every such file may hold.
JAPANESE_LEGACY = "cp932"
_NOT_TEXT = re.compile("[\x80-\x9f\ue000-\uf8ff]")


class ImportFailed(Exception):
    """The file can't be imported; str() is one line: file, line number, reason."""


class UnknownEncoding(BadArgument):
    """--encoding names no codec Python knows (bad usage)."""


@dataclass(slots=True)
class ImportResult:
    kind: str
    file: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    details: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        extra = "".join(f", {v:,} {k}" for k, v in self.details.items() if v)
        return (f"{self.file}: imported {self.rows:,} {self.kind} rows "
                f"({self.created:,} new, {self.updated:,} updated{extra})")


@dataclass(slots=True)
class Row:
    line: int
    cells: dict[str, str]


# ---------------------------------------------------------------------------- reading


def codec_for(encoding: str | None) -> str | None:
    """--encoding -> the codec to decode with; None means detect. Shift_JIS is read as
    CP932, its superset, so a file with ① or 髙 is not refused for a name."""
    if encoding is None:
        return None
    try:
        name = codecs.lookup(encoding.strip()).name
    except LookupError:
        raise UnknownEncoding(
            f"unknown encoding {encoding[:40]!r} (e.g. utf-8, cp932, shift_jis)") from None
    if name in ("shift_jis", "cp932", "ms932"):
        return JAPANESE_LEGACY
    return "utf-8-sig" if name == "utf-8" else name


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """The file's text: the codec asked for, else UTF-8 (BOM or not), else CP932."""
    codec = codec_for(encoding)
    tries = [codec] if codec else ["utf-8-sig", JAPANESE_LEGACY]
    first_error: UnicodeDecodeError | None = None
    for candidate in tries:
        try:
            content = data.decode(candidate)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            continue
        if codec or candidate != JAPANESE_LEGACY or not _NOT_TEXT.search(content):
            return content
        # CP932 gives stray bytes (0x80, 0xA0, 0xFD-0xFF) and user-defined glyphs a
        # private-use character: in a guessed CP932 that means the guess is wrong.
    assert first_error is not None
    line = data[: first_error.start].count(b"\n") + 1
    if codec:
        raise ImportFailed(f"{name} line {line}: not {encoding} text (check --encoding)")
    raise ImportFailed(
        f"{name} line {line}: neither UTF-8 nor Shift_JIS (CP932) text "
        "(save the file as CSV UTF-8, or name its encoding with --encoding)"
    )


def read_rows(path: Path, columns: Sequence[str], encoding: str | None = None) -> list[Row]:
    """Every data row with its physical line number (the header is line 1)."""
    name = path.name
    with path.open("rb") as f:
        data = f.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise ImportFailed(f"{name}: file is larger than {MAX_FILE >> 20} MiB")
    content = decode(data, name, encoding)
    if "\x00" in content:
        raise ImportFailed(f"{name}: not a text file (NUL bytes)")
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportFailed(f"{name} line 1: {exc}") from None
    if not header or not any(h.strip() for h in header):
        raise ImportFailed(f"{name} line 1: no header row (expected {','.join(columns)})")
    names = [h.strip().lower() for h in header]
    missing = [c for c in columns if c not in names]
    if missing:
        raise ImportFailed(
            f"{name} line 1: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(expected {','.join(columns)})"
        )
    index = {c: names.index(c) for c in columns}
    rows: list[Row] = []
    previous_end = reader.line_num
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFailed(f"{name} line {previous_end + 1}: {exc}") from None
        start = previous_end + 1
        previous_end = reader.line_num
        if not record or all(not c.strip() for c in record):
            continue  # blank line
        rows.append(Row(start, {c: record[i] if i < len(record) else "" for c, i in index.items()}))
    return rows


@dataclass(slots=True)
class ImportContext:
    file: str
    progress: ProgressFn
    stage: str
    total: int

    def fail(self, row: Row, reason: str) -> ImportFailed:
        return ImportFailed(f"{self.file} line {row.line}: {reason}")

    def once(self, seen: dict[Hashable, Row], key: Hashable, row: Row, what: str) -> None:
        """A key (a SKU, a code, an identity) may be on one row of a file only: a second
        row is reported with both line numbers instead of silently winning."""
        first = seen.setdefault(key, row)
        if first is not row:
            raise self.fail(row, f"{what} is already on line {first.line} (one row each per file)")

    def rows(self, rows: Sequence[Row]) -> Iterator[Row]:
        """Rows in order, with progress every thousand."""
        self.progress(self.stage, 0, self.total)
        for i, row in enumerate(rows, 1):
            yield row
            if i % 1000 == 0:
                self.progress(self.stage, i, self.total)
        self.progress(self.stage, self.total, self.total)


def chunks(values: Iterable, size: int = BATCH) -> Iterator[list]:
    it = iter(values)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def lookup(s: Session, stmt_for: Callable[[list], object], values: Iterable) -> list:
    out: list = []
    for chunk in chunks(sorted(set(values))):
        out.extend(s.execute(stmt_for(chunk)).all())
    return out


def new_ids(s: Session, table, n: int) -> list[int]:
    """n fresh primary keys in one query, so new rows can be bulk-inserted."""
    if n == 0:
        return []
    if is_sqlite(s.get_bind()):
        # We hold SQLite's write lock (BEGIN IMMEDIATE): nobody else can take these.
        start = (s.scalar(select(func.max(table.c.id))) or 0) + 1
        return list(range(start, start + n))
    return list(s.scalars(text(
        f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) "  # noqa: S608 -- schema name
        "FROM generate_series(1, :n)"
    ), {"n": n}))


def update_rows(s: Session, table, keys: Sequence[str], rows: list[dict]) -> None:
    """executemany UPDATE ... WHERE keys; each row dict holds keys and new values by column."""
    if not rows:
        return
    columns = [c for c in rows[0] if c not in keys]
    stmt = update(table).where(*(table.c[k] == bindparam(f"k_{k}") for k in keys)).values(
        {c: bindparam(f"v_{c}") for c in columns})
    s.connection().execute(stmt, [
        {**{f"k_{k}": r[k] for k in keys}, **{f"v_{c}": r[c] for c in columns}} for r in rows])


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

