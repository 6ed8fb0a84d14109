"""Search as you type (debounced) by name, kana, phone, email, member id or order number."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QLineEdit

from cti_desk.qt.tasks import run_query
from cti_desk.services.history import Candidate

DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """Emits `found(text, candidates)` on the GUI thread, newest query only."""

    found = Signal(str, list)
    failed = Signal(str)

    def __init__(self, find: Callable[[str], list[Candidate]], parent=None) -> None:
        """`find`: the seat's search (SeatServices.customer_candidates), run on a worker."""
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setClearButtonEnabled(True)
        self._find = find
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.textChanged.connect(lambda _t: self._timer.start())
        self.retranslate()

    def _search(self) -> None:
        text = self.text().strip()[:200]
        if not text:
            self.found.emit("", [])
            return
        find = self._find
        run_query(
            lambda: find(text),
            lambda rows: self.found.emit(text, rows),
            lambda exc: self.failed.emit(str(exc)),
            key="customer-search",
        )

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search: name, kana, phone, email, member no., order no. (F2)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
