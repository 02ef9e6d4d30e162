# deploy_nginx.sh: docs/deploy.md for real: nginx in front of three
# `faqbot serve` replicas, each with its own copy of the index, under /faq/.
# While load runs through nginx, a new index (built once) is copied next to
# each replica's file and renamed over it, then one replica is restarted
# (SIGTERM, started again). Every request must succeed, and every answer
# come whole from the old index or the new one, the new one once rolled out.
. "$ROOT/tests/e2e/lib.sh.inc"
. "$ROOT/tests/e2e/deploy_nginx.sh.inc"
if ! nginx_found; then
    echo "skip: no nginx (apt-get install nginx): the replicas test needs it"
    exit 0
fi
PIDS=""
trap 'nginx_stop; for p in $PIDS; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done' EXIT

# the old index, and the new one: question and answer both changed
cp -r "$ROOT/corpus" "$TMP/corpus"
"$FAQBOT" index --corpus "$TMP/corpus" --out "$TMP/old.idx" >/dev/null || fail "index (old)"
f=$TMP/corpus/es/paises-precursores.md
sed -i -e 's/^## ¿Cuándo concluye la iniciativa? {#precursores-7}/## ¿Cuándo concluye la iniciativa (edición 2)? {#precursores-7}/' \
       -e 's/^La iniciativa es de duración indeterminada,/La iniciativa (edición 2) es de duración indeterminada,/' "$f"
[ "$(grep -c 'edición 2' "$f")" = 2 ] || fail "the corpus edit did not take"
"$FAQBOT" index --corpus "$TMP/corpus" --out "$TMP/new.idx" >/dev/null || fail "index (new)"

# behind nginx, the client is who nginx names in X-Forwarded-For
TRUST=""
faqbot_supports --trust-proxy 127.0.0.1 && TRUST="--trust-proxy 127.0.0.1"
FEEDBACK=""
faqbot_supports --feedback-log "$TMP/probe.log" && FEEDBACK=1
# replica N: serves $TMP/rN/faq.idx on port $PN, its log appended to $TMP/rN.err
replica() {
    eval "port=\$P$1"
    # shellcheck disable=SC2086
    "$FAQBOT" serve --port "$port" --index "$TMP/r$1/faq.idx" $TRUST \
        ${FEEDBACK:+--feedback-log "$TMP/r$1/feedback.log"} >>"$TMP/r$1.out" 2>>"$TMP/r$1.err" &
    eval "PID$1=\$!"
    PIDS="$PIDS $!"
    for _ in $(seq 1 200); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && return 0
        sleep 0.05
    done
    cat "$TMP/r$1.err"
    fail "replica $1 did not start on port $port"
}
# asks replica N directly: prints "new" or "old"
version() {
    eval "port=\$P$1"
    curl -s "http://127.0.0.1:$port/api/ask?q=%C2%BFCu%C3%A1ndo%20concluye%20la%20iniciativa%3F" |
        grep -q 'edición 2' && echo new || echo old
}
upstream=""
for n in 1 2 3; do
    mkdir -p "$TMP/r$n"
    cp "$TMP/old.idx" "$TMP/r$n/faq.idx"
    eval "P$n=$(free_port)"
    replica $n
    eval "upstream=\"\$upstream server 127.0.0.1:\$P$n max_fails=1 fail_timeout=2s;\""
done
NGINX_HTTP_EXTRA="upstream faqbot { $upstream keepalive 16; }"
nginx_start "$TMP/nginx" '
        location = /faq { return 301 /faq/; }
        location /faq/ {
            proxy_pass http://faqbot/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_connect_timeout 1s;
            proxy_next_upstream error timeout http_502 http_503 non_idempotent;
            proxy_next_upstream_tries 3;
        }
        location = /faq/api/feedback {
            proxy_pass http://faqbot/api/feedback;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }' || fail "nginx did not start"
ok "nginx on $NGINX_URL in front of replicas on ports $P1 $P2 $P3"
expect_eq "GET /faq/ through nginx" "$(curl -s -o /dev/null -w '%{http_code}' "${NGINX_URL}faq/")" 200
code=$(curl -s -o "$TMP/fb" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"q":"¿Cuándo concluye la iniciativa?","id":"precursores-7","lang":"es","vote":"up"}' "${NGINX_URL}faq/api/feedback")
case $code in
    204) n=$(cat "$TMP"/r[123]/feedback.log 2>/dev/null | grep -c '"precursores-7"')
         expect_eq "POST /faq/api/feedback through nginx: 204, one line in one replica's log" "$n" 1 ;;
    404) grep -q '"error"' "$TMP/fb" || fail "feedback through nginx: $(cat "$TMP/fb")"
         ok "POST /faq/api/feedback reaches a replica (no feedback log: 404)" ;;
    *) fail "POST /faq/api/feedback through nginx: $code" ;;
esac

# the chat page's own POSTs from a browser that sends no Sec-Fetch-Site
# (plain HTTP): its Origin names nginx's port, which Host $http_host passes
# on (with $host the port was dropped, and such a POST refused as another
# origin's)
page=${NGINX_URL%/}
expect_eq "the page's question through nginx on another port" "$(curl -s -o /dev/null -w '%{http_code}' \
    -H "Origin: $page" -H 'Content-Type: text/plain;charset=UTF-8' -d '{"q":"¿Cuándo concluye la iniciativa?"}' \
    "${NGINX_URL}faq/api/ask")" 200
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Origin: $page" -H 'Content-Type: text/plain;charset=UTF-8' \
    -d '{"q":"x","id":"precursores-7","vote":"up"}' "${NGINX_URL}faq/api/feedback")
[ "$code" != 403 ] || fail "the page's vote through nginx refused as another origin's"
ok "the page's vote through nginx on another port: $code"
expect_eq "another port's page through nginx: refused" "$(curl -s -o /dev/null -w '%{http_code}' \
    -H "Origin: http://127.0.0.1:1" -H 'Content-Type: text/plain;charset=UTF-8' -d '{"q":"x"}' \
    "${NGINX_URL}faq/api/ask")" 403

python3 "$ROOT/tests/e2e/deploy_load.py" "${NGINX_URL}faq/" "$TMP/stop" "$TMP/rolled" 3 60 "${FAQBOT_REAL:+40}" >"$TMP/load.json" &
LOAD=$!
PIDS="$PIDS $LOAD"
# the rollout starts once answers come from the old index (a loaded
# machine may take seconds to start the load's python)
for _ in $(seq 1 400); do [ -e "$TMP/stop.first" ] && break; sleep 0.05; done
[ -e "$TMP/stop.first" ] || fail "the load got no answer in 20 s"
sleep 0.5

# the rollout: built once, copied next to each replica's file, renamed over it
t0=$(date +%s.%N)
for n in 1 2 3; do
    cp "$TMP/new.idx" "$TMP/r$n/faq.idx.tmp"
    mv -f "$TMP/r$n/faq.idx.tmp" "$TMP/r$n/faq.idx"
    for _ in $(seq 1 100); do [ "$(version $n)" = new ] && break; sleep 0.05; done
    expect_eq "replica $n swapped in the new index" "$(version $n)" new
    sleep 0.3
done
touch "$TMP/rolled"
sleep 0.5

# a rolling restart of one replica: SIGTERM, then started again
kill -TERM "$PID2"
wait "$PID2" 2>/dev/null
replica 2
expect_eq "replica 2 back, on the new index" "$(version 2)" new
sleep 1
touch "$TMP/stop"
wait "$LOAD" || fail "the load generator failed"
t1=$(date +%s.%N)

r=$(cat "$TMP/load.json")
swaps() { cat "$TMP/r1.err" "$TMP/r2.err" "$TMP/r3.err" | grep -c 'index reloaded'; }
for _ in $(seq 1 100); do [ "$(swaps)" -ge 3 ] && break; sleep 0.05; done
swaps=$(swaps)
printf 'deploy: %s requests in %s s through nginx, %s failed, %s old, %s new, %s mixed, %s old after the rollout; %s index swaps, 1 restart\n' \
    "$(echo "$r" | json requests)" "$(echo "$r" | json seconds)" "$(echo "$r" | json failed)" \
    "$(echo "$r" | json old)" "$(echo "$r" | json new)" "$(echo "$r" | json mixed)" \
    "$(echo "$r" | json old_after_rollout)" "$swaps"
[ "$(echo "$r" | json errors)" = "[]" ] || echo "errors: $(echo "$r" | json errors)"
expect_eq "failed requests" "$(echo "$r" | json failed)" 0
expect_eq "answers mixing the two indexes" "$(echo "$r" | json mixed)" 0
expect_eq "old answers once every replica had swapped" "$(echo "$r" | json old_after_rollout)" 0
[ "$(echo "$r" | json old)" -gt 0 ] && [ "$(echo "$r" | json new)" -gt 0 ] ||
    fail "the load did not span the rollout: $r"
[ "$(echo "$r" | json requests)" -ge 50 ] || fail "too little load: $r"
ok "every answer from the old index or the new one, never a mix, none lost"
[ "$swaps" -ge 3 ] || fail "$swaps swaps logged, want 3"
ok "each replica logged its swap"
