#!/usr/bin/env bash
# Installs the Debian packages hophop needs that a fresh machine may lack.
# Z3 and GMP are linked by the build; Graphviz renders contracts in tests.
set -euo pipefail
missing=()
for package in libz3-dev libgmp-dev pkg-config graphviz; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
