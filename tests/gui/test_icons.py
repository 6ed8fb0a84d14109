import re
from pathlib import Path

import pytest

from cti_desk.qt.icons import icon, icons_dir

QT_DIR = Path(__file__).parents[2] / "cti_desk" / "qt"


def _names_used_in_code() -> set[str]:
    names = set()
    for path in QT_DIR.glob("*.py"):
        names |= set(re.findall(r'\bicon\("([\w-]+)"\)', path.read_text(encoding="utf-8")))
        for a, b in re.findall(r'\bicon\("([\w-]+)" if .+? else "([\w-]+)"\)', path.read_text(encoding="utf-8")):
            names |= {a, b}
    return names | {"cti-desk"}


@pytest.mark.parametrize("name", sorted(_names_used_in_code()))
def test_every_icon_the_ui_uses_exists_and_renders(qapp, name):
    assert (icons_dir() / f"{name}.svg").is_file()
    pixmap = icon(name).pixmap(32, 32)
    assert not pixmap.isNull()
    image = pixmap.toImage()
    assert any(image.pixelColor(x, y).alpha() for x in range(32) for y in range(32))
