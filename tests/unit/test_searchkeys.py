"""Search keys and query terms (pure): what the store writes and what a query looks for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cti_desk.domain.searchkeys import (
    KeyKind,
    Match,
    Term,
    code_variants,
    customer_keys,
    fold,
    match_of,
    phone_key,
    phone_term,
    product_keys,
    query_terms,
    words,
)


@pytest.mark.parametrize("text, folded", [
    ("山田 太郎", "山田太郎"), ("山田　太郎", "山田太郎"), ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ"), ("やまだ たろう", "ヤマダタロウ"),
    ("ジョン・スミス", "ジョンスミス"), ("ｼﾞｮﾝ･ｽﾐｽ", "ジョンスミス"), ("Taro@Example.COM", "taro@example.com"),
    ("ＳＫＵ－ＫＥＴＴＬＥ", "sku-kettle"), ("", ""), (None, ""),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_words_are_the_name_after_its_first_word():
    assert words("山田 太郎") == ["太郎"]
    assert words("ﾔﾏﾀﾞ ﾀﾛｳ") == ["タロウ"]
    assert words("Smith John Paul") == ["john", "paul"]
    assert words("山田") == [] and words("") == []


@pytest.mark.parametrize("e164, key", [("+81312345678", "0312345678"), ("+819012345678", "09012345678"),
                                       ("+14155550100", "14155550100"), ("", "")])
def test_phone_key_is_the_national_number(e164, key):
    assert phone_key(e164) == key


def test_customer_keys():
    assert customer_keys("山田 太郎", "ヤマダ タロウ", ["+81312345678"], ["taro@example.jp"]) == {
        (KeyKind.NAME, "山田太郎"), (KeyKind.NAME_WORD, "太郎"), (KeyKind.KANA, "ヤマダタロウ"),
        (KeyKind.KANA_WORD, "タロウ"), (KeyKind.PHONE, "0312345678"), (KeyKind.EMAIL, "taro@example.jp"),
    }
    assert customer_keys("", "", ["+819011112222"]) == {(KeyKind.PHONE, "09011112222")}  # known by number alone
    assert product_keys("電気ケトル 1.0L", "デンキケトル", "SKU-KETTLE") == {
        (KeyKind.NAME, "電気ケトル1.0l"), (KeyKind.NAME_WORD, "1.0l"), (KeyKind.KANA, "デンキケトル"),
        (KeyKind.SKU, "sku-kettle"),
    }


@pytest.mark.parametrize("query, terms", [
    ("03-1234-5678", [Term("0312345678", False)]),  # a whole number: exact and prefix
    ("+81 3 1234 5678", [Term("0312345678", False)]),
    ("０９０（１２３４）", [Term("0901234", True)]),
    ("+81 90-12", [Term("09012", True)]),
    ("1234", [Term("1234", True)]),
    ("123", [Term("123", False)]),  # three digits: the start of a number only
    ("山田 太郎", [Term("山田太郎", True)]),
    ("太郎", [Term("太郎", False)]),  # two characters: no trigram
    ("ﾔﾏﾀﾞ", [Term("ヤマダ", True)]),
    ("Taro@Example.COM", [Term("taro@example.com", True)]),
    ("", []), ("   ", []), ("-", [Term("-", False)]),
])
def test_query_terms(query, terms):
    assert query_terms(query) == terms


def test_phone_term_only_for_phone_like_queries():
    assert phone_term("M-0001") is None
    assert phone_term("山田") is None
    assert phone_term("(03) 1234-5678") == Term("0312345678", False)
    assert phone_term("1234-56") == Term("123456", True)


def test_code_variants():
    assert code_variants("Ec-2026-0042") == ["Ec-2026-0042", "EC-2026-0042", "ec-2026-0042"]
    assert code_variants("ｍ０００１") == ["m0001", "M0001"]
    assert code_variants("M 0001") == []  # a code has no spaces
    assert code_variants("山田") == []  # nor Japanese letters
    assert code_variants("") == []


def test_match_of():
    assert match_of("山田太郎", "山田太郎") is Match.EXACT
    assert match_of("山田太郎", "山田") is Match.PREFIX
    assert match_of("小山田太郎", "山田") is Match.SUBSTRING


kana = st.text(st.characters(min_codepoint=0x3041, max_codepoint=0x3096), min_size=1, max_size=12)


@given(kana)
def test_hiragana_and_katakana_fold_alike(text):
    katakana = "".join(chr(ord(ch) + 0x60) for ch in text)
    assert fold(text) == fold(katakana)


@given(st.text(max_size=40))
def test_fold_is_idempotent_and_bounded(text):
    once = fold(text)
    assert fold(once) == once
    assert len(once) <= 254
    assert not any(ch.isspace() for ch in once)


@given(st.lists(st.text(st.characters(categories=("Lo", "Ll", "Lu")), min_size=1, max_size=6), min_size=1, max_size=4),
       st.sampled_from([" ", "　", "", "  "]))
def test_a_name_folds_the_same_whatever_the_spaces(parts, sep):
    assert fold(sep.join(parts)) == fold(" ".join(parts))
