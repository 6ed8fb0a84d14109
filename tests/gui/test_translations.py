"""The Japanese translation is complete, compiled, and in step with the sources."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from cti_desk.domain.delivery import (
    NEARNESS_LABELS,
    PAYMENT_LABELS,
    SLOT_LABELS,
    VALIDATION_TEXTS,
    WEEKDAYS,
)
from cti_desk.qt import labels
from cti_desk.qt.i18n import translations_dir
from cti_desk.services.inventory import SEARCH_TEXTS
from cti_desk.services.order_life import CANCEL_TEXTS
from cti_desk.services.orders import ORDER_TEXTS

ROOT = Path(__file__).resolve().parents[2]
TS = translations_dir() / "cti_desk_ja.ts"
# The window's own strings and the startup's (cti_desk/app/gui.py) share the file.
SOURCES = sorted(str(p) for pattern in ("cti_desk/qt/*.py", "cti_desk/qt/*/*.py", "cti_desk/app/*.py") for p in ROOT.glob(pattern))


def entries(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def test_every_entry_is_translated_and_finished():
    unfinished = [(c, s) for c, s, t in entries(TS) if t.get("type") == "unfinished" or not (t.text or "").strip()]
    assert unfinished == []


def test_the_compiled_file_gives_every_translation(qapp):
    translator = QTranslator()
    assert translator.load("cti_desk_ja", str(translations_dir()))
    wrong = [(c, s) for c, s, t in entries(TS)
             if t.get("type") not in ("vanished", "obsolete") and translator.translate(c, s) != t.text]
    assert wrong == []  # run pyside6-lrelease after editing the .ts


def test_placeholders_survive_translation():
    field = re.compile(r"\{\w*\}")
    broken = [(c, s) for c, s, t in entries(TS) if sorted(field.findall(s)) != sorted(field.findall(t.text or ""))]
    assert broken == []


def test_the_core_texts_are_all_listed_for_translation():
    core_labels = [*SLOT_LABELS.values(), *PAYMENT_LABELS.values(), *NEARNESS_LABELS.values(), *WEEKDAYS]
    assert sorted(labels.LABELS) == sorted(core_labels)
    core_messages = {*VALIDATION_TEXTS.values(), *SEARCH_TEXTS.values(), *ORDER_TEXTS.values(),
                     *CANCEL_TEXTS.values()}
    assert set(labels.MESSAGES) == core_messages


@pytest.mark.skipif(shutil.which("pyside6-lupdate", path=str(ROOT / ".venv" / "bin")) is None,
                    reason="pyside6-lupdate not installed")
def test_the_ts_file_is_up_to_date_with_the_sources(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run([str(ROOT / ".venv" / "bin" / "pyside6-lupdate"), *SOURCES, "-ts", str(copy)],
                   check=True, capture_output=True, cwd=ROOT)
    new = [(c, s) for c, s, t in entries(copy) if t.get("type") == "unfinished"]
    assert new == []  # new strings: lupdate, translate, lrelease (see cti_desk/qt/i18n.py)
