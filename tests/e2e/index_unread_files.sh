# index_unread_files.sh: a file in a language folder that looks meant as a
# document but is not read (a Markdown name in capitals or spelt
# ".markdown", a QnA Maker CSV or a saved page dropped in as it is) is told
# at its name with the remedy, on index and lint; other files (notes, an
# editor's backup) stay unread and unsaid; the index is still written.
# So are a document in the corpus folder itself, outside any language's
# folder, and a folder in a language folder (were left out in silence); the
# corpus's README is no document.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
printf '# T\n\n## When are you open? {#hours}\n\nNine to five.\n' > "$TMP/c/en/faq.md"
printf '# T\n\n## Can I pay by card? {#card}\n\nYes.\n' > "$TMP/c/en/PAYING.MD"
printf '# T\n\n## Is there parking? {#parking}\n\nYes.\n' > "$TMP/c/en/parking.markdown"
printf 'Question,Answer\nDo you sell gift cards?,Yes.\n' > "$TMP/c/en/kb.csv"
printf 'notes\n' > "$TMP/c/en/notes.rst"
cp "$TMP/c/en/faq.md" "$TMP/c/en/faq.md~"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err"
expect_eq "index: still written" "$?" "0"
err=$(cat "$TMP/err")
expect_match "a Markdown name in capitals: told" "$err" 'en/PAYING\.MD:1: warning: not read: .*"\.md"'
expect_match "a .markdown name: told" "$err" 'en/parking\.markdown:1: warning: not read'
expect_match "a CSV: told, with faqbot import" "$err" 'en/kb\.csv:1: warning: not read: .*faqbot import'
expect_eq "notes and a backup: unsaid" "$(grep -c -E 'notes\.rst|faq\.md~' "$TMP/err")" "0"
"$FAQBOT" lint --corpus "$TMP/c" > "$TMP/lint" 2>&1
expect_eq "lint: findings" "$?" "1"
expect_match "lint: the CSV named" "$(cat "$TMP/lint")" 'kb\.csv:1: .*not read'

mkdir -p "$TMP/c/en/old"
printf '# T\n\n## Do you deliver? {#delivery}\n\nYes.\n' > "$TMP/c/more.md"
cp "$TMP/c/more.md" "$TMP/c/en/old/more.md"
printf '# About this FAQ\n' > "$TMP/c/README.md"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err"
expect_eq "outside a language folder: index still written" "$?" "0"
err=$(cat "$TMP/err")
expect_match "a document outside a language folder: told, with where it belongs" "$err" \
    "c/more\\.md: warning: not read: .*move it into $TMP/c/<code>/"
expect_match "a folder in a language folder: told" "$err" \
    "c/en/old/: warning: not read: a folder in a language folder; .*in $TMP/c/en/ itself"
expect_eq "the corpus's README: unsaid" "$(grep -c 'README' "$TMP/err")" "0"
"$FAQBOT" lint --corpus "$TMP/c" > "$TMP/lint" 2>&1
expect_match "lint: the stray document named" "$(cat "$TMP/lint")" 'c/more\.md: not read'
# in JSON, a file not read is a warning (the index is written), as faqbot
# index says; a corpus error stays an error
"$FAQBOT" lint --corpus "$TMP/c" --format json > "$TMP/lint.json" 2>&1
expect_eq "lint --format json: a file not read is a warning" \
    "$(json findings < "$TMP/lint.json" | python3 -c 'import json,sys; print(sorted({f["severity"] for f in json.load(sys.stdin) if "not read" in f["message"]}))')" \
    "['warning']"
printf '# T\n\n## Broken {#\n\nYes.\n' > "$TMP/c/en/broken.md"
"$FAQBOT" lint --corpus "$TMP/c" --format json > "$TMP/lint.json" 2>&1
expect_eq "lint --format json: a malformed heading is an error" \
    "$(json findings < "$TMP/lint.json" | python3 -c 'import json,sys; print([f["severity"] for f in json.load(sys.stdin) if "unclosed id" in f["message"]])')" \
    "['error']"
