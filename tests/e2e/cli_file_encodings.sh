# cli_file_encodings.sh: a FAQ saved in another encoding than UTF-8, as an
# editor or a spreadsheet saves it (Latin-1 / Windows-1252, UTF-16 with its
# byte order mark), is told at its file and line with what it is and how to
# convert it, by index, lint and import alike; converted, it indexes.
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
# UTF-16, as Windows' Notepad saves "Unicode"
printf '# FAQ\n\n## Wann?\n\nJetzt.\n' | iconv -f UTF-8 -t UTF-16 > "$C/fr/notes.md"
"$FAQBOT" lint --corpus "$C" >"$TMP/out" 2>&1
expect_match "UTF-16: told as such" "$(cat "$TMP/out")" 'fr/notes\.md:1: invalid UTF-8: the file is UTF-16; save it as UTF-8'
rm "$C/fr/notes.md"
# import: the same, with the line
printf 'Question,Answer\n"Quand \352tes-vous ouverts ?",De 9 \340 17 heures.\n' > "$TMP/faq.csv"
"$FAQBOT" import "$TMP/faq.csv" >/dev/null 2>"$TMP/err"
expect_eq "import, Latin-1: exit 2" "$?" "2"
expect_match "import, Latin-1: its line and the remedy" "$(cat "$TMP/err")" 'faq\.csv \(csv\): line 2: invalid UTF-8: saved as Latin-1 or Windows-1252\?'
