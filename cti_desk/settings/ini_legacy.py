"""Read the `cti-desk.ini` older cti-desk wrote through Qt's QSettings, without Qt: the
settings keys are carried into `cti-desk.toml` once (settings/toml_file.py).

Qt's INI values: `key=value`, `[General]` holding the keys without a group, a string
list as comma-separated items, a value with commas, quotes or leading blanks in double
quotes with C-like escapes (`\\"`, `\\\\`, `\\n`, `\\xHHHH`). `@ByteArray(...)` and other
`@` values are window state, not settings, and are skipped.
"""

from __future__ import annotations

from pathlib import Path

from cti_desk.settings.file import check_settings_file

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\", '"': '"', "'": "'", "?": "?", ";": ";", ",": ",", "=": "="}


def _items(raw: str) -> list[str]:
    """One INI value into its comma-separated items, quotes and escapes undone."""
    items: list[str] = []
    current: list[str] = []
    quoted = False
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == '"':
            quoted = not quoted
        elif c == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt == "x":
                j = i + 2
                while j < len(raw) and j < i + 6 and raw[j] in "0123456789abcdefABCDEF":
                    j += 1
                current.append(chr(int(raw[i + 2:j] or "0", 16)))
                i = j
                continue
            current.append(_ESCAPES.get(nxt, nxt))
            i += 1
        elif c == "," and not quoted:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(c)
        i += 1
    items.append("".join(current).strip())
    return items


def read_ini(path: Path) -> dict[str, str | list[str]]:
    """{"operator/name": "...", "language": "ja", "operator/agents": [...]}; the INI is
    checked first (SettingsFileBroken, exit 2, for one cti-desk cannot use)."""
    check_settings_file(path)
    values: dict[str, str | list[str]] = {}
    group = ""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        text = line.strip()
        if not text or text[0] in ";#":
            continue
        if text.startswith("["):
            name = text[1:-1].strip()
            group = "" if name == "General" else name
            continue
        key, _eq, raw = text.partition("=")
        raw = raw.strip()
        if raw.startswith("@"):
            continue
        items = _items(raw)
        values[f"{group}/{key.strip()}" if group else key.strip()] = items[0] if len(items) == 1 else items
    return values
