#!/usr/bin/env bash
# SL-COMP benchmark, whole process per file: runs `hophop entail` on every
# instance and reports solved / wrong / unknown, total and median wall time per
# process. Usage: Benchmarks/sl-comp.sh [FOLDER]
# The in-process variant, also run by CI, is `hophop-bench sl-comp`.
#
# hophop is built as it would be shipped (decision 25): release, Swift runtime
# linked statically, fixed-address executable, in its own build folder
# (.build-static) so that it does not disturb the usual release build.
set -euo pipefail
cd "$(dirname "$0")/.."
folder="${1:-${HOPHOP_SLCOMP_DIR:-../shared/benchmarks/sl-comp}}"
flags=(-c release --scratch-path .build-static --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie)
swift build "${flags[@]}" --product hophop >/dev/null
hophop="$(swift build "${flags[@]}" --show-bin-path)/hophop"
python3 - "$hophop" "$folder" <<'PY'
import pathlib, re, statistics, subprocess, sys, time
hophop, folder = sys.argv[1], pathlib.Path(sys.argv[2])
files = sorted(folder.rglob("*.smt2"))
if not files:
    sys.exit(f"no .smt2 files under {folder}")
solved = wrong = unknown = 0
times = []
for path in files:
    expected = re.search(r":status\s+(sat|unsat)", path.read_text())
    start = time.perf_counter()
    answer = subprocess.run([hophop, "entail", str(path)], capture_output=True, text=True).stdout.strip()
    times.append((time.perf_counter() - start) * 1000)
    if expected and answer == expected.group(1):
        solved += 1
    elif answer in ("sat", "unsat"):
        wrong += 1
        print(f"WRONG {path}: {answer}, expected {expected.group(1) if expected else '?'}")
    else:
        unknown += 1
print(f"{len(files)} instances: solved {solved}, wrong {wrong}, unknown {unknown}")
print(f"whole process per file: total {sum(times)/1000:.2f} s, median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
sys.exit(1 if wrong else 0)
PY
