"""The kiosk core's English words are all listed for translation, and shown in Japanese."""

from __future__ import annotations

import pytest

from cti_desk.qt import i18n
from cti_desk.qt.kiosk import texts
from cti_desk.services.kiosk import KIOSK_TEXTS, PLACE_LABELS

pytestmark = pytest.mark.gui


def test_the_core_kiosk_texts_are_all_listed_for_translation():
    assert sorted(texts.PLACES) == sorted(PLACE_LABELS.values())
    assert sorted(texts.MESSAGES) == sorted(KIOSK_TEXTS.values())


def test_places_and_messages_in_japanese(qapp):
    from cti_desk.domain.delivery import message

    i18n.install_language("ja")
    try:
        assert [texts.place(PLACE_LABELS[p]) for p in ("this_shop", "same_prefecture", "warehouse", "ec")] == [
            "当店", "県内の店舗", "倉庫", "通販在庫"]
        assert texts.say(message(KIOSK_TEXTS, "customer.none")) == "その会員番号・電話番号の会員は見つかりません"
        # the search's and the order's messages are the operator window's translations
        assert texts.say(message({"x": "A JAN code has 13 digits"}, "x")) == "JANコードは13桁です"
    finally:
        i18n.install_language("en")
