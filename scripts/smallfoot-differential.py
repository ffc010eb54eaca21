#!/usr/bin/env python3
"""Differential test of hophop against Smallfoot 0.1 on mutants of our examples.

Takes the Smallfoot-layer examples (examples/smallfoot/*.hop), makes mutants of
them deterministically (a seeded random choice of small edits: delete a line,
flip == / !=, swap adjacent statements, NULL <-> variable, || -> ;, ...), writes
each mutant twice into a temporary folder (F.hop for hophop, F.sf without the
`//` comments for Smallfoot, same line numbers), runs both checkers with a
timeout and prints how often they agree. Mutants on which they disagree are
copied, with both outputs, into the --out folder.

  hophop check F.hop : exit 0 valid, 1 not valid / unknown, 2 bad input
                       (exit 2 with "not checked" = that part is not implemented yet)
  smallfoot F.sf     : last line "Valid" / "NOT Valid"; otherwise a static error
                       (race, resources: a rejection) or a parse error (bad input)

Usage:
  scripts/smallfoot-differential.py [--hophop PATH] [--smallfoot PATH]
      [--count 600] [--seed 1] [--timeout 20] [--jobs 2] [--out DIR] [FILE.hop ...]

Standard library only.
"""

import argparse
import collections
import concurrent.futures
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_HOPHOP = "/work/main/.build/debug/hophop"
BUILD_SMALLFOOT = "/work/shared/tools/build-smallfoot"

KEYWORDS = {
    "NULL", "dispose", "dlseg", "else", "emp", "false", "if", "list", "lseg", "local",
    "new", "resource", "then", "tree", "true", "when", "while", "with", "xlseg",
}


# ---------------------------------------------------------------- mutations

def strip_comments(text):
    """The Smallfoot version of a .hop file: `//` comments removed, lines kept."""
    return "\n".join(re.sub(r"//.*$", "", line) for line in text.split("\n"))


def code_lines(lines):
    """Indices of lines that hold code (not the header, blank or comment lines)."""
    return [i for i, l in enumerate(lines)
            if i > 0 and l.strip() and not l.strip().startswith("//")]


def statement_lines(lines):
    """Lines that are one simple statement inside a body (indented, ending in ';')."""
    return [i for i in code_lines(lines)
            if lines[i].startswith(" ") and lines[i].rstrip().endswith(";")
            and not lines[i].strip().startswith("local")]


def variables(text):
    """Program variables of the file: parameters and locals (rough, but enough)."""
    names = set()
    for m in re.finditer(r"^\s*local\s+([^;]*);", text, re.M):
        names.update(n.strip() for n in m.group(1).split(","))
    for m in re.finditer(r"^([A-Za-z_]\w*)\s*\(([^)]*)\)\s*(\[|\{)", text, re.M):
        names.update(n.strip() for n in re.split(r"[,;]", m.group(2)) if n.strip())
    return sorted(n for n in names if n and n not in KEYWORDS and not n.startswith("_"))


def m_delete_line(lines, rng):
    cands = statement_lines(lines)
    if not cands:
        return None
    i = rng.choice(cands)
    return lines[:i] + lines[i + 1:], "delete line %d" % (i + 1)


def m_duplicate_line(lines, rng):
    cands = statement_lines(lines)
    if not cands:
        return None
    i = rng.choice(cands)
    return lines[:i + 1] + [lines[i]] + lines[i + 1:], "duplicate line %d" % (i + 1)


def m_swap_adjacent(lines, rng):
    st = set(statement_lines(lines))
    cands = sorted(i for i in st if i + 1 in st)
    if not cands:
        return None
    i = rng.choice(cands)
    out = list(lines)
    out[i], out[i + 1] = out[i + 1], out[i]
    return out, "swap lines %d and %d" % (i + 1, i + 2)


def _replace_one(lines, rng, pattern, repl, what, only_code=True):
    cands = []
    for i in (code_lines(lines) if only_code else range(len(lines))):
        for m in re.finditer(pattern, lines[i]):
            cands.append((i, m))
    if not cands:
        return None
    i, m = rng.choice(cands)
    new = repl(m) if callable(repl) else repl
    line = lines[i][:m.start()] + new + lines[i][m.end():]
    return lines[:i] + [line] + lines[i + 1:], "%s on line %d" % (what, i + 1)


def m_flip_eq(lines, rng):
    return _replace_one(lines, rng, r"==|!=", lambda m: "!=" if m.group(0) == "==" else "==",
                        "flip ==/!=")


def m_null_to_var(lines, rng):
    vs = variables("\n".join(lines))
    if not vs:
        return None
    v = rng.choice(vs)
    return _replace_one(lines, rng, r"\bNULL\b", v, "NULL -> %s" % v)


def m_var_to_null(lines, rng):
    vs = variables("\n".join(lines))
    if not vs:
        return None
    v = rng.choice(vs)
    # not in declarations (local lists, parameter lists) and not as an assignment target
    cands = []
    for i in statement_lines(lines):
        for m in re.finditer(r"\b%s\b" % re.escape(v), lines[i]):
            if re.match(r"\s*=[^=]", lines[i][m.end():]):
                continue  # an assignment target stays a variable
            cands.append((i, m))
    if not cands:
        return None
    i, m = rng.choice(cands)
    line = lines[i][:m.start()] + "NULL" + lines[i][m.end():]
    return lines[:i] + [line] + lines[i + 1:], "%s -> NULL on line %d" % (v, i + 1)


def m_var_to_var(lines, rng):
    vs = variables("\n".join(lines))
    if len(vs) < 2:
        return None
    a, b = rng.sample(vs, 2)
    cands = [(i, m) for i in statement_lines(lines) for m in re.finditer(r"\b%s\b" % re.escape(a), lines[i])]
    if not cands:
        return None
    i, m = rng.choice(cands)
    line = lines[i][:m.start()] + b + lines[i][m.end():]
    return lines[:i] + [line] + lines[i + 1:], "%s -> %s on line %d" % (a, b, i + 1)


def m_parallel_to_seq(lines, rng):
    return _replace_one(lines, rng, r"\)\s*\|\|\s*", "); ", "|| -> ;")


def m_field(lines, rng):
    fields = {"tl": "hd", "hd": "tl", "l": "r", "r": "l", "d": "l"}
    return _replace_one(lines, rng, r"->\s*(tl|hd|l|r|d)\b",
                        lambda m: "->" + fields[m.group(1)], "swap field")


def m_drop_conjunct(lines, rng):
    pat = r"\s\*\s(?:list|lseg|tree|dlseg|xlseg)\([^()]*\)|\s\*\s\w+\s\|->(?:\s*\w+:\s*\w+(?:,\s*\w+:\s*\w+)*)?(?=\s*[\]*])"
    return _replace_one(lines, rng, pat, "", "drop a * conjunct")


def m_dispose_to_skip(lines, rng):
    return _replace_one(lines, rng, r"\bdispose\s+\(?\w+\)?\s*;", "{}", "remove dispose")


def m_condition_negate_while(lines, rng):
    return _replace_one(lines, rng, r"while\s*\((\w+)\s*(==|!=)", lambda m: "while (%s %s" % (
        m.group(1), "==" if m.group(2) == "!=" else "!="), "negate while test")


MUTATIONS = [
    ("delete-line", m_delete_line, 3),
    ("flip-eq", m_flip_eq, 3),
    ("swap-adjacent", m_swap_adjacent, 3),
    ("null-to-var", m_null_to_var, 2),
    ("var-to-null", m_var_to_null, 2),
    ("var-to-var", m_var_to_var, 2),
    ("duplicate-line", m_duplicate_line, 1),
    ("parallel-to-seq", m_parallel_to_seq, 1),
    ("swap-field", m_field, 1),
    ("drop-conjunct", m_drop_conjunct, 2),
    ("remove-dispose", m_dispose_to_skip, 1),
    ("negate-while", m_condition_negate_while, 1),
]


def make_mutants(sources, count, seed):
    """[(name, operator, description, text)], deterministic for a given seed."""
    rng = random.Random(seed)
    ops = [op for op in MUTATIONS for _ in range(op[2])]
    names = sorted(sources)
    seen = {hashlib.sha1(sources[n].encode()).hexdigest() for n in names}
    out = []
    attempts = 0
    while len(out) < count and attempts < count * 50:
        attempts += 1
        name = rng.choice(names)
        lines = sources[name].split("\n")
        # one to two edits per mutant
        label, desc, text_lines = [], [], lines
        for _ in range(1 if rng.random() < 0.8 else 2):
            opname, fn, _ = rng.choice(ops)
            r = fn(text_lines, rng)
            if r is None:
                continue
            text_lines, d = r
            label.append(opname)
            desc.append(d)
        if not label:
            continue
        text = "\n".join(text_lines)
        h = hashlib.sha1(text.encode()).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        out.append(("m%04d_%s" % (len(out) + 1, name), "+".join(label), "; ".join(desc), text))
    return out


# ---------------------------------------------------------------- running

def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"") + (e.stderr or b"")
        return None, out.decode(errors="replace") if isinstance(out, bytes) else out


def hophop_verdict(binary, path, timeout):
    rc, out = run([binary, "check", "--no-color", path], timeout)
    if rc is None:
        return "timeout", out
    if rc == 0:
        return "valid", out
    if rc == 1:
        return "reject", out
    if rc == 2 and "not checked" in out:
        return "not-checked", out
    return "bad-input", out


def smallfoot_verdict(binary, path, timeout):
    rc, out = run([binary, path], timeout)
    if rc is None:
        return "timeout", out
    lines = [l for l in out.splitlines() if l.strip()]
    last = lines[-1].strip() if lines else ""
    if last == "Valid":
        return "valid", out
    if last == "NOT Valid":
        return "reject", out
    if re.search(r"Parse error|Syntax error|Illegal character|Unterminated comment|"
                 r"is not defined|arguments but|must be distinct|must be variables|"
                 r"More than one|cannot be both|Unknown (expression|proposition)|"
                 # Smallfoot's naming rule (a global's name may not be a local or parameter anywhere).
                 r"Global variable .* cannot be a", out):
        return "bad-input", out
    if rc != 0 and not lines:
        return "bad-input", out
    # races, resource discipline, global passed by reference: a static rejection
    return "reject", out


def category(h, s):
    if "timeout" in (h, s):
        return "timeout in either"
    if h == "not-checked":
        return "hophop: not checked yet"
    if "bad-input" in (h, s):
        return "bad input in either"
    if h == s == "valid":
        return "both valid"
    if h == s == "reject":
        return "both reject"
    if h == "valid":
        return "hophop valid only"
    return "Smallfoot valid only"


CATEGORIES = ["both valid", "both reject", "hophop valid only", "Smallfoot valid only",
              "bad input in either", "hophop: not checked yet", "timeout in either"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", help="examples to mutate (default: examples/smallfoot/*.hop)")
    ap.add_argument("--hophop", default=DEFAULT_HOPHOP)
    ap.add_argument("--smallfoot", default=None, help="default: the path build-smallfoot prints")
    ap.add_argument("--count", type=int, default=600, help="number of mutants (default 600)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per run of each checker")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "smallfoot-differential"),
                    help="folder for the disagreeing mutants (emptied first)")
    ap.add_argument("--no-originals", action="store_true", help="do not also run the unmutated files")
    args = ap.parse_args()

    smallfoot = args.smallfoot
    if smallfoot is None:
        p = subprocess.run([BUILD_SMALLFOOT], capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("build-smallfoot failed: " + p.stderr.strip())
        smallfoot = p.stdout.strip().splitlines()[-1]
    for b in (args.hophop, smallfoot):
        if not os.access(b, os.X_OK):
            sys.exit("not executable: " + b)

    files = args.files or sorted(
        os.path.join(ROOT, "examples", "smallfoot", f)
        for f in os.listdir(os.path.join(ROOT, "examples", "smallfoot")) if f.endswith(".hop"))
    sources = {os.path.basename(f)[:-4]: open(f, encoding="utf-8").read() for f in files}

    cases = [] if args.no_originals else [
        ("orig_" + n, "original", "unmutated", sources[n]) for n in sorted(sources)]
    cases += make_mutants(sources, args.count, args.seed)

    work = tempfile.mkdtemp(prefix="sf-diff-")

    def check(case):
        name, op, desc, text = case
        hop = os.path.join(work, name + ".hop")
        sf = os.path.join(work, name + ".sf")
        with open(hop, "w", encoding="utf-8") as f:
            f.write(text)
        with open(sf, "w", encoding="utf-8") as f:
            f.write(strip_comments(text))
        h, hout = hophop_verdict(args.hophop, hop, args.timeout)
        s, sout = smallfoot_verdict(smallfoot, sf, args.timeout)
        return case, h, hout, s, sout

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        for r in ex.map(check, cases):
            results.append(r)

    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)

    table = collections.Counter()
    by_op = collections.defaultdict(collections.Counter)
    written = 0
    for (name, op, desc, text), h, hout, s, sout in results:
        c = category(h, s)
        table[c] += 1
        by_op[op.split("+")[0] if op != "original" else "original"][c] += 1
        if c in ("hophop valid only", "Smallfoot valid only", "bad input in either", "timeout in either"):
            written += 1
            base = os.path.join(args.out, name)
            with open(base + ".hop", "w", encoding="utf-8") as f:
                f.write(text)
            with open(base + ".sf", "w", encoding="utf-8") as f:
                f.write(strip_comments(text))
            with open(base + ".txt", "w", encoding="utf-8") as f:
                f.write("mutation: %s (%s)\ncategory: %s\n\n== hophop: %s\n%s\n== smallfoot: %s\n%s\n"
                        % (op, desc, c, h, hout, s, sout))
    shutil.rmtree(work, ignore_errors=True)

    n_mut = sum(1 for r in results if r[0][1] != "original")
    print("hophop:    %s\nsmallfoot: %s\n%d files, %d mutants (seed %d), %d originals\n"
          % (args.hophop, smallfoot, len(sources), n_mut, args.seed, len(results) - n_mut))
    width = max(len(c) for c in CATEGORIES)
    print("%-*s  %6s" % (width, "outcome", "count"))
    for c in CATEGORIES:
        print("%-*s  %6d" % (width, c, table[c]))
    print("%-*s  %6d" % (width, "total", len(results)))
    print("\nby first mutation operator:")
    ops = sorted(by_op)
    short = {"both valid": "bothV", "both reject": "bothR", "hophop valid only": "hopV",
             "Smallfoot valid only": "sfV", "bad input in either": "bad",
             "hophop: not checked yet": "notchk", "timeout in either": "tmo"}
    print("  %-16s" % "operator" + "".join("%7s" % short[c] for c in CATEGORIES))
    for op in ops:
        print("  %-16s" % op + "".join("%7d" % by_op[op][c] for c in CATEGORIES))
    sf_only = collections.Counter(s for _, h, _, s, _ in results)
    print("\nSmallfoot alone: %s" % ", ".join("%s %d" % kv for kv in sorted(sf_only.items())))
    hop_only = collections.Counter(h for _, h, _, s, _ in results)
    print("hophop alone:    %s" % ", ".join("%s %d" % kv for kv in sorted(hop_only.items())))
    print("\n%d mutants written to %s (disagreements, bad input, timeouts)" % (written, args.out))
    disagree = table["hophop valid only"] + table["Smallfoot valid only"]
    return 1 if disagree else 0


if __name__ == "__main__":
    sys.exit(main())
