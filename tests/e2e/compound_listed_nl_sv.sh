# compound_listed_nl_sv.sh: Dutch and Swedish write their nouns in lower case,
# so their packs say "!listed 10": a compound the dictionary lists as a word
# of its own ("fietsenstalling", "studentbostad") is read for its parts all
# the same. A question's part finds the FAQ's compound, and does not with the
# listed parts weighed 0 (--set w_part_listed_head=0); a question's listed
# compound ("achterband") finds the FAQ's part ("band"), and does not with
# the split switched off (--set use_flagged_parts=0).
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts nl.dic hunspell-nl
[ -f /usr/share/hunspell/sv_SE.dic ] || fail "hunspell-sv is not installed (sh tools/install-deps run)"
# outcome IDX QUESTION [SETTING]: the outcome and entry of the answer, "decline null" when declined
outcome() {
    "$FAQBOT" ask --index "$1" --json ${3:+--set "$3"} "$2" > "$TMP/answer.json"
    echo "$(json outcome < "$TMP/answer.json") $(json id < "$TMP/answer.json")"
}

mkdir -p "$TMP/nl/nl"
cat > "$TMP/nl/nl/faq.md" <<'MD'
# Station Zuid

## Waar laat ik mijn fiets? {#bike}

Naast de ingang is een overdekte fietsenstalling, de eerste dag gratis.

## Repareren jullie fietsen? {#repairs}

Ja, een lekke band plakken we dezelfde dag.

## Hoe laat gaat de laatste trein? {#train}

De laatste trein naar het centrum vertrekt om 0.30 uur.

## Is er een lift naar het perron? {#lift}

Ja, elk perron heeft een lift en een roltrap.
MD
"$FAQBOT" index --corpus "$TMP/nl" --out "$TMP/nl.idx" >/dev/null || fail "index nl"
N="$TMP/nl.idx"
expect_eq "stalling finds the fietsenstalling" "$(outcome "$N" "waar is de stalling")" "answer bike"
expect_eq "... not with the listed parts weighed 0" \
    "$(outcome "$N" "waar is de stalling" w_part_listed_head=0)" "decline null"
expect_eq "achterband finds the band" "$(outcome "$N" "mijn achterband is lek")" "answer repairs"
expect_eq "... not with the split switched off" \
    "$(outcome "$N" "mijn achterband is lek" use_flagged_parts=0)" "decline null"

mkdir -p "$TMP/sv/sv"
cat > "$TMP/sv/sv/faq.md" <<'MD'
# Studentbostäder Norr

## Hur söker jag en studentbostad? {#apply}

Anmäl dig i kön på webbplatsen; en studentbostad kräver att du studerar minst halvtid.

## När är tvättstugan öppen? {#laundry}

Tvättstugan är öppen alla dagar klockan 7–22 och bokas på tavlan i entrén.

## Får jag ha husdjur? {#pets}

Katter och små hundar är tillåtna om grannarna inte är allergiska.
MD
"$FAQBOT" index --corpus "$TMP/sv" --out "$TMP/sv.idx" >/dev/null || fail "index sv"
S="$TMP/sv.idx"
expect_eq "bostad finds the studentbostad" "$(outcome "$S" "hur får jag en bostad")" "answer apply"
expect_eq "... not with the listed parts weighed 0" \
    "$(outcome "$S" "hur får jag en bostad" w_part_listed_head=0)" "decline null"

# A question's listed compound of a FAQ that says neither part as the
# question does ("sjukanmälan": "sjukt", another form of the lemma "sjuk",
# and "anmäl", the verb the Swedish pack's synonym line "anmäla, ...,
# anmälan" joins to the noun): with every part held so (use_part_kin) it is
# answered; a compound of the same first part and a part the FAQ lacks
# ("sjukhusparkering", "sjukgymnast") is still declined. Fails on the base.
mkdir -p "$TMP/k/sv"
cat > "$TMP/k/sv/faq.md" <<'MD'
# Förskolan Solrosen

## Vad gäller när mitt barn är sjukt? {#sick}

Ett sjukt barn ska vara hemma tills det orkar delta i en hel dag.
Anmäl frånvaro i appen före klockan 8.

## När stänger förskolan? {#hours}

Vi har öppet från klockan 6.30 till 18.00 på vardagar.

## Vad äter barnen? {#food}

Lunch och mellanmål lagas i vårt eget kök varje dag.
MD
index_faq "$TMP/k"
expect_eq "every part held by its lemma or pack synonym: sjukanmälan answered" \
    "$(answer_id --lang sv 'sjukanmälan')" sick
expect_eq "without the switch, sjukanmälan is a word the FAQ lacks" \
    "$(answer_id --lang sv --set use_part_kin=0 'sjukanmälan')" null
expect_eq "a compound with a part the FAQ lacks is still declined: sjukhusparkering" \
    "$(answer_id --lang sv 'sjukhusparkering')" null
expect_eq "... and sjukgymnast" "$(answer_id --lang sv 'sjukgymnast')" null
