"""`cti-desk import` on a real store (SQLite and PostgreSQL): CONTRACT.md "CSV import"."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cti_desk.app.cli import main
from cti_desk.domain.model import Resolution
from cti_desk.services.customers import customer_summary, resolve_caller
from cti_desk.services.importer import ImportFailed, UnknownImportKind, import_csv
from cti_desk.store.models import (
    Address,
    ChannelIdentity,
    Customer,
    CustomerEmail,
    CustomerPhone,
    Location,
    Product,
    Purchase,
    PurchaseLine,
    StockLevel,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"
CUSTOMERS_HEADER = "channel,external_id,name,name_kana,phone,email,postal_code,address,member_id\n"
TABLES = (Customer, ChannelIdentity, CustomerPhone, CustomerEmail, Address, Product, StockLevel,
          Purchase, PurchaseLine)


def counts(store) -> dict[str, int]:
    with store.session() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) for m in TABLES}


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    return path


def customers_csv(tmp_path: Path, *rows: str, name: str = "customers.csv") -> Path:
    return write(tmp_path, name, CUSTOMERS_HEADER + "".join(r + "\n" for r in rows))


def customer_of(store, channel: str, external_id: str) -> int:
    with store.session() as s:
        return s.scalar(select(ChannelIdentity.customer_id).where(
            ChannelIdentity.channel == channel, ChannelIdentity.external_id == external_id))


@pytest.fixture
def shops(store):
    with store.transaction() as s:
        s.add_all([
            Location(code="S001", name="新宿店", kind="shop", prefecture="東京都"),
            Location(code="S002", name="渋谷店", kind="shop", prefecture="東京都"),
            Location(code="W-EAST", name="東日本物流センター", kind="warehouse", prefecture="埼玉県"),
        ])  # the location `ec` comes with every store
    return store


@pytest.fixture
def catalogue(shops):
    import_csv(shops, "products", FIXTURES / "products.csv")
    return shops


# ---------------------------------------------------------------------------- each kind


def test_customers_import_with_bom_resolving_identities_as_the_contract_says(store):
    result = import_csv(store, "customers", FIXTURES / "customers.csv")
    assert (result.rows, result.created, result.updated) == (6, 6, 0)
    assert "6 customers rows" in result.summary() and "\n" not in result.summary()
    assert counts(store)["customers"] == 5  # the LINE identity joined by its email
    with store.session() as s:
        # Same channel never merged: two shop members on one household landline.
        household = resolve_caller(s, "03-1234-5678")
        assert household.resolution is Resolution.MULTIPLE
        assert set(household.customer_ids) == {customer_of(store, "store", "2900000000011"),
                                               customer_of(store, "store", "2900000000028")}
        # Full-width digits and hyphens normalized; the LINE identity found the EC customer.
        sato = customer_of(store, "ec", "EC000123")
        assert resolve_caller(s, "09011112222").customer_ids == (sato,)
        assert customer_of(store, "line", "Uabc123") == sato
        summary = customer_summary(s, sato)
        assert summary.name == "佐藤 一郎"
        assert summary.emails == ["ichiro.sato@example.jp"]
        assert {c for c, _ in summary.identities} == {"ec", "line"}
        # Postal code fills prefecture and city; a written prefecture/city isn't repeated.
        addr = summary.addresses[0]
        assert (addr.postal_code, addr.prefecture, addr.city, addr.line1) == (
            "5300001", "大阪府", "大阪市北区", "梅田1-2-3")
        taro = customer_summary(s, customer_of(store, "store", "2900000000011"))
        assert taro.member_ids == ["2900000000011"]
        assert taro.addresses[0].line1 == "千代田1-1"
        # Known only by a phone number.
        anonymous = customer_of(store, "call_center", "CC00000001")
        assert resolve_caller(s, "+818055556666").customer_ids == (anonymous,)


def test_products_stock_and_purchases_import(catalogue):
    store = catalogue
    import_csv(store, "customers", FIXTURES / "customers.csv")
    stock = import_csv(store, "stock", FIXTURES / "stock.csv")
    purchases = import_csv(store, "purchases", FIXTURES / "purchases.csv")
    assert (stock.created, purchases.created) == (4, 3)
    with store.session() as s:
        assert s.scalar(select(Product.price).where(Product.sku == "FD-00003")) == 1290
        assert s.scalar(select(Product.jan).where(Product.sku == "FD-00003")) is None
        on_hand = s.scalar(select(StockLevel.on_hand).join(Location).join(Product).where(
            Product.sku == "KT-00001", Location.code == "W-EAST"))
        assert on_hand == 300
        r1001 = s.scalars(select(Purchase).where(Purchase.order_no == "R-1001")).one()
        assert r1001.total == 2990 + 2 * 890
        assert len(r1001.lines) == 2
        assert r1001.customer_id == customer_of(store, "store", "2900000000011")
        # No offset = Japan time; stored as naive UTC like the rest of the store.
        assert r1001.purchased_at == datetime(2026, 11, 1, 1, 15)
        times = dict(s.execute(select(Purchase.order_no, Purchase.purchased_at)).all())
        assert times["E-2001"] == datetime(2026, 11, 2, 3, 0)
        assert times["E-2002"] == datetime(2026, 11, 3, 3, 0)


# ---------------------------------------------------------------------------- re-import


def test_reimport_updates_instead_of_duplicating(catalogue):
    store = catalogue
    for _ in range(2):
        import_csv(store, "customers", FIXTURES / "customers.csv")
        import_csv(store, "products", FIXTURES / "products.csv")
        import_csv(store, "stock", FIXTURES / "stock.csv")
        import_csv(store, "purchases", FIXTURES / "purchases.csv")
    before = counts(store)
    assert before["customers"] == 5 and before["channel_identities"] == 6
    assert before["products"] == 3 and before["stock_levels"] == 4
    assert before["purchases"] == 3 and before["purchase_lines"] == 4
    again = import_csv(store, "customers", FIXTURES / "customers.csv")
    assert (again.created, again.updated) == (0, 6)


def test_product_reimport_changes_price_and_jan(catalogue, tmp_path):
    path = write(tmp_path, "products.csv", "sku,jan,name,price\nKT-00001,4901234567894,ケトル,3290\n")
    result = import_csv(catalogue, "products", path)
    assert (result.created, result.updated) == (0, 1)
    with catalogue.session() as s:
        assert s.execute(select(Product.name, Product.price).where(Product.sku == "KT-00001")).one() == (
            "ケトル", 3290)


def test_changed_phone_and_email_replace_the_old_ones(store, tmp_path):
    import_csv(store, "customers", customers_csv(
        tmp_path, "ec,E1,田中 一,タナカ ハジメ,090-1000-0001,old@example.jp,,,"))
    import_csv(store, "customers", customers_csv(
        tmp_path, "ec,E1,田中 一,タナカ ハジメ,090-2000-0002,New@example.jp,,,", name="again.csv"))
    cid = customer_of(store, "ec", "E1")
    with store.session() as s:
        assert resolve_caller(s, "09010000001").resolution is Resolution.NONE
        assert resolve_caller(s, "09020000002").customer_ids == (cid,)
        summary = customer_summary(s, cid)
    assert summary.phones == [("mobile", "+819020000002")]
    assert summary.emails == ["new@example.jp"]
    assert counts(store)["customer_phones"] == 1


# ---------------------------------------------------------------------------- identity resolution


def test_other_channel_joins_by_phone(store, tmp_path):
    import_csv(store, "customers", customers_csv(
        tmp_path, "store,M1,木村 拓,キムラ タク,0312345678,,,,M1",
        "call_center,C1,,,03-1234-5678,,,,"))
    assert customer_of(store, "call_center", "C1") == customer_of(store, "store", "M1")
    assert counts(store)["customers"] == 1


def test_other_channel_joins_by_case_folded_email_across_imports(store, tmp_path):
    import_csv(store, "customers", customers_csv(tmp_path, "app,A1,林 美咲,ハヤシ ミサキ,,Misaki@Example.com,,,"))
    import_csv(store, "customers", customers_csv(
        tmp_path, "ec,E9,林 美咲,,,MISAKI@EXAMPLE.COM,,,", name="ec.csv"))
    assert customer_of(store, "ec", "E9") == customer_of(store, "app", "A1")


def test_same_channel_identities_sharing_a_household_phone_stay_two_customers(store, tmp_path):
    import_csv(store, "customers", customers_csv(
        tmp_path, "store,M1,山田 太郎,,0312345678,,,,", "store,M2,山田 花子,,0312345678,,,,"))
    assert customer_of(store, "store", "M1") != customer_of(store, "store", "M2")


def test_ambiguous_match_becomes_a_customer_of_its_own(store, tmp_path):
    import_csv(store, "customers", customers_csv(
        tmp_path, "store,M1,山田 太郎,,0312345678,,,,", "store,M2,山田 花子,,0312345678,,,,",
        "ec,E1,山田,,03-1234-5678,,,,"))
    ec = customer_of(store, "ec", "E1")
    assert ec not in (customer_of(store, "store", "M1"), customer_of(store, "store", "M2"))
    assert counts(store)["customers"] == 3


def test_a_customer_that_already_has_the_channel_is_not_joined(store, tmp_path):
    import_csv(store, "customers", customers_csv(
        tmp_path, "ec,E1,山田 太郎,,0312345678,,,,", "ec,E2,山田 次郎,,0312345678,,,,"))
    assert customer_of(store, "ec", "E1") != customer_of(store, "ec", "E2")


# ---------------------------------------------------------------------------- bad rows


BAD_CUSTOMERS = [
    ("store,M2,山田 花子,,03-abc,,,,", "invalid phone number '03-abc'"),
    ("fax,M2,山田 花子,,,,,,", "unknown channel 'fax'"),
    ("store,M2,山田 花子,,,not-an-email,,,", "invalid email address"),
    ("store,M2,山田 花子,,,,12345,,", "invalid postal code '12345'"),
    ("store,,山田 花子,,,,,,", "external_id is empty"),
]


@pytest.mark.parametrize(("bad_row", "reason"), BAD_CUSTOMERS)
def test_a_bad_customer_row_names_its_line_and_commits_nothing(store, tmp_path, bad_row, reason):
    import_csv(store, "customers", FIXTURES / "customers.csv")
    before = counts(store)
    path = customers_csv(tmp_path, "store,M1,新規 顧客,,0311112222,,,,", "", bad_row, "ec,E5,,,,,,,",
                         name="members.csv")
    with pytest.raises(ImportFailed) as err:
        import_csv(store, "customers", path)
    # Header is line 1, the blank line still counts: the bad row is line 4.
    assert str(err.value).startswith("members.csv line 4: ")
    assert reason in str(err.value)
    assert "\n" not in str(err.value)
    assert counts(store) == before


@pytest.mark.parametrize(("kind", "content", "message"), [
    ("products", "sku,jan,name,price\nA1,4901234567894,a,100\nA2,4901234567890,b,100\n",
     "products.csv line 3: invalid JAN '4901234567890'"),
    ("products", "sku,jan,name,price\nA1,4900000000115,a,100\nA2,4900000000115,b,100\n",
     "products.csv line 3: JAN 4900000000115 already belongs to SKU A1"),
    ("products", "sku,jan,name,price\nA1,,a,-5\n", "products.csv line 2: price must be 0 or more"),
    ("stock", "sku,location,on_hand\nKT-00001,S001,3\nKT-00001,S999,3\n",
     "stock.csv line 3: unknown location 'S999'"),
    ("stock", "sku,location,on_hand\nNOPE,S001,3\n", "stock.csv line 2: unknown SKU 'NOPE'"),
    ("purchases", "channel,external_id,order_no,purchased_at,sku,quantity,unit_price\n"
                  "store,2900000000011,R1,2026-11-01T10:00,KT-00001,1,2990\n"
                  "store,2900000000011,R2,yesterday,KT-00001,1,2990\n",
     "purchases.csv line 3: purchased_at is not an ISO 8601 time: 'yesterday'"),
    ("purchases", "channel,external_id,order_no,purchased_at,sku,quantity,unit_price\n"
                  "store,2900000000011,R1,2026-11-01T10:00,KT-00001,1,2990\n"
                  "ec,NOBODY,R2,2026-11-01T10:00,KT-00001,1,2990\n",
     "purchases.csv line 3: no ec customer 'NOBODY'"),
    ("purchases", "channel,external_id,order_no,purchased_at,sku,quantity,unit_price\n"
                  "shop,2900000000011,R1,2026-11-01T10:00,KT-00001,1,2990\n",
     "purchases.csv line 2: unknown channel 'shop'"),
    ("purchases", "channel,external_id,order_no,purchased_at,sku,quantity,unit_price\n"
                  "store,2900000000011,R1,2026-11-01T10:00,KT-00001,0,2990\n",
     "purchases.csv line 2: quantity must be 1 or more"),
])
def test_bad_rows_of_every_kind(catalogue, tmp_path, kind, content, message):
    import_csv(catalogue, "customers", FIXTURES / "customers.csv")
    before = counts(catalogue)
    with pytest.raises(ImportFailed) as err:
        import_csv(catalogue, kind, write(tmp_path, f"{kind}.csv", content))
    assert str(err.value).startswith(message)
    assert counts(catalogue) == before


def test_missing_column_is_reported_on_the_header_line(store, tmp_path):
    path = write(tmp_path, "customers.csv", "channel,external_id,name\nstore,M1,a\n")
    with pytest.raises(ImportFailed, match=r"^customers.csv line 1: missing columns name_kana, phone"):
        import_csv(store, "customers", path)


def test_a_file_in_no_known_encoding_names_the_line_and_commits_nothing(store, tmp_path):
    # 0xFF starts no character in UTF-8 nor in Shift_JIS/CP932.
    content = (CUSTOMERS_HEADER + "store,M1,yamada,,,,,,\n").encode() + b"store,M2,\xff\xfe,,,,,,\n"
    with pytest.raises(ImportFailed, match=r"^customers.csv line 3: neither UTF-8 nor Shift_JIS"):
        import_csv(store, "customers", write(tmp_path, "customers.csv", content))
    assert counts(store)["customers"] == 0


def test_an_unknown_kind_is_bad_usage(store):
    with pytest.raises(UnknownImportKind):
        import_csv(store, "orders", FIXTURES / "customers.csv")


# ---------------------------------------------------------------------------- command line


def test_cli_exit_codes_and_one_line_errors(store_url, tmp_path, capsys):
    good = tmp_path / "customers.csv"
    shutil.copy(FIXTURES / "customers.csv", good)
    assert main(["import", "customers", str(good), "--db", store_url]) == 0
    assert "imported 6 customers rows" in capsys.readouterr().out

    bad = customers_csv(tmp_path, "store,M1,山田,,0311112222,,,,", "store,M2,山田,,03-abc,,,,", name="bad.csv")
    assert main(["import", "customers", str(bad), "--db", store_url]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "cti-desk: bad.csv line 3: invalid phone number '03-abc'"

    assert main(["import", "customers", str(tmp_path / "missing.csv"), "--db", store_url]) == 1
    assert "no such file" in capsys.readouterr().err

    with pytest.raises(SystemExit) as exit_:
        main(["import", "orders", str(good), "--db", store_url])
    assert exit_.value.code == 2
