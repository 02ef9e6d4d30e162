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

# the scores as the services print theirs: QnA Maker's to two places (0 to
# 100), the language service's to four (0 to 1); never a float's noise
status POST $R -d '{"question":"¿A qué hora abre la biblioteca?","top":3,"scoreThreshold":0}' >/dev/null
scores=$(grep -o '"score":[^,}]*' "$TMP/body" | cut -d: -f2 | tr '\n' ' ')
expect_match "QnA Maker: the scores to two places" "$scores" '^([0-9]+(\.[0-9]{1,2})? )+$'
L='/language/:query-knowledgebases?projectName=p&deploymentName=production&api-version=2021-10-01'
status POST "$L" -d '{"question":"¿A qué hora abre la biblioteca?","top":3,"confidenceScoreThreshold":0}' >/dev/null
scores=$(grep -o '"confidenceScore":[^,}]*' "$TMP/body" | cut -d: -f2 | tr '\n' ' ')
expect_match "language service: the scores to four places" "$scores" '^([01](\.[0-9]{1,4})? )+$'
