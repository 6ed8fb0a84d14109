"""The PNG sizes of the app icon a desktop looks up, rendered from the one SVG at build time."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage

from cti_desk.qt.icons import icons_dir

SCRIPT = Path(__file__).parents[2] / "scripts" / "render_icons.py"


def test_every_size_is_a_square_png_of_the_icon(qapp, tmp_path):
    spec = importlib.util.spec_from_file_location("render_icons", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.render(icons_dir() / "cti-desk.svg", tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        f"{n}x{n}/apps/cti-desk.png" for n in (16, 24, 32, 48, 64, 128, 256)]
    for size, path in zip(module.SIZES, written, strict=True):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        middle = image.pixelColor(size // 2, size // 8)  # the blue tile, not transparent
        corner = image.pixelColor(0, 0)  # outside the rounded corner
        assert middle.alpha() == 255 and middle.blue() > middle.red()
        assert corner.alpha() < 128
