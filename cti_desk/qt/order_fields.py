"""The order form's field errors: a message under each field and the field itself marked
(red border, tooltip), asked again after a language switch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget

from cti_desk.domain.delivery import Message
from cti_desk.qt import labels
from cti_desk.qt.plaintext import tooltip

INVALID_STYLE = """
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"] {
    border: 2px solid #c62828; background: #fff5f5;
}
QLabel[role="error"] { color: #c62828; }
"""

# What a field's error can be: the core's coded message, or text the form makes (a
# callable, so it is asked again in the new language after a switch).
Problem = Message | Callable[[], str] | None


def problem_text(problem: Problem) -> str:
    return problem() if callable(problem) else labels.say(problem)


def mark(widget: QWidget, message: str | None) -> None:
    widget.setProperty("invalid", bool(message))
    widget.setToolTip(tooltip(message))
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FieldErrors:
    """Error labels and marked widgets by field name ("recipient", "lines", ...), shared by
    the parts of the form so one `show(errors)` reaches every field."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self.problems: dict[str, Problem] = {}  # what each label says, untranslated

    def watch(self, name: str, widget: QWidget) -> QWidget:
        """`widget` is the field `name`: marked when it has an error."""
        self.widgets[name] = widget
        return widget

    def label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{name}")
        label.setProperty("role", "error")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.hide()
        self.labels[name] = label
        return label

    def with_error(self, name: str, content: QWidget | QLayout) -> QWidget:
        """`content` with field `name`'s error label under it."""
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        if isinstance(content, QWidget):
            v.addWidget(content)
        else:
            v.addLayout(content)
        v.addWidget(self.label(name))
        return box

    def set(self, name: str, problem: Problem) -> None:
        self.problems[name] = problem
        text = problem_text(problem)
        label = self.labels.get(name)
        if label is not None:
            label.setText(text)
            label.setVisible(bool(text))
        widget = self.widgets.get(name)
        if widget is not None:
            mark(widget, text)

    def show(self, errors: dict[str, Problem]) -> None:
        """Every field's error from `errors`; fields not in it are cleared."""
        for name in set(self.labels) | set(self.widgets):
            self.set(name, errors.get(name))

    def retranslate(self) -> None:
        for name, problem in list(self.problems.items()):
            self.set(name, problem)

    def shown(self) -> dict[str, str]:
        return {name: label.text() for name, label in self.labels.items() if label.text()}


class Rows:
    """A QFormLayout's row labels by key, so the texts can change language."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.labels: dict[str, QLabel] = {}

    def add(self, key: str, field: QWidget) -> None:
        label = QLabel()
        self.labels[key] = label
        self.form.addRow(label, field)

    def name(self, texts: dict[str, str]) -> None:
        for key, label in self.labels.items():
            label.setText(texts[key])
