# cli_eval.sh: faqbot eval reads query files (header skipped, NONE rows,
# language-detection rows), reports per language and in all, lists the
# misses, sweeps the threshold; it reports and does not judge (exit 0).
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
# one right answer, one off-topic row, one row whose expected id is wrong on
# purpose (a miss to list), one English row, one language-detection row
printf 'lang\tquery\texpected\n' > "$TMP/q.tsv"
printf 'es\t¿Cuándo concluye la iniciativa?\tprecursores-7\n' >> "$TMP/q.tsv"
printf 'es\t¿cómo hago una tortilla de patatas?\tNONE\n' >> "$TMP/q.tsv"
printf 'es\t¿Cuándo concluye la iniciativa?\tprecursores-1\n' >> "$TMP/q.tsv"
printf 'en\twhen does the initiative end\tprecursores-7\n' >> "$TMP/q.tsv"
printf 'es\t¿cuándo termina la iniciativa de los países precursores?\n' >> "$TMP/q.tsv"
out=$("$FAQBOT" eval --index "$TMP/faq.idx" "$TMP/q.tsv")
expect_eq "eval exits 0 even with misses" "$?" "0"
printf '%s\n' "$out"
expect_match "header line skipped" "$out" 'threshold 0\.[0-9]+, 5 questions'
expect_match "spanish row: 1 of 2 right, the off-topic one declined" "$out" '^es +3 +50\.0% +0\.500 +100\.0% +0\.0%'
expect_match "english row" "$out" '^en +1 +100\.0% +1\.000 +- '
expect_match "all row" "$out" '^all +4 +66\.7%'
expect_match "language detection" "$out" 'language detection \(lang, query rows\): es 1/1; all 100\.0%'
expect_match "the miss is listed with what it got" "$out" 'es	¿Cuándo concluye la iniciativa\?	precursores-1	precursores-7	answer	[01]\.[0-9]+'
n=$(printf '%s\n' "$out" | grep -c 'precursores-7	answer')
expect_eq "only the miss is listed" "$n" "1"

# two files are one set
printf 'pt\tquando termina a iniciativa\tprecursores-7\n' > "$TMP/pt.tsv"
out=$("$FAQBOT" eval --quiet --index "$TMP/faq.idx" "$TMP/q.tsv" "$TMP/pt.tsv")
expect_match "second file read" "$out" '^pt +1 '
printf '%s' "$out" | grep -q misses && fail "--quiet lists no misses"
ok "--quiet lists no misses"

# the sweep: one line per threshold from 0.05 to 0.95
out=$("$FAQBOT" eval --quiet --sweep --index "$TMP/faq.idx" "$TMP/q.tsv")
expect_eq "sweep rows" "$(printf '%s\n' "$out" | grep -cE '^  0\.[0-9][05] +[0-9.]+% +[0-9.]+% +[0-9.]+%$')" "19"
expect_match "sweep from 0.05" "$out" '^  0\.05 '
expect_match "sweep to 0.95" "$out" '^  0\.95 '
out=$("$FAQBOT" eval --quiet --threshold 0.9 --index "$TMP/faq.idx" "$TMP/q.tsv")
expect_match "--threshold is used" "$out" '^threshold 0\.90,'
"$FAQBOT" eval --index "$TMP/faq.idx" 2>/dev/null; expect_eq "no query file exits 1" "$?" "1"
"$FAQBOT" eval --index "$TMP/faq.idx" "$TMP/none.tsv" 2>"$TMP/err"; expect_eq "missing query file exits 2" "$?" "2"
expect_match "missing file named" "$(cat "$TMP/err")" 'none.tsv: cannot read'
"$FAQBOT" eval --index "$TMP/none.idx" "$TMP/q.tsv" 2>/dev/null; expect_eq "missing index exits 2" "$?" "2"
