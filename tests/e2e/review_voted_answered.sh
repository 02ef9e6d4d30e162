# review_voted_answered.sh: a 👎 on an entry that did answer, no other entry
# answering the question (an editor's "glömt mitt lösenord" on the password
# entry), was listed by `faqbot review` under "No entry answers these", as if
# the FAQ had declined it. Votes against an answer given are the editor's
# "answered wrongly" list, each group with the entry voted down; a question
# another entry answers is still proposed under that entry, and a declined
# question is still new.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/sv"
cat >"$TMP/c/sv/faq.md" <<'MD'
# IT-support

## Hur byter jag mitt lösenord? {#password}

Gå till kontosidan och välj Byt lösenord.

## Hur ansluter jag till eduroam? {#eduroam}

Välj nätverket eduroam och logga in med ditt universitetskonto.
MD
index_faq "$TMP/c"
printf '%s\n' \
    '{"q":"glömt mitt lösenord","id":"password","lang":"sv","vote":"down"}' \
    '{"q":"eduroam fungerar inte","id":"password","lang":"sv","vote":"down"}' >"$TMP/feedback.log"
printf '2026-12-01T10:00:00Z\tsv\tvar finns matsalen\n' >"$TMP/unanswered.log"
"$FAQBOT" review --index "$TMP/faq.idx" "$TMP/feedback.log" "$TMP/unanswered.log" >"$TMP/out" 2>"$TMP/err" ||
    fail "review: $(cat "$TMP/err")"
cat "$TMP/out"
# section QUESTION: the list the "? QUESTION" line stands in (an entry's id, WRONG:id or NONE)
section() {
    awk -v q="? $1" '/^## .*\{#[^}]*\}$/ { s = $0; sub(/.*\{#/, "", s); sub(/\}$/, "", s) }
        /^# Answered wrongly/ { s = "WRONG" }
        /^# [a-z]+: .* answered by \{#/ { s = $0; sub(/.*\{#/, "WRONG:", s); sub(/\}.*/, "", s) }
        /^# No entry answers these/ { s = "NONE" }
        $0 == q { print s; exit }' "$TMP/out"
}
expect_eq "a 👎 on the entry that answered: answered wrongly, by it" "$(section 'glömt mitt lösenord')" WRONG:password
expect_eq "a 👎 another entry answers: proposed there" "$(section 'eduroam fungerar inte')" eduroam
expect_eq "a declined question: new" "$(section 'var finns matsalen')" NONE
expect_match "the entry named with its heading and place" "$(cat "$TMP/out")" \
    '^# sv: 1 question, asked 1 time, answered by \{#password\} "Hur byter jag mitt lösenord\?" \(.*faq.md:3\)$'
expect_match "counted apart" "$(cat "$TMP/err")" '3 groups, 1 with an entry proposed, 1 answered wrongly'
