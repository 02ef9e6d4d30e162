# cli_did_you_mean.sh: "did you mean" keeps the asker's own words and shows a
# corrected word as the FAQ writes it (accents included), without the
# question's own ¿ and ? inside the quotes.
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
out=$("$FAQBOT" ask --index "$TMP/faq.idx" '¿Cuándo conclulle la iniciativa?')
expect_match "accents the asker typed are kept" "$out" '^¿Quiso decir «Cuándo concluye la iniciativa»\?$'
out=$("$FAQBOT" ask --index "$TMP/faq.idx" 'Cundo concluye la iniciativa')
expect_match "a corrected word in the FAQ's form, in the asker's case" "$out" '^¿Quiso decir «Cuándo concluye la iniciativa»\?$'
out=$("$FAQBOT" ask --index "$TMP/faq.idx" '¿Qué paices forman parte?')
expect_match "países, not paises" "$out" '«Qué países forman parte»'
# ("partte", not "partee": that is a form of Spanish "partear", a word,
# which its lemma finds without a correction)
out=$("$FAQBOT" ask --index "$TMP/faq.idx" 'que paises forman partte')
expect_match "the asker's unaccented words stay theirs" "$out" '«que paises forman parte»'
