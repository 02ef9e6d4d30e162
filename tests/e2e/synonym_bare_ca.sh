# synonym_bare_ca.sh: a synonym group's member with Catalan's l·l, typed
# without the dot ("collaborar") or with one l ("colaborar"), is read as the
# member, as the FAQ's own l·l words are: the Catalan pack's "col·laborar"
# (group of "ajudar") and a corpus synonyms.txt's "instal·lació" (group of
# "piscina") meet the entry that says the group's other word, at a synonym's
# weight. Fails on the base, where the dotless form met the member only as a
# stem an edit away (a variant's weight, the answer declined) and the one-l
# form not at all.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/ca"
cat >"$TMP/c/ca/faq.md" <<'MD'
## Com puc ajudar com a voluntari? {#help}

Escriviu-nos i us direm on calen mans aquesta setmana.

## Quin és l'horari de la biblioteca? {#library}

La biblioteca obre de dilluns a divendres de 9:00 a 20:00.

## On és la piscina? {#pool}

La piscina és al carrer Major.
MD
printf 'piscina, instal·lació\n' >"$TMP/c/ca/synonyms.txt"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"

# met QUESTION WORD: the question's word WORD met as a synonym, at full weight
met() {
    "$FAQBOT" ask --index "$TMP/faq.idx" --explain "$1" >"$TMP/explain" || fail "explain $1"
    expect_match "$1: \"$2\" a synonym" "$(grep -A1 "^word \"$2\"" "$TMP/explain")" \
        '-> synonym term "[a-z]+" \(ca\) x0\.80'
}
for q in "vull collaborar" "vull col.laborar" "vull col·laborar" "vull colaborar"; do
    expect_eq "$q: help" "$(answer_id "$q")" help
done
met "vull collaborar" collaborar
met "vull colaborar" colaborar
for q in "on es la installació" "on es la instalació" "on es la instal·lació"; do
    expect_eq "$q: pool" "$(answer_id "$q")" pool
done
met "on es la installació" installacio
met "on es la instalació" instalacio
# the switch: the dotless form back to a stem an edit away
"$FAQBOT" ask --index "$TMP/faq.idx" --explain --set use_bare_synonyms=0 "vull collaborar" >"$TMP/explain"
expect_match "use_bare_synonyms=0: a variant's weight" "$(grep -A1 '^word "collaborar"' "$TMP/explain")" 'x0\.60'
