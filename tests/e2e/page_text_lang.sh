# page_text_lang.sh: a page's lang attribute names the language its texts
# are in. A FAQ in a language with no pack (Romanian here) shows the bot's
# English texts: the page is "en", not "ro" (a screen reader read them in
# a Romanian voice), its answers' language the FAQ's; a language with a
# pack, or with its own messages.txt, is its own.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap 'stop_server' EXIT
mkdir -p "$TMP/c/ro" "$TMP/c/de"
cat > "$TMP/c/ro/faq.md" <<'MD'
# Biblioteca

## Care este programul bibliotecii? {#program}

De luni până vineri, între 9:00 și 19:00.
MD
cat > "$TMP/c/de/faq.md" <<'MD'
# Bibliothek

## Wann hat die Bibliothek geöffnet? {#program}

Montag bis Freitag, 9 bis 19 Uhr.
MD
index_faq "$TMP/c"
start_server "$TMP/faq.idx" --web "$ROOT/web"

expect_eq "texts of a language with no pack: English's" "$(curl -s "${URL}api/messages?lang=ro" | json text_lang)" "en"
expect_eq "the conversation's language still the FAQ's" "$(curl -s "${URL}api/messages?lang=ro" | json lang)" "ro"
expect_eq "texts of a language with a pack: its own" "$(curl -s "${URL}api/messages?lang=de" | json text_lang)" "de"
expect_match "the chat page, no pack: its texts English" "$(curl -s "${URL}?lang=ro" | head -n 5)" '<html lang="en">'
expect_match "the chat page, no pack: the conversation Romanian" "$(curl -s "${URL}?lang=ro")" 'name="lang" id="lang-field" value="ro"'
expect_match "the chat page, a pack: its own" "$(curl -s "${URL}?lang=de" | head -n 5)" '<html lang="de">'
page=$(curl -s "${URL}ask?q=programul%20bibliotecii&prev_lang=ro")
expect_match "the page of an answer, no pack: its texts English" "$page" '<html lang="en">'
expect_match "the page of an answer: the answer Romanian" "$page" 'De luni până vineri'
expect_match "the page of an answer, a pack: its own" "$(curl -s "${URL}ask?q=Wann%20hat%20die%20Bibliothek%20ge%C3%B6ffnet")" '<html lang="de">'
stop_server

# a corpus's own messages.txt: its texts are the language's
printf 'page_title = Întrebări frecvente\n' > "$TMP/c/ro/messages.txt"
index_faq "$TMP/c"
start_server "$TMP/faq.idx" --web "$ROOT/web"
expect_eq "its own messages.txt: its own" "$(curl -s "${URL}api/messages?lang=ro" | json text_lang)" "ro"
expect_match "its own messages.txt: the page its own" "$(curl -s "${URL}?lang=ro" | head -n 5)" '<html lang="ro">'
stop_server
rm "$TMP/c/ro/messages.txt"
index_faq "$TMP/c"
start_server "$TMP/faq.idx" --web "$ROOT/web"
# the page of an answer: the FAQ's words marked with the FAQ's language
# where the texts are another's, the bot's not
page=$(curl -s "${URL}ask?q=programul%20bibliotecii&prev_lang=ro")
expect_match "the answer's question marked Romanian" "$page" '<span lang="ro">Care este programul bibliotecii\?</span>'
expect_match "the answer marked Romanian" "$page" '<div class="answer" lang="ro"><p>De luni'
page=$(curl -s "${URL}ask?q=programul%20orar%20sala&prev_lang=ro")
expect_match "a suggestion marked Romanian" "$page" 'lang="ro">Care este programul bibliotecii\?</a>'
page=$(curl -s "${URL}ask?q=Wann%20hat%20die%20Bibliothek%20ge%C3%B6ffnet")
expect_match "a pack's page: the answer not marked" "$page" '<div class="answer"><p>Montag'
stop_server
# a clarification's choices, the leading one included, marked too
printf '\n## Care este programul bibliotecii? {#vara}\n\nÎn iulie și august, între 9:00 și 14:00.\n' >> "$TMP/c/ro/faq.md"
index_faq "$TMP/c" 2>/dev/null
start_server "$TMP/faq.idx" --web "$ROOT/web"
page=$(curl -s "${URL}ask?q=programul%20bibliotecii&prev_lang=ro")
expect_match "a clarification" "$page" 'Did you mean one of these'
expect_eq "a clarification: each choice marked Romanian" "$(printf '%s' "$page" | grep -o '<li><a [^>]*>' | grep -vc 'lang="ro"')" "0"
