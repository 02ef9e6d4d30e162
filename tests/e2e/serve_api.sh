# serve_api.sh: every route of the real server, and every bad request.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx" --web "$ROOT/web" --unanswered "$TMP/unanswered.txt"
expect_match "binds loopback" "$URL" '^http://127\.0\.0\.1:[0-9]+/$'

expect_eq "POST /api/ask" "$(status POST /api/ask -H 'Content-Type: application/json' -d '{"q":"¿Cuándo concluye la iniciativa?"}')" 200
expect_eq "answer id" "$(json id < "$TMP/body")" "precursores-7"
expect_match "answer_html rendered" "$(json answer_html < "$TMP/body")" '<li>La iniciativa es de duración indeterminada'
expect_eq "GET /api/ask" "$(status GET '/api/ask?q=how%20long%20will%20the%20initiative%20last')" 200
expect_eq "GET answer in English" "$(json lang < "$TMP/body")" "en"
expect_eq "lang forces" "$(status POST /api/ask -d '{"q":"iniciativa","lang":"fr"}')" 200
expect_eq "forced language" "$(json query_lang < "$TMP/body")" "fr"
expect_eq "explain" "$(status POST /api/ask -d '{"q":"fondo fiduciario","explain":true}')" 200
expect_match "explain text" "$(json explain < "$TMP/body")" 'query language: es'
expect_eq "declined" "$(status POST /api/ask -d '{"q":"receta de paella valenciana"}')" 200
expect_eq "declined outcome" "$(json outcome < "$TMP/body")" "decline"
grep -q 'paella' "$TMP/unanswered.txt" || fail "declined question not logged to --unanswered"
ok "unanswered log"

# bad requests: JSON errors with the right status
expect_eq "malformed JSON" "$(status POST /api/ask -d '{"q":')" 400
expect_match "error is JSON" "$(json error < "$TMP/body")" 'JSON'
expect_eq "missing q" "$(status POST /api/ask -d '{"question":"x"}')" 400
expect_eq "q not a string" "$(status POST /api/ask -d '{"q":42}')" 400
head -c 9000 /dev/zero | tr '\0' 'a' > "$TMP/big"
expect_eq "body over 8 KiB" "$(status POST /api/ask --data-binary @"$TMP/big")" 413
python3 -c 'import json; print(json.dumps({"q": "a" * 1001}))' > "$TMP/long.json"
expect_eq "question over 1000 characters" "$(status POST /api/ask --data-binary @"$TMP/long.json")" 400
printf '{"q":"bad \377 byte"}' > "$TMP/bad.json"
expect_eq "invalid UTF-8 body" "$(status POST /api/ask --data-binary @"$TMP/bad.json")" 400
expect_eq "invalid UTF-8 query string" "$(status GET '/api/ask?q=%FF%FE')" 400
expect_eq "NUL in question" "$(status POST /api/ask -d '{"q":"a\u0000b"}')" 400
expect_eq "unknown route" "$(status GET /api/nothing)" 404
expect_eq "unknown route is JSON" "$(json status < "$TMP/body")" "404"
expect_eq "wrong method" "$(status DELETE /api/ask)" 405
expect_eq "wrong method on healthz" "$(status POST /healthz -d x)" 405
python3 -c 'print("[" * 100000 + "]" * 100000)' > "$TMP/deep.json"
expect_eq "deeply nested JSON" "$(status POST /api/ask --data-binary @"$TMP/deep.json")" 413
python3 -c 'print("{\"q\":" + "[" * 3000 + "]" * 3000 + "}")' > "$TMP/deep2.json"
expect_eq "nested JSON under 8 KiB" "$(status POST /api/ask --data-binary @"$TMP/deep2.json")" 400

# QnA Maker compatibility
expect_eq "qnamaker" "$(status POST /qnamaker/knowledgebases/kb1/generateAnswer -H 'Content-Type: application/json' -d '{"question":"¿Cuándo concluye la iniciativa?","top":3}')" 200
python3 - "$TMP/body" <<'PY' || fail "qnamaker shape"
import json, sys
a = json.load(open(sys.argv[1]))["answers"]
assert 1 <= len(a) <= 3, a
assert "2022" in a[0]["answer"] and 0 <= a[0]["score"] <= 100 and a[0]["questions"], a[0]
assert isinstance(a[0]["id"], int)
PY
ok "qnamaker shape"
expect_eq "qnamaker no match" "$(status POST /qnamaker/knowledgebases/kb1/generateAnswer -d '{"question":"receta de paella","top":1}')" 200
expect_eq "qnamaker no-match answer" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["answers"][0]["id"])' "$TMP/body")" "-1"
expect_eq "qnamaker threshold" "$(status POST /qnamaker/knowledgebases/kb1/generateAnswer -d '{"question":"¿Cuándo concluye la iniciativa?","scoreThreshold":101}')" 200
expect_eq "qnamaker threshold filters" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["answers"][0]["id"])' "$TMP/body")" "-1"
expect_eq "qnamaker bad path" "$(status POST /qnamaker/knowledgebases/generateAnswer -d '{}')" 404
expect_eq "qnamaker bad body" "$(status POST /qnamaker/knowledgebases/kb/generateAnswer -d '{"top":1}')" 400

# health, metrics, messages
expect_eq "healthz" "$(status GET /healthz)" 200
expect_match "healthz entries" "$(json entries < "$TMP/body")" '^[0-9]+$'
expect_eq "metrics" "$(status GET /metrics)" 200
expect_match "metrics requests" "$(cat "$TMP/body")" 'faqbot_requests_total\{route="api_ask",status="400"\} [0-9]+'
expect_match "metrics histogram" "$(cat "$TMP/body")" 'faqbot_answer_seconds_bucket\{le="\+Inf"\} [0-9]+'
expect_match "metrics declined" "$(cat "$TMP/body")" 'faqbot_declined_total [1-9]'
expect_match "metrics index age" "$(cat "$TMP/body")" 'faqbot_index_age_seconds [0-9]+'
expect_eq "messages by Accept-Language" "$(status GET /api/messages -H 'Accept-Language: fr-FR,fr;q=0.9')" 200
expect_eq "messages language" "$(json lang < "$TMP/body")" "fr"
expect_eq "messages explicit" "$(status GET '/api/messages?lang=pt')" 200
expect_eq "messages pt" "$(json lang < "$TMP/body")" "pt"

# the page without JavaScript
expect_eq "no-JS answer page" "$(status GET '/ask?q=%C2%BFCu%C3%A1ndo%20concluye%20la%20iniciativa%3F')" 200
expect_match "no-JS answer" "$(cat "$TMP/body")" '2022'
expect_eq "no-JS escapes the question" "$(status GET '/ask?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')" 200
grep -q '<script>alert' "$TMP/body" && fail "question not escaped"
ok "question escaped"

# access log: one line per request, no question text
grep -Eq '^POST api_ask 200 [0-9]+us' "$TMP/server.err" || fail "access log line"
grep -q 'paella' "$TMP/server.err" && fail "question text in the access log"
ok "access log without questions"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=""
expect_eq "SIGTERM exits 0" "$rc" "0"
