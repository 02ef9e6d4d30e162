# serve_bind.sh: --bind localhost, as most servers' settings take it, is the
# loopback; an address that is none is refused with what it takes; an IPv6
# address, bare or in brackets, is served (skipped, and said so, where the
# machine has no IPv6 loopback).
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null' EXIT
# serve_on ADDR HOST: serves with --bind ADDR; sets pid, and port from the
# line "listening on http://HOST:PORT/" (HOST a regular expression)
serve_on() {
    # emptied here, as start_server does: the background job's redirection
    # may come after the first look, which would then read the last
    # server's port (the same host for ::1 and [::1])
    : >"$TMP/out"
    "$FAQBOT" serve --bind "$1" --port 0 --index "$TMP/faq.idx" >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    port=""
    for _ in $(seq 1 100); do
        port=$(sed -n "s|^listening on http://$2:\([0-9]*\)/\$|\1|p" "$TMP/out")
        [ -n "$port" ] && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    fail "--bind $1: $(cat "$TMP/out" "$TMP/err")"
}
stop() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=""; }

serve_on localhost localhost
expect_eq "--bind localhost answers on 127.0.0.1" \
    "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")" 200
stop
"$FAQBOT" serve --bind 256.1.1.1 --port 0 --index "$TMP/faq.idx" >/dev/null 2>"$TMP/err"
expect_eq "--bind 256.1.1.1: a usage error" "$?" 1
expect_match "--bind 256.1.1.1: what it takes" "$(cat "$TMP/err")" 'takes an IP address such as 127\.0\.0\.1, 0\.0\.0\.0, ::1 or ::'
"$FAQBOT" serve --bind '[::1' --port 0 --index "$TMP/faq.idx" >/dev/null 2>"$TMP/err"
expect_eq "--bind [::1 (unclosed): a usage error" "$?" 1

# IPv6: the loopback, bare or in brackets as in a URL; the address it
# listens on is written as a URL takes it
if ! python3 -c 'import socket; s = socket.socket(socket.AF_INET6); s.bind(("::1", 0))' 2>/dev/null; then
    echo "skip: IPv6 --bind: this machine has no IPv6 loopback (::1)"
    exit 0
fi
for addr in ::1 '[::1]'; do
    serve_on "$addr" '\[::1\]'
    expect_eq "--bind $addr answers on [::1]" \
        "$(curl -s -g -o /dev/null -w '%{http_code}' "http://[::1]:$port/healthz")" 200
    expect_eq "--bind $addr: a question answered" \
        "$(curl -s -g "http://[::1]:$port/api/ask?q=hola" | json outcome)" smalltalk
    stop
done
