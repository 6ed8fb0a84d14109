"""An operator's cancel, made through the seat's services on a real store, is named in the
supervisor's audit tab (English and Japanese), with who cancelled, from which desk, why."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from cti_desk.domain.roles import Role
from cti_desk.qt import i18n, tasks
from cti_desk.qt.supervisor.audit_view import AuditView
from cti_desk.services.access import Seat
from cti_desk.services.seat_services import SeatServices
from tests.gui.conftest import our_threads
from tests.retail_factories import add_retail
from tests.store.test_order_life import kettles

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def test_a_cancel_in_the_audit_tab(qtbot, store):
    r = add_retail(store)
    placed = kettles(store, r)
    SeatServices(store, Seat("sato", Role.OPERATOR, "desk-1")).cancel_order(placed.order_no, "お客様のご都合")
    japan_today = (datetime.now(UTC) + timedelta(hours=9)).date()  # the cancel's day, as the tab counts days
    view = AuditView(store, today=japan_today, seat=Seat("tanaka", Role.SUPERVISOR, "desk-sv"))
    qtbot.addWidget(view)
    try:
        view.show()
        with qtbot.waitSignal(view.loaded, timeout=5000):
            qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
        rows = [[view.model.index(row, c).data() for c in range(view.model.columnCount())]
                for row in range(view.model.rowCount())]
        [cancel] = [row for row in rows if row[3] == "Cancelled an order"]
        assert cancel[1:3] == ["sato", "desk-1"]
        assert placed.order_no in cancel[6] and "お客様のご都合" in cancel[6]
        i18n.install_language("ja")
        try:
            view.retranslate()  # what the supervisor window does on a language change
            assert "注文をキャンセル" in [view.model.index(row, 3).data() for row in range(view.model.rowCount())]
        finally:
            i18n.install_language("en")
    finally:
        tasks.shutdown()
    assert our_threads() == []
