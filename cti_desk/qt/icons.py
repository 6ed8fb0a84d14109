"""One consistent icon set (24 px line icons, one stroke colour) from cti_desk/resources/icons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from cti_desk.resources import resource_dir


def icons_dir() -> Path:
    return resource_dir("icons")


@cache
def icon(name: str) -> QIcon:
    """`icon("phone")`; an empty icon (not an error) if the file is missing."""
    path = icons_dir() / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("cti-desk")
