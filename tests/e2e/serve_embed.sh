# serve_embed.sh: the server on a real website: CORS for the origins given
# (--allow-origin), framing (--frame-ancestors), votes (POST /api/feedback,
# --feedback-log), behind a proxy (--trust-proxy, --access-log), the Azure
# routes' key and paths, metrics by outcome and language.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
site=http://127.0.0.2:8000
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"

# defaults: no CORS, no framing, no feedback log
start_server "$TMP/faq.idx" --web "$ROOT/web"
h=$(curl -s -D - -o /dev/null -H "Origin: $site" "${URL}api/messages")
printf '%s' "$h" | grep -qi '^Access-Control-Allow-Origin' && fail "CORS headers without --allow-origin"
ok "no CORS headers by default"
expect_match "X-Frame-Options DENY by default" "$h" 'X-Frame-Options: DENY'
expect_match "frame-ancestors 'none' by default" "$h" "frame-ancestors 'none'"
expect_eq "feedback off by default" "$(status POST /api/feedback -d '{"q":"hola","id":"precursores-7","vote":"up"}')" 404
expect_match "feedback off says why" "$(json error < "$TMP/body")" 'feedback-log'
expect_eq "healthz: nothing refused yet" "$(curl -s "${URL}healthz" | json last_refused)" "null"
stop_server

FAQBOT_ENDPOINT_KEY=env-key start_server "$TMP/faq.idx" --web "$ROOT/web" --allow-origin "$site" \
    --allow-origin https://faq.example.org --frame-ancestors "'self' $site" --feedback-log "$TMP/fb.jsonl" \
    --trust-proxy 127.0.0.1 --access-log "$TMP/access.jsonl"
# CORS: the exact origins given, nothing for the others
h=$(curl -s -D - -o /dev/null -H "Origin: $site" "${URL}api/messages")
expect_match "CORS for an allowed origin" "$h" "Access-Control-Allow-Origin: $site"
expect_match "Vary: Origin" "$h" 'Vary: Origin'
h=$(curl -s -D - -o /dev/null -H "Origin: http://127.0.0.3:8000" "${URL}api/messages")
printf '%s' "$h" | grep -qi '^Access-Control-Allow-Origin' && fail "CORS headers for an origin not given"
h=$(curl -s -D - -o /dev/null -H "Origin: $site.evil.example" "${URL}api/messages")
printf '%s' "$h" | grep -qi '^Access-Control-Allow-Origin' && fail "CORS headers for an origin that only starts like one given"
ok "no CORS headers for other origins"
h=$(curl -s -D - -o /dev/null -X OPTIONS -H "Origin: $site" -H 'Access-Control-Request-Method: POST' \
    -H 'Access-Control-Request-Headers: content-type' "${URL}api/ask")
expect_match "preflight 204" "$h" '^HTTP/1.1 204'
expect_match "preflight methods" "$h" 'Access-Control-Allow-Methods: GET, POST, OPTIONS'
expect_match "preflight headers" "$h" 'Access-Control-Allow-Headers: Content-Type'
expect_match "preflight max age" "$h" 'Access-Control-Max-Age: [1-9]'
expect_match "preflight of the QnA route" "$(curl -s -D - -o /dev/null -X OPTIONS -H "Origin: $site" \
    "${URL}qnamaker/knowledgebases/kb/generateanswer")" "Access-Control-Allow-Origin: $site"
h=$(curl -s -D - -o /dev/null -X OPTIONS -H 'Origin: http://127.0.0.3:8000' "${URL}api/ask")
printf '%s' "$h" | grep -qi '^Access-Control-Allow' && fail "preflight allowed an origin not given"
ok "preflight from another origin: no CORS headers"
h=$(curl -s -D - -o /dev/null -H "Origin: $site" "${URL}index.html")
printf '%s' "$h" | grep -qi '^Access-Control-Allow-Origin' && fail "CORS headers on a static file"
# framing
printf '%s' "$h" | grep -qi '^X-Frame-Options' && fail "X-Frame-Options with --frame-ancestors"
expect_match "frame-ancestors given" "$h" "frame-ancestors 'self' $site;"
"$FAQBOT" serve --port 0 --index "$TMP/faq.idx" --frame-ancestors "x; script-src *" >/dev/null 2>&1
expect_eq "--frame-ancestors cannot add directives" "$?" 1

# feedback
expect_eq "feedback up" "$(status POST /api/feedback -H "Origin: $site" \
    -d '{"q":"¿Cuándo concluye?","id":"precursores-7","lang":"es","vote":"up"}')" 204
expect_eq "feedback down, no lang" "$(status POST /api/feedback -d '{"q":"línea\nnueva","id":"precursores-1","vote":"down"}')" 204
for bad in '{"q":"a","id":"precursores-7","vote":"maybe"}' '{"q":"a","id":"no-such-entry","vote":"up"}' \
           '{"id":"precursores-7","vote":"up"}' '{"q":"a","vote":"up"}' '{"q":"a","id":"precursores-7","lang":"e s","vote":"up"}' \
           '{"q":1,"id":"precursores-7","vote":"up"}' 'nope' '[]'; do
    expect_eq "feedback refused: $bad" "$(status POST /api/feedback -d "$bad")" 400
    expect_match "feedback error is JSON" "$(json error < "$TMP/body")" '.'
done
expect_eq "feedback GET" "$(status GET /api/feedback)" 405
expect_match "Allow on /api/feedback" "$(curl -s -D - -o /dev/null "${URL}api/feedback")" "Allow: POST"
python3 - "$TMP/fb.jsonl" <<'PY' || fail "feedback log"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(lines) == 2, lines
a, b = lines
assert (a["q"], a["id"], a["lang"], a["vote"]) == ("¿Cuándo concluye?", "precursores-7", "es", "up"), a
assert (b["q"], b["id"], b["vote"], b["lang"]) == ("línea\nnueva", "precursores-1", "down", None), b
assert a["time"].endswith("Z") and a["via"] == "api", a
PY
ok "feedback log: one JSON line a vote (time, q, id, lang, vote)"

# the Azure routes: the key from FAQBOT_ENDPOINT_KEY, the paths in any case
q='{"question":"¿Cuándo concluye la iniciativa?"}'
expect_eq "no key" "$(status POST /qnamaker/knowledgebases/kb/generateAnswer -d "$q")" 401
expect_match "401 is JSON" "$(json error < "$TMP/body")" 'EndpointKey'
expect_eq "wrong key" "$(status POST /qnamaker/knowledgebases/kb/generateAnswer -H 'Authorization: EndpointKey nope' -d "$q")" 401
for p in /qnamaker/knowledgebases/kb/generateAnswer /qnamaker/knowledgebases/kb/generateanswer /QnAMaker/KnowledgeBases/kb/GENERATEANSWER; do
    expect_eq "key given: $p" "$(status POST "$p" -H 'Authorization: EndpointKey env-key' -d "$q")" 200
    expect_eq "answer at $p" "$(json answers.0.metadata.0.value < "$TMP/body")" "precursores-7"
done
expect_eq "active learning on with a feedback log" "$(json activeLearningEnabled < "$TMP/body")" "true"
expect_eq "subscription key header" "$(status POST '/language/:query-knowledgebases?projectName=p&deploymentName=production&api-version=2021-10-01' \
    -H 'Ocp-Apim-Subscription-Key: env-key' -d "$q")" 200
expect_eq "language answer" "$(json answers.0.metadata.id < "$TMP/body")" "precursores-7"
expect_match "language confidence 0..1" "$(json answers.0.confidenceScore < "$TMP/body")" '^0\.[0-9]+$'
expect_eq "language route needs its parameters" "$(status POST '/language/:query-knowledgebases?projectName=p' \
    -H 'Ocp-Apim-Subscription-Key: env-key' -d "$q")" 400
expect_eq "unknown language route" "$(status POST '/language/other' -H 'Ocp-Apim-Subscription-Key: env-key' -d "$q")" 404
expect_eq "train, bad qnaId" "$(status POST /qnamaker/knowledgebases/kb/train -H 'Authorization: EndpointKey env-key' \
    -d '{"feedbackRecords":[{"userId":"u","userQuestion":"x","qnaId":99999}]}')" 400
expect_eq "strictFilters malformed" "$(status POST /qnamaker/knowledgebases/kb/generateanswer -H 'Authorization: EndpointKey env-key' \
    -d '{"question":"x","strictFilters":[{"name":"a"}]}')" 400

# behind a proxy: the client X-Forwarded-For names, for the log and the limits
curl -s -o /dev/null -H 'X-Forwarded-For: 203.0.113.7' "${URL}healthz"
curl -s -o /dev/null -H 'X-Forwarded-For: 198.51.100.1, 203.0.113.8, 127.0.0.1' "${URL}healthz"
curl -s -o /dev/null -H 'X-Forwarded-For: not-an-address' "${URL}healthz"
sleep 0.2
python3 - "$TMP/access.jsonl" <<'PY' || fail "access log behind a proxy"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
clients = [l["client"] for l in lines if l["path"] == "/healthz"]
assert clients[-3:] == ["203.0.113.7", "203.0.113.8", "127.0.0.1"], clients
for l in lines:
    assert set(l) >= {"time", "client", "method", "path", "status", "bytes", "ms"}, l
PY
ok "access log file: the forwarded client, the proxy's own hops skipped, garbage ignored"
[ -s "$TMP/server.err" ] && grep -q '"path"' "$TMP/server.err" && fail "access lines on stderr with --access-log"
# one client behind the proxy holds at most its per-address share of requests in flight
per_ip=$(sed -n 's/^#define FAQ_HTTP_MAX_PER_IP *\([0-9]*\).*/\1/p' "$ROOT/src/limits.h")
python3 - "$URL" "$per_ip" <<'PY' || fail "per-address limit behind a proxy"
import socket, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1]); per_ip = int(sys.argv[2])
held = []
for i in range(per_ip + 5):
    s = socket.create_connection((u.hostname, u.port), timeout=5)
    # headers whole, the body promised and never sent: the request stays in flight
    s.sendall(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9\r\nContent-Length: 100\r\n\r\n")
    held.append(s)
# the refusals come at once; on a busy machine, give them a moment
codes = ["held"] * len(held)
for s in held:
    s.setblocking(False)
until = time.time() + 3
while time.time() < until and codes.count("429") < 5:
    time.sleep(0.1)
    for i, s in enumerate(held):
        if codes[i] == "held":
            try:
                codes[i] = s.recv(100).split(b" ")[1].decode()
            except BlockingIOError:
                pass
            except (IndexError, OSError):
                codes[i] = "closed"
other = socket.create_connection((u.hostname, u.port), timeout=5)
other.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.10\r\nConnection: close\r\n\r\n")
other_code = other.recv(100).split(b" ")[1].decode()
print(f"held {codes.count('held')}, refused {codes.count('429')}; another client: {other_code}")
assert codes.count("held") == per_ip and codes.count("429") == 5, codes
assert other_code == "200"
PY
ok "per-address limit for a client behind a trusted proxy, not for the proxy"
m=$(curl -s "${URL}metrics")
expect_match "metrics by outcome and language" "$m" 'faqbot_answers_total\{outcome="answer",lang="es"\} [1-9]'
curl -s -o /dev/null "${URL}api/ask?q=hola"
curl -s -o /dev/null "${URL}api/ask?q=receta%20de%20paella%20valenciana"
m=$(curl -s "${URL}metrics")
expect_match "metrics: small talk" "$m" 'faqbot_answers_total\{outcome="smalltalk",lang="es"\} 1'
expect_match "metrics: decline" "$m" 'faqbot_answers_total\{outcome="decline",lang="es"\} 1'
