#!/usr/bin/env bash
# SL-COMP benchmark, whole process per file: runs `hophop entail` on every
# instance and reports solved / wrong / unknown, total and median wall time per
# process. Usage: Benchmarks/sl-comp.sh [FOLDER]; HOPHOP_BENCH_PASSES (default 3)
# is how many times each file is run (its time is the median of those runs).
# CI runs it (.ci/run): it exits 1 on a wrong answer or a crashed process. The
# in-process variant is `hophop-bench sl-comp`.
#
# hophop is built as it would be shipped (decision 25) by scripts/build-static.sh:
# release, Swift runtime linked statically, fixed-address executable, in its own
# build folder (.build-static) so that it does not disturb the usual release build.
set -euo pipefail
cd "$(dirname "$0")/.."
folder="${1:-${HOPHOP_SLCOMP_DIR:-../shared/benchmarks/sl-comp}}"
hophop="$(bash scripts/build-static.sh hophop)/hophop"
# No SL-COMP instance needs Z3, so first make sure this build can still load and
# use it when a query does (Sources/CZ3 opens it on first use, decision 26).
if ! timeout 120 "$hophop" check examples/async/server.hop >/dev/null; then
  echo "error: the shipped build of hophop cannot check examples/async/server.hop (Z3 not usable?)" >&2
  exit 1
fi
python3 - "$hophop" "$folder" "${HOPHOP_BENCH_PASSES:-3}" <<'PY'
import pathlib, re, statistics, subprocess, sys, time
hophop, folder, passes = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
files = sorted(folder.rglob("*.smt2"))
if not files:
    sys.exit(f"no .smt2 files under {folder}")
expected = {path: re.search(r":status\s+(sat|unsat)", path.read_text()) for path in files}
# Several passes over all files, each file's time the median of its passes: a
# moment when the (shared, virtual) machine is busy then spoils one pass, not the figure.
times = {path: [] for path in files}
answers = {path: set() for path in files}
crashed = set()
for _ in range(passes):
    for path in files:
        start = time.perf_counter()
        run = subprocess.run([hophop, "entail", str(path)], capture_output=True, text=True)
        times[path].append((time.perf_counter() - start) * 1000)
        answers[path].add(run.stdout.strip())
        # Killed by a signal (a trap, a stack overflow): a crash, never just an unknown answer.
        if run.returncode < 0:
            crashed.add(path)
solved = wrong = unknown = 0
for path in files:
    status = expected[path].group(1) if expected[path] else None
    if answers[path] == {status}:
        solved += 1
    elif answers[path] & {"sat", "unsat"} - {status}:
        wrong += 1
        print(f"WRONG {path}: {sorted(answers[path])}, expected {status or '?'}")
    else:
        unknown += 1
per_file = [statistics.median(times[path]) for path in files]
# What the harness itself costs: the same measurement around a process that does nothing.
def spawn_ms():
    start = time.perf_counter()
    subprocess.run(["true"], capture_output=True)
    return (time.perf_counter() - start) * 1000
empty = statistics.median(spawn_ms() for _ in range(50))
for path in sorted(crashed):
    print(f"CRASHED {path}")
print(f"{len(files)} instances: solved {solved}, wrong {wrong}, unknown {unknown}"
      + (f", crashed {len(crashed)}" if crashed else ""))
print(f"whole process per file (median of {passes} passes): total {sum(per_file)/1000:.2f} s, "
      f"median {statistics.median(per_file):.1f} ms, max {max(per_file):.1f} ms")
print(f"harness: an empty process takes {empty:.1f} ms measured the same way")
sys.exit(1 if wrong or crashed else 0)
PY
