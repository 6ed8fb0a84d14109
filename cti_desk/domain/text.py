"""Text from outside (PBX, CSV, webhooks, people typing): bounded and normalized."""

from __future__ import annotations

import unicodedata

_HIRA_START, _HIRA_END = 0x3041, 0x3096


def bounded(text: str | None, limit: int = 200) -> str:
    """Cut text from outside to a sane size and drop control characters."""
    if not text:
        return ""
    text = "".join(ch for ch in text[: limit * 2] if ch in "\t" or unicodedata.category(ch)[0] != "C")
    return text[:limit]


def to_katakana(text: str) -> str:
    """Full-width katakana from hiragana or half-width kana, for kana search keys."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        chr(ord(ch) + 0x60) if _HIRA_START <= ord(ch) <= _HIRA_END else ch for ch in text
    )


def search_key(text: str) -> str:
    """What a name is compared by: NFKC, katakana, no spaces, case-folded."""
    return "".join(to_katakana(text).split()).casefold()
