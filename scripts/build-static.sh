#!/usr/bin/env bash
# Builds hophop as it is shipped (decision 25) and prints the executable's path:
# release, Swift runtime linked statically, fixed-address executable, in its
# own build folder (.build-static) so that it does not disturb the usual builds.
# Used by scripts/install.sh and Benchmarks/sl-comp.sh, so CI builds it once.
# Usage: scripts/build-static.sh [PRODUCT...] (default: hophop).
set -euo pipefail
cd "$(dirname "$0")/.."
# C++'s and GCC's runtimes and GMP are linked statically too where their archives are
# installed (decision 86): the dynamic loader then maps and relocates only libc and libm.
# The archives are reached through a folder of links to them, searched first: -L for
# the -lstdc++ of static-stdlib-args.lnk, and a gmp.pc of our own for the -lgmp that
# SwiftPM takes from pkg-config (with the system's -L/usr/lib/..., it would find the .so).
# --no-export-dynamic: no need for our own symbols in the dynamic symbol table.
archives="$PWD/.build-static/static-archives"
mkdir -p "$archives/pkgconfig"
for library in libstdc++.a libgmp.a; do
  found=$(clang -print-file-name="$library" 2>/dev/null || true)
  [ -f "$found" ] || found="/usr/lib/$(uname -m)-linux-gnu/$library"
  if [ -f "$found" ]; then ln -sf "$found" "$archives/$library"; else rm -f "$archives/$library"; fi
done
if [ -e "$archives/libgmp.a" ]; then
  printf 'Name: gmp\nDescription: GMP, linked statically\nVersion: 6\nLibs: -L%s -lgmp\nCflags:\n' "$archives" >"$archives/pkgconfig/gmp.pc"
  export PKG_CONFIG_PATH="$archives/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
else
  rm -f "$archives/pkgconfig/gmp.pc"
fi
# Concrete generic types (`[Term]`, `Set<Variable>`, ...) are reached through their metadata accessors,
# not by demangling their names at run time on first use (decision 87).
# --disable-local-rpath: no $ORIGIN run path, where the dynamic loader would look for libc and libm
# in eight folders beside the executable before the system's.
flags=(-c release --scratch-path .build-static --disable-local-rpath --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie
       -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
       -Xswiftc -Xclang-linker -Xswiftc -static-libgcc -Xswiftc -L"$archives" -Xlinker -s -Xlinker --no-export-dynamic)
products=("$@")
[ "${#products[@]}" -gt 0 ] || products=(hophop)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for product in "${products[@]}"; do
  # The build's progress only when it fails (stdout is for the path).
  swift build "${flags[@]}" --product "$product" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
done
echo "$(swift build "${flags[@]}" --show-bin-path)"
