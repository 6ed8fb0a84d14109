"""Japanese and English UI: one translator, chosen by locale, switchable at run time.

Regenerate after changing user-visible strings (`make translations` runs both):
    .venv/bin/pyside6-lupdate -no-obsolete cti_desk/qt/*.py cti_desk/app/*.py -ts cti_desk/resources/translations/cti_desk_ja.ts
    .venv/bin/pyside6-lrelease cti_desk/resources/translations/cti_desk_ja.ts
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from cti_desk.resources import resource_dir

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "ja": "日本語"}


def translations_dir() -> Path:
    return resource_dir("translations")


def choose_language(settings: QSettings | None) -> str:
    saved = settings.value("language", "", str) if settings is not None else ""
    if saved in LANGUAGES:
        return saved
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


_installed: list[QTranslator] = []
_current = "en"


def current_language() -> str:
    return _current


def install_language(code: str) -> bool:
    """Swap the app's translators; widgets get a LanguageChange event and retranslate."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        return False
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    _current = code if code in LANGUAGES else "en"
    if _current == "en":
        return True
    ours = QTranslator(app)
    ok = ours.load(f"cti_desk_{_current}", str(translations_dir()))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no %s translation in %s", _current, translations_dir())
    qt_own = QTranslator(app)  # Qt's own dialogs' buttons
    if qt_own.load(f"qtbase_{_current}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return ok


def local_time(utc_naive: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """The store keeps naive UTC; people read their own clock."""
    if utc_naive is None:
        return ""
    return utc_naive.replace(tzinfo=UTC).astimezone().strftime(fmt)


def yen(amount: int) -> str:
    return f"¥{amount:,}"
