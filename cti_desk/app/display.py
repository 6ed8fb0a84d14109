"""Is there a screen for the window? Asked before QApplication exists, because Qt's own
answer to "no display" is an abort with a page of plugin help, not an exit status.
"""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Mapping

# Platform plugins that draw without a display server.
HEADLESS = frozenset({"offscreen", "minimal", "minimalegl", "eglfs", "linuxfb", "vnc", "vkkhrdisplay"})
_LOCAL_X = re.compile(r"(?:unix)?:(\d+)(?:\.\d+)?")


def display_problem(env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """None when a window can be shown, else why not (one line, starting "no display: ")."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None  # Windows and macOS always have their own screen
    plugin = (env.get("QT_QPA_PLATFORM") or "").split(":", 1)[0].split(";", 1)[0].strip().lower()
    if plugin in HEADLESS:
        return None
    wayland, x11 = env.get("WAYLAND_DISPLAY"), env.get("DISPLAY")
    if plugin.startswith("wayland") and not wayland:
        return "no display: QT_QPA_PLATFORM asks for Wayland but WAYLAND_DISPLAY is not set"
    if plugin == "xcb" and not x11:
        return ("no display: QT_QPA_PLATFORM=xcb but DISPLAY is not set (start an X server, "
                "or run headless with QT_QPA_PLATFORM=offscreen)")
    if not wayland and not x11:
        return ("no display: neither DISPLAY nor WAYLAND_DISPLAY is set (log in to a desktop, "
                "or run headless with QT_QPA_PLATFORM=offscreen; `cti-desk monitor` needs no display)")
    if x11 and not wayland and not _x_display_reachable(x11):
        return f"no display: nothing answers on the X display {x11[:40]!r} (is the X server running?)"
    return None


def _x_display_reachable(display: str) -> bool:
    """A local `:N` display is its unix socket (file or abstract); anything else we trust."""
    match = _LOCAL_X.fullmatch(display.strip())
    if not match:
        return True  # host:N over TCP, a launchd path...: let Qt try
    path = f"/tmp/.X11-unix/X{match.group(1)}"
    for address in (path, "\0" + path):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(1.0)
            try:
                sock.connect(address)
            except OSError:
                continue
            return True
    return False
