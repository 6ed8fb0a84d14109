"""The Help menu of the operator and supervisor windows: Diagnostics… (the checks of
`cti-desk check`) and About cti-desk. The app hands it what the window was started with
(DeskTargets: the store, call source and OMS URLs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from cti_desk.qt.about_dialog import AboutDialog
from cti_desk.qt.diagnostics_dialog import DiagnosticsDialog
from cti_desk.services.diagnostics import DeskTargets
from cti_desk.services.log_file import log_file_path

translate = QCoreApplication.translate


class HelpMenu(QMenu):
    def __init__(self, window: QMainWindow, targets: DeskTargets, store) -> None:
        super().__init__(window)
        self.setObjectName("helpMenu")
        self.window_, self.targets, self.store = window, targets, store
        self.log_file = log_file_path()
        self.diagnostics: DiagnosticsDialog | None = None
        self.about: AboutDialog | None = None
        self.act_diagnostics = QAction(self)
        self.act_diagnostics.setObjectName("actDiagnostics")
        self.act_diagnostics.triggered.connect(self.show_diagnostics)
        self.act_about = QAction(self)
        self.act_about.setObjectName("actAbout")
        self.act_about.triggered.connect(self.show_about)
        self.addAction(self.act_diagnostics)
        self.addSeparator()
        self.addAction(self.act_about)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("HelpMenu", "&Help"))
        self.act_diagnostics.setText(translate("HelpMenu", "Diagnostics…"))
        self.act_about.setText(translate("HelpMenu", "About cti-desk"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_diagnostics(self) -> DiagnosticsDialog:
        """One dialog per window; each opening runs the checks again."""
        if self.diagnostics is None:
            self.diagnostics = DiagnosticsDialog(self.targets, self.log_file, self.window_)
        self.diagnostics.show()
        self.diagnostics.run()
        return self.diagnostics

    def show_about(self) -> AboutDialog:
        if self.about is not None:
            self.about.close()
            self.about.deleteLater()
        self.about = AboutDialog(self.store, self.log_file, self.window_)
        self.about.show()
        return self.about


def install_help_menu(window: QMainWindow, targets: DeskTargets, store) -> HelpMenu:
    menu = HelpMenu(window, targets, store)
    window.menuBar().addMenu(menu)
    window.help_menu = menu  # type: ignore[attr-defined]
    return menu
