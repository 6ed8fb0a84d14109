"""Where cti-desk keeps its files, per platform conventions (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs("cti-desk", "cti-desk")


def data_dir() -> Path:
    path = Path(os.environ.get("CTI_DESK_DATA_DIR") or _DIRS.user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    path = Path(os.environ.get("CTI_DESK_CONFIG_DIR") or _DIRS.user_config_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'cti-desk.sqlite3'}"


def default_store_path() -> Path:
    return data_dir() / "cti-desk.sqlite3"


def demo_db_url() -> str:
    """The demo's own store (first run, nothing configured): never a desk's real one."""
    return f"sqlite:///{data_dir() / 'demo.sqlite3'}"
