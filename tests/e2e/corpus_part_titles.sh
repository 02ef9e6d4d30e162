# corpus_part_titles.sh: a FAQ document grouped in parts by level-1 headings
# ("# Membership") ends each answer at the part's title (it used to be the
# last lines of the answer above it, shown in the chat as a title); an
# alternate question written without its blank ("?How else...", right
# under the heading) is an error at its file and line, as "##Q" is (it used
# to open the answer, silently), and text with a warning under --lenient;
# faqbot import escapes answer lines that would now read so.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
cat > "$TMP/c/en/faq.md" <<'MD'
# Club FAQ

# Opening

## When are you open? {#hours}

From 9 to 5.

# Membership

## How do I join? {#join}
? How can I become a member?

Fill in the form.

```
# a comment in code
```

# Payment

## How do I pay? {#pay}

By card.
MD
index_faq "$TMP/c"
a=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "When are you open?" | json answer)
expect_eq "a part's title is no line of the answer above it" "$a" "From 9 to 5."
a=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "How do I join?" | json answer)
expect_match "a '#' line in code stays in the answer" "$a" '# a comment in code'
printf '%s' "$a" | grep -q 'Payment' && fail "the next part's title in the answer"
ok "the next part's title not in the answer"

printf '# FAQ\n\n## How do I pay? {#pay}\n?How else can I pay?\n\nBy card.\n' > "$TMP/c/en/faq.md"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/new.idx" >"$TMP/out" 2>"$TMP/err"
expect_eq "'?' without its blank: bad data" "$?" "2"
expect_match "'?' without its blank: told at file and line" "$(cat "$TMP/err")" \
    "^$TMP/c/en/faq\\.md:4: malformed alternate question \"\\?How else can I pay\\?\": \"\\?\" needs a space after it$"
"$FAQBOT" lint --corpus "$TMP/c" >"$TMP/out" 2>&1
expect_eq "lint: the slip is a finding" "$?" "1"
expect_match "lint: told at its line" "$(cat "$TMP/out")" 'faq\.md:4: malformed alternate question'
"$FAQBOT" index --lenient --corpus "$TMP/c" --out "$TMP/new.idx" >/dev/null 2>"$TMP/err" || fail "--lenient"
expect_match "--lenient: a warning" "$(cat "$TMP/err")" 'faq\.md:4: warning: malformed alternate question'

# faqbot import escapes answer lines that would read as a part's title or
# an alternate question's slip, so what it writes indexes as it was read
printf 'Question,Answer\nWhat do I bring?,"?Nothing special.\n# not a title\nA towel."\n' > "$TMP/esc.csv"
rm -f "$TMP/c/en/faq.md"
"$FAQBOT" import "$TMP/esc.csv" > "$TMP/c/en/esc.md" 2>/dev/null || fail "import esc.csv"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; fail "index the import"; }
a=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "What do I bring?" | json answer)
expect_match "import: the answer whole, its last line kept" "$a" 'A towel\.$'
