# same_word.sh: "the same" and the adverbs of degree only compare or measure
# what the rest of the question names ("¿los niños pagan lo mismo?"): they
# are stop words in every pack, as "same", "même", "mesmo" were in theirs,
# so a FAQ that lacks them does not read them as another topic and decline.
# A question of another topic stays declined.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/es"
pool_faq "$TMP/c/es/faq.md"
index_faq "$TMP/c"

# "mismo" is no word of this FAQ: weighed as its rarest word, it declined
# these (0.56, 0.46)
expect_eq "lo mismo: the price" "$(answer_id "los niños pagan lo mismo?")" precio
expect_eq "el mismo: the cap" "$(answer_id "tengo que llevar el mismo gorro")" gorro

for q in "es lo mismo que un gimnasio" "venden bicicletas"; do
    expect_eq "another topic still declined: $q" \
        "$("$FAQBOT" ask --index "$TMP/faq.idx" --json "$q" | json outcome)" decline
done
