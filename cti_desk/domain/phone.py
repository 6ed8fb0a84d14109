"""Caller numbers as PBXs and CSV files send them -> E.164.

Wrong matches from number formats are the first complaint users of CTI tools have,
so every form a Japanese PBX or a spreadsheet produces is handled here, in one place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class WithheldReason(StrEnum):
    """Why there is no number, for the call bar."""

    WITHHELD = "withheld"  # the caller withheld it (184, privacy)
    PAY_PHONE = "pay_phone"
    UNAVAILABLE = "unavailable"  # not available: out of area, no caller ID sent


# Every spelling of "no number" seen from Asterisk, SIP trunks, cloud PBXs and Japanese
# PBXs (which send the carrier's reason as text), lower-cased, with its reason.
WITHHELD_REASONS: dict[str, WithheldReason] = {
    "anonymous": WithheldReason.WITHHELD,
    "private": WithheldReason.WITHHELD,
    "restricted": WithheldReason.WITHHELD,
    "非通知": WithheldReason.WITHHELD,
    "公衆電話": WithheldReason.PAY_PHONE,
    "表示圏外": WithheldReason.UNAVAILABLE,
    "unavailable": WithheldReason.UNAVAILABLE,
    "unknown": WithheldReason.UNAVAILABLE,
    "<unknown>": WithheldReason.UNAVAILABLE,
    "": WithheldReason.UNAVAILABLE,
}
WITHHELD_SPELLINGS = frozenset(WITHHELD_REASONS)

# Japanese per-call caller-ID prefixes: 184 withholds, 186 presents. Both are dialled
# before a domestic number (0...), so they only count when followed by a 0.
_JP_CID_PREFIXES = ("184", "186")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―ー−()（）.・/]")
MAX_RAW_LENGTH = 64


class NumberKind(StrEnum):
    E164 = "e164"
    WITHHELD = "withheld"
    INVALID = "invalid"  # an extension, garbage, a number of no country


@dataclass(frozen=True, slots=True)
class CallerNumber:
    raw: str | None
    kind: NumberKind
    e164: str | None = None

    @property
    def withheld(self) -> bool:
        return self.kind is NumberKind.WITHHELD


def is_withheld(raw: str | None) -> bool:
    return withheld_reason(raw) is not None


def withheld_reason(raw: str | None) -> WithheldReason | None:
    """Why a caller number is missing, or None when there is a number (or garbage).

    Nothing sent at all (None, empty, only separators, Asterisk's `<unknown>`) counts as
    not available. Full-width letters and separators are folded away as for numbers.
    """
    if raw is None:
        return WithheldReason.UNAVAILABLE
    if len(raw) > MAX_RAW_LENGTH:
        return None
    return WITHHELD_REASONS.get(_clean(raw).lower())  # "(anonymous)", "--", "ＡＮＯＮＹＭＯＵＳ"


def _clean(raw: str) -> str:
    # NFKC folds full-width digits, plus and hyphens to ASCII.
    text = unicodedata.normalize("NFKC", raw).strip()
    return _SEPARATORS.sub("", text)


def normalize(
    raw: str | None, region: str = "JP", outside_line_prefix: str | None = None
) -> CallerNumber:
    """Turn what the PBX or a file sent into E.164, or say it is withheld/invalid."""
    if is_withheld(raw):
        return CallerNumber(raw, NumberKind.WITHHELD)
    assert raw is not None
    if len(raw) > MAX_RAW_LENGTH:
        return CallerNumber(raw, NumberKind.INVALID)
    text = _clean(raw)
    for candidate in _candidates(text, region, outside_line_prefix):
        e164 = _parse(candidate, region)
        if e164:
            return CallerNumber(raw, NumberKind.E164, e164)
    return CallerNumber(raw, NumberKind.INVALID)


def normalize_e164(raw: str | None, region: str = "JP") -> str | None:
    """E.164 or None: for CSV cells and forms, where a withheld number makes no sense."""
    return normalize(raw, region).e164


def _candidates(text: str, region: str, outside_line_prefix: str | None) -> list[str]:
    """The forms to try, most literal first; a configured outside-line digit goes first
    (0 + 03-5234-5678 must not be read as 00 + Luxembourg's 352 345678)."""
    out: list[str] = []
    if outside_line_prefix and text.startswith(outside_line_prefix):
        out.extend(_candidates(text[len(outside_line_prefix) :], region, None))
    if text.startswith("00") and not text.startswith("000"):
        out.append("+" + text[2:])  # 00 international access (most PBXs abroad)
    if region == "JP":
        for prefix in _JP_CID_PREFIXES:
            if text.startswith(prefix + "0"):
                out.extend(_candidates(text[len(prefix) :], region, None))
        if text.startswith("010") and len(text) > 5:
            out.append("+" + text[3:])  # Japanese international access code
    out.append(text)
    if text.isdigit() and not text.startswith("0"):
        out.append("+" + text)  # E.164 without its plus, e.g. 81312345678
    return out


def _phonenumbers():
    """The library, loaded on the first number, not with the window (30 ms of start-up)."""
    import phonenumbers

    return phonenumbers


def _parse(candidate: str, region: str) -> str | None:
    if not re.fullmatch(r"\+?\d{4,20}", candidate):
        return None
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display(e164: str | None, region: str = "JP") -> str:
    """Format for people: national form for domestic numbers (03-1234-5678)."""
    if not e164:
        return ""
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(e164, region)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
