"""The operator window's size, splitters and columns: a first run's default size, and
what the seat's settings keep between runs. A mixin of MainWindow; a staged window
(issue 16) restores its geometry at once and its panes once they are built."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QHeaderView

from cti_desk.qt import i18n


class WindowLayout:
    """Needs from the window: settings, complete, and once complete body, left, vertical,
    purchases_view, inquiries_view, calls_view."""

    def _default_size(self) -> None:
        # Most of the screen, whatever its size (1366x768 laptops up to 4K).
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            self.resize(1280, 740)
            return
        width = min(int(screen.width() * 0.92), 1800)
        self.resize(width, min(int(screen.height() * 0.92), 1100))
        self._split_body(width)

    def _split_body(self, width: int) -> None:
        self._split_later = not self.complete  # a staged window's panels come later
        if self.complete:
            self.body.setSizes([int(width * 0.36), int(width * 0.64)])

    def _restore_geometry(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry") if s is not None else None
        self._sized = isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)

    def _restore_panes(self) -> None:
        s = self.settings
        if s is None:
            return
        for key, splitter in (("left", self.left), ("body", self.body), ("main", self.vertical)):
            state = s.value(f"splitters/{key}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        for key, header in self._headers().items():
            state = s.value(f"columns/{key}")
            if isinstance(state, QByteArray):
                header.restoreState(state)
        # Older settings hold "resize to contents" for the shift list: keep their widths only.
        self.calls_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _headers(self) -> dict[str, QHeaderView]:
        return {
            "purchases": self.purchases_view.table.horizontalHeader(),
            "inquiries": self.inquiries_view.table.horizontalHeader(),
            "calls": self.calls_view.horizontalHeader(),
        }

    def save_state(self) -> None:
        s = self.settings
        if s is None:
            return
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("language", i18n.current_language())
        if not self.complete:  # closed before the desk was built: its panes keep their state
            s.sync()
            return
        for key, splitter in (("left", self.left), ("body", self.body), ("main", self.vertical)):
            s.setValue(f"splitters/{key}", splitter.saveState())
        for key, header in self._headers().items():
            s.setValue(f"columns/{key}", header.saveState())
        s.sync()
