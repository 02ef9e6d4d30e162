# synonym_accent_ca.sh: a synonym group's member typed without its accent
# ("natacio" for "natació") is read as the member, as a FAQ's own word so
# typed is (the accent restored): the Catalan stemmer sees "-ció" only with
# its accent, so the bare stem is another. A corpus synonyms.txt with
# "piscina, instal·lació, natació" meets the pool's entry, at a synonym's
# weight.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/ca"
cat >"$TMP/c/ca/faq.md" <<'MD'
## Quin és l'horari de la biblioteca? {#library}

La biblioteca obre de dilluns a divendres de 9:00 a 20:00.

## On és la piscina? {#pool}

La piscina és al carrer Major.
MD
printf 'piscina, instal·lació, natació\n' >"$TMP/c/ca/synonyms.txt"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"

# met QUESTION WORD [ARGS...]: the explain line under the question's word WORD
met() {
    q=$1 w=$2
    shift 2
    "$FAQBOT" ask --index "$TMP/faq.idx" --explain "$@" "$q" >"$TMP/explain" || fail "explain $q"
    grep -A1 "^word \"$w\"" "$TMP/explain"
}
for q in "on es la natacio" "on es la instal·lacio"; do
    expect_eq "$q: pool" "$(answer_id "$q")" pool
done
expect_match "natacio: a synonym" "$(met "on es la natacio" natacio)" \
    '-> synonym term "pisc" \(ca\) x0\.80'
# the switch: unknown again
expect_match "use_accented_synonyms=0: unknown" \
    "$(met "on es la natacio" natacio --set use_accented_synonyms=0)" 'unknown to the FAQ'
