# export_dropped_notes.sh: a FAQ's title, its parts' titles ("# Fees") and
# text outside any entry have no column in export's CSV; an export imported
# again came back without them, and export said nothing of it. Each is now
# a note at its file and line (the title with the --title that writes it
# back, quoted for a shell); a file of entries only, another language's and
# small talk are not told; the CSV is as before; a file in UTF-16 is told
# alike.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en" "$TMP/c/fr"
printf '# City Library FAQ\n\nQuestions we are asked at the desk.\n\n# Borrowing\n\n## How do I renew a book? {#renew}\n\nOnline.\n\n```\n# not a part\n```\n\n# Fees\n\nWhat things cost.\n\n## What does a lost card cost? {#card-fee}\n\nFive euros.\n' > "$TMP/c/en/faq.md"
printf '## Where is the desk? {#desk}\n\nOn the ground floor.\n' > "$TMP/c/en/visit.md"
printf '# Bibliothèque\n\nTexte.\n\n## Comment prolonger un prêt ? {#renew}\n\nEn ligne.\n' > "$TMP/c/fr/faq.md"
printf '# Small talk\n\n## Hello {#hello}\n\nHi!\n' > "$TMP/c/en/smalltalk.md"
"$FAQBOT" export --corpus "$TMP/c" --lang en > "$TMP/faq.csv" 2>"$TMP/err"
expect_eq "export: exit 0" "$?" "0"
err=$(cat "$TMP/err")
expect_match "the title, and how to give it back" "$err" \
    'c/en/faq\.md:1: note: the title "City Library FAQ" is not in the CSV \(import --title '"'City Library FAQ'"' writes it back\)'
expect_match "the text before the first question" "$err" \
    'c/en/faq\.md:3: note: the text outside any entry "Questions we are asked at the desk\." is not in the CSV'
expect_match "a part's title" "$err" 'c/en/faq\.md:5: note: the part title "Borrowing" is not in the CSV'
expect_match "the second part's" "$err" 'c/en/faq\.md:15: note: the part title "Fees"'
expect_match "the text under it" "$err" 'c/en/faq\.md:17: note: the text outside any entry "What things cost\."'
expect_eq "an answer's code, a file of entries only, French and small talk: not told" \
    "$(grep -c -E 'faq\.md:12|visit\.md|fr/|smalltalk' "$TMP/err")" "0"
expect_eq "notes: five" "$(grep -c ': note: ' "$TMP/err")" "5"
expect_eq "the CSV: its rows as before" "$(python3 -c 'import csv,sys; print([r["QnaId"] for r in csv.DictReader(open(sys.argv[1]))])' "$TMP/faq.csv")" \
    "['renew', 'card-fee', 'desk']"
# imported again with the title it was told
"$FAQBOT" import --file faq.md --title "City Library FAQ" "$TMP/faq.csv" > "$TMP/back.md" 2>/dev/null || fail "import"
expect_eq "imported with --title: the title back" "$(head -1 "$TMP/back.md")" "# City Library FAQ"

# a title with what a shell reads in double quotes (", $, `, \) and a
# quote: the command told was written with the title in double quotes as it
# is, which a shell read as other words, a variable, a command; now one
# word in single quotes, which run as told gives the title back
mkdir -p "$TMP/q/en"
title='The "Best" FAQ: $HOME, `id`, it'"'"'s a \n'
printf '# %s\n\n## How do I renew a book? {#renew}\n\nOnline.\n' "$title" > "$TMP/q/en/faq.md"
"$FAQBOT" export --corpus "$TMP/q" > "$TMP/q.csv" 2>"$TMP/err" || fail "export of a quoted title"
cmd=$(sed -n 's/.*(\(import --title .*\) writes it back)$/\1/p' "$TMP/err")
expect_match "the command told" "$cmd" "^import --title '"
eval "set -- $cmd"
expect_eq "run as told: one argument after --title" "$#" "3"
"$FAQBOT" "$@" --file faq.md "$TMP/q.csv" > "$TMP/q.md" 2>/dev/null || fail "import as told"
expect_eq "run as told: the title back as it was" "$(head -1 "$TMP/q.md")" "# $title"
# a file in UTF-16 (which the corpus reads as its UTF-8) is read again as
# such for the notes: they were told of its raw bytes ("\377\376#...")
iconv -f UTF-8 -t UTF-16 "$TMP/c/en/faq.md" > "$TMP/u16.md" && mv "$TMP/u16.md" "$TMP/c/en/faq.md"
"$FAQBOT" export --corpus "$TMP/c" --lang en > "$TMP/u16.csv" 2>"$TMP/err" || fail "export of a UTF-16 file"
expect_eq "UTF-16: the same CSV" "$(cmp "$TMP/faq.csv" "$TMP/u16.csv" && echo same)" "same"
expect_match "UTF-16: its title told" "$(cat "$TMP/err")" 'c/en/faq\.md:1: note: the title "City Library FAQ" is not in the CSV'
expect_eq "UTF-16: its five notes" "$(grep -c ': note: ' "$TMP/err")" "5"
