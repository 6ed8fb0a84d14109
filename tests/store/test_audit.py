"""The audit log: append-only in the code and in the store (triggers on SQLite and
PostgreSQL), every row with its person and desk, and the supervisor's search by customer,
person and Japan date."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

import cti_desk
from cti_desk.domain.roles import AccessDenied, Role
from cti_desk.services import audit
from cti_desk.services.access import Seat
from cti_desk.store.db import open_store
from cti_desk.store.models import AuditEntry

SOURCE = Path(cti_desk.__file__).parent
SUPERVISOR = Seat("tanaka", Role.SUPERVISOR, "desk-sv")


def _rows(store) -> list[tuple]:
    with store.session() as s:
        return s.execute(select(AuditEntry.id, AuditEntry.actor, AuditEntry.detail).order_by(AuditEntry.id)).all()


def _write(store, *rows) -> None:
    with store.transaction() as s:
        for actor, desk, action, customer_id, at in rows:
            audit.record(s, actor, action, customer_id, "call-1", "seen", desk=desk, at=at)


def test_the_store_refuses_to_change_or_remove_an_audit_row(store):
    _write(store, ("sato", "desk-1", "customer.open", 7, datetime(2026, 11, 2, 1, 0)))
    before = _rows(store)
    attempts = [
        lambda s: s.execute(update(AuditEntry).values(actor="someone else")),
        lambda s: s.execute(delete(AuditEntry)),
        lambda s: s.execute(text("UPDATE audit_log SET detail = 'nothing seen' WHERE customer_id = 7")),
        lambda s: s.execute(text("DELETE FROM audit_log WHERE customer_id = 7")),
        lambda s: setattr(s.scalars(select(AuditEntry)).one(), "customer_id", 8),  # an ORM change
        lambda s: s.delete(s.scalars(select(AuditEntry)).one()),
    ]
    for attempt in attempts:
        with pytest.raises(DBAPIError, match="audit_log is append-only"), store.transaction() as s:
            attempt(s)
            s.flush()
    assert _rows(store) == before
    _write(store, ("sato", "desk-1", "customer.open", 8, datetime(2026, 11, 2, 2, 0)))  # adding still works
    assert len(_rows(store)) == 2


@pytest.mark.pg
def test_postgresql_refuses_truncate_too(pg_url):
    store = open_store(pg_url)
    try:
        _write(store, ("sato", "desk-1", "customer.open", 7, datetime(2026, 11, 2, 1, 0)))
        with pytest.raises(DBAPIError, match="audit_log is append-only"), store.transaction() as s:
            s.execute(text("TRUNCATE audit_log"))
        assert len(_rows(store)) == 1
    finally:
        store.dispose()


def _python_sources():
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, path.read_text(encoding="utf-8")


def test_no_code_path_updates_or_deletes_audit_rows():
    """Nothing in cti-desk writes an UPDATE or DELETE of audit_log (the migrations only make
    and drop the table), and every row goes through audit.record, which fills the desk."""
    forbidden = re.compile(
        r"(update|delete)\(\s*AuditEntry|AuditEntry\.__table__\.(update|delete)"
        r"|(UPDATE|DELETE\s+FROM|TRUNCATE)\s+(TABLE\s+)?audit_log|\.delete\(\s*(entry|audit)",
        re.IGNORECASE)
    checked = 0
    for path, source in _python_sources():
        checked += 1
        assert not forbidden.search(source), f"{path} changes audit rows"
        if path.name != "audit.py" or path.parent.name != "services":
            assert not re.search(r"(?<!class )\bAuditEntry\(", source), f"{path} makes an audit row without audit.record"
    assert checked > 100


def test_every_row_has_its_person_and_desk(store):
    """The desk given, else this process's (settings [seat] desk=, else the host name)."""
    with store.transaction() as s:
        audit.record(s, "sato", "customer.open", 7, desk="desk-1")
        audit.record(s, "suzuki", "customer.open", 7)
        audit.record(s, "", "customer.open", 7, desk="  \x07 ")
    with store.session() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.desk).order_by(AuditEntry.id)).all()
    assert rows[0] == ("sato", "desk-1")
    assert rows[1].desk == rows[2].desk != "" and rows[2].actor == "?"


def _story(store) -> None:
    # Japan days: 2026-11-01 15:00 UTC is 2026-11-02 00:00 in Tokyo.
    _write(store,
           ("sato", "desk-1", "customer.open", 7, datetime(2026, 11, 1, 14, 59, 59)),   # 11-01 23:59:59
           ("sato", "desk-1", "order.place", 7, datetime(2026, 11, 1, 15, 0)),          # 11-02 00:00
           ("suzuki", "desk-2", "customer.open", 7, datetime(2026, 11, 2, 3, 0)),       # 11-02
           ("suzuki", "desk-2", "customer.open", 9, datetime(2026, 11, 3, 14, 59)),     # 11-03 23:59
           ("kiosk:S-SHIBUYA", "kiosk-1", "kiosk.customer_lookup", 9, datetime(2026, 11, 3, 15, 0)),  # 11-04
           ("sato", "desk-1", "inquiry.save", None, datetime(2026, 11, 5, 0, 0)))


def _found(store, **filters) -> list[tuple]:
    return [(r.person, r.action, r.customer_id, r.at.isoformat(timespec="seconds"))
            for r in audit.search(store, SUPERVISOR, **filters)]


def test_a_supervisor_searches_by_customer_person_and_date(store):
    _story(store)
    assert len(_found(store)) == 6
    assert [r[3] for r in _found(store)] == sorted((r[3] for r in _found(store)), reverse=True)  # newest first
    assert _found(store, customer_id=9) == [
        ("kiosk:S-SHIBUYA", "kiosk.customer_lookup", 9, "2026-11-03T15:00:00"),
        ("suzuki", "customer.open", 9, "2026-11-03T14:59:00")]
    assert [r[1] for r in _found(store, person="sato")] == ["inquiry.save", "order.place", "customer.open"]
    assert _found(store, person="Sato") == []  # the name as written on the records
    assert _found(store, person="  sato ", customer_id=7, since=date(2026, 11, 2)) == [
        ("sato", "order.place", 7, "2026-11-01T15:00:00")]
    # Japan days, inclusive at both ends.
    assert [r[3] for r in _found(store, since=date(2026, 11, 2), until=date(2026, 11, 3))] == [
        "2026-11-03T14:59:00", "2026-11-02T03:00:00", "2026-11-01T15:00:00"]
    assert [r[3] for r in _found(store, until=date(2026, 11, 1))] == ["2026-11-01T14:59:59"]
    assert [r[1] for r in _found(store, since=date(2026, 11, 4))] == ["inquiry.save", "kiosk.customer_lookup"]
    assert _found(store, since=date(2026, 11, 6)) == []
    assert len(_found(store, limit=2)) == 2
    row = audit.search(store, SUPERVISOR, customer_id=9)[0]
    assert row.as_dict() == {"id": row.id, "at": "2026-11-04T00:00:00+09:00", "person": "kiosk:S-SHIBUYA",
                             "desk": "kiosk-1", "action": "kiosk.customer_lookup", "customer_id": 9,
                             "call_id": "call-1", "detail": "seen"}


def test_only_a_supervisor_searches(tmp_path):
    from cti_desk.store.db import Store

    bare = Store(f"sqlite:///{tmp_path / 'no-schema.sqlite3'}")  # never asked
    try:
        for role in (Role.OPERATOR, Role.KIOSK):
            with pytest.raises(AccessDenied):
                audit.search(bare, Seat("sato", role, "desk-1"), customer_id=7)
    finally:
        bare.dispose()


def test_an_import_is_one_audit_row_with_who_and_what(store):
    from cti_desk.services.importer import import_csv

    fixtures = Path(__file__).parent.parent / "fixtures" / "csv"
    result = import_csv(store, "customers", fixtures / "customers.csv", actor="admin-kato")
    with store.session() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.customer_id, AuditEntry.detail,
                                AuditEntry.desk)).all()
    assert rows == [("admin-kato", "import.customers", None, result.summary(), rows[0].desk)]
    assert rows[0].desk and "customers.csv: imported" in rows[0].detail


def _readme_grants(role: str) -> list[str]:
    """The README's PostgreSQL statements for the seats' role, as written there."""
    readme = (SOURCE.parent / "README.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(readme) if line.startswith("    -- as the owner, after `cti-desk db upgrade`"))
    block = []
    for line in readme[start + 1:]:
        if not line.startswith("    "):
            break
        block.append(line.strip().rstrip(";").replace("cti_app", role))
    return block


@pytest.mark.pg
def test_the_readme_recipe_leaves_the_seats_role_unable_to_change_the_log(pg_url):
    """The seats connect as a role made by the README's statements: they work as before, and
    PostgreSQL itself refuses that role any UPDATE, DELETE or TRUNCATE of audit_log."""
    import uuid

    from sqlalchemy.engine import make_url

    from cti_desk.services.inquiries import WrapUp
    from cti_desk.services.seat_services import SeatServices
    from cti_desk.store.db import make_engine
    from tests.retail_factories import add_retail

    role = f"cti_app_{uuid.uuid4().hex[:8]}"
    owner = make_engine(pg_url)
    try:
        with owner.begin() as conn:
            conn.execute(text(f"CREATE ROLE {role} LOGIN"))
            for statement in _readme_grants(role):
                conn.execute(text(statement))
        assert len(_readme_grants(role)) == 4
        owner_store = open_store(pg_url)
        r = add_retail(owner_store)
        owner_store.dispose()
        seat_url = make_url(pg_url).set(username=role, password=None).render_as_string(hide_password=False)
        store = open_store(seat_url)
        try:
            operator = SeatServices(store, Seat("sato", Role.OPERATOR, "desk-1"))
            new = operator.create_customer_from_call("佐藤 花子", "サトウ ハナコ", "0311112222", call_id="c-1")
            operator.open_customer(new, "c-1")
            operator.save_wrapup(WrapUp(call_id="c-1", operator="sato", opened_at=audit.utcnow(), customer_id=new,
                                        disposition="question_answered"), during_call="c-1")
            operator.attach_number(r.customer_id, "090-3333-4444")
            found = SeatServices(store, SUPERVISOR).audit_search()
            assert [row.action for row in found][::-1] == ["customer.create", "customer.open", "inquiry.save",
                                                           "customer.attach_phone"]
            for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
                with pytest.raises(DBAPIError, match="permission denied for table audit_log"), \
                        store.transaction() as s:
                    s.execute(text(statement))
        finally:
            store.dispose()
    finally:
        with owner.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        owner.dispose()
