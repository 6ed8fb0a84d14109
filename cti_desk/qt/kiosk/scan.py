"""The kiosk's first screen: the scan field (`kioskScan`) always has the keyboard focus, so
a barcode scanner (a keyboard that types 13 digits and Enter) needs no tap first; a typed
name lists the products it finds as big buttons."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cti_desk.qt.i18n import yen
from cti_desk.qt.kiosk import texts
from cti_desk.qt.kiosk.style import button, label, line_edit
from cti_desk.qt.tasks import run_query
from cti_desk.services.inventory import ProductHit, ProductSearch
from cti_desk.services.kiosk import find_kiosk_products

log = logging.getLogger(__name__)

MAX_BUTTONS = 12  # more than a screenful is not a choice: type more of the name
COLUMNS = 3
NAME_CHARS = 40


class ScanScreen(QWidget):
    productChosen = Signal(object)  # ProductHit

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskScanScreen")
        self.store = store
        self.title = label("title")
        self.scan = line_edit("kioskScan", 100)
        self.scan.setStyleSheet("font-size: 40px; min-height: 88px;")
        self.scan.returnPressed.connect(self.search)
        self.search_button = button("kioskSearch", keep_focus=True)
        self.search_button.clicked.connect(self.search)
        self.problem = label("problem", "kioskScanMessage")
        self.hint = label("note")
        self.hits: list = []
        self._hit_grid = QGridLayout()
        self._hit_grid.setSpacing(12)
        hit_box = QWidget()
        hit_box.setLayout(self._hit_grid)
        scroll = QScrollArea()
        scroll.setObjectName("kioskHits")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(hit_box)

        row = QHBoxLayout()
        row.addWidget(self.scan, 1)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(18)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(scroll, 1)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Scan the product's barcode"))
        self.scan.setPlaceholderText(self.tr("Barcode (JAN) or product name"))
        self.search_button.setText(self.tr("Search"))
        self.hint.setText(self.tr("Or type the product's name (kana or kanji) and tap Search."))

    # -- the focus stays in the scan field while this screen shows ---------------------
    def _focus_changed(self, _old, now) -> None:
        if not self.isVisible() or now is self.scan:
            return
        if now is None or self.window().isAncestorOf(now):  # not a dialog's own widgets
            self.scan.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.scan.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- search ------------------------------------------------------------------------
    def search(self) -> None:
        text = self.scan.text().strip()
        if not text:
            return
        store = self.store
        run_query(lambda: find_kiosk_products(store, text), self._found, self._failed,
                  key="kiosk-scan", owner=self)

    def _found(self, found: ProductSearch) -> None:
        self._clear_hits()
        if found.error is not None:
            self.scan.setText("")  # the next scan starts in an empty field; the message names it
            self.problem.setText(texts.say(found.error))
            return
        self.problem.setText("")
        if len(found.hits) == 1:
            self.scan.setText("")
            self.productChosen.emit(found.hits[0])
            return
        self._show_hits(found.hits)

    def _failed(self, exc: BaseException) -> None:
        log.warning("kiosk product search failed: %s", type(exc).__name__)
        self.problem.setText(self.tr("The product list cannot be reached. Please try again."))

    def _show_hits(self, hits: list[ProductHit]) -> None:
        self.hits = hits[:MAX_BUTTONS]
        for i, hit in enumerate(self.hits):
            name = hit.name if len(hit.name) <= NAME_CHARS else hit.name[: NAME_CHARS - 1] + "…"
            b = button(f"kioskHit_{i}", keep_focus=True)
            b.setText(f"{name}\n{yen(hit.price)}")
            b.setMinimumHeight(96)
            b.clicked.connect(lambda _=False, h=hit: self._chosen(h))
            self._hit_grid.addWidget(b, i // COLUMNS, i % COLUMNS)
            b.show()
        if len(hits) > MAX_BUTTONS:
            self.problem.setText(self.tr("More products match: type more of the name."))

    def _chosen(self, hit: ProductHit) -> None:
        self.scan.setText("")
        self._clear_hits()
        self.productChosen.emit(hit)

    def _clear_hits(self) -> None:
        self.hits = []
        while self._hit_grid.count():
            w = self._hit_grid.takeAt(0).widget()
            if w is not None:
                w.setParent(None)
                w.deleteLater()

    def hit_buttons(self) -> list:
        return [self._hit_grid.itemAt(i).widget() for i in range(self._hit_grid.count())]

    # -- wipe --------------------------------------------------------------------------
    def has_input(self) -> bool:
        return bool(self.scan.text() or self.hits or self.problem.text())

    def reset(self) -> None:
        self.scan.setText("")
        self.problem.setText("")
        self._clear_hits()
