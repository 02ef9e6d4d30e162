# import_formats.sh: faqbot import reads QnA Maker's CSV and TSV, a
# spreadsheet's CSV (semicolons, its own header names given by --columns), "Q:"/"A:"
# text, numbered FAQs with and without indented answers (and with indented code), a schema.org
# FAQPage web page and a page without it (<details>, <dl>, question headings)
# (tests/e2e/fixtures/); each import indexes and answers;
# a QnA Maker CSV goes through import and export unchanged, its Source and
# Metadata columns too; a bad input
# exits 2 with a clear message and nothing on stdout.
. "$ROOT/tests/e2e/lib.sh.inc"
F="$ROOT/tests/e2e/fixtures"
imp() {  # imp FIXTURE LANG WANT-REGEX [ARGS...]: import into the corpus $TMP/c/LANG
    fx=$1 l=$2 want=$3; shift 3
    mkdir -p "$TMP/c/$l"
    "$FAQBOT" import "$@" "$F/$fx" > "$TMP/c/$l/$(basename "$fx" | tr . -).md" 2>"$TMP/err" ||
        { cat "$TMP/err"; fail "import $fx"; }
    expect_match "$fx: format guessed, entries counted" "$(cat "$TMP/err")" "$want"
}
imp qnamaker.csv es '4 entries \(csv\)'
imp qnamaker.tsv es '2 entries \(tsv\)' --prefix tsv
imp qa.txt es '2 entries \(qa\)' --prefix qa
imp numbered-flat.txt es '3 entries \(numbered\)' --prefix num
imp numbered-indented.txt en '2 entries \(numbered\)' --prefix num
imp numbered-code.txt en '3 entries \(numbered\)' --prefix code
imp faqpage.html es '2 entries \(html\)' --prefix web
imp faqpage-plain.html en '6 entries \(html\), 1 question with no answer left out' --prefix page
expect_match "HTML without FAQPage: the question with no answer named" "$(cat "$TMP/err")" \
    'faqpage-plain.html:17: warning: the question "Can I reserve a ladder\?" has no answer after it'
imp spreadsheet-de.csv de '2 entries \(csv\)' --prefix tab --columns Frage,Antwort
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; fail "index the imports"; }
expect_eq "the imports read clean" "$(cat "$TMP/err")" ""
ask() {  # ask QUESTION ID
    j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "$1")
    expect_eq "$1" "$(printf '%s\n' "$j" | json id)" "$2"
}
ask '¿A qué hora abre la biblioteca?' faq-1          # CSV: an alternate question
ask '¿Cómo renuevo un préstamo?' faq-2               # CSV: quoted "" and commas
ask '¿Tienen conexión a internet?' faq-4
ask '¿Qué necesito para el carné?' tsv-1
ask '¿Cuál es la dirección de la biblioteca?' qa-1
ask '¿Se puede comer en la sala?' qa-2
ask '¿Hay fotocopiadora?' num-1.2
ask 'can I print documents' num-1.1
ask 'count the lines of every file in a folder' code-1.1   # its question joined over two lines
ask '¿Se admiten perros?' web-1
ask '¿Qué actividades hay para niños?' web-2
ask 'how long may I keep the drill' page-1            # a heading's answer in a wrapper
ask 'is there a deposit to pay' page-2
ask 'when are you open' page-3                        # a heading that does not ask, at the questions' level
ask 'who may become a member' page-4                  # <details>
ask 'can my kids borrow tools' page-5                 # <dl>
ask 'what does membership cost' page-6
ask 'Wann hat die Werkstatt geöffnet?' tab-1
ask 'Kann ich eine Bohrmaschine ausleihen?' tab-2
md=$(cat "$TMP/c/es/qnamaker-csv.md")
expect_match "CSV: an answer's own line end kept" "$md" '20:00\.$'
expect_match "CSV: quotes undoubled" "$md" 'en "Mis préstamos", pulse'
md=$(cat "$TMP/c/es/faqpage-html.md")
expect_match "HTML: a link as Markdown" "$md" '\[las normas de uso\]\(https://example.org/normas\)'
expect_match "HTML: list items" "$md" '^- taller de cómic, los sábados\.$'
printf '%s' "$md" | grep -q 'no debe leerse' && fail "HTML: page text taken for an entry"
ok "HTML: only the FAQPage is read"
md=$(cat "$TMP/c/en/faqpage-plain-html.md")
expect_match "HTML without FAQPage: a link as Markdown" "$md" 'renew it \[online\]\(https://example.org/renew\)'
expect_match "HTML without FAQPage: a <dd>'s list" "$md" '^- students: free$'
printf '%s' "$md" | grep -q -e 'reach you' -e 'imprint' -e '^## Borrowing' -e '^## Membership' &&
    fail "HTML without FAQPage: menu, footer or a section heading taken for an entry"
ok "HTML without FAQPage: menu, footer and section headings left out"
md=$(cat "$TMP/c/de/spreadsheet-de-csv.md")
expect_match "spreadsheet CSV: a quoted line end kept, CRLF read" "$md" '^10 bis 18 Uhr\.$'
expect_match "spreadsheet CSV: a quoted semicolon kept" "$md" '^Ja; für eine Woche, mit Pfand\.$'
md=$(cat "$TMP/c/es/numbered-flat-txt.md")
expect_match "numbered, flat: the answer under its question" "$md" '## ¿Hay fotocopiadora\? \{#num-1.2\}'
md=$(cat "$TMP/c/en/numbered-code-txt.md")
expect_eq "numbered: indented code fenced, its comment no heading" "$(printf '%s\n' "$md" | grep -B1 '^# count\.sh$' | head -n 1)" '```'
expect_match "numbered: a part title and a rule are no answer text" "$(printf '%s\n' "$md" | grep -c -e '^2\. More' -e '^---')" '^0$'

md=$(cat "$TMP/c/es/qnamaker-csv.md")
expect_match "CSV: Metadata as the server's meta comment" "$md" '^<!-- meta: categoria=horarios, publico=todos -->$'
expect_match "CSV: Source kept" "$md" '^<!-- source: https://example.org/ayuda/prestamos -->$'

# round trip: QnA Maker CSV -> import -> export -> the same four columns
mkdir -p "$TMP/rt/es"
"$FAQBOT" import "$F/qnamaker.csv" > "$TMP/rt/es/faq.md" 2>/dev/null || fail "import for the round trip"
"$FAQBOT" export --corpus "$TMP/rt" --format csv > "$TMP/rt.csv" 2>/dev/null
expect_eq "export: exit 0" "$?" "0"
same=$(python3 - "$F/qnamaker.csv" "$TMP/rt.csv" <<'PY'
import csv, sys
rows = [sorted((r["Question"], r["Answer"], r["Source"], r["Metadata"]) for r in csv.DictReader(open(p, newline="", encoding="utf-8")))
        for p in sys.argv[1:]]
print("same" if rows[0] == rows[1] else "differ: %r\n%r" % tuple(rows))
PY
)
expect_eq "CSV round trip: questions, answers, sources and metadata" "$same" "same"
expect_match "export: QnA Maker's header" "$(head -n 1 "$TMP/rt.csv")" '^Question,Answer,Source,Metadata'
"$FAQBOT" export --corpus "$ROOT/corpus" >/dev/null 2>"$TMP/err"
expect_eq "export of several languages without --lang: exit 2" "$?" "2"
expect_match "export: says to choose" "$(cat "$TMP/err")" '--lang'
n=$("$FAQBOT" export --corpus "$ROOT/corpus" --lang fr 2>/dev/null | python3 -c 'import csv,sys; print(len(list(csv.DictReader(sys.stdin))) > 10)')
expect_eq "export --lang fr" "$n" "True"

# what the import writes, faqbot index reads (cases the fuzzer found): "{#"
# and a closing "#" in a question (a question of "#"s alone), a line ended
# by a carriage return alone
mkdir -p "$TMP/odd/es"
printf 'Question,Answer\n"¿Qué es {#x?",Uno.\nLenguaje C #,"Dos.\r? no es pregunta"\n' > "$TMP/odd.csv"
"$FAQBOT" import "$TMP/odd.csv" > "$TMP/odd/es/faq.md" 2>/dev/null || fail "import odd.csv"
printf '1.1. ##\r\r\n  Otro.\n' > "$TMP/odd.txt"
"$FAQBOT" import --prefix d "$TMP/odd.txt" > "$TMP/odd/es/d.md" 2>/dev/null || fail "import odd.txt"
"$FAQBOT" index --corpus "$TMP/odd" --out "$TMP/odd.idx" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; fail "index what import wrote"; }
ok "odd questions: the import indexes"
expect_eq "odd questions: a closing # kept" "$("$FAQBOT" ask --index "$TMP/odd.idx" --json 'Lenguaje C' | json question)" 'Lenguaje C \#'

# failures: exit 2, the reason, nothing on stdout
bad() {  # bad NAME WANT-REGEX ARGS... (input on stdin)
    name=$1 want=$2; shift 2
    "$FAQBOT" import "$@" >"$TMP/out" 2>"$TMP/err"
    expect_eq "$name: exit 2" "$?" "2"
    expect_match "$name: message" "$(cat "$TMP/err")" "$want"
    expect_eq "$name: nothing on stdout" "$(wc -c < "$TMP/out" | tr -d ' ')" "0"
}
printf 'Question,Answer\n¿Abierto?,"Sí\n' > "$TMP/open.csv"
bad "unclosed quote" 'line 2: a quoted field is never closed' "$TMP/open.csv"
printf 'Pregunta,Respuesta\n¿Q?,R\n' > "$TMP/nohead.csv"
bad "a header of other names" 'no "Question" and "Answer" columns in the header \(its columns: "Pregunta", "Respuesta"\): name yours with --columns' "$TMP/nohead.csv"
printf 'Pregunta;Respuesta\n¿Q?;R\n' > "$TMP/nohead-semi.csv"
bad "a header of other names, semicolons" 'its columns: "Pregunta", "Respuesta"' "$TMP/nohead-semi.csv"
bad "--columns not in the header" 'no "Frage" and "Antwort" columns in the header' --columns Frage,Antwort "$TMP/nohead.csv"
printf 'solo una columna\n' > "$TMP/onecol.csv"
bad "no header" 'no header with "Question" and "Answer"' "$TMP/onecol.csv"
printf 'Pregunta;Respuesta\n¿Abren hoy?;Sí; hasta las 20:00.\n' > "$TMP/extra.csv"
"$FAQBOT" import --columns Pregunta,Respuesta "$TMP/extra.csv" >/dev/null 2>"$TMP/err"
expect_match "a delimiter in an unquoted answer: what is not read, told" "$(cat "$TMP/err")" \
    'extra.csv:2: warning: 3 fields where the header has 2: " hasta las 20:00\." is not read'
"$FAQBOT" import --columns Pregunta "$TMP/extra.csv" >/dev/null 2>&1
expect_eq "--columns without the answer's: usage, exit 1" "$?" "1"
# a row not answered yet (a draft) is left out and told; the rest comes
printf 'Question,Answer\n¿Q?,\n¿Abren?,Sí.\n,Sin pregunta.\n' > "$TMP/noanswer.csv"
"$FAQBOT" import "$TMP/noanswer.csv" >"$TMP/out" 2>"$TMP/err"
expect_eq "CSV: a question without its answer: exit 0" "$?" "0"
expect_match "CSV: the rest imported" "$(cat "$TMP/out")" '^## ¿Abren\? \{#faq-1\}$'
expect_eq "CSV: the unanswered row not imported" "$(grep -c '¿Q?' "$TMP/out")" "0"
expect_match "CSV: the question without its answer told at its line" "$(cat "$TMP/err")" \
    'noanswer\.csv:2: warning: the question "¿Q\?" has no answer: left out'
expect_match "CSV: the answer without its question told at its line" "$(cat "$TMP/err")" \
    'noanswer\.csv:4: warning: an answer with no question: left out'
expect_match "CSV: counted in the summary" "$(cat "$TMP/err")" '1 entry \(csv\), 1 question with no answer left out$'
printf 'Question,Answer,Metadata\n¿Q?,R,tema\n' > "$TMP/meta1.csv"
bad "metadata not name:value" 'line 2: metadata "tema" is not name:value' "$TMP/meta1.csv"
printf 'Question,Answer,Metadata\n¿Q?,R,"tema:a,b"\n' > "$TMP/meta2.csv"
bad "metadata the comment cannot keep" 'line 2: metadata "tema" holds a comma' "$TMP/meta2.csv"
printf '<html><body><p>No FAQ here</p></body></html>\n' > "$TMP/plain.html"
bad "a page without FAQPage" 'no schema.org FAQPage' "$TMP/plain.html"
printf '<html><head><script type="application/ld+json">{"@type": "FAQPage",</script></head></html>\n' > "$TMP/badjson.html"
bad "broken JSON-LD" 'JSON-LD script 1' "$TMP/badjson.html"
printf 'Q: ¿Sin respuesta?\n' > "$TMP/q.txt"
bad "Q: without A:, nothing else" 'no "Q:" line followed by an "A:" line' "$TMP/q.txt"
printf 'Q: ¿Uno?\nA:\nQ: ¿Dos?\nA: Dos.\nQ: ¿Tres?\n' > "$TMP/q2.txt"
"$FAQBOT" import "$TMP/q2.txt" >"$TMP/out" 2>"$TMP/err"
expect_eq "Q: without A:: the rest imported, exit 0" "$?" "0"
expect_eq "Q: without A:: the answered one alone" "$(grep '^## ' "$TMP/out")" "## ¿Dos? {#faq-1}"
expect_match "Q: without A:: an empty A: told at its line" "$(cat "$TMP/err")" \
    'q2\.txt:1: warning: the question "¿Uno\?" has no answer: left out'
expect_match "Q: without A:: the last question told at its line" "$(cat "$TMP/err")" \
    'q2\.txt:5: warning: the question "¿Tres\?" has no answer: left out'
expect_match "Q: without A:: counted in the summary" "$(cat "$TMP/err")" '1 entry \(qa\), 2 questions with no answer left out$'
printf 'Q:  \nA: Sí.\n' > "$TMP/q0.txt"
bad "Q: with no question" 'line 1: a "Q:" with no question' "$TMP/q0.txt"
printf '1.1. ¿Uno?\n  Sí.\n1.1. ¿Otra vez uno?\n  No.\n' > "$TMP/twice.txt"
bad "a number twice" 'the number 1.1 is given to two questions' "$TMP/twice.txt"
# a long question is quoted whole characters short: its 80th byte is the
# second of an "é", left out rather than split
long=$(printf 'a%.0s' $(seq 79))
printf '1.1. %sé?\n  Sí.\n1.1. %sé?\n  No.\n' "$long" "$long" > "$TMP/twicelong.txt"
bad "a number twice, long questions" "given to two questions \\(\"$long\" and \"$long\"\\)" "$TMP/twicelong.txt"
printf 'Solo texto, sin preguntas.\n' > "$TMP/t.txt"
bad "text with no questions" 'no numbered questions' "$TMP/t.txt"
"$FAQBOT" import --format xml "$F/qa.txt" >"$TMP/out" 2>/dev/null
expect_eq "an unknown --format: usage, exit 1" "$?" "1"
expect_eq "an unknown --format: nothing on stdout" "$(wc -c < "$TMP/out" | tr -d ' ')" "0"
printf '1.1. ¿Q?\n\377\n' > "$TMP/bad.txt"
bad "invalid UTF-8: its line" 'line 2: invalid UTF-8' "$TMP/bad.txt"
# the format given beats the guess: a .txt read as CSV
cp "$F/qnamaker.csv" "$TMP/export.txt"
"$FAQBOT" import --format csv "$TMP/export.txt" 2>&1 >/dev/null | grep -q '4 entries (csv)' || fail "--format csv"
ok "--format beats the file name"
# the format as its files are named, in any case: md, htm, CSV
printf '## FAQ\n\n### Is it open?\n\nYes.\n' > "$TMP/readme.txt"
"$FAQBOT" import --format md "$TMP/readme.txt" 2>&1 >/dev/null | grep -q '1 entry (markdown)' || fail "--format md"
ok "--format md is markdown"
cp "$F/faqpage.html" "$TMP/page.txt"
"$FAQBOT" import --format htm "$TMP/page.txt" 2>&1 >/dev/null | grep -q '(html)' || fail "--format htm"
"$FAQBOT" import --format CSV "$TMP/export.txt" 2>&1 >/dev/null | grep -q '4 entries (csv)' || fail "--format CSV"
ok "--format htm and CSV"

# a CSV saved by a spreadsheet whose decimal mark is a comma: semicolons,
# a byte order mark, Windows line ends, a quoted field holding ";" and a line end
printf '\357\273\277Question;Answer;Source;Metadata\r\n"Wie zahle ich?";"Mit Karte; oder ""bar""\r\nan der Kasse.";web;thema:zahlung\r\nWann offen?;9 bis 17;web;\r\n' > "$TMP/semi.csv"
"$FAQBOT" import "$TMP/semi.csv" > "$TMP/semi.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "a CSV with semicolons"; }
expect_match "CSV with semicolons: both entries" "$(cat "$TMP/err")" '2 entries \(csv\)'
md=$(cat "$TMP/semi.md")
expect_match "CSV with semicolons: a quoted \";\" and line end kept" "$md" 'Mit Karte; oder "bar"'
expect_match "CSV with semicolons: its metadata" "$md" '^<!-- meta: thema=zahlung -->$'
expect_match "CSV with semicolons: the second question" "$md" '^## Wann offen\? \{#faq-2\}$'

# a numbered FAQ with Windows line ends reads as with Unix ones
printf 'Intro.\n\n1. General\n\n1.1. What is it?\n\nA tool.\n\n1.2. Who made it?\n\nUs, in 2020.\n\n2. Use\n\n2.1. How do I start it?\n\nRun it.\n' > "$TMP/lf.txt"
sed 's/$/\r/' "$TMP/lf.txt" > "$TMP/crlf.txt"
"$FAQBOT" import "$TMP/lf.txt" > "$TMP/lf.md" 2>/dev/null || fail "numbered, Unix line ends"
"$FAQBOT" import "$TMP/crlf.txt" > "$TMP/crlf.md" 2>/dev/null || fail "numbered, Windows line ends"
expect_eq "numbered: Windows line ends read as Unix ones" "$(cat "$TMP/crlf.md")" "$(cat "$TMP/lf.md")"

# a FAQ edited in a spreadsheet and imported again keeps its ids (they link
# its translations and its feedback), and two entries with one answer stay two
mkdir -p "$TMP/ids/en" "$TMP/ids2/en"
printf '# Pool\n\n## When is the pool open? {#hours}\n? Opening hours\n\nFrom 7 to 22.\n\n## Can I swim at night? {#night}\n\nFrom 7 to 22.\n\n## How much is a ticket? {#price-2}\n\n5 euros.\n' > "$TMP/ids/en/pool.md"
"$FAQBOT" export --corpus "$TMP/ids" --format csv > "$TMP/ids.csv" 2>/dev/null || fail "export with ids"
"$FAQBOT" import "$TMP/ids.csv" > "$TMP/ids2/en/pool.md" 2>/dev/null || fail "import of an export"
expect_eq "export, import: the ids kept, an entry a heading" "$(grep '^## ' "$TMP/ids2/en/pool.md")" "## When is the pool open? {#hours}
## Can I swim at night? {#night}
## How much is a ticket? {#price-2}"
expect_match "export, import: an alternate question kept" "$(cat "$TMP/ids2/en/pool.md")" '^\? Opening hours$'
printf 'Question,Answer,QnaId\nWhen?,At 7.,12\nAt what time?,At 7.,12\n' > "$TMP/qnaid.csv"
expect_eq "QnA Maker's numeric QnaId after the prefix" "$("$FAQBOT" import --prefix kb "$TMP/qnaid.csv" 2>/dev/null | grep '^## ')" "## When? {#kb-12}"
printf 'Question,Answer,QnaId\nWhen?,At 7.,a b\n' > "$TMP/badid.csv"
bad "a QnaId that is no id" 'line 2: QnaId "a b" is no entry id' "$TMP/badid.csv"
# ... quoted whole characters short: its 80th byte is the second of an "é"
printf 'Question,Answer,QnaId\nWhen?,At 7.,%sé\n' "$long" > "$TMP/longid.csv"
bad "a long QnaId that is no id" "line 2: QnaId \"$long\" is no entry id" "$TMP/longid.csv"
printf 'Question,Answer,QnaId\nWhen?,At 7.,x\nWhere?,Here.,x\n' > "$TMP/twoid.csv"
bad "a QnaId given to two answers" 'line 3: QnaId "x" is given to two answers' "$TMP/twoid.csv"

# a numbered FAQ whose last question has no answer (cut short): that question
# is told at its line and counted, not lost silently; the others are written
printf 'Club FAQ\n\n1. How do I join?\n   Fill in the form.\n\n2. What does it cost?\n   Nothing.\n\n3. Where are you?\n' > "$TMP/cut.txt"
"$FAQBOT" import "$TMP/cut.txt" > "$TMP/cut.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "numbered, the last question unanswered"; }
err=$(cat "$TMP/err")
expect_match "an unanswered question: told at its file and line" "$err" "^$TMP/cut\\.txt:9: warning: \"Where are you\\?\" has no answer: left out$"
expect_match "an unanswered question: counted in the summary" "$err" '2 entries \(numbered\), 1 question with no answer left out$'
expect_eq "an unanswered question: the others written" "$(grep -c '^## ' "$TMP/cut.md")" "2"
# one entry is "1 entry"; standard input is named so
printf '1. How do I join?\n   Fill in the form.\n' | "$FAQBOT" import > /dev/null 2>"$TMP/err"
expect_eq "one entry: singular" "$(cat "$TMP/err")" "faqbot import: 1 entry (numbered)"
printf 'no sections\n' | "$FAQBOT" import > /dev/null 2>"$TMP/err"
expect_match "standard input named in an error" "$(cat "$TMP/err")" '^faqbot import: standard input \(numbered\): no numbered questions'
# one question twice (case and accents aside) with two answers: two entries,
# warned of at the second row naming the first, as the index warns of a
# question asked twice; a question whose rows share the answer is no warning
printf 'Question,Answer\n¿Cuándo abre?,A las nueve.\n¿Dónde está?,En la plaza.\n¿cuando ABRE?,A las diez.\n¿Dónde queda?,En la plaza.\n' \
    > "$TMP/twice.csv"
"$FAQBOT" import "$TMP/twice.csv" > "$TMP/twice.md" 2>"$TMP/err" || fail "import twice.csv"
cat "$TMP/err"
expect_match "a question twice: told at both lines" "$(cat "$TMP/err")" \
    "^$TMP/twice\\.csv:4: warning: the question \"¿cuando ABRE\\?\" is asked twice \\(first at line 2\\)"
expect_eq "only that question warned of" "$(grep -c 'warning' "$TMP/err")" "1"
expect_match "both kept (3 entries), none called left out" "$(tail -n 1 "$TMP/err")" '^faqbot import: 3 entries \(csv\)$'
# an empty file, or a pipe that gave nothing: said so, no format guessed
: > "$TMP/empty.csv"
"$FAQBOT" import "$TMP/empty.csv" > "$TMP/out" 2>"$TMP/err"
expect_eq "an empty file: bad data" "$?" "2"
expect_eq "an empty file: said so" "$(cat "$TMP/err")" "faqbot import: $TMP/empty.csv is empty: nothing to import"
expect_eq "an empty file: nothing on stdout" "$(cat "$TMP/out")" ""
printf '\n  \n' | "$FAQBOT" import > /dev/null 2>"$TMP/err"
expect_eq "blank standard input: said so" "$(cat "$TMP/err")" "faqbot import: standard input is empty: nothing to import"

# an answer that is a bare "?" (a reply kept as written): escaped, since a
# bare "?" under a heading is read as an alternate question not yet written
# and left out; what import writes indexes, the entry answered
printf 'Question,Answer\nWhat do I type to ask for help?,?\n' > "$TMP/bare.csv"
"$FAQBOT" import "$TMP/bare.csv" > "$TMP/bare.md" 2>/dev/null || fail "import: an answer that is a bare ?"
expect_match "a bare ? answer: escaped" "$(cat "$TMP/bare.md")" '^\\\?$'
mkdir -p "$TMP/bare/en" && cp "$TMP/bare.md" "$TMP/bare/en/faq.md"
"$FAQBOT" index --corpus "$TMP/bare" --out "$TMP/bare.idx" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; fail "index of an imported bare ? answer"; }
expect_eq "a bare ? answer: indexed, no warning" "$(grep -c 'warning' "$TMP/err")" "0"
