"""The shop kiosk's window (`--role kiosk`): see window.py."""

from cti_desk.qt.kiosk.window import KioskWindow

__all__ = ["KioskWindow"]
