# lint_wordless_question.sh: a question the bot cannot search by (a heading
# of emoji only, "## 🚲🚲") finds no entry when asked; lint told nothing
# of it (its check of an entry's own question looked only at what came
# first), and the entry could be reached by its answer's words alone. It is
# now an "unreachable" finding at its file and line, in text and JSON; a
# question that finds its entry is not told.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
printf '# Café\n\n## 🚲🚲 {#bike}\n\nBikes are welcome inside.\n\n## When are you open? {#hours}\n\nNine to five.\n\n## Can I pay by card? {#card}\n\nYes, any card.\n' > "$TMP/c/en/faq.md"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>&1 || fail "index"
expect_eq "asked as written: declined" "$(answer_id '🚲🚲')" "null"
"$FAQBOT" lint --corpus "$TMP/c" >"$TMP/out" 2>&1
expect_eq "lint: a finding" "$?" "1"
out=$(cat "$TMP/out")
expect_match "lint: at its file and line" "$out" 'c/en/faq\.md:3: unreachable: its own question "🚲🚲" finds no entry'
expect_eq "lint: the others not told" "$(grep -c -E 'faq\.md:(7|11):' "$TMP/out")" "0"
"$FAQBOT" lint --index "$TMP/faq.idx" --format json >"$TMP/json" 2>/dev/null
expect_eq "lint --format json: its kind" "$(python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["findings"]; print([(x["kind"], x["line"]) for x in f])' "$TMP/json")" "[('unreachable', 3)]"
