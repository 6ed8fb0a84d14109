"""Is the settings file one cti-desk can use? Qt's reader takes nearly anything and would
write over it; these are the files refused before it gets the chance, and the ones taken."""

from __future__ import annotations

import pytest

from cti_desk.settings.file import SettingsFileBroken, check_settings_file, settings_problem

GOOD = "\ufeff; a comment\n# another\n[General]\nlanguage=ja\nrole=operator\n\n[operator]\nname=佐藤 花子\n" \
       "agents=PJSIP/2001=sato, PJSIP/2002=suzuki\n  [kiosk]  \nshop = S-SHIBUYA\n"


@pytest.mark.parametrize(("content", "problem"), [
    (b"\x00\x01\x02garbage\xff", "it is not UTF-8 text (byte 11)"),
    (b"[General]\nlanguage=ja\x00\n", "line 2 holds control characters"),
    (b"[operator]\nname=\xe9t\xe9\n", "it is not UTF-8 text (byte 17)"),
    (b"[operator\nname=sato\n", "line 1 is a section name without its closing ]"),
    (b"[General]\noutside_line 0\n", "line 2 is neither [section] nor key=value"),
    (b"[General]\n=ja\n", "line 2 is a value without a key"),
    (b"[]\n", "line 1 is a section name without its closing ]"),
])
def test_a_file_that_is_no_settings_file_says_where(tmp_path, content, problem):
    path = tmp_path / "cti-desk.ini"
    path.write_bytes(content)
    assert settings_problem(path) == problem
    with pytest.raises(SettingsFileBroken) as raised:
        check_settings_file(path)
    assert str(raised.value) == (f"the settings file {path} cannot be used ({problem}): fix it or move it "
                                 "away; it was not changed")
    assert path.read_bytes() == content


def test_a_folder_where_the_file_should_be(tmp_path):
    (tmp_path / "cti-desk.ini").mkdir()
    assert settings_problem(tmp_path / "cti-desk.ini") == "it is a folder, not a file"


def test_a_hand_written_file_and_no_file_at_all_are_fine(tmp_path):
    path = tmp_path / "cti-desk.ini"
    assert settings_problem(path) is None  # the defaults; the window makes the file
    path.write_text(GOOD, encoding="utf-8")
    assert settings_problem(path) is None
