# import_more_formats.sh: faqbot import reads the FAQ section of a project's
# Markdown README (its question headings at the level where most headings
# ask, each answered up to the next heading as high: the README's other
# sections no entry and no answer; a heading inside code no question; a
# question with nothing under it told at its line), by the name or, from
# standard input, by the text; and a plain-text FAQ numbered "1)", "2)" as a
# word processor numbers a list, each question an entry (before, a ")" after
# the number was no section: the question went into the answer above it);
# and a web page saved in the charset it declares (Windows-1252, ISO-8859-1:
# before, refused as not UTF-8), a page that declares none or UTF-8 still
# refused with the iconv line.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
printf '# Widgetizer\r\n\r\nTurns widgets into gadgets.\r\n\r\n## Installation\r\n\r\nRun make install.\r\n\r\n## FAQ\r\n\r\n### How do I reset my password?\r\n\r\nOpen **Settings** and click *Reset*.\r\n\r\n### Is there a mobile app?\r\n\r\n### Can I use it offline?\r\n\r\nYes, once installed.\r\n\r\n```sh\r\n# is it installed?\r\nwhich widgetizer\r\n```\r\n\r\n---\r\n\r\n### **Why does the build fail on Windows?** ###\r\n\r\nWindows is not supported.\r\n\r\n#### Cygwin\r\n\r\nNot tested.\r\n\r\n## License\r\n\r\nMIT, see the file COPYING.\r\n' > "$TMP/README.md"
"$FAQBOT" import "$TMP/README.md" > "$TMP/c/en/readme.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "import a README"; }
err=$(cat "$TMP/err")
expect_match "README: three entries, one left out" "$err" '3 entries \(markdown\), 1 question with no answer left out$'
expect_match "README: the question with no answer told at its line" "$err" \
    "^$TMP/README\\.md:15: warning: \"Is there a mobile app\\?\" has no answer: left out$"
md=$(cat "$TMP/c/en/readme.md")
expect_eq "README: the question headings, emphasis and closing '#'s off" "$(grep '^## ' "$TMP/c/en/readme.md")" "## How do I reset my password? {#faq-1}
## Can I use it offline? {#faq-2}
## Why does the build fail on Windows? {#faq-3}"
expect_match "README: a comment in code kept as code" "$md" '^# is it installed\?$'
expect_match "README: a deeper heading stays in the answer" "$md" '^#### Cygwin$'
printf '%s' "$md" | grep -q -e 'MIT' -e 'make install' && fail "README: another section taken into an answer"
printf '%s' "$md" | grep -q -e '^---' && fail "README: the rule between questions taken into an answer"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; fail "index the README's FAQ"; }
expect_eq "README: indexed clean" "$(cat "$TMP/err")" ""
expect_eq "README: answered" "$(answer_id 'I forgot my password, how to reset it')" "faq-1"
expect_eq "README: the answer under its code" "$(answer_id 'does it work offline')" "faq-2"
expect_match "README from standard input: the format told by the text" \
    "$("$FAQBOT" import - < "$TMP/README.md" 2>&1 >/dev/null)" '3 entries \(markdown\)'
printf '# Notes\n\nNothing asked here.\n' > "$TMP/none.md"
"$FAQBOT" import "$TMP/none.md" > "$TMP/out" 2>"$TMP/err"
expect_eq "a Markdown file without questions: bad data" "$?" "2"
expect_match "a Markdown file without questions: said so" "$(cat "$TMP/err")" \
    'none\.md \(markdown\): no question headings .*see --format$'

# "1)" numbering
printf 'Club FAQ\n\n1) When are you open?\nFrom 9 to 5.\n\n2) Where can I park?\nBehind the building.\nIt is free.\n\n3) How do I cancel a booking?\nCall us a day before.\n' > "$TMP/paren.txt"
"$FAQBOT" import "$TMP/paren.txt" > "$TMP/paren.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "import a FAQ numbered 1)"; }
expect_eq "numbered 1): every question an entry" "$(grep '^## ' "$TMP/paren.md")" "## When are you open? {#faq-1}
## Where can I park? {#faq-2}
## How do I cancel a booking? {#faq-3}"
# a "1)" list inside an answer of a FAQ numbered "1." stays in the answer
printf '1. How do I sign up?\nFollow these steps:\n1) Open the app\n2) Click Register\n\n2. How do I log in?\nType your e-mail.\n' > "$TMP/steps.txt"
"$FAQBOT" import "$TMP/steps.txt" > "$TMP/steps.md" 2>/dev/null || fail "import steps.txt"
expect_eq "numbered 1.: a 1) list stays in its answer" "$(grep -c '^## ' "$TMP/steps.md")" "2"
expect_match "numbered 1.: the list's lines kept" "$(cat "$TMP/steps.md")" '^2\) Click Register$'

# a web page in the charset it declares
printf '<!DOCTYPE html>\n<html><head><meta charset="windows-1252"><title>FAQ</title></head><body>\n<h3>Wann \366ffnet das B\374ro?</h3>\n<p>Um 9 Uhr \226 montags bis freitags.</p>\n<h3>Kann ich bar zahlen?</h3>\n<p>Ja.</p>\n</body></html>\n' > "$TMP/cp1252.html"
"$FAQBOT" import "$TMP/cp1252.html" > "$TMP/cp.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "import a Windows-1252 page"; }
expect_match "Windows-1252 page: its question in UTF-8" "$(cat "$TMP/cp.md")" '^## Wann öffnet das Büro\? \{#faq-1\}$'
expect_match "Windows-1252 page: its dash in UTF-8" "$(cat "$TMP/cp.md")" '^Um 9 Uhr – montags bis freitags\.$'
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><dl><dt>Wie sp\344t ist es?</dt><dd>Sehr sp\344t.</dd></dl></body></html>\n' |
    "$FAQBOT" import - > "$TMP/l1.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "import an ISO-8859-1 page from standard input"; }
expect_match "ISO-8859-1 page (http-equiv): read" "$(cat "$TMP/l1.md")" '^## Wie spät ist es\? \{#faq-1\}$'
mkdir -p "$TMP/cp/de"
cp "$TMP/cp.md" "$TMP/cp/de/cp.md"
"$FAQBOT" index --corpus "$TMP/cp" --out "$TMP/cp.idx" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; fail "index the page"; }
printf '<html><head><meta charset="utf-8"></head><body><dl><dt>Wie sp\344t?</dt><dd>Sp\344t.</dd></dl></body></html>\n' > "$TMP/liar.html"
"$FAQBOT" import "$TMP/liar.html" > "$TMP/out" 2>"$TMP/err"
expect_eq "a page that says UTF-8 and is not: bad data" "$?" "2"
expect_match "a page that says UTF-8 and is not: the remedy" "$(cat "$TMP/err")" 'iconv -f WINDOWS-1252 -t UTF-8'
# a page whose declared charset libxml2 does not know ("utf-9"): the bytes it
# passed through are no UTF-8, so the page is refused (found by fuzz_import)
echo 'PCFET0NUWVBFIGh0bWw+ZzxodG1sIGxhbmc9ImVuIj4KPGhlYWQ+PG1ldGEgY2hhcnNldD0idXRmLTkiPjx0aXRsZT5IZWxwIOKAlCBSaXZlcnNpZGUgVD48L25hdj48L2hlYWRlcj4KPG1haW4+CjxoMT5GcmVxdWVJIGtlZXAgYSBkcmlsbD88L2gzPgo8ZGl2IGNsYXNzPSJwYW5lbCI+PHA+T25lIHdlZSb/////W////////////////////////////2s7IHJlbmV3IGl0IDxhJ2hyZWY9Imh0dHBzOi8vZXhhbXAvcmVkdD0idXRmbmV3Ij5vbmxpbmU8L2E+IGlmIG5vYm9keWAgd2FpdHMgZm9yIGl0LjwvcD48L2Rpdj4KPC9kaXY+CjwgYSBkZXBvc2l0PzwvaDM+CjxwPlllczogMjAgZXVyb3MgZm9yIHBvd2VyIHRvb2xzLCByZXR1cm5lZCN3aXRoIHRoZSB0b29sLjwvcD4KPGgzPk9wZW5pbmcgaG91cnM8L2gzPjwvcD50cHM6Ly9leGFtcGxlLm9yZy9yZW5ldy9sQWN0Ij5Ib3cgZG8gSSByZWw+CjwvbWFlbnQ=' | base64 -d > "$TMP/utf9.html"
"$FAQBOT" import "$TMP/utf9.html" > "$TMP/out" 2>"$TMP/err"
expect_eq "an unknown charset, bytes not UTF-8: bad data" "$?" "2"
expect_match "an unknown charset: said so" "$(cat "$TMP/err")" 'declares the charset "utf-9", which libxml2 and iconv do not know'
