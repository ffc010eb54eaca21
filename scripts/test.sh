#!/usr/bin/env bash
# The test command of README.md: dependencies, a debug build of everything
# with warnings from our own sources treated as errors, then the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift build --build-tests 2>&1 | tee "$log"
# Warnings in dependencies are not ours to fix; warnings in Sources/ or Tests/ fail the run.
if grep -E "^$(pwd)/(Sources|Tests)/.*warning:" "$log"; then
  echo "test.sh: the build has warnings in our sources (above); fix them." >&2
  exit 1
fi
swift test --skip-build
