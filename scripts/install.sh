#!/usr/bin/env bash
# Installs hophop as shipped: builds it (scripts/build-static.sh: release, static
# Swift runtime; it starts about twice as fast as a `swift run` build) and copies
# it to PREFIX/bin/hophop. Usage: scripts/install.sh [PREFIX] (default ~/.local).
# Z3 (libz3.so.4 or libz3.so) is opened at run time, only when a proof needs it.
set -euo pipefail
prefix="${1:-$HOME/.local}"
here="$(cd "$(dirname "$0")" && pwd)"
# The prefix first: a wrong one fails at once, not after minutes of building.
if ! mkdir -p "$prefix/bin" 2>/dev/null || [ ! -w "$prefix/bin" ]; then
  echo "install.sh: error: cannot create or write $prefix/bin" >&2
  exit 1
fi
bin="$(bash "$here/build-static.sh" hophop)"
install -m 0755 "$bin/hophop" "$prefix/bin/hophop.new"
mv -f "$prefix/bin/hophop.new" "$prefix/bin/hophop"
"$prefix/bin/hophop" --version >/dev/null
echo "installed $("$prefix/bin/hophop" --version) in $prefix/bin/hophop"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
