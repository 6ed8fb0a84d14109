from datetime import date

import jpholiday
import pytest

from cti_desk.domain.delivery import (
    PREFECTURES,
    REGIONS,
    DeliveryCalendar,
    DraftLine,
    Nearness,
    OrderDraft,
    SourceOption,
    nearness,
    normalize_postal_code,
    points_earned,
    region_of,
    suggest_source,
    validate,
)

CAL = DeliveryCalendar()


def test_every_prefecture_is_in_exactly_one_of_eight_regions():
    assert len(REGIONS) == 8
    assert len(PREFECTURES) == len(set(PREFECTURES)) == 47
    assert region_of("東京") == region_of("神奈川県") == "関東"
    assert region_of("沖縄県") == "九州"
    assert region_of("ニューヨーク") is None


def test_shops_near_the_customer_come_before_warehouses_and_far_shops():
    assert nearness("shop", "東京都", "東京都") is Nearness.SAME_PREFECTURE
    assert nearness("shop", "神奈川県", "東京") is Nearness.SAME_REGION
    assert nearness("shop", "大阪府", "東京都") is Nearness.FAR_SHOP
    assert nearness("warehouse", "東京都", "東京都") is Nearness.WAREHOUSE
    options = [
        SourceOption(1, Nearness.FAR_SHOP, 5, 1, "far"),
        SourceOption(2, Nearness.WAREHOUSE, 5, 2, "wh"),
        SourceOption(3, Nearness.SAME_PREFECTURE, 0, 1, "near-empty"),
        SourceOption(4, Nearness.SAME_REGION, 1, 1, "region"),
    ]
    assert suggest_source(options, 1).location_id == 4
    assert suggest_source(options, 2).location_id == 2  # the near ones don't have two
    assert suggest_source(options, 6) is None


def test_new_year_skips_the_holiday_and_sunday():
    # Ordered Wed 2026-12-30; 2027-01-01 is 元日, 2027-01-03 a Sunday.
    assert jpholiday.is_holiday(date(2027, 1, 1))
    assert CAL.earliest(date(2026, 12, 30), 1) == date(2026, 12, 31)
    assert CAL.earliest(date(2026, 12, 30), 2) == date(2027, 1, 2)
    assert CAL.earliest(date(2026, 12, 30), 3) == date(2027, 1, 4)
    closing = DeliveryCalendar(closed_dates=frozenset({date(2026, 12, 31), date(2027, 1, 2), date(2027, 1, 3)}))
    assert closing.earliest(date(2026, 12, 30), 1) == date(2027, 1, 4)


def test_golden_week_is_skipped():
    # 2027: 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日; 5/2 is a Sunday.
    for d in (3, 4, 5):
        assert jpholiday.is_holiday(date(2027, 5, d))
    assert CAL.earliest(date(2027, 5, 1), 1) == date(2027, 5, 6)
    assert CAL.options(date(2027, 4, 30), 3) == [date(2027, 4, 30), date(2027, 5, 1), date(2027, 5, 6)]


def test_an_order_on_a_holiday_with_no_lead_arrives_the_next_delivery_day():
    assert CAL.earliest(date(2027, 1, 1), 0) == date(2027, 1, 2)


def test_non_working_days_are_configurable():
    weekdays_only = DeliveryCalendar(closed_weekdays=frozenset({5, 6}))
    assert weekdays_only.earliest(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Fri -> Mon


@pytest.mark.parametrize("raw", ["1000001", "100-0001", "〒100-0001", "１００－０００１", " 100 0001 "])
def test_postal_codes_in_every_spelling(raw):
    assert normalize_postal_code(raw) == "1000001"


@pytest.mark.parametrize("raw", ["", "100001", "10000011", "abc-defg", None])
def test_bad_postal_codes(raw):
    assert normalize_postal_code(raw) is None


def test_points_are_one_percent_of_what_is_paid():
    assert points_earned(4980) == 49
    assert points_earned(99) == 0
    assert points_earned(-5) == 0


def _draft(**kw) -> OrderDraft:
    base = dict(
        customer_id=1, lines=[DraftLine(1, 1, 4980, 7, lead_days=1)], recipient="山田 太郎",
        phone="03-1234-5678", postal_code="150-0002", prefecture="東京都", city="渋谷区",
        line1="渋谷1-2-3", delivery_date=date(2026, 12, 1), slot="morning", payment="cod",
        points_to_use=0,
    )
    base.update(kw)
    return OrderDraft(**base)


def test_a_complete_draft_is_valid():
    assert validate(_draft(), points_balance=0, today=date(2026, 11, 30))


def test_every_field_is_checked():
    draft = _draft(
        lines=[DraftLine(1, 0, 4980, None)], recipient=" ", phone="12", postal_code="15000",
        prefecture="", city="", line1="", delivery_date=date(2026, 11, 29), slot="night",
        payment="bitcoin", points_to_use=10,
    )
    errors = validate(draft, points_balance=5, today=date(2026, 11, 30)).errors
    assert set(errors) == {
        "line0.quantity", "line0.location", "recipient", "phone", "postal_code", "prefecture",
        "city", "line1", "delivery_date", "slot", "payment", "points",
    }
    assert errors["postal_code"].code == "postal_code.format"
    assert str(errors["postal_code"]) == "A postal code is 7 digits"


def test_points_are_bounded_by_balance_and_total():
    over = validate(_draft(points_to_use=600), points_balance=500, today=date(2026, 11, 30)).errors["points"]
    assert over.code == "points.over_balance" and str(over) == "More than the points balance (500)"
    errors = validate(_draft(points_to_use=5000), points_balance=9000, today=date(2026, 11, 30)).errors
    assert errors["points"].code == "points.over_total"
    assert str(errors["points"]) == "Points used must not exceed the order total (¥4,980)"


def test_delivery_date_before_the_earliest_or_on_a_holiday_is_refused():
    early = validate(_draft(delivery_date=date(2026, 11, 30)), points_balance=0, today=date(2026, 11, 30))
    assert early.errors["delivery_date"].code == "delivery_date.too_early"
    assert str(early.errors["delivery_date"]) == "The earliest delivery date is 2026-12-01 (Tue)"
    holiday = validate(_draft(delivery_date=date(2027, 1, 1)), points_balance=0, today=date(2026, 11, 30))
    assert holiday.errors["delivery_date"].code == "delivery_date.closed"
