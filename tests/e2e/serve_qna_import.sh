# serve_qna_import.sh: a knowledge base exported from QnA Maker, imported,
# answers on the QnA Maker route with its own Source and Metadata, the
# comments that hold them taken out of the answer, and strictFilters on
# the imported metadata.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
mkdir -p "$TMP/c/es"
"$FAQBOT" import "$ROOT/tests/e2e/fixtures/qnamaker.csv" > "$TMP/c/es/faq.md" 2>/dev/null || fail "import"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>&1 || fail "index"
start_server "$TMP/faq.idx" --web "$ROOT/web"
R=/qnamaker/knowledgebases/kb/generateAnswer
expect_eq "generateAnswer" "$(status POST $R -d '{"question":"¿Cómo renuevo un préstamo?"}')" 200
expect_eq "the row's Source" "$(json answers.0.source < "$TMP/body")" "https://example.org/ayuda/prestamos"
expect_match "the row's Metadata" "$(json answers.0.metadata < "$TMP/body")" '"name": "categoria", "value": "prestamos"'
expect_match "the answer without the comments" "$(json answers.0.answer < "$TMP/body")" '^Desde su cuenta'
status POST $R -d '{"question":"¿A qué hora abre la biblioteca?"}' >/dev/null
id=$(json answers.0.id < "$TMP/body")
[ "$id" != "-1" ] || fail "the opening hours answered"
status POST $R -d '{"question":"¿A qué hora abre la biblioteca?","strictFilters":[{"name":"publico","value":"todos"}]}' >/dev/null
expect_eq "strictFilters on imported metadata" "$(json answers.0.id < "$TMP/body")" "$id"
status POST $R -d '{"question":"¿A qué hora abre la biblioteca?","strictFilters":[{"name":"publico","value":"nadie"}]}' >/dev/null
expect_eq "strictFilters that no entry passes" "$(json answers.0.id < "$TMP/body")" "-1"
