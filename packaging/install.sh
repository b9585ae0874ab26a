#!/bin/sh
# Install Runner Legs for the current user, from the folder this script was unpacked into:
#   ./install.sh              the program into ~/.local/lib/runner-legs, the command
#                             ~/.local/bin/runner-legs, and the menu entry, AppStream metainfo
#                             and icons into $XDG_DATA_HOME (default ~/.local/share)
#   ./install.sh --uninstall  remove exactly what the install put there (your training data
#                             stays where it is)
# No root rights needed. Running it again updates an earlier install.
set -eu

APP_ID=io.github.runnerlegs.RunnerLegs
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

[ -n "${HOME:-}" ] || fail "HOME is not set"
case "$HOME" in /*) ;; *) fail "HOME is not an absolute path: $HOME" ;; esac
case ${XDG_DATA_HOME:-} in
    /*) DATA_HOME=$XDG_DATA_HOME ;;   # the spec ignores a relative XDG_DATA_HOME
    *) DATA_HOME=$HOME/.local/share ;;
esac
LIB_DIR=$HOME/.local/lib/runner-legs
BIN_DIR=$HOME/.local/bin
LINK=$BIN_DIR/runner-legs
PROGRAM=$LIB_DIR/runner-legs
MANIFEST=$LIB_DIR/install-manifest.txt
NL='
'
case "$HOME$DATA_HOME" in *"$NL"*) fail "a folder name with a line break is not supported" ;; esac

usage() {
    say "usage: ./install.sh [--uninstall]"
    say "  installs Runner Legs into $LIB_DIR, $LINK and $DATA_HOME"
}

# The Exec value for $1 as the Desktop Entry spec asks: quoted when it has a reserved
# character, with \ " ` $ escaped inside the quotes, % doubled, then every \ doubled again.
exec_value() {
    case $1 in
        *[[:space:]\"\'\\\>\<~\|\&\;\$\*\?\#\(\)\`]*)
            value=\"$(printf '%s' "$1" | sed 's/[\\"`$]/\\&/g')\" ;;
        *) value=$1 ;;
    esac
    printf '%s' "$value" | sed -e 's/%/%%/g' -e 's/\\/\\\\/g'
}

# Copy $1 to $2 through a temporary file in the same folder, so $2 is never half-written;
# the manifest lists it at once, so even an interrupted install can be removed.
put_file() {
    mkdir -p -- "$(dirname -- "$2")"
    tmp=$(dirname -- "$2")/.$(basename -- "$2").new
    cp -- "$1" "$tmp"
    chmod 644 "$tmp"
    mv -f -- "$tmp" "$2"
    printf '%s\n' "$2" >>"$MANIFEST"
}

# Bring the desktop's caches up to date, but only those that already exist: a cache we
# created would outlive an uninstall, and without one the desktop reads the folders directly.
refresh_caches() {
    if [ -f "$DATA_HOME/applications/mimeinfo.cache" ] &&
        command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA_HOME/applications" >/dev/null 2>&1 || true
    fi
    if [ -f "$DATA_HOME/icons/hicolor/icon-theme.cache" ] &&
        command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

# Remove the files an earlier install listed in its manifest (not the program folder).
remove_listed_files() {
    [ -f "$MANIFEST" ] || return 0
    while IFS= read -r path; do
        case $path in
            "$LINK") link_is_ours && rm -f -- "$path" ;;
            /*) [ -f "$path" ] && rm -f -- "$path" ;;
        esac
    done <"$MANIFEST"
    return 0
}

link_is_ours() {
    [ -L "$LINK" ] && [ "$(readlink -- "$LINK")" = "$PROGRAM" ]
}

uninstall() {
    if [ ! -f "$MANIFEST" ]; then
        if link_is_ours || [ -e "$PROGRAM" ]; then
            fail "$LIB_DIR has no install-manifest.txt; remove it and $LINK by hand"
        fi
        say "Runner Legs is not installed in $LIB_DIR: nothing to remove"
        return 0
    fi
    remove_listed_files
    rm -rf -- "$LIB_DIR"
    refresh_caches
    say "Removed Runner Legs from $LIB_DIR, $LINK and $DATA_HOME."
    say "Your plan and logs are kept in $DATA_HOME/runner-legs (delete that folder to remove them)."
}

install() {
    if [ ! -x "$HERE/runner-legs/runner-legs" ] ||
        [ ! -f "$HERE/share/applications/$APP_ID.desktop" ]; then
        fail "$HERE does not hold an unpacked Runner Legs archive (runner-legs/runner-legs and share/ are missing)"
    fi
    if [ -e "$LINK" ] || [ -L "$LINK" ]; then
        link_is_ours || fail "$LINK already exists and is not from this installer; move it away first"
    fi
    if [ -e "$LIB_DIR" ] && [ ! -f "$MANIFEST" ]; then
        fail "$LIB_DIR exists but was not made by this installer; move it away first"
    fi

    # The program: copy next to the old one, then swap, so a failed copy leaves the old one.
    mkdir -p -- "$(dirname -- "$LIB_DIR")"
    staging=$LIB_DIR.new.$$
    rm -rf -- "$staging"
    trap 'rm -rf -- "$staging"' EXIT
    cp -R -- "$HERE/runner-legs" "$staging"
    cp -- "$0" "$staging/install.sh" 2>/dev/null || cp -- "$HERE/install.sh" "$staging/install.sh"
    chmod 755 "$staging/install.sh"
    remove_listed_files
    rm -rf -- "$LIB_DIR"
    mv -- "$staging" "$LIB_DIR"
    trap - EXIT

    : >"$MANIFEST"
    mkdir -p -- "$BIN_DIR"
    ln -sf -- "$PROGRAM" "$LINK"
    printf '%s\n' "$LINK" >>"$MANIFEST"

    desktop=$LIB_DIR/.$APP_ID.desktop
    exec_line="Exec=$(exec_value "$PROGRAM")"
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
            Exec=*) printf '%s\n' "$exec_line" ;;
            *) printf '%s\n' "$line" ;;
        esac
    done <"$HERE/share/applications/$APP_ID.desktop" >"$desktop"
    put_file "$desktop" "$DATA_HOME/applications/$APP_ID.desktop"
    rm -f -- "$desktop"
    put_file "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
    (cd "$HERE/share" && find icons -type f -name "$APP_ID.*") | sort | while IFS= read -r icon; do
        put_file "$HERE/share/$icon" "$DATA_HOME/$icon"
    done
    refresh_caches

    say "Installed Runner Legs $(cat "$HERE/VERSION" 2>/dev/null || true) into $LIB_DIR."
    say "Start it from your application menu, or run: runner-legs"
    case ":${PATH:-}:" in
        *":$BIN_DIR:"*) ;;
        *) say "Note: $BIN_DIR is not on your PATH; log out and in again, or run $LINK" ;;
    esac
    say "To remove it later: $LIB_DIR/install.sh --uninstall"
}

case ${1:-} in
    "") install ;;
    --uninstall) uninstall ;;
    -h|--help) usage ;;
    *) usage >&2; exit 2 ;;
esac
