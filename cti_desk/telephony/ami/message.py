"""One AMI frame: an ordered list of (key, value) pairs.

Asterisk repeats keys (`ChanVariable`, `Variable`), so this is a multi-dict; lookups
are case-insensitive because Asterisk's own spelling of keys varies across versions.
"""

from __future__ import annotations

from collections.abc import Iterator


class Message:
    __slots__ = ("_index", "pairs")

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs
        index: dict[str, str] = {}
        for key, value in pairs:
            index.setdefault(key.lower(), value)
        self._index = index

    def get(self, key: str, default: str | None = None) -> str | None:
        """The first value of `key`."""
        return self._index.get(key.lower(), default)

    def __getitem__(self, key: str) -> str:
        return self._index[key.lower()]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._index

    def getall(self, key: str) -> list[str]:
        low = key.lower()
        return [v for k, v in self.pairs if k.lower() == low]

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
