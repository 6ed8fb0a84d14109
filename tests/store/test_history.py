"""The customer's story behind a screen pop, on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from cti_desk.domain.model import Resolution
from cti_desk.services.customers import resolve_caller
from cti_desk.services.history import (
    PURCHASE_ORDERS,
    PurchaseQuery,
    candidates,
    inquiries_for,
    pop_for_caller,
    purchase_page,
)
from cti_desk.services.inquiries import (
    WrapUp,
    attach_number,
    create_customer_from_call,
    save_wrapup,
)
from cti_desk.store.models import (
    AuditEntry,
    ChannelIdentity,
    Inquiry,
    PointsEntry,
    Purchase,
    PurchaseLine,
)
from tests.factories import add_customer
from tests.story_factories import (
    BASE,
    add_address,
    add_inquiry,
    add_location,
    add_product,
    add_purchases,
)


def test_pop_of_a_known_caller_has_story_and_is_audited(store):
    cid = add_customer(store, phones=("03-1234-5678",), member_id="M-1")
    add_purchases(store, cid, 3)
    add_inquiry(store, cid, notes="old", opened_at=BASE - timedelta(days=9))
    open_id = add_inquiry(store, cid, notes="still open", status="open", opened_at=BASE - timedelta(days=30))
    pop = pop_for_caller(store, "0312345678", "suzuki", "call-1")
    assert pop.match.resolution is Resolution.UNIQUE
    story = pop.story
    assert story.summary.name == "山田 太郎"
    assert story.purchase_count == 3
    assert [p.purchased_at for p in story.purchases] == [BASE - timedelta(days=n) for n in range(3)]
    assert story.purchases[0].items == "緑茶 500ml"
    assert story.purchases[1].items == "緑茶 500ml ×2"
    assert story.purchases[0].place == "渋谷店" and story.purchases[0].points == 10
    assert story.inquiries[0].id == open_id  # open first, even though older
    with store.session() as s:
        audit = s.scalars(select(AuditEntry)).all()
    assert [(a.actor, a.action, a.customer_id, a.call_id) for a in audit] == [
        ("suzuki", "customer.open", cid, "call-1")
    ]


def test_pages_are_disjoint_and_newest_first(store):
    cid = add_customer(store)
    add_purchases(store, cid, 450)
    with store.session() as s:
        pages = [purchase_page(s, cid, off, 200) for off in (0, 200, 400)]
    assert [len(p) for p in pages] == [200, 200, 50]
    ids = [r.purchase_id for p in pages for r in p]
    assert len(set(ids)) == 450
    dates = [r.purchased_at for p in pages for r in p]
    assert dates == sorted(dates, reverse=True)


def test_candidates_tell_customers_apart(store):
    a = add_customer(store, name="山田 太郎", member_id="M-A")
    b = add_customer(store, name="山田 花子", kana="ヤマダ ハナコ", external_id="H2")
    add_address(store, b, "大阪府", "北区")
    add_purchases(store, a, 1)
    pop = pop_for_caller(store, "03-1234-5678", "op", None)
    assert pop.match.resolution is Resolution.MULTIPLE
    assert [(c.id, c.member_ids, c.place, c.last_purchase_at) for c in pop.candidates] == [
        (a, ("M-A",), "", BASE), (b, (), "大阪府北区", None)
    ]
    with store.session() as s:
        assert candidates(s, [b])[0].name == "山田 花子"


def test_wrapup_without_customer_and_continuing_an_open_inquiry(store):
    save_wrapup(store, WrapUp(call_id="c9", operator="op", opened_at=BASE, caller_number="anonymous",
                              notes="間違い電話", disposition="wrong_number"))
    cid = add_customer(store)
    open_id = add_inquiry(store, cid, status="open", notes="折り返し希望")
    again = save_wrapup(store, WrapUp(call_id="c10", operator="op", opened_at=BASE, customer_id=cid,
                                      notes="折り返し済み", disposition="question_answered",
                                      continue_inquiry_id=open_id))
    assert again == open_id
    with store.session() as s:
        rows = s.scalars(select(Inquiry).order_by(Inquiry.id)).all()
        assert rows[0].customer_id is None and rows[0].channel == "call_center"
        assert rows[0].disposition == "wrong_number" and rows[0].call_id == "c9"
        # The follow-up call is a new entry in the open inquiry's thread, its notes untouched.
        assert rows[1].status == "closed" and rows[1].notes == "折り返し希望"
        thread = inquiries_for(s, cid)[0]
        assert thread.status == "closed"
        assert [(e.call_id, e.notes) for e in thread.entries] == [("c10", "折り返し済み")]


def test_new_customer_from_call_and_attach_number(store):
    cid = create_customer_from_call(store, "新規 一郎", "しんき いちろう", "090-1111-2222", "A@Example.jp")
    with store.session() as s:
        assert resolve_caller(s, "09011112222").customer_ids == (cid,)
        ident = s.scalars(select(ChannelIdentity).where(ChannelIdentity.customer_id == cid)).one()
        assert ident.channel == "call_center"
    other = add_customer(store, phones=("06-1111-2222",))
    attach_number(store, other, "0311112222")
    attach_number(store, other, "03-1111-2222")  # twice is once
    with store.session() as s:
        assert resolve_caller(s, "0311112222").customer_ids == (other,)


def _mixed_history(store, cid, count=47):
    """Purchases differing in every column, with ties, so order and tiebreak both matter."""
    shops = [add_location(store, "S1", "Aoyama"), add_location(store, "S2", "Bunkyo"),
             add_location(store, "EC", "EC", "ec")]
    products = [add_product(store, f"P{n}", name) for n, name in enumerate(("Apple", "Banana", "Cherry"))]
    with store.transaction() as s:
        for n in range(count):
            channel = ("store", "ec", "app", "line")[n % 4]
            p = Purchase(order_no=f"ORD{n:04d}", channel=channel, customer_id=cid,
                         location_id=shops[2] if channel == "ec" else shops[n % 2],
                         purchased_at=BASE - timedelta(hours=n // 2),  # two purchases an hour
                         total=100 * (n % 5), status=("completed", "returned")[n % 7 == 0])
            s.add(p)
            s.flush()
            s.add(PurchaseLine(purchase_id=p.id, product_id=products[n % 3], quantity=1, unit_price=1))
            s.add(PurchaseLine(purchase_id=p.id, product_id=products[(n + 1) % 3], quantity=1, unit_price=1))
            if n % 3:
                s.add(PointsEntry(customer_id=cid, purchase_id=p.id, delta=n % 4 * 5,
                                  reason="earned", at=p.purchased_at))


def _all_pages(store, query, page=10):
    rows, offset = [], 0
    with store.session() as s:
        while batch := purchase_page(s, query, offset, page):
            rows += batch
            offset += page
    return rows


_KEYS = {
    "date": lambda r: r.purchased_at, "channel": lambda r: r.channel, "place": lambda r: r.place,
    "items": lambda r: r.items.split(",")[0], "amount": lambda r: r.amount,
    "points": lambda r: r.points, "status": lambda r: r.status,
}


@pytest.mark.parametrize("order_by", PURCHASE_ORDERS)
@pytest.mark.parametrize("descending", [False, True])
def test_whole_history_in_order_across_pages(store, order_by, descending):
    cid = add_customer(store)
    _mixed_history(store, cid)
    other = add_customer(store, name="他人", phones=("06-0000-0000",), external_id="X")
    add_purchases(store, other, 3)
    rows = _all_pages(store, PurchaseQuery(cid, order_by, descending))
    assert len({r.purchase_id for r in rows}) == len(rows) == 47  # no gaps, no repeats, no one else's
    key = _KEYS[order_by]
    # Expected: the column's order over the whole history; ties newest first, then by id.
    newest_first = sorted(rows, key=lambda r: (r.purchased_at, r.purchase_id), reverse=True)
    if order_by == "date":
        expected = newest_first if descending else newest_first[::-1]
    else:
        expected = sorted(newest_first, key=key, reverse=descending)  # stable sort keeps the tiebreak
    assert [r.purchase_id for r in rows] == [r.purchase_id for r in expected]


def test_sort_by_amount_finds_the_biggest_beyond_the_first_page(store):
    cid = add_customer(store)
    add_purchases(store, cid, 450)
    with store.session() as s:
        big = s.scalars(select(Purchase).where(Purchase.customer_id == cid)
                        .order_by(Purchase.purchased_at).limit(1)).one()  # the oldest: page 3 by date
        big.total = 99_999
        s.commit()
    with store.session() as s:
        first = purchase_page(s, PurchaseQuery(cid, "amount", True), 0, 200)
    assert first[0].amount == 99_999 and first[0].purchase_id == big.id


def test_filter_reaches_every_page(store):
    cid = add_customer(store)
    _mixed_history(store, cid, 60)
    ec = _all_pages(store, PurchaseQuery(cid, contains="ec"), page=7)  # channel code and the EC site
    assert {r.channel for r in ec} == {"ec"} and len(ec) == 15
    by_order_no = _all_pages(store, PurchaseQuery(cid, contains="ord0059"))  # any case
    assert [r.order_no for r in by_order_no] == ["ORD0059"]
    shop = _all_pages(store, PurchaseQuery(cid, "amount", False, contains="bunkyo"), page=4)
    assert shop and {r.place for r in shop} == {"Bunkyo"}
    assert [r.amount for r in shop] == sorted(r.amount for r in shop)
    cherries = _all_pages(store, PurchaseQuery(cid, contains="Cherry"), page=5)
    assert len(cherries) == 40 and all("Cherry" in r.items for r in cherries)
    by_label = _all_pages(store, PurchaseQuery(cid, contains="アプリ", channels=("app",)))
    assert {r.channel for r in by_label} == {"app"} and len(by_label) == 15


@pytest.mark.parametrize("text", ["%", "_", "/", "50%", "a_b", "\\"])
def test_like_wildcards_in_the_filter_are_literal(store, text):
    cid = add_customer(store)
    shop = add_location(store, "S9", "Aoyama")
    literal = add_product(store, "LIT", f"x{text}y")
    # What the text would match if % and _ were wildcards.
    wild = text.replace("%", "ZZ").replace("_", "Z")
    plain = add_product(store, "PLN", f"x{wild}y" if wild != text else "xQy")
    with store.transaction() as s:
        for n, product in enumerate((literal, plain, plain)):
            p = Purchase(order_no=f"W{n}", channel="store", customer_id=cid, location_id=shop,
                         purchased_at=BASE - timedelta(days=n), total=1)
            s.add(p)
            s.flush()
            s.add(PurchaseLine(purchase_id=p.id, product_id=product, quantity=1, unit_price=1))
    found = _all_pages(store, PurchaseQuery(cid, contains=f"x{text}y"))
    assert [r.order_no for r in found] == ["W0"]


def test_filter_text_is_bounded_and_order_checked():
    assert len(PurchaseQuery(1, contains="緑" * 5000).contains) == 100
    assert PurchaseQuery(1, contains="  \t ").is_default
    with pytest.raises(ValueError):
        PurchaseQuery(1, "total; DROP TABLE purchases")
