#!/usr/bin/env bash
# hophop next to Smallfoot 0.1 on Smallfoot's own examples, as whole processes
# in one run: each file's verdict from both, and the median wall time of each
# over HOPHOP_BENCH_PASSES passes (default 5). Not run by CI: Smallfoot is a
# peer built locally (../shared/tools/build-smallfoot after fetching
# alpaylan/VerySmallFoot); its examples are not in this repository.
# Usage: Benchmarks/smallfoot-side-by-side.sh SMALLFOOT FOLDER_OF_SF_FILES
# hophop is built as shipped (scripts/build-static.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
smallfoot="$1"
folder="$2"
hophop="$(bash scripts/build-static.sh hophop)/hophop"
python3 - "$hophop" "$smallfoot" "$folder" "${HOPHOP_BENCH_PASSES:-5}" <<'PY'
import pathlib, statistics, subprocess, sys, time
hophop, smallfoot, folder, passes = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]), int(sys.argv[4])
files = sorted(folder.glob("*.sf"))
if not files:
    sys.exit(f"no .sf files in {folder}")
def run(command):
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    return (time.perf_counter() - start) * 1000, done
def smallfoot_verdict(done):
    out = done.stdout + done.stderr
    if "NOT Valid" in out: return "invalid"
    if "\nValid" in "\n" + out: return "valid"
    return "rejected"
def hophop_verdict(done):
    return {0: "valid", 1: "invalid"}.get(done.returncode, "bad input")
rows, ratios, agree = [], [], 0
for path in files:
    times_h, times_s = [], []
    for _ in range(passes):
        # Interleaved, so that a busy moment of the machine hits both alike.
        t, h = run([hophop, "check", str(path)]); times_h.append(t)
        t, s = run([smallfoot, str(path)]); times_s.append(t)
    vh, vs = hophop_verdict(h), smallfoot_verdict(s)
    # Smallfoot rejects races statically; hophop reports them as invalid (HH107).
    same = vh == vs or (vs == "rejected" and vh == "invalid" and "HH107" in h.stderr)
    agree += same
    mh, ms = statistics.median(times_h), statistics.median(times_s)
    ratios.append(mh / ms)
    rows.append((path.name, vh, vs, "yes" if same else "NO", mh, ms))
print(f"{'file':40} {'hophop':9} {'Smallfoot':10} agree  hophop ms  Smallfoot ms")
for name, vh, vs, same, mh, ms in rows:
    print(f"{name:40} {vh:9} {vs:10} {same:5} {mh:10.1f} {ms:13.1f}")
print(f"{agree}/{len(files)} agree; median time ratio hophop/Smallfoot = {statistics.median(ratios):.2f} "
      f"(per file, median of {passes} interleaved passes)")
PY
