#!/usr/bin/env python3
"""across.py FAQBOT OUTDIR [--build] [SETTING...]: a ranking setting measured on every tuning
corpus at once (seed, Debian, zlib, zlib + XZ, Perl, sed, Valgrind, lsof, the sports centre,
the car sharing, the bicycle storage, the bus company, the utility, the citizens' office,
the library, the polyclinic, the dormitory) and, reported only, the held-out corpus.

--build imports and indexes every corpus under OUTDIR first (each from its own script; Debian
needs the debian-faq packages and ../shared/eval/debian-dev.tsv); without it the indexes made
by an earlier --build are used, so an index-time change needs --build again.

A SETTING is "NAME=V" (one --set), several joined by "+" ("use_lemma=1+w_lemma=0.6"), or
"NAME=V1,V2,..." (one row per value); "-" is the build as it is. Each row gives per corpus
ranked first (eval --threshold 0: the right entry leads, answered or not) and top-1 (answered,
default threshold), then the change against the first row in rows of that corpus: one row of
a corpus of N in-scope questions is 100/N points, the noise of a single question."""
import concurrent.futures, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEBIAN_DEV = os.environ.get("DEBIAN_DEV", os.path.join(ROOT, "..", "shared", "eval", "debian-dev.tsv"))

def listed():
    """The names tests/tune/corpora lists: each made by its own NAME.sh (zlib + XZ's is
    compress-faq), as tests/eval-all and bench/peers/quality read them."""
    with open(f"{HERE}/corpora", encoding="utf-8") as f:
        return [l.split(":", 1)[0] for l in f if l.strip() and not l.startswith("#")]

# name, index under OUTDIR, question files, whether it is tuned on
def corpora(out):
    import glob
    return [
        ("seed", f"{out}/seed.idx", sorted(glob.glob(f"{ROOT}/tests/eval/*.tsv")), True),
        ("debian", f"{out}/debian/deb.idx", [DEBIAN_DEV], True),
        ("zlib", f"{out}/zlib/zlib.idx", [f"{ROOT}/tests/zlib/en.tsv"], True),
        ("zlib+xz", f"{out}/compress-faq/c.idx", [f"{HERE}/compress-faq.tsv"], True),
    ] + [
        (n, f"{out}/{n}/{n}.idx", [f"{HERE}/{n}.tsv"], True) for n in listed() if n != "compress-faq"
    ] + [
        ("heldout", f"{out}/heldout.idx", [f"{ROOT}/tests/heldout/questions.tsv"], False),
    ]

def build(faqbot, out):
    os.makedirs(out, exist_ok=True)
    q = dict(stdout=subprocess.DEVNULL, check=True)
    subprocess.run([faqbot, "index", "--corpus", f"{ROOT}/corpus", "--out", f"{out}/seed.idx"], **q)
    subprocess.run([faqbot, "index", "--corpus", f"{ROOT}/tests/heldout/corpus", "--out",
                    f"{out}/heldout.idx"], **q)
    deb = f"{out}/debian/corpus"
    for lang in ["en", "fr", "it", "de", "pt"]:
        os.makedirs(f"{deb}/{lang}", exist_ok=True)
        src = f"/usr/share/doc/debian/FAQ/debian-faq.{lang}.txt.gz"
        with open(f"{deb}/{lang}/debian-faq.md", "w") as md:
            zcat = subprocess.Popen(["zcat", src], stdout=subprocess.PIPE)
            subprocess.run([faqbot, "import", "--title", "Debian FAQ", "--prefix", "debian"],
                           stdin=zcat.stdout, stdout=md, stderr=subprocess.DEVNULL, check=True)
            zcat.wait()
    subprocess.run([faqbot, "index", "--corpus", deb, "--out", f"{out}/debian/deb.idx"], **q)
    subprocess.run(["sh", f"{ROOT}/tests/zlib/eval", faqbot, f"{out}/zlib", "--quiet"], **q)
    for name in listed():
        subprocess.run(["sh", f"{HERE}/{name}.sh", faqbot, f"{out}/{name}", "--quiet"], **q)

def summary(faqbot, idx, files, sets, extra):
    args = [faqbot, "eval", "--index", idx, "--quiet"] + extra
    for s in sets:
        args += ["--set", s]
    out = subprocess.run(args + files, capture_output=True, text=True).stdout
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "all":
            return int(f[1]), [float(x.rstrip("%")) for x in f[2:6]]
    raise SystemExit("no summary: " + " ".join(args) + "\n" + out)

def in_scope(files):
    n = 0
    for path in files:
        for line in open(path, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 3 and not line.startswith("#") and f[2] not in ("NONE", "expected"):
                n += 1
    return n

def measure(faqbot, cs, sets):
    def one(c):
        name, idx, files, _ = c
        rows = in_scope(files)
        _, (top1, mrr, off, false) = summary(faqbot, idx, files, sets, [])
        _, first = summary(faqbot, idx, files, sets, ["--threshold", "0"])
        return name, (rows, first[0], top1, off, false)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        return dict(pool.map(one, cs))

def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    faqbot, out = os.path.abspath(sys.argv[1]), sys.argv[2]
    rest = sys.argv[3:]
    if rest[:1] == ["--build"]:
        build(faqbot, out)
        rest = rest[1:]
    cs = corpora(out)
    settings = []
    for s in rest or ["-"]:
        if s == "-":
            settings.append(("(as built)", []))
            continue
        parts = s.split("+")
        name, vals = parts[-1].split("=", 1)
        for v in vals.split(","):
            sets = parts[:-1] + [f"{name}={v}"]
            settings.append(("+".join(sets), sets))
    print("ranked first / top-1 (%); after the first row, the change in rows of the corpus "
          "(first, top-1); off: off-topic declined %")
    print("%-34s" % "setting" + "".join(" | %-15s" % n for n, *_ in cs))
    base = None
    for label, sets in settings:
        r = measure(faqbot, cs, sets)
        cells = []
        for name, *_ in cs:
            n, first, top1, off, false = r[name]
            if base is None:
                cells.append(" | %5.1f %5.1f %3.0f" % (first, top1, off))
            else:
                b = base[name]
                d1 = round((first - b[1]) * n / 100)
                d2 = round((top1 - b[2]) * n / 100)
                mark = "" if off == b[3] else "%+.0f" % (off - b[3])
                cells.append(" | %+3d %+3d %-7s" % (d1, d2, mark))
        print("%-34s" % label[:34] + "".join(cells), flush=True)
        if base is None:
            base = r

main()
