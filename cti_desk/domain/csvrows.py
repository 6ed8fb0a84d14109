"""Cells of imported CSV files -> validated values (no I/O).

Every parser raises CellError with a reason a person can act on; the importer adds
the file name and line number.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone

from cti_desk.domain.delivery import canonical_prefecture
from cti_desk.domain.model import Channel, LocationKind, jan_is_valid
from cti_desk.domain.phone import normalize_e164

JAPAN = timezone(timedelta(hours=9))
MAX_CELL = 300  # shown in messages at most this long
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_POSTAL_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―ー−〒]")


class CellError(ValueError):
    """One cell is not what its column needs."""


def shown(cell: str) -> str:
    """A cell quoted for an error message: bounded, control characters escaped by repr."""
    return repr(cell if len(cell) <= 40 else cell[:40] + "…")


def channel(cell: str) -> str:
    value = cell.strip().lower()
    try:
        return Channel(value).value
    except ValueError:
        allowed = ", ".join(c.value for c in Channel)
        raise CellError(f"unknown channel {shown(cell)} (use one of {allowed})") from None


def location_kind(cell: str) -> str:
    value = cell.strip().lower()
    try:
        return LocationKind(value).value
    except ValueError:
        allowed = ", ".join(k.value for k in LocationKind)
        raise CellError(f"unknown kind {shown(cell)} (use one of {allowed})") from None


def prefecture(cell: str) -> str:
    """東京都, or 東京 as files often write it; empty allowed (the EC stock has none)."""
    if not cell.strip():
        return ""
    value = canonical_prefecture(cell)
    if value is None:
        raise CellError(f"unknown prefecture {shown(cell)} (e.g. 東京都, 大阪府, 北海道)")
    return value


MAX_LEAD_DAYS = 60


def lead_days(cell: str) -> int:
    """Days to ship from a location; empty means the usual 1."""
    if not cell.strip():
        return 1
    days = whole_number(cell, "lead_days")
    if days > MAX_LEAD_DAYS:
        raise CellError(f"lead_days must be at most {MAX_LEAD_DAYS}: {shown(cell)}")
    return days


INQUIRY_STATUSES = ("open", "closed")


def inquiry_status(cell: str) -> str:
    value = cell.strip().lower()
    if value not in INQUIRY_STATUSES:
        raise CellError(f"unknown status {shown(cell)} (use open or closed)")
    return value


def required(cell: str, column: str, limit: int) -> str:
    value = cell.strip()
    if not value:
        raise CellError(f"{column} is empty")
    if len(value) > limit:
        raise CellError(f"{column} is longer than {limit} characters")
    if any(unicodedata.category(ch)[0] == "C" for ch in value):
        raise CellError(f"{column} has control characters: {shown(value)}")
    return value


def optional_text(cell: str, limit: int) -> str:
    """Free text (names, addresses): NFC, control characters dropped, bounded."""
    value = unicodedata.normalize("NFC", cell.strip())
    if not value.isprintable():  # rare: only then look at each character
        value = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")
    return value[:limit]


# Half-width katakana (and its voiced marks), as old POS and Shift_JIS files write kana.
_HALF_WIDTH_KANA = re.compile("[\uff61-\uff9f]+")


def kana_text(cell: str, limit: int) -> str:
    """A name's reading: half-width katakana made full-width (ｶﾞ -> ガ, ｰ -> ー), and only
    that: NFKC on the whole cell would also turn ① into 1 or ㈱ into (株)."""
    value = optional_text(cell, limit * 2)
    if _HALF_WIDTH_KANA.search(value):
        value = _HALF_WIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), value)
    return value[:limit]


def long_text(cell: str, limit: int) -> str:
    """Free text over several lines (an inquiry's text): line breaks kept, other control
    characters dropped, bounded."""
    value = unicodedata.normalize("NFC", cell.replace("\r\n", "\n").replace("\r", "\n").strip())
    if not value.isprintable():
        value = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return value[:limit]


def phone(cell: str) -> str | None:
    if not cell.strip():
        return None
    e164 = normalize_e164(cell)
    if e164 is None:
        raise CellError(f"invalid phone number {shown(cell)}")
    return e164


def phone_kind(e164: str) -> str:
    return "mobile" if e164[:5] in ("+8170", "+8180", "+8190") else "home"


def email(cell: str) -> str | None:
    value = unicodedata.normalize("NFKC", cell.strip())
    if not value:
        return None
    if len(value) > 254 or not _EMAIL.fullmatch(value):
        raise CellError(f"invalid email address {shown(cell)}")
    return value.casefold()


def postal_code(cell: str) -> str:
    """Seven digits; accepts 123-4567, 〒 and full-width digits."""
    value = _POSTAL_SEPARATORS.sub("", unicodedata.normalize("NFKC", cell))
    if not value:
        return ""
    if not (len(value) == 7 and value.isascii() and value.isdigit()):
        raise CellError(f"invalid postal code {shown(cell)} (7 digits, e.g. 100-0001)")
    return value


def jan(cell: str) -> str | None:
    value = unicodedata.normalize("NFKC", cell.strip())
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and jan_is_valid(value)):
        raise CellError(f"invalid JAN {shown(cell)} (EAN-13 with a valid check digit)")
    return value


def whole_number(cell: str, column: str, minimum: int = 0) -> int:
    value = unicodedata.normalize("NFKC", cell.strip()).replace(",", "")
    if value.startswith("¥"):
        value = value[1:]
    try:
        number = int(value)
    except ValueError:
        raise CellError(f"{column} is not a whole number: {shown(cell)}") from None
    if number < minimum:
        raise CellError(f"{column} must be {minimum} or more: {shown(cell)}")
    if number > 2**31 - 1:
        raise CellError(f"{column} is too large: {shown(cell)}")
    return number


def time_utc(cell: str, column: str) -> datetime:
    """ISO 8601; no offset means Japan time. Returned as naive UTC, like the store."""
    value = unicodedata.normalize("NFKC", cell.strip())
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise CellError(f"{column} is not an ISO 8601 time: {shown(cell)}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=JAPAN)
    return parsed.astimezone(UTC).replace(tzinfo=None)
