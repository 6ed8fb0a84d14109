"""A product's stock as a shop's kiosk shows it: this shop first, then nearer shops, the
warehouses, the online store, far shops, each with the day it can be at the customer's
home; every look is one kiosk stock lookup (the KPIs' demand)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from cti_desk.domain.delivery import DeliveryCalendar
from cti_desk.services.kiosk import KioskShop, find_kiosk_products, kiosk_shop, kiosk_stock
from cti_desk.store.models import Location, Product, StockLevel, StockLookup
from tests.retail_factories import now

# (code, name, kind, prefecture, lead_days, on_hand, reserved); the kiosk stands in Shibuya.
PLACES = [
    ("S-SHIBUYA", "渋谷店", "shop", "東京都", 1, 2, 2),  # on the shelf list, all reserved
    ("S-AKABANE", "赤羽店", "shop", "東京都", 2, 4, 0),  # same prefecture, later than Shinjuku
    ("S-SHINJUKU", "新宿店", "shop", "東京都", 1, 1, 0),
    ("S-IKEBUKURO", "池袋店", "shop", "東京", 1, 3, 1),  # the short spelling is Tokyo too
    ("S-YOKOHAMA", "横浜店", "shop", "神奈川県", 1, 5, 0),  # same region (関東)
    ("S-CHIBA", "千葉店", "shop", "千葉県", 1, 0, 0),
    ("S-UMEDA", "梅田店", "shop", "大阪府", 1, 7, 0),  # far, though quick from there
    ("WH-WEST", "西日本倉庫", "warehouse", "兵庫県", 3, 30, 0),
    ("WH-EAST", "東日本倉庫", "warehouse", "埼玉県", 2, 40, 5),
    ("EC", "EC在庫", "ec", "千葉県", 3, 10, 0),
]
# Saturday 2026-11-21: Sunday closed, Monday 11-23 is 勤労感謝の日 (a public holiday).
TODAY = date(2026, 11, 21)


def build(store) -> tuple[int, dict[str, int]]:
    ids = {}
    with store.transaction() as s:
        product = Product(sku="SKU-KETTLE", jan="4901234567894", name="電気ケトル 1.0L",
                          name_kana="デンキケトル", price=4980)
        s.add(product)
        s.flush()
        for code, name, kind, pref, lead, on_hand, reserved in PLACES:
            loc = Location(code=code, name=name, kind=kind, prefecture=pref, lead_days=lead)
            s.add(loc)
            s.flush()
            ids[code] = loc.id
            s.add(StockLevel(product_id=product.id, location_id=loc.id, on_hand=on_hand,
                             reserved=reserved, updated_at=now()))
        return product.id, ids


def test_the_kiosk_shop_is_a_shop_location_found_by_its_code_in_any_case(store):
    _, ids = build(store)
    assert kiosk_shop(store, "S-SHIBUYA") == KioskShop("S-SHIBUYA", "渋谷店", "東京都", ids["S-SHIBUYA"])
    assert kiosk_shop(store, " s-shibuya ") == kiosk_shop(store, "S-SHIBUYA")
    assert kiosk_shop(store, "Ｓ－ＳＨＩＢＵＹＡ") is not None  # full-width letters
    assert kiosk_shop(store, "WH-EAST") is None  # a warehouse has no kiosk
    assert kiosk_shop(store, "S-NOWHERE") is None
    assert kiosk_shop(store, "") is None


def test_stock_lists_this_shop_then_nearer_places_each_soonest_at_home_first(store):
    product_id, _ = build(store)
    shop = kiosk_shop(store, "S-SHIBUYA")
    stock = kiosk_stock(store, product_id, shop, TODAY)
    assert stock.product.name == "電気ケトル 1.0L" and stock.product.price == 4980
    assert [(r.code, r.place, r.available) for r in stock.rows] == [
        ("S-SHIBUYA", "this_shop", 0),
        ("S-IKEBUKURO", "same_prefecture", 2),  # arrives with Shinjuku: by code
        ("S-SHINJUKU", "same_prefecture", 1),
        ("S-AKABANE", "same_prefecture", 4),
        ("S-CHIBA", "same_region", 0),
        ("S-YOKOHAMA", "same_region", 5),
        ("WH-EAST", "warehouse", 35),
        ("WH-WEST", "warehouse", 30),
        ("EC", "ec", 10),
        ("S-UMEDA", "far_shop", 7),
    ]
    assert stock.available == 2 + 1 + 4 + 5 + 35 + 30 + 10 + 7
    assert stock.rows[0].place_label == "This shop"


def test_arrival_is_the_delivery_calendars_earliest_day_from_each_places_lead_time(store):
    product_id, _ = build(store)
    shop = kiosk_shop(store, "S-SHIBUYA")
    stock = kiosk_stock(store, product_id, shop, TODAY)
    lead = {code: lead for code, _n, _k, _p, lead, _o, _r in PLACES}
    calendar = DeliveryCalendar()
    assert all(r.arrives == calendar.earliest(TODAY, lead[r.code]) for r in stock.rows)
    # Past Sunday and the holiday: one delivery day is Tuesday, two Wednesday, three Thursday.
    arrives = {r.code: r.arrives for r in stock.rows}
    assert arrives["S-SHIBUYA"] == date(2026, 11, 24)
    assert arrives["WH-EAST"] == date(2026, 11, 25)
    assert arrives["EC"] == date(2026, 11, 26)


def test_a_year_end_closing_moves_the_arrival(store):
    product_id, _ = build(store)
    shop = kiosk_shop(store, "S-SHIBUYA")
    closed = DeliveryCalendar(closed_dates=frozenset({date(2026, 11, 24)}))
    stock = kiosk_stock(store, product_id, shop, TODAY, calendar=closed)
    assert stock.rows[0].arrives == date(2026, 11, 25)


def test_each_look_is_one_kiosk_stock_lookup_with_what_tokyo_had(store):
    product_id, _ = build(store)
    shop = kiosk_shop(store, "S-SHIBUYA")
    kiosk_stock(store, product_id, shop, TODAY)
    with store.session() as s:
        row = s.scalars(select(StockLookup)).one()
    assert (row.product_id, row.channel, row.shop, row.prefecture) == (product_id, "kiosk", "S-SHIBUYA", "東京都")
    assert (row.call_id, row.customer_id) == (None, None)
    assert row.available_near == 0 + 4 + 1 + 2  # the Tokyo shops, this one included
    assert row.available_total == 94
    kiosk_stock(store, product_id, shop, TODAY)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(StockLookup)) == 2


def test_an_unknown_product_has_no_stock_and_no_lookup(store):
    build(store)
    shop = kiosk_shop(store, "S-SHIBUYA")
    assert kiosk_stock(store, 999_999, shop, TODAY) is None
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(StockLookup)) == 0


def test_the_scan_field_finds_a_jan_and_says_what_is_wrong_with_a_bad_one(store):
    product_id, _ = build(store)
    assert [h.id for h in find_kiosk_products(store, "4901234567894").hits] == [product_id]
    bad = find_kiosk_products(store, "4901234567895")
    assert bad.hits == [] and bad.error.code == "jan.check_digit"
    assert find_kiosk_products(store, "4901234567887").error.code == "jan.unknown"
    assert [h.id for h in find_kiosk_products(store, "でんき").hits] == [product_id]  # kana prefix
    assert [h.id for h in find_kiosk_products(store, "電気ケ").hits] == [product_id]
