from sqlalchemy import update

from cti_desk.services.inventory import find_products, stock_for, stock_version
from cti_desk.store.models import StockLevel
from tests.retail_factories import add_retail, now


def test_stock_per_location_nearest_first_with_totals(store):
    r = add_retail(store)
    with store.session() as s:
        stock = stock_for(s, r.products["SKU-KETTLE"], "東京都")
    assert [row.code for row in stock.rows] == ["S-SHIBUYA", "S-YOKOHAMA", "WH-EAST", "EC", "S-UMEDA"]
    assert [row.available for row in stock.rows] == [3, 2, 40, 10, 1]
    assert (stock.on_hand, stock.reserved, stock.available) == (56, 0, 56)
    assert stock.as_of is not None


def test_osaka_customer_sees_umeda_first(store):
    r = add_retail(store)
    with store.session() as s:
        stock = stock_for(s, r.products["SKU-KETTLE"], "大阪")
    assert stock.rows[0].code == "S-UMEDA"


def test_find_by_sku_jan_and_name_prefix(store):
    r = add_retail(store)
    kettle = r.products["SKU-KETTLE"]
    with store.session() as s:
        assert [h.id for h in find_products(s, "SKU-KETTLE").hits] == [kettle]
        assert [h.id for h in find_products(s, "4901234567894").hits] == [kettle]
        assert [h.id for h in find_products(s, "４９０１２３４５６７８９４").hits] == [kettle]  # full-width
        assert [h.id for h in find_products(s, "電気").hits] == [kettle]
        assert [h.id for h in find_products(s, "でんき").hits] == [kettle]  # hiragana -> kana key
        assert [h.name for h in find_products(s, "イマバリ").hits] == ["今治タオル"]


def test_a_bad_check_digit_is_named(store):
    add_retail(store)
    with store.session() as s:
        result = find_products(s, "4901234567895")
    assert result.hits == []
    assert result.error.code == "jan.check_digit" and "4901234567895" in str(result.error)


def test_unknown_jan_and_name(store):
    add_retail(store)
    with store.session() as s:
        assert find_products(s, "4006381333931").error.code == "jan.unknown"
        assert find_products(s, "存在しない").error


def test_version_changes_when_another_seat_reserves(store):
    r = add_retail(store)
    kettle = r.products["SKU-KETTLE"]
    with store.session() as s:
        before = stock_version(s, kettle)
    with store.transaction() as s:
        s.execute(update(StockLevel).where(StockLevel.product_id == kettle,
                                           StockLevel.location_id == r.locations["S-UMEDA"])
                  .values(reserved=1, updated_at=now()))
    with store.session() as s:
        assert stock_version(s, kettle) != before
        assert stock_version(s, r.products["SKU-TOWEL"]) == stock_version(s, r.products["SKU-TOWEL"])
