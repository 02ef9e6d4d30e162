# other_lang_named.sh: a message that names a language names it as the
# message's own language does: an English visitor was told "This answer is
# only available in svenska." and a Swedish one "... bara på English."; a
# decline to a French question listed "Deutsch, svenska". Each pack's
# languages.txt names the languages as its sentences say them; a language
# it does not name keeps its own name.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap 'stop_server' EXIT
mkdir -p "$TMP/faq/en" "$TMP/faq/sv" "$TMP/faq/id"
cat >"$TMP/faq/en/faq.md" <<'MD'
# IT helpdesk

## How do I reset my password? {#password}

Go to the account page and choose Reset.
MD
cat >"$TMP/faq/sv/faq.md" <<'MD'
# IT-support

## Hur kopplar jag upp mig mot eduroam? {#eduroam}

Välj nätverket eduroam och logga in med ditt universitetskonto.
MD
# a language no pack names: its own lang_name, as the corpus gives it
printf '# Kantin\n\n## Di mana kantin? {#kantin}\n\nDi lantai dasar.\n' >"$TMP/faq/id/faq.md"
printf 'lang_name = Bahasa Indonesia\n' >"$TMP/faq/id/messages.txt"
# the German decline below needs German asked in: the German-English
# dictionary alone, even where a runner leaves the dictionaries out
mkdir -p "$TMP/dictd"
ln -s /usr/share/dictd/freedict-deu-eng.* "$TMP/dictd/"
saved_dictd=${FAQBOT_DICTD_DIR-/usr/share/dictd}
FAQBOT_DICTD_DIR=$TMP/dictd
export FAQBOT_DICTD_DIR
index_faq "$TMP/faq"
FAQBOT_DICTD_DIR=$saved_dictd
# said() LANG QUESTION: the message of the JSON answer
said() { "$FAQBOT" ask --index "$TMP/faq.idx" --json --lang "$1" "$2" | json message; }
expect_eq "English names Swedish" "$(said en eduroam)" "This answer is only available in Swedish."
expect_eq "Swedish names English" "$(said sv password)" "Det här svaret finns bara på engelska."
expect_eq "a language no table names: its own name" "$(said en kantin)" \
    "This answer is only available in Bahasa Indonesia."
out=$("$FAQBOT" ask --index "$TMP/faq.idx" --lang de 'Wo ist die Bibliothek?')
expect_match "a German decline names them in German" "$out" "Sprachen dieser FAQ: Englisch, Bahasa Indonesia, Schwedisch\\."
out=$("$FAQBOT" ask --index "$TMP/faq.idx" --lang en 'eduroam')
expect_match "the text front end" "$out" "only available in Swedish\\."
start_server "$TMP/faq.idx"
m=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"q": "eduroam", "lang": "en"}' "${URL}api/ask" | json message)
expect_eq "the server" "$m" "This answer is only available in Swedish."
page=$(curl -s "${URL}ask?q=How+do+I+connect+to+eduroam%3F&lang=en")
expect_match "the page without script" "$page" "only available in Swedish\\."
stop_server
# Finnish and Dutch name it as their sentences need it: "tällä kielellä:
# englanti", "in het Engels"
mkdir -p "$TMP/faq/fi" "$TMP/faq/nl"
printf '# UKK\n\n## Missä on ruokala? {#ruokala}\n\nKirjastossa.\n' >"$TMP/faq/fi/faq.md"
printf '# FAQ\n\n## Waar is de kantine? {#kantine}\n\nIn de bibliotheek.\n' >"$TMP/faq/nl/faq.md"
index_faq "$TMP/faq"
expect_eq "Finnish names English" "$(said fi password)" "Tämä vastaus on saatavilla vain tällä kielellä: englanti."
expect_eq "Dutch names English" "$(said nl password)" "Dit antwoord bestaat alleen in het Engels."
