"""The menu entry and the AppStream metainfo a desk's software centre reads: valid for the
freedesktop tools, and starting the window the way argparse can take it."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cti_desk import __version__
from cti_desk.app.cli import build_parser
from cti_desk.resources import resource_dir

ROOT = Path(__file__).parents[2]
DESKTOP = ROOT / "packaging" / "cti-desk.desktop"
METAINFO = ROOT / "packaging" / "io.github.cti_desk.metainfo.xml"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive (Name[ja])
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:  # `make test` installs it (Makefile APT_PKGS); absent only outside it
        pytest.skip(f"{name} is not installed (apt: desktop-file-utils / appstream)")
    return path


def test_desktop_file_validate_finds_nothing():
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (result.stdout + result.stderr).strip() == ""  # not even a hint


def test_appstreamcli_validate_strict_passes():
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", "--strict", "--pedantic",
                             str(METAINFO)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_menu_entry_opens_the_configured_window():
    words = shlex.split(_entry()["Exec"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert words[0] in scripts["scripts"] | scripts["gui-scripts"]
    assert not any(w.startswith("%") for w in words)  # argparse cannot take %U/%F
    args = build_parser().parse_args(words[1:])
    assert args.command is None  # no subcommand: the window, with the settings' options
    assert args.role is None  # the role comes from the settings, not the menu entry


def test_icon_launchable_and_release_agree_with_the_app():
    entry = _entry()
    assert (resource_dir("icons") / f"{entry['Icon']}.svg").is_file()
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("launchable") == DESKTOP.name
    releases = [r.get("version") for r in component.iter("release")]
    assert releases[0] == __version__  # the newest release first, the one being packaged
