# cli_ask.sh: index the repo corpus, ask one-shot (text and JSON) and in batch.
. "$ROOT/tests/e2e/lib.sh.inc"
out=$("$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx") || fail "index failed"
expect_match "index summary" "$out" '^indexed [0-9]+ entries in 4 languages: [0-9]+ terms, [0-9]+ bytes, in [0-9.]+ ms'

t=$("$FAQBOT" ask --index "$TMP/faq.idx" "¿Cuándo concluye la iniciativa?")
expect_match "text answer" "$t" '2022'

j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "¿Cuándo concluye la iniciativa?")
expect_eq "json id" "$(echo "$j" | json id)" "precursores-7"
expect_eq "json answered" "$(echo "$j" | json answered)" "true"
expect_eq "json lang" "$(echo "$j" | json lang)" "es"
expect_eq "json outcome" "$(echo "$j" | json outcome)" "answer"
expect_match "json confidence in 0..1" "$(echo "$j" | json confidence)" '^(0(\.[0-9]+)?|1(\.0+)?)$'

d=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "¿cómo hago una tortilla de patatas?")
expect_eq "off-topic declined" "$(echo "$d" | json answered)" "false"
expect_eq "declined id is null" "$(echo "$d" | json id)" "null"
expect_eq "declined outcome" "$(echo "$d" | json outcome)" "decline"
expect_match "decline message" "$(echo "$d" | json message)" 'no tengo una respuesta'

e=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "how long will the initiative last")
expect_eq "english answered in english" "$(echo "$e" | json lang)" "en"
expect_eq "english query_lang" "$(echo "$e" | json query_lang)" "en"
expect_eq "english id" "$(echo "$e" | json id)" "precursores-7"

# batch: one JSON line per input line, empty and invalid UTF-8 lines too
printf '¿Cuándo concluye la iniciativa?\n\n\377\376 bad\nhola\nwhat is the champion countries initiative\n' > "$TMP/q.txt"
"$FAQBOT" ask --index "$TMP/faq.idx" --json < "$TMP/q.txt" > "$TMP/a.jsonl" || fail "batch failed"
expect_eq "batch line count" "$(wc -l < "$TMP/a.jsonl" | tr -d ' ')" "5"
expect_eq "batch 1" "$(sed -n 1p "$TMP/a.jsonl" | json id)" "precursores-7"
expect_eq "batch 2 (empty) declined" "$(sed -n 2p "$TMP/a.jsonl" | json outcome)" "decline"
expect_eq "batch 3 (bad UTF-8) declined" "$(sed -n 3p "$TMP/a.jsonl" | json outcome)" "decline"
expect_eq "batch 4 small talk" "$(sed -n 4p "$TMP/a.jsonl" | json outcome)" "smalltalk"
expect_eq "batch 5" "$(sed -n 5p "$TMP/a.jsonl" | json id)" "precursores-1"

x=$("$FAQBOT" ask --index "$TMP/faq.idx" --explain "iniciatvia de paises presursores")
expect_match "explain shows the typo correction" "$x" 'typo term'
expect_match "did you mean" "$x" 'precursores'
