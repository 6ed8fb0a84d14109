"""The app's own files (icons, translations), shipped inside the package so a wheel and the
PyInstaller folder carry them: every reader finds them through `resource_dir`."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_dir(name: str) -> Path:
    """`resource_dir("translations")`: a real folder (Qt loads files by path); the package is
    never zipped (wheel, editable install and the PyInstaller folder all unpack it)."""
    return Path(str(files(__name__) / name))
