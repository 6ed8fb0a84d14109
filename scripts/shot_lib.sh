# Sourced by the screenshot scripts: a private Xvfb display, settings and data folders
# and a fresh demo store for the real window, all removed on exit.
# shot_start WIDTHxHEIGHT LANG  ->  sets $work, $display, $db; the caller sets $app to
# the window's pid so the exit trap stops it first.
shot_start() {
    work=$(mktemp -d /tmp/cti-desk-shot.XXXXXX)
    local n=90
    while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done  # a display no other Xvfb holds
    display=:$n
    Xvfb "$display" -screen 0 "$1x24" >/dev/null 2>&1 &
    xvfb=$!
    app=
    trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
    # The UI language comes from the settings (these machines have no ja_JP locale).
    export DISPLAY=$display LANG=C.UTF-8 LC_ALL=C.UTF-8 CTI_DESK_DATA_DIR=$work/data CTI_DESK_CONFIG_DIR=$work/config
    mkdir -p "$work/config"
    printf 'schema = 1\n\n[ui]\nlanguage = "%s"\n' "$2" > "$work/config/cti-desk.toml"
    db="sqlite:///$work/store.sqlite3"
    .venv/bin/cti-desk demo-data --customers 2000 --seed 1 --db "$db" >/dev/null 2>&1
}
