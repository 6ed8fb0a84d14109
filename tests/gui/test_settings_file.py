"""A settings file cti-desk cannot use (issue 13, faults): the real command refuses to
start with one line and leaves the file exactly as it was (Qt alone would read what it
can and write its own file over the rest when the window closes). A file the window
itself wrote is always taken again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from cti_desk.qt.main_window import settings_file
from cti_desk.settings.file import settings_path, settings_problem

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

CTI_DESK = Path(sys.executable).with_name("cti-desk")
SAFETY = 60  # seconds: only so a window that opened after all cannot hang the suite
BROKEN = b"[General]\nlanguage=ja\nrole=kiosk\n[kiosk\nshop=S-SHIBUYA\n\x00\x00\x00\x00"


@pytest.mark.parametrize("role", [[], ["--role", "kiosk"], ["--role", "supervisor"]])
def test_a_broken_settings_file_is_refused_in_one_line_and_left_as_it_was(tmp_path, sqlite_url, role):
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    path = settings_path(config)
    path.write_bytes(BROKEN)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CTI_DESK_CONFIG_DIR": str(config)}
    done = subprocess.run([str(CTI_DESK), "--db", sqlite_url, *role], capture_output=True, text=True,
                          env=env, timeout=SAFETY, check=False)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"cti-desk: error: the settings file {path} cannot be used (line 4 is a section name without its "
        "closing ]): fix it or move it away; it was not changed"]
    assert path.read_bytes() == BROKEN
    assert sorted(p.name for p in config.iterdir()) == ["cti-desk.ini"]  # nothing written beside it


def test_what_the_window_writes_is_taken_again(qtbot, make_window, tmp_path):
    w = make_window()
    w.settings.setValue("operator/name", "佐藤 花子")
    w.settings.setValue("operator/agents", ["PJSIP/2001=sato", "PJSIP/2002=suzuki"])
    w.settings.setValue("kiosk/idle_timeout", 90)
    w.save_state()  # geometry, splitters, column states: binary, escaped by Qt
    path = Path(w.settings.fileName())
    assert b"@ByteArray(" in path.read_bytes()
    assert settings_problem(path) is None
    folder = tmp_path / "next-start"
    folder.mkdir()
    path.rename(settings_path(folder))  # as the next start finds it
    again = settings_file(folder)
    assert isinstance(again, QSettings) and again.value("operator/name") == "佐藤 花子"
