"""`cti-desk import locations|inquiries`, a key repeated within one file, Shift_JIS/CP932
files: CONTRACT.md "CSV import", on real SQLite and PostgreSQL stores."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cti_desk.app.cli import main
from cti_desk.services.customers import points_balance
from cti_desk.services.history import inquiries_for
from cti_desk.services.importer import ImportFailed, UnknownEncoding, import_csv
from cti_desk.store.models import (
    ChannelIdentity,
    Customer,
    Inquiry,
    Location,
    Product,
    StockLevel,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"
CUSTOMERS = "channel,external_id,name,name_kana,phone,email,postal_code,address,member_id\n"
LOCATIONS = "code,name,kind,prefecture,lead_days\n"
PRODUCTS = "sku,jan,name,price\n"
INQUIRIES = "channel,external_id,inquiry_id,opened_at,subject,text,status\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def count(store, model) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def locations(store) -> dict[str, tuple[str, str, str, int]]:
    with store.session() as s:
        return {code: (name, kind, pref, days) for code, name, kind, pref, days in s.execute(
            select(Location.code, Location.name, Location.kind, Location.prefecture, Location.lead_days))}


# ---------------------------------------------------------------------------- locations


def test_locations_import_then_reimport_updates_by_code(store, tmp_path):
    first = write(tmp_path, "locations.csv", LOCATIONS
                  + "S001,新宿店,shop,東京都,1\n"
                  + "S010,梅田店,Shop,大阪,2\n"  # kind in any case, prefecture as people write it
                  + "W-EAST,東日本物流センター,warehouse,埼玉県,\n")  # empty lead_days: 1
    result = import_csv(store, "locations", first)
    assert (result.created, result.updated) == (3, 0)
    got = locations(store)
    assert got["S010"] == ("梅田店", "shop", "大阪府", 2)
    assert got["W-EAST"] == ("東日本物流センター", "warehouse", "埼玉県", 1)
    assert got["ec"][1] == "ec"  # a fresh store's own EC stock, untouched

    again = write(tmp_path, "again.csv", LOCATIONS + "S001,新宿東口店,shop,東京都,3\nec,EC倉庫,ec,,2\n")
    result = import_csv(store, "locations", again)
    assert (result.created, result.updated) == (0, 2)
    got = locations(store)
    assert got["S001"] == ("新宿東口店", "shop", "東京都", 3)
    assert got["ec"] == ("EC倉庫", "ec", "", 2)
    assert count(store, Location) == 4


@pytest.mark.parametrize(("content", "message"), [
    ("S001,新宿店,shop,東京都,1\nS002,渋谷店,outlet,東京都,1\n",
     "locations.csv line 3: unknown kind 'outlet' (use one of shop, warehouse, ec)"),
    ("S001,新宿店,shop,東京都,1\nS002,渋谷店,shop,トーキョー,1\n",
     "locations.csv line 3: unknown prefecture 'トーキョー'"),
    ("S001,新宿店,shop,東京都,-1\n", "locations.csv line 2: lead_days must be 0 or more"),
    ("S001,,shop,東京都,1\n", "locations.csv line 2: name is empty"),
    ("ec,EC,shop,,1\n", "locations.csv line 2: the location 'ec' is the EC stock: its kind must be ec"),
    ("S001,新宿店,shop,東京都,1\nW1,倉庫,warehouse,埼玉県,2\n\nS001,新宿東口店,shop,東京都,1\n",
     "locations.csv line 5: location code 'S001' is already on line 2"),
])
def test_a_bad_locations_file_names_the_line_and_commits_nothing(store, tmp_path, content, message):
    before = locations(store)
    with pytest.raises(ImportFailed) as err:
        import_csv(store, "locations", write(tmp_path, "locations.csv", LOCATIONS + content))
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)
    assert locations(store) == before


def test_a_fresh_store_takes_products_then_stock_at_ec_without_demo_data(store_url, tmp_path, capsys):
    products = write(tmp_path, "products.csv", PRODUCTS + "KT-00001,4901234567894,ケトル,2990\n")
    stock = write(tmp_path, "stock.csv", "sku,location,on_hand\nKT-00001,ec,7\n")
    assert main(["import", "products", str(products), "--db", store_url]) == 0
    assert main(["import", "stock", str(stock), "--db", store_url]) == 0
    assert "imported 1 stock rows (1 new, 0 updated)" in capsys.readouterr().out
    from cti_desk.store.db import open_store

    store = open_store(store_url)
    try:
        with store.session() as s:
            assert s.scalar(select(StockLevel.on_hand).join(Location).where(Location.code == "ec")) == 7
            assert s.scalar(select(func.count()).select_from(Customer)) == 0  # no demo data made
    finally:
        store.dispose()


def test_stock_at_a_location_imported_from_csv(store, tmp_path):
    import_csv(store, "locations", write(tmp_path, "l.csv", LOCATIONS + "S777,那覇店,shop,沖縄県,4\n"))
    import_csv(store, "products", write(tmp_path, "p.csv", PRODUCTS + "A1,,泡盛グラス,1200\n"))
    import_csv(store, "stock", write(tmp_path, "s.csv", "sku,location,on_hand\nA1,S777,3\n"))
    with store.session() as s:
        assert s.scalar(select(StockLevel.on_hand).join(Location).where(Location.code == "S777")) == 3


# ---------------------------------------------------------------------------- a key twice in a file


def test_a_customer_identity_twice_in_a_file_names_both_lines_and_commits_nothing(store, tmp_path):
    path = write(tmp_path, "members.csv", CUSTOMERS
                 + "ec,E1,田中 一,,090-1000-0001,,,,\n"
                 + "store,E1,田中 一,,090-1000-0001,,,,\n"  # another channel: another identity
                 + "ec,E2,田中 二,,,,,,\n"
                 + "ec,E1,田中 一郎,,090-9999-0001,,,,\n")
    with pytest.raises(ImportFailed) as err:
        import_csv(store, "customers", path)
    assert str(err.value) == ("members.csv line 5: ec external_id 'E1' is already on line 2 "
                              "(one row each per file)")
    assert count(store, Customer) == 0 and count(store, ChannelIdentity) == 0


def test_a_sku_twice_in_a_products_file_names_both_lines(store, tmp_path, capsys):
    path = write(tmp_path, "products.csv", PRODUCTS + "A1,,マグ,800\nA2,,皿,900\nA1,,マグ 大,1000\n")
    assert main(["import", "products", str(path), "--db", store.url]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["cti-desk: products.csv line 4: SKU 'A1' is already on line 2 (one row each per file)"]
    assert count(store, Product) == 0


def test_a_location_code_twice_exits_1_with_both_lines(store, tmp_path, capsys):
    path = write(tmp_path, "shops.csv", LOCATIONS + "S001,新宿店,shop,東京都,1\nS001,新宿店,shop,東京都,2\n")
    assert main(["import", "locations", str(path), "--db", store.url]) == 1
    assert "shops.csv line 3: location code 'S001' is already on line 2" in capsys.readouterr().err
    assert set(locations(store)) == {"ec"}


# ---------------------------------------------------------------------------- inquiries


@pytest.fixture
def customers(store):
    import_csv(store, "customers", FIXTURES / "customers.csv")
    return store


def customer_of(store, channel: str, external_id: str) -> int:
    with store.session() as s:
        return s.scalar(select(ChannelIdentity.customer_id).where(
            ChannelIdentity.channel == channel, ChannelIdentity.external_id == external_id))


def test_inquiries_import_into_the_callers_history_and_reimport_updates(customers, tmp_path):
    store = customers
    path = write(tmp_path, "inquiries.csv", INQUIRIES
                 + 'ec,EC000123,Q-1,2026-11-20T10:00:00,配送日の変更,"お届けを25日に\r\n変更したい",open\n'
                 + "line,Uabc123,Q-1,2026-11-21T09:30:00+09:00,在庫の確認,ケトルはありますか,closed\n"
                 + "store,2900000000011,Q-7,2026-11-22T15:00:00Z,修理,ケトルの取っ手,Closed\n")
    result = import_csv(store, "inquiries", path)
    assert (result.rows, result.created, result.updated) == (3, 3, 0)
    sato = customer_of(store, "ec", "EC000123")  # the LINE identity is the same customer
    with store.session() as s:
        history = inquiries_for(s, sato)
    assert [(i.channel, i.subject, i.status) for i in history] == [
        ("ec", "配送日の変更", "open"), ("line", "在庫の確認", "closed")]
    assert history[0].notes == "お届けを25日に\n変更したい"  # line breaks kept
    assert history[0].opened_at == datetime(2026, 11, 20, 1, 0)  # no offset = Japan time

    again = write(tmp_path, "again.csv", INQUIRIES
                  + "ec,EC000123,Q-1,2026-11-20T10:00:00,配送日の変更,25日で手配済み,closed\n")
    result = import_csv(store, "inquiries", again)
    assert (result.created, result.updated) == (0, 1)
    assert count(store, Inquiry) == 3
    with store.session() as s:
        q1 = s.scalars(select(Inquiry).where(Inquiry.channel == "ec", Inquiry.external_id == "Q-1")).one()
        assert (q1.status, q1.notes, q1.customer_id) == ("closed", "25日で手配済み", sato)


@pytest.mark.parametrize(("content", "message"), [
    ("ec,EC000123,Q-1,2026-11-20T10:00,件名,本文,open\nec,NOBODY,Q-2,2026-11-20T10:00,件名,本文,open\n",
     "inquiries.csv line 3: no ec customer 'NOBODY' (import customers first)"),
    ("ec,EC000123,Q-1,2026-11-20T10:00,件名,本文,pending\n",
     "inquiries.csv line 2: unknown status 'pending' (use open or closed)"),
    ("ec,EC000123,,2026-11-20T10:00,件名,本文,open\n", "inquiries.csv line 2: inquiry_id is empty"),
    ("ec,EC000123,Q-1,昨日,件名,本文,open\n", "inquiries.csv line 2: opened_at is not an ISO 8601 time"),
    ("ec,EC000123,Q-1,2026-11-20T10:00,件名,本文,open\nec,EC000123,Q-1,2026-11-21T10:00,件名,本文,closed\n",
     "inquiries.csv line 3: ec inquiry_id 'Q-1' is already on line 2"),
])
def test_a_bad_inquiries_file_names_the_line_and_commits_nothing(customers, tmp_path, content, message):
    with pytest.raises(ImportFailed) as err:
        import_csv(customers, "inquiries", write(tmp_path, "inquiries.csv", INQUIRIES + content))
    assert str(err.value).startswith(message)
    assert count(customers, Inquiry) == 0


# ---------------------------------------------------------------------------- purchases earn points


PURCHASES = "channel,external_id,order_no,purchased_at,sku,quantity,unit_price\n"


def test_imported_purchases_earn_points_once_at_the_desks_rate(customers, tmp_path):
    store = customers
    import_csv(store, "products", FIXTURES / "products.csv")
    import_csv(store, "purchases", FIXTURES / "purchases.csv")
    taro = customer_of(store, "store", "2900000000011")
    sato = customer_of(store, "ec", "EC000123")
    with store.session() as s:
        # 1% of what was paid, rounded down: R-1001 4,770 yen; E-2001 3,870 + E-2002 801.
        assert (points_balance(s, taro), points_balance(s, sato)) == (47, 38 + 8)
    import_csv(store, "purchases", FIXTURES / "purchases.csv")  # the same file again
    changed = write(tmp_path, "fix.csv", PURCHASES
                    + "store,2900000000011,R-1001,2026-11-01T10:15:00,KT-00001,1,2990\n")
    result = import_csv(store, "purchases", changed)  # R-1001 without its mugs now
    assert result.details["points entries"] == 1
    with store.session() as s:
        assert (points_balance(s, taro), points_balance(s, sato)) == (29, 46)


# ---------------------------------------------------------------------------- Shift_JIS / CP932


CP932_CUSTOMERS = (CUSTOMERS
                   + "store,M1,髙橋 一郎,タカハシ イチロウ,03-1111-2222,,,東京都千代田区①番地,M1\n"
                   + "ec,E1,㈱山田商店,ヤマダショウテン,06-1111-2222,,,,\n")


@pytest.mark.parametrize("encoding", [None, "cp932", "shift_jis", "Shift-JIS"])
def test_a_cp932_file_as_excel_saves_it_imports_detected_or_named(store, tmp_path, encoding):
    path = write(tmp_path, "customers.csv", CP932_CUSTOMERS.encode("cp932"))
    import_csv(store, "customers", path, encoding=encoding)
    with store.session() as s:
        names = set(s.scalars(select(Customer.name)))
        line1 = s.scalar(select(ChannelIdentity.display_name).where(ChannelIdentity.external_id == "E1"))
    assert names == {"髙橋 一郎", "㈱山田商店"}
    assert line1 == "㈱山田商店"


def test_encoding_option_on_the_command_line(store, tmp_path, capsys):
    path = write(tmp_path, "customers.csv", CP932_CUSTOMERS.encode("cp932"))
    assert main(["import", "customers", str(path), "--encoding", "cp932", "--db", store.url]) == 0
    assert "imported 2 customers rows" in capsys.readouterr().out
    # A UTF-8 file read as named: the wrong name is the user's to fix, with the line.
    utf8 = write(tmp_path, "utf8.csv", CUSTOMERS + "ec,E9,山田,,,,,,\n")
    assert main(["import", "customers", str(utf8), "--encoding", "ascii", "--db", store.url]) == 1
    assert "utf8.csv line 2: not ascii text (check --encoding)" in capsys.readouterr().err
    with pytest.raises(UnknownEncoding):
        import_csv(store, "customers", utf8, encoding="klingon")
    assert main(["import", "customers", str(utf8), "--encoding", "klingon", "--db", store.url]) == 2
    assert "unknown encoding 'klingon'" in capsys.readouterr().err


# The same customers, as a spreadsheet in Japan may save them: names with CP932's NEC and
# IBM extension characters (髙, ㈱, ①, 﨑) and a reading typed in half-width katakana
# (ｶﾞ, ｰ), as old POS exports and Shift_JIS files carry it. Made here, written with
# Python's codecs.
SAME_CUSTOMERS = (CUSTOMERS
                  + "store,M1,髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ,03-1111-2222,,100-0001,東京都千代田区①番地,M1\n"
                  + "ec,E1,㈱山田商店,ﾔﾏﾀﾞｼｮｳﾃﾝ,06-1111-2222,info@yamada.example,,,\n"
                  + "app,A1,山﨑 花子,ヤマザキ ハナコ,090-1234-5678,hanako@example.com,,,\n"
                  + "line,U1,ｽｰﾊﾟｰ 太郎,ｽｰﾊﾟｰ ﾀﾛｳ,045-111-2222,,,,\n")


def _customers_as_stored(url: str) -> list:
    from cti_desk.store.db import open_store
    from cti_desk.store.models import ChannelIdentity, Customer, CustomerPhone

    store = open_store(url)
    try:
        with store.session() as s:
            return [
                sorted(s.execute(select(Customer.id, Customer.name, Customer.name_kana)).all()),
                sorted(s.execute(select(ChannelIdentity.customer_id, ChannelIdentity.channel,
                                        ChannelIdentity.external_id, ChannelIdentity.display_name,
                                        ChannelIdentity.member_id)).all()),
                sorted(s.execute(select(CustomerPhone.customer_id, CustomerPhone.e164, CustomerPhone.kind)).all()),
            ]
    finally:
        store.dispose()


def test_one_customers_file_in_utf8_utf8_bom_and_cp932_makes_identical_stores(tmp_path):
    files = {"utf-8": SAME_CUSTOMERS.encode(), "utf-8 with BOM": SAME_CUSTOMERS.encode("utf-8-sig"),
             "cp932": SAME_CUSTOMERS.encode("cp932")}
    stores = {}
    for n, (label, data) in enumerate(files.items()):
        url = f"sqlite:///{tmp_path / f's{n}.sqlite3'}"
        path = write(tmp_path, f"customers{n}.csv", data)
        assert main(["import", "customers", str(path), "--db", url]) == 0, label  # detected, not told
        stores[label] = _customers_as_stored(url)
    assert stores["utf-8 with BOM"] == stores["utf-8"]
    assert stores["cp932"] == stores["utf-8"]
    people = {name: kana for _, name, kana in stores["cp932"][0]}
    # The reading is full-width; the names keep their own characters (NFKC would make
    # ㈱ "(株)" and ① "1"); the half-width name itself is left as the customer wrote it.
    assert people == {"髙橋 一郎": "タカハシ イチロウ", "㈱山田商店": "ヤマダショウテン",
                      "山﨑 花子": "ヤマザキ ハナコ", "ｽｰﾊﾟｰ 太郎": "スーパー タロウ"}
