# serve_hostile.sh: the hostile input catalogue against the real server:
# huge questions, many words, every Unicode plane, control bytes, and
# HTML/script in the corpus that must never reach the page as markup.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
mkdir -p "$TMP/c/es"
cat > "$TMP/c/es/faq.md" <<'MD'
# Hostile
## ¿Qué pasa con el HTML? {#html}

Texto <script>alert('corpus')</script> <img src=x onerror=alert(1)> y un [enlace](javascript:alert(2)) y otro [bueno](https://example.org).

## ¿Emojis y escrituras? {#unicode}

😀 中文 العربية Ελληνικά 𝔘𝔫𝔦𝔠𝔬𝔡𝔢
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx"
expect_eq "corpus HTML question" "$(status POST /api/ask -d '{"q":"¿Qué pasa con el HTML?"}')" 200
html=$(json answer_html < "$TMP/body")
printf '%s' "$html" | grep -qi '<script' && fail "script tag from the corpus reached answer_html"
printf '%s' "$html" | grep -qi 'onerror' && fail "event handler from the corpus reached answer_html"
printf '%s' "$html" | grep -qi 'javascript:' && fail "javascript: link reached answer_html"
expect_match "safe links kept" "$html" 'href="https://example.org"'
# a 1 MB question in the query string, and in a body
# (sent raw: no shell argument holds 1 MB)
code=$(python3 - "$URL" <<'PY'
import socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
s = socket.create_connection((u.hostname, u.port), timeout=10)
try:
    s.sendall(b"GET /api/ask?q=" + b"a" * 1000000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
except OSError:
    pass
try:
    print(s.recv(100).split()[1].decode())
except Exception:
    print("closed")
PY
)
case $code in 4*|closed) ok "1 MB query string refused ($code)";; *) fail "1 MB query string gave $code";; esac
{ printf '{"q":"'; head -c 1000000 /dev/zero | tr '\0' 'a'; printf '"}'; } > "$TMP/big.json"
# a body up to a megabyte is read, then refused: the client reads its 413
expect_eq "1 MB body" "$(status POST /api/ask --data-binary @"$TMP/big.json")" 413
expect_match "1 MB body, the JSON error" "$(json error < "$TMP/body")" "^the body is larger than"
# a larger one is refused at its headers; a client that waits for the
# server's word (Expect: 100-continue, as curl does past 1 MiB) reads the 413
head -c 3000000 /dev/zero > "$TMP/huge.bin"
expect_eq "3 MB body" "$(status POST /api/ask -H 'Expect: 100-continue' --data-binary @"$TMP/huge.bin")" 413
# many words, under the length limit
words=$(python3 -c 'print(" ".join(["país"] * 190))')
expect_eq "190 words" "$(status POST /api/ask --data-binary "{\"q\":\"$words\"}")" 200
# the longest question, in the query string: 1000 four-byte code points,
# escaped (12 KB of URL), beside a browser's 4 KB of cookies, fit the
# server's buffer of a connection
long=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("😀" * 1000))')
cookie=$(python3 -c 'print("c=" + "x" * 4000)')
expect_eq "longest question in the URL" "$(status GET "/api/ask?q=$long" -H "Cookie: $cookie")" 200
# every plane: BMP, supplementary planes, private use, the last code point
for q in 'A' 'é' '中文' '😀' '𝔘𝔫𝔦𝔠𝔬𝔡𝔢' '󰀀' '􏿽' 'Ελληνικά'; do
    expect_eq "plane: $q" "$(status POST /api/ask --data-binary "{\"q\":\"$q\"}")" 200
done
expect_eq "escaped surrogate pair" "$(status POST /api/ask -d '{"q":"\ud83d\ude00"}')" 200
expect_eq "lone surrogate escape" "$(status POST /api/ask -d '{"q":"\ud800"}')" 400
printf '{"q":"over\300\257long"}' > "$TMP/overlong.json"
expect_eq "overlong UTF-8" "$(status POST /api/ask --data-binary @"$TMP/overlong.json")" 400
printf '{"q":"ctl \001\002\033[31m"}' > "$TMP/ctl.json"
expect_eq "raw control bytes in JSON" "$(status POST /api/ask --data-binary @"$TMP/ctl.json")" 400
expect_eq "escaped control bytes" "$(status POST /api/ask -d '{"q":"ctl \u0001\u001b[31m"}')" 200
expect_eq "JSON array body" "$(status POST /api/ask -d '["q"]')" 400
expect_eq "empty body" "$(status POST /api/ask -d '')" 400
expect_eq "duplicate keys" "$(status POST /api/ask -d '{"q":"a","q":"b"}')" 400
# a language tag the index lacks is named back only when whole and valid
# UTF-8: echoing its bytes made an answer no JSON could hold (a 500)
expect_eq "lang: invalid UTF-8" "$(status GET '/api/ask?q=paises&lang=au%FF%FF%FF%01')" 400
expect_match "lang: invalid UTF-8, not echoed" "$(cat "$TMP/body")" 'no such language'
expect_eq "lang: a character cut at 32 bytes" \
    "$(status GET "/api/ask?q=paises&lang=$(printf 'a%.0s' $(seq 31))%C3%A9")" 400
expect_eq "lang: unknown, named" "$(status GET '/api/ask?q=paises&lang=xx')" 400
expect_match "lang: unknown, named back" "$(cat "$TMP/body")" 'no language \\"xx\\"'
expect_eq "still serving" "$(status GET /healthz)" 200
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=""
expect_eq "SIGTERM: clean exit (no sanitizer or valgrind error)" "$rc" 0
