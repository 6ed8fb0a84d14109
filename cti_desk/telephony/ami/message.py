"""One AMI frame: an ordered list of (key, value) pairs.

Asterisk repeats keys (`ChanVariable`, `Variable`), so this is a multi-dict; lookups
are case-insensitive because Asterisk's own spelling of keys varies across versions.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import itemgetter

# AMI keys come from a small set: lower each spelling once, not once per frame.
_LOWER: dict[str, str] = {}
_LOWER_MAX = 4096  # a peer inventing keys must not grow this without bound


def _lower(key: str) -> str:
    low = _LOWER.get(key)
    if low is None:
        low = key.lower()
        if len(_LOWER) < _LOWER_MAX:
            _LOWER[key] = low
    return low


_KEY_VALUE = itemgetter(0, 2)  # (key, ": ", value) -> (key, value)


class Message:
    """`Message(pairs)`; the parser's fast path hands over `str.partition` triples
    instead (`Message.of_lines`), and `pairs` is made from them on first use: most
    frames are only looked up, so a 2-tuple per line would be built for nothing."""

    __slots__ = ("_index", "_lines", "_pairs")

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs: list[tuple[str, str]] | None = pairs
        self._lines: list[tuple[str, str, str]] | None = None
        self._index: dict[str, str] | None = None  # built on the first lookup

    @classmethod
    def of_lines(cls, lines: list[tuple[str, str, str]]) -> Message:
        """From `(key, sep, value)` triples, as `str.partition` returns them."""
        message = cls.__new__(cls)
        message._pairs = None
        message._lines = lines
        message._index = None
        return message

    @property
    def pairs(self) -> list[tuple[str, str]]:
        pairs = self._pairs
        if pairs is None:
            pairs = self._pairs = list(map(_KEY_VALUE, self._lines or ()))
        return pairs

    def _lookup(self) -> dict[str, str]:
        index = self._index
        if index is None:
            index = {}
            lower = _LOWER.get
            # Reversed so the first of repeated keys wins.
            if self._pairs is None:
                for key, _sep, value in reversed(self._lines or ()):
                    index[lower(key) or _lower(key)] = value
            else:
                for key, value in reversed(self._pairs):
                    index[lower(key) or _lower(key)] = value
            self._index = index
        return index

    def get(self, key: str, default: str | None = None) -> str | None:
        """The first value of `key`."""
        return self._lookup().get(_lower(key), default)

    def __getitem__(self, key: str) -> str:
        return self._lookup()[_lower(key)]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and _lower(key) in self._lookup()

    def getall(self, key: str) -> list[str]:
        low = _lower(key)
        return [v for k, v in self.pairs if _lower(k) == low]

    def items(self) -> Iterator[tuple[str, str]]:
        return iter(self.pairs)

    @property
    def event(self) -> str | None:
        return self.get("Event")

    @property
    def response(self) -> str | None:
        return self.get("Response")

    @property
    def action_id(self) -> str | None:
        return self.get("ActionID")

    def __repr__(self) -> str:
        head = self.event or self.response or "?"
        return f"<Message {head} {len(self.pairs)} keys>"
