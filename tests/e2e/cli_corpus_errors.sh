# cli_corpus_errors.sh: a line that looks like a heading, an id or an
# alternate question but is malformed stops the index with file:line (exit
# 2), every problem is told, not only the first; --lenient makes the
# malformed lines warnings; lint exits 1 on findings, 0 when clean.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/es"
good='# FAQ\n\n## ¿Qué es? {#que}\n\nUna cosa.\n'
index() { "$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" "$@" >"$TMP/out" 2>"$TMP/err"; }
bad() {  # bad NAME TEXT WANT-REGEX
    printf "$good$2" > "$TMP/c/es/faq.md"
    index
    expect_eq "$1: exit code" "$?" "2"
    expect_match "$1: file:line" "$(cat "$TMP/err")" "$3"
    expect_eq "$1: nothing on stdout" "$(wc -c < "$TMP/out" | tr -d ' ')" "0"
}
bad "no space after ##, unclosed brace" '\n##¿Cuánto cuesta? {#precursores-11\n\nNada.\n' \
    'faq.md:7: malformed heading "##¿Cuánto cuesta\? \{#precursores-11"'
bad "unclosed id" '\n## ¿Cuánto cuesta? {#precio\n\nNada.\n' 'faq.md:7: unclosed id "\{#precio"'
bad "empty id" '\n## ¿Cuánto cuesta? {#}\n\nNada.\n' 'faq.md:7: empty id'
bad "alternate question away from its heading" '\n? ¿Qué cosa es?\n' 'faq.md:7: alternate question "¿Qué cosa es\?" not right under a heading'
bad "duplicate id in one language" '\n## ¿Cuánto? {#que}\n\nNada.\n' 'faq.md:7: duplicate id "que" \(first at .*faq.md:3\)'

# every problem, in file order, not only the first
printf "$good"'\n##¿Uno?\n\nUno.\n\n## Dos {#}\n\nDos.\n\n## Tres {#que}\n\nTres.\n' > "$TMP/c/es/faq.md"
index
expect_eq "several: exit code" "$?" "2"
err=$(cat "$TMP/err")
printf '%s\n' "$err"
expect_match "several: the first" "$err" 'faq.md:7: malformed heading'
expect_match "several: the second" "$err" 'faq.md:11: empty id'
expect_match "several: the third" "$err" 'faq.md:15: duplicate id "que"'
expect_match "several: the count" "$err" '3 errors in the corpus'
# in file order though a duplicate id is found only once the language is
# read: a question with no answer after it is told after it
printf "$good"'\n## ¿Cuánto? {#que}\n\nNada.\n\n## ¿Dónde?\n' > "$TMP/c/es/faq.md"
index
expect_eq "order: exit code" "$?" "2"
expect_eq "order: by line" "$(grep -o '^[^:]*faq.md:[0-9]*' "$TMP/err" | sed 's|.*/||' | tr '\n' ' ')" "faq.md:7 faq.md:11 "
"$FAQBOT" lint --corpus "$TMP/c" >"$TMP/err" 2>&1
expect_eq "order: lint by line too" "$(grep -o '^[^:]*faq.md:[0-9]*' "$TMP/err" | sed 's|.*/||' | tr '\n' ' ')" "faq.md:7 faq.md:11 "
# more than the limit: the first ones, then how many more
{ printf "$good"; for k in $(seq 1 30); do printf '\n##¿P%s?\n' "$k"; done; } > "$TMP/c/es/faq.md"
index
expect_eq "many: exit code" "$?" "2"
expect_eq "many: twenty told" "$(grep -c 'malformed heading' "$TMP/err")" "20"
expect_match "many: the rest counted" "$(cat "$TMP/err")" '\.\.\. and 10 more'

# a language file that is not UTF-8 is told in its turn: the problems of the
# documents before it are told first, as in a reading in order
mkdir -p "$TMP/c2/es"
printf "$good"'\n##¿Mal?\n\nMal.\n' > "$TMP/c2/es/a.md"
printf 'bad \377\n' > "$TMP/c2/es/stopwords.txt"
"$FAQBOT" index --corpus "$TMP/c2" --out "$TMP/faq2.idx" >"$TMP/out" 2>"$TMP/err"
expect_eq "bad stop words: exit code" "$?" "2"
expect_match "bad stop words: the document's problem first" "$(head -1 "$TMP/err")" 'a.md:7: malformed heading'
expect_match "bad stop words: then the file" "$(cat "$TMP/err")" 'stopwords.txt:1: invalid UTF-8'
expect_eq "bad stop words: no index" "$(ls "$TMP" | grep -c faq2.idx)" "0"

# --lenient: the malformed lines are warnings, read as text; the index is written
printf "$good"'\n##¿Cuánto cuesta?\n\nNada.\n' > "$TMP/c/es/faq.md"
index --lenient
expect_eq "lenient: exit code" "$?" "0"
expect_match "lenient: a warning with file:line" "$(cat "$TMP/err")" 'faq.md:7: warning: malformed heading'
# ... but an error is still one
printf "$good"'\n##¿Cuánto cuesta?\n\n## ¿Otra? {#que}\n\nOtra.\n' > "$TMP/c/es/faq.md"
index --lenient
expect_eq "lenient: a duplicate id still stops" "$?" "2"

# lint: 1 with findings, 0 when clean, JSON for tools
printf "$good"'\n##¿Cuánto cuesta?\n\nNada.\n' > "$TMP/c/es/faq.md"
out=$("$FAQBOT" lint --corpus "$TMP/c")
expect_eq "lint: findings exit 1" "$?" "1"
expect_match "lint: the malformed heading with file:line" "$out" 'faq.md:7: malformed heading'
out=$("$FAQBOT" lint --corpus "$TMP/c" --format json)
expect_eq "lint json: exit 1" "$?" "1"
expect_eq "lint json: line" "$(printf '%s' "$out" | json findings.0.line)" "7"
expect_eq "lint json: kind" "$(printf '%s' "$out" | json findings.0.kind)" "corpus"
expect_eq "lint json: count" "$(printf '%s' "$out" | json count)" "1"
printf "$good" > "$TMP/c/es/faq.md"
out=$("$FAQBOT" lint --corpus "$TMP/c")
expect_eq "lint: clean exits 0" "$?" "0"
expect_match "lint: clean says so" "$out" '^lint: 0 findings$'
out=$("$FAQBOT" lint --corpus "$TMP/c" --format json)
expect_eq "lint json clean: count" "$(printf '%s' "$out" | json count)" "0"
"$FAQBOT" lint --corpus "$TMP/nowhere" >/dev/null 2>&1
expect_eq "lint: an unreadable corpus exits 2" "$?" "2"
"$FAQBOT" lint --format yaml >/dev/null 2>&1
expect_eq "lint: a bad --format exits 1" "$?" "1"
# the seed corpus reads clean of corpus errors
out=$("$FAQBOT" lint --corpus "$ROOT/corpus")
printf '%s' "$out" | grep -E 'malformed|unclosed|empty id|duplicate id|not right under' && fail "seed corpus has corpus errors"
ok "the seed corpus has no corpus errors"
# a document with no question at all (headings one level off, a plain text
# with no "?") is indexed with a warning naming it, and the summary counts
# the FAQ's entries apart from the packs' small talk, so that it shows
printf "$good" > "$TMP/c/es/faq.md"
printf '# Preguntas\n\n### ¿Cuánto cuesta?\n\nNada.\n' > "$TMP/c/es/precios.md"
printf 'Horario\nDe 9 a 18.\n' > "$TMP/c/es/horario.txt"
index
expect_eq "no question: still indexed" "$?" "0"
# (its question a level off is told at its line, with the heading it needs)
expect_match "no question (md): file and line" "$(cat "$TMP/err")" \
    'es/precios\.md:3: warning: a level-3 heading that asks \("¿Cuánto cuesta\?"\) is not read: a question is a level-2 heading, "## ¿Cuánto cuesta\?"'
expect_match "no question (txt): file and line" "$(cat "$TMP/err")" \
    'es/horario\.txt:1: warning: no question in this file: a question is a line'
expect_match "summary: the FAQ's entries apart" "$(cat "$TMP/out")" '^indexed 1 FAQ entry and [0-9]+ of small talk in 1 language[ :]'
"$FAQBOT" lint --corpus "$TMP/c" > "$TMP/out"
expect_eq "no question: a lint finding" "$?" "1"
expect_match "no question: lint names the file" "$(cat "$TMP/out")" 'es/precios\.md:3: a level-3 heading that asks'
# with no heading at all, the file as a whole
printf '# Preguntas\n\nNada.\n' > "$TMP/c/es/precios.md"
index
expect_match "no question (md, no heading): the file told" "$(cat "$TMP/err")" \
    'es/precios\.md:1: warning: no question in this file: each entry is a level-2 heading'
# a small talk file of no entries is the owner's choice: no warning
rm "$TMP/c/es/precios.md" "$TMP/c/es/horario.txt"
printf '# replace\n' > "$TMP/c/es/smalltalk.md"
index
expect_eq "an emptied small talk: no warning" "$(cat "$TMP/err")" ""

# a question asked twice in a language (case and accents aside), in two
# files: indexed, with a warning at the second pointing at the first; the
# same question in another language is a translation, no warning
printf '# FAQ\n\n## ¿Cómo me apunto?\n\nCon el formulario.\n' > "$TMP/c/es/faq.md"
printf '# Más\n\n## Otra cosa\n\nAlgo.\n\n## ¿como me APUNTO?\n\nPor correo.\n' > "$TMP/c/es/mas.md"
index
expect_eq "a question asked twice: still indexed" "$?" "0"
expect_match "a question asked twice: told at the second, the first named" "$(cat "$TMP/err")" \
    "es/mas\\.md:7: warning: the question \"¿como me APUNTO\\?\" is asked twice \\(first at $TMP/c/es/faq\\.md:3\\)"
rm "$TMP/c/es/mas.md"
mkdir -p "$TMP/c/en"
printf '# FAQ\n\n## ¿Cómo me apunto?\n\nWith the form.\n' > "$TMP/c/en/faq.md"
index
expect_eq "the same question in two languages: no warning" "$(cat "$TMP/err")" ""

# a long question is quoted in the warning whole characters short: its
# 200th byte is the second of an "é", left out rather than split (the
# warning would not be UTF-8)
long=$(printf 'a%.0s' $(seq 199))
printf '# FAQ\n\n## %sé?\n\nUno.\n' "$long" > "$TMP/c/es/faq.md"
printf '# Más\n\n## %sé?\n\nDos.\n' "$long" > "$TMP/c/es/mas.md"
index
expect_match "a long question asked twice: quoted whole characters short" "$(cat "$TMP/err")" \
    "the question \"$long\" is asked twice"

# a question whose heading is a level off ("### ¿Dónde está?" under an
# entry) was read in silence as part of the answer above it: told at its
# line, with the heading it needs; the index still written. A "###" that
# does not ask, or one in a fenced code block, is an answer's heading.
rm "$TMP/c/es/mas.md"
printf '# FAQ\n\n## ¿Cuándo abren?\n\nDe 9 a 17.\n\n### ¿Dónde está la oficina? ###\n\nEn la plaza.\n\n### Horario de verano\n\nDe 8 a 14.\n\n```\n### ¿código?\n```\n' > "$TMP/c/es/faq.md"
index
expect_eq "a question a level off: still indexed" "$?" "0"
expect_match "a question a level off: told at its line, with the heading it needs" "$(cat "$TMP/err")" \
    'es/faq\.md:7: warning: a level-3 heading that asks \("¿Dónde está la oficina\?"\) is read as part of the answer to "¿Cuándo abren\?": a question of its own is a level-2 heading, "## ¿Dónde está la oficina\?"'
expect_eq "a heading that does not ask, or in code: not told" "$(grep -c -E 'Horario|código' "$TMP/err")" "0"

# a question whose heading is a level up ("# ¿Puedo pagar? {#pago}" under
# the title) was read in silence as a part title, it and its answer left
# out of the index: told at its line, with the heading it needs. A heading
# with an id is an entry's whatever it says; the title, and a part title
# that does not ask, are not told.
printf '# ¿Preguntas?\n\n## ¿Cuándo abren?\n\nDe 9 a 17.\n\n# ¿Puedo pagar con tarjeta? {#pago}\n\nSí.\n\n# Servicios\n\n## ¿Hay wifi?\n\nSí.\n\n# Horario {#horario}\n\nDe 9 a 17.\n\n# ¿Y los domingos?\n\nCerrado.\n' > "$TMP/c/es/faq.md"
index
expect_eq "a question a level up: still indexed" "$?" "0"
expect_match "a question a level up: told at its line, with the heading it needs" "$(cat "$TMP/err")" \
    'es/faq\.md:7: warning: a level-1 heading \("¿Puedo pagar con tarjeta\? \{#pago\}"\) is a part title, not a question: it and the text under it are not read; a question is a level-2 heading, "## ¿Puedo pagar con tarjeta\? \{#pago\}"'
expect_match "a part title with an id: told" "$(cat "$TMP/err")" 'es/faq\.md:17: warning: a level-1 heading \("Horario \{#horario\}"\)'
expect_match "a part title that asks: told" "$(cat "$TMP/err")" 'es/faq\.md:21: warning: a level-1 heading \("¿Y los domingos\?"\)'
expect_eq "the title, a part title that does not ask: not told" "$(grep -c -E ':1: |Servicios' "$TMP/err")" "0"
"$FAQBOT" lint --corpus "$TMP/c" > "$TMP/out"
expect_eq "a question a level up: a lint finding" "$?" "1"

# a bare "?" under a heading (an alternate question not written yet) opened
# the answer with a lone "?": told, and left out of the answer
printf '# FAQ\n\n## ¿Cuándo abren? {#abren}\n? ¿A qué hora?\n?\n\nDe 9 a 17.\n' > "$TMP/c/es/faq.md"
index
expect_eq "a bare ?: still indexed" "$?" "0"
expect_match "a bare ?: told at its line" "$(cat "$TMP/err")" \
    'es/faq\.md:5: warning: a "\?" with no question after it is left out: an alternate question is "\? other wording"'
expect_eq "a bare ?: not in the answer" "$("$FAQBOT" ask --index "$TMP/faq.idx" --json '¿Cuándo abren?' | jq -r .answer)" "De 9 a 17."
