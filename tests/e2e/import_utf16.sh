# import_utf16.sh: a spreadsheet's "Unicode text" (Excel's, LibreOffice's:
# tab-separated, UTF-16 with its byte-order mark, CRLF line ends) was
# refused by import ("the file is UTF-16; save it as UTF-8"), so an editor
# had to find iconv. It is now read as the UTF-8 it stands for, little- or
# big-endian, a character beyond the BMP (a surrogate pair) too, and imports
# as its UTF-8 twin does; UTF-16 that is not whole is still told, at line 1.
. "$ROOT/tests/e2e/lib.sh.inc"
printf 'Question\tAnswer\r\nWhen are you open?\tNine to five.\r\nWo ist die Kasse?\tIm Erdgeschoss, gegen\303\274ber \360\237\230\200.\r\n' > "$TMP/utf8.txt"
iconv -f UTF-8 -t UTF-16LE "$TMP/utf8.txt" | { printf '\377\376'; cat; } > "$TMP/le.txt"
iconv -f UTF-8 -t UTF-16BE "$TMP/utf8.txt" | { printf '\376\377'; cat; } > "$TMP/be.txt"
"$FAQBOT" import "$TMP/utf8.txt" > "$TMP/want.md" 2>/dev/null || fail "the UTF-8 twin imports"
for e in le be; do
    "$FAQBOT" import "$TMP/$e.txt" > "$TMP/$e.md" 2>"$TMP/err"
    expect_eq "UTF-16 $e: imported" "$?" "0"
    expect_match "UTF-16 $e: read as tab-separated" "$(cat "$TMP/err")" '2 entries \(tsv\)'
    expect_eq "UTF-16 $e: the Markdown of its UTF-8 twin" "$(cmp "$TMP/want.md" "$TMP/$e.md" && echo same)" "same"
done
expect_match "the accents and the emoji" "$(cat "$TMP/le.md")" 'gegenüber 😀\.'
# a CSV from standard input, its format named
printf 'Question,Answer\nWhen?,Now.\n' | iconv -f UTF-8 -t UTF-16 | "$FAQBOT" import --format csv - > "$TMP/stdin.md" 2>/dev/null
expect_match "standard input, --format csv" "$(cat "$TMP/stdin.md")" '## When\? \{#faq-1\}'
# an odd byte at the end: not whole UTF-16, told as before
{ cat "$TMP/le.txt"; printf 'x'; } > "$TMP/odd.txt"
"$FAQBOT" import "$TMP/odd.txt" >/dev/null 2>"$TMP/err"
expect_eq "broken UTF-16: exit 2" "$?" "2"
expect_match "broken UTF-16: told at line 1" "$(cat "$TMP/err")" 'line 1: invalid UTF-8: the file is UTF-16'
