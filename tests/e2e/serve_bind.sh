# serve_bind.sh: --bind localhost, as most servers' settings take it, is the
# loopback; an address that is none is refused with what it takes.
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
"$FAQBOT" serve --bind localhost --port 0 --index "$TMP/faq.idx" >"$TMP/out" 2>"$TMP/err" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's|^listening on http://localhost:\([0-9]*\)/$|\1|p' "$TMP/out")
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
done
[ -n "$port" ] || fail "--bind localhost: $(cat "$TMP/err")"
expect_eq "--bind localhost answers on 127.0.0.1" \
    "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")" 200
"$FAQBOT" serve --bind ::1 --port 0 --index "$TMP/faq.idx" >/dev/null 2>"$TMP/err"
expect_eq "--bind ::1: a usage error" "$?" 1
expect_match "--bind ::1: what it takes" "$(cat "$TMP/err")" 'takes an IPv4 address such as 127\.0\.0\.1'
