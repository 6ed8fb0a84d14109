"""The wheel (`python -m build --wheel`) installed by pip into a clean venv runs from a folder
outside the checkout: migrations, icons and translations travel inside the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=540,
                            check=False)
    assert result.returncode == 0, f"{cmd}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "CTI_DESK"))}
    # Built from a copy: setuptools' build/ folder keeps files of earlier builds and would
    # pack them too (a data file dropped from package-data would still come along).
    src = tmp / "src"
    shutil.copytree(ROOT / "cti_desk", src / "cti_desk",
                    ignore=shutil.ignore_patterns("__pycache__", "*.ts"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp / "dist"), str(src)],
         cwd=src, env=env)
    wheel, = (tmp / "dist").glob("cti_desk-*.whl")
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp, env=env)
    # pip resolves the dependencies from the wheel's own metadata (its cache makes it quick).
    _run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)], cwd=tmp, env=env)
    outside = tmp / "elsewhere"
    outside.mkdir()
    env |= {"HOME": str(tmp / "home"), "QT_QPA_PLATFORM": "offscreen"}
    return venv, outside, env


def test_the_wheel_runs_version_and_db_upgrade_outside_the_checkout(installed):
    venv, outside, env = installed
    assert _run([str(venv / "bin" / "cti-desk"), "--version"], outside, env).startswith("cti-desk ")
    store = outside / "store.sqlite3"
    out = _run([str(venv / "bin" / "cti-desk"), "db", "upgrade", "--db", f"sqlite:///{store}"],
               outside, env)
    assert out.startswith("store at ") and "(was empty)" in out
    heads = sorted(p.name[:4] for p in (ROOT / "cti_desk/store/migrations/versions").glob("0*.py"))
    assert out.split()[2] == heads[-1]  # every migration came with the wheel


def test_the_wheel_carries_icons_and_translations_inside_the_package(installed):
    venv, outside, env = installed
    where = _run([str(venv / "bin" / "python"), "-c",
                  "import cti_desk; from cti_desk.resources import resource_dir as r; "
                  "print(cti_desk.__file__); print(r('translations')); print(r('icons'))"],
                 outside, env).split()
    site = str(venv / "lib")
    assert all(p.startswith(site) for p in where)  # the installed copy, not the checkout's
    assert (Path(where[1]) / "cti_desk_ja.qm").stat().st_size > 0
    assert {p.name for p in (ROOT / "cti_desk/resources/icons").glob("*.svg")} == \
        {p.name for p in Path(where[2]).glob("*.svg")}
