# cli_lint.sh: faqbot lint finds near-duplicates, entries their own question
# does not retrieve, and missing translations, with file and line; a general
# question and a more precise one that repeats its words are not
# near-duplicates, and the seed corpus is clean.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/es" "$TMP/c/en"
cat > "$TMP/c/es/faq.md" <<'MD'
# FAQ
## ¿Cuándo abre la oficina? {#abre}

La oficina abre a las nueve.

## ¿Cuándo abre la oficina? {#abre-central}

La oficina abre a las nueve en punto.

## ¿Dónde está la oficina? {#donde}

En la calle Mayor.
MD
cat > "$TMP/c/en/faq.md" <<'MD'
# FAQ
## When does the office open? {#abre}

The office opens at nine.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"
out=$("$FAQBOT" lint --index "$TMP/faq.idx")
expect_eq "findings: exit 1" "$?" "1"
printf '%s\n' "$out"
expect_match "missing translation" "$out" 'faq.md:10: missing translation: id donde has no entry in "en"'
expect_match "near duplicate" "$out" 'faq.md:[26]: near-duplicate'
expect_match "count" "$out" 'lint: [0-9]+ findings'
"$FAQBOT" lint --index "$ROOT/none.idx" 2>/dev/null; expect_eq "bad index exits 2" "$?" "2"
# the same checks from the corpus folder, on an index built on the side
out=$("$FAQBOT" lint --corpus "$TMP/c")
expect_eq "lint --corpus: exit 1" "$?" "1"
expect_match "lint --corpus: missing translation" "$out" 'faq.md:10: missing translation: id donde'
expect_eq "an id of its own: no word of ids by place" "$(printf '%s\n' "$out" | grep -c 'by its place')" "0"
# an entry with no id of its own has one by its place ("faq-3"), an id the
# editor never wrote and could not find in the file: said so, and how to
# give one
mkdir -p "$TMP/p/it" "$TMP/p/de"
printf '# FAQ\n\n## Quanto costa un kayak? {#prezzo}\n\n25 euro.\n\n## Posso portare il cane?\n\nSì.\n' > "$TMP/p/it/faq.md"
printf '# FAQ\n\n## Was kostet ein Kajak? {#prezzo}\n\n25 Euro.\n' > "$TMP/p/de/faq.md"
out=$("$FAQBOT" lint --corpus "$TMP/p")
expect_match "an id by its place: said so, and how to give one" "$out" \
    'it/faq\.md:7: missing translation: id faq-2 has no entry in "de" \(an id by its place, not of its own: \{#id\} after the question'

# an id typed two ways in two languages (late-fee, late_fee) is one mistake:
# told once, with the entry the editor meant to tie and its place; ids one
# digit apart (step-1, step-2) are two entries, no slip
mkdir -p "$TMP/t/en" "$TMP/t/fr"
printf '# FAQ\n\n## How much is the late fee? {#late-fee}\n\n20 cents a day.\n\n## What is step one? {#step-1}\n\nSign up.\n\n## Where do I park? {#parking}\n\nBehind.\n' > "$TMP/t/en/faq.md"
printf "# FAQ\n\n## Combien coûte l'amende de retard ? {#late_fee}\n\n20 centimes par jour.\n\n## Quelle est la deuxième étape ? {#step-2}\n\nPayer.\n" > "$TMP/t/fr/faq.md"
out=$("$FAQBOT" lint --corpus "$TMP/t")
printf '%s\n' "$out"
expect_match "an id written alike: the other named with its place" "$out" \
    'en/faq\.md:3: missing translation: id late-fee has no entry in "fr"; [^ ]*fr/faq\.md:3 has id late_fee: written alike'
expect_eq "an id written alike: told once" "$(printf '%s\n' "$out" | grep -c 'late_fee has no entry')" "0"
expect_match "another id: no likeness told" "$out" 'id parking has no entry in "fr"$'
expect_match "ids a digit apart: two entries" "$out" 'id step-1 has no entry in "fr"$'
expect_match "ids a digit apart: both told" "$out" 'id step-2 has no entry in "en"$'

# a general question, and a precise one that says all its words and more:
# each entry is what its own question finds, so no near-duplicate
mkdir -p "$TMP/g/en"
cat > "$TMP/g/en/faq.md" <<'MD'
# FAQ
## What role do the partner schools play? {#role}

The role of the partner schools may include hosting visits, sharing teaching materials and training new teachers.

## What role do the partner schools play in the yearly review of the programme? {#review}

Partner schools send a report each spring, and two of their teachers join the review panel of the programme.

## How do I apply? {#apply}

Fill in the form on the website.
MD
"$FAQBOT" index --corpus "$TMP/g" --out "$TMP/g.idx" >/dev/null || fail "index the general and the precise question"
out=$("$FAQBOT" lint --index "$TMP/g.idx")
expect_eq "general and precise question: exit 0" "$?" "0"
expect_eq "general and precise question: no finding" "$out" "lint: 0 findings"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/seed.idx" >/dev/null || fail "index the seed"
out=$("$FAQBOT" lint --index "$TMP/seed.idx")
expect_eq "the seed corpus: exit 0" "$?" "0"
