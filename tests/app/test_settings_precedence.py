"""The store a command uses, per CONTRACT.md and the settings file (issue 15): --db over
CTI_DESK_DB over `[store] url` in cti-desk.toml over the default; `cti-desk find` run for
real against three SQLite stores, each holding one different customer."""

from __future__ import annotations

import json
import logging

from cti_desk.app.cli import main
from cti_desk.settings.paths import config_dir, data_dir
from cti_desk.store.db import open_store
from tests.factories import add_customer


def store_with(tmp_path, name: str, kana: str) -> str:
    url = f"sqlite:///{tmp_path / (kana + '.sqlite3')}"  # a space in the path, as a folder may have
    store = open_store(url)
    try:
        add_customer(store, name=name, kana=kana, phones=())
    finally:
        store.dispose()
    return url


def found(capsys, argv: list[str]) -> list[str]:
    assert main(argv) == 0
    return [json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()]


def test_command_line_over_environment_over_settings_file(tmp_path, monkeypatch, capsys):
    given = store_with(tmp_path, "山田 一郎", "ヤマダ イチロウ")
    env = store_with(tmp_path, "山田 二郎", "ヤマダ ジロウ")
    in_file = store_with(tmp_path, "山田 三郎", "ヤマダ サブロウ")
    monkeypatch.delenv("CTI_DESK_DB", raising=False)
    assert found(capsys, ["find", "山田"]) == []  # nothing set: the default store, new and empty
    assert (data_dir() / "cti-desk.sqlite3").exists()
    (config_dir() / "cti-desk.toml").write_text(f'schema = 1\n[store]\nurl = "{in_file}"\n', "utf-8")
    assert found(capsys, ["find", "山田"]) == ["山田 三郎"]
    monkeypatch.setenv("CTI_DESK_DB", env)
    assert found(capsys, ["find", "山田"]) == ["山田 二郎"]
    assert found(capsys, ["find", "山田", "--db", given]) == ["山田 一郎"]


def test_debug_says_where_the_store_and_source_came_from(tmp_path, monkeypatch, caplog):
    in_file = store_with(tmp_path, "山田 三郎", "ヤマダ サブロウ")
    monkeypatch.delenv("CTI_DESK_DB", raising=False)
    monkeypatch.setenv("CTI_DESK_SOURCE", "ami://desk17:hunter2@pbx.example:5038")
    (config_dir() / "cti-desk.toml").write_text(f'schema = 1\n[store]\nurl = "{in_file}"\n', "utf-8")
    caplog.set_level(logging.DEBUG, logger="cti_desk.settings")
    assert main(["--debug", "check"]) == 1  # no such PBX
    [line] = [r.getMessage() for r in caplog.records if r.name == "cti_desk.settings"]
    assert line == (f"settings: store {in_file} from the settings file; call source "
                    f"ami://desk17:***@pbx.example:5038 from the environment; settings file "
                    f"{config_dir() / 'cti-desk.toml'}")
