"""Call > Settings… in the real operator window (offscreen, real SQLite store, the
project's fake Asterisk on 127.0.0.1; issue 15): "Test connection" shows a refused login
on the secret's field and a good one with the PBX's version; Save puts the AMI secret and
the webhook token in the keyring and nowhere else (not the TOML, not the log file, not a
command line), and `cti-desk check` with no arguments then logs in with what was saved;
bad values are messages under their fields and nothing is written."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cti_desk.qt.settings_menu import install_settings
from cti_desk.services.log_file import file_handler, log_file_path
from cti_desk.settings.paths import config_dir
from cti_desk.settings.toml_file import load_settings, toml_path
from cti_desk.store.db import head_revision
from cti_desk.telephony.sources import parse_source
from tests.diagnostics_harness import answering_pbx, closed_port

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                                         "does not support raise")]

ROOT = Path(__file__).resolve().parents[2]
CTI_DESK = Path(sys.executable).with_name("cti-desk")
SECRET = "s3cret"  # the fake Asterisk's


@pytest.fixture
def pbx():
    with answering_pbx() as p:
        yield p


@pytest.fixture
def log_file():
    """The log file as `cti-desk` writes it, at DEBUG, for everything (asyncio, keyring...)."""
    path = log_file_path()
    handler = file_handler(path)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(level)
    handler.close()


@pytest.fixture
def dialog(qtbot, window):
    entry = install_settings(window, load_settings(config_dir()), db_url=window.store.url)
    assert "actSettings" in [a.objectName() for a in window.call_menu.actions()]
    entry.act_settings.trigger()
    d = entry.dialog
    qtbot.waitExposed(d)
    yield d
    d.close()


def fill_ami(d, port: int, secret: str, md5: bool = False, user: str = "admin") -> None:
    d.kind.setCurrentIndex(d.kind.findData("ami"))
    d.ami_host.setText("127.0.0.1")
    d.ami_port.setValue(port)
    d.ami_user.setText(user)
    d.ami_md5.setChecked(md5)
    d.ami_secret.setText(secret)


def tried_connection(qtbot, d) -> str:
    d.source_test.click()
    assert not d.source_test.isEnabled()
    qtbot.waitUntil(d.source_test.isEnabled, timeout=15000)
    return d.source_result.text()


def field_error(d, name: str) -> str | None:
    label = d.errors[name]
    return label.text() if label.isVisible() else None


def shown_errors(d) -> dict[str, str]:
    return {name: label.text() for name, label in d.errors.items() if label.isVisible()}


def test_a_refused_login_is_shown_on_the_secret_field(qtbot, dialog, pbx, memory_keyring):
    fill_ami(dialog, pbx.pbx.port, "wrong")
    result = tried_connection(qtbot, dialog)
    reason = (f"ami://admin@127.0.0.1:{pbx.pbx.port}: authentication failed: check the AMI user and "
              "secret (manager.conf)")
    assert result == f"FAILED: {reason}"
    assert shown_errors(dialog) == {"amiSecret": reason}
    assert dialog.errors["amiSecret"].textFormat() == Qt.TextFormat.PlainText
    assert pbx.pbx.refused_logins == 1
    # A PBX that does not answer at all is the host's problem, said on that field.
    fill_ami(dialog, closed_port(), SECRET)
    tried_connection(qtbot, dialog)
    assert list(shown_errors(dialog)) == ["amiHost"]
    assert "connection refused (is AMI enabled on that port?" in field_error(dialog, "amiHost")
    # Testing saves nothing.
    assert not toml_path(config_dir()).exists() and memory_keyring.secrets == {}


def test_a_good_login_shows_the_pbx_version(qtbot, dialog, pbx):
    fill_ami(dialog, pbx.pbx.port, SECRET, md5=True)
    result = tried_connection(qtbot, dialog)
    assert result == f"ok: ami://admin@127.0.0.1:{pbx.pbx.port}: logged in, Asterisk 13.18.3 / pbx-tokyo"
    assert shown_errors(dialog) == {}
    assert pbx.pbx.logins == 1 and pbx.pbx.refused_logins == 0


def test_the_secret_lands_in_the_keyring_and_nowhere_else(qtbot, dialog, pbx, memory_keyring, log_file,
                                                          tmp_path):
    fill_ami(dialog, pbx.pbx.port, SECRET, md5=True)
    dialog.agent.setText("PJSIP/2017")
    dialog.store_url.setText(dialog.desk_db_url)
    assert tried_connection(qtbot, dialog).startswith("ok: ")
    assert dialog.save()
    assert dialog.note.text().startswith(f"Saved to {toml_path(config_dir())}. Restart cti-desk")
    assert dialog.ami_secret.text() == ""  # not kept in the dialog either

    username = f"ami://admin@127.0.0.1:{pbx.pbx.port}"
    assert memory_keyring.secrets == {("cti-desk", username): SECRET}
    text = toml_path(config_dir()).read_text("utf-8")
    assert SECRET not in text
    saved = tomllib.loads(text)
    assert saved["source"] == {"url": f"ami://admin@127.0.0.1:{pbx.pbx.port}?secret=keyring&auth=md5",
                               "agent": "PJSIP/2017"}
    assert saved["store"] == {"url": dialog.desk_db_url}
    written = log_file.read_text("utf-8")
    assert f"keyring entries: cti-desk/{username}" in written and SECRET not in written
    assert SECRET.encode() not in Path("/proc/self/cmdline").read_bytes()

    # The next start takes it from there: `cti-desk check`, no arguments, no secret on its
    # command line, logs in with the keyring's secret (a file keyring standing in for the OS's).
    keys = tmp_path / "keyring.json"
    keys.write_text(json.dumps({f"{s}/{u}": p for (s, u), p in memory_keyring.secrets.items()}), "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CTI_DESK_") or k.endswith("_DIR")}
    env.update(PYTHON_KEYRING_BACKEND="tests.app.file_keyring.FileKeyring", CTI_DESK_TEST_KEYRING=str(keys),
               PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([str(CTI_DESK), "check"], capture_output=True, text=True, env=env, timeout=60,
                          check=False)
    lines = done.stdout.splitlines()
    assert f"{username}: logged in, Asterisk 13.18.3 / pbx-tokyo" in lines[1], done.stdout + done.stderr
    assert lines[0].startswith("store") and f"schema {head_revision(dialog.parent().store.engine)}" in lines[0]
    assert SECRET not in done.stdout + done.stderr

    # Shown again: the fields as saved, the secret field empty ("empty keeps the saved one").
    dialog.desk = load_settings(config_dir())
    dialog._load()
    assert (dialog.ami_host.text(), dialog.ami_port.value(), dialog.ami_user.text()) == (
        "127.0.0.1", pbx.pbx.port, "admin")
    assert dialog.ami_md5.isChecked() and dialog.ami_secret.text() == ""
    assert tried_connection(qtbot, dialog).startswith("ok: ")  # with the keyring's secret


def test_the_webhook_token_goes_to_the_keyring_too(dialog, memory_keyring):
    dialog.kind.setCurrentIndex(dialog.kind.findData("webhook"))
    dialog.webhook_port.setValue(8099)
    dialog.webhook_token.setText("tok-7f3a9")
    assert dialog.save()
    url = load_settings(config_dir()).get("source.url")
    assert url == "webhook://0.0.0.0:8099?token=keyring"
    assert memory_keyring.secrets == {("cti-desk", "webhook://0.0.0.0:8099"): "tok-7f3a9"}
    assert "tok-7f3a9" not in toml_path(config_dir()).read_text("utf-8")
    assert parse_source(url).token == "tok-7f3a9"  # what the next start reads


def test_bad_values_are_messages_on_their_fields_and_nothing_is_saved(qtbot, dialog, memory_keyring):
    fill_ami(dialog, 5038, SECRET, user="")
    dialog.agent.setText("2001")
    dialog.oms_url.setText("ftp://oms.example")
    dialog.store_url.setText("postgresql+psycopg://desk:hunter2@db.example/cti")
    assert not dialog.save()
    errors = shown_errors(dialog)
    assert set(errors) == {"amiUser", "agent", "omsUrl", "storeUrl"}
    assert errors["amiUser"] == "the AMI user of manager.conf, e.g. cti-desk"
    assert errors["agent"].startswith("expected the phone's interface")
    assert errors["omsUrl"].startswith("expected http://")
    assert errors["storeUrl"].startswith("a password does not belong in the settings file")
    assert "hunter2" not in " ".join(errors.values())
    assert dialog.note.text() == "Not saved: see the messages under the fields."
    assert not toml_path(config_dir()).exists() and memory_keyring.secrets == {}
    # Fixed, they go away and it saves.
    dialog.ami_user.setText("admin")
    dialog.agent.setText("PJSIP/2001")
    dialog.oms_url.setText("")
    dialog.store_url.setText("")
    assert dialog.save() and shown_errors(dialog) == {}


def test_the_store_test_says_current_or_why_not(qtbot, dialog, tmp_path):
    def store_test(url: str) -> str:
        dialog.store_url.setText(url)
        dialog.store_test.click()
        qtbot.waitUntil(dialog.store_test.isEnabled, timeout=15000)
        return dialog.store_result.text()

    head = head_revision(dialog.parent().store.engine)
    assert store_test(dialog.desk_db_url).endswith(f": schema {head} (current)")
    missing = tmp_path / "gone" / "store.sqlite3"
    assert store_test(f"sqlite:///{missing}") == (
        f"FAILED: {missing}: its folder {missing.parent} does not exist")
    dialog.store_url.setText("")
    dialog.store_test.click()
    assert field_error(dialog, "storeUrl") == "Enter a store URL to test it."


def test_the_dialog_follows_a_live_switch_to_japanese(qtbot, dialog, window):
    from cti_desk.qt import i18n

    try:
        window.set_language("ja")
        qtbot.waitUntil(lambda: dialog.windowTitle() == "設定")  # the LanguageChange is posted to it
        assert window.settings_entry.act_settings.text() == "設定…"
        assert dialog.rows["store"].text() == "データベースのURL" and dialog.source_test.text() == "接続テスト"
        assert dialog.kind.itemText(0) == "Asterisk（AMI）"
        dialog.store_url.setText("")
        dialog.store_test.click()
        assert field_error(dialog, "storeUrl") == "テストするデータベースのURLを入力してください。"
        dialog.agent.setText("2001")  # the core's check says it in English; the field in Japanese
        assert not dialog.save()
        assert field_error(dialog, "agent").startswith("電話機のインターフェースを TECH/resource の形で")
    finally:
        i18n.install_language("en")
