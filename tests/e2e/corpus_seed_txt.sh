# corpus_seed_txt.sh: the raw seed (plain text, as it was given, kept in
# tests/e2e/data/) gives the same ten questions as the shipped Markdown, in
# the same order.
. "$ROOT/tests/e2e/lib.sh.inc"
seed="$ROOT/tests/e2e/data/paises-precursores.txt"
[ -f "$seed" ] || fail "no seed at $seed"
mkdir -p "$TMP/c/es"
cp "$seed" "$TMP/c/es/paises-precursores.txt"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/txt.idx" >/dev/null || fail "index the .txt"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/md.idx" >/dev/null || fail "index the corpus"
for n in 1 2 3 4 5 6 7 8 9 10; do
    q=$(grep -m1 "{#precursores-$n}" "$ROOT/corpus/es/paises-precursores.md" | sed 's/^## //; s/ {#.*//')
    got=$("$FAQBOT" ask --index "$TMP/txt.idx" --json --lang es "$q" | json question)
    expect_eq "question $n" "$got" "$q"
    id=$("$FAQBOT" ask --index "$TMP/txt.idx" --json --lang es "$q" | json id)
    expect_eq "id $n (name-n)" "$id" "paises-precursores-$n"
done
