#!/bin/sh
# Puts this unpacked cti-desk folder in the desktop's menu and on the PATH, where it is:
#   ./install.sh             for you: ~/.local/share (menu entry, icons, metainfo), ~/.local/bin
#   sudo ./install.sh --system   for every user: /usr/local/share, /usr/local/bin
#   ./install.sh --uninstall [--system]   takes those files away again (not this folder)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
action=install
for arg in "$@"; do
  case $arg in
    --system) share=/usr/local/share; bin=/usr/local/bin ;;
    --uninstall) action=uninstall ;;
    *) echo "usage: $0 [--system] [--uninstall]" >&2; exit 2 ;;
  esac
done
icons=$(cd "$here/share/icons/hicolor" && find . -name 'cti-desk.*')

if [ "$action" = uninstall ]; then
  rm -f "$share/applications/cti-desk.desktop" "$share/metainfo/io.github.cti_desk.metainfo.xml"
  for f in $icons; do rm -f "$share/icons/hicolor/$f"; done
  [ -L "$bin/cti-desk" ] && rm -f "$bin/cti-desk"
  echo "cti-desk: removed from $share and $bin"
  exit 0
fi

case $here in
  *[\"\`\$\\]*) echo "cti-desk: move this folder to a path without \" \` \$ or \\ first" >&2; exit 1 ;;
esac
mkdir -p "$share/applications" "$share/metainfo" "$bin"
for f in $icons; do
  mkdir -p "$share/icons/hicolor/$(dirname "$f")"
  cp "$here/share/icons/hicolor/$f" "$share/icons/hicolor/$f"
done
cp "$here/share/metainfo/io.github.cti_desk.metainfo.xml" "$share/metainfo/"
# The menu entry starts this folder's executable whatever the session's PATH holds.
sed "s|^Exec=cti-desk|Exec=\"$here/cti-desk\"|" "$here/share/applications/cti-desk.desktop" \
  > "$share/applications/cti-desk.desktop"
ln -sfn "$here/cti-desk" "$bin/cti-desk"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "cti-desk: menu entry in $share/applications, command $bin/cti-desk -> $here/cti-desk"
case ":$PATH:" in *":$bin:"*) ;; *) echo "cti-desk: note: $bin is not on your PATH" ;; esac
