#!/usr/bin/env bash
# Installs the Debian packages hophop needs that a fresh machine may lack.
# Z3 and GMP are linked by the build; Graphviz renders contracts and heap pictures in tests;
# Chromium (headless) loads the page of `explain --format html` in the browser test.
set -euo pipefail
missing=()
for package in libz3-dev libgmp-dev pkg-config graphviz chromium; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
