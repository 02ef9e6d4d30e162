# part_titles.sh: faqbot import keeps a FAQ's parts ("# Cards" over its
# questions): a source's sections are written as part titles (a Markdown or
# HTML heading above the questions' level, a numbered chapter, its title
# from the table of contents where the text names it in words of its
# language), and a document in parts imported again gives the same bytes,
# its title the first of its level-1 headings when no question stands under
# it. Before, import wrote one title only: a numbered FAQ's chapters, a
# page's sections, were lost.
. "$ROOT/tests/e2e/lib.sh.inc"
printf '# Bank FAQ\n\n# Cards\n\n## How do I block it?\n\nCall us.\n\n# Online banking\n\n## How do I log in?\n\nWith your number.\n' > "$TMP/bank.md"
out=$("$FAQBOT" import "$TMP/bank.md" 2>/dev/null) || fail "import Markdown"
expect_eq "Markdown: the title, then each part before its questions" "$(printf '%s\n' "$out" | grep '^# ' | tr '\n' '|')" \
    "# Bank FAQ|# Cards|# Online banking|"
printf '%s\n' "$out" > "$TMP/bank2.md"
"$FAQBOT" import "$TMP/bank2.md" 2>/dev/null > "$TMP/bank3.md" || fail "import again"
cmp -s "$TMP/bank2.md" "$TMP/bank3.md" || { diff "$TMP/bank2.md" "$TMP/bank3.md"; fail "Markdown in parts: imported again, not the same bytes"; }
ok "Markdown in parts: imported again, the same bytes"
printf '<html><body><h1>Bank FAQ</h1><h2>Cards</h2><h3>How do I block it?</h3><p>Call us.</p><h2>Online banking</h2><h3>How do I log in?</h3><p>With your number.</p></body></html>' > "$TMP/bank.html"
expect_eq "HTML: the <h2> parts over <h3> questions" "$("$FAQBOT" import "$TMP/bank.html" 2>/dev/null | grep '^# ' | tr '\n' '|')" \
    "# Bank FAQ|# Cards|# Online banking|"
printf 'Contents\n\n1. Cards\n2. Online banking\n\nChapter 1. Cards\n\n1.1. How do I block it?\n\n   Call us.\n\nChapter 2. Online banking\n\n2.1. How do I log in?\n\n   With your number.\n' > "$TMP/bank.txt"
expect_eq "numbered: the chapters' titles, from the contents" \
    "$("$FAQBOT" import --format numbered --title Bank "$TMP/bank.txt" 2>/dev/null | grep '^# ' | tr '\n' '|')" \
    "# Bank|# Cards|# Online banking|"

