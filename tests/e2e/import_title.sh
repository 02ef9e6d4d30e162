# import_title.sh: faqbot import titles the corpus file with the FAQ's own
# title (a page's first <h1> out of its menus, else its <title>; a Markdown
# document's one level-1 heading over its questions), not "FAQ": before,
# "# Library FAQ" came back "# FAQ". --title still rules; a title that asks
# is a question, several level-1 headings are parts: "FAQ" then.
. "$ROOT/tests/e2e/lib.sh.inc"
title() { "$FAQBOT" import "$@" 2>/dev/null | head -1; }
cat > "$TMP/details.html" <<'HTML'
<!doctype html><html lang="en"><head><title>FAQ | City Library</title></head><body>
<header><h1>City</h1></header>
<main><h1>Library
FAQ</h1>
<details><summary>How do I renew a book?</summary><p>Online.</p></details>
<dl><dt>Where do I park?</dt><dd>Behind the building.</dd></dl></main>
</body></html>
HTML
expect_eq "a page: its first <h1> out of the header, on one line" "$(title "$TMP/details.html")" "# Library FAQ"
expect_eq "--title rules" "$(title --title 'Our FAQ' "$TMP/details.html")" "# Our FAQ"
printf '<html><head><title>Opening hours</title></head><body><h2>When do you open?</h2><p>At nine.</p></body></html>' > "$TMP/t.html"
expect_eq "a page without <h1>: its <title>" "$(title "$TMP/t.html")" "# Opening hours"
printf '<html><head><title>When do you open?</title></head><body><h1>When do you open?</h1><p>At nine.</p></body></html>' > "$TMP/q.html"
expect_eq "a page whose <h1> asks: no title of it" "$(title "$TMP/q.html")" "# FAQ"
printf '# Library FAQ {#top}\n\nWelcome.\n\n## Borrowing\n\n### How do I renew a book?\n\n1. Log in to [your account](https://lib.example/a).\n2. Open **Loans**:\n   - tick the books\n     - [ask us](mailto:help@lib.example)\n' > "$TMP/faq.md"
out=$("$FAQBOT" import "$TMP/faq.md" 2>/dev/null)
expect_eq "Markdown: its one level-1 heading, without its id" "$(printf '%s\n' "$out" | head -1)" "# Library FAQ"
expect_match "Markdown: nested lists and links kept" "$out" '^     - \[ask us\]\(mailto:help@lib\.example\)$'
printf '# Loans\n\n## How do I renew a book?\n\nOnline.\n\n# Fees\n\n## What is the late fee?\n\n20 cents.\n' > "$TMP/parts.md"
expect_eq "Markdown: several level-1 headings are parts, no title" "$(title "$TMP/parts.md")" "# FAQ"
printf '# How do I renew a book?\n\nOnline.\n\n# What is the late fee?\n\n20 cents.\n' > "$TMP/ones.md"
expect_eq "Markdown: questions at level 1, no title" "$(title "$TMP/ones.md")" "# FAQ"
