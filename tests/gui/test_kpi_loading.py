"""The KPI tab loads its parts at once and shows each as it comes (offscreen, real stores):
a slow journey says it is counting while the rows and the asked products are shown; a
part that fails says so while the others show; another grouping asks for the rows only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, text

from cti_desk.qt import tasks
from cti_desk.qt.supervisor.kpi_view import KpiView
from cti_desk.services.kpi import asked_out_of_stock, journey, kpi_rows
from cti_desk.store.db import open_store
from cti_desk.store.models import Customer
from tests.gui.conftest import our_threads
from tests.store import kpi_story
from tests.store.kpi_story import FROM, TO

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def open_view(qtbot):
    made = []

    def make(store):
        kpi_story.build(store)
        view = KpiView(store, today=TO)
        qtbot.addWidget(view)
        view.set_range(FROM, TO, by="day")
        view.show()
        qtbot.waitExposed(view)
        shown: list[str] = []
        view.partLoaded.connect(shown.append)
        made.append(view)
        return view, shown

    yield make
    tasks.shutdown()
    for view in made:
        view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert our_threads() == []


def rows_of(model) -> list:
    return list(model.rows)


@pytest.mark.pg
def test_a_slow_journey_says_it_is_counting_while_the_rest_shows(qtbot, open_view, pg_url):
    store = open_store(pg_url)
    locker = create_engine(pg_url)
    try:
        view, shown = open_view(store)
        with locker.connect() as conn:
            conn.begin()
            # The journey reads customers (its new prospects); the rows and the asked
            # products never do: only the journey waits for this lock.
            conn.execute(text("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE"))
            view.refresh()
            qtbot.waitUntil(lambda: {"rows", "asked"} <= set(shown), timeout=10000)
            assert "journey" not in shown
            assert rows_of(view.rows_model) == kpi_rows(store, FROM, TO, by="day")
            assert view.rows_view.isEnabled() and view.asked_view.isEnabled()
            assert view.journey_status.text() == "Counting…"
            assert not view.journey_view.isEnabled()
            with qtbot.waitSignal(view.pageLoaded, timeout=10000):
                conn.rollback()  # the lock goes: the journey comes
        assert shown[-1] == "journey"
        assert rows_of(view.journey_model) == journey(store, FROM, TO) != []
        assert view.journey_status.text() == "" and view.journey_view.isEnabled()
    finally:
        locker.dispose()
        store.dispose()


def test_a_part_that_fails_says_so_while_the_others_show(qtbot, open_view, store):
    view, shown = open_view(store)
    with store.engine.begin() as conn:  # the journey's new prospects cannot be read
        conn.exec_driver_sql("ALTER TABLE customers RENAME TO customers_elsewhere")
    with qtbot.waitSignal(view.failed, timeout=10000) as failure, \
            qtbot.waitSignal(view.pageLoaded, timeout=10000):
        view.refresh()
    assert "customers" in failure.args[0]
    assert sorted(shown) == ["asked", "rows"]
    assert rows_of(view.rows_model) == kpi_rows(store, FROM, TO, by="day")
    assert rows_of(view.asked_model) == asked_out_of_stock(store, FROM, TO)
    assert view.journey_status.text().startswith("Could not count: ")
    assert rows_of(view.journey_model) == [] and view.journey_view.isEnabled()

    # Once it can be read again, another grouping asks for the failed journey too.
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE customers_elsewhere RENAME TO customers")
    shown.clear()
    with qtbot.waitSignal(view.pageLoaded, timeout=10000):
        view.by_box.setCurrentIndex(view.by_box.findData("segment"))
    assert sorted(shown) == ["asked", "journey", "rows"]
    assert rows_of(view.journey_model) == journey(store, FROM, TO) != []
    assert view.journey_status.text() == ""


def test_another_grouping_asks_for_the_rows_only(qtbot, open_view, store):
    view, shown = open_view(store)
    with qtbot.waitSignal(view.pageLoaded, timeout=10000):
        view.refresh()
    assert sorted(shown) == ["asked", "journey", "rows"]
    before = journey(store, FROM, TO)
    assert rows_of(view.journey_model) == before
    with store.transaction() as s:  # a new prospect in the range: a journey asked again would show it
        s.add(Customer(name="新規 様", created_at=kpi_story.jst(11, 1, 8)))
    assert journey(store, FROM, TO) != before

    shown.clear()
    with qtbot.waitSignal(view.pageLoaded, timeout=10000):
        view.by_box.setCurrentIndex(view.by_box.findData("segment"))
    assert shown == ["rows"]
    assert rows_of(view.rows_model) == kpi_rows(store, FROM, TO, by="segment")
    assert rows_of(view.journey_model) == before and view.journey_status.text() == ""

    shown.clear()  # Show asks for every part again
    with qtbot.waitSignal(view.pageLoaded, timeout=10000):
        view.refresh_button.click()
    assert sorted(shown) == ["asked", "journey", "rows"]
    assert rows_of(view.journey_model) == journey(store, FROM, TO)

    shown.clear()  # another range, then another grouping: every part is the new range's
    view.set_range(FROM - timedelta(days=1), TO)
    with qtbot.waitSignal(view.pageLoaded, timeout=10000):
        view.by_box.setCurrentIndex(view.by_box.findData("day"))
    assert sorted(shown) == ["asked", "journey", "rows"]
    assert rows_of(view.journey_model) == journey(store, FROM - timedelta(days=1), TO)
