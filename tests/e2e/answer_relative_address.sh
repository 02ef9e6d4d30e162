# answer_relative_address.sh: an answer's image or link whose address is
# relative ("img/map.png", "forms/a.pdf", "www.example.org" without its
# scheme, a reference's "docs/call.html") is told at its file and line, on
# index (a warning: the index is written) and lint (a finding): faqbot
# serves no file of the corpus, so the chat page's image is broken and its
# link a 404, and the terminal shows an address no one can open. A whole
# address, the site's own path ("/rules.html"), a place in the page
# ("#top"), mailto: and tel: are not told. The page's answer_html shows
# the address as written, the server's 404 for it. An image of another
# site ("https://cdn..."), which the chat page's policy does not load, is
# told too; a link to another site is not.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap stop_server EXIT
mkdir -p "$TMP/c/en"
cat > "$TMP/c/en/faq.md" <<'MD'
# Town hall

## Where is the town hall? {#where}

See the map: ![map](img/map.png)

## How do I apply for a permit? {#permit}

Fill in [the form](forms/a.pdf) and send it
to us, or see [our site](www.example.org).
Also [the rules](/rules.html), [top](#top), [mail](mailto:a@b.org),
[web](https://example.org/x) and <https://example.org>.

## Can I call? {#call}

Yes, [call us](tel:+31123) or read [this][ref].

[ref]: docs/call.html
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
expect_eq "index: written all the same" "$?" "0"
where() { grep -o 'faq\.md:[0-9]*: warning: a relative address ("[^"]*")' "$1" | sed 's/: warning: a relative address//' | tr '\n' ' '; }
expect_eq "index: each relative address at its line" "$(where "$TMP/err")" \
    'faq.md:5 ("img/map.png") faq.md:9 ("forms/a.pdf") faq.md:10 ("www.example.org") faq.md:16 ("docs/call.html") '
expect_match "index: what to write instead" "$(cat "$TMP/err")" '"forms/a\.pdf"\).*write it whole \(https://\.\.\.\), or from the site.s root'
expect_match "index: an image's, from the root (whole, it would be another site's)" "$(cat "$TMP/err")" \
    '"img/map\.png"\).*write it from the site.s root \(/\.\.\.\)$'
"$FAQBOT" lint --corpus "$TMP/c" > "$TMP/out" 2>&1
expect_eq "lint: findings" "$?" "1"
expect_eq "lint: the same four" "$(grep -c 'relative address' "$TMP/out")" "4"
expect_match "lint: at its line" "$(cat "$TMP/out")" 'en/faq\.md:5: a relative address \("img/map\.png"\)'
# why: the page keeps the address, and the server has no such file
start_server "$TMP/faq.idx"
curl -s "${URL}api/ask?q=where+is+the+town+hall" > "$TMP/a.json"
expect_match "the page's answer keeps the relative address" "$(json answer_html < "$TMP/a.json")" 'src="img/map\.png"'
expect_eq "the server has no such file" "$(status GET /img/map.png)" "404"
stop_server

# whole addresses only: nothing told
cat > "$TMP/c/en/faq.md" <<'MD'
# Town hall

## How do I apply for a permit? {#permit}

Fill in [the form](https://example.org/forms/a.pdf), see [the rules](/rules.html),
[top](#top), [mail](mailto:a@b.org) or ![map](/img/map.png).
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
expect_eq "whole addresses: nothing told" "$(cat "$TMP/err")" ""
"$FAQBOT" lint --corpus "$TMP/c" > /dev/null 2>&1
expect_eq "whole addresses: lint clean" "$?" "0"

# an image of another site: the chat page loads its own site's images
# alone (img-src 'self' data:), so it is told, with what to write; a link
# to that site is not
cat > "$TMP/c/en/faq.md" <<'MD'
# Town hall

## What does the square look like? {#square}

Like [this page](https://example.org/square.html) shows:

![the square](https://cdn.example.org/square.png)
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
expect_eq "another site's image: written all the same" "$?" "0"
expect_eq "another site's image: told once, at its line" "$(grep -c 'warning' "$TMP/err")" "1"
expect_match "another site's image: what and where" "$(cat "$TMP/err")" \
    'faq\.md:7: warning: an image of another site \("https://cdn\.example\.org/square\.png"\) is not shown on the chat page.*from the root \(/img/\.\.\.\)'
"$FAQBOT" lint --corpus "$TMP/c" > "$TMP/out" 2>&1
expect_eq "another site's image: a lint finding" "$?" "1"
start_server "$TMP/faq.idx"
expect_match "why: the page's policy loads the site's own images" \
    "$(curl -s -D - -o /dev/null "${URL}" | tr -d '\r' | grep -i '^content-security-policy')" "img-src 'self' data:;"
stop_server
