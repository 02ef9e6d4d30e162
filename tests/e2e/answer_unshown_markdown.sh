# answer_unshown_markdown.sh: what of an answer the chat page cannot show as
# the editor wrote it is told at its file and line, on index (a warning:
# the index is written) and lint (a finding): an HTML block, which the
# page's safe Markdown drops whole, its text with it, and a Markdown table,
# which CommonMark shows as its text, pipes and all. Inline HTML (its tags
# dropped, its text kept), a comment (meant unseen), a table or HTML inside
# a code block, and rows of a list that hold a pipe are not told. The
# page's answer_html shows why.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap stop_server EXIT
mkdir -p "$TMP/c/en"
cat > "$TMP/c/en/faq.md" <<'MD'
# Café

## Do you sell food? {#food}

We sell:

| item | price |
|------|------:|
| tea  | 2 EUR |

<div class="menu">
Hot soup every Friday
</div>

## When are you open? {#hours}

From <b>nine</b> to five; see the table:

    | day | hours |
    |-----|-------|
    <div>code</div>

## Can I pay by card? {#card}
<!-- meta: topic=paying -->

<!-- a note for the editors -->

- cards | cash
- vouchers

## Is there wifi? {#wifi}

Yes.

<p>Ask at the bar for the code</p>
MD
printf 'Can I book a table?\nYes, by phone.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n' > "$TMP/c/en/more.txt"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err"
expect_eq "index: written all the same" "$?" "0"
err=$(cat "$TMP/err")
expect_match "the table: at its header row" "$err" "c/en/faq\.md:7: warning: a table \(\"\| item \| price \|\"\) is shown as its text"
expect_match "the HTML block: at its line" "$err" 'c/en/faq\.md:11: warning: raw HTML \("<div class="menu">"\) is left out of the chat page, its text with it'
expect_match "a plain-text FAQ's table" "$err" 'c/en/more\.txt:4: warning: a table'
# a later entry's line counted on from the one told before it
wifi=$(grep -n '^<p>Ask at the bar' "$TMP/c/en/faq.md" | cut -d: -f1)
expect_match "a later entry's HTML block: at its line" "$err" "c/en/faq\.md:$wifi: warning: raw HTML \(\"<p>Ask at the bar"
expect_eq "inline HTML, code, comments, a list's pipe: not told" "$(grep -c -E 'faq\.md:(1[5-9]|2[0-9]):' "$TMP/err")" "0"
expect_eq "four told" "$(grep -c 'warning:' "$TMP/err")" "4"
"$FAQBOT" lint --corpus "$TMP/c" >"$TMP/lint" 2>&1
expect_eq "lint: findings" "$?" "1"
expect_eq "lint: the four" "$(grep -c -E 'raw HTML|a table' "$TMP/lint")" "4"
# what the page is given: the block's text gone, the table's pipes shown
start_server "$TMP/faq.idx"
html=$(curl -s "${URL}api/ask?q=do+you+sell+food" | json answer_html)
expect_match "the page: the table as text" "$html" '\| item \| price \|'
expect_eq "the page: the block's text gone" "$(printf '%s' "$html" | grep -c 'Hot soup')" "0"
