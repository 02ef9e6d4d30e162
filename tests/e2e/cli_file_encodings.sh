# cli_file_encodings.sh: a FAQ saved in another encoding than UTF-8, as an
# editor or a spreadsheet saves it (Latin-1 / Windows-1252, UTF-16 with its
# byte order mark), is told at its file and line with what it is and how to
# convert it, by index, lint and import alike; converted, it indexes. UTF-16
# with its mark is read as the UTF-8 it stands for.
. "$ROOT/tests/e2e/lib.sh.inc"
C="$TMP/c"
mkdir -p "$C/fr"
printf '# FAQ\n\n## Quand \352tes-vous ouverts ?\n\nDe 9 \340 17 heures.\n' > "$C/fr/faq.md"
"$FAQBOT" index --corpus "$C" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err"
expect_eq "Latin-1: index exits 2" "$?" "2"
expect_match "Latin-1: its line, the likely encoding and the remedy" "$(cat "$TMP/err")" \
    'fr/faq\.md:3: invalid UTF-8: saved as Latin-1 or Windows-1252\? \(iconv -f WINDOWS-1252 -t UTF-8 converts it\)'
iconv -f WINDOWS-1252 -t UTF-8 "$C/fr/faq.md" > "$TMP/utf8.md" && mv "$TMP/utf8.md" "$C/fr/faq.md"
"$FAQBOT" index --corpus "$C" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; fail "converted as told: indexed"; }
ok "converted as told: indexed"
# UTF-16 with its byte-order mark, as Windows' Notepad saves "Unicode": was
# refused ("the file is UTF-16; save it as UTF-8") though import read it;
# now read as the UTF-8 it stands for, little- and big-endian, CRLF and all,
# its problems told at their lines
printf '# FAQ\r\n\r\n## O\303\271 est la gare ?\r\n\r\nPr\303\250s du port \360\237\232\211.\r\n\r\n## Quand ouvre le mus\303\251e ?\r\n\r\n## Combien co\303\273te le bus ?\r\n\r\nDeux euros.\r\n' > "$TMP/notes8.md"
iconv -f UTF-8 -t UTF-16LE "$TMP/notes8.md" | { printf '\377\376'; cat; } > "$TMP/le.md"
iconv -f UTF-8 -t UTF-16BE "$TMP/notes8.md" | { printf '\376\377'; cat; } > "$TMP/be.md"
for e in le be; do
    cp "$TMP/$e.md" "$C/fr/notes.md"
    "$FAQBOT" lint --corpus "$C" >"$TMP/out" 2>&1
    expect_match "UTF-16 $e: lint tells one finding" "$(cat "$TMP/out")" '1 finding'
    expect_match "UTF-16 $e: the entry with no answer told at its line" "$(cat "$TMP/out")" 'fr/notes\.md:7: .*no answer'
    "$FAQBOT" index --corpus "$C" --out "$TMP/u16.idx" >/dev/null 2>"$TMP/err"
    expect_eq "UTF-16 $e: index exits 2 for it" "$?" "2"
    expect_match "UTF-16 $e: index tells the same line" "$(cat "$TMP/err")" 'fr/notes\.md:7: '
done
# the answer given, the file fixed in UTF-16 (the emoji a surrogate pair)
printf '# FAQ\r\n\r\n## O\303\271 est la gare ?\r\n\r\nPr\303\250s du port \360\237\232\211.\r\n\r\n## Combien co\303\273te le bus ?\r\n\r\nDeux euros.\r\n' |
    iconv -f UTF-8 -t UTF-16 > "$C/fr/notes.md"
"$FAQBOT" index --corpus "$C" --out "$TMP/u16.idx" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; fail "UTF-16: indexed"; }
ok "UTF-16: indexed"
"$FAQBOT" ask --index "$TMP/u16.idx" --json "où est la gare" > "$TMP/a.json"
expect_eq "UTF-16: its entry found" "$(json id < "$TMP/a.json")" "notes-1"
expect_match "UTF-16: its answer as UTF-8, the pair whole" "$(json answer < "$TMP/a.json")" "^Près du port $(printf '\360\237\232\211')\.$"
# UTF-16 that is not whole (an odd byte at its end): told at line 1
printf 'x' >> "$C/fr/notes.md"
"$FAQBOT" lint --corpus "$C" >"$TMP/out" 2>&1
expect_match "broken UTF-16: told as such" "$(cat "$TMP/out")" 'fr/notes\.md:1: invalid UTF-8: the file is UTF-16 but not whole'
rm "$C/fr/notes.md"
# UTF-8 with its mark and Windows line ends, an answer of two paragraphs:
# answered with Unix line ends (a "\r" kept reached the JSON and the terminal)
printf '\357\273\277# FAQ\r\n\r\n## O\303\271 est la gare ?\r\n\r\nPr\303\250s du port.\r\n\r\nLe bus 3 y va.\r\n' > "$C/fr/notes.md"
"$FAQBOT" index --corpus "$C" --out "$TMP/crlf.idx" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; fail "CRLF: indexed"; }
"$FAQBOT" ask --index "$TMP/crlf.idx" --json "où est la gare" > "$TMP/a.json"
expect_eq "CRLF: its entry found" "$(json id < "$TMP/a.json")" "notes-1"
expect_eq "CRLF: its answer with no carriage return" "$(json answer < "$TMP/a.json" | od -c | grep -c '\\r')" "0"
expect_match "CRLF: its two paragraphs kept" "$(json answer < "$TMP/a.json" | tr '\n' '|')" '^Près du port\.\|\|Le bus 3 y va\.\|$'
rm "$C/fr/notes.md"
# import: the same, with the line
printf 'Question,Answer\n"Quand \352tes-vous ouverts ?",De 9 \340 17 heures.\n' > "$TMP/faq.csv"
"$FAQBOT" import "$TMP/faq.csv" >/dev/null 2>"$TMP/err"
expect_eq "import, Latin-1: exit 2" "$?" "2"
expect_match "import, Latin-1: its line and the remedy" "$(cat "$TMP/err")" 'faq\.csv \(csv\): line 2: invalid UTF-8: saved as Latin-1 or Windows-1252\?'
