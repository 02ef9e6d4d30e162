# offer_own_lang.sh: what a visitor is offered is what they can read. A FAQ
# in Italian with a shorter English version: an English question declined
# was offered an Italian-only entry beside an English one; now an entry
# without the asker's language is offered only when none in theirs is, and
# then marked with its language (named in theirs), in the text, the JSON
# (lang_name) and the server's API. And `review`: an English question filed
# under an entry that has no English version says to write one; a question
# that meets an entry on a word opening several of the FAQ's questions alone
# ("serve", the kind of question, not its topic) is proposed for none.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap 'stop_server' EXIT
mkdir -p "$TMP/faq/it" "$TMP/faq/en"
cat >"$TMP/faq/it/faq.md" <<'MD'
# Ambulatori

## Come ritiro i referti? {#results}

I referti si ritirano allo sportello referti al piano terra, dal lunedì al venerdì, o si scaricano dal fascicolo sanitario elettronico.

## Come chiedo la copia della cartella clinica? {#medical-records}
? Mi serve la copia di un ricovero.

La copia della cartella clinica si chiede all'ufficio cartelle cliniche con un documento. Costa 20 euro.

## Serve l'impegnativa del medico? {#referral}

Sì: per visite ed esami serve l'impegnativa del medico di famiglia.

## Mi date un certificato per il lavoro? {#certificates}
? Serve il giustificativo per il datore di lavoro.

Sì, lo sportello accettazione rilascia il certificato di presenza.

## Chi può avere informazioni sulla mia salute? {#privacy}

Solo le persone che avete indicato nel modulo privacy possono avere informazioni sulla vostra salute.

## Dove posso parcheggiare? {#parking}

Il parcheggio P2 davanti all'ingresso costa 1,50 euro l'ora.

## C'è un interprete? {#interpreter}

Sì, il servizio di mediazione culturale copre inglese, francese e arabo.
MD
cat >"$TMP/faq/en/faq.md" <<'MD'
# Outpatients

## How do I get my results? {#results}

Collect your results at the results desk on the ground floor, Monday to Friday, or download them from the electronic health record.

## Where can I park? {#parking}

Car park P2 in front of the entrance costs 1.50 euro an hour.

## Is there an interpreter? {#interpreter}

Yes, the cultural mediation service covers English, French and Arabic.
MD
# the English question meets the Italian-only entry through the
# English-Italian dictionary, even where a runner leaves the dictionaries out
only_dicts eng-ita ita-eng
index_faq "$TMP/faq"
# declined (a threshold above its confidence): the Italian-only entry it
# leads with and the English one are both near; the English one alone offered
ask() { "$FAQBOT" ask --index "$TMP/faq.idx" --lang en "$@"; }
out=$(ask --threshold 0.99 'copy of my results')
expect_match "declined" "$out" "^Sorry"
expect_match "the English entry offered" "$out" "  - How do I get my results\\?"
printf '%s' "$out" | grep -q 'cartella' && fail "an Italian-only entry offered beside an English one: $out"
ok "no Italian-only entry beside it"
alts=$(ask --threshold 0.99 --json 'copy of my results' | json alternatives)
expect_match "the JSON's alternatives: the English entry" "$alts" '"id": "results"'
printf '%s' "$alts" | grep -q "medical-records" && fail "the JSON offers medical-records: $alts"
ok "the JSON offers no Italian-only entry beside it"
# nothing in English near: the Italian entry offered, marked with its language
out=$(ask 'privacy form')
expect_match "declined" "$out" "^Sorry"
expect_match "an Italian-only entry marked in text" "$out" "  - Chi può avere informazioni sulla mia salute\\? \\(Italian\\)"
expect_match "marked in the JSON" "$(ask --json 'privacy form' | json alternatives)" '"lang_name": "Italian"'
# the REPL's numbers pick what it listed
out=$(printf 'copy of my results\n1\n' | "$FAQBOT" repl --index "$TMP/faq.idx" --lang en --threshold 0.99 2>&1)
expect_match "the REPL's 1 is the English entry listed" "$out" "Collect your results"
start_server "$TMP/faq.idx"
alts=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"q": "privacy form", "lang": "en"}' "${URL}api/ask" |
       json alternatives)
expect_match "the server marks it" "$alts" '"lang_name": "Italian"'
page=$(curl -s "${URL}ask?q=privacy+form&prev_lang=en")
expect_match "the page without script marks it" "$page" 'salute\?<span lang="en"> \(Italian\)</span></a>'
alts=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"q": "Where can I park?", "lang": "en"}' "${URL}api/ask" |
       json alternatives)
printf '%s' "$alts" | grep -q "lang_name" && fail "an English entry marked: $alts"
ok "an entry in the asker's language is not marked"
stop_server

printf '%s\n' \
    '2026-12-07T10:00:00Z	en	copy of my medical records' \
    '2026-12-07T10:01:00Z	it	serve la mascherina' >"$TMP/unanswered.log"
"$FAQBOT" review --index "$TMP/faq.idx" "$TMP/unanswered.log" >"$TMP/out" 2>"$TMP/err" ||
    fail "review failed: $(cat "$TMP/err")"
cat "$TMP/out"
grep -A2 '{#medical-records}$' "$TMP/out" |
    grep -q '^# add a version of {#medical-records} in English: it has none' ||
    fail "review does not say medical-records lacks English"
ok "review says to write the English version"
awk '/^# No entry answers these/ { none = 1 } none && $0 == "? serve la mascherina" { found = 1 }
     END { exit !found }' "$TMP/out" || fail "serve la mascherina proposed on \"serve\" alone"
ok "a question meeting an entry on a question-opening word alone is proposed for none"
