"""Customer and product search on a real store, SQLite and PostgreSQL (issue 9)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, select, text, update
from stdnum import ean

from cti_desk.domain.searchkeys import Match, customer_keys, product_keys
from cti_desk.services.search import find_customers, search_customers, search_products
from cti_desk.store.models import (
    Customer,
    CustomerEmail,
    CustomerPhone,
    CustomerSearchKey,
    Product,
    ProductSearchKey,
    Purchase,
)
from tests.factories import add_customer


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def add_person(store, name="山田 太郎", kana="ヤマダ タロウ", phones=("03-1234-5678",), emails=(),
               member_id=None, orders=()) -> int:
    cid = add_customer(store, name=name, kana=kana, phones=phones, member_id=member_id)
    with store.transaction() as s:
        for email in emails:
            s.add(CustomerEmail(customer_id=cid, email=email.casefold()))
        for order_no in orders:
            s.add(Purchase(order_no=order_no, channel="ec", customer_id=cid, purchased_at=now(), total=1000))
    return cid


def ids(store, query, limit=50) -> list[int]:
    with store.session() as s:
        return [h.id for h in search_customers(s, query, limit)]


def hits(store, query) -> list[tuple[int, Match]]:
    with store.session() as s:
        return [(h.id, h.match) for h in search_customers(s, query)]


@pytest.fixture
def yamada(store):
    cid = add_person(store, emails=("Taro.Yamada@Example.jp",), member_id="M0001001", orders=("EC-2026-0042",),
                     phones=("03-1234-5678", "090-8765-4321"))
    add_person(store, name="鈴木 一郎", kana="スズキ イチロウ", phones=("06-1111-2222",),
               emails=("ichiro@example.com",), member_id="M0001002")
    return cid


@pytest.mark.parametrize("query", ["山田 太郎", "山田太郎", "山田　太郎", " 山田太郎 "])
def test_full_name_with_or_without_the_space(store, yamada, query):
    assert hits(store, query) == [(yamada, Match.EXACT)]


def test_given_name_alone(store, yamada):
    assert hits(store, "太郎") == [(yamada, Match.EXACT)]
    assert hits(store, "たろう") == [(yamada, Match.EXACT)]  # the kana of the given name


@pytest.mark.parametrize("query", ["ヤマダ タロウ", "ヤマダタロウ", "ﾔﾏﾀﾞ ﾀﾛｳ", "ﾔﾏﾀﾞﾀﾛｳ", "やまだ たろう", "やまだたろう"])
def test_kana_in_full_or_half_width_katakana_or_hiragana(store, yamada, query):
    assert hits(store, query) == [(yamada, Match.EXACT)]


def test_kana_start_and_middle(store, yamada):
    assert hits(store, "ﾔﾏﾀﾞ") == [(yamada, Match.PREFIX)]
    assert hits(store, "まだた") == [(yamada, Match.SUBSTRING)]  # hiragana, mid-kana


@pytest.mark.parametrize("query", ["Taro.Yamada@Example.JP", "TARO.YAMADA@EXAMPLE.JP", "taro.yamada@example.jp",
                                   "ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ"])
def test_email_in_any_case(store, yamada, query):
    assert hits(store, query) == [(yamada, Match.EXACT)]


def test_email_start(store, yamada):
    assert hits(store, "Taro.Yam") == [(yamada, Match.PREFIX)]


@pytest.mark.parametrize("query", ["M0001001", "m0001001", "Ｍ０００１００１"])
def test_member_number_in_any_case(store, yamada, query):
    assert hits(store, query) == [(yamada, Match.EXACT)]


@pytest.mark.parametrize("query", ["EC-2026-0042", "ec-2026-0042", "Ec-2026-0042"])
def test_order_number_in_any_case(store, yamada, query):
    assert hits(store, query) == [(yamada, Match.EXACT)]


@pytest.mark.parametrize("query, match", [
    ("03-1234-5678", Match.EXACT), ("0312345678", Match.EXACT), ("+81 3-1234-5678", Match.EXACT),
    ("０３（１２３４）５６７８", Match.EXACT), ("0312", Match.PREFIX), ("03-1234", Match.PREFIX),
    ("2345", Match.SUBSTRING), ("3456", Match.SUBSTRING), ("1234-56", Match.SUBSTRING),
    ("5678", Match.SUBSTRING), ("8765", Match.SUBSTRING), ("876-54", Match.SUBSTRING),
])
def test_any_part_of_a_phone_number_of_four_digits_or_more(store, yamada, query, match):
    assert hits(store, query) == [(yamada, match)]


def test_fewer_than_four_digits_only_match_the_start_of_a_number(store, yamada):
    assert ids(store, "345") == []
    assert ids(store, "031") == [yamada]


def test_ranked_exact_then_prefix_then_substring(store):
    substring = add_person(store, name="小山田 太郎", kana="オヤマダ タロウ", phones=("0311112222",))
    prefix = add_person(store, name="山田 太郎丸", kana="ヤマダ タロウマル", phones=("0311113333",))
    exact = add_person(store, name="山田 太郎", kana="ヤマダ タロウ", phones=("0311114444",))
    add_person(store, name="田中 花子", kana="タナカ ハナコ", phones=("0311115555",))
    for query in ("山田太郎", "やまだたろう"):
        assert hits(store, query) == [(exact, Match.EXACT), (prefix, Match.PREFIX), (substring, Match.SUBSTRING)]


def test_limit_keeps_the_best(store):
    exact = add_person(store, name="佐藤 一", kana="サトウ ハジメ", phones=())
    others = [add_person(store, name=f"佐藤 一{n}", kana="サトウ", phones=()) for n in range(5)]
    found = ids(store, "佐藤一", limit=3)
    assert found[0] == exact and len(found) == 3 and set(found[1:]) <= set(others)


def test_nothing_found_and_nothing_asked(store, yamada):
    assert ids(store, "存在しない名前") == []
    assert ids(store, "") == []
    assert ids(store, "   ") == []
    assert ids(store, "%") == [] and ids(store, "___") == [] and ids(store, '"') == []


def test_find_describes_each_customer(store, yamada):
    [found] = find_customers(store, "やまだ")
    assert found.as_json() == {
        "customer_id": yamada, "name": "山田 太郎", "name_kana": "ヤマダ タロウ", "member_ids": ["M0001001"],
        "phones": ["+81312345678", "+819087654321"], "emails": ["taro.yamada@example.jp"],
        "segment": "first_time", "match": "prefix",
    }


# ---------------------------------------------------------------------------- writers


def test_a_changed_name_or_phone_is_found_at_once(store, yamada):
    with store.transaction() as s:
        s.execute(update(Customer).where(Customer.id == yamada).values(name="山本 太郎"))  # Core: not seen
        s.get(Customer, yamada).name_kana = "ヤマモト タロウ"  # ORM: seen
    assert ids(store, "やまもと") == [yamada]
    assert ids(store, "やまだ") == []
    with store.transaction() as s:
        s.execute(delete(CustomerPhone).where(CustomerPhone.e164 == "+819087654321"))
        s.add(CustomerPhone(customer_id=yamada, e164="+81451230000", kind="home"))
    assert ids(store, "4512300") == [yamada]
    assert ids(store, "09087654321") == []  # a refresh reads the customer's rows as they are now


def test_new_customer_from_a_call_and_an_attached_number(store, yamada):
    from cti_desk.services.inquiries import attach_number, create_customer_from_call

    cid = create_customer_from_call(store, "高橋 美咲", "たかはし みさき", "080-2222-3333", email="Misaki@Example.COM")
    assert ids(store, "ﾀｶﾊｼ ﾐｻｷ") == [cid]
    assert ids(store, "22223") == [cid]
    assert ids(store, "misaki@example.com") == [cid]
    attach_number(store, yamada, "045-777-8888")
    assert ids(store, "7778888") == [yamada]


def test_imported_customers_are_found(store, tmp_path):
    from cti_desk.services.importer import import_csv

    csv = tmp_path / "customers.csv"
    csv.write_text(
        "channel,external_id,name,name_kana,phone,email,postal_code,address,member_id\n"
        "ec,E1,伊藤 健,イトウ ケン,03-5555-6666,Ken.Ito@Example.com,,,\n"
        "store,S1,伊藤 健,イトウ ケン,03-5555-6666,,,,M7\n"
        "store,S2,渡辺 結衣,ワタナベ ユイ,06-7777-8888,,,,M8\n",
        encoding="utf-8",
    )
    import_csv(store, "customers", csv)
    [ito] = ids(store, "いとうけん")
    assert ids(store, "5556") == [ito]
    assert ids(store, "KEN.ITO@example.com") == [ito]
    assert ids(store, "m7") == [ito]
    [watanabe] = ids(store, "ﾕｲ")
    assert watanabe != ito
    csv.write_text(
        "channel,external_id,name,name_kana,phone,email,postal_code,address,member_id\n"
        "store,S2,渡辺 結衣,ワタナベ ユイ,06-7777-9999,,,,M8\n",
        encoding="utf-8",
    )
    import_csv(store, "customers", csv)  # a re-import replaces the identity's phone
    assert ids(store, "77779999") == [watanabe]
    assert ids(store, "77778888") == []


def test_keys_are_what_refresh_would_write(store):
    """Demo data writes keys in its own bulk insert: the same keys as every other writer."""
    from cti_desk.services.demo_data import generate

    generate(store, customers=120, seed=3)
    with store.session() as s:
        written: dict[int, set] = {}
        for cid, kind, key in s.execute(select(CustomerSearchKey.customer_id, CustomerSearchKey.kind,
                                               CustomerSearchKey.key)):
            written.setdefault(cid, set()).add((kind, key))
        for c in s.scalars(select(Customer)):
            phones = s.scalars(select(CustomerPhone.e164).where(CustomerPhone.customer_id == c.id)).all()
            emails = s.scalars(select(CustomerEmail.email).where(CustomerEmail.customer_id == c.id)).all()
            assert written.get(c.id, set()) == customer_keys(c.name, c.name_kana, phones, emails), c.id
        product_rows: dict[int, set] = {}
        for pid, kind, key in s.execute(select(ProductSearchKey.product_id, ProductSearchKey.kind,
                                               ProductSearchKey.key)):
            product_rows.setdefault(pid, set()).add((kind, key))
        for p in s.scalars(select(Product)):
            assert product_rows[p.id] == product_keys(p.name, p.name_kana, p.sku)
        some = s.scalars(select(Customer).where(Customer.name != "").limit(1)).one()
        phone = s.scalars(select(CustomerPhone.e164).where(CustomerPhone.customer_id == some.id)).first()
    assert some.id in ids(store, some.name.replace(" ", ""))
    assert some.id in ids(store, phone[-6:])


# ---------------------------------------------------------------------------- products


@pytest.fixture
def catalogue(store):
    short_jan = "4912345" + ean.calc_check_digit("4912345")
    with store.transaction() as s:
        rows = [Product(sku="SKU-KETTLE", jan="4901234567894", name="電気ケトル 1.0L", name_kana="デンキケトル", price=4980),
                Product(sku="SKU-TOWEL", jan="4512345678906", name="今治タオル", name_kana="イマバリタオル", price=1500),
                Product(sku="GUM-1", jan=short_jan, name="ミントガム", name_kana="ミントガム", price=120),
                Product(sku="KT-9", jan=None, name="ケトル台", name_kana="ケトルダイ", price=900)]
        s.add_all(rows)
        s.flush()
        return {p.sku: p.id for p in rows} | {"short_jan": short_jan}


def product_hits(store, query):
    with store.session() as s:
        return [(h.id, h.match) for h in search_products(s, query)]


def test_product_by_substring_of_name_and_kana(store, catalogue):
    assert product_hits(store, "ケトル") == [(catalogue["KT-9"], Match.PREFIX),
                                             (catalogue["SKU-KETTLE"], Match.SUBSTRING)]
    assert product_hits(store, "ばりたお") == [(catalogue["SKU-TOWEL"], Match.SUBSTRING)]
    assert product_hits(store, "1.0l") == [(catalogue["SKU-KETTLE"], Match.EXACT)]  # a word of the name


def test_product_by_sku_in_any_case_and_by_jan(store, catalogue):
    from cti_desk.services.inventory import find_products

    with store.session() as s:
        assert [h.id for h in find_products(s, "sku-kettle").hits] == [catalogue["SKU-KETTLE"]]
        assert [h.id for h in find_products(s, "ｓｋｕ－ｔｏｗｅｌ").hits] == [catalogue["SKU-TOWEL"]]
        assert [h.id for h in find_products(s, catalogue["short_jan"]).hits] == [catalogue["GUM-1"]]
        assert [h.id for h in find_products(s, "4901234567894").hits] == [catalogue["SKU-KETTLE"]]
        wrong = catalogue["short_jan"][:7] + str((int(catalogue["short_jan"][7]) + 1) % 10)
        assert find_products(s, wrong).error.code == "jan.check_digit"
        assert [h.id for h in find_products(s, "けとる").hits] == [catalogue["KT-9"], catalogue["SKU-KETTLE"]]


def test_a_renamed_product_is_found_by_its_new_name(store, catalogue):
    with store.transaction() as s:
        s.get(Product, catalogue["SKU-TOWEL"]).name = "泉州タオル"
    assert product_hits(store, "泉州") == [(catalogue["SKU-TOWEL"], Match.PREFIX)]
    assert product_hits(store, "今治") == []


# ---------------------------------------------------------------------------- the indexes


def test_substring_search_runs_on_the_trigram_index(store, yamada):
    with store.session() as s:
        if s.bind.dialect.name == "sqlite":
            plan = " ".join(str(r[-1]) for r in s.execute(text(
                "EXPLAIN QUERY PLAN SELECT k.customer_id FROM customer_search_fts JOIN customer_search_keys k "
                "ON k.id = customer_search_fts.rowid WHERE customer_search_fts MATCH '\"3456\"'")))
            assert "VIRTUAL TABLE INDEX" in plan and "SCAN k" not in plan, plan
        else:
            s.execute(text("SET LOCAL enable_seqscan = off"))  # a tiny table: show the index is usable
            plan = " ".join(r[0] for r in s.execute(text(
                "EXPLAIN SELECT customer_id, key FROM customer_search_keys "
                "WHERE kind IN (1, 3, 5) AND key LIKE '%3456%'")))
            assert "ix_customer_search_keys_trgm" in plan, plan


def test_prefix_search_runs_on_the_key_index(store, yamada):
    keys = CustomerSearchKey.__table__
    stmt = (select(keys.c.customer_id, keys.c.key).where(keys.c.key >= "ヤマダ", keys.c.key < "ヤマダ\U0010ffff")
            .order_by(keys.c.key, keys.c.customer_id).limit(200))
    with store.session() as s:
        compiled = stmt.compile(s.bind, compile_kwargs={"literal_binds": True})
        if s.bind.dialect.name == "sqlite":
            plan = " ".join(str(r[-1]) for r in s.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
            assert "ix_customer_search_keys_key" in plan and "TEMP B-TREE" not in plan, plan
        else:
            s.execute(text("SET LOCAL enable_seqscan = off"))
            plan = " ".join(r[0] for r in s.execute(text(f"EXPLAIN {compiled}")))
            assert "ix_customer_search_keys_key" in plan and "Sort" not in plan, plan


def test_migration_fills_the_keys_of_existing_customers(store_url):
    from alembic import command

    from cti_desk.store.db import Store, _alembic_config, open_store

    bare = Store(store_url)
    cfg = _alembic_config(bare.engine)
    try:
        if bare.engine.dialect.name == "sqlite":
            command.upgrade(cfg, "0003")
        else:  # the PostgreSQL fixture is a copy of an up-to-date template
            command.downgrade(cfg, "0003")
        with bare.engine.begin() as conn:
            cid = conn.execute(text("INSERT INTO customers (name, name_kana, flags, created_at) "
                                    "VALUES ('山田 太郎', 'ヤマダ タロウ', '', CURRENT_TIMESTAMP) RETURNING id")).scalar()
            conn.execute(text("INSERT INTO customer_phones (customer_id, e164, kind, raw) "
                              "VALUES (:c, '+81312345678', 'home', '')"), {"c": cid})
            conn.execute(text("INSERT INTO customer_emails (customer_id, email) VALUES (:c, 'taro@example.jp')"),
                         {"c": cid})
            conn.execute(text("INSERT INTO products (sku, name, name_kana, price) "
                              "VALUES ('SKU-1', '電気ケトル', 'デンキケトル', 100)"))
    finally:
        bare.dispose()
    upgraded = open_store(store_url)
    try:
        for query in ("やまだたろう", "太郎", "3456", "TARO@example.jp"):
            assert ids(upgraded, query) == [cid], query
        assert [m for _, m in product_hits(upgraded, "ケトル")] == [Match.SUBSTRING]
    finally:
        upgraded.dispose()


@pytest.mark.pg
def test_a_postgresql_database_without_japanese_letters_still_finds_exact_and_prefix(pg_template, caplog):
    """pg_trgm in a database with LC_CTYPE=C sees no Japanese letters: no whole-index scans."""
    from sqlalchemy import create_engine

    from cti_desk.store.db import open_store
    from tests.conftest import PG_URL

    name = f"search_c_locale_{datetime.now(UTC):%H%M%S%f}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"))
    store = open_store(PG_URL.rsplit("/", 1)[0] + "/" + name)
    try:
        cid = add_person(store)
        assert ids(store, "やまだ") == [cid]
        assert ids(store, "太郎") == [cid]
        assert ids(store, "3456") == [cid]  # digits are letters to every locale
        with caplog.at_level("WARNING", logger="cti_desk.services.search"):
            assert ids(store, "まだた") == []
        assert "LC_CTYPE" in caplog.text
    finally:
        store.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def test_search_keys_of_a_moved_phone_follow_it(store):
    a = add_person(store, name="井上 一", kana="イノウエ ハジメ", phones=("0312340000",))
    b = add_person(store, name="井上 二", kana="イノウエ ジ", phones=())
    with store.transaction() as s:
        phone = s.scalars(select(CustomerPhone).where(CustomerPhone.customer_id == a)).one()
        phone.customer_id = b
    assert ids(store, "12340000") == [b]


def test_old_member_and_phone_search_still_works(store):
    cid = add_customer(store, name="佐藤 花子", kana="サトウ ハナコ", member_id="M-0001", phones=("0451234567",))
    add_customer(store, name="鈴木 一郎", kana="スズキ イチロウ", phones=("0452223333",))
    for query in ("佐藤", "さとう", "ｻﾄｳ", "045-123-4567", "M-0001", "m-0001"):
        assert ids(store, query) == [cid], query
