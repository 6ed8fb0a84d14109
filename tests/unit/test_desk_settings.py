"""The typed settings file `cti-desk.toml` (settings/toml_file.py, schema.py, desk.py):
round trip, migration of the INI older cti-desk wrote through Qt, a corrupt file kept
aside, bad values named with their file and key, and the precedence of the sources."""

from __future__ import annotations

import tomllib

import pytest
from PySide6.QtCore import QByteArray, QSettings

from cti_desk.settings.desk import resolve_desk
from cti_desk.settings.file import SettingsFileBroken
from cti_desk.settings.schema import SettingsValueError
from cti_desk.settings.toml_file import DeskFile, load_settings, toml_path

EVERY_KEY = {
    "store.url": "postgresql+psycopg://desk@db.example:5432/cti",
    "source.url": "ami://desk17@pbx.example:5038?secret=keyring&auth=md5",
    "source.agent": "PJSIP/2017",
    "source.pop_on_answer": ["support", "vip \"gold\""],
    "source.outside_line": "0",
    "oms.url": "https://oms.example/api",
    "ui.language": "ja",
    "seat.role": "supervisor",
    "seat.desk": "desk-17",
    "operator.name": "佐藤 花子",
    "operator.agents": {"PJSIP/2001": "sato", "PJSIP/2002": "鈴木 一郎"},
    "kiosk.shop": "S-SHIBUYA",
    "kiosk.idle_timeout": 90,
    "supervisor.sl_seconds": 30,
    "supervisor.service_level_target": 0.8,
    "supervisor.longest_wait_limit_s": 120,
}


def test_every_key_survives_a_round_trip_and_unknown_keys_are_kept(tmp_path):
    desk = DeskFile(toml_path(tmp_path))
    for name, value in EVERY_KEY.items():
        desk.set(name, value)
    desk.extra = {"future": {"thing": 1}}
    desk.save()
    text = toml_path(tmp_path).read_text("utf-8")
    assert tomllib.loads(text)["schema"] == 1
    again = load_settings(tmp_path)
    assert again.values == EVERY_KEY
    assert again.extra == {"future": {"thing": 1}}
    assert again.existed and again.moved_aside is None


def test_the_ini_older_cti_desk_wrote_is_carried_over_once_and_kept(tmp_path):
    ini = tmp_path / "cti-desk.ini"
    qt = QSettings(str(ini), QSettings.Format.IniFormat)  # as today's window writes it
    qt.setValue("language", "ja")
    qt.setValue("role", "kiosk")
    qt.setValue("outside_line", "0")
    qt.setValue("operator/name", "佐藤 花子")
    qt.setValue("operator/agents", ["PJSIP/2001=sato", "PJSIP/2002=suzuki"])
    qt.setValue("kiosk/shop", "S-SHIBUYA")
    qt.setValue("kiosk/idle_timeout", 90)
    qt.setValue("seat/desk", "desk, 17 \"east\"")
    qt.setValue("supervisor/sl_seconds", 25)
    qt.setValue("supervisor/service_level_target", 0.85)
    qt.setValue("supervisor/longest_wait_limit_s", 90)
    qt.setValue("window/geometry", QByteArray(b"\x01\x02geometry"))
    qt.setValue("wrapup/unsaved", '{"call": "a, b"}')
    qt.sync()
    before = ini.read_bytes()
    desk = load_settings(tmp_path)
    assert desk.migrated_from == ini
    assert desk.values == {
        "ui.language": "ja", "seat.role": "kiosk", "source.outside_line": "0",
        "operator.name": "佐藤 花子", "operator.agents": {"PJSIP/2001": "sato", "PJSIP/2002": "suzuki"},
        "kiosk.shop": "S-SHIBUYA", "kiosk.idle_timeout": 90, "seat.desk": 'desk, 17 "east"',
        "supervisor.sl_seconds": 25, "supervisor.service_level_target": 0.85,
        "supervisor.longest_wait_limit_s": 90}
    assert not ini.exists()
    assert (tmp_path / "cti-desk.ini.migrated").read_bytes() == before  # never deleted, not changed
    assert load_settings(tmp_path).values == desk.values  # once: the next start reads the TOML
    assert load_settings(tmp_path).migrated_from is None


def test_a_broken_ini_is_refused_as_before_and_nothing_is_written(tmp_path):
    ini = tmp_path / "cti-desk.ini"
    ini.write_bytes(b"[kiosk\nshop=S\n")
    with pytest.raises(SettingsFileBroken, match="line 1 is a section name"):
        load_settings(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cti-desk.ini"]


def test_an_ini_with_a_bad_value_names_it_and_is_not_migrated(tmp_path):
    ini = tmp_path / "cti-desk.ini"
    ini.write_text("[kiosk]\nshop=S-SHIBUYA\nidle_timeout=soon\n", encoding="utf-8")
    with pytest.raises(SettingsValueError) as raised:
        load_settings(tmp_path)
    assert str(raised.value) == (f"the settings file {ini}: [kiosk] idle_timeout = 'soon': not a whole "
                                 "number; fix it (the file was not changed)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cti-desk.ini"]


def test_a_corrupt_toml_is_moved_aside_not_written_over(tmp_path):
    path = toml_path(tmp_path)
    path.write_bytes(b"[store\nurl = 'x'\n")
    desk = load_settings(tmp_path)
    assert desk.values == {} and not path.exists()
    assert desk.moved_aside is not None and desk.moved_aside.name.startswith("cti-desk.toml.broken-")
    assert desk.moved_aside.read_bytes() == b"[store\nurl = 'x'\n"
    assert "not TOML" in desk.broken_reason
    desk.set("ui.language", "en")
    desk.save()  # a new file; the broken one stays where it was put
    assert desk.moved_aside.exists() and load_settings(tmp_path).values == {"ui.language": "en"}


@pytest.mark.parametrize(("text", "message"), [
    ("[kiosk]\nidle_timeout = 5\n", "[kiosk] idle_timeout = 5: must be 15 to 3600"),
    ("[source]\nagent = \"2001\"\n", "[source] agent = '2001': expected the phone's interface"),
    ("[source]\nurl = \"ami://u:hunter2@pbx:5038\"\n", "[source] url = 'ami://u:***@pbx:5038': a password does not belong"),
    ("[source]\nurl = \"webhook://0.0.0.0:8080?token=abc\"\n", "a token does not belong in the settings file"),
    ("[store]\nurl = \"nothing\"\n", "[store] url = 'nothing': expected sqlite:///PATH"),
    ("[seat]\nrole = \"boss\"\n", "[seat] role = 'boss': one of operator, supervisor, kiosk"),
    ("[oms]\nurl = \"ftp://oms\"\n", "[oms] url = 'ftp://oms': expected http://"),
    ("schema = 2\n", "schema = 2: this cti-desk reads schema 1"),
])
def test_a_bad_value_is_one_line_naming_file_key_and_problem(tmp_path, text, message):
    toml_path(tmp_path).write_text(text, encoding="utf-8")
    with pytest.raises(SettingsValueError) as raised:
        load_settings(tmp_path)
    line = str(raised.value)
    assert line.startswith(f"the settings file {toml_path(tmp_path)}") and message in line
    assert "hunter2" not in line and "\n" not in line
    assert toml_path(tmp_path).read_text("utf-8") == text


def _resolve(given=None, env=None, values=None, exists=False, tmp_path=None):
    desk = DeskFile(toml_path(tmp_path), dict(values or {}))
    return resolve_desk(given or {}, env or {}, desk, default_db_url="sqlite:///default.sqlite3",
                        demo_db_url="sqlite:///demo.sqlite3", default_store_exists=exists)


def test_command_line_beats_environment_beats_file_beats_default(tmp_path):
    values = {"store.url": "sqlite:///file.sqlite3", "source.url": "relay", "oms.url": "https://file.example",
              "source.agent": "PJSIP/3000", "source.pop_on_answer": ["vip"], "seat.role": "supervisor"}
    env = {"CTI_DESK_DB": "sqlite:///env.sqlite3", "CTI_DESK_AGENT": "PJSIP/2000"}
    setup = _resolve({"db": "sqlite:///cli.sqlite3"}, env, values, tmp_path=tmp_path)
    assert (setup.db_url, setup.agent, setup.source_url, setup.oms_url) == (
        "sqlite:///cli.sqlite3", "PJSIP/2000", "relay", "https://file.example")
    assert setup.origin["db"] == "command line" and setup.origin["agent"] == "environment"
    assert setup.origin["source"] == "settings file" and setup.pop_on_answer == {"vip"}
    assert setup.role == "supervisor" and not setup.demo
    assert _resolve({}, {}, {}, exists=True, tmp_path=tmp_path).db_url == "sqlite:///default.sqlite3"


def test_the_first_run_is_the_demo_and_a_configured_store_never_is(tmp_path):
    first = _resolve(tmp_path=tmp_path)
    assert first.demo and first.db_url == "sqlite:///demo.sqlite3" and first.source_url == "sim://"
    assert _resolve({"source": "sim://?rate=6"}, tmp_path=tmp_path).demo  # make run
    for not_demo in (_resolve({"db": "sqlite:///mine.sqlite3"}, tmp_path=tmp_path),
                     _resolve(env={"CTI_DESK_DB": "sqlite:///mine.sqlite3"}, tmp_path=tmp_path),
                     _resolve(values={"store.url": "sqlite:///mine.sqlite3"}, tmp_path=tmp_path),
                     _resolve({"source": "ami://u@pbx:5038?secret=keyring"}, tmp_path=tmp_path),
                     _resolve(exists=True, tmp_path=tmp_path)):
        assert not not_demo.demo and not_demo.db_url != "sqlite:///demo.sqlite3"


def test_the_window_state_carries_over_from_the_ini_whichever_command_migrated_it(tmp_path):
    from cti_desk.qt.desk_state import STATE_FILE, state_file

    qt = QSettings(str(tmp_path / "cti-desk.ini"), QSettings.Format.IniFormat)
    qt.setValue("language", "ja")
    qt.setValue("window/geometry", QByteArray(b"\x01\x02geometry"))
    qt.sync()
    load_settings(tmp_path)  # e.g. `cti-desk find` ran first and carried the INI over
    desk = load_settings(tmp_path)
    assert desk.migrated_from is None  # this start found the TOML
    state = state_file(tmp_path, desk)
    assert state.value("window/geometry") == QByteArray(b"\x01\x02geometry")
    assert state.value("language") == "ja"  # answered from the TOML
    state.setValue("window/geometry", QByteArray(b"moved"))
    state.sync()
    assert "language" not in QSettings(str(tmp_path / STATE_FILE), QSettings.Format.IniFormat).allKeys()
    again = state_file(tmp_path, load_settings(tmp_path))  # once: the state file is the state now
    assert again.value("window/geometry") == QByteArray(b"moved")
