"""Demo data's catalogue: the retailer's shops, warehouses, EC stock and 500 products.

The fixed part of the demo (the same in every store), apart from the customers and
their history (demo_data.py).
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from stdnum import ean

from cti_desk.domain.searchkeys import product_keys
from cti_desk.services.demo_writing import EC_CODE, Sink
from cti_desk.store.models import Location, Product, ProductSearchKey, StockLevel

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


def _jan(rng: random.Random, n: int) -> str:
    """A Japanese EAN-13: 45/49 prefix, 5-digit maker, 5-digit item, check digit."""
    body = f"{rng.choice(('45', '49'))}{rng.randrange(10000, 100000):05d}{n:05d}"
    return body + ean.calc_check_digit(body)



def weighted_table(weights: Sequence[float], size: int = 4096) -> list[int]:
    """Index lookup table: picking uniformly from it follows the weights (fast per row)."""
    cum = list(itertools.accumulate(weights))
    total = cum[-1]
    return [bisect.bisect_right(cum, (i + 0.5) * total / size) for i in range(size)]




@dataclass(slots=True)
class Catalogue:
    location_ids: list[int]
    shop_ids_by_pref: dict[str, list[int]]
    shop_ids: list[int]
    ec_id: int
    products: list[tuple[int, str, int]]  # (id, name, price)
    popular: list[int]  # weighted lookup table of product indexes
    near: dict[tuple[int, str], int]  # (product id, prefecture) -> available in its shops
    total: dict[int, int]  # product id -> available everywhere


def build_catalogue(rng: random.Random, sink: Sink, ts, now: datetime, counts: dict) -> Catalogue:
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
    popular = weighted_table([1.0 / (r + 5) for r in range(len(products))])
    order = list(range(len(products)))
    rng.shuffle(order)
    return Catalogue(
        location_ids=[loc[0] for loc in locations],
        shop_ids_by_pref=shop_ids_by_pref,
        shop_ids=[loc[0] for loc in locations if loc[3] == "shop"],
        ec_id=ec_id,
        products=products,
        popular=[order[i] for i in popular],
        near=near,
        total=total,
    )


