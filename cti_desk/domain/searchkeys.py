"""Search keys: what a customer or product is found by, and what a typed query looks for.

Both sides go through the same folding (NFKC, katakana, case-folded, no spaces), so
"山田 太郎" is found by "山田太郎", "ﾔﾏﾀﾞ", "やまだ" and "ヤマダ タロウ" alike, and a phone
number by any run of its digits in national form (03-1234-5678 -> "0312345678").
Pure functions: the store writes the keys, the search service reads them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from cti_desk.domain.phone import normalize

MAX_KEY = 254  # the key column's width
# The trigram index needs three characters; a phone fragment counts from four digits
# (fewer digits match a good part of every number in the store).
MIN_SUBSTRING = 3
MIN_PHONE_SUBSTRING = 4

# A name's words are joined: "山田 太郎", "山田　太郎" and "ジョン・スミス" fold alike.
_JOINERS = re.compile(r"[\s・]+")
# What people type around phone digits (ASCII after NFKC; the Japanese long-vowel mark
# and dashes are how IMEs often write a hyphen).
_PHONE_LIKE = re.compile(r"\+?[\d\s\-‐‑‒–—―ー−()（）.]+")
_NON_DIGITS = re.compile(r"\D")
# One C-level pass after NFKC (demo data folds a million names): hiragana -> katakana,
# word joiners dropped.
_FOLD = {code: code + 0x60 for code in range(0x3041, 0x3097)}
_FOLD.update(dict.fromkeys(map(ord, " \t\n\r\v\f\x1c\x1d\x1e\x1f\x85\u1680\u2028\u2029・"), None))


class KeyKind(IntEnum):
    """What a key row says about its owner (stored as a small integer)."""

    NAME = 1  # the whole name, words joined
    NAME_WORD = 2  # a later word of the name: the given name ("太郎")
    KANA = 3
    KANA_WORD = 4
    PHONE = 5  # national digits
    EMAIL = 6
    SKU = 7  # products


# Kinds the trigram index covers. The words are substrings of NAME/KANA already; an
# email is found whole or by its start.
SUBSTRING_KINDS: tuple[KeyKind, ...] = (KeyKind.NAME, KeyKind.KANA, KeyKind.PHONE)


class Match(StrEnum):
    """How well a result matched; results are ranked in this order."""

    EXACT = "exact"
    PREFIX = "prefix"
    SUBSTRING = "substring"


MATCH_RANK = {Match.EXACT: 0, Match.PREFIX: 1, Match.SUBSTRING: 2}


def fold(text: str | None) -> str:
    """The form keys and queries are compared in: NFKC, katakana, case-folded, no spaces."""
    if not text:
        return ""
    if text.isascii():  # NFKC already
        return text.translate(_FOLD).casefold()[:MAX_KEY]
    # Again after case folding and dropping spaces, which can leave a combining mark
    # next to a letter it composes with ("U ̈" -> "ü").
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return unicodedata.normalize("NFKC", text)[:MAX_KEY]


def words(text: str | None) -> list[str]:
    """The folded words of a name after the first: "山田 太郎" -> ["太郎"]."""
    if not text:
        return []
    parts = _JOINERS.split(unicodedata.normalize("NFKC", text).strip())
    return [w for w in map(fold, parts[1:]) if w]


def phone_key(e164: str | None) -> str:
    """Digits as people read them: national form for Japan ("+81312345678" -> "0312345678")."""
    if not e164:
        return ""
    if e164.startswith("+81"):
        return "0" + e164[3:]
    return e164.lstrip("+")


def name_keys(name: str | None, kana: str | None) -> set[tuple[KeyKind, str]]:
    keys: set[tuple[KeyKind, str]] = set()
    for whole, word, text in ((KeyKind.NAME, KeyKind.NAME_WORD, name), (KeyKind.KANA, KeyKind.KANA_WORD, kana)):
        folded = fold(text)
        if folded:
            keys.add((whole, folded))
            keys.update((word, w) for w in words(text) if w != folded)
    return keys


def customer_keys(
    name: str | None, kana: str | None, phones: Iterable[str] = (), emails: Iterable[str] = ()
) -> set[tuple[KeyKind, str]]:
    """Every key of one customer: name and kana (whole and words), phones, emails."""
    keys = name_keys(name, kana)
    keys.update((KeyKind.PHONE, k) for k in map(phone_key, phones) if k)
    keys.update((KeyKind.EMAIL, k) for k in map(fold, emails) if k)
    return keys


def product_keys(name: str | None, kana: str | None, sku: str | None) -> set[tuple[KeyKind, str]]:
    keys = name_keys(name, kana)
    if folded := fold(sku):
        keys.add((KeyKind.SKU, folded))
    return keys


@dataclass(frozen=True, slots=True)
class Term:
    """One form of the query to look up: exact and prefix always, substring when long enough."""

    text: str
    substring: bool


def phone_term(query: str) -> Term | None:
    """The digits a phone-like query stands for, in national form; None if it is no phone.

    A whole number is no fragment of another: it is looked up exactly and as a prefix."""
    text = unicodedata.normalize("NFKC", query).strip()
    if not _PHONE_LIKE.fullmatch(text) or not any(ch.isdigit() for ch in text):
        return None
    number = normalize(text)
    if number.e164:
        return Term(phone_key(number.e164), substring=False)
    digits = _NON_DIGITS.sub("", text)
    if text.startswith("+81"):
        digits = "0" + digits[2:]
    return Term(digits, len(digits) >= MIN_PHONE_SUBSTRING)


def query_terms(query: str | None) -> list[Term]:
    """What to look up for a typed query: its phone digits, or its folded form."""
    query = (query or "").strip()[:200]
    if not query:
        return []
    if (phone := phone_term(query)) is not None:
        return [phone]
    folded = fold(query)
    return [Term(folded, len(folded) >= MIN_SUBSTRING)] if folded else []


def code_variants(query: str | None) -> list[str]:
    """A member or order number as typed, upper- and lower-cased (codes are stored in one
    case); none for what is no code (spaces, letters beyond ASCII after NFKC)."""
    text = unicodedata.normalize("NFKC", query or "").strip()[:100]
    if not text or not text.isascii() or any(ch.isspace() for ch in text):
        return []
    return list(dict.fromkeys((text, text.upper(), text.lower())))


def match_of(key: str, term: str) -> Match:
    """How a key found by the term matched it."""
    if key == term:
        return Match.EXACT
    if key.startswith(term):
        return Match.PREFIX
    return Match.SUBSTRING
