# serve_faq_title.sh: the chat page is titled with the FAQ's own name, the
# "# Title" of a language's one FAQ document (it was the language pack's
# generic "Frequently asked questions" unless messages.txt set page_title):
# in the page's <title> and heading, the page without JavaScript (/ask) and
# /api/messages (which the script and the widget title themselves from).
# A messages.txt page_title still wins; a language of several documents, or
# of one without a title, keeps the generic one. The page's bytes for it
# came from its source comment, which the server garbled ("fills each key").
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en" "$TMP/c/es" "$TMP/c/fr" "$TMP/c/de"
printf '# Club FAQ\n\n## When are you open? {#hours}\n\nFrom 9 to 5.\n' >"$TMP/c/en/faq.md"
printf '# Preguntas del club\n\n## ¿Cuándo abren? {#hours}\n\nDe 9 a 5.\n' >"$TMP/c/es/faq.md"
printf 'page_title = Club: preguntas\n' >"$TMP/c/es/messages.txt"
printf '# Horaires\n\n## Quand êtes-vous ouverts ? {#hours}\n\nDe 9 à 17 h.\n' >"$TMP/c/fr/horaires.md"
printf '# Adhésion\n\n## Comment adhérer ? {#join}\n\nPar le formulaire.\n' >"$TMP/c/fr/adhesion.md"
printf '## Wann haben Sie geöffnet? {#hours}\n\nVon 9 bis 17 Uhr.\n' >"$TMP/c/de/faq.md"
index_faq "$TMP/c"
trap stop_server EXIT
start_server "$TMP/faq.idx" --web "$ROOT/web"

page=$(curl -s -H 'Accept-Language: en' "$URL")
expect_match "the page's title is the FAQ's" "$page" '<title>Club FAQ</title>'
expect_match "so is its heading" "$page" '<h1 id="title">Club FAQ</h1>'
# the page's source comment named {{key}}, which was filled as any key:
# visitors were sent "fills each key with the bot's text"
printf '%s' "$page" | grep -q -- '<!--' && fail "the page is sent with its source comment"
ok "the page is sent without its source comment"
page=$(curl -s "${URL}ask?lang=en&q=When%20are%20you%20open%3F")
expect_match "the page without JavaScript: its title" "$page" '<title>Club FAQ</title>'
expect_match "the page without JavaScript: its heading" "$page" '<h1>Club FAQ</h1>'
t=$(curl -s "${URL}api/messages?lang=en" | json page_title)
expect_eq "the script's and the widget's title" "$t" "Club FAQ"
t=$(curl -s "${URL}api/messages?lang=es" | json page_title)
expect_eq "messages.txt's page_title wins over the document's" "$t" "Club: preguntas"
t=$(curl -s "${URL}api/messages?lang=fr" | json page_title)
expect_eq "two documents are two topics: the pack's title" "$t" "$(pack_text fr page_title)"
t=$(curl -s "${URL}api/messages?lang=de" | json page_title)
expect_eq "a document without a title: the pack's" "$t" "$(pack_text de page_title)"
