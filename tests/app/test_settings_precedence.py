"""The store a command uses, per CONTRACT.md and the settings file (issue 15): --db over
CTI_DESK_DB over `[store] url` in cti-desk.toml over the default; `cti-desk find` run for
real against three SQLite stores, each holding one different customer."""

from __future__ import annotations

import json

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
