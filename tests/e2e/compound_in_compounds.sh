# compound_in_compounds.sh: a German FAQ, with the system's German
# dictionary (hunspell-de-de, tools/install-deps). A question's compound
# whose modifier the FAQ says only inside its own compounds ("Garten" of
# "Gartenpflege", "Gartenzaun") and whose head it says as a word
# ("Schlüssel"): the modifier is held by the part's term the index posted
# beside the FAQ's compounds (every_part_in_compounds), and the compound
# is searched as its two runs, a slot each, so that the entry holding
# both wins over the one holding the head alone. With the setting off the
# modifier is no word of the FAQ's, the compound is not split, and the
# question finds nothing.
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts de_DE.dic hunspell-de-de
mkdir -p "$TMP/c/de"
cat >"$TMP/c/de/faq.md" <<'MD'
## Wer hat den Schlüssel für das Tor am Gartenzaun? {#garden}

Der Hausmeister; die Gartenpflege macht eine Firma jeden Monat.

## Wo bekomme ich einen neuen Schlüssel für die Wohnung? {#keys}

Einen neuen Schlüssel für die Wohnung bestellt die Verwaltung.

## Wann wird der Müll abgeholt? {#waste}

Jeden Dienstag früh.
MD
index_faq "$TMP/c"
first() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain "$@" | sed -n 's/^#1 \([^:]*\):.*/\1/p'; }
expect_eq "Gartenschlüssel: the entry holding Garten's compounds and Schlüssel" \
    "$(first --set every_part_in_compounds=1 'Gartenschlüssel verloren')" garden
expect_eq "... Garten no word of the FAQ's: the compound unknown, no entry found" \
    "$(first --set every_part_in_compounds=0 'Gartenschlüssel verloren')" ""
words() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain "$@" | grep -c '^word "'; }
expect_eq "a slot for each run and one for the other word" \
    "$(words --set every_part_in_compounds=1 'Gartenschlüssel verloren')" 3
expect_eq "... the compound one slot when off" \
    "$(words --set every_part_in_compounds=0 'Gartenschlüssel verloren')" 2
