#!/usr/bin/env bash
# Builds hophop as it is shipped (decision 25) and prints the executable's path:
# release, Swift runtime linked statically, fixed-address executable, in its
# own build folder (.build-static) so that it does not disturb the usual builds.
# Used by scripts/install.sh and Benchmarks/sl-comp.sh, so CI builds it once.
# Usage: scripts/build-static.sh [PRODUCT...] (default: hophop).
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --scratch-path .build-static --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie -Xlinker -s)
products=("$@")
[ "${#products[@]}" -gt 0 ] || products=(hophop)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for product in "${products[@]}"; do
  # The build's progress only when it fails (stdout is for the path).
  swift build "${flags[@]}" --product "$product" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
done
echo "$(swift build "${flags[@]}" --show-bin-path)"
