"""Help > About cti-desk: the versions an IT person asks for first, as plain text: cti-desk,
Qt, PySide6, Python, SQLAlchemy, the store's schema revision (read on a worker) and
where the log file is."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
import sqlalchemy
from PySide6.QtCore import QCoreApplication, QEvent, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from cti_desk import __version__
from cti_desk.qt.tasks import run_query
from cti_desk.services.diagnostics import schema_revision, why

translate = QCoreApplication.translate


class AboutDialog(QDialog):
    def __init__(self, store, log_file: Path | None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.store, self.log_file = store, log_file
        self.schema: str | None = None  # None while it is read
        self.schema_problem: str | None = None
        self.text = QLabel()
        self.text.setObjectName("aboutText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.retranslate()
        run_query(lambda: schema_revision(store), self._schema_read, self._schema_failed, owner=self)

    def _schema_read(self, revision: str) -> None:
        self.schema = revision
        self.retranslate()

    def _schema_failed(self, exc: BaseException) -> None:
        self.schema_problem = why(exc)
        self.retranslate()

    def lines(self) -> list[str]:
        if self.schema is not None:
            schema = self.schema
        elif self.schema_problem is not None:
            schema = translate("About", "not readable: {why}").format(why=self.schema_problem)
        else:
            schema = translate("About", "reading…")
        return [
            f"cti-desk {__version__}",
            f"Qt {qVersion()}",
            f"PySide6 {PySide6.__version__}",
            f"Python {platform.python_version()}",
            f"SQLAlchemy {sqlalchemy.__version__}",
            translate("About", "Store schema: {revision}").format(revision=schema),
            translate("About", "Log file: {path}").format(
                path=str(self.log_file) if self.log_file else translate("About", "none")),
        ]

    def retranslate(self) -> None:
        self.setWindowTitle(translate("About", "About cti-desk"))
        self.text.setText("\n".join(self.lines()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
