# ask_qwords_only.sh: a question of question words alone ("how", "where",
# "vorrei sapere come": its other words stop words) names nothing asked
# about. A visitor who sends a question half-typed, or pastes one whose
# first line is "I would like to know how", got one entry's answer at
# confidence 0.97: the question word matched that entry's heading best by
# its length. Declined now, as numbers alone are, the entries offered.
. "$ROOT/tests/e2e/lib.sh.inc"
index_faq "$ROOT/corpus"
for q in "how" "cómo" "comment" "I would like to know how" "quisiera saber cómo"; do
    ask_json "$q"
    expect_eq "question words alone ($q): declined" "$(json outcome <"$TMP/out")" "decline"
    expect_eq "question words alone ($q): no confidence" "$(json confidence <"$TMP/out")" "0.0"
done
ask_json "how long will the initiative last"
expect_eq "a question word among words still answers" "$(json id <"$TMP/out")" "precursores-7"
# the same on a second FAQ, Italian and English, with a switch to compare
index_faq "$ROOT/tests/fresh/outpatients-it-en/corpus"
for q in "vorrei sapere come" "dove" "where" "what"; do
    ask_json "$q"
    expect_eq "question words alone ($q): declined" "$(json outcome <"$TMP/out")" "decline"
done
expect_eq "the switch off: answered as before" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --json --set use_qwords_only=0 "where" | json outcome)" "answer"
expect_eq "a question word and a topic: answered" "$(answer_id "dove parcheggio")" "parking"
