# cli_ask.sh: index the repo corpus, ask one-shot (text and JSON) and in batch.
. "$ROOT/tests/e2e/lib.sh.inc"
out=$("$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx") || fail "index failed"
expect_match "index summary" "$out" '^indexed [0-9]+ entries in 4 languages: [0-9]+ terms, [0-9]+ bytes, in [0-9.]+ ms'

t=$("$FAQBOT" ask --index "$TMP/faq.idx" "¿Cuándo concluye la iniciativa?")
expect_match "text answer" "$t" '2022'

j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "¿Cuándo concluye la iniciativa?")
expect_eq "json id" "$(printf "%s\n" "$j" | json id)" "precursores-7"
expect_eq "json answered" "$(printf "%s\n" "$j" | json answered)" "true"
expect_eq "json lang" "$(printf "%s\n" "$j" | json lang)" "es"
expect_eq "json outcome" "$(printf "%s\n" "$j" | json outcome)" "answer"
expect_match "json confidence in 0..1" "$(printf "%s\n" "$j" | json confidence)" '^(0(\.[0-9]+)?|1(\.0+)?)$'

d=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "¿cómo hago una tortilla de patatas?")
expect_eq "off-topic declined" "$(printf "%s\n" "$d" | json answered)" "false"
expect_eq "declined id is null" "$(printf "%s\n" "$d" | json id)" "null"
expect_eq "declined outcome" "$(printf "%s\n" "$d" | json outcome)" "decline"
expect_match "decline message" "$(printf "%s\n" "$d" | json message)" 'no tengo una respuesta'

e=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "how long will the initiative last")
expect_eq "english answered in english" "$(printf "%s\n" "$e" | json lang)" "en"
expect_eq "english query_lang" "$(printf "%s\n" "$e" | json query_lang)" "en"
expect_eq "english id" "$(printf "%s\n" "$e" | json id)" "precursores-7"

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
