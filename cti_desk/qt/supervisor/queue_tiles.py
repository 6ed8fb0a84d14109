"""One tile per queue figure; a tile past its threshold turns red (property `alert`).

The tiles are made once; a tick only sets the texts that changed and, when it changes,
the alert state. A figure is a FigureText, not a QLabel: QLabel.setText asks for a new
layout of every widget up to the window (6 ms a tick on a busy floor), a figure only
repaints itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

translate = QCoreApplication.translate

DEFAULT_SL_TARGET = 0.8
DEFAULT_LONGEST_WAIT_LIMIT_S = 60
SL_TARGET_KEY = "supervisor/service_level_target"
WAIT_LIMIT_KEY = "supervisor/longest_wait_limit_s"

TILES = ("waiting", "longest_wait_s", "offered", "answered", "abandoned",
         "service_level", "abandon_rate", "asa_s", "agents")

STYLE = """
QFrame#tile { border: 1px solid #c8ccd2; border-radius: 6px; background: #f7f8fa; }
QFrame#tile[alert="true"] { border: 2px solid #c62828; background: #fde7e7; }
#tileValue { font-size: 20pt; font-weight: 600; }
#tileValue[figure="agents"] { font-size: 11pt; }
"""
# The widest text a figure takes, for its size (a figure never changes its size).
SAMPLES = {"agents": "", "longest_wait_s": "888:88", "service_level": "100.0%", "abandon_rate": "100.0%",
           "asa_s": "888.8 s"}
SAMPLE = "888,888"


@dataclass(frozen=True, slots=True)
class Thresholds:
    service_level_target: float = DEFAULT_SL_TARGET
    longest_wait_limit_s: int = DEFAULT_LONGEST_WAIT_LIMIT_S

    @classmethod
    def from_settings(cls, settings: QSettings | None) -> Thresholds:
        if settings is None:
            return cls()
        try:
            target = float(settings.value(SL_TARGET_KEY, DEFAULT_SL_TARGET))
            limit = int(float(settings.value(WAIT_LIMIT_KEY, DEFAULT_LONGEST_WAIT_LIMIT_S)))
        except (TypeError, ValueError):  # a hand-edited settings file: the defaults
            return cls()
        return cls(min(max(target, 0.0), 1.0), max(limit, 1))


def tile_titles() -> dict[str, str]:
    return {
        "waiting": translate("QueueTiles", "Waiting"),
        "longest_wait_s": translate("QueueTiles", "Longest wait"),
        "offered": translate("QueueTiles", "Offered"),
        "answered": translate("QueueTiles", "Answered"),
        "abandoned": translate("QueueTiles", "Abandoned"),
        "service_level": translate("QueueTiles", "Service level"),
        "abandon_rate": translate("QueueTiles", "Abandon rate"),
        "asa_s": translate("QueueTiles", "Avg. speed of answer"),
        "agents": translate("QueueTiles", "Agents"),
    }


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    s = round(seconds)
    return f"{s // 60}:{s % 60:02d}"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def tile_values(f) -> dict[str, str]:
    a = f.agents
    agents = translate("QueueTiles", "{available} free · {on_call} talking · {ringing} ringing · {paused} paused · {offline} offline").format(
        available=a.get("available", 0), on_call=a.get("on_call", 0), ringing=a.get("ringing", 0),
        paused=a.get("paused", 0), offline=a.get("offline", 0))
    return {
        "waiting": str(f.waiting),
        "longest_wait_s": duration(f.longest_wait_s),
        "offered": f"{f.offered:,}",
        "answered": f"{f.answered:,}",
        "abandoned": f"{f.abandoned:,}",
        "service_level": percent(f.service_level),
        "abandon_rate": percent(f.abandon_rate),
        "asa_s": "—" if f.asa_s is None else translate("QueueTiles", "{seconds} s").format(seconds=f"{f.asa_s:.1f}"),
        "agents": agents,
    }


def alerts(f, thresholds: Thresholds) -> dict[str, bool]:
    sl = f.service_level
    return {
        "service_level": sl is not None and sl < thresholds.service_level_target,
        "longest_wait_s": f.longest_wait_s > thresholds.longest_wait_limit_s,
    }


class FigureText(QWidget):
    """A figure's plain text, painted in place; its size hint holds `lines` lines of the
    widest sample, so a new value never moves the layout."""

    def __init__(self, sample: str, lines: int = 1, parent=None) -> None:
        super().__init__(parent)
        self._text = "—"
        self._sample = sample
        self._lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleDescription(text)
            self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._sample), metrics.lineSpacing() * self._lines)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)  # the widget's font and text colour
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if self._lines > 1:
            flags |= Qt.TextFlag.TextWordWrap
        painter.drawText(self.contentsRect(), flags, self._text)


class QueueTiles(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.thresholds = Thresholds()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self._frames: dict[str, QFrame] = {}
        self._titles: dict[str, QLabel] = {}
        self._values: dict[str, FigureText] = {}
        for i, key in enumerate(TILES):
            frame = QFrame(self)
            frame.setObjectName("tile")
            frame.setProperty("figure", key)
            frame.setProperty("alert", False)
            box = QVBoxLayout(frame)
            title = QLabel(frame)
            title.setObjectName("tileTitle")
            title.setTextFormat(Qt.TextFormat.PlainText)
            value = FigureText(SAMPLES.get(key, SAMPLE), 2 if key == "agents" else 1, frame)
            value.setObjectName("tileValue")
            value.setProperty("figure", key)
            value.setAccessibleName(key)
            box.addWidget(title)
            box.addWidget(value)
            self._frames[key], self._titles[key], self._values[key] = frame, title, value
            grid.addWidget(frame, i // 5, i % 5, 1, 2 if key == "agents" else 1)
        self.retranslate()

    def retranslate(self) -> None:
        for key, text in tile_titles().items():
            self._titles[key].setText(text)

    def value(self, key: str) -> str:
        return self._values[key].text()

    def alert(self, key: str) -> bool:
        return bool(self._frames[key].property("alert"))

    def show_figures(self, f) -> None:
        for key, text in tile_values(f).items():
            self._values[key].setText(text)  # repaints only when the text changed
        for key, on in alerts(f, self.thresholds).items():
            frame = self._frames[key]
            if bool(frame.property("alert")) != on:
                frame.setProperty("alert", on)
                frame.style().unpolish(frame)  # the stylesheet reads the property again
                frame.style().polish(frame)
