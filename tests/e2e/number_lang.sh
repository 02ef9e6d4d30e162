# number_lang.sh: a number added to a question does not turn its language.
# The n-gram models read digits as spaces, so "cuánto dura 2024" is the two
# words "cuánto dura" to them, on which their guess is noise and is not
# asked; counted as a third word it was, and said the question was
# Portuguese ("contact email 200151": French). Each question with a number
# is said in the language the same question without it is (the seed FAQ).
. "$ROOT/tests/e2e/lib.sh.inc"

"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/seed.idx" >/dev/null || fail "index the seed"
lang_of() { "$FAQBOT" ask --index "$TMP/seed.idx" --json "$1" | json query_lang; }
for q in "cuánto dura" "cuándo termina" "es voluntario" "contact email" "fodno fiduciario"; do
    expect_eq "$q with a number" "$(lang_of "$q 200151")" "$(lang_of "$q")"
    expect_eq "$q with two" "$(lang_of "$q 12 2024")" "$(lang_of "$q")"
done
# a question long enough is still guessed, with or without its number
expect_eq "three words and a number" "$(lang_of "como renovar o passaporte 2024")" \
    "$(lang_of "como renovar o passaporte")"
