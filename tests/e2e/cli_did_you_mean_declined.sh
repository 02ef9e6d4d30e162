# cli_did_you_mean_declined.sh: no "did you mean" with a decline. A question
# of another topic ("capital of peru") has a word read as a slip of one of
# the FAQ's ("per"); asked back, the corrected question is declined again,
# so the correction is not shown, as the web page already does not.
. "$ROOT/tests/e2e/lib.sh.inc"
index_faq "$ROOT/tests/heldout/corpus"
q='capital of peru'
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "$q" | grep -q 'typo term "per"' ||
    fail "the question still reads peru as a slip of per (else this test tests nothing)"
ok "peru is read as a slip of per"
out=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "$q")
expect_eq "declined" "$(printf '%s' "$out" | json outcome)" "decline"
expect_eq "no correction with a decline (JSON)" "$(printf '%s' "$out" | json corrected)" "null"
out=$("$FAQBOT" ask --index "$TMP/faq.idx" "$q")
printf '%s' "$out" | grep -q 'Did you mean' && fail "no correction with a decline (text): [$out]"
ok "no correction with a decline (text)"
# ... while a corrected question the FAQ answers still shows it
out=$("$FAQBOT" ask --index "$TMP/faq.idx" --json 'Can I renw a loan?')
expect_eq "answered" "$(printf '%s' "$out" | json outcome)" "answer"
expect_match "a correction with an answer" "$(printf '%s' "$out" | json corrected)" 'renew'
