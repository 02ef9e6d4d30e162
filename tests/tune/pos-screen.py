#!/usr/bin/env python3
"""pos-screen.py FAQBOT OUTDIR [CORPUS...]: the part of speech the installed Hunspell
dictionaries give, read against the decline (docs/quality.md, "Part of speech from the
installed Hunspell dictionaries").

Needs the indexes `across.py FAQBOT OUTDIR --build` made and the dumps `decline-fit.sh FAQBOT
OUTDIR` wrote (OUTDIR/features/<corpus>.tsv). For every row of every tuning corpus (never the
held-out one) it reads the words the FAQ lacks and the leader's matched words from `faqbot ask
--explain`, tags each noun (N), not a noun (X), either (A), not in the dictionary (?) or no tag
(-), then prints per language and row kind (ok: answered right, FD: right leader declined, OT-d,
OT-a: off-topic declined, answered; small talk left out) the rows, those tagged, and those for
which "every word lacked is not a noun and a matched word is" holds, the FD and OT-a rows one
by one, of the CORPUS named (default: all). It writes OUTDIR/features-pos/<corpus>.tsv, the
dumps with the share of the words lacked that are not nouns in the faq_common column
(OUTDIR/features-zero/ the same at 0), for `faqbot eval --fit --hold --only ... --after
faq_common` on either.

Where a tag comes from: French `po:` and Portuguese `[CAT=` on the dictionary's entries; Dutch
`ts:` and Danish `+TAG` on the suffix rules the entry's flags apply; Spanish, Italian (and
Portuguese entries without a category) by how many forms the entry's flags make (a conjugation
makes 20 or more); German by the reading that makes the most forms, a capitalised entry (a
noun) winning ties. Other languages: no tag."""
import concurrent.futures, ctypes, glob, os, re, subprocess, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HUNSPELL = os.environ.get("FAQBOT_HUNSPELL_DIR", "/usr/share/hunspell")
# the dictionaries a tag can be read from (Swedish, Norwegian, Turkish and English: no rule found)
DICTS = {"es": "es_ES", "de": "de_DE", "fr": "fr", "it": "it_IT", "pt": "pt_PT", "nl": "nl",
         "da": "da_DK"}
CONJUGATION = 20  # forms a Spanish or Italian flag set makes from a verb (nouns make 1 to 3)
RULE_NOUN = ("ts:NN", "+PLUR_", "+BESTEMT_")
RULE_OTHER = ("ts:AJ", "ts:VB", "ts:PP", "+KOMPARATIV", "+SUPERLATIV", "+DATID", "+PERF_PART",
              "+IMPERATIV", "+NUTID", "+PRÆSENS", "+PASSIV")

lib = ctypes.CDLL("libhunspell-1.7.so.0")
lib.Hunspell_create.restype = ctypes.c_void_p
lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
lib.Hunspell_stem.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
                              ctypes.c_char_p]
lib.Hunspell_free_list.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
                                   ctypes.c_int]

def encoding(aff):
    with open(aff, "rb") as f:
        for line in f:
            if line.startswith(b"SET "):
                e = line.split()[1].decode()
                return "latin-1" if e.upper().replace("-", "") == "ISO88591" else e
    return "latin-1"

class Dictionary:
    """A Hunspell dictionary's entries (word -> [(flags, morphology)]) and suffix rules."""
    def __init__(self, name):
        aff, dic = f"{HUNSPELL}/{name}.aff", f"{HUNSPELL}/{name}.dic"
        self.enc = encoding(aff)
        self.h = lib.Hunspell_create(aff.encode(), dic.encode())
        self.flag, self.rules, self.entries = "char", {}, {}
        lines = open(aff, encoding=self.enc, errors="replace").read().splitlines()
        for p in (l.split() for l in lines):
            if len(p) > 1 and p[0] == "FLAG":
                self.flag = p[1]
            elif len(p) >= 5 and p[0] in ("SFX", "PFX"):  # a rule, not the header line
                strip, add = ("" if p[2] == "0" else p[2]), p[3].split("/")[0]
                self.rules.setdefault(p[1], []).append(
                    (p[0], strip, "" if add == "0" else add, p[4], p[5:]))
        with open(dic, encoding=self.enc, errors="replace") as f:
            next(f)
            for line in f:
                parts = line.rstrip("\n").split(None, 1)
                if not parts or line[0] in "\t#":
                    continue
                word, _, flags = parts[0].partition("/") if "/" in parts[0][1:] else (parts[0], "", "")
                self.entries.setdefault(word, []).append((self.split(flags), parts[1] if len(parts) > 1 else ""))

    def split(self, flags):
        if self.flag == "long":
            return [flags[i:i + 2] for i in range(0, len(flags), 2)]
        if self.flag == "num":
            return [x for x in flags.split(",") if x]
        return list(flags)

    def stems(self, word):
        out = ctypes.POINTER(ctypes.c_char_p)()
        n = lib.Hunspell_stem(self.h, ctypes.byref(out), word.encode(self.enc, "replace"))
        stems = [out[i].decode(self.enc, "replace") for i in range(n)]
        lib.Hunspell_free_list(self.h, ctypes.byref(out), n)
        return stems

    def applied(self, word, flags):
        """The suffix and prefix rules of flags whose condition the word meets."""
        for fl in flags:
            for kind, strip, add, cond, morph in self.rules.get(fl, []):
                if kind == "SFX" and word.endswith(strip) and re.search(f"(?:{cond})$", word):
                    yield word[:len(word) - len(strip)] + add, morph
                elif kind == "PFX" and word.startswith(strip) and re.match(cond, word):
                    yield add + word[len(strip):], morph

    def readings(self, word):
        """Every entry the word is a form of: (entry, forms its flags make, morphology, rule tags)."""
        out = []
        for stem in set(self.stems(word)) | {word}:
            for cand in {stem, stem.lower(), stem[:1].upper() + stem[1:]}:
                for flags, morph in self.entries.get(cand, []):
                    made = list(self.applied(cand, flags))
                    out.append((cand, len({w for w, _ in made}), morph, {t for _, m in made for t in m}))
        return out

_dicts = {}
def dictionary(lang):
    if lang in DICTS and lang not in _dicts:
        _dicts[lang] = Dictionary(DICTS[lang])
    return _dicts.get(lang)

def one_of(classes):
    return "A" if len(classes) > 1 else classes.pop()

def tag(lang, word):
    d = dictionary(lang)
    if not d:
        return "-"
    rs = d.readings(word)
    if not rs:
        return "?"
    for field, noun in (("po:", ("po:nom",)), ("[CAT=", ("CAT=nc", "CAT=np"))):
        if any(field in r[2] for r in rs):
            return one_of({"N" if any(n in r[2] for n in noun) else "X" for r in rs if field in r[2]})
    if lang in ("nl", "da"):
        classes = set()
        for r in rs:
            if any(t.startswith(RULE_NOUN) for t in r[3]):
                classes.add("N")
            elif not r[3] or any(t.startswith(RULE_OTHER) for t in r[3]):
                classes.add("X")  # uninflected, or inflected as an adjective or a verb
        return one_of(classes) if classes else "-"
    if lang == "de":
        best = max(rs, key=lambda r: (r[1], r[0][:1].isupper()))
        return "N" if best[0][:1].isupper() else "X"
    if lang in ("es", "it", "pt"):
        best = max(rs, key=lambda r: r[1])
        return "X" if best[1] >= CONJUGATION or best[1] == 0 else "N"
    return "-"

def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c))

def as_typed(word, query):
    """The question's own word for a folded one (tombee -> tombée): the dictionaries want accents."""
    return next((t.lower() for t in re.findall(r"\w+", query) if fold(t) == fold(word)), word)

def explain(faqbot, idx, query):
    text = subprocess.run([faqbot, "ask", "--index", idx, "--explain", query],
                          capture_output=True, text=True).stdout
    lacked = [(m[0], float(m[1])) for m in re.findall(r'^word "(.*)": weight ([\d.]+) \(unknown to the FAQ\)', text, re.M)]
    lang = re.search(r"^query language: (\S+)", text, re.M)
    lead = re.search(r"^#1 (\S+): .*matched: (.*)$", text, re.M)
    return lacked, lead.group(2).split() if lead else [], lead.group(1) if lead else None, lang.group(1) if lang else ""

def corpora(out):
    names = [l.split(":", 1)[0] for l in open(f"{HERE}/corpora", encoding="utf-8")
             if l.strip() and not l.startswith("#")]
    return [("seed", f"{out}/seed.idx", sorted(glob.glob(f"{ROOT}/tests/eval/*.tsv"))),
            ("debian", f"{out}/debian/deb.idx", [os.environ.get("DEBIAN_DEV", f"{ROOT}/../shared/eval/debian-dev.tsv")]),
            ("zlib", f"{out}/zlib/zlib.idx", [f"{ROOT}/tests/zlib/en.tsv"]),
            ("zlib+xz", f"{out}/compress-faq/c.idx", [f"{HERE}/compress-faq.tsv"])] + [
            (n, f"{out}/{n}/{n}.idx", [f"{HERE}/{n}.tsv"]) for n in names if n != "compress-faq"]

def questions(files):
    rows = []
    for fn in files:
        for i, line in enumerate(open(fn, encoding="utf-8")):
            p = line.rstrip("\n").split("\t")
            if len(p) >= 3 and not (i == 0 and p[0] == "lang"):
                rows.append(p[:3])
    return rows

def main(faqbot, out, only):
    counts = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    shown = []
    for name, idx, files in corpora(out):
        dump = open(f"{out}/features/{name}.tsv", encoding="utf-8").read().splitlines()
        head, dump = dump[0].split("\t"), [l.split("\t") for l in dump[1:]]
        qs = questions(files)
        if len(qs) != len(dump):
            print(f"{name}: {len(qs)} questions, {len(dump)} rows dumped; left out", file=sys.stderr)
            continue
        col = {k: head.index(k) for k in ("in_scope", "leader_right", "answered", "faq_common")}
        with concurrent.futures.ThreadPoolExecutor(2) as ex:
            said = list(ex.map(lambda q: explain(faqbot, idx, q[1]), qs))
        written = {"features-pos": ["\t".join(head)], "features-zero": ["\t".join(head)]}
        for (lang, query, _), row, (lacked, matched, leader, qlang) in zip(qs, dump, said):
            lang = qlang or lang
            lw = [(as_typed(w, query), weight) for w, weight in lacked]
            lt = [tag(lang, w) for w, _ in lw]
            mw = [as_typed(w, query) for w in matched]
            mt = [tag(lang, w) for w in mw]
            weight = sum(x for _, x in lw)
            share = sum(x for (_, x), t in zip(lw, lt) if t in "XA") / weight if weight else 0.0
            row[col["faq_common"]] = "0.000000"
            written["features-zero"].append("\t".join(row))
            row[col["faq_common"]] = f"{share:.6f}"
            written["features-pos"].append("\t".join(row))
            right = row[col["in_scope"]] == "1" and row[col["leader_right"]] == "1"
            answered = row[col["answered"]] == "1"
            kind = ("ok" if answered else "FD") if right else None
            if row[col["in_scope"]] == "0" and (leader or not answered):
                kind = "OT-a" if answered else "OT-d"
            if not kind or (only and name not in only):
                continue
            holds = bool(lt) and all(t in "XA" for t in lt) and any(t in "NA?" for t in mt)
            for key in (lang, "all"):
                c = counts[key][kind]
                c[0] += 1
                c[1] += "-" not in lt + mt
                c[2] += holds
            if kind in ("FD", "OT-a"):
                shown.append(f"{kind:4} {name:12} {lang} {query!r}: lacks "
                             f"{' '.join(f'{w}/{t}' for (w, _), t in zip(lw, lt)) or '-'}; matched "
                             f"{' '.join(f'{w}/{t}' for w, t in zip(mw, mt))}{' -> holds' if holds else ''}")
        for folder, lines in written.items():
            os.makedirs(f"{out}/{folder}", exist_ok=True)
            with open(f"{out}/{folder}/{name}.tsv", "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
    print("language: kind rows / tagged / the rule holds")
    for lang, kinds in counts.items():
        print(lang, "  ".join(f"{k} {v[0]}/{v[1]}/{v[2]}" for k, v in sorted(kinds.items())))
    print("\n".join(shown))

if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__.split("\n\n")[0])
    main(sys.argv[1], sys.argv[2], set(sys.argv[3:]))
