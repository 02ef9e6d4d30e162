# export_import_files.sh: a language written over several files (faq.md,
# parking.md) exported, edited in a spreadsheet and imported again: export
# names each entry's file in the Source column; import --file NAME writes
# that file's rows alone, so each file comes back as it was (with its
# --title), less the edits, and the corpus indexes again. Imported whole,
# the rows of all files are one document, which beside the other files
# would hold every id twice: import says so. An entry with a source of its
# own (its file not named) is told left out of --file; a file no row names
# is refused with the files there are.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
cat > "$TMP/c/en/faq.md" <<'MD'
# Opening hours

## What are your opening hours? {#hours}
? When are you open?

We are open Monday to Friday, 9:00 to 18:00.

## Are you open on Sundays? {#sunday}

No, *never* on Sundays.
MD
cat > "$TMP/c/en/parking.md" <<'MD'
# Parking

## Where can I park? {#park}
? Is there parking?

Behind the building, in the [car park](https://example.org/park).
MD
"$FAQBOT" export --corpus "$TMP/c" > "$TMP/faq.csv" 2> /dev/null || fail "export"
# edited in a spreadsheet: an answer changed
sed -i 's/No, \*never\* on Sundays\./No, but on Saturdays./' "$TMP/faq.csv"

"$FAQBOT" import "$TMP/faq.csv" > "$TMP/all.md" 2> "$TMP/err"
expect_eq "import whole: done" "$?" "0"
expect_match "import whole: says the rows are of two files" "$(cat "$TMP/err")" 'note: the rows are of 2 corpus files \(faq\.md, parking\.md\), written here as one document; --file NAME'

mkdir -p "$TMP/d/en"
"$FAQBOT" import --file faq.md --title "Opening hours" "$TMP/faq.csv" > "$TMP/d/en/faq.md" 2> "$TMP/err"
expect_eq "import --file faq.md: done" "$?" "0"
expect_eq "import --file: no note" "$(grep -c note "$TMP/err")" "0"
"$FAQBOT" import --file parking.md --title Parking "$TMP/faq.csv" > "$TMP/d/en/parking.md" 2> /dev/null
expect_eq "import --file parking.md: done" "$?" "0"
sed -i 's/No, \*never\* on Sundays\./No, but on Saturdays./' "$TMP/c/en/faq.md"
expect_eq "faq.md as it was, less the edit" "$(diff "$TMP/c/en/faq.md" "$TMP/d/en/faq.md" && echo same)" "same"
expect_eq "parking.md as it was" "$(diff "$TMP/c/en/parking.md" "$TMP/d/en/parking.md" && echo same)" "same"
"$FAQBOT" index --corpus "$TMP/d" --out "$TMP/faq.idx" > /dev/null 2>&1
expect_eq "the files imported index" "$?" "0"
expect_eq "and answer" "$(answer_id 'is there parking')" "park"

# an entry with a source of its own: its file is not known
printf '\n## Can I bring my bike? {#bikes}\n<!-- source: https://example.org/bikes -->\n\nYes, to the shed.\n' >> "$TMP/c/en/parking.md"
"$FAQBOT" export --corpus "$TMP/c" > "$TMP/faq.csv" 2> /dev/null || fail "export with a source"
"$FAQBOT" import --file parking.md --title Parking "$TMP/faq.csv" > "$TMP/out" 2> "$TMP/err"
expect_eq "a source of its own: done" "$?" "0"
expect_match "a source of its own: told left out" "$(cat "$TMP/err")" 'note: 1 entry with a Source of its own, not a corpus file.s name, left out'
expect_eq "a source of its own: not written" "$(grep -c bikes "$TMP/out")" "0"
# a file no row names
"$FAQBOT" import --file prices.md "$TMP/faq.csv" > "$TMP/out" 2> "$TMP/err"
expect_eq "no such file: refused" "$?" "2"
expect_match "no such file: the files there are" "$(cat "$TMP/err")" 'no rows of "prices\.md" \(--file: a corpus file the Source column names: faq\.md, parking\.md\)'
expect_eq "no such file: nothing written" "$(cat "$TMP/out")" ""
