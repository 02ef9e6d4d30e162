# serve_log_rotate.sh: logrotate moves the server's logs away and sends
# SIGHUP (systemctl reload): the declined questions, the votes and the
# access log go on in new files at their paths, the moved files keep what
# they had; a path that cannot be opened then is told, its old file kept.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" init "$TMP/faq" --lang en >/dev/null || fail "init"
index_faq "$TMP/faq"
L=$TMP/logs
mkdir -p "$L"
start_server "$TMP/faq.idx" --unanswered "$L/unanswered.log" --feedback-log "$L/feedback.log" \
    --access-log "$L/access.log"
decline() { curl -s -G "${URL}api/ask" --data-urlencode "q=$1" | json outcome; }
vote() {
    status POST api/feedback -H 'Content-Type: application/json' \
        -d "{\"q\":\"$1\",\"id\":\"$2\",\"vote\":\"down\"}"
}
id=$(curl -s -G "${URL}api/ask" --data-urlencode "q=opening hours" | json id)
expect_eq "a declined question" "$(decline 'zebra lasagna recipe')" "decline"
expect_eq "a vote" "$(vote 'opening hours' "$id")" "204"
# until a file is at PATH, or 10 s (a busy machine)
wait_file() { for _ in $(seq 1 100); do [ -e "$1" ] && return 0; sleep 0.1; done; }
for f in unanswered feedback access; do mv "$L/$f.log" "$L/$f.log.1"; done
kill -HUP "$SERVER_PID"
wait_file "$L/access.log"
expect_eq "a declined question after the rotation" "$(decline 'spaceship parking fees')" "decline"
expect_eq "a vote after the rotation" "$(vote 'opening hours today' "$id")" "204"
for f in unanswered feedback; do
    [ -f "$L/$f.log" ] || fail "$f.log not opened again at its path on SIGHUP"
    expect_eq "$f.log: the line after the rotation" "$(wc -l < "$L/$f.log" | tr -d ' ')" "1"
    expect_eq "$f.log.1: the line before it, no more" "$(wc -l < "$L/$f.log.1" | tr -d ' ')" "1"
done
expect_match "unanswered.log: the new question" "$(cat "$L/unanswered.log")" 'spaceship parking fees'
expect_match "unanswered.log.1: the old one" "$(cat "$L/unanswered.log.1")" 'zebra lasagna recipe'
expect_match "access.log: the requests after the rotation" "$(cat "$L/access.log")" '"path":"/api/feedback"'
expect_eq "access.log.1: none after it" "$(grep -c spaceship "$L/access.log.1")" "0"
# the log folder gone at the next SIGHUP: said, and the old files kept on
mv "$L" "$L.gone"
kill -HUP "$SERVER_PID"
for _ in $(seq 1 100); do grep -q 'log not opened again' "$TMP/server.err" && break; sleep 0.1; done
expect_match "a log that cannot be opened again is told" "$(cat "$TMP/server.err")" \
    'log not opened again, still written where it was: .*unanswered\.log'
expect_eq "the server still answers" "$(decline 'moon cheese prices')" "decline"
expect_match "the old file still written" "$(cat "$L.gone/unanswered.log")" 'moon cheese prices'
