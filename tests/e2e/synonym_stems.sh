# synonym_stems.sh: a synonym group of the German pack ("buchen,
# reservieren, ...") is found by its members' stem, and "buchen" stems as
# "Buch" does: with use_synonym_lemmas, a question's word takes the group
# only as a member, a member with an ending or a form of one (the
# system's German dictionary: hunspell-de-de), so "Bücher" (Buch) does not
# weigh as "reservieren". Off by default (docs/quality.md). Fails on the
# base, which has no such parameter.
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts de_DE.dic hunspell-de-de
mkdir -p "$TMP/c/de"
cat >"$TMP/c/de/faq.md" <<'MD'
## Kann ich ein ausgeliehenes Medium vormerken? {#reservations}

Ja, im Online-Katalog: Sie können es reservieren, es liegt eine Woche für Sie bereit.

## Nehmen Sie Bücherspenden an? {#donations}

Gern, gut erhaltene Bücher nach 2015 geben Sie an der Theke ab.

## Wann hat die Bibliothek geöffnet? {#hours}

Montag bis Freitag von 9 bis 18 Uhr.
MD
index_faq "$TMP/c"
# "bücher spenden" is the FAQ's "Bücherspenden" typed apart, which the
# join of such words (use_joined_words) reads as one word: off here, so
# that "Bücher" stays a word of its own whose synonyms are asked
syn() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain --set use_joined_words=0 "$@" |
    grep -c 'synonym term "reservi"'; }
expect_eq "off: Bücher weighs as reservieren" "$(syn 'ich möchte bücher spenden')" 1
expect_eq "on: Bücher is no form of buchen" \
    "$(syn --set use_synonym_lemmas=1 'ich möchte bücher spenden')" 0
expect_eq "on: a member's form keeps its group (buche: buchen)" \
    "$(syn --set use_synonym_lemmas=1 'ich buche einen platz')" 1
expect_eq "on: a member with an ending keeps it (Buchungen: Buchung)" \
    "$(syn --set use_synonym_lemmas=1 'meine Buchungen')" 1
expect_eq "2 as 1 for a word typed with an accent" \
    "$(syn --set use_synonym_lemmas=2 'ich möchte bücher spenden')" 0
expect_eq "2: one typed without asks nothing" \
    "$(syn --set use_synonym_lemmas=2 'ich möchte buecher spenden')" 1
