# compound_part_kin_sv.sh: a Swedish question's compound the dictionary lists
# as a word of its own ("sjukanmälan", split by the "!listed" rule: "sjuk" +
# "anmälan") of a FAQ that says neither part as the question does: "sjukt"
# (another form of the lemma "sjuk") and "anmäl" (the verb, which the
# Swedish pack's synonym line "anmäla, ..., anmälan" joins to the noun). With
# every part held so (--set use_part_kin), the compound is answered; a
# compound of the same first part and a part the FAQ lacks
# ("sjukhusparkering", "sjukgymnast") is still declined. Fails on the base.
. "$ROOT/tests/e2e/lib.sh.inc"
FAQBOT_HUNSPELL_DIR=/usr/share/hunspell   # the system's, even where a runner leaves them out
export FAQBOT_HUNSPELL_DIR
[ -f /usr/share/hunspell/sv_SE.dic ] || fail "hunspell-sv is not installed (sh tools/install-deps run)"
mkdir -p "$TMP/c/sv"
cat > "$TMP/c/sv/faq.md" <<'MD'
# Förskolan Solrosen

## Vad gäller när mitt barn är sjukt? {#sick}

Ett sjukt barn ska vara hemma tills det orkar delta i en hel dag.
Anmäl frånvaro i appen före klockan 8.

## När stänger förskolan? {#hours}

Vi har öppet från klockan 6.30 till 18.00 på vardagar.

## Vad äter barnen? {#food}

Lunch och mellanmål lagas i vårt eget kök varje dag.
MD
index_faq "$TMP/c"
expect_eq "every part held by its lemma or pack synonym: sjukanmälan answered" \
    "$(answer_id --lang sv 'sjukanmälan')" sick
expect_eq "without the switch, sjukanmälan is a word the FAQ lacks" \
    "$(answer_id --lang sv --set use_part_kin=0 'sjukanmälan')" null
expect_eq "a compound with a part the FAQ lacks is still declined: sjukhusparkering" \
    "$(answer_id --lang sv 'sjukhusparkering')" null
expect_eq "... and sjukgymnast" "$(answer_id --lang sv 'sjukgymnast')" null
