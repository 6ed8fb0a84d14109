"""The desk's settings file, `cti-desk.toml` in the user config folder.

    load_settings(config_dir) -> DeskFile      (values typed by settings/schema.py)
    DeskFile.save()                            (atomic: a temporary file renamed over)

- No file: the defaults. An older `cti-desk.ini` next to it is read once, its settings
  keys carried over, the TOML written and the INI renamed `cti-desk.ini.migrated`
  (never deleted: the window's own state starts from a copy of it, see qt/desk_state.py).
- A file that is not TOML is moved aside as `cti-desk.toml.broken-YYYYmmdd-HHMMSS`,
  reported (DeskFile.moved_aside) and the defaults used: it is never written over.
- A key with a bad value: SettingsValueError (exit 2) naming the file and the key; the
  file is left as it is. Unknown keys are kept as they are (a newer cti-desk's).
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from cti_desk.settings import schema
from cti_desk.settings.file import settings_path as ini_path
from cti_desk.settings.ini_legacy import read_ini

log = logging.getLogger(__name__)

FILE_NAME = "cti-desk.toml"
MAX_BYTES = 1 << 20


def toml_path(config_dir: Path) -> Path:
    return config_dir / FILE_NAME


@dataclass
class DeskFile:
    path: Path
    values: dict[str, Any] = field(default_factory=dict)  # "section.key" -> typed value
    extra: dict[str, Any] = field(default_factory=dict)  # keys this cti-desk does not know
    existed: bool = False
    migrated_from: Path | None = None  # the INI carried over at this start
    moved_aside: Path | None = None  # a broken file kept under this name at this start
    broken_reason: str | None = None

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def set(self, name: str, value: Any) -> None:
        """A typed value (checked; SettingsValueError) or None to remove the key."""
        if value is None or value in ("", [], {}):
            self.values.pop(name, None)
        else:
            self.values[name] = schema.checked(name, value, str(self.path))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".saving")
        temporary.write_text(dumps(self.values, self.extra), encoding="utf-8")
        os.replace(temporary, self.path)
        self.existed = True


# -- reading -----------------------------------------------------------------------------

def _typed(data: dict[str, Any], where: str) -> tuple[dict[str, Any], dict[str, Any]]:
    version = data.get("schema", schema.SCHEMA)
    if not isinstance(version, int) or isinstance(version, bool) or version > schema.SCHEMA:
        raise schema.SettingsValueError(
            f"the settings file {where}: schema = {schema.shown(version)}: this cti-desk reads schema "
            f"{schema.SCHEMA} (was the file written by a newer cti-desk?); the file was not changed")
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for section, table in data.items():
        if section == "schema":
            continue
        if not isinstance(table, dict):
            extra[section] = table
            continue
        for key, value in table.items():
            name = f"{section}.{key}"
            if name in schema.BY_NAME:
                values[name] = schema.checked(name, value, where)
            else:
                extra.setdefault(section, {})[key] = value
    return values, extra


def _move_aside(path: Path, reason: str) -> Path:
    aside = path.with_name(f"{path.name}.broken-{datetime.now():%Y%m%d-%H%M%S}")
    os.replace(path, aside)
    log.warning("warning: the settings file %s cannot be read (%s): kept as %s; using the defaults",
                path, reason, aside.name)
    return aside


def _parse(path: Path) -> dict[str, Any] | str:
    """The file's tables, or why it is no settings file."""
    try:
        if path.is_dir():
            return "it is a folder"
        data = path.read_bytes()
        if len(data) > MAX_BYTES:
            return f"{len(data):,} bytes: too large to be a settings file"
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return f"not UTF-8 text (byte {exc.start + 1})"
    except tomllib.TOMLDecodeError as exc:
        return f"not TOML: {exc}"


def _migrate(config_dir: Path, path: Path) -> DeskFile:
    """The INI's settings keys into a new TOML; the INI kept as .migrated."""
    old = ini_path(config_dir)
    legacy = read_ini(old)  # SettingsFileBroken (exit 2) for an INI cti-desk cannot use
    values = {}
    for key, raw in legacy.items():
        target = schema.BY_LEGACY.get(key)
        if target is not None and raw not in ("", []):
            values[target.name] = schema.checked(target.name, raw, str(old))
    desk = DeskFile(path, values, migrated_from=old)
    desk.save()
    os.replace(old, old.with_name(old.name + ".migrated"))
    log.info("settings carried over from %s to %s", old, path)
    return desk


def load_settings(config_dir: Path) -> DeskFile:
    path = toml_path(config_dir)
    if not path.exists():
        if ini_path(config_dir).is_file():
            return _migrate(config_dir, path)
        return DeskFile(path)
    parsed = _parse(path)
    if isinstance(parsed, str):
        return DeskFile(path, moved_aside=_move_aside(path, parsed), broken_reason=parsed)
    values, extra = _typed(parsed, str(path))
    return DeskFile(path, values, extra, existed=True)


# -- writing ------------------------------------------------------------------------------

def dumps(values: dict[str, Any], extra: dict[str, Any] | None = None) -> str:
    """The file's text: `schema` first, then the schema's sections in its order (so the
    file reads the same every time), then keys of a newer cti-desk as they were read."""
    document: dict[str, Any] = {"schema": schema.SCHEMA}
    extra = extra or {}
    document.update((name, value) for name, value in extra.items() if not isinstance(value, dict))
    for f in schema.FIELDS:
        if f.name in values:
            document.setdefault(f.section, {})[f.key] = values[f.name]
    for section, table in extra.items():
        if isinstance(table, dict):
            document.setdefault(section, {}).update(table)
    header = "# cti-desk settings (README: The settings file). No secrets here: the keyring holds them.\n"
    return header + tomli_w.dumps(document)
