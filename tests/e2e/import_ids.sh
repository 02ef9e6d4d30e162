# import_ids.sh: faqbot import reads the id a static-site generator's FAQ
# gives a question heading (Pandoc's and Hugo's "{#paying}", with classes
# "{#cancel .faq}", kramdown's and MkDocs' "{: #refunds }", kramdown's on
# the line under the heading too): the entry keeps
# it, so the same question reworded and imported again is the same entry
# (its links, votes and translations follow), and the question's text is
# clean. Before, such a heading did not end in "?" and was no question: the
# entry was left out without a word. A bad id or the same id twice is an
# error at its line, before anything is written; braces that are no
# attributes ("{x}") stay the question's text. A web page's anchors are the
# same ids once the site is built ("<h2 id="paying">", a <details>'s or
# <dt>'s id, a FAQPage Question's "@id" after its '#'): read too, but one
# the corpus could not take (non-ASCII, a copy of an anchor above) numbered,
# as every question of a page was before.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
printf '# Help\n\nAsk us anything.\n\n## How do I pay? {#paying}\n\nBy card or in cash at the desk.\n\n## Can I cancel my booking? {#cancel .faq}\n\nYes, up to a day before.\n\n## What about refunds? {: #refunds }\n\nWithin 14 days, to your card.\n\n## Where are you?\n\nIn the old town.\n' > "$TMP/site.md"
"$FAQBOT" import "$TMP/site.md" > "$TMP/c/en/faq.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "import a site's FAQ"; }
expect_match "site FAQ: every question an entry" "$(cat "$TMP/err")" '4 entries \(markdown\)$'
expect_eq "site FAQ: the ids given, the text clean" "$(grep '^## ' "$TMP/c/en/faq.md")" "## How do I pay? {#paying}
## Can I cancel my booking? {#cancel}
## What about refunds? {#refunds}
## Where are you? {#faq-4}"
index_faq "$TMP/c"
expect_eq "site FAQ: answered with its id" "$(answer_id 'can I pay by card')" "paying"
expect_eq "site FAQ: an id with a class" "$(answer_id 'cancel my booking')" "cancel"

# the editor rewords a question and adds one above it: the ids stay
sed -e 's/## How do I pay?/## Which payment methods do you accept?/' \
    -e 's/^## Can I cancel/## Is there parking? {#parking}\n\nYes, behind the building.\n\n## Can I cancel/' \
    "$TMP/site.md" > "$TMP/site2.md"
"$FAQBOT" import "$TMP/site2.md" > "$TMP/c/en/faq.md" 2>"$TMP/err" || { cat "$TMP/err"; fail "import the edited FAQ"; }
expect_eq "edited FAQ: the ids as before" "$(grep -o '{#[a-z0-9-]*}' "$TMP/c/en/faq.md" | tr '\n' ' ')" \
    "{#paying} {#parking} {#cancel} {#refunds} {#faq-5} "
index_faq "$TMP/c"
expect_eq "edited FAQ: the reworded question is the same entry" "$(answer_id 'which payment methods')" "paying"

# the same id twice, a bad id: told at the line, nothing written
printf '## How do I pay? {#paying}\n\nBy card.\n\n## Is it free?\n\nYes.\n\n## And refunds? {#paying}\n\nNo.\n' > "$TMP/twice.md"
"$FAQBOT" import "$TMP/twice.md" > "$TMP/out" 2>"$TMP/err"
expect_eq "an id twice: bad data" "$?" "2"
expect_match "an id twice: told at both lines" "$(cat "$TMP/err")" \
    'twice\.md \(markdown\): line 9: id "paying" is given to two questions \(the first at line 1\)$'
expect_eq "an id twice: nothing written" "$(cat "$TMP/out")" ""
printf '## How do I pay? {#paiement-carte-bancaire-é}\n\nBy card.\n' > "$TMP/bad.md"
"$FAQBOT" import "$TMP/bad.md" > "$TMP/out" 2>"$TMP/err"
expect_eq "a bad id: bad data" "$?" "2"
expect_match "a bad id: told at its line with the rule" "$(cat "$TMP/err")" \
    'bad\.md \(markdown\): line 1: bad id "paiement-carte-bancaire-é" \(letters, digits'

# braces that are no attributes are the question's own
printf '## What does {name} mean in a template?\n\nThe visitor'"'"'s name.\n' > "$TMP/braces.md"
"$FAQBOT" import "$TMP/braces.md" > "$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; fail "import braces"; }
expect_eq "braces in the question: kept" "$(grep '^## ' "$TMP/out")" "## What does {name} mean in a template? {#faq-1}"

# kramdown's (Jekyll's) attributes on the line under the heading
printf -- '---\nlayout: page\n---\n\n## How do I pay?\n{: #paying}\n\nBy card.\n\n## Can I cancel?\n{: .faq}\nYes.\n\n## Where are you?\n{: not attributes}\n\nIn town.\n' > "$TMP/jekyll.md"
"$FAQBOT" import "$TMP/jekyll.md" > "$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; fail "import a Jekyll FAQ"; }
expect_eq "Jekyll: the id under the heading" "$(grep '^## ' "$TMP/out")" "## How do I pay? {#paying}
## Can I cancel? {#faq-2}
## Where are you? {#faq-3}"
expect_eq "Jekyll: the attribute lines out of the answers, other braces kept" "$(grep '{:' "$TMP/out")" "{: not attributes}"

# a web page: its anchors
printf '<html><body><h1>Help</h1>\n<h2 id="paying">How do I pay?</h2><p>By card.</p>\n<h2 id="wann-öffnet">When are you open?</h2><p>Always.</p>\n<h2 id="paying">Can I pay later?</h2><p>No.</p>\n<h2>Where are you?</h2><p>In town.</p>\n<details id="cancel"><summary>Can I cancel?</summary><p>Yes.</p></details>\n<dl><dt id="refunds">Refunds?</dt><dd>Within 14 days.</dd></dl>\n</body></html>\n' > "$TMP/page.html"
"$FAQBOT" import "$TMP/page.html" > "$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; fail "import a page with anchors"; }
expect_eq "page: its anchors the ids, others numbered" "$(grep '^## ' "$TMP/out")" "## How do I pay? {#paying}
## When are you open? {#faq-2}
## Can I pay later? {#faq-3}
## Where are you? {#faq-4}
## Can I cancel? {#cancel}
## Refunds? {#refunds}"
printf '<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{"@type": "Question", "@id": "https://example.org/help/#faq-question-1612345678", "name": "How do I pay?", "acceptedAnswer": {"@type": "Answer", "text": "By card."}}, {"@type": "Question", "name": "Where are you?", "acceptedAnswer": {"@type": "Answer", "text": "In town."}}]}</script></head><body></body></html>\n' > "$TMP/ld.html"
"$FAQBOT" import "$TMP/ld.html" > "$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; fail "import a FAQPage with @id"; }
expect_eq "FAQPage: a Question's @id anchor its id" "$(grep '^## ' "$TMP/out")" "## How do I pay? {#faq-question-1612345678}
## Where are you? {#faq-2}"
