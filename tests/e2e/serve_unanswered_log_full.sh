# serve_unanswered_log_full.sh: the declined questions' log on a full disk
# (the file-size limit here) lost its lines without a word: nothing on
# stderr, nothing in /metrics, a line cut short glued to the next one. Now
# the first failure of a run and the recovery are told on stderr, each
# failure counted in /metrics, and the log keeps whole lines only.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" init "$TMP/faq" --lang en >/dev/null || fail "init"
index_faq "$TMP/faq"
# 8 blocks (dash's of 512 bytes, bash's of 1024) for this shell and the
# server; the access log where the limit does not reach
ulimit -f 8
start_server "$TMP/faq.idx" --unanswered "$TMP/unanswered.log" --access-log /dev/null
long=$(printf 'zebra %.0s' $(seq 1 150))
for i in $(seq 1 20); do
    curl -s -G "${URL}api/ask" --data-urlencode "q=$long $i" >/dev/null
done
errors() { curl -s "${URL}metrics" | sed -n 's/^faqbot_log_write_errors_total{log="unanswered"} //p'; }
n=$(errors)
[ "${n:-0}" -gt 0 ] || fail "metrics: no write error counted for the unanswered log: [$n]"
ok "metrics: $n lines the unanswered log could not take"
expect_eq "stderr: told once" "$(grep -c 'the unanswered log cannot be written (File too large)' "$TMP/server.err")" "1"
python3 - "$TMP/unanswered.log" <<'PY' || fail "the log holds a line cut short"
import sys
data = open(sys.argv[1], encoding="utf-8").read()
assert data.endswith("\n"), "no line end at the end"
for l in data.split("\n")[:-1]:
    assert l.count("\t") == 2 and l.split("\t")[2].startswith("zebra"), l[:80]
PY
ok "the log holds whole lines only"
# room again (an operator rotated it away): written, and said
: > "$TMP/unanswered.log"
curl -s -G "${URL}api/ask" --data-urlencode "q=moon cheese prices" >/dev/null
expect_match "the next line written" "$(cat "$TMP/unanswered.log")" 'moon cheese prices'
expect_eq "stderr: the recovery told" "$(grep -c 'the unanswered log is written again' "$TMP/server.err")" "1"
