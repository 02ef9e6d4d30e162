#!/usr/bin/env python3
"""loco.py SWEEP.txt... : leave-one-corpus-out over sweep.py tables. For each parameter and
each corpus left out, the value that scores best on the other two (ranked first + top-1 +
100 x MRR, summed; the seed must keep top-1 >= 95% and off-topic 100%) is checked on the one
left out against the shipped default: it must lose on none of top-1, MRR, ranked first.
Ties go to the value nearest the default."""
import re, sys
from collections import defaultdict

rows = defaultdict(dict)  # param -> value -> {corpus: (top1, mrr, off, false, first)}
for path in sys.argv[1:]:
    for line in open(path):
        m = re.match(r"(\w+)=(\S+)\s*\|(.*)", line)
        if not m:
            continue
        cells = {}
        for cell in m.group(3).split("|"):
            f = cell.split()
            cells[f[0]] = tuple(float(x) for x in f[1:6])
        rows[m.group(1)][m.group(2)] = cells

DEFAULTS = dict(l.split()[0:3:2] for l in open("/dev/stdin")) if not sys.stdin.isatty() else {}

def score(c, r):
    return r[4] + r[0] + 100 * r[1]

def ok_seed(cells):
    s = cells["seed"]
    return s[0] >= 95.0 and s[2] >= 100.0

for p, vals in rows.items():
    d = DEFAULTS.get(p)
    if d is None:
        continue
    dv = next((v for v in vals if float(v) == float(d)), None)
    if dv is None:
        continue
    corp = list(vals[dv].keys())
    out = []
    for left in corp:
        train = [c for c in corp if c != left]
        cand = [v for v in vals if ok_seed(vals[v]) or left == "seed"]
        best = max(cand, key=lambda v: (round(sum(score(c, vals[v][c]) for c in train), 6),
                                         -abs(float(v) - float(dv))))
        a, b = vals[best][left], vals[dv][left]
        lose = a[0] < b[0] or a[1] < b[1] - 1e-9 or a[4] < b[4]
        gain = (a[0] > b[0] or a[1] > b[1] + 1e-9 or a[4] > b[4])
        verdict = "same" if best == dv else ("LOSES" if lose else ("gains" if gain else "no change"))
        out.append("%s out: %s -> %s" % (left, best, verdict))
    print("%-22s default %-6s %s" % (p, dv, "; ".join(out)))
