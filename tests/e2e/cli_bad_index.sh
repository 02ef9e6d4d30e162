# cli_bad_index.sh: truncated, corrupted, foreign and future-version index
# files are refused with a clear message and exit 2, never a crash.
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
size=$(wc -c < "$TMP/faq.idx")
refuse() {  # refuse NAME FILE REGEX
    "$FAQBOT" ask --index "$2" hola >/dev/null 2>"$TMP/err"
    rc=$?
    expect_eq "$1: exit code" "$rc" "2"
    expect_match "$1: message" "$(cat "$TMP/err")" "$3"
}
head -c $((size / 2)) "$TMP/faq.idx" > "$TMP/trunc.idx"
refuse "truncated" "$TMP/trunc.idx" 'truncated'
# a flipped byte in the header (its section table) is refused at open
cp "$TMP/faq.idx" "$TMP/flip.idx"
printf '\125' | dd of="$TMP/flip.idx" bs=1 seek=70 conv=notrunc 2>/dev/null
refuse "corrupted header" "$TMP/flip.idx" 'corrupt'
# one in a section's bytes: opening reads only the header; check reads all
cp "$TMP/faq.idx" "$TMP/sflip.idx"
printf '\125' | dd of="$TMP/sflip.idx" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
"$FAQBOT" check "$TMP/sflip.idx" >/dev/null 2>"$TMP/err"; expect_eq "check: corrupted section exits 2" "$?" "2"
expect_match "check: names the section" "$(cat "$TMP/err")" 'corrupt.*checksum mismatch in section'
"$FAQBOT" check "$TMP/faq.idx" >"$TMP/out" 2>&1; expect_eq "check: a good index exits 0" "$?" "0"
expect_match "check: says ok" "$(cat "$TMP/out")" 'ok, [0-9]* FAQ entries'
# its count is index's: the FAQ's entries, the small talk apart (it said
# "146 entries" of an index made of 16 and 130 of small talk)
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >"$TMP/said" 2>/dev/null
expect_eq "check: counts as index does" "$(sed -n 's/.*ok, \([0-9]* FAQ entr[a-z]* and [0-9]* of small talk\),.*/\1/p' "$TMP/out")" \
    "$(sed -n 's/^indexed \([0-9]* FAQ entr[a-z]* and [0-9]* of small talk\) .*/\1/p' "$TMP/said")"
"$FAQBOT" check "$TMP/trunc.idx" >/dev/null 2>&1; expect_eq "check: truncated exits 2" "$?" "2"
echo "# just Markdown" > "$TMP/foreign.idx"
refuse "foreign" "$TMP/foreign.idx" 'not a faqbot index'
cp "$TMP/faq.idx" "$TMP/future.idx"
printf '\143' | dd of="$TMP/future.idx" bs=1 seek=8 conv=notrunc 2>/dev/null
refuse "future version" "$TMP/future.idx" 'version 99'
: > "$TMP/empty.idx"
refuse "empty" "$TMP/empty.idx" 'empty'
# every command that opens an index refuses a bad one the same way
printf '#' > "$TMP/q.tsv"
"$FAQBOT" eval --index "$TMP/flip.idx" "$TMP/q.tsv" >/dev/null 2>"$TMP/err"; expect_eq "eval: corrupted exits 2" "$?" "2"
expect_match "eval: message" "$(cat "$TMP/err")" 'corrupt'
echo hola | "$FAQBOT" repl --index "$TMP/future.idx" >/dev/null 2>"$TMP/err"; expect_eq "repl: future version exits 2" "$?" "2"
expect_match "repl: message" "$(cat "$TMP/err")" 'version 99'
"$FAQBOT" lint --index "$TMP/trunc.idx" >/dev/null 2>&1; expect_eq "lint: truncated exits 2" "$?" "2"
echo hola | "$FAQBOT" ask --json --index "$TMP/foreign.idx" >"$TMP/out" 2>/dev/null; expect_eq "batch: foreign exits 2" "$?" "2"
expect_eq "batch: no answer printed" "$(wc -c < "$TMP/out" | tr -d ' ')" "0"
# a directory is not an index either
refuse "directory" "$TMP" '.'
# every message names the command that says it, as index's and lint's do:
# check said "faqbot check:" for a checksum but "faqbot:" for a cut or
# empty file (the open's own), and the other commands "faqbot:" likewise
for f in sflip trunc empty; do
    "$FAQBOT" check "$TMP/$f.idx" >/dev/null 2>"$TMP/err"
    expect_eq "check $f: exits 2" "$?" "2"
    expect_eq "check $f: every line prefixed faqbot check:" "$(grep -vc '^faqbot check: ' "$TMP/err")" "0"
done
"$FAQBOT" check "$TMP/none.idx" >/dev/null 2>"$TMP/err"
expect_eq "check, no file: every line prefixed faqbot check:" "$(grep -vc '^faqbot check: ' "$TMP/err")" "0"
# check takes its index as an operand: no --index offered for another
expect_eq "check, no file: no --index offered" "$(grep -c -- '--index' "$TMP/err")" "0"
"$FAQBOT" ask --index "$TMP/trunc.idx" hola >/dev/null 2>"$TMP/err"
expect_eq "ask: prefixed faqbot ask:" "$(grep -vc '^faqbot ask: ' "$TMP/err")" "0"
echo hola | "$FAQBOT" repl --index "$TMP/empty.idx" >/dev/null 2>"$TMP/err"
expect_eq "repl: prefixed faqbot repl:" "$(grep -vc '^faqbot repl: ' "$TMP/err")" "0"
