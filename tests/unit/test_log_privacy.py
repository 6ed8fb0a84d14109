"""What reaches the log file: phone numbers, e-mail addresses and a database error's values
masked; dates, times, call ids and URLs left readable (domain/log_privacy.py), through the
file's own handler and formatter (services/log_file.py)."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from cti_desk.domain.log_privacy import mask_personal
from cti_desk.services.log_file import MAX_BYTES, file_handler, log_file_path


@pytest.mark.parametrize(("line", "written"), [
    ("pop: call 1732950000.42 from +81312345678, ringing", "pop: call 1732950000.42 from ***78, ringing"),
    ("caller 03-1234-5678 and 090 1234 5678", "caller ***78 and ***78"),
    ("number 0312345678.", "number ***78."),
    ("at 2026-11-30 12:00:01 and 2026-11-30T01:02:03", "at 2026-11-30 12:00:01 and 2026-11-30T01:02:03"),
    ("order A-12345 qty 3, port 54331, member M0001001", "order A-12345 qty 3, port 54331, member M0001001"),
    ("mail taro.yamada@example.co.jp sent", "mail ***@*** sent"),
    ("AMI ami://admin@pbx.example:5038 connected", "AMI ami://admin@pbx.example:5038 connected"),
    ('DETAIL:  Key (number)=(+81312345678) already exists.', "DETAIL:  Key (number)=(***) already exists."),
])
def test_what_is_masked_and_what_stays(line, written):
    assert mask_personal(line) == written


CALLER = {"n": "山田 太郎", "p": "0312345678"}  # (a traceback quotes the failing line: not here)


def test_a_database_errors_values_never_reach_the_file(tmp_path):
    path = tmp_path / "logs" / "cti-desk.log"
    handler = file_handler(path, scrub=lambda t: t.replace("hunter22", "***"))
    log = logging.getLogger("tests.log_privacy")
    log.addHandler(handler)
    log.propagate = False
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE c (name TEXT UNIQUE, phone TEXT)"))
            conn.execute(text("INSERT INTO c VALUES (:n, :p)"), CALLER)
        with pytest.raises(IntegrityError) as caught, engine.begin() as conn:
            conn.execute(text("INSERT INTO c VALUES (:n, :p)"), CALLER)  # a second time
        assert "山田" in str(caught.value)  # SQLAlchemy quotes the values...
        try:
            raise caught.value
        except IntegrityError:
            log.exception("wrap-up not saved for a caller at 03-1234-5678 (db hunter22)")
    finally:
        log.removeHandler(handler)
        handler.close()
        engine.dispose()
    written = path.read_text("utf-8")
    assert "wrap-up not saved for a caller at ***78 (db ***)" in written
    assert "Traceback" in written and "[parameters: masked]" in written  # ...the file does not
    for private in ("山田", "0312345678", "1234-5678", "hunter22"):
        assert private not in written


def test_the_file_rotates_and_sits_in_the_log_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CTI_DESK_LOG_DIR", str(tmp_path / "here"))
    assert log_file_path() == tmp_path / "here" / "cti-desk.log"
    assert log_file_path("relay") == tmp_path / "here" / "cti-desk-relay.log"
    handler = file_handler(log_file_path())
    try:
        assert handler.maxBytes == MAX_BYTES == 5 * 1024 * 1024 and handler.backupCount == 5
    finally:
        handler.close()


def test_a_folder_that_cannot_be_written_means_no_file_not_a_crash(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert file_handler(blocker / "cti-desk.log") is None
