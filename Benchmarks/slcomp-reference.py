#!/usr/bin/env python3
"""The competition's own times on the SL-COMP instances hophop runs.

SL-COMP'19 published, for every solver, its result and time on every instance
(StarExec job files, `starexec/jobs/2-qf_shls_*.csv` in the public repository
sl-comp/SL-COMP19). This script restricts those files to the instances under
our benchmark folder and prints, per solver, solved / wrong / total / median /
max wall-clock time, so the README's comparison can be recomputed:

    git clone https://github.com/sl-comp/SL-COMP19 /tmp/SL-COMP19
    python3 Benchmarks/slcomp-reference.py /tmp/SL-COMP19/starexec/jobs \\
        ../shared/benchmarks/sl-comp

The job files are read in place; nothing of them is kept in this repository.
"""
import csv
import glob
import os
import statistics
import sys
from collections import defaultdict


def our_instances(folder):
    """Instance names as StarExec writes them: `division/file.smt2`."""
    names = set()
    for path in glob.glob(os.path.join(folder, "*", "*.smt2")):
        names.add(os.path.relpath(path, folder).replace(os.sep, "/"))
    return names


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    jobs, folder = argv[1], argv[2]
    ours = our_instances(folder)
    if not ours:
        print(f"error: no *.smt2 instances under {folder}/*/", file=sys.stderr)
        return 2
    times = defaultdict(list)
    solved = defaultdict(int)
    wrong = defaultdict(int)
    recorded = set()
    for path in sorted(glob.glob(os.path.join(jobs, "2-qf_shls_*.csv"))):
        with open(path, encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                if "result" not in row:  # the virtual-best-solver summary
                    break
                if row["benchmark"] not in ours:
                    continue
                solver = row["solver"]
                if (solver, row["benchmark"]) in recorded:
                    continue  # a solver run twice on a division: keep the first job
                recorded.add((solver, row["benchmark"]))
                times[solver].append((row["benchmark"], float(row["wallclock time"])))
                if row["result"] in ("sat", "unsat"):
                    solved[solver] += 1
                    if row["expected"] in ("sat", "unsat") and row["result"] != row["expected"]:
                        wrong[solver] += 1
    print(f"{len(ours)} instances under {folder}")
    print(f"{'solver':24} {'covered':>7} {'solved':>6} {'wrong':>5} {'total s':>9} {'median ms':>9} {'max ms':>9}")
    for solver, pairs in sorted(times.items(), key=lambda item: sum(t for _, t in item[1])):
        seconds = [t for _, t in pairs]
        print(f"{solver:24} {len(seconds):7} {solved[solver]:6} {wrong[solver]:5} "
              f"{sum(seconds):9.2f} {statistics.median(seconds) * 1000:9.1f} {max(seconds) * 1000:9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
