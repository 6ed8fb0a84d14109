"""How the kiosk looks and is touched: big type read from a step back, targets a finger
hits (at least TOUCH_PX), and the small widgets every screen builds with."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

TOUCH_PX = 64  # a fingertip is ~10 mm; 48 px is the least, the kiosk's screen is big
BASE_PX = 24  # body text, readable a step back from a 15" screen
TITLE_PX = 36
HUGE_PX = 48

STYLE = f"""
QWidget#kioskWindow {{ background: #f6f7f9; }}
QLabel, QPushButton, QLineEdit {{ font-size: {BASE_PX}px; }}
QPushButton {{
    min-height: {TOUCH_PX}px; min-width: {TOUCH_PX}px; padding: 6px 18px;
    border: 2px solid #8a94a6; border-radius: 10px; background: #ffffff; color: #1b2430;
}}
QPushButton:pressed, QPushButton:checked {{ background: #1f6feb; color: #ffffff; border-color: #1f6feb; }}
QPushButton:disabled {{ color: #9aa3b2; border-color: #d0d5dd; background: #f0f2f5; }}
QPushButton[role="primary"] {{ background: #1a7f37; color: #ffffff; border-color: #1a7f37; font-weight: bold; }}
QPushButton[role="primary"]:disabled {{ background: #a8d5b5; border-color: #a8d5b5; }}
QPushButton[role="staff"] {{ border: none; background: transparent; color: #c5cad3; }}
QLineEdit {{
    min-height: {TOUCH_PX}px; padding: 0 12px; border: 2px solid #8a94a6; border-radius: 8px;
    background: #ffffff;
}}
QLineEdit:focus {{ border-color: #1f6feb; }}
QLabel[role="title"] {{ font-size: {TITLE_PX}px; font-weight: bold; color: #1b2430; }}
QLabel[role="huge"] {{ font-size: {HUGE_PX}px; font-weight: bold; color: #1b2430; }}
QLabel[role="problem"] {{ font-size: {TITLE_PX}px; font-weight: bold; color: #b42318; }}
QLabel[role="note"] {{ color: #475467; }}
QTableView {{ font-size: {BASE_PX}px; background: #ffffff; selection-background-color: #cfe2ff;
             selection-color: #1b2430; }}
QHeaderView::section {{ font-size: {BASE_PX - 2}px; padding: 8px; background: #e8ebf0; border: none; }}
"""


def big_type(widget: QWidget, px: int = BASE_PX) -> None:
    """The kiosk's body size for a window and all in it (a style sheet font-size on every
    widget would outrank the title and message sizes below)."""
    font = widget.font()
    font.setPixelSize(px)
    widget.setFont(font)


def label(role: str = "", name: str = "", wrap: bool = True) -> QLabel:
    """A label for text that may come from outside: always plain text."""
    w = QLabel()
    w.setTextFormat(Qt.TextFormat.PlainText)
    w.setWordWrap(wrap)
    if role:
        w.setProperty("role", role)
    if name:
        w.setObjectName(name)
    return w


def button(name: str, role: str = "", keep_focus: bool = False) -> QPushButton:
    """A touch button. `keep_focus`: tapping it leaves the keyboard focus where it was (the
    scan field keeps taking the scanner's keystrokes)."""
    b = QPushButton()
    b.setObjectName(name)
    b.setMinimumSize(TOUCH_PX, TOUCH_PX)
    b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    if role:
        b.setProperty("role", role)
    if keep_focus:
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return b


def line_edit(name: str, limit: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(limit)
    edit.setMinimumHeight(TOUCH_PX)
    return edit


class Choices(QWidget):
    """One of a few values as big toggle buttons (a combo box's popup is hard to touch)."""

    chosen = Signal(object)

    def __init__(self, name: str, columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(10)
        self._columns = columns
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._values: list[object] = []  # Python values (a date stays a date, not a QDate)
        self._group.buttonClicked.connect(lambda b: self.chosen.emit(self._values[self._group.id(b)]))

    def set_options(self, options: list[tuple[object, str]], chosen: object = None) -> None:
        for b in self._group.buttons():
            self._group.removeButton(b)
            b.setParent(None)
            b.deleteLater()
        self._values = [value for value, _text in options]
        for i, (_value, text) in enumerate(options):
            b = button(f"{self.objectName()}_{i}")
            b.setCheckable(True)
            b.setText(text)
            self._group.addButton(b, i)
            self._grid.addWidget(b, i // self._columns, i % self._columns)
            b.show()  # now, not on the next event loop turn (a tap may come first)
        self.choose(chosen)

    def relabel(self, text_of) -> None:
        for b in self._group.buttons():
            b.setText(text_of(self._values[self._group.id(b)]))

    def buttons(self) -> list[QAbstractButton]:
        return self._group.buttons()

    def choose(self, value: object) -> None:
        for b in self._group.buttons():
            if value is not None and self._values[self._group.id(b)] == value:
                b.setChecked(True)
                return
        checked = self._group.checkedButton()
        if checked is not None:  # nothing chosen: an exclusive group needs a detour
            self._group.setExclusive(False)
            checked.setChecked(False)
            self._group.setExclusive(True)

    def value(self) -> object:
        checked = self._group.checkedButton()
        return self._values[self._group.id(checked)] if checked is not None else None
