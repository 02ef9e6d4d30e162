# translate_lemma.sh: a bus company's FAQ in English alone, asked in German
# and Spanish with the system's bilingual dictionaries (FreeDict) and
# general dictionaries (Hunspell), tools/install-deps: a dictionary lists a
# verb by its lemma ("kosten", "costar"), a question says a form of it whose
# stem is another ("kostet", "cuesta"); the lemma's translations ("cost")
# find the entry, which the ticket alone ("Fahrkarte", "billete", in every
# entry) does not. Without the lemmas (--set use_lemma=0) the Spanish form
# is a word the FAQ lacks and the question is declined (the German one is
# not: the English-German dictionary lists "it costs", "es kostet"); an
# off-topic question with the German form is still declined.
. "$ROOT/tests/e2e/lib.sh.inc"
FAQBOT_DICTD_DIR=/usr/share/dictd   # the system's, even where a runner leaves them out
FAQBOT_HUNSPELL_DIR=/usr/share/hunspell
export FAQBOT_DICTD_DIR FAQBOT_HUNSPELL_DIR
for d in deu-eng eng-deu spa-eng eng-spa; do
    [ -f "/usr/share/dictd/freedict-$d.index" ] ||
        fail "dict-freedict-$d is not installed (sh tools/install-deps run)"
done
for d in de_DE es_ES; do
    [ -f "/usr/share/hunspell/$d.dic" ] || fail "the $d Hunspell dictionary is not installed (sh tools/install-deps run)"
done
mkdir -p "$TMP/c/en"
cat >"$TMP/c/en/faq.md" <<'MD'
## What does a ticket cost? {#fares}

A single ticket costs 2 euros, a day ticket 6 euros.

## Where do I buy a ticket? {#buy}

Buy your ticket from the driver or in the app.

## Can I take my dog with a ticket? {#dogs}

Dogs travel free on a lead; a dog without a lead needs its own ticket.

## What if I lose my ticket? {#lost}

A lost ticket is not replaced; keep the receipt from the app.
MD
index_faq "$TMP/c"
expect_eq "German: kostet, a form of kosten, is cost" "$(answer_id 'was kostet eine Fahrkarte')" fares
expect_eq "Spanish: cuesta, a form of costar, is cost" "$(answer_id 'cuánto cuesta un billete')" fares
expect_eq "without the lemmas the Spanish form is a word the FAQ lacks" \
    "$(answer_id --set use_lemma=0 'cuánto cuesta un billete')" null
expect_eq "an off-topic question with the form is still declined" \
    "$(answer_id 'was kostet ein Hotelzimmer in Berlin')" null
