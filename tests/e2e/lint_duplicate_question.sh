# lint_duplicate_question.sh: an alternate question of one entry written
# again as another entry's question (or alternate) was told as the other
# "unreachable: ... retrieves X first", with no word of the duplicate nor
# where it is. It is now a "duplicate-question" finding at the later
# place's file and line, naming the entry that first asks it with its file
# and line, across the files of a language, letter case and signs aside;
# the same question in two languages, or one entry's alternate repeating
# its own question, is not told.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en" "$TMP/c/fr"
printf '# Library\n\n## When are you open?\n? when are you open\n\nFrom 9 to 5.\n\n## How do I renew a book?\n\nOnline at the catalogue.\n\n## Where do I return books?\n? Can I renew my card?\n? How do I renew a book?\n\nAt the desk.\n' > "$TMP/c/en/faq.md"
printf '# Cards\n\n## How do I get a card? {#card}\n? can I renew my card\n\nAt the desk, with an ID.\n' > "$TMP/c/en/cards.md"
printf '# Bibliothèque\n\n## How do I renew a book? {#faq-2}\n\nEn ligne.\n' > "$TMP/c/fr/faq.md"
"$FAQBOT" lint --corpus "$TMP/c" >"$TMP/out" 2>&1
expect_eq "lint: findings" "$?" "1"
out=$(cat "$TMP/out")
expect_match "an alternate that is another's question: both places" "$out" \
    'c/en/faq\.md:14: duplicate question "How do I renew a book\?": an alternate of faq-3 here is the question of faq-2 \([^ ]*c/en/faq\.md:8\)'
expect_match "across files, case and signs aside: both alternates" "$out" \
    'c/en/faq\.md:13: duplicate question "Can I renew my card\?": an alternate of faq-3 here is an alternate of card \([^ ]*c/en/cards\.md:4\)'
expect_match "the unreachable entry: where the one it finds is" "$out" \
    'c/en/faq\.md:8: unreachable: its own question "How do I renew a book\?" retrieves faq-3 \([^ ]*c/en/faq\.md:12\) first'
expect_eq "its own question again, another language's: not told" \
    "$(grep -c -E 'faq\.md:4:|fr/faq\.md' "$TMP/out")" "0"
"$FAQBOT" lint --corpus "$TMP/c" --format json >"$TMP/json" 2>/dev/null
expect_eq "lint --format json: its kind and line" \
    "$(python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["findings"]; print(sorted((x["kind"], x["line"]) for x in f if x["kind"] == "duplicate-question"))' "$TMP/json")" \
    "[('duplicate-question', 13), ('duplicate-question', 14)]"

# an entry's question written again as another's: one finding of it, not
# the reading's "asked twice" beside it, nor a near-duplicate pair "within
# 0%" (the unreachable finding still says which of the two a visitor gets)
mkdir -p "$TMP/d/it"
printf '# Biblioteca\n\n## Come mi iscrivo?\n\nCon un documento.\n\n## Quanti libri posso prendere?\n\nCinque.\n\n## come mi ISCRIVO?\n\nAl banco.\n' > "$TMP/d/it/faq.md"
"$FAQBOT" lint --corpus "$TMP/d" >"$TMP/out" 2>&1
expect_eq "a question asked twice: lint exits 1" "$?" "1"
expect_match "a question asked twice: told at the second, the first named" "$(cat "$TMP/out")" \
    'd/it/faq\.md:11: duplicate question "come mi ISCRIVO\?": the question of faq-3 here is the question of faq-1 \([^ ]*d/it/faq\.md:3\)'
expect_eq "a question asked twice: not told again as asked twice" "$(grep -c 'asked twice' "$TMP/out")" "0"
expect_eq "a question asked twice: no near-duplicate of the pair" "$(grep -c 'near-duplicate' "$TMP/out")" "0"
expect_match "a question asked twice: two findings" "$(cat "$TMP/out")" 'lint: 2 findings'
# faqbot index, which has no duplicate-question finding, still warns of it
"$FAQBOT" index --corpus "$TMP/d" --out "$TMP/d.idx" >/dev/null 2>"$TMP/err"
expect_match "a question asked twice: index warns" "$(cat "$TMP/err")" 'd/it/faq\.md:11: warning: the question "come mi ISCRIVO\?" is asked twice'
