"""Call > Settings… in the operator and supervisor windows, and on the first run's demo a
"Demo" badge with "Connect to your PBX…" in the status bar (both open the settings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QPushButton

from cti_desk.qt.settings_dialog import SettingsDialog
from cti_desk.settings.toml_file import DeskFile

translate = QCoreApplication.translate


class SettingsEntry(QObject):
    def __init__(self, window: QMainWindow, desk: DeskFile, demo: bool, db_url: str = "") -> None:
        super().__init__(window)
        self.window_, self.desk, self.db_url = window, desk, db_url
        self.dialog: SettingsDialog | None = None
        self.act_settings = QAction(window)
        self.act_settings.setObjectName("actSettings")
        self.act_settings.triggered.connect(self.show_settings)
        menu = getattr(window, "call_menu", None)
        if menu is None:  # the supervisor's window: a menu of its own, before Help
            menu = QMenu(window)
            help_menu = getattr(window, "help_menu", None)
            if help_menu is not None:
                window.menuBar().insertMenu(help_menu.menuAction(), menu)
            else:
                window.menuBar().addMenu(menu)
            self.own_menu = menu
        quit_action = getattr(window, "act_quit", None)
        if quit_action in menu.actions():
            menu.insertAction(quit_action, self.act_settings)
        else:
            menu.addAction(self.act_settings)
        self.badge = self.connect_button = None
        self.act_connect = QAction(window)
        self.act_connect.setObjectName("actConnectPbx")
        self.act_connect.triggered.connect(lambda: self.show_settings().connect_to_pbx())
        if demo:
            menu.insertAction(self.act_settings, self.act_connect)
            self.badge = QLabel(objectName="demoBadge")
            self.badge.setStyleSheet("background: #f9a825; color: black; font-weight: bold; padding: 1px 8px;"
                                     " border-radius: 3px;")
            self.connect_button = QPushButton(objectName="connectPbx")
            self.connect_button.setFlat(True)
            self.connect_button.clicked.connect(self.act_connect.trigger)
            window.statusBar().addPermanentWidget(self.badge)
            window.statusBar().addPermanentWidget(self.connect_button)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.act_settings.setText(translate("SettingsMenu", "Settings…"))
        self.act_connect.setText(translate("SettingsMenu", "Connect to your PBX…"))
        if getattr(self, "own_menu", None) is not None:
            self.own_menu.setTitle(translate("SettingsMenu", "&Desk"))
        if self.badge is not None:
            self.badge.setText(translate("SettingsMenu", "Demo"))
            self.badge.setToolTip(translate("SettingsMenu", "Demo data and simulated calls: this desk is not "
                                                            "connected to a PBX or a store of its own yet."))
            self.connect_button.setText(translate("SettingsMenu", "Connect to your PBX…"))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window_ and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def show_settings(self) -> SettingsDialog:
        if self.dialog is None:
            self.dialog = SettingsDialog(self.desk, self.window_)
            self.dialog.desk_db_url = self.db_url
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def _say_moved_aside(window: QMainWindow, desk: DeskFile) -> QMessageBox:
    """A settings file that was no TOML: said where the user sees it, not only in the log."""
    box = QMessageBox(QMessageBox.Icon.Warning, "cti-desk", translate(
        "SettingsMenu", "The settings file could not be read ({reason}). It was kept as {name} and this "
        "desk started with the default settings: open Settings… to set it up again.").format(
            reason=(desk.broken_reason or "")[:200], name=desk.moved_aside.name),
        QMessageBox.StandardButton.Ok, window)
    box.setObjectName("settingsMovedAside")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box


def install_settings(window: QMainWindow, desk: DeskFile, demo: bool = False, db_url: str = "") -> SettingsEntry:
    entry = SettingsEntry(window, desk, demo, db_url)
    window.settings_entry = entry  # type: ignore[attr-defined]
    if desk.moved_aside is not None:
        entry.moved_aside_note = _say_moved_aside(window, desk)
    return entry
