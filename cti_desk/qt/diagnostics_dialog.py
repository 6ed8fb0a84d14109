"""Help > Diagnostics…: the same checks as `cti-desk check` (services/diagnostics.py),
each item with ok/FAILED and why, run on a worker (never the GUI thread); "Run again",
and "Copy" puts the plain report on the clipboard for the IT person (the lines
`cti-desk check` prints, in English, so they can be compared and searched)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cti_desk.qt.tasks import run_query
from cti_desk.services.diagnostics import (
    ITEM_KEYRING,
    ITEM_LOG,
    ITEM_OMS,
    ITEM_SOURCE,
    ITEM_STORE,
    CheckResult,
    DeskTargets,
    report_lines,
    run_checks,
    why,
)

translate = QCoreApplication.translate
FAILED_COLOUR = QColor("#b00020")


def item_label(item: str) -> str:
    labels = {
        ITEM_STORE: translate("Diagnostics", "Store"),
        ITEM_SOURCE: translate("Diagnostics", "Call source"),
        ITEM_OMS: translate("Diagnostics", "OMS"),
        ITEM_KEYRING: translate("Diagnostics", "Keyring"),
        ITEM_LOG: translate("Diagnostics", "Log file"),
    }
    return labels.get(item, item)


class DiagnosticsDialog(QDialog):
    def __init__(self, targets: DeskTargets, log_file: Path | None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.targets, self.log_file = targets, log_file
        self.results: list[CheckResult] | None = None
        self.running = False
        self.note = QLabel()
        self.note.setObjectName("diagnosticsNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("diagnosticsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.run_button = QPushButton()
        self.run_button.setObjectName("diagnosticsRunAgain")
        self.run_button.clicked.connect(self.run)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("diagnosticsCopy")
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 300)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Diagnostics", "Diagnostics"))
        self.table.setHorizontalHeaderLabels([
            translate("Diagnostics", "Item"), translate("Diagnostics", "Result"),
            translate("Diagnostics", "Why")])
        self.run_button.setText(translate("Diagnostics", "Run again"))
        self.copy_button.setText(translate("Diagnostics", "Copy"))
        self._say()
        if self.results is not None:
            self._fill(self.results)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def run(self) -> None:
        """Every check on a worker; each one bounded, so the answer comes within seconds."""
        if self.running:
            return
        self.running = True
        self.run_button.setEnabled(False)
        self._say()
        targets = self.targets
        run_query(lambda: run_checks(targets), self._done, self._broken, key="diagnostics", owner=self)

    def _done(self, results: list[CheckResult]) -> None:
        self.running = False
        self.results = results
        self.run_button.setEnabled(True)
        self._fill(results)
        self._say()

    def _broken(self, exc: BaseException) -> None:
        self.running = False
        self.run_button.setEnabled(True)
        self.note.setText(translate("Diagnostics", "The checks could not run: {why}").format(why=why(exc)))

    def _say(self) -> None:
        if self.running:
            self.note.setText(translate("Diagnostics", "Checking the store, the call source and the OMS…"))
        elif self.results is not None:
            failed = sum(not r.ok for r in self.results)
            self.note.setText(translate("Diagnostics", "Everything this desk needs answers.") if not failed else
                              translate("Diagnostics", "{count} item(s) FAILED: this desk may show no pops "
                                                       "until they are fixed.").format(count=failed))

    def _fill(self, results: list[CheckResult]) -> None:
        rows: list[tuple[str, str, str, bool]] = [
            (item_label(r.item), translate("Diagnostics", "ok") if r.ok else translate("Diagnostics", "FAILED"),
             r.detail, r.ok) for r in results]
        if self.log_file is not None:
            rows.append((item_label(ITEM_LOG), translate("Diagnostics", "info"), str(self.log_file), True))
        self.table.setRowCount(len(rows))
        for row, (item, status, detail, ok) in enumerate(rows):
            for column, value in enumerate((item, status, detail)):
                cell = QTableWidgetItem(value)  # plain text: a table item never reads markup
                if not ok and column == 1:
                    cell.setForeground(FAILED_COLOUR)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()

    def report(self) -> str:
        """The plain report, as `cti-desk check` prints it."""
        return "\n".join(report_lines(self.results or [], self.log_file))

    def copy(self) -> None:
        if self.results is not None:
            QApplication.clipboard().setText(self.report())
            self.note.setText(translate("Diagnostics", "Copied: paste it into a message to your IT person."))
