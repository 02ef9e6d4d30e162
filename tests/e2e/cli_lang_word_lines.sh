# cli_lang_word_lines.sh: an editor's slip in a corpus's stopwords.txt or
# synonyms.txt is told at its file and line, by index (exit 2, no index
# written) and lint: stop words written on one line ("the, a, an": only
# "the," was read, a word no question spells), a setting misspelt
# ("!situatoin", "!digraph": read as nothing), a synonym group with its
# commas forgotten ("cost tariff": a group of one, which does nothing, so "tariff" was declined),
# or a group of one ended by a comma ("fee,").
# Before, each was taken silently and the editor's words did nothing.
# Comments, "?word" lines, the settings and sound groups are no slip.
. "$ROOT/tests/e2e/lib.sh.inc"
C="$TMP/c"
mkdir -p "$C/en"
printf '## Can I bring a friend? {#friend}\n\nYes, for free.\n\n## How much does it cost? {#price}\n\nTen euros a month.\n\n## Where are you? {#where}\n\nIn the old town.\n' > "$C/en/faq.md"
index_faq "$C"
printf '# our own stop words\nthe\n?how  # a question word\n!situation son wife\n!time tomorrow\nof, to, in\n!situatoin husband\n!digraph ae:ä\n' > "$C/en/stopwords.txt"
printf '# our terms\nplace, location\ncost tariff\nfee, \nprice, cost,\n' > "$C/en/synonyms.txt"
where() { sed -n 's|^[^ ]*/\(en/[^/: ]*:[0-9]*\): .*|\1|p' "$1" | tr '\n' ' '; }
expect_all_told "$C" "en/stopwords.txt:6 en/stopwords.txt:7 en/stopwords.txt:8 en/synonyms.txt:3 en/synonyms.txt:4 "
err=$(cat "$TMP/err")
expect_match "stop words on one line" "$err" 'en/stopwords\.txt:6: "of, to, in": one stop word a line'
expect_match "a setting misspelt" "$err" 'en/stopwords\.txt:7: "!situatoin husband": not a setting \(!digraphs, .*!situation'
expect_match "a setting's name cut short" "$err" 'en/stopwords\.txt:8: "!digraph ae:ä": not a setting'
expect_match "a group without commas" "$err" 'en/synonyms\.txt:3: "cost tariff": a synonym group of one member: separate its members with commas'
expect_match "a group of one and a comma" "$err" 'en/synonyms\.txt:4: "fee,": a synonym group of one member'
expect_match "the count" "$err" '5 errors in the corpus'

# mended: indexed clean, and the mended group works
printf 'the\n?how\n!situation son wife husband\n!time tomorrow\nof\nto\nin\n' > "$C/en/stopwords.txt"
printf 'place, location\ncost, tariff\n' > "$C/en/synonyms.txt"
"$FAQBOT" index --corpus "$C" --out "$TMP/faq.idx" >"$TMP/out" 2>"$TMP/err"
expect_eq "mended: indexed" "$?" "0"
expect_eq "mended: nothing told" "$(cat "$TMP/err")" ""
expect_eq "mended: the group's word answers" "$(answer_id 'what is the tariff')" "price"
