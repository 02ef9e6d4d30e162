#!/usr/bin/env python3
"""sweep.py FAQBOT DEB_IDX DEB_TSV COMPRESS_IDX [NAME=V1,V2,... | --set NAME=V ...]:
every value of a ranking parameter on the three tuning corpora (seed, Debian, compress),
at the shipped threshold and with no decline at all (ranking alone)."""
import glob, subprocess, sys

def corpora(deb_idx, deb_tsv, c_idx):
    return [("seed", "build/faq.idx", sorted(glob.glob("tests/eval/*.tsv"))),
            ("debian", deb_idx, [deb_tsv]),
            ("compress", c_idx, ["tests/tune/compress-faq.tsv"])]

def run(faqbot, idx, files, sets, extra):
    args = [faqbot, "eval", "--index", idx, "--quiet"] + extra
    for s in sets:
        args += ["--set", s]
    out = subprocess.run(args + files, capture_output=True, text=True).stdout
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "all":
            return [float(x.rstrip("%")) for x in f[2:6]]
    raise SystemExit("no summary: " + " ".join(args))

def measure(faqbot, cs, sets):
    row = {}
    for name, idx, files in cs:
        top1, mrr, off, false = run(faqbot, idx, files, sets, [])
        first = run(faqbot, idx, files, sets, ["--threshold", "0"])[0]
        row[name] = (top1, mrr, off, false, first)
    return row

def main():
    faqbot, deb_idx, deb_tsv, c_idx = sys.argv[1:5]
    cs = corpora(deb_idx, deb_tsv, c_idx)
    rest = sys.argv[5:]
    base = [a for a in rest if a.startswith("@")]
    base = [b[1:] for b in base]
    vary = [a for a in rest if not a.startswith("@")]
    hdr = "%-28s" % "setting" + "".join(
        " | %-8s top1   MRR   off  fals first" % n for n, _, _ in cs)
    print(hdr)
    def show(label, sets):
        r = measure(faqbot, cs, sets)
        print("%-28s" % label + "".join(
            " | %-8s %5.1f %5.3f %5.1f %4.1f %5.1f" % ((n,) + r[n]) for n, _, _ in cs), flush=True)
    if not vary:
        show("(base)", base)
    for v in vary:
        name, vals = v.split("=", 1)
        for val in vals.split(","):
            show("%s=%s" % (name, val), base + ["%s=%s" % (name, val)])

main()
