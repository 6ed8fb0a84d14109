import pytest
from hypothesis import given
from hypothesis import strategies as st

from cti_desk.domain.phone import NumberKind, WithheldReason, display, normalize, withheld_reason

TOKYO = "+81312345678"
MOBILE = "+819012345678"


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0312345678", TOKYO),
        ("03-1234-5678", TOKYO),
        ("03 1234 5678", TOKYO),
        ("(03)1234-5678", TOKYO),
        ("+81312345678", TOKYO),
        ("+81-3-1234-5678", TOKYO),
        ("81312345678", TOKYO),  # E.164 without its plus, as some trunks send it
        ("0081312345678", TOKYO),
        ("０３－１２３４－５６７８", TOKYO),  # full-width digits and hyphen
        ("03ー1234ー5678", TOKYO),
        ("09012345678", MOBILE),
        ("090-1234-5678", MOBILE),
        ("+819012345678", MOBILE),
        ("1840312345678", TOKYO),  # 184: caller withheld but the PBX kept the prefix
        ("1860312345678", TOKYO),  # 186: caller presented
        ("18609012345678", MOBILE),
        ("010819012345678", MOBILE),  # 010 international access code
        ("+14155552671", "+14155552671"),
        ("0101 415 555 2671", "+14155552671"),
    ],
)
def test_every_form_a_pbx_sends_is_one_e164(raw, e164):
    assert normalize(raw).e164 == e164


def test_outside_line_digit_is_stripped_when_configured():
    assert normalize("00312345678").kind is NumberKind.INVALID
    assert normalize("00312345678", outside_line_prefix="0").e164 == TOKYO
    assert normalize("909012345678", outside_line_prefix="9").e164 == MOBILE
    assert normalize("0312345678", outside_line_prefix="0").e164 == TOKYO  # sent without it


def test_outside_line_digit_wins_over_international_access():
    # 0 + 03-5234-5678 also reads as 00 + Luxembourg 352 345678: the PBX's own rule first.
    assert normalize("00352345678").e164 == "+352345678"
    assert normalize("00352345678", outside_line_prefix="0").e164 == "+81352345678"
    assert normalize("0010819012345678", outside_line_prefix="0").e164 == MOBILE  # 0 + 010 abroad


@pytest.mark.parametrize(
    "raw", [None, "", "  ", "<unknown>", "unknown", "anonymous", "Anonymous", "private",
            "restricted", "RESTRICTED", "unavailable", "Unavailable", "非通知", "公衆電話",
            "表示圏外", " 非通知 ", "ＡＮＯＮＹＭＯＵＳ"]
)
def test_withheld_spellings(raw):
    result = normalize(raw)
    assert result.kind is NumberKind.WITHHELD
    assert result.e164 is None


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("非通知", WithheldReason.WITHHELD),
        ("anonymous", WithheldReason.WITHHELD),
        ("Private", WithheldReason.WITHHELD),
        ("restricted", WithheldReason.WITHHELD),
        ("公衆電話", WithheldReason.PAY_PHONE),
        ("表示圏外", WithheldReason.UNAVAILABLE),
        ("unavailable", WithheldReason.UNAVAILABLE),
        ("<unknown>", WithheldReason.UNAVAILABLE),
        ("", WithheldReason.UNAVAILABLE),
        (None, WithheldReason.UNAVAILABLE),
        ("--", WithheldReason.UNAVAILABLE),
        ("(anonymous)", WithheldReason.WITHHELD),
        ("0312345678", None),
        ("2001", None),  # an extension: a number, not a withheld one
        ("非通知設定", None),  # only the exact words
    ],
)
def test_withheld_reason_for_the_call_bar(raw, reason):
    assert withheld_reason(raw) == reason
    assert (reason is not None) == normalize(raw).withheld


@given(st.text(max_size=100))
def test_a_reason_exactly_when_withheld(raw):
    assert (withheld_reason(raw) is not None) == normalize(raw).withheld


@pytest.mark.parametrize("raw", ["2001", "PJSIP/2001", "abc", "0", "+", "12", "9" * 80])
def test_extensions_and_garbage_are_no_number(raw):
    result = normalize(raw)
    assert result.kind is NumberKind.INVALID
    assert result.e164 is None


def test_display_is_national_for_japan():
    assert display(TOKYO) == "03-1234-5678"
    assert display(MOBILE) == "090-1234-5678"
    assert display(None) == ""


@given(st.text(max_size=100))
def test_normalize_never_raises(raw):
    result = normalize(raw)
    assert (result.e164 is not None) == (result.kind is NumberKind.E164)
