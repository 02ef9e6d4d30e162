# serve_feedback_log_full.sh: a vote the feedback log could not take (its
# disk full, the file-size limit reached) was answered 204 and lost, or the
# server killed outright by SIGXFSZ; a line cut short by it would have been
# glued to the next one written. Now the vote is a 503 that says so, the log
# keeps whole JSON lines only, and the server goes on answering.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null 2>&1 || fail "index"
# the limit for this test's shell and the server it starts: 8 blocks (dash's
# of 512 bytes, bash's of 1024), some twenty votes
ulimit -f 8
start_server "$TMP/faq.idx" --web "$ROOT/web" --feedback-log "$TMP/votes.jsonl"
got=""
for i in $(seq 1 100); do
    got=$(status POST /api/feedback -d "{\"q\":\"¿Cuándo concluye la iniciativa? vote $i\",\"id\":\"precursores-7\",\"vote\":\"up\"}")
    [ "$got" = 204 ] || break
done
expect_eq "a vote not kept: 503" "$got" "503"
expect_match "a vote not kept: why" "$(json error < "$TMP/body")" 'vote was not kept: the feedback log could not be written \(File too large\)'
expect_eq "QnA Maker's train: 503" "$(status POST /qnamaker/knowledgebases/kb/train -d '{"feedbackRecords":[{"userId":"u","userQuestion":"¿Cuándo concluye la iniciativa?","qnaId":"1"}]}')" "503"
# A train call whose first record the log cannot take but whose second it
# could: it was a 204 with the first vote lost. The log is cut back to whole
# lines leaving room for some 300 bytes: a record of 600 does not fit, one
# of a few words does. Now the call is a 503 and neither is written.
python3 - "$TMP/votes.jsonl" <<'PY' || fail "room in the log"
import resource, sys
limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
lines = open(sys.argv[1], "rb").read().split(b"\n")[:-1]
keep = b""
for l in lines:
    if limit - len(keep) - len(l) - 1 < 300:
        break
    keep += l + b"\n"
assert 300 <= limit - len(keep) < 450, (limit, len(keep))
open(sys.argv[1], "r+b").truncate(len(keep))
PY
before=$(wc -l < "$TMP/votes.jsonl")
long=$(printf 'x%.0s' $(seq 1 600))
expect_eq "train, the first record too long for the log: 503" "$(status POST /qnamaker/knowledgebases/kb/train -d "{\"feedbackRecords\":[{\"userId\":\"u\",\"userQuestion\":\"¿Cuándo concluye la iniciativa? $long\",\"qnaId\":\"1\"},{\"userId\":\"u\",\"userQuestion\":\"¿Cuándo concluye?\",\"qnaId\":\"1\"}]}")" "503"
expect_eq "train: neither record written" "$(wc -l < "$TMP/votes.jsonl")" "$before"
expect_eq "train, one short record: there is room for it" "$(status POST /qnamaker/knowledgebases/kb/train -d '{"feedbackRecords":[{"userId":"u","userQuestion":"¿Cuándo concluye?","qnaId":"1"}]}')" "204"
expect_eq "train: the short record written" "$(wc -l < "$TMP/votes.jsonl")" "$((before + 1))"
python3 - "$TMP/votes.jsonl" <<'PY' || fail "the log holds a line cut short"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == "", "no line end at the end"
for l in lines[:-1]:
    json.loads(l)
PY
ok "the log holds whole lines only"
expect_eq "the server still answers" "$(status POST /api/ask -d '{"q":"¿Cuándo concluye la iniciativa?"}')" "200"
