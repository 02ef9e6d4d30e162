# import_out.sh: `faqbot import --out FILE.md` writes the document whole or
# not at all. The way to import into a corpus file was a redirection, which
# empties the file before import reads its input: a CSV with a stray quote
# left corpus/en/faq.md empty, and the next `faqbot index` dropped its
# entries with a warning only.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
printf 'Question,Answer\nHow do I print?,At the library.\n' >"$TMP/good.csv"
printf 'Question,Answer\nHow do I print?,"At the library.\nWhere is eduroam?,Everywhere.\n' >"$TMP/bad.csv"
"$FAQBOT" import --out "$TMP/c/en/faq.md" "$TMP/good.csv" 2>"$TMP/err" || { cat "$TMP/err"; fail "import --out"; }
expect_match "written" "$(cat "$TMP/c/en/faq.md")" '^## How do I print\? \{#faq-1\}$'
cp "$TMP/c/en/faq.md" "$TMP/before.md"
"$FAQBOT" import --out "$TMP/c/en/faq.md" "$TMP/bad.csv" >"$TMP/out" 2>"$TMP/err"
expect_eq "a failed import: bad data" "$?" 2
expect_match "told at its line" "$(cat "$TMP/err")" 'bad\.csv \(csv\): line 2: a quoted field is never closed'
cmp -s "$TMP/before.md" "$TMP/c/en/faq.md" || fail "a failed import changed the file"
ok "a failed import leaves the file as it was"
expect_eq "no temporary file left" "$(ls "$TMP/c/en")" "faq.md"
expect_eq "nothing on stdout" "$(wc -c <"$TMP/out")" 0
"$FAQBOT" import --out "$TMP/no/where/faq.md" "$TMP/good.csv" 2>"$TMP/err"
expect_eq "a folder two levels not there (a mistyped path): bad data" "$?" 2
expect_match "told by the name given" "$(cat "$TMP/err")" "no/where/faq\\.md: No such file or directory"
# A second language's page imported into the corpus, as the README's steps
# go: myfaq/it made by init, myfaq/en not yet there. It was "No such file
# or directory", where --out-dir makes the language's folder itself.
"$FAQBOT" import --out "$TMP/c/it/faq.md" "$TMP/good.csv" 2>"$TMP/err" || { cat "$TMP/err"; fail "import --out into a new language folder"; }
expect_match "the language's folder made, the file written" "$(cat "$TMP/c/it/faq.md")" '^## How do I print\? \{#faq-1\}$'
"$FAQBOT" import --out "$TMP/c/fr/faq.md" "$TMP/bad.csv" 2>/dev/null
expect_eq "a failed import into a new folder: bad data" "$?" 2
[ ! -e "$TMP/c/fr" ] || fail "a failed import left the folder it made"
ok "a failed import leaves no folder behind"
rm -r "$TMP/c/it"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>&1 || fail "index"
expect_eq "the entry still answers" "$(answer_id 'where can I print')" "faq-1"
