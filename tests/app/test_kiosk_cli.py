"""`cti-desk kiosk set-pin` and the checks before a kiosk window opens, run as a user or a
shop's start-up script runs them: the real command, a real store."""

from __future__ import annotations

import os
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest

from cti_desk.app.kiosk import KioskStart, kiosk_start
from cti_desk.services.kiosk import kiosk_shop, pin_is_set, set_pin, verify_pin
from cti_desk.store.db import Store, current_revision, head_revision, open_store
from cti_desk.store.models import Location

CTI_DESK = Path(sys.executable).with_name("cti-desk")
SAFETY = 60  # seconds: only so a broken build (a window that opened) cannot hang the suite


def run(argv: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(CTI_DESK), *argv], input=stdin, capture_output=True, text=True, check=False,
                          env=env, timeout=SAFETY)


def add_shop(store, code="S-SHIBUYA", kind="shop") -> None:
    with store.transaction() as s:
        s.add(Location(code=code, name="渋谷店", kind=kind, prefecture="東京都", lead_days=1))


# --------------------------------------------------------------------------- set-pin


@pytest.mark.parametrize("line", ["482913\n", "482913\r\n", "482913"])
def test_set_pin_takes_the_pin_from_stdin_and_stores_only_its_hash(store, store_url, line):
    done = run(["kiosk", "set-pin", "--db", store_url], stdin=line)
    assert done.returncode == 0, done.stderr
    assert "482913" not in done.stdout + done.stderr
    assert done.stdout.strip() == "kiosk staff PIN set (stored hashed)"
    assert verify_pin(store, "482913") and not verify_pin(store, "482914")


@pytest.mark.parametrize(("line", "reason"), [
    ("37\n", "a PIN has 4 to 12 digits"),
    ("98765432109876\n", "a PIN has 4 to 12 digits"),
    ("98a7\n", "a PIN is digits only (0-9)"),
    ("\n", "no PIN given"),
    ("", "no PIN given"),
    ("9" * 5000, "a PIN has 4 to 12 digits"),
])
def test_a_bad_pin_is_bad_usage_in_one_line_that_never_echoes_it(sqlite_url, line, reason):
    done = run(["kiosk", "set-pin", "--db", sqlite_url], stdin=line)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [f"cti-desk: error: invalid PIN: {reason}"]
    if line.strip():
        assert line.strip()[:6] not in done.stderr
    store = open_store(sqlite_url)
    try:
        assert not pin_is_set(store)
    finally:
        store.dispose()


def test_set_pin_on_a_new_store_brings_its_schema_up_first(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert run(["kiosk", "set-pin", "--db", url], stdin="2468\n").returncode == 0
    store = Store(url)
    try:
        assert current_revision(store.engine) == head_revision(store.engine)
        assert verify_pin(store, "2468")
    finally:
        store.dispose()


# ------------------------------------------------------------------ --role kiosk refusals


def test_without_a_pin_the_kiosk_refuses_to_start_in_one_line(store, store_url):
    add_shop(store)
    done = run(["--db", store_url, "--role", "kiosk", "--shop", "S-SHIBUYA"])
    assert done.returncode == 1
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("cti-desk: kiosk mode refused: no staff PIN is set")
    assert "cti-desk kiosk set-pin" in line
    # Not remembered as the seat's role: a plain `cti-desk` next opens the operator window.
    toml = Path(os.environ["CTI_DESK_CONFIG_DIR"]) / "cti-desk.toml"
    assert "kiosk" not in (toml.read_text(encoding="utf-8") if toml.exists() else "")


def test_an_unknown_shop_is_bad_usage(store, store_url):
    add_shop(store)
    add_shop(store, "WH-EAST", "warehouse")
    set_pin(store, "2468")
    for shop in ("S-NOWHERE", "WH-EAST"):
        done = run(["--db", store_url, "--role", "kiosk", "--shop", shop])
        assert done.returncode == 2
        assert done.stderr.splitlines() == [
            f"cti-desk: error: unknown shop '{shop}': no shop location has that code (cti-desk import locations)"]


def test_the_shop_and_idle_timeout_come_from_the_settings_file(store, sqlite_url):
    set_pin(store, "2468")
    ini = Path(os.environ["CTI_DESK_CONFIG_DIR"]) / "cti-desk.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[kiosk]\nshop=S-SETTINGS\n", encoding="utf-8")
    done = run(["--db", sqlite_url, "--role", "kiosk"])
    assert done.returncode == 2 and "unknown shop 'S-SETTINGS'" in done.stderr
    # That older cti-desk.ini was carried over into cti-desk.toml, the settings file now.
    toml = ini.with_name("cti-desk.toml")
    assert 'shop = "S-SETTINGS"' in toml.read_text(encoding="utf-8")
    assert ini.with_name("cti-desk.ini.migrated").is_file() and not ini.exists()
    toml.write_text('schema = 1\n[kiosk]\nshop = "S-SHIBUYA"\nidle_timeout = "soon"\n', encoding="utf-8")
    done = run(["--db", sqlite_url, "--role", "kiosk"])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"cti-desk: error: the settings file {toml}: [kiosk] idle_timeout = 'soon': not a whole number; "
        "fix it (the file was not changed)"]


def test_no_shop_anywhere_and_a_bad_idle_timeout_are_bad_usage(sqlite_url):
    done = run(["--db", sqlite_url, "--role", "kiosk"])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "cti-desk: error: kiosk mode needs its shop: --shop CODE, or shop=CODE in the [kiosk] section of the settings"]
    done = run(["--db", sqlite_url, "--role", "kiosk", "--shop", "S-SHIBUYA", "--idle-timeout", "5"])
    assert done.returncode == 2
    assert "argument --idle-timeout: must be 15 to 3600 seconds: '5'" in done.stderr


# --------------------------------------------------------------- kiosk_start, in process


def settings(**values):
    return lambda key, default=None: values.get(key.replace("/", "_"), default)


def test_a_shop_with_a_pin_starts_with_the_default_idle_timeout(store):
    add_shop(store)
    set_pin(store, "2468")
    started = kiosk_start(Namespace(shop="s-shibuya", idle_timeout=None), settings(), store)
    assert started == KioskStart(kiosk_shop(store, "S-SHIBUYA"), 60)


def test_the_command_line_wins_over_the_settings(store):
    add_shop(store)
    add_shop(store, "S-UMEDA")
    set_pin(store, "2468")
    from_settings = settings(kiosk_shop="S-UMEDA", kiosk_idle_timeout="120")
    assert kiosk_start(Namespace(shop=None, idle_timeout=None), from_settings, store) == KioskStart(
        kiosk_shop(store, "S-UMEDA"), 120)
    assert kiosk_start(Namespace(shop="S-SHIBUYA", idle_timeout=90), from_settings, store) == KioskStart(
        kiosk_shop(store, "S-SHIBUYA"), 90)


@pytest.mark.parametrize("value", ["5", "3601", "-1", "1e3"])
def test_an_idle_timeout_out_of_range_in_the_settings_is_refused(store, value):
    add_shop(store)
    set_pin(store, "2468")
    status, line = kiosk_start(Namespace(shop="S-SHIBUYA", idle_timeout=None),
                               settings(kiosk_idle_timeout=value), store)
    assert status == 2 and line.startswith(f"invalid idle_timeout={value!r} in the [kiosk] settings")


def test_the_kiosk_start_brings_an_empty_store_up_to_date(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        assert kiosk_start(Namespace(shop="S-SHIBUYA", idle_timeout=None), settings(), store)[0] == 2
        assert current_revision(store.engine) == head_revision(store.engine)
    finally:
        store.dispose()
