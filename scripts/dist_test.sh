#!/usr/bin/env bash
# `make dist-test`: the tarball from `make dist`, unpacked into an empty folder, runs every
# kind of command with a bare environment (no checkout, no venv, no Python on any path).
#   bash scripts/dist_test.sh [TARBALL]      (default: the newest dist/cti-desk-*.tar.gz)
set -uo pipefail
cd "$(dirname "$0")/.."
tarball=${1:-$(ls -t dist/cti-desk-*-linux-*.tar.gz 2>/dev/null | head -1)}
[ -f "$tarball" ] || { echo "FAIL no tarball (run make dist first)"; exit 1; }
tarball=$(realpath "$tarball")
start=$SECONDS
tmp=$(mktemp -d /tmp/cti-desk-dist-test.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/home" "$tmp/run"
tar -C "$tmp/run" -xzf "$tarball"
cd "$tmp/run"
failed=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
# Nothing from this machine's Python, the checkout or the venv: only the folder itself.
bare() { env -i PATH=/usr/bin:/bin HOME="$tmp/home" QT_QPA_PLATFORM=offscreen "$@"; }
desk=./cti-desk/cti-desk
db="sqlite:///$tmp/x.sqlite3"

[ "$(ls)" = cti-desk ] && [ -x $desk ] && pass "one folder cti-desk/ with cti-desk/cti-desk" \
  || fail "the tarball holds $(ls | tr '\n' ' ')(want cti-desk/ with an executable cti-desk)"

out=$(bare $desk --version 2>&1) && [[ $out == "cti-desk "* ]] && pass "--version: $out" \
  || fail "--version: $out"

out=$(bare $desk demo-data --customers 100 --db "$db" 2>&1) && [[ $out == *"100 customers"* ]] \
  && pass "demo-data --customers 100: ${out##*$'\n'}" | cut -c1-100 || fail "demo-data: $out"

out=$(bare timeout 8 $desk monitor --source 'sim://?rate=60' --db "$db" 2>&1)
pops=$(grep -c '"call_id"' <<<"$out")
[ "$pops" -gt 0 ] && pass "monitor --source sim:// printed $pops pop lines in 8 s" \
  || fail "monitor printed no pop line: $(tail -3 <<<"$out")"

out=$(bare $desk db upgrade 2>&1) && [[ $out == "store at "* ]] \
  && pass "db upgrade (the default store under HOME): $out" || fail "db upgrade: $out"
out=$(bare $desk db upgrade --db "sqlite:///$tmp/y.sqlite3" 2>&1) && [[ $out == "store at "* ]] \
  && pass "db upgrade --db sqlite: $out" || fail "db upgrade --db sqlite: $out"

# psycopg with its own libpq (PSYCOPG_IMPL=binary: not the system's) answers a closed port
# with libpq's refusal, not a missing module.
out=$(bare PSYCOPG_IMPL=binary $desk db upgrade --db 'postgresql+psycopg://nobody@127.0.0.1:9/x' 2>&1)
[[ $out == *127.0.0.1* && $out != *odule* ]] && pass "PostgreSQL driver loads (closed port: ${out:0:80})" \
  || fail "PostgreSQL driver: $out"

# The operator's window in Japanese (the seat's settings file): the translation must load.
mkdir -p "$tmp/home/.config/cti-desk"
printf 'schema = 1\n\n[ui]\nlanguage = "ja"\n' >"$tmp/home/.config/cti-desk/cti-desk.toml"
for role in operator supervisor; do
  bare timeout 10 $desk --role $role --db "$db" --source 'sim://?rate=60' >"$tmp/$role.log" 2>&1
  rc=$?
  rm -f "$tmp/home/.config/cti-desk/cti-desk.toml"  # the supervisor's run in English
  if [ $rc = 124 ] && ! grep -qE 'Traceback|Fatal|Segmentation|Aborted|Could not load|no ja translation' \
       "$tmp/$role.log"; then
    pass "the $role window ran offscreen for 10 s$([ $role = operator ] && echo ' (in Japanese)')"
  else
    fail "the $role window (exit $rc): $(grep -v propagateSizeHints "$tmp/$role.log" | tail -5)"
  fi
done

# A first run, as from the menu: no arguments, nothing configured -> the demo on its own store.
# Its own HOME: the one above has a default store (db upgrade), which is a configured desk.
env -i PATH=/usr/bin:/bin HOME="$tmp/first" QT_QPA_PLATFORM=offscreen timeout 20 $desk >"$tmp/first.log" 2>&1
rc=$?
demo="$tmp/first/.local/share/cti-desk/demo.sqlite3"
n=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM customers").fetchone()[0])' "$demo" 2>&1)
if [ $rc = 124 ] && [ "$n" = 2000 ] && ! grep -qE 'Traceback|Fatal|Segmentation|Aborted' "$tmp/first.log"; then
  pass "first run with nothing configured: the demo on its own demo.sqlite3 ($n customers) for 20 s"
else
  fail "first run (exit $rc, demo customers: $n): $(grep -v propagateSizeHints "$tmp/first.log" | tail -5)"
fi

for f in share/applications/cti-desk.desktop share/metainfo/io.github.cti_desk.metainfo.xml \
         share/icons/hicolor/scalable/apps/cti-desk.svg share/icons/hicolor/16x16/apps/cti-desk.png \
         share/icons/hicolor/256x256/apps/cti-desk.png \
         _internal/cti_desk/resources/translations/cti_desk_ja.qm; do
  [ -s "cti-desk/$f" ] || fail "missing cti-desk/$f"
done && pass "menu entry, metainfo, icons (SVG, 16-256 px PNG) and the Japanese translation inside"

out=$(bare ./cti-desk/install.sh 2>&1)
link="$tmp/home/.local/bin/cti-desk"
entry="$tmp/home/.local/share/applications/cti-desk.desktop"
if [ -L "$link" ] && [[ $(bare "$link" --version 2>&1) == "cti-desk "* ]] \
   && grep -q "^Exec=\"$tmp/run/cti-desk/cti-desk\"$" "$entry" \
   && [ -f "$tmp/home/.local/share/icons/hicolor/48x48/apps/cti-desk.png" ]; then
  pass "install.sh: ~/.local/bin/cti-desk runs, the menu entry starts this folder's executable"
else
  fail "install.sh: $out"
fi
if command -v desktop-file-validate >/dev/null; then
  out=$(desktop-file-validate "$entry" 2>&1) && [ -z "$out" ] && pass "the installed menu entry validates" \
    || fail "installed menu entry: $out"
fi
bare ./cti-desk/install.sh --uninstall >/dev/null 2>&1
[ ! -e "$link" ] && [ ! -e "$entry" ] && pass "install.sh --uninstall removes them" \
  || fail "install.sh --uninstall left files"

echo "dist-test: $failed failed, $((SECONDS - start)) s ($(basename "$tarball"))"
[ $failed = 0 ]
