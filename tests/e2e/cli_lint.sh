# cli_lint.sh: faqbot lint finds near-duplicates, entries their own question
# does not retrieve, and missing translations, with file and line.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/es" "$TMP/c/en"
cat > "$TMP/c/es/faq.md" <<'MD'
# FAQ
## ¿Cuándo abre la oficina? {#abre}

La oficina abre a las nueve.

## ¿Cuándo abre la oficina central? {#abre-central}

La oficina central abre a las nueve.

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
expect_match "near duplicate or unreachable" "$out" 'faq.md:[26]: (near-duplicate|unreachable)'
expect_match "count" "$out" 'lint: [0-9]+ findings'
"$FAQBOT" lint --index "$ROOT/none.idx" 2>/dev/null; expect_eq "bad index exits 2" "$?" "2"
# the same checks from the corpus folder, on an index built on the side
out=$("$FAQBOT" lint --corpus "$TMP/c")
expect_eq "lint --corpus: exit 1" "$?" "1"
expect_match "lint --corpus: missing translation" "$out" 'faq.md:10: missing translation: id donde'
