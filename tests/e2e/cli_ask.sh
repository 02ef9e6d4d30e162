# cli_ask.sh: index the repo corpus, ask one-shot (text and JSON) and in batch.
. "$ROOT/tests/e2e/lib.sh.inc"
out=$("$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx") || fail "index failed"
expect_match "index summary" "$out" '^indexed [0-9]+ FAQ entr(y|ies) and [0-9]+ of small talk in 4 languages( \(and [0-9]+ more to ask in: [a-z, ]+\))?: [0-9]+ terms, [0-9]+ translations, [0-9]+ bytes, in [0-9.]+ ms'

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

# a question of numbers alone names nothing asked about: declined with the
# entries that hold the number offered, in the asker's language (the entry
# with "1 November 2020" was given for "1" and "2020", confidence 0.94)
for q in 1 2020 "2020?"; do
    j=$("$FAQBOT" ask --index "$TMP/faq.idx" --lang es --json "$q")
    expect_eq "numbers alone ($q): declined" "$(printf "%s\n" "$j" | json outcome)" "decline"
    expect_eq "numbers alone ($q): no confidence" "$(printf "%s\n" "$j" | json confidence)" "0.0"
    expect_eq "numbers alone ($q): the entry offered" "$(printf "%s\n" "$j" | json alternatives.0.id)" "precursores-2"
    expect_match "numbers alone ($q): said in Spanish" "$(printf "%s\n" "$j" | json message)" 'no tengo una respuesta'
done
# a number among words is evidence like any other
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "noviembre 2020")
expect_eq "a number among words still answers" "$(printf "%s\n" "$j" | json outcome)" "answer"

x=$("$FAQBOT" ask --index "$TMP/faq.idx" --explain "iniciatvia de paises presursores")
expect_match "explain shows the typo correction" "$x" 'typo term'
expect_match "did you mean" "$x" 'precursores'

# text: the question answered as a heading, then the Markdown answer
expect_match "text heading" "$t" '^## ¿Cuándo concluye la iniciativa\?$'
# text decline: the localized message, then the suggestions the JSON lists
q="precio de los billetes de avión en los países"
t=$("$FAQBOT" ask --index "$TMP/faq.idx" "$q")
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "$q")
expect_eq "off-topic sharing 'países' declined" "$(printf "%s\n" "$j" | json outcome)" "decline"
expect_match "text decline message" "$t" '^Lo siento, no tengo una respuesta'
n=$(printf "%s\n" "$j" | json alternatives | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
if [ "$n" -gt 0 ]; then
    expect_match "text suggestions header" "$t" '^Quizás quiso preguntar:$'
    expect_match "text lists the first suggestion" "$t" "$(printf "%s\n" "$j" | json alternatives.0.question | sed 's/[?¿().]/./g')"
fi
# every alternative the JSON gives is printed under the answer in text
q="¿Qué papel cumplen los países precursores?"
t=$("$FAQBOT" ask --index "$TMP/faq.idx" "$q")
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "$q")
printf "%s\n" "$j" | python3 -c 'import json,sys; [print(a["question"]) for a in json.load(sys.stdin)["alternatives"]]' > "$TMP/alts"
while IFS= read -r alt; do
    printf '%s\n' "$t" | grep -qF -- "  - $alt" || fail "alternative [$alt] not in the text answer"
done < "$TMP/alts"
[ -s "$TMP/alts" ] && { expect_match "related questions under an answer" "$t" '^Preguntas relacionadas:$'; }
printf '%s\n' "$t" | grep -q '^Quizás quiso preguntar:$' && fail "an answer given, then doubted with \"did you mean\""
ok "text lists the alternatives of the JSON"

# a typo corrected: "did you mean" with the corrected words
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json --lang es "iniciatvia de paises presursores")
expect_match "json corrected" "$(printf "%s\n" "$j" | json corrected)" 'iniciativa.*precursores'
t=$("$FAQBOT" ask --index "$TMP/faq.idx" --lang es "iniciatvia de paises presursores")
expect_match "text did you mean" "$t" '^¿Quiso decir «iniciativa.*precursores»\?$'

# --lang forces the query language; an unknown one is a usage error
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json --lang en "¿Cuándo concluye la iniciativa?")
expect_eq "--lang en query_lang" "$(printf "%s\n" "$j" | json query_lang)" "en"
"$FAQBOT" ask --index "$TMP/faq.idx" --lang xx hola 2>"$TMP/err"; expect_eq "unknown --lang exits 1" "$?" "1"
expect_match "unknown --lang message" "$(cat "$TMP/err")" 'xx'
# --explain in JSON
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json --explain "¿Cuándo concluye la iniciativa?")
expect_match "json explain" "$(printf "%s\n" "$j" | json explain)" '.'
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "¿Cuándo concluye la iniciativa?")
printf "%s\n" "$j" | grep -q '"explain"' && fail "explain only when asked"
ok "explain only when asked"
# the words of the command line are one question
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json ¿Cuándo concluye la iniciativa?)
expect_eq "unquoted words" "$(printf "%s\n" "$j" | json query)" "¿Cuándo concluye la iniciativa?"
# --threshold: 0 declines nothing that scored
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json --threshold 0 "migración")
expect_eq "threshold 0 answers" "$(printf "%s\n" "$j" | json answered)" "true"

# text batch: the answers in the order of the lines, an empty line declined
printf '¿Cuándo concluye la iniciativa?\n\n¿cómo hago una tortilla de patatas?\n' \
    | "$FAQBOT" ask --index "$TMP/faq.idx" > "$TMP/a.txt" || fail "text batch"
l1=$(grep -n '^## ¿Cuándo concluye' "$TMP/a.txt" | cut -d: -f1)
l3=$(grep -n '^Lo siento' "$TMP/a.txt" | tail -n 1 | cut -d: -f1)
expect_eq "text batch: two declines (empty, off-topic)" "$(grep -cE '^(Lo siento|Sorry|Désolé|Desculpe)' "$TMP/a.txt")" "2"
[ -n "$l1" ] && [ -n "$l3" ] && [ "$l1" -lt "$l3" ] || fail "text batch order"
ok "text batch in order"
# batch over a long input: as many JSON lines out as lines in, NUL and CR too
python3 - "$TMP/many.txt" <<'PY'
import sys
qs = [b"\xc2\xbfCu\xc3\xa1ndo concluye la iniciativa?", b"", b"\xff", b"a\x00b", b"hola\r",
      b"x" * 10000, b"what is the champion countries initiative", b"   "]
open(sys.argv[1], "wb").write(b"\n".join(qs * 25) + b"\n")
PY
"$FAQBOT" ask --index "$TMP/faq.idx" --json < "$TMP/many.txt" > "$TMP/many.jsonl" || fail "long batch"
expect_eq "200 lines in, 200 out" "$(wc -l < "$TMP/many.jsonl" | tr -d ' ')" "200"
python3 - "$TMP/many.jsonl" <<'PY' || fail "batch lines are not JSON objects with the right query"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
for i, l in enumerate(lines):
    o = json.loads(l)
    assert o["outcome"] in ("answer", "clarify", "decline", "smalltalk"), o
    if i % 8 == 0:
        assert o["id"] == "precursores-7", o["id"]
    if i % 8 == 2:
        assert o["query"] == "\ufffd" and o["outcome"] == "decline", o
PY
ok "every batch line is a JSON answer"
# over the API's limit (src/limits.h: 1000 characters): one question refused
# with an error, a batch line declined and told on stderr, not cut and answered
long=$(python3 -c 'print("¿Cuándo concluye la iniciativa? " + "é" * 1000)')
"$FAQBOT" ask --index "$TMP/faq.idx" "$long" >"$TMP/out" 2>"$TMP/err"
expect_eq "too long: exit code" "$?" "1"
expect_eq "too long: no answer" "$(wc -c < "$TMP/out" | tr -d ' ')" "0"
expect_match "too long: said" "$(cat "$TMP/err")" 'longer than 1000 characters'
"$FAQBOT" ask --index "$TMP/faq.idx" "$(python3 -c 'print("é" * 1000)')" >/dev/null
expect_eq "1000 characters: asked" "$?" "0"
printf 'hola\n%s\nhola\n' "$long" | "$FAQBOT" ask --index "$TMP/faq.idx" --json >"$TMP/out" 2>"$TMP/err"
expect_eq "too long in a batch: exit code" "$?" "0"
expect_eq "too long in a batch: declined" "$(sed -n 2p "$TMP/out" | json outcome)" "decline"
expect_eq "too long in a batch: the question shown" "$(sed -n 2p "$TMP/out" | json query)" "$long"
expect_eq "too long in a batch: the next line answered" "$(sed -n 3p "$TMP/out" | json outcome)" "smalltalk"
expect_match "too long in a batch: told at its line" "$(cat "$TMP/err")" '^faqbot ask: line 2: .*longer than 1000'
# a question of blanks alone (a shell's empty "$var") is refused as the
# server refuses it, not declined as if asked; in a batch it stays a line
for blank in '' '   ' "$(printf ' \t ')"; do
    "$FAQBOT" ask --index "$TMP/faq.idx" "$blank" >"$TMP/out" 2>"$TMP/err"
    expect_eq "blank \"$blank\": exit code" "$?" "1"
    expect_eq "blank \"$blank\": no answer" "$(wc -c < "$TMP/out" | tr -d ' ')" "0"
    expect_match "blank \"$blank\": said" "$(cat "$TMP/err")" 'question is empty'
done
"$FAQBOT" ask --index "$TMP/faq.idx" '???' >/dev/null 2>&1
expect_eq "punctuation alone: asked" "$?" "0"
printf 'hola\n   \nhola\n' | "$FAQBOT" ask --index "$TMP/faq.idx" --json >"$TMP/out" 2>"$TMP/err"
expect_eq "blank in a batch: every line answered" "$(wc -l < "$TMP/out" | tr -d ' ')" "3"
# no trailing newline on the last line still counts
printf 'hola\n¿Cuándo concluye la iniciativa?' | "$FAQBOT" ask --index "$TMP/faq.idx" --json > "$TMP/b.jsonl"
expect_eq "last line without newline" "$(wc -l < "$TMP/b.jsonl" | tr -d ' ')" "2"

# the signs it is written with tell a question's language: "¿" is Spanish alone
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "¿qué países participan?")
expect_eq "signs: language" "$(printf "%s\n" "$j" | json query_lang)" "es"
expect_eq "signs: answered" "$(printf "%s\n" "$j" | json outcome)" "answer"

# an entry only in Spanish, asked in English: answered, and said in English
# (the messages and stop words come from the packs built into faqbot)
mkdir -p "$TMP/c/es" "$TMP/c/en"
printf '# T\n\n## ¿Dónde está el glosario Kowalczyk? {#glosario}\n\nEn la web.\n' > "$TMP/c/es/faq.md"
printf '# T\n\n## When does the office open? {#open}\n\nAt nine.\n' > "$TMP/c/en/faq.md"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/c.idx" >/dev/null || fail "index of the two-language corpus"
j=$("$FAQBOT" ask --index "$TMP/c.idx" --json --lang en "Kowalczyk")
expect_eq "other language: id" "$(printf "%s\n" "$j" | json id)" "glosario"
expect_eq "other language: lang" "$(printf "%s\n" "$j" | json lang)" "es"
expect_eq "other language: flag" "$(printf "%s\n" "$j" | json other_lang)" "true"
# Spanish as English names it (lang/en/languages.txt), not "español"
lang_name=$(sed -n 's/^es *= *//p' "$ROOT/lang/en/languages.txt")
want=$(sed -n 's/^other_lang *= *//p' "$ROOT/lang/en/messages.txt" | sed "s/{lang}/$lang_name/")
expect_eq "other language: message" "$(printf "%s\n" "$j" | json message)" "$want"
t=$("$FAQBOT" ask --index "$TMP/c.idx" --lang en "Kowalczyk")
expect_match "other language: text" "$t" "^$want\$"
