# page_text_lang.sh: a page's lang attribute names the language its texts
# are in. A FAQ in a language with no pack (Indonesian here) shows the bot's
# English texts: the page is "en", not "id" (a screen reader read them in
# an Indonesian voice), its answers' language the FAQ's; a language with a
# pack, or with its own messages.txt, is its own.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap 'stop_server' EXIT
mkdir -p "$TMP/c/id" "$TMP/c/de"
cat > "$TMP/c/id/faq.md" <<'MD'
# Perpustakaan

## Kapan jam buka perpustakaan? {#program}

Senin sampai Jumat, pukul 9:00 sampai 19:00.
MD
cat > "$TMP/c/de/faq.md" <<'MD'
# Bibliothek

## Wann hat die Bibliothek geöffnet? {#program}

Montag bis Freitag, 9 bis 19 Uhr.
MD
index_faq "$TMP/c"
start_server "$TMP/faq.idx" --web "$ROOT/web"

expect_eq "texts of a language with no pack: English's" "$(curl -s "${URL}api/messages?lang=id" | json text_lang)" "en"
expect_eq "the conversation's language still the FAQ's" "$(curl -s "${URL}api/messages?lang=id" | json lang)" "id"
expect_eq "texts of a language with a pack: its own" "$(curl -s "${URL}api/messages?lang=de" | json text_lang)" "de"
expect_match "the chat page, no pack: its texts English" "$(curl -s "${URL}?lang=id" | head -n 5)" '<html lang="en">'
expect_match "the chat page, no pack: the conversation Indonesian" "$(curl -s "${URL}?lang=id")" 'name="lang" id="lang-field" value="id"'
expect_match "the chat page, a pack: its own" "$(curl -s "${URL}?lang=de" | head -n 5)" '<html lang="de">'
page=$(curl -s "${URL}ask?q=jam%20buka%20perpustakaan&prev_lang=id")
expect_match "the page of an answer, no pack: its texts English" "$page" '<html lang="en">'
expect_match "the page of an answer: the answer Indonesian" "$page" 'Senin sampai Jumat'
expect_match "the page of an answer, a pack: its own" "$(curl -s "${URL}ask?q=Wann%20hat%20die%20Bibliothek%20ge%C3%B6ffnet")" '<html lang="de">'
stop_server

# a corpus's own messages.txt: its texts are the language's
printf 'page_title = Pertanyaan yang sering diajukan\n' > "$TMP/c/id/messages.txt"
index_faq "$TMP/c"
start_server "$TMP/faq.idx" --web "$ROOT/web"
expect_eq "its own messages.txt: its own" "$(curl -s "${URL}api/messages?lang=id" | json text_lang)" "id"
expect_match "its own messages.txt: the page its own" "$(curl -s "${URL}?lang=id" | head -n 5)" '<html lang="id">'
stop_server
rm "$TMP/c/id/messages.txt"
index_faq "$TMP/c"
start_server "$TMP/faq.idx" --web "$ROOT/web"
# the page of an answer: the FAQ's words marked with the FAQ's language
# where the texts are another's, the bot's not
page=$(curl -s "${URL}ask?q=jam%20buka%20perpustakaan&prev_lang=id")
expect_match "the answer's question marked Indonesian" "$page" '<span lang="id">Kapan jam buka perpustakaan\?</span>'
expect_match "the answer marked Indonesian" "$page" '<div class="answer" lang="id"><p>Senin'
page=$(curl -s "${URL}ask?q=jam%20aula%20gedung&prev_lang=id")
expect_match "a suggestion marked Indonesian" "$page" 'lang="id">Kapan jam buka perpustakaan\?</a>'
page=$(curl -s "${URL}ask?q=Wann%20hat%20die%20Bibliothek%20ge%C3%B6ffnet")
expect_match "a pack's page: the answer not marked" "$page" '<div class="answer"><p>Montag'
stop_server
# a clarification's choices, the leading one included, marked too
printf '\n## Kapan jam buka perpustakaan? {#vara}\n\nPada bulan Juli dan Agustus, pukul 9:00 sampai 14:00.\n' >> "$TMP/c/id/faq.md"
index_faq "$TMP/c" 2>/dev/null
start_server "$TMP/faq.idx" --web "$ROOT/web"
page=$(curl -s "${URL}ask?q=jam%20buka%20perpustakaan&prev_lang=id")
expect_match "a clarification" "$page" 'Did you mean one of these'
expect_eq "a clarification: each choice marked Indonesian" "$(printf '%s' "$page" | grep -o '<li><a [^>]*>' | grep -vc 'lang="id"')" "0"
