# serve_blank_question.sh: a question with nothing to ask in it (empty, or
# white space alone: spaces, a tab, a no-break space) is refused by every
# route that asks, with a 400 whose JSON error names the field, as QnA Maker
# refuses a missing question (Microsoft's client never sends a blank one);
# it was declined as if a visitor had asked and the FAQ had no answer. The
# page without JavaScript sent unfilled is the page as it opens. A question
# of punctuation alone is still a question.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx" --web "$ROOT/web" --feedback-log "$TMP/feedback.jsonl" \
    --unanswered "$TMP/unanswered.tsv"

for q in '""' '"   "' '" \t\n "' '"\u00a0\u3000"' '"\u200b"'; do
    expect_eq "POST /api/ask q $q" "$(status POST /api/ask -d "{\"q\":$q}")" 400
    expect_eq "POST /api/ask q $q: why" "$(json error < "$TMP/body")" \
        '"q" is empty: the question, with something to ask'
done
for q in '' '%20%20' '+' '%09'; do
    expect_eq "GET /api/ask?q=$q" "$(status GET "/api/ask?q=$q")" 400
    expect_match "GET /api/ask?q=$q: why" "$(json error < "$TMP/body")" '^"q" is empty'
done
expect_eq "POST /api/ask ?" "$(status POST /api/ask -d '{"q":"?"}')" 200
expect_eq "POST /api/ask ?: declined" "$(json outcome < "$TMP/body")" "decline"

QM=/qnamaker/knowledgebases/kb/generateAnswer
LQ='/language/:query-knowledgebases?projectName=p&deploymentName=production&api-version=2021-10-01'
for route in "$QM" "$LQ"; do
    for q in '""' '"  "'; do
        expect_eq "$route $q" "$(status POST "$route" -d "{\"question\":$q}")" 400
        expect_eq "$route $q: why" "$(json error < "$TMP/body")" \
            '"question" is empty: the question, with something to ask'
    done
done

# a vote or a training record for no question is no feedback
expect_eq "feedback for a blank q" \
    "$(status POST /api/feedback -d '{"q":" ","id":"precursores-1","vote":"up"}')" 400
expect_match "feedback for a blank q: why" "$(json error < "$TMP/body")" '^"q" is empty'
expect_eq "train with a blank userQuestion" "$(status POST /qnamaker/knowledgebases/kb/train \
    -d '{"feedbackRecords":[{"userId":"u","userQuestion":" ","qnaId":"precursores-1"}]}')" 400
expect_match "train with a blank userQuestion: why" "$(json error < "$TMP/body")" 'userQuestion.* is empty'
expect_eq "nothing in the feedback log" "$(cat "$TMP/feedback.jsonl" 2>/dev/null)" ""
sleep 0.2
expect_eq "the unanswered log holds only the question asked" "$(cut -f3 "$TMP/unanswered.tsv" | sort -u)" "?"

# the page without JavaScript, sent unfilled: the page as it opens, no decline
for q in '' '%20%20%20'; do
    expect_eq "GET /ask?q=$q" "$(status GET "/ask?q=$q")" 200
    expect_match "GET /ask?q=$q: the welcome" "$(cat "$TMP/body")" 'class="msg bot">[^<]'
    grep -q 'class="msg user"' "$TMP/body" && fail "GET /ask?q=$q: a question shown"
    grep -q 'class="note"' "$TMP/body" && fail "GET /ask?q=$q: a decline shown"
    ok "GET /ask?q=$q: nothing asked"
done
