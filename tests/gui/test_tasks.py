import threading

import shiboken6
from PySide6.QtWidgets import QLabel

from cti_desk.qt.tasks import TaskRunner


def test_result_arrives_on_gui_thread(qtbot):
    runner = TaskRunner()
    got = []
    gui = threading.get_ident()

    def work():
        return threading.get_ident()

    runner.run(work, on_success=lambda r: got.append((r, threading.get_ident())))
    qtbot.waitUntil(lambda: len(got) == 1)
    worker_thread, callback_thread = got[0]
    assert worker_thread != gui
    assert callback_thread == gui
    runner.shutdown()


def test_newer_op_with_same_key_wins(qtbot):
    runner = TaskRunner(workers=2)
    release = threading.Event()
    shown = []
    runner.run(lambda: release.wait(5) and "old call", on_success=shown.append, key="pop")
    runner.run(lambda: "new call", on_success=shown.append, key="pop")
    qtbot.waitUntil(lambda: shown == ["new call"])
    release.set()
    runner.shutdown()  # waits for the old op; its result must not be shown
    qtbot.wait(20)
    assert shown == ["new call"]


def test_failure_is_reported(qtbot):
    runner = TaskRunner()
    errors = []
    runner.run(lambda: 1 / 0, on_failure=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], ZeroDivisionError)
    runner.shutdown()


def test_results_for_a_deleted_widget_are_dropped(qtbot):
    runner = TaskRunner()
    label = QLabel()
    release = threading.Event()
    shown = []
    runner.run(lambda: release.wait(5) and "late", on_success=shown.append, owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    release.set()
    runner.shutdown()
    qtbot.wait(20)
    assert shown == []
