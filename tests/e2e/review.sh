# review.sh: faqbot review on logs of known questions: a declined-question
# log written by the real server plus hand-written lines, and a feedback
# log. Each question must land under the entry it belongs to (as a ready to
# paste "? question" line under that entry's heading), paraphrases under one
# heading, a 👎 never under the entry voted down, off-topic questions last,
# grouped together.
. "$ROOT/tests/e2e/lib.sh.inc"
trap 'stop_server' EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"

# the server writes the first lines: two questions it declines
start_server "$TMP/faq.idx" --unanswered "$TMP/unanswered.log"
for q in 'how%20do%20I%20cook%20a%20paella' 'paella%20recipe%20with%20seafood'; do
    curl -s "${URL}api/ask?q=$q" | grep -q '"outcome":"decline"' || fail "the server did not decline $q"
done
stop_server
[ "$(wc -l <"$TMP/unanswered.log")" -eq 2 ] || fail "the server logged $(wc -l <"$TMP/unanswered.log") lines, want 2"
ok "the server logged the declined questions"
# as the server writes them: TIME<TAB>LANG<TAB>QUESTION, escapes for control bytes
printf '%s\n' \
    '2026-12-01T10:00:00Z	es	hasta cuándo va a durar la iniciativa' \
    '2026-12-01T10:01:00Z	es	¿cuándo se acaba la iniciativa?' \
    '2026-12-01T10:02:00Z	es	hasta cuándo va a durar la iniciativa' \
    '2026-12-01T10:03:00Z	es	¿qué documentos recientes hay sobre los países precursores?' \
    '2026-12-01T10:04:00Z	es	dónde encuentro los documentos\nmás nuevos' \
    '2026-12-01T10:05:00Z	-	quels pays sont champions' \
    'not a line of either log' >>"$TMP/unanswered.log"
printf '%s\n' \
    '{"q":"which nations are champions of the compact","id":"precursores-1","lang":"en","vote":"down"}' \
    '{"q":"how can a state become a champion country","id":"precursores-4","lang":"en","vote":"down"}' \
    '{"q":"what does a champion country do","id":"precursores-1","lang":"en","vote":"down"}' \
    '{"q":"list of the champion countries","id":"precursores-2","lang":"en","vote":"up"}' >"$TMP/feedback.log"

"$FAQBOT" review --index "$TMP/faq.idx" "$TMP/unanswered.log" "$TMP/feedback.log" >"$TMP/out" 2>"$TMP/err" ||
    fail "review failed: $(cat "$TMP/err")"
cat "$TMP/out"
# proposed QUESTION: the id of the heading the "? QUESTION" line stands under, or NONE
proposed() {
    awk -v q="? $1" '/^## .*\{#[^}]*\}$/ { id = $0; sub(/.*\{#/, "", id); sub(/\}$/, "", id) }
        /^# No entry answers these/ { id = "NONE" }
        $0 == q { print id; exit }' "$TMP/out"
}
expect_eq "a paraphrase asked twice" "$(proposed 'hasta cuándo va a durar la iniciativa')" precursores-7
expect_eq "another paraphrase, same entry" "$(proposed '¿cuándo se acaba la iniciativa?')" precursores-7
expect_eq "recent documents" "$(proposed '¿qué documentos recientes hay sobre los países precursores?')" precursores-9
expect_eq "an escaped newline read back as one line" "$(proposed 'dónde encuentro los documentos más nuevos')" precursores-9
expect_eq "no language logged: detected (French)" "$(proposed 'quels pays sont champions')" precursores-2
expect_eq "a 👎 on the wrong entry" "$(proposed 'which nations are champions of the compact')" precursores-2
expect_eq "becoming a champion" "$(proposed 'how can a state become a champion country')" precursores-3
got=$(proposed 'what does a champion country do')
[ -n "$got" ] && [ "$got" != precursores-1 ] || fail "a 👎 on precursores-1 proposed [$got]"
ok "never the entry voted down ($got)"
expect_eq "a 👍 is not a question to review" "$(proposed 'list of the champion countries')" ""
expect_eq "off-topic: no entry" "$(proposed 'how do I cook a paella')" NONE
expect_eq "off-topic: no entry" "$(proposed 'paella recipe with seafood')" NONE
# one heading per entry; the paella questions one group
expect_eq "headings of precursores-7" "$(grep -c '{#precursores-7}$' "$TMP/out")" 1
grep -A2 '^# en: 2 questions, asked 2 times' "$TMP/out" | grep -q 'paella recipe' || fail "the paella questions are not one group"
ok "similar off-topic questions grouped"
grep -q '^## ¿Cuándo concluye la iniciativa? {#precursores-7}$' "$TMP/out" || fail "the heading is not the corpus's"
grep -q '^# .*corpus/es/paises-precursores.md:47: 2 questions, asked 3 times' "$TMP/out" || fail "no file:line and counts"
grep -q '^## Quels sont les pays champions' "$TMP/out" || grep -q '^## .*pays.*{#precursores-2}$' "$TMP/out" ||
    fail "the French question's entry is not shown in French"
ok "headings as in the corpus, in the questions' language, with file:line"
grep -q '1 line of neither log format skipped' "$TMP/err" || fail "stderr: $(cat "$TMP/err")"
ok "a foreign line skipped and counted"

"$FAQBOT" review --index "$TMP/faq.idx" "$TMP/missing.log" >/dev/null 2>"$TMP/err"
expect_eq "a missing log: exit 2" "$?" 2
"$FAQBOT" review --index "$TMP/faq.idx" >/dev/null 2>&1
expect_eq "no log: exit 1" "$?" 1
