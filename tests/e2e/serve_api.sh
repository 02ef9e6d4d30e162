# serve_api.sh: every route of the real server, and every bad request.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
# log_has ERE: the server's stderr has a matching line; waits for it a little,
# since the access line is written once the response has gone (valgrind is slow)
log_has() {
    for _ in $(seq 1 400); do
        grep -Eq -- "$1" "$TMP/server.err" && return 0
        sleep 0.05
    done
    return 1
}
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx" --web "$ROOT/web" --unanswered "$TMP/unanswered.txt"
expect_match "binds loopback" "$URL" '^http://127\.0\.0\.1:[0-9]+/$'

expect_eq "POST /api/ask" "$(status POST /api/ask -H 'Content-Type: application/json' -d '{"q":"¿Cuándo concluye la iniciativa?"}')" 200
expect_eq "answer id" "$(json id < "$TMP/body")" "precursores-7"
expect_match "answer_html rendered" "$(json answer_html < "$TMP/body")" '<p>La iniciativa es de duración indeterminada'
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
expect_eq "declined with a newline" "$(status POST /api/ask -d '{"q":"receta de\nlentejas \\ 3"}')" 200
line=$(grep 'lentejas' "$TMP/unanswered.txt")
expect_match "unanswered line: time, language, escaped question" "$line" \
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z	es	receta de\\nlentejas \\\\ 3$'
expect_eq "one line per declined question" "$(grep -c 'paella\|lentejas' "$TMP/unanswered.txt")" 2
h=$(curl -s -D - -o "$TMP/body" "${URL}api/ask?q=fondo%20fiduciario")
expect_match "API type" "$h" 'Content-Type: application/json; charset=utf-8'
expect_match "API not cached" "$h" 'Cache-Control: no-store'
expect_match "API CSP" "$h" "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;.* frame-ancestors 'none'"
expect_match "API nosniff" "$h" 'X-Content-Type-Options: nosniff'
expect_match "API referrer policy" "$h" 'Referrer-Policy: no-referrer'

# bad requests: JSON errors with the right status
expect_eq "malformed JSON" "$(status POST /api/ask -d '{"q":')" 400
expect_match "error is JSON" "$(json error < "$TMP/body")" 'JSON'
expect_eq "missing q" "$(status POST /api/ask -d '{"question":"x"}')" 400
expect_eq "q not a string" "$(status POST /api/ask -d '{"q":42}')" 400
expect_eq "q not a string: told as sent, not missing" "$(json error < "$TMP/body")" '"q" must be a string: the question'
expect_eq "missing q: told missing" "$(status POST /api/ask -d '{"q":null}')$(json error < "$TMP/body")" '400missing "q": the question, a string'
head -c 9000 /dev/zero | tr '\0' 'a' > "$TMP/big"
expect_eq "body over 8 KiB" "$(status POST /api/ask --data-binary @"$TMP/big")" 413
python3 -c 'import json; print(json.dumps({"q": "a" * 1001}))' > "$TMP/long.json"
expect_eq "question over 1000 characters" "$(status POST /api/ask --data-binary @"$TMP/long.json")" 400
printf '{"q":"bad \377 byte"}' > "$TMP/bad.json"
expect_eq "invalid UTF-8 body" "$(status POST /api/ask --data-binary @"$TMP/bad.json")" 400
expect_eq "invalid UTF-8 query string" "$(status GET '/api/ask?q=%FF%FE')" 400
expect_eq "NUL in question" "$(status POST /api/ask -d '{"q":"a\u0000b"}')" 400
expect_eq "GET without q" "$(status GET '/api/ask?lang=es')" 400
expect_eq "q too long in the query string" "$(status GET "/api/ask?q=$(python3 -c 'print("%C3%A9" * 1001)')")" 400
expect_eq "1000 characters are fine" "$(status GET "/api/ask?q=$(python3 -c 'print("%C3%A9" * 1000)')")" 200
expect_eq "unknown route" "$(status GET /api/nothing)" 404
expect_eq "unknown route is JSON" "$(json status < "$TMP/body")" "404"
expect_eq "wrong method" "$(status DELETE /api/ask)" 405
expect_eq "405 is JSON, naming the methods taken" "$(json error < "$TMP/body")" \
    'method DELETE not allowed here: GET, HEAD, POST, OPTIONS'
h=$(curl -s -D - -o /dev/null -X PUT "${URL}api/ask")
expect_match "Allow on /api/ask" "$h" 'Allow: GET, HEAD, POST'
# OPTIONS says what a route takes, without a CORS preflight too (RFC 9110)
for r in "api/ask:GET, HEAD, POST, OPTIONS" "api/messages:GET, HEAD, OPTIONS" "api/feedback:POST, OPTIONS" \
         "qnamaker/knowledgebases/kb1/generateAnswer:POST, OPTIONS"; do
    h=$(curl -s -D - -o /dev/null -X OPTIONS "$URL${r%%:*}" | tr -d '\r')
    expect_match "OPTIONS ${r%%:*}: 204" "$h" '^HTTP/1.1 204'
    expect_match "OPTIONS ${r%%:*}: Allow" "$h" "^Allow: ${r#*:}\$"
done
expect_match "security headers on errors" "$h" 'X-Content-Type-Options: nosniff'
expect_eq "wrong method on healthz" "$(status POST /healthz -d x)" 405
expect_match "Allow on healthz" "$(curl -s -D - -o /dev/null -X POST -d x "${URL}healthz")" 'Allow: GET, HEAD'
expect_eq "GET on qnamaker" "$(status GET /qnamaker/knowledgebases/kb1/generateAnswer)" 405
expect_match "Allow on qnamaker" "$(curl -s -D - -o /dev/null "${URL}qnamaker/knowledgebases/kb1/generateAnswer")" 'Allow: POST'
expect_eq "HEAD healthz" "$(curl -s -o /dev/null -w '%{http_code}' -I "${URL}healthz")" 200
# a body over 8 KiB without a Content-Length (chunked) is refused too
expect_eq "chunked body over 8 KiB" "$(status POST /api/ask -H 'Transfer-Encoding: chunked' --data-binary @"$TMP/big")" 413
expect_eq "chunked body under 8 KiB" "$(status POST /api/ask -H 'Transfer-Encoding: chunked' -d '{"q":"fondo fiduciario"}')" 200
# refused on the announced length, before any body byte is read
code=$(python3 - "$URL" <<'PY'
import socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
s = socket.create_connection((u.hostname, u.port), timeout=5)
s.sendall(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n")
print(s.recv(100).split()[1].decode())
PY
)
expect_eq "Content-Length over 8 KiB refused before the body" "$code" 413
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
assert isinstance(a[0]["metadata"], list)
assert all(isinstance(q, str) for q in a[0]["questions"])
assert all(x["score"] <= a[0]["score"] for x in a)
PY
ok "qnamaker shape"
expect_eq "active learning off without a feedback log" "$(json activeLearningEnabled < "$TMP/body")" "false"
expect_eq "qnamaker no match" "$(status POST /qnamaker/knowledgebases/kb1/generateAnswer -d '{"question":"receta de paella","top":1}')" 200
python3 - "$TMP/body" <<'PY' || fail "qnamaker no-match shape"
import json, sys
a = json.load(open(sys.argv[1]))["answers"]
assert len(a) == 1, a
assert a[0] == {"answer": "No good match found in KB.", "score": 0, "id": -1, "questions": [], "metadata": []}, a
PY
ok "qnamaker no-match answer"
expect_eq "qnamaker threshold" "$(status POST /qnamaker/knowledgebases/kb1/generateAnswer -d '{"question":"¿Cuándo concluye la iniciativa?","scoreThreshold":101}')" 200
expect_eq "qnamaker threshold filters" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["answers"][0]["id"])' "$TMP/body")" "-1"
expect_eq "qnamaker bad path" "$(status POST /qnamaker/knowledgebases/generateAnswer -d '{}')" 404
expect_eq "qnamaker bad body" "$(status POST /qnamaker/knowledgebases/kb/generateAnswer -d '{"top":1}')" 400
# a field of the wrong type is refused, not taken as absent
expect_eq "qnamaker top not a number" "$(status POST /qnamaker/knowledgebases/kb/generateAnswer -d '{"question":"iniciativa","top":"3"}')" 400
expect_eq "qnamaker top not a number: why" "$(json error < "$TMP/body")" "top must be from 1 to 50"
expect_eq "qnamaker threshold not a number" "$(status POST /qnamaker/knowledgebases/kb/generateAnswer -d '{"question":"iniciativa","scoreThreshold":"50"}')" 400
expect_eq "qnamaker threshold not a number: why" "$(json error < "$TMP/body")" "scoreThreshold must be a number"
expect_eq "language service threshold not a number" "$(status POST '/language/:query-knowledgebases?projectName=p&deploymentName=d' -d '{"question":"iniciativa","confidenceScoreThreshold":true}')" 400
expect_eq "qnamaker null top: the default" "$(status POST /qnamaker/knowledgebases/kb/generateAnswer -d '{"question":"iniciativa","top":null}')" 200

# health, metrics, messages
expect_eq "healthz" "$(status GET /healthz)" 200
expect_match "healthz entries" "$(json entries < "$TMP/body")" '^[1-9][0-9]*$'
expect_match "healthz build time" "$(json built < "$TMP/body")" '^[1-9][0-9]+$'
expect_match "healthz type" "$(curl -s -D - -o /dev/null "${URL}healthz")" 'Content-Type: application/json'
expect_eq "metrics" "$(status GET /metrics)" 200
expect_match "metrics type" "$(curl -s -D - -o /dev/null "${URL}metrics")" 'Content-Type: text/plain; version=0.0.4'
expect_match "metrics index entries" "$(cat "$TMP/body")" 'faqbot_index_entries [1-9]'
expect_match "metrics reloads" "$(cat "$TMP/body")" 'faqbot_index_reloads_total 0'
expect_match "metrics 405 counted" "$(cat "$TMP/body")" 'faqbot_requests_total\{route="healthz",status="405"\} 2'
expect_match "metrics requests" "$(cat "$TMP/body")" 'faqbot_requests_total\{route="api_ask",status="400"\} [0-9]+'
expect_match "metrics histogram" "$(cat "$TMP/body")" 'faqbot_answer_seconds_bucket\{le="\+Inf"\} [0-9]+'
expect_match "metrics declined" "$(cat "$TMP/body")" 'faqbot_declined_total [1-9]'
expect_match "metrics index age" "$(cat "$TMP/body")" 'faqbot_index_age_seconds [0-9]+'
expect_eq "messages by Accept-Language" "$(status GET /api/messages -H 'Accept-Language: fr-FR,fr;q=0.9')" 200
expect_eq "messages language" "$(json lang < "$TMP/body")" "fr"
expect_eq "messages explicit" "$(status GET '/api/messages?lang=pt')" 200
expect_eq "messages pt" "$(json lang < "$TMP/body")" "pt"
python3 - "$TMP/body" <<'PY' || fail "messages content"
import json, sys
m = json.load(open(sys.argv[1]))
assert m["lang_name"] == "português", m["lang_name"]
for k in ("decline", "page_title", "page_send", "page_placeholder", "repl_help"):
    assert isinstance(m[k], str) and m[k] and m[k] != k, k
codes = {l["code"]: l["name"] for l in m["langs"]}
assert codes == {"en": "English", "es": "español", "fr": "français", "pt": "português"}, codes
PY
ok "messages: every key of the language, the languages by name"
expect_eq "messages unknown language" "$(status GET '/api/messages?lang=xx')" 200
expect_match "messages type" "$(curl -s -D - -o /dev/null "${URL}api/messages")" 'Content-Type: application/json'

# the page without JavaScript
expect_eq "no-JS answer page" "$(status GET '/ask?q=%C2%BFCu%C3%A1ndo%20concluye%20la%20iniciativa%3F')" 200
expect_match "no-JS answer" "$(cat "$TMP/body")" '2022'
# every link relative: the page works under a path prefix behind a proxy (/faq/ask)
expect_match "no-JS page is HTML" "$(curl -s -D - -o /dev/null "${URL}ask?q=fondo")" 'Content-Type: text/html; charset=utf-8'
expect_match "no-JS page uses the stylesheet" "$(cat "$TMP/body")" '<link rel="stylesheet" href="style.css">'
expect_match "no-JS page in the question's language" "$(cat "$TMP/body")" '<html lang="es">'
expect_match "no-JS answer rendered" "$(cat "$TMP/body")" '<div class="answer"><p>'
expect_match "no-JS form" "$(cat "$TMP/body")" '<form class="ask" method="get" action="ask">'
expect_match "no-JS question box labelled for screen readers" "$(cat "$TMP/body")" '<input name="q"[^>]* placeholder="([^"]+)" aria-label="\1">'
grep -q '<script' "$TMP/body" && fail "the no-JS page holds a script"
ok "no script on the no-JS page"
expect_eq "no-JS page with alternatives" "$(status GET '/ask?q=fondo')" 200
expect_match "no-JS alternatives are links, a turn of the conversation" "$(cat "$TMP/body")" '<li><a href="ask\?q=[^"]+&amp;prev_lang=es">'
expect_match "no-JS form after an answer: the conversation's language" "$(cat "$TMP/body")" '<input type="hidden" name="prev_lang" value="es">'
expect_eq "no-JS page in English" "$(status GET '/ask?q=how%20long%20will%20the%20initiative%20last')" 200
expect_match "no-JS English texts" "$(cat "$TMP/body")" '<html lang="en">'
expect_eq "no-JS welcome" "$(status GET '/ask' -H 'Accept-Language: fr')" 200
expect_match "no-JS welcome in French" "$(cat "$TMP/body")" 'Bonjour'
expect_match "no-JS welcome's form: the page's language" "$(cat "$TMP/body")" '<input type="hidden" name="lang" value="fr">'
expect_eq "no-JS declined" "$(status GET '/ask?q=receta%20de%20paella%20valenciana')" 200
expect_match "no-JS decline message" "$(cat "$TMP/body")" 'no tengo una respuesta'
expect_eq "no-JS question too long" "$(status GET "/ask?q=$(python3 -c 'print("a" * 1001)')")" 400
expect_match "no-JS error is a page" "$(cat "$TMP/body")" 'role="alert">That question is too long: at most 1000 characters'
expect_eq "no-JS invalid UTF-8" "$(status GET '/ask?q=%FF')" 400
expect_eq "no-JS escapes the question" "$(status GET '/ask?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')" 200
grep -q '<script>alert' "$TMP/body" && fail "question not escaped"
ok "question escaped"

# access log: one line per request, no question text
# (JSON lines: time, client, method, path, status, bytes, ms)
line='^\{"time":"20[0-9-]{8}T[0-9:.]{12}Z","client":"127\.0\.0\.1","method":'
log_has "$line"'"POST","path":"/api/ask","status":200,"bytes":[1-9][0-9]*,"ms":[0-9.e-]+\}$' || fail "access log line"
log_has "$line"'"GET","path":"/api/ask","status":400,' || fail "access log line of a GET"
log_has "$line"'"DELETE","path":"/api/ask","status":405,' || fail "access log line of a DELETE"
log_has "$line"'"POST","path":"/qnamaker/knowledgebases/kb1/generateAnswer","status":200,' || fail "access log of qnamaker"
grep -q 'paella\|fiduciario\|"q"' "$TMP/server.err" && fail "question text in the access log"
ok "access log: time, client, method, path, status, bytes, duration, no question"
# a path cannot forge a log line
curl -s -o /dev/null --path-as-is "${URL}x%0aGET%20/forged%20200%201us"
log_has '"path":"/x\\\\x0aGET\\\\x20/forged\\\\x20200\\\\x201us","status":404,' || fail "escaped path not logged"
grep -q '^GET /forged' "$TMP/server.err" && fail "a request forged an access log line"
ok "control bytes in a path escaped in the log"
# one line per request: as many as /metrics counted before it, plus itself
m=$(curl -s "${URL}metrics" | awk '/^faqbot_requests_total/ {n += $2} END {print n}')
log_has '"method":"GET","path":"/metrics","status":200,' || fail "no log line for /metrics"
expect_eq "one access log line per request" "$(grep -Ec '^\{"time":"[^"]+","client":"[^"]+","method":"[A-Z]+","path":"/[^"]*","status":[0-9]+,' "$TMP/server.err")" "$((m + 1))"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=""
expect_eq "SIGTERM exits 0" "$rc" "0"
grep -q 'shutting down' "$TMP/server.err" || fail "no shutdown line"

# --log-questions puts the question in the access line, escaped
start_server "$TMP/faq.idx" --log-questions
status POST /api/ask -d '{"q":"fondo \"fiduciario\"\nsegunda"}' >/dev/null
status GET '/ask?q=%C2%BFCu%C3%A1ndo%20concluye%3F' >/dev/null
log_has '"path":"/api/ask","status":200,.*"q":"fondo \\\\x22fiduciario\\\\x22\\\\x0asegunda"\}$' || fail "question in the access line"
log_has '"path":"/ask","status":200,.*"q":"\\\\xc2\\\\xbfCu\\\\xc3\\\\xa1ndo concluye\?"\}$' || fail "no-JS question in the access line"
ok "--log-questions"
# a port in use: told once (not by libmicrohttpd's log as well), with what to do
port=${URL##*:}; port=${port%/}
"$FAQBOT" serve --index "$TMP/faq.idx" --port "$port" >"$TMP/out" 2>"$TMP/err"
expect_eq "port in use: exit code" "$?" "2"
expect_eq "port in use: one line" "$(wc -l < "$TMP/err" | tr -d ' ')" "1"
expect_match "port in use: the address and what to do" "$(cat "$TMP/err")" \
    "^faqbot serve: cannot listen on 127\.0\.0\.1:$port: .*--port"
kill -INT "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=""
expect_eq "SIGINT exits 0" "$rc" "0"

# usage errors
"$FAQBOT" serve --port 99999 >/dev/null 2>&1; expect_eq "bad port is a usage error" "$?" 1
"$FAQBOT" serve --threads 0 >/dev/null 2>&1; expect_eq "bad thread count" "$?" 1
"$FAQBOT" serve --bogus >/dev/null 2>&1; expect_eq "unknown option" "$?" 1
"$FAQBOT" serve --index "$TMP/none.idx" --port 0 >/dev/null 2>&1; expect_eq "missing index" "$?" 2
"$FAQBOT" serve --help | grep -q -- '--unanswered' || fail "--help lists the options"
ok "--help"

# the no-JS page tells a refused question in the page's language (its lang
# field, else Accept-Language), with the bot's messages, a corpus's own first
cp -r "$ROOT/corpus" "$TMP/pc"
printf 'question_too_long = Pregunta demasiado larga: {max} caracteres como máximo.\n' >> "$TMP/pc/es/messages.txt"
"$FAQBOT" index --corpus "$TMP/pc" --out "$TMP/pc.idx" >/dev/null || fail "index with messages"
start_server "$TMP/pc.idx"
long=$(python3 -c 'print("%C3%A9" * 1001)')
expect_eq "no-JS too long: 400" "$(status GET "/ask?q=$long&lang=es")" 400
expect_match "no-JS too long: said in the page's language" "$(cat "$TMP/body")" \
    'role="alert">Pregunta demasiado larga: 1000 caracteres'
expect_eq "no-JS too long, Accept-Language: 400" "$(status GET "/ask?q=$long" -H 'Accept-Language: es-ES,es;q=0.9')" 400
expect_match "no-JS too long: said in the Accept-Language" "$(cat "$TMP/body")" 'Pregunta demasiado larga'
expect_eq "no-JS not UTF-8: 400" "$(status GET '/ask?q=%FF%FE&lang=en')" 400
expect_match "no-JS not UTF-8: the bot's message" "$(cat "$TMP/body")" 'role="alert">That question could not be read'
stop_server
