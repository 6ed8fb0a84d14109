"""The log file an IT person reads when a desk shows no pops: rotating, in the user log
dir, with secrets and personal data masked (domain/log_privacy.py).

    <user log dir>/cti-desk.log            the window (what `check` and About point at)
    <user log dir>/cti-desk-<command>.log  monitor, relay, inbox... (one writer per file:
                                           two processes rotating one file lose lines)

`CTI_DESK_LOG_DIR` moves the folder (tests, a shared drive).
"""

from __future__ import annotations

import copy
import logging
import logging.handlers
import os
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_log_dir

from cti_desk.domain.log_privacy import mask_personal

MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


def log_dir() -> Path:
    return Path(os.environ.get("CTI_DESK_LOG_DIR") or user_log_dir("cti-desk"))


def log_file_path(command: str | None = None) -> Path:
    """The window's log file (command None), or the file of one command."""
    name = "cti-desk.log" if not command else f"cti-desk-{command}.log"
    return log_dir() / name


class PrivateFormatter(logging.Formatter):
    """Each record's message, traceback and stack masked before it is written; the time,
    level and logger name are left alone (a date is not a phone number).
    `scrub` masks the run's secrets as well (the CLI's redact.scrub)."""

    def __init__(self, fmt: str = FORMAT, scrub: Callable[[str], str] | None = None) -> None:
        super().__init__(fmt)
        self._scrub = scrub or (lambda text: text)

    def _mask(self, text: str) -> str:
        return mask_personal(self._scrub(text))

    def format(self, record: logging.LogRecord) -> str:
        masked = copy.copy(record)  # other handlers (stderr) still see the record as it was
        masked.msg, masked.args = self._mask(record.getMessage()), None
        if record.exc_info:
            masked.exc_text = self._mask(self.formatException(record.exc_info))
        elif record.exc_text:
            masked.exc_text = self._mask(record.exc_text)
        masked.exc_info = None
        if record.stack_info:
            masked.stack_info = self._mask(record.stack_info)
        return super().format(masked)


def file_handler(path: Path, scrub: Callable[[str], str] | None = None) -> logging.Handler | None:
    """A rotating handler on `path` (5 MB x 5), or None when the folder cannot be written:
    a desk without a log file still takes calls."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file (%s): %s", path, exc.strerror or exc)
        return None
    handler.setFormatter(PrivateFormatter(scrub=scrub))
    return handler
