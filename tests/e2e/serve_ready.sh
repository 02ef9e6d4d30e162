# serve_ready.sh: /readyz says 503 "loading" while the index's dictionaries
# load and 200 "ready" once they have; a question asked at once, before
# then, waits for them and gets the answer a server that was ready gives.
. "$ROOT/tests/e2e/lib.sh.inc"
index_faq "$ROOT/corpus"
trap stop_server EXIT
# questions with words the FAQ lacks, as asked: a misspelling, inflections,
# an English one: the dictionaries have their say in each
cat > "$TMP/questions" <<'Q'
quienes son los paises precursores actualmente
cuál es el procesos para convertirse en país precursor
which countries are champions of the compact
Q
ask_all() {  # ask_all OUT: each answer's outcome, id and score, one a line
    : > "$1"
    while read -r q; do
        curl -s -G "${URL}api/ask" --data-urlencode "q=$q" |
            python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["outcome"], d.get("id"), repr(d.get("score")))' >> "$1"
    done < "$TMP/questions"
}
wait_ready() {
    for _ in $(seq 1 600); do
        [ "$(curl -s -o "$TMP/ready" -w '%{http_code}' "${URL}readyz")" = 200 ] && return 0
        [ "$(json status < "$TMP/ready")" = loading ] || fail "readyz while not ready: $(cat "$TMP/ready")"
        sleep 0.1
    done
    fail "the server was not ready after a minute"
}

# asked the moment the server listens
start_server "$TMP/faq.idx"
ask_all "$TMP/first"
wait_ready
expect_eq "readyz: ready" "$(json status < "$TMP/ready")" "ready"
expect_eq "healthz: ready" "$(curl -s "${URL}healthz" | json ready)" "true"
stop_server

# asked of a server that was ready first (another process: no answer cache)
start_server "$TMP/faq.idx"
wait_ready
ask_all "$TMP/later"
stop_server
cat "$TMP/first"
expect_eq "three answers" "$(wc -l < "$TMP/first" | tr -d ' ')" "3"
expect_eq "the first answers are those once ready" "$(cat "$TMP/first")" "$(cat "$TMP/later")"
