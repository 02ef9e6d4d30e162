# separable_verb_infix_de.sh: a German separable verb's infinitive takes
# "zu" between its particle and its verb ("um|zu|melden"), its participle
# "ge" ("ab|ge|holt"); the dictionary reads neither as a form of the verb,
# so the word met nothing the FAQ says ("Ummeldung", "abholen"). With
# use_infix (the pack's "!infix zu ge") the word is read as the joined verb
# and searched by its lemma. Fails on the base, which has no use_infix.
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts de_DE.dic hunspell-de-de

mkdir -p "$TMP/c/de"
cat > "$TMP/c/de/faq.md" <<'MD'
## Wie funktioniert die Ummeldung nach einem Umzug? {#move}

Innerhalb von zwei Wochen im Bürgerbüro, mit der Bestätigung des Vermieters.

## Was kostet ein neuer Personalausweis? {#id-card}

37 Euro, für Personen unter 24 Jahren 22,80 Euro.

## Wann kann ich meinen Reisepass abholen? {#pickup}

Etwa vier Wochen nach dem Antrag; Sie erhalten eine Nachricht.

## Wo kann ich parken? {#parking}

Im Parkhaus am Markt, die erste Stunde ist frei.
MD
index_faq "$TMP/c"
first() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain --threshold 0 --lang de "$@" |
    sed -n 's/^#1 \([^:]*\):.*/\1/p'; }
q1='wo muss ich hin, um mich umzumelden'
q2='ist es schon abgeholt'
[ "$(first --set use_infix=0 "$q1")" != move ] || fail "umzumelden met move without use_infix"
[ "$(first --set use_infix=0 "$q2")" != pickup ] || fail "abgeholt met pickup without use_infix"
ok "as typed, neither meets its entry"
expect_eq "umzumelden is ummelden" "$(first --set use_infix=1 "$q1")" move
expect_eq "abgeholt is abholen" "$(first --set use_infix=1 "$q2")" pickup
"$FAQBOT" ask --index "$TMP/faq.idx" --explain --set use_infix=1 --lang de "$q1" |
    grep -q 'lemma term "ummeld"' || fail "umzumelden: no lemma term ummeld"
ok "umzumelden searched as ummeld"
