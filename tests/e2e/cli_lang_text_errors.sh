# cli_lang_text_errors.sh: a language folder's own texts (messages.txt,
# stopwords.txt, synonyms.txt) are read before its documents, yet an error in
# one is told in its turn, with file and line, among the corpus's other
# errors: index tells them all, exits 2 and leaves the index as it was; lint
# lists the same ones.
. "$ROOT/tests/e2e/lib.sh.inc"
C="$TMP/c"
mkdir -p "$C/de" "$C/en" "$C/es" "$C/fr"
printf '## Was ist das? {#was}\n\nEine Sache.\n' > "$C/de/faq.md"
printf '## What is it? {#what}\n\nA thing.\n' > "$C/en/faq.md"
printf '## ¿Qué es? {#que}\n\nUna cosa.\n' > "$C/es/faq.md"
printf '## Qu’est-ce que c’est ? {#quoi}\n\nUne chose.\n' > "$C/fr/faq.md"
"$FAQBOT" index --corpus "$C" --out "$TMP/faq.idx" >"$TMP/out" 2>"$TMP/err"
expect_eq "a sound corpus: indexed" "$?" "0"

# en: three bad lines of messages.txt (the third a placeholder its key is
# not given, which would be shown as it is), then a duplicate id in a later document
printf 'decline = Sorry.\n\npage_welcom = Hi\n# a comment\nno equals sign here\nrepl_reloaded = {entries} entries.\n' > "$C/en/messages.txt"
printf '## What else? {#what}\n\nMore.\n' > "$C/en/zz.md"
# es: a bad stop words line, a bad synonyms line, a duplicate id
printf 'de\nla \377\n' > "$C/es/stopwords.txt"
printf 'a, b\nc, \377\n' > "$C/es/synonyms.txt"
printf '## ¿Qué es? {#que}\n\nUna cosa.\n\n## ¿Otra? {#que}\n\nOtra.\n' > "$C/es/faq.md"
# fr, the last folder: a document that is not UTF-8, and a malformed heading
printf '## Quoi ?\n\nUne \377 chose.\n' > "$C/fr/b.md"
printf '##Quand ?\n\nMaintenant.\n' > "$C/fr/c.md"

# in file order, a folder's texts in their turn among its documents (a
# duplicate id is told among its document's problems, at its line)
where() { sed -n 's|^[^ ]*/\([a-z][a-z]/[^/: ]*:[0-9]*\): .*|\1|p' "$1" | tr '\n' ' '; }
expect_all_told "$C" "en/messages.txt:3 en/messages.txt:5 en/messages.txt:6 en/zz.md:1 es/faq.md:5 es/stopwords.txt:2 es/synonyms.txt:2 fr/b.md:3 fr/c.md:1 "
err=$(cat "$TMP/err")
expect_match "messages.txt: the misspelt key" "$err" 'en/messages\.txt:3: unknown message key "page_welcom"'
expect_match "messages.txt: the line without =" "$err" 'en/messages\.txt:5: expected "key = value"'
expect_match "messages.txt: a placeholder not given" "$err" 'en/messages\.txt:6: \{entries\} is no placeholder of repl_reloaded \(its placeholders: n smalltalk'
expect_match "the duplicate id after it, same folder" "$err" 'en/zz\.md:1: duplicate id "what" \(first at .*en/faq\.md:1\)'
expect_match "stopwords.txt, another folder" "$err" 'es/stopwords\.txt:2: invalid UTF-8'
expect_match "synonyms.txt" "$err" 'es/synonyms\.txt:2: invalid UTF-8'
expect_match "the duplicate id of that folder" "$err" 'es/faq\.md:5: duplicate id "que"'
expect_match "a document not UTF-8, a later folder" "$err" 'fr/b\.md:3: invalid UTF-8'
expect_match "the malformed heading after it" "$err" 'fr/c\.md:1: malformed heading'
expect_match "the count" "$err" '9 errors in the corpus'

# mended, the corpus indexes again
printf 'decline = Sorry.\n' > "$C/en/messages.txt"
rm "$C/en/zz.md" "$C/es/stopwords.txt" "$C/es/synonyms.txt" "$C/fr/b.md" "$C/fr/c.md"
printf '## ¿Qué es? {#que}\n\nUna cosa.\n' > "$C/es/faq.md"
"$FAQBOT" index --corpus "$C" --out "$TMP/faq.idx" >"$TMP/out" 2>"$TMP/err"
expect_eq "mended: indexed" "$?" "0"
expect_eq "mended: no problem told" "$(cat "$TMP/err")" ""

# a key set twice: the first is the one used, so the line added below it to
# change the text would never show; told with both lines
printf 'decline = Sorry.\npage_welcome = Hello.\n\n# the new welcome\npage_welcome = Welcome to the library.\n' > "$C/en/messages.txt"
"$FAQBOT" index --corpus "$C" --out "$TMP/faq.idx" >"$TMP/out" 2>"$TMP/err"
expect_eq "a key set twice: refused" "$?" "2"
expect_match "a key set twice: where" "$(cat "$TMP/err")" 'en/messages\.txt:5: page_welcome is set twice, on line 2 too'
"$FAQBOT" lint --corpus "$C" >"$TMP/out" 2>&1
expect_eq "a key set twice: lint" "$?" "1"
expect_match "a key set twice: lint tells it" "$(cat "$TMP/out")" 'en/messages\.txt:5: page_welcome is set twice'
