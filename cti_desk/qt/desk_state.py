"""The window's state file, `cti-desk-state.ini` (QSettings): geometry, splitters, column
widths, an unsaved wrap-up's old key. It is not the settings: those are `cti-desk.toml`
(settings/toml_file.py), typed and checked, and no window writes its geometry there.

The windows read settings through the QSettings they are given, by the INI's old keys
(`language`, `operator/name`, `kiosk/shop`, `supervisor/sl_seconds`...). `DeskState`
answers those keys from the TOML, and writing one (the language menu) saves the TOML;
every other key is the state file's.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from cti_desk.settings.file import SettingsFileBroken, check_settings_file
from cti_desk.settings.schema import BY_LEGACY
from cti_desk.settings.toml_file import DeskFile

STATE_FILE = "cti-desk-state.ini"


def _legacy_form(value: Any) -> Any:
    if isinstance(value, dict):  # operator.agents: the INI's IFACE=NAME list
        return [f"{k}={v}" for k, v in value.items()]
    return value


class DeskState(QSettings):
    def __init__(self, path: Path, desk: DeskFile) -> None:
        super().__init__(str(path), QSettings.Format.IniFormat)
        self.desk = desk

    def value(self, key: str, defaultValue: Any = None, type: Any = None) -> Any:
        field = BY_LEGACY.get(key)
        if field is None:
            return super().value(key, defaultValue) if type is None else super().value(key, defaultValue, type)
        value = _legacy_form(self.desk.get(field.name))
        if value is None:
            return defaultValue
        return type(value) if type is not None and not isinstance(value, list) else value

    def setValue(self, key: str, value: Any) -> None:
        field = BY_LEGACY.get(key)
        if field is None:
            super().setValue(key, value)
            return
        before = self.desk.get(field.name)
        self.desk.set(field.name, value)
        if self.desk.get(field.name) != before:
            self.desk.save()


def state_file(config_dir: Path, desk: DeskFile) -> DeskState:
    """The window's state; the first time after an INI was carried over (by the window or
    any command), its state (geometry, drafts) starts from the INI's copy, without the
    settings keys (they live in the TOML)."""
    path = config_dir / STATE_FILE
    kept = config_dir / "cti-desk.ini.migrated"  # whichever command carried the INI over
    copied = not path.exists() and kept.is_file()
    if copied:
        shutil.copyfile(kept, path)
    check_settings_file(path)
    state = DeskState(path, desk)
    if state.status() is not QSettings.Status.NoError:
        raise SettingsFileBroken(f"the state file {path} cannot be used (Qt: {state.status().name}): "
                                 "fix it or move it away; it was not changed")
    if copied:
        for key in BY_LEGACY:
            QSettings.remove(state, key)
    return state
