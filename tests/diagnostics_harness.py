"""What the `check` tests and the Help > Diagnostics tests share: the project's fake
Asterisk answering CoreSettings (its version), and a port where nothing listens."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

from tests.gui.test_dial_pause import PbxThread
from tests.telephony.test_link_reports import CORE_SETTINGS


@contextlib.contextmanager
def answering_pbx() -> Iterator[PbxThread]:
    p = PbxThread()
    p.answer("CoreSettings", CORE_SETTINGS)
    try:
        yield p
    finally:
        p.close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
