# eval_decline_fit.sh: the decline model over two FAQs: the seed's and zlib's
# (a FAQ nobody tuned for, from the zlib1g-dev package, asked questions
# written before any ranking was run): zlib's quality floors hold, eval
# --features writes one row per question, and eval --fit fits on both and
# scores each corpus left out.
. "$ROOT/tests/e2e/lib.sh.inc"
[ -f /usr/share/doc/zlib1g-dev/FAQ.gz ] || fail "zlib1g-dev is not installed (tools/install-deps)"
sh "$ROOT/tests/zlib/eval" "$FAQBOT" "$TMP/zlib" --quiet > "$TMP/zlib.txt" || fail "zlib eval"
cat "$TMP/zlib.txt"
python3 - "$TMP/zlib.txt" <<'PY' || fail "zlib below the floor"
import re, sys
row = re.search(r"^all\s+\d+\s+([\d.]+)%\s+([\d.]+)\s+([\d.]+)%\s+([\d.]+)%", open(sys.argv[1]).read(), re.M)
top1, mrr, off, false_decl = map(float, row.groups())
assert top1 >= 82.5, top1
assert off >= 99, off
assert false_decl <= 4.9, false_decl
PY
ok "zlib floors held"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
"$FAQBOT" eval --index "$TMP/faq.idx" --features "$TMP/seed.tsv" "$ROOT"/tests/eval/*.tsv || fail "features"
"$FAQBOT" eval --index "$TMP/zlib/zlib.idx" --features "$TMP/zlib.tsv" "$ROOT"/tests/zlib/en.tsv || fail "features"
rows=$(grep -vc '^#' "$TMP/zlib.tsv")
expect_eq "one features row a question" "$rows" "$(($(wc -l < "$ROOT/tests/zlib/en.tsv") - 1))"
out=$("$FAQBOT" eval --fit "$TMP/seed.tsv" "$TMP/zlib.tsv") || fail "fit"
printf '%s\n' "$out"
expect_match "coefficients" "$out" "^fit on all: bias -?[0-9.]+, cover [0-9.]+"
expect_match "left out" "$out" "zlib.tsv +\+cover, LOCO"
out=$("$FAQBOT" eval --fit --only cover,margin "$TMP/seed.tsv" "$TMP/zlib.tsv") || fail "fit --only"
expect_match "a feature left out weighs nothing" "$out" "unknown_words 0.000"
"$FAQBOT" eval --fit "$TMP/nonexistent.tsv" 2>/dev/null && fail "a missing file is an error"
ok "missing features file refused"
