"""`cti-desk kpi` (CONTRACT.md) on a small store with hand-worked rows (tests/store/kpi_story.py),
in all three formats and every --by, on SQLite and PostgreSQL; and the supervisor's other
journey figures from services/kpi.py."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from cti_desk.app.cli import main
from cti_desk.app.kpi import KEYS, date_range
from cti_desk.services.kpi import asked_out_of_stock, calls_per_quarter_hour, journey, kpi_rows
from cti_desk.store.db import open_store
from tests.store import kpi_story
from tests.store.kpi_story import EXPECTED, FROM, TO


@pytest.fixture
def story(store_url):
    store = open_store(store_url)
    try:
        ids = kpi_story.build(store)
    finally:
        store.dispose()
    return store_url, ids


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's usage errors
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def kpi(capsys, url: str, by: str, fmt: str) -> str:
    code, out, err = run(capsys, "kpi", "--db", url, "--from", FROM.isoformat(), "--to", TO.isoformat(),
                         "--by", by, "--format", fmt)
    assert (code, err) == (0, "")
    return out


@pytest.mark.parametrize("by", list(EXPECTED))
def test_json_rows_are_the_hand_worked_ones(story, capsys, by):
    url, _ids = story
    out = kpi(capsys, url, by, "json")
    rows = [json.loads(line, object_pairs_hook=list) for line in out.splitlines()]
    assert [[k for k, _v in r] for r in rows] == [list(KEYS)] * len(rows)  # the contract's keys, in order
    assert [dict(r) for r in rows] == EXPECTED[by]


@pytest.mark.parametrize("by", list(EXPECTED))
def test_csv_has_a_header_row_then_the_same_rows(story, capsys, by):
    url, _ids = story
    out = kpi(capsys, url, by, "csv")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == list(KEYS)
    as_text = [[r[k] for k in KEYS] for r in EXPECTED[by]]
    assert table[1:] == [["" if v is None else str(v) for v in r] for r in as_text]


def test_table_is_aligned_for_people(story, capsys):
    url, _ids = story
    lines = kpi(capsys, url, "segment", "table").splitlines()
    assert lines[0].split() == list(KEYS)
    assert lines[1].split() == ["prospect", "2", "2", "0", "1", "1", "5000", "0.500", "1"]
    assert lines[4].split() == ["unknown", "1", "0", "1", "0", "0", "0", "-", "0"]
    assert len({len(line) for line in lines}) == 1  # right-aligned columns end together
    lines = kpi(capsys, url, "day", "table").splitlines()
    assert [line.split()[0] for line in lines] == ["group", "2026-10-31", "2026-11-01", "2026-11-02"]


def test_a_day_with_no_calls_still_has_its_row(story, capsys):
    url, _ids = story
    code, out, _err = run(capsys, "kpi", "--db", url, "--from", "2026-11-04", "--to", "2026-11-05",
                          "--format", "json")
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        kpi_story.row("2026-11-04", 0, 0, 0, 0, 0, 0, None, 0),
        kpi_story.row("2026-11-05", 0, 0, 0, 0, 0, 0, None, 0)]


@pytest.mark.parametrize("argv", [
    ["--by", "hour"], ["--format", "xml"], ["--from", "2026-13-01"], ["--to", "yesterday"],
    ["--from", "2026-11-02", "--to", "2026-11-01"],
])
def test_bad_usage_exits_2_with_one_line(sqlite_url, capsys, argv):
    code, out, err = run(capsys, "kpi", "--db", sqlite_url, *argv)
    assert code == 2 and out == ""
    assert "Traceback" not in err and err.strip()


def test_default_range_is_the_last_seven_days():
    today = date(2026, 11, 30)
    assert date_range(None, None, today) == (date(2026, 11, 24), today)
    assert date_range(None, date(2026, 11, 2), today) == (date(2026, 10, 27), date(2026, 11, 2))
    assert date_range(date(2026, 11, 1), None, today) == (date(2026, 11, 1), today)


def test_services_give_the_same_rows_as_the_command(story):
    url, _ids = story
    store = open_store(url)
    try:
        assert [r.as_dict() for r in kpi_rows(store, FROM, TO, "week")] == EXPECTED["week"]
    finally:
        store.dispose()


def test_calls_per_quarter_hour_of_a_local_day(story):
    url, _ids = story
    store = open_store(url)
    try:
        counts = calls_per_quarter_hour(store, date(2026, 11, 2))
        assert len(counts) == 96
        # B2 at 00:10, C1 at 11:00, A2 at 15:00 (Japan time); B1 at 23:50 the day before.
        assert {i: n for i, n in enumerate(counts) if n} == {0: 1, 44: 1, 60: 1}
        assert calls_per_quarter_hour(store, date(2026, 11, 1))[95] == 1
    finally:
        store.dispose()


def test_journey_counts_first_and_second_purchases_by_entry_channel(story):
    from cti_desk.store.models import ChannelIdentity, Customer

    url, _ids = story
    store = open_store(url)
    try:
        with store.transaction() as s:  # a new prospect from the app, on 11-01 in Japan
            d = Customer(name="新規 様", created_at=kpi_story.jst(11, 1, 8))
            s.add(d)
            s.flush()
            s.add_all([ChannelIdentity(customer_id=d.id, channel="app", external_id="D-app"),
                       ChannelIdentity(customer_id=d.id, channel="store", external_id="D-store")])
        rows = [r.as_dict() for r in journey(store, FROM, TO)]
    finally:
        store.dispose()
    # A's first purchase ever (O1) and B's second (O2); C's were its 3rd-5th.
    assert rows == [
        {"month": "2026-10", "channel": "store", "prospects": 0, "to_first_time": 1, "to_loyal": 0},
        {"month": "2026-11", "channel": "ec", "prospects": 0, "to_first_time": 0, "to_loyal": 1},
        {"month": "2026-11", "channel": "app", "prospects": 1, "to_first_time": 0, "to_loyal": 0},
    ]


def test_products_asked_for_while_out_of_stock_where_the_asker_was(store):
    """Hand-built store: a Tokyo shop, a kettle and a mug; lookups recorded as the inventory
    tab and the kiosk record them (stock_for, then record_lookup with the stock of that
    moment), while the mug's stock runs out and comes back."""
    from cti_desk.services.inventory import stock_for
    from cti_desk.services.stock_lookups import CALL, KIOSK, Asker, record_lookup
    from cti_desk.store.models import StockLevel
    from tests.story_factories import add_location, add_product

    tokyo = add_customer_in(store, "東京都")
    osaka = add_customer_in(store, "大阪府")
    kettle = add_product(store, "KT-1", "ステンレスケトル 16cm", 2990)
    mug = add_product(store, "TB-1", "磁器マグカップ 白", 890)
    shop = add_location(store, "S001", "渋谷店")  # in 東京都
    with store.transaction() as s:
        s.add_all([StockLevel(product_id=kettle, location_id=shop, on_hand=0),
                   StockLevel(product_id=mug, location_id=shop, on_hand=5)])

    def look(product, asker, prefecture, at):
        with store.transaction() as s:
            record_lookup(s, stock_for(s, product, prefecture), asker, prefecture, now=at)

    def mug_on_hand(n):
        with store.transaction() as s:
            s.get(StockLevel, (mug, shop)).on_hand = n

    look(kettle, Asker(CALL, "c1", tokyo), "東京都", kpi_story.jst(11, 1, 10))  # none in Tokyo
    look(kettle, Asker(CALL, "c2", osaka), "大阪府", kpi_story.jst(11, 1, 11))  # no shop in Osaka
    look(mug, Asker(CALL, "c3", tokyo), "東京都", kpi_story.jst(11, 1, 12))  # 5 in Shibuya
    look(mug, Asker(CALL, "c3", tokyo), "東京都", kpi_story.jst(11, 1, 12, 5))  # same call again
    mug_on_hand(0)
    look(mug, Asker(CALL, "c4", tokyo), "東京都", kpi_story.jst(11, 2, 10))  # sold out then
    mug_on_hand(7)  # restocked: c4's ask stays an out-of-stock one
    look(kettle, Asker(KIOSK, shop="S001"), "東京都", kpi_story.jst(11, 2, 11))  # at the kiosk
    look(mug, Asker(CALL, "c5"), None, kpi_story.jst(11, 2, 12))  # caller of unknown prefecture
    look(kettle, Asker(CALL, "c6", tokyo), "東京都", kpi_story.jst(11, 3, 10))  # after the range

    asked = [(a.sku, a.asked, a.out_of_stock) for a in asked_out_of_stock(store, FROM, TO)]
    # Kettle: c1, c2 and the kiosk, all with none near; mug: c3 (once), c4 (out), c5 (unknown).
    assert asked == [("KT-1", 3, 3), ("TB-1", 3, 1)]


def add_customer_in(store, prefecture: str) -> int:
    from tests.factories import add_customer
    from tests.story_factories import add_address

    cid = add_customer(store, name=f"{prefecture} 太郎", phones=())
    add_address(store, cid, prefecture=prefecture)
    return cid
