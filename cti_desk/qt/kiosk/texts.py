"""The kiosk core's English words (services/kiosk.py) listed for lupdate and translated
when shown; tests/gui/test_kiosk_texts.py keeps the lists in step with the core."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cti_desk.domain.delivery import Message
from cti_desk.qt import labels

CONTEXT = "kiosk"

PLACES = (
    # services.kiosk.PLACE_LABELS
    QT_TRANSLATE_NOOP("kiosk", "This shop"),
    QT_TRANSLATE_NOOP("kiosk", "Shop in this prefecture"),
    QT_TRANSLATE_NOOP("kiosk", "Shop in this region"),
    QT_TRANSLATE_NOOP("kiosk", "Warehouse"),
    QT_TRANSLATE_NOOP("kiosk", "Online store stock"),
    QT_TRANSLATE_NOOP("kiosk", "Shop in another region"),
)

MESSAGES = (
    # services.kiosk.KIOSK_TEXTS
    QT_TRANSLATE_NOOP("kiosk", "Enter a member number or a phone number"),
    QT_TRANSLATE_NOOP("kiosk", "No member with that member number or phone number"),
    QT_TRANSLATE_NOOP("kiosk", "A guest pays on delivery"),
)


def place(english: str) -> str:
    return QCoreApplication.translate(CONTEXT, english)


def say(message: Message | None) -> str:
    """A kiosk message in the UI's language; the order and search messages are labels'."""
    if message is None:
        return ""
    if message.text in MESSAGES:
        return message.fill(QCoreApplication.translate(CONTEXT, message.text), labels.weekdays())
    return labels.say(message)
