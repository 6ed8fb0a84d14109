"""The supervisor's audit tab offscreen on a real store: the three filters, the plain-text
table, a refusal for a seat that is no supervisor's; the windows pass their seat (person,
role, desk) to the services."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.roles import Role
from cti_desk.qt import i18n, tasks
from cti_desk.qt.supervisor.audit_view import AuditView
from cti_desk.qt.supervisor.window import SupervisorWindow
from cti_desk.services import audit
from cti_desk.services.access import Seat, this_desk, use_desk
from cti_desk.store.models import AuditEntry
from tests.factories import add_customer
from tests.gui.conftest import our_threads

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

SUPERVISOR = Seat("tanaka", Role.SUPERVISOR, "desk-sv")
TODAY = date(2026, 11, 5)


def _story(store) -> None:
    with store.transaction() as s:
        for actor, desk, action, customer_id, at, detail in (
            ("sato", "desk-1", "customer.open", 7, datetime(2026, 11, 1, 14, 59), ""),       # 11-01 23:59 JST
            ("sato", "desk-1", "order.place", 7, datetime(2026, 11, 1, 15, 0), "CC-1\t2点"),  # 11-02 00:00
            ("suzuki", "desk-2", "customer.open", 9, datetime(2026, 11, 3, 1, 0), ""),        # 11-03 10:00
            ("kiosk:S-SHIBUYA", "kiosk-1", "kiosk.customer_lookup", 9, datetime(2026, 11, 4, 2, 0),
             "<b>shop=S-SHIBUYA</b>"),
        ):
            audit.record(s, actor, action, customer_id, "call-1", detail, desk=desk, at=at)


@pytest.fixture
def open_view(qtbot):
    made = []

    def make(store, seat=SUPERVISOR):
        view = AuditView(store, today=TODAY, seat=seat)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        made.append(view)
        return view

    yield make
    tasks.shutdown()
    for view in made:
        view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert our_threads() == []


def _search(qtbot, view) -> list[list[str]]:
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    model = view.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_three_filters(qtbot, open_view, store):
    _story(store)
    view = open_view(store)
    assert view.start_edit.date().toPython() == date(2026, 10, 30) and view.end_edit.date().toPython() == TODAY
    rows = _search(qtbot, view)  # the last 7 days by default
    assert [r[0] for r in rows] == ["2026-11-04 11:00:00", "2026-11-03 10:00:00", "2026-11-02 00:00:00",
                                    "2026-11-01 23:59:00"]
    assert rows[0] == ["2026-11-04 11:00:00", "kiosk:S-SHIBUYA", "kiosk-1", "Kiosk member lookup", "9", "call-1",
                       "<b>shop=S-SHIBUYA</b>"]  # as plain text
    assert rows[2][6] == "CC-1 2点"  # one line
    assert view.status.text() == "4 rows"

    qtbot.keyClicks(view.customer_edit, "9")
    assert [r[1] for r in _search(qtbot, view)] == ["kiosk:S-SHIBUYA", "suzuki"]
    view.customer_edit.clear()
    qtbot.keyClicks(view.person_edit, "sato")
    assert [r[3] for r in _search(qtbot, view)] == ["Placed an order", "Opened the record"]
    view.start_edit.setDate(date(2026, 11, 2))
    assert [r[3] for r in _search(qtbot, view)] == ["Placed an order"]
    view.dates_box.setChecked(False)  # any date
    assert not view.start_edit.isEnabled() and len(_search(qtbot, view)) == 2
    view.set_filters(customer_id=7, since=date(2026, 11, 1), until=date(2026, 11, 1))
    assert [r[0] for r in _search(qtbot, view)] == ["2026-11-01 23:59:00"]
    view.set_filters(person="nobody")
    assert _search(qtbot, view) == [] and view.status.text() == "0 rows"


def test_enter_in_a_filter_searches(qtbot, open_view, store):
    _story(store)
    view = open_view(store)
    qtbot.keyClicks(view.person_edit, "suzuki")
    with qtbot.waitSignal(view.loaded, timeout=5000) as sig:
        qtbot.keyClick(view.person_edit, Qt.Key.Key_Return)
    assert sig.args == [1]


def test_a_seat_that_is_no_supervisors_is_refused(qtbot, open_view, store):
    _story(store)
    view = open_view(store, Seat("sato", Role.OPERATOR, "desk-1"))
    with qtbot.waitSignal(view.failed, timeout=5000):
        view.refresh()
    assert view.model.rowCount() == 0
    assert view.status.text() == "Could not search: The Operator role does not allow reading the audit log"
    i18n.install_language("ja")
    try:
        with qtbot.waitSignal(view.failed, timeout=5000):
            view.refresh()
        assert view.status.text() == "検索できません: オペレーターの役割では監査ログの閲覧はできません"
    finally:
        i18n.install_language("en")


def test_the_supervisor_window_has_the_audit_tab(qtbot, store, tmp_path):
    _story(store)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = SupervisorWindow(store, settings, today=TODAY, seat=SUPERVISOR)
    qtbot.addWidget(w)
    try:
        assert w.findChild(QWidget, "auditView") is w.audit_view is w.tabs.widget(2)
        assert w.tabs.tabText(2) == "Audit log"
        with qtbot.waitSignal(w.audit_view.loaded, timeout=5000) as sig:
            w.store_ready()  # the schema is there: each tab asks for its figures
        assert sig.args == [4]
        i18n.install_language("ja")
        try:
            qtbot.waitUntil(lambda: w.tabs.tabText(2) == "監査ログ", timeout=5000)  # a posted LanguageChange
            assert w.audit_view.model.index(0, 3).data() == "キオスクの会員照会"
        finally:
            i18n.install_language("en")
    finally:
        w.close()
        tasks.shutdown()


def _ring(qtbot, window, call_id: str) -> None:
    u = CallUpdate(call_id=call_id, state=CallState.RINGING, raw_number="0312345678", caller_name=None,
                   queue="support", agent=None, ts=datetime(2026, 11, 23, 1, 0).astimezone(), source="test")
    with qtbot.waitSignal(window.customerShown, timeout=5000):
        window.on_call_update(u)


def test_the_operator_window_writes_with_its_seat(qtbot, make_window, store):
    cid = add_customer(store)
    window = make_window(seat=Seat("suzuki", Role.OPERATOR, "desk-3"))
    _ring(qtbot, window, "c-77")
    with store.session() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.desk, AuditEntry.action, AuditEntry.customer_id,
                                AuditEntry.call_id)).all()
    assert rows == [("suzuki", "desk-3", "customer.open", cid, "c-77")]


def test_a_window_with_a_kiosk_seat_is_refused_a_record(qtbot, make_window, store):
    """Not a window anyone opens: the refusal comes from the services, not from the widgets."""
    cid = add_customer(store)
    window = make_window(seat=Seat("kiosk:S-SHIBUYA", Role.KIOSK, "kiosk-1"))
    with qtbot.waitSignal(window.failed, timeout=5000) as sig:
        window.open_customer(cid)
    assert sig.args == ["The Kiosk role does not allow opening a customer's record"]
    assert window.customer_id is None
    with store.session() as s:
        assert s.scalars(select(AuditEntry)).all() == []


def test_the_seat_of_a_started_window(tmp_path):
    """app/gui.py: the role, the person (a kiosk's is its shop), the desk from [seat] desk=."""
    from cti_desk.app.gui import _seat

    before = this_desk()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    try:
        settings.setValue("seat/desk", "受付 3番")
        assert _seat("operator", SimpleNamespace(), settings, "sato") == Seat("sato", Role.OPERATOR, "受付 3番")
        assert this_desk() == "受付 3番"  # on every audit row this process writes
        shop = SimpleNamespace(code="S-SHIBUYA")
        assert _seat("kiosk", SimpleNamespace(kiosk=SimpleNamespace(shop=shop)), settings, "sato") == Seat(
            "kiosk:S-SHIBUYA", Role.KIOSK, "受付 3番")
        settings.remove("seat/desk")
        assert _seat("supervisor", SimpleNamespace(), settings, "tanaka").desk == this_desk() != "受付 3番"
    finally:
        use_desk(before)


def test_the_role_words_are_all_listed_for_translation():
    from cti_desk.domain.roles import ACTION_LABELS, ROLE_LABELS, ROLE_TEXTS
    from cti_desk.qt import roles

    assert sorted(roles.ROLES) == sorted(ROLE_LABELS.values())
    assert sorted(roles.ACTIONS) == sorted(ACTION_LABELS.values())
    assert sorted(roles.TEXTS) == sorted(ROLE_TEXTS.values())
