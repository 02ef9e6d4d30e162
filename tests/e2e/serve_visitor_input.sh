# serve_visitor_input.sh: what a visitor's browser or a client's code sends
# that the API once took wrongly in silence: a language tag as browsers and
# pages write it ("fr-FR", "FR", "pt_BR"), a field of the wrong type, a %00
# in the query string; Azure filters that do not say what they mean.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx" --web "$ROOT/web"

# "iniciativa" is Spanish, Portuguese or French alike: lang decides
expect_eq "lang fr" "$(status POST /api/ask -d '{"q":"iniciativa","lang":"fr"}')" 200
expect_eq "lang fr answers in French" "$(json lang < "$TMP/body")" "fr"
for tag in FR fr-FR fr_CA fr-Latn-FR; do
    expect_eq "lang $tag" "$(status POST /api/ask -d "{\"q\":\"iniciativa\",\"lang\":\"$tag\"}")" 200
    expect_eq "lang $tag answers in French" "$(json lang < "$TMP/body")" "fr"
done
expect_eq "GET lang pt-BR" "$(status GET '/api/ask?q=iniciativa&lang=pt-BR')" 200
expect_eq "GET lang pt-BR answers in Portuguese" "$(json lang < "$TMP/body")" "pt"
# a word that begins like a code is no tag of it: no French, a language
# the index lacks, told (asker_lang_tags.sh)
expect_eq "lang fresh" "$(status POST /api/ask -d '{"q":"iniciativa","lang":"fresh"}')" 400
expect_match "lang fresh is no French" "$(json error < "$TMP/body")" 'no language "fresh"'
# the conversation's language, as a page's data-lang may write it: "ok" alone is English
expect_eq "prev_lang ES" "$(status POST /api/ask -d '{"q":"ok","prev_lang":"ES"}')" 200
expect_eq "prev_lang ES keeps Spanish" "$(json query_lang < "$TMP/body")" "es"
# the page's texts and the chat page itself
expect_eq "messages fr-CA" "$(status GET '/api/messages?lang=fr-CA')" 200
expect_eq "messages fr-CA in French" "$(json lang < "$TMP/body")" "fr"
expect_eq "messages PT" "$(status GET '/api/messages?lang=PT')" 200
expect_eq "messages PT in Portuguese" "$(json lang < "$TMP/body")" "pt"
curl -s -o "$TMP/page" "${URL}?lang=pt-PT" || fail "GET /?lang=pt-PT"
expect_match "page in Portuguese for pt-PT" "$(head -c 300 "$TMP/page")" '<html lang="pt">'

# a field of the wrong type is told, not taken as absent
expect_eq "lang a number" "$(status POST /api/ask -d '{"q":"iniciativa","lang":42}')" 400
expect_match "lang a number: why" "$(json error < "$TMP/body")" '"lang" must be a string'
expect_eq "prev_lang a list" "$(status POST /api/ask -d '{"q":"iniciativa","prev_lang":["fr"]}')" 400
expect_match "prev_lang a list: why" "$(json error < "$TMP/body")" '"prev_lang" must be a string'
expect_eq "explain a string" "$(status POST /api/ask -d '{"q":"iniciativa","explain":"yes"}')" 400
expect_match "explain a string: why" "$(json error < "$TMP/body")" '"explain" must be a boolean'
expect_eq "null fields are absent" "$(status POST /api/ask -d '{"q":"iniciativa","lang":null,"explain":null}')" 200
expect_eq "unknown fields are ignored" "$(status POST /api/ask -d '{"q":"iniciativa","userId":7}')" 200

# a body in Latin-1 ("\xe9t\xe9"): told as not UTF-8, on every route that
# reads JSON, not as a body that is no JSON object
printf '{"q":"\351t\351"}' > "$TMP/latin1.json"
expect_eq "Latin-1 body" "$(status POST /api/ask --data-binary @"$TMP/latin1.json")" 400
expect_match "Latin-1 body: why" "$(json error < "$TMP/body")" 'not UTF-8'
printf '{"question":"\351t\351"}' > "$TMP/latin1.json"
expect_eq "Latin-1 body, QnA Maker" "$(status POST /qnamaker/knowledgebases/kb/generateAnswer --data-binary @"$TMP/latin1.json")" 400
expect_match "Latin-1 body, QnA Maker: why" "$(json error < "$TMP/body")" 'not UTF-8'

# a key twice (which "q" was meant?), a lone surrogate, text after the
# object: refused with the parser's words and where, on every route that
# reads JSON; the last "q" was answered, and a broken body told as no object
expect_eq "q twice" "$(status POST /api/ask -d '{"q":"iniciativa","q":"fondo"}')" 400
expect_match "q twice: why" "$(json error < "$TMP/body")" 'not JSON: duplicate object key.*"q".*at byte'
expect_eq "question twice, QnA Maker" "$(status POST /qnamaker/knowledgebases/kb/generateAnswer -d '{"question":"a","question":"b"}')" 400
expect_match "question twice, QnA Maker: why" "$(json error < "$TMP/body")" 'duplicate object key'
expect_eq "lone surrogate" "$(status POST /api/ask -d '{"q":"a \ud800"}')" 400
expect_match "lone surrogate: why" "$(json error < "$TMP/body")" 'not JSON: invalid Unicode'
expect_eq "text after the object" "$(status POST /api/ask -d '{"q":"iniciativa"} y'"'"'más'"'"'')" 400
expect_match "text after the object: why" "$(json error < "$TMP/body")" 'not JSON: end of file expected'
expect_eq "empty body" "$(status POST /api/ask -d '')" 400
expect_match "empty body: why" "$(json error < "$TMP/body")" 'must be a JSON object'

# %00 in the query string: refused as the body's \u0000 is, not cut there
expect_eq "GET q with %00" "$(status GET '/api/ask?q=fondo%00fiduciario')" 400
expect_match "GET q with %00: why" "$(json error < "$TMP/body")" 'NUL'
expect_eq "page q with %00" "$(status GET '/ask?q=fondo%00fiduciario')" 400
expect_eq "GET q empty refused" "$(status GET '/api/ask?q=')" 400

# the Azure routes: how filters combine, and filters that are no object, are
# told (they were read as AND, or the question answered unfiltered)
QM=/qnamaker/knowledgebases/kb/generateAnswer
LQ='/language/:query-knowledgebases?projectName=p&deploymentName=production&api-version=2021-10-01'
F='[{"name":"id","value":"precursores-1"}]'
expect_eq "strictFilters OR" "$(status POST $QM -d "{\"question\":\"iniciativa\",\"strictFiltersCompoundOperationType\":\"or\",\"strictFilters\":$F}")" 200
expect_eq "strictFilters XOR" "$(status POST $QM -d "{\"question\":\"iniciativa\",\"strictFiltersCompoundOperationType\":\"XOR\",\"strictFilters\":$F}")" 400
expect_match "strictFilters XOR: why" "$(json error < "$TMP/body")" 'strictFiltersCompoundOperationType is "AND" or "OR"'
M='{"key":"id","value":"precursores-1"}'
expect_eq "metadataFilter OR" "$(status POST "$LQ" -d "{\"question\":\"iniciativa\",\"filters\":{\"metadataFilter\":{\"logicalOperation\":\"OR\",\"metadata\":[$M]}}}")" 200
expect_eq "metadataFilter NOR" "$(status POST "$LQ" -d "{\"question\":\"iniciativa\",\"filters\":{\"metadataFilter\":{\"logicalOperation\":\"NOR\",\"metadata\":[$M]}}}")" 400
expect_match "metadataFilter NOR: why" "$(json error < "$TMP/body")" 'logicalOperation is "AND" or "OR"'
expect_eq "filters a string" "$(status POST "$LQ" -d '{"question":"iniciativa","filters":"id=precursores-1"}')" 400
expect_match "filters a string: why" "$(json error < "$TMP/body")" 'filters is an object'
expect_eq "metadataFilter a list" "$(status POST "$LQ" -d "{\"question\":\"iniciativa\",\"filters\":{\"metadataFilter\":[$M]}}")" 400
expect_eq "filters null" "$(status POST "$LQ" -d '{"question":"iniciativa","filters":null}')" 200
