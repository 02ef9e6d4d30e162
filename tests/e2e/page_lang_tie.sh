# page_lang_tie.sh: "hi" is small talk in English and in German; asked
# first on a FAQ in both, whose first language is German, the question's
# own evidence ties. The page's language breaks the tie: the visitor's
# browser's (Accept-Language), the page's (page_lang, the no-JS form's
# lang), the terminal's locale in the REPL; without one, the FAQ's first
# language. A conversation's language, or a question's own evidence, wins
# over it.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap 'stop_server' EXIT
mkdir -p "$TMP/faq/de" "$TMP/faq/en"
cat >"$TMP/faq/de/faq.md" <<'MD'
# Häufige Fragen

## Wann haben Sie geöffnet? {#hours}

Wir haben montags bis freitags von 9 bis 18 Uhr geöffnet.
MD
cat >"$TMP/faq/en/faq.md" <<'MD'
# Frequently asked questions

## When are you open? {#hours}

We are open Monday to Friday, 9 am to 6 pm.
MD
index_faq "$TMP/faq"
# "query_lang lang id" of a JSON answer on stdin
said() { python3 -c '
import json, sys
v = json.load(sys.stdin)
print(v["query_lang"], v["lang"], v["id"])'; }
expect_eq "ask hi: the FAQ's first language" "$("$FAQBOT" ask --index "$TMP/faq.idx" --json hi | said)" "de de hello"
expect_eq "ask hello: its own evidence" "$("$FAQBOT" ask --index "$TMP/faq.idx" --json hello | said)" "en en hello"

start_server "$TMP/faq.idx"
get() { curl -s "$@"; }
# hi_for ACCEPT-LANGUAGE: what "hi" gets from a browser of those languages
hi_for() { get -H "Accept-Language: $1" "${URL}api/ask?q=hi" | said; }
expect_eq "api: no page language: the FAQ's first" "$(get "${URL}api/ask?q=hi" | said)" "de de hello"
expect_eq "api: an English browser (Accept-Language)" "$(hi_for 'en-GB,en;q=0.8')" "en en hello"
expect_eq "api: a German browser, the same question after the English one's (not the cached answer)" \
    "$(hi_for 'de-DE,de;q=0.8')" "de de hello"
expect_eq "api: a browser's first language the FAQ lacks, its second" "$(hi_for 'fr-FR, en;q=0.5')" "en en hello"
expect_eq "api: POST page_lang over the browser's" \
    "$(get -H 'Accept-Language: de' -H 'Content-Type: application/json' -d '{"q": "hi", "page_lang": "en"}' "${URL}api/ask" | said)" \
    "en en hello"
expect_eq "api: GET page_lang" "$(get "${URL}api/ask?q=hi&page_lang=en" | said)" "en en hello"
expect_eq "api: the conversation's language wins over the page's" \
    "$(get -H 'Accept-Language: en' "${URL}api/ask?q=hi&prev_lang=de" | said)" "de de hello"
expect_eq "api: the question's own evidence wins over the page's" \
    "$(get -H 'Accept-Language: de' "${URL}api/ask?q=hello&page_lang=de" | said)" "en en hello"
expect_eq "api: a page language the FAQ lacks is none" \
    "$(get "${URL}api/ask?q=hi&page_lang=xx" | said)" "de de hello"
# the page without JavaScript: its form's lang, else the browser's
page=$(get -H 'Accept-Language: en' "${URL}ask?q=hi")
expect_match "no-JS page: an English browser is greeted in English" "$page" 'Hello! How can I help'
expect_match "no-JS page: the page in English" "$page" '<html lang="en"'
page=$(get -H 'Accept-Language: de' "${URL}ask?q=hi&lang=en")
expect_match "no-JS page: the form's lang" "$page" 'Hello! How can I help'
page=$(get "${URL}ask?q=hi")
expect_match "no-JS page: no page language: the FAQ's first" "$page" 'Hallo! Wie kann ich'
stop_server

# the REPL: the terminal's locale is its page's language, for the first
# question; then the conversation's
out=$(printf 'hi\n' | LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 "$FAQBOT" repl --index "$TMP/faq.idx")
expect_match "repl: an English locale" "$out" 'Hello! How can I help'
out=$(printf 'hi\n' | LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8 "$FAQBOT" repl --index "$TMP/faq.idx")
expect_match "repl: a German locale" "$out" 'Hallo! Wie kann ich'
out=$(printf 'hi\n' | LC_ALL= LC_MESSAGES= LANG=C "$FAQBOT" repl --index "$TMP/faq.idx")
expect_match "repl: no locale: the FAQ's first" "$out" 'Hallo! Wie kann ich'
out=$(printf 'hallo\nhi\n' | LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 "$FAQBOT" repl --index "$TMP/faq.idx")
expect_eq "repl: the conversation's language wins over the locale" \
    "$(printf '%s\n' "$out" | grep -c 'Hallo! Wie kann ich')" "2"

# a French FAQ, which English and German are only asked in (through the
# bilingual dictionaries, named here: under valgrind the suite leaves them
# out): "hi" is both's small talk; an English browser is greeted in
# English, a French one whose second language is English too
mkdir -p "$TMP/dictd" "$TMP/fr/fr"
for f in /usr/share/dictd/freedict-eng-fra.* /usr/share/dictd/freedict-fra-eng.* \
         /usr/share/dictd/freedict-deu-fra.* /usr/share/dictd/freedict-fra-deu.*; do
    [ -e "$f" ] && ln -s "$f" "$TMP/dictd/"
done
if [ -e "$TMP/dictd/freedict-fra-eng.index" ] && [ -e "$TMP/dictd/freedict-fra-deu.index" ]; then
    cat >"$TMP/fr/fr/faq.md" <<'MD'
# Questions fréquentes

## Quand êtes-vous ouverts ? {#hours}

Du lundi au vendredi, de 9 h à 18 h.
MD
    FAQBOT_DICTD_DIR=$TMP/dictd "$FAQBOT" index --corpus "$TMP/fr" --out "$TMP/fr.idx" >/dev/null || fail "index fr"
    start_server "$TMP/fr.idx"
    expect_eq "French FAQ: an English browser's hi" "$(hi_for 'en-US,en;q=0.9')" "en en hello"
    expect_eq "French FAQ: a French browser's second language, English" "$(hi_for 'fr-FR, en;q=0.5')" "en en hello"
    expect_eq "French FAQ: a German browser's hi" "$(hi_for de-DE)" "de de hello"
    stop_server
else
    echo "skip: the French FAQ (no freedict fra-eng, fra-deu)"
fi
