"""The screen pop's few statements (services/story_reads.py) show what the general reads
show: the same card, first purchase page and inquiries, on SQLite and PostgreSQL."""

from datetime import date, timedelta

from sqlalchemy import event

from cti_desk.domain.model import Resolution
from cti_desk.services.customers import customer_summary
from cti_desk.services.history import (
    PAGE_SIZE,
    customer_story,
    pending_deliveries,
    pop_for_caller,
    purchase_page,
)
from cti_desk.store.models import (
    CustomerEmail,
    CustomerPhone,
    DeliveryOrder,
    DeliveryOrderLine,
    InquiryEntry,
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


def _order(s, customer_id: int, n: int, status: str, lines: list[tuple[int, int, int]], location: int,
           purchase_id: int | None = None) -> None:
    o = DeliveryOrder(order_no=f"CC-{customer_id}-{n}", customer_id=customer_id, recipient="山田 太郎",
                      postal_code="1500001", prefecture="東京都", city="渋谷区", line1="神宮前1-1-1",
                      delivery_date=date(2026, 10, 5), slot="am", payment="cod", total=300 * n,
                      status=status, purchase_id=purchase_id,
                      created_at=BASE - timedelta(hours=n % 3))  # ties in created_at on purpose
    s.add(o)
    s.flush()
    for product, quantity, _ in lines:
        s.add(DeliveryOrderLine(order_id=o.id, product_id=product, location_id=location,
                                quantity=quantity, unit_price=150))


def _rich_customer(store) -> int:
    """A customer with everything a pop shows: more than a page of purchases (some on the
    same second), several lines, points earned and revoked, EC and shop, pending orders."""
    cid = add_customer(store, phones=("03-1234-5678", "090-1111-2222"), member_id="M-7")
    add_customer(store, name="他人", phones=("03-9999-0000",))  # someone else's rows around
    add_address(store, cid)
    add_address(store, cid, "大阪府", "大阪市北区")
    shop = add_location(store)
    tea, cake = add_product(store), add_product(store, "SKU-2", "どら焼き", 200)
    add_purchases(store, cid, PAGE_SIZE + 5)
    ec = add_purchases(store, cid, 4, channel="ec", status="shipped", points=0)
    with store.transaction() as s:
        # Same second as the newest shop purchase: the page breaks the tie by id.
        p = Purchase(order_no="TIE-1", channel="store", customer_id=cid, location_id=shop,
                     purchased_at=BASE, total=999, status="cancelled")
        s.add(p)
        s.flush()
        s.add_all([PurchaseLine(purchase_id=p.id, product_id=cake, quantity=1, unit_price=200),
                   PurchaseLine(purchase_id=p.id, product_id=tea, quantity=3, unit_price=150),
                   PointsEntry(customer_id=cid, purchase_id=p.id, delta=20, reason="earned", at=BASE),
                   PointsEntry(customer_id=cid, purchase_id=p.id, delta=-20, reason="revoked", at=BASE),
                   PointsEntry(customer_id=cid, purchase_id=ec[0], delta=7, reason="earned", at=BASE),
                   PointsEntry(customer_id=cid, purchase_id=None, delta=-5, reason="spent", at=BASE)])
        for n in range(1, 7):
            status = ("confirmed", "shipped", "cancelled", "delivered", "confirmed", "confirmed")[n - 1]
            _order(s, cid, n, status, [(tea, n, 0), (cake, 1, 0)] if n % 2 else [(cake, 2, 0)], shop,
                   purchase_id=p.id if n == 6 else None)
        s.add(CustomerEmail(customer_id=cid, email="taro@example.jp"))
        s.add(CustomerEmail(customer_id=cid, email="taro@example.jp"))  # twice from two channels
        s.add(CustomerPhone(customer_id=cid, e164="+81312345678", kind="home", raw="03-1234-5678"))
    add_inquiry(store, cid, notes="old", opened_at=BASE - timedelta(days=9))
    open_id = add_inquiry(store, cid, notes="open", status="open", opened_at=BASE - timedelta(days=30))
    with store.transaction() as s:
        for n, at in enumerate((BASE - timedelta(days=29), BASE - timedelta(days=30))):
            s.add(InquiryEntry(inquiry_id=open_id, call_id=f"c-{n}", channel="call_center",
                               operator=f"op{n}", started_at=at, ended_at=at + timedelta(minutes=3),
                               written_at=at, notes=f"entry {n}", disposition="callback"))
    return cid


def test_the_pops_first_page_is_the_general_reads_first_page(store):
    cid = _rich_customer(store)
    with store.session() as s:
        story = customer_story(s, cid)
        expected = pending_deliveries(s, cid) + purchase_page(s, cid, 0)
    assert story.purchases == expected
    pending = [r for r in story.purchases if r.purchase_id is None]
    # Not cancelled, delivered or purchased; newest first, a tie newest id first.
    assert [r.order_no for r in pending] == [f"CC-{cid}-{n}" for n in (1, 5, 2)]
    assert pending[1].items == "緑茶 500ml ×5, どら焼き"
    assert pending[2].items == "どら焼き ×2" and pending[2].product_ids == (add_product(store, "SKU-2"),)
    tie = next(r for r in story.purchases if r.order_no == "TIE-1")
    assert (tie.items, tie.points, tie.status) == ("どら焼き, 緑茶 500ml ×3", 0, "cancelled")
    assert [r.place for r in story.purchases if r.channel == "ec"] == ["EC"] * 4
    assert story.purchase_count == PAGE_SIZE + 5 + 4 + 1
    assert len(story.purchases) == len(pending) + PAGE_SIZE


def test_the_pops_card_and_inquiries(store):
    cid = _rich_customer(store)
    with store.session() as s:
        summary = customer_summary(s, cid)
        story = customer_story(s, cid)
    assert summary.member_ids == ["M-7"]
    assert summary.phones == [("home", "+81312345678"), ("mobile", "+819011112222")]  # once each, as stored
    assert summary.emails == ["taro@example.jp"]
    assert [(a.prefecture, a.city, a.postal_code, a.line1) for a in summary.addresses] == [
        ("東京都", "渋谷区", "1500001", "神宮前1-1-1"), ("大阪府", "大阪市北区", "1500001", "神宮前1-1-1")]
    assert summary.points == 10 * (PAGE_SIZE + 5) + 7 - 5
    assert summary.order_count == PAGE_SIZE + 10 and summary.segment == "loyal"
    assert [i.notes for i in story.inquiries] == ["open", "old"]  # open first
    thread = story.inquiries[0].entries
    assert [(e.call_id, e.operator, e.notes) for e in thread] == [("c-1", "op1", "entry 1"), ("c-0", "op0", "entry 0")]
    assert thread[0].started_at == BASE - timedelta(days=30) and thread[0].ended_at.minute == 3
    assert story.inquiries[1].entries == () and story.inquiries[1].closed_at == BASE - timedelta(days=9, minutes=-5)
    with store.session() as s:
        assert customer_summary(s, cid + 1000) is None
        assert customer_story(s, cid + 1000) is None


def test_a_pop_asks_the_store_five_times(store):
    """The number, the card, the first page with its lines, the inquiries with their threads,
    and the transaction's start: whatever the customer has."""
    cid = _rich_customer(store)
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    pop = pop_for_caller(store, "0312345678", "suzuki", None, audited=False)
    assert pop.match.resolution is Resolution.UNIQUE and pop.story.summary.id == cid
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 4, statements
    assert len(statements) <= 5, statements
