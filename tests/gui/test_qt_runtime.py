"""Guards against known-bad Qt bindings: a crash at exit would turn every run red."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_signal_emission_keeps_python_refcounts():
    # PySide6 6.12.0 drops a reference to True on each Signal(object) emission; the
    # interpreter then aborts in bool_dealloc at exit. Our results travel that way.
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(100):
        emitter.fired.emit(i)
    assert len(received) == 100
    assert sys.getrefcount(True) - before > -50
