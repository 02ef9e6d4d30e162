# import_html_charset.sh: a web page's charset as libxml2 finds it: the one
# its <meta> declares (also after a long head, where a scan of the first
# bytes stops), a UTF-16 byte-order mark; a page that declares none and is
# not UTF-8, or one in a charset libxml2 does not know, refused with the
# remedy.
. "$ROOT/tests/e2e/lib.sh.inc"
body='<body><dl><dt>Wie sp\344t ist es?</dt><dd>Sehr sp\344t \226 fast Mitternacht.</dd></dl></body></html>\n'
# declared windows-1252
printf "<html><head><meta charset=\"windows-1252\"></head>$body" > "$TMP/cp.html"
"$FAQBOT" import "$TMP/cp.html" > "$TMP/cp.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "windows-1252 page"; }
expect_match "declared windows-1252: read" "$(cat "$TMP/cp.md")" '^Sehr spät – fast Mitternacht\.$'
# declared after a head of 5,000 bytes of styles
pad=$(python3 -c 'print("/* " + "x" * 5000 + " */")')
printf "<html><head><style>%s</style><meta charset=\"windows-1252\"></head>$body" "$pad" > "$TMP/late.html"
"$FAQBOT" import "$TMP/late.html" > "$TMP/late.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "a late declaration"; }
expect_match "declared after a long head: read" "$(cat "$TMP/late.md")" '^## Wie spät ist es\? \{#faq-1\}$'
# UTF-16 with its byte-order mark (a Windows editor's "Unicode")
printf '<html><body><dl><dt>Wie sp\303\244t ist es?</dt><dd>Sehr sp\303\244t.</dd></dl></body></html>\n' |
    iconv -f UTF-8 -t UTF-16 > "$TMP/u16.html"
"$FAQBOT" import "$TMP/u16.html" > "$TMP/u16.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "a UTF-16 page"; }
expect_match "UTF-16 with a byte-order mark: read" "$(cat "$TMP/u16.md")" '^## Wie spät ist es\? \{#faq-1\}$'
# no declaration, not UTF-8: refused, the line and the remedy told
printf "<html><head></head>$body" > "$TMP/none.html"
"$FAQBOT" import "$TMP/none.html" > "$TMP/out" 2>"$TMP/err"
expect_eq "no declaration, not UTF-8: bad data" "$?" "2"
expect_match "no declaration: the line and the remedy" "$(cat "$TMP/err")" 'line 1: invalid UTF-8.*iconv -f WINDOWS-1252 -t UTF-8'
# a charset libxml2 does not know, the bytes not UTF-8: refused, named
printf "<html><head><meta charset=\"klingon-8\"></head>$body" > "$TMP/kl.html"
"$FAQBOT" import "$TMP/kl.html" > "$TMP/out" 2>"$TMP/err"
expect_eq "an unknown charset: bad data" "$?" "2"
expect_match "an unknown charset: named" "$(cat "$TMP/err")" '"klingon-8"'
# a page in UTF-8 that declares another charset is read as the UTF-8 it is
printf '<html><head><meta charset="iso-8859-1"></head><body><dl><dt>Wie sp\303\244t?</dt><dd>Sp\303\244t.</dd></dl></body></html>\n' > "$TMP/u8.html"
"$FAQBOT" import "$TMP/u8.html" > "$TMP/u8.md" 2>/dev/null || fail "a UTF-8 page declaring ISO-8859-1"
expect_match "UTF-8 bytes, another charset declared: read as UTF-8" "$(cat "$TMP/u8.md")" '^## Wie spät\? \{#faq-1\}$'
