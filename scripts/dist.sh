#!/usr/bin/env bash
# `make dist`: the one-folder app (PyInstaller, packaging/cti-desk.spec) with its menu entry,
# icons and install.sh, packed as dist/cti-desk-VERSION-linux-ARCH.tar.gz.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
start=$SECONDS
# A dev dependency; installed here too so `make dist` works in a venv made before it was listed.
$BIN/python -c 'import PyInstaller' 2>/dev/null \
  || $BIN/python -m pip install -q --disable-pip-version-check 'pyinstaller>=6.10'
version=$($BIN/python -c 'from cti_desk import __version__; print(__version__)')
tarball=dist/cti-desk-$version-linux-$(uname -m).tar.gz
work=.tmp/dist
rm -rf "$work"
echo "== pyinstaller (a few minutes)"
$BIN/pyinstaller --noconfirm --clean --log-level ERROR --distpath "$work/out" \
  --workpath "$work/build" packaging/cti-desk.spec
app=$work/out/cti-desk
share=$app/share
install -D -m644 packaging/cti-desk.desktop "$share/applications/cti-desk.desktop"
install -D -m644 packaging/io.github.cti_desk.metainfo.xml "$share/metainfo/io.github.cti_desk.metainfo.xml"
install -D -m644 cti_desk/resources/icons/cti-desk.svg "$share/icons/hicolor/scalable/apps/cti-desk.svg"
QT_QPA_PLATFORM=offscreen $BIN/python scripts/render_icons.py cti_desk/resources/icons/cti-desk.svg \
  "$share/icons/hicolor" >/dev/null
install -m755 packaging/install.sh "$app/install.sh"
echo "== packing $tarball"
mkdir -p dist
tar -C "$work/out" -czf "$tarball.part" cti-desk
mv "$tarball.part" "$tarball"
rm -rf "$work"
echo "cti-desk: built $tarball ($(du -m "$tarball" | cut -f1) MB packed, $(tar -tzvf "$tarball" \
  | awk '{s += $3} END {printf "%d", s / 1048576}') MB unpacked) in $((SECONDS - start)) s"
