"""The settings file (`cti-desk.ini` in the user config folder): is it one cti-desk can use?

Qt's own reader takes almost anything (a binary file, a line that is no `key=value`)
without complaint and then writes its own idea of the file over it when the window
closes. So before the file is opened, `settings_problem` reads it as the INI text it
must be: UTF-8, no control characters, every line blank, a comment (`;` or `#`), a
`[section]` or `key=value`. A file that is not is refused with one line naming it
and why (exit 2, like any other bad setting): the window does not open and the file
is left exactly as it is. Running on defaults instead would open a kiosk's screen as an
operator window, or write records under the wrong operator's name.
"""

from __future__ import annotations

from pathlib import Path

from cti_desk.domain.errors import BadArgument

FILE_NAME = "cti-desk.ini"
MAX_BYTES = 1 << 20  # a settings file is a few kilobytes; more is not one


class SettingsFileBroken(BadArgument):
    """The settings file cannot be used; nothing was changed."""


def settings_path(config_dir: Path) -> Path:
    return config_dir / FILE_NAME


def _line_problem(line: str) -> str | None:
    text = line.strip()
    if not text or text[0] in ";#":
        return None
    if text.startswith("["):
        return None if text.endswith("]") and len(text) > 2 else "a section name without its closing ]"
    key, eq, _value = text.partition("=")
    if not eq:
        return "neither [section] nor key=value"
    if not key.strip():
        return "a value without a key"
    return None


def settings_problem(path: Path) -> str | None:
    """Why this settings file cannot be used, in one line; None when it can (or is absent:
    the defaults are used and the file is made when the window first saves)."""
    try:
        if not path.exists():
            return None
        if path.is_dir():
            return "it is a folder, not a file"
        size = path.stat().st_size
        if size > MAX_BYTES:
            return f"{size:,} bytes: too large to be a settings file"
        data = path.read_bytes()
    except OSError as exc:
        return f"it cannot be read: {exc.strerror or exc}"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return f"it is not UTF-8 text (byte {exc.start + 1})"
    for number, line in enumerate(text.splitlines(), start=1):
        if any(ord(c) < 32 and c != "\t" for c in line) or "\x7f" in line:
            return f"line {number} holds control characters"
        problem = _line_problem(line)
        if problem:
            return f"line {number} is {problem}"
    return None


def check_settings_file(path: Path) -> None:
    """SettingsFileBroken (exit 2, one line) for a file cti-desk cannot use."""
    problem = settings_problem(path)
    if problem:
        raise SettingsFileBroken(
            f"the settings file {path} cannot be used ({problem}): fix it or move it away; "
            "it was not changed")
