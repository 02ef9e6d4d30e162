# review_gone_id.sh: a 👎 vote on an id the FAQ has since renamed or deleted
# (the week's edits: it-2 became eduroam, print-cost went) was read as a
# question with no entry and nothing said of the id; `faqbot review` now
# names the ids gone, once each, and still reviews their questions.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
cat >"$TMP/c/en/faq.md" <<'MD'
# IT helpdesk

## How do I connect to eduroam? {#eduroam}

Choose the network eduroam and log in with your university account.

## Where can I print? {#print}

In the library.
MD
index_faq "$TMP/c"
printf '%s\n' \
    '{"q":"the wifi does not work","id":"it-2","lang":"en","vote":"down"}' \
    '{"q":"wireless is broken","id":"it-2","lang":"en","vote":"down"}' \
    '{"q":"what does printing cost","id":"print-cost","lang":"en","vote":"down"}' \
    '{"q":"where is the printer","id":"print","lang":"en","vote":"down"}' >"$TMP/feedback.log"
"$FAQBOT" review --index "$TMP/faq.idx" "$TMP/feedback.log" >"$TMP/out" 2>"$TMP/err" || fail "review: $(cat "$TMP/err")"
expect_match "the ids gone named, once each" "$(cat "$TMP/err")" \
    'note: 3 👎 votes on ids the index does not hold \(it-2, print-cost\): renamed or deleted since'
expect_match "their questions still reviewed" "$(cat "$TMP/out")" '^\? the wifi does not work$'
printf '%s\n' '{"q":"where is the printer","id":"print","lang":"en","vote":"down"}' >"$TMP/held.log"
"$FAQBOT" review --index "$TMP/faq.idx" "$TMP/held.log" >/dev/null 2>"$TMP/err" || fail "review held"
expect_eq "a vote on an id held: no note" "$(grep -c 'does not hold' "$TMP/err")" 0
