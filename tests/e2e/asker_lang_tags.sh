# asker_lang_tags.sh: the asker's language as people and browsers write it,
# the same in every front end: any case, a region or script ("EN-gb",
# "pt-BR", "zh-Hant-TW"), Norwegian as "nb" for the FAQ's "no" folder, an
# Accept-Language's q-values (most wanted first; q=0: not acceptable), and
# a language the index lacks told (ask: a message and exit 1; the JSON
# API: 400 with a JSON error), not answered in another language unseen.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap 'stop_server' EXIT
mkdir -p "$TMP/faq/de" "$TMP/faq/en" "$TMP/faq/no"
printf '## Wann haben Sie geöffnet? {#hours}\n\nMontags bis freitags von 9 bis 18 Uhr.\n' > "$TMP/faq/de/faq.md"
printf '## When are you open? {#hours}\n\nMonday to Friday, 9 am to 6 pm.\n' > "$TMP/faq/en/faq.md"
printf '## Når har dere åpent? {#hours}\n\nMandag til fredag fra 9 til 18.\n' > "$TMP/faq/no/faq.md"
index_faq "$TMP/faq"
# the language "hours" is taken to be in, asked with these options
lang_of() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$@" hours | json query_lang; }
expect_eq "ask --lang EN-gb" "$(lang_of --lang EN-gb)" "en"
expect_eq "ask --lang de_AT" "$(lang_of --lang de_AT)" "de"
expect_eq "ask --lang nb" "$(lang_of --lang nb)" "no"
expect_eq "ask --lang nn-NO" "$(lang_of --lang nn-NO)" "no"
"$FAQBOT" ask --index "$TMP/faq.idx" --lang fi-FI hours > "$TMP/out" 2> "$TMP/err"
expect_eq "ask --lang fi-FI: refused" "$?" "1"
expect_match "ask --lang fi-FI: told" "$(cat "$TMP/err")" 'no language "fi-FI"'
expect_eq "ask --lang fi-FI: no answer" "$(cat "$TMP/out")" ""
"$FAQBOT" ask --index "$TMP/faq.idx" --lang 'en;' hours > /dev/null 2>&1
expect_eq "ask --lang 'en;': refused" "$?" "1"
expect_match "repl --lang NB" "$(echo 'når har dere åpent' | "$FAQBOT" repl --index "$TMP/faq.idx" --lang NB 2>&1)" "Mandag til fredag"
expect_match "repl :lang En-Us" "$(printf ':lang En-Us\n' | "$FAQBOT" repl --index "$TMP/faq.idx" 2>&1)" "language: en$"
expect_match "repl :lang nb" "$(printf ':lang nb\n' | "$FAQBOT" repl --index "$TMP/faq.idx" 2>&1)" "Samtalens språk: no$"

start_server "$TMP/faq.idx"
# the language of the page's messages for an Accept-Language
msgs_for() { curl -s -H "Accept-Language: $1" "${URL}api/messages" | json lang; }
expect_eq "Accept-Language: nb-NO,nb;q=0.9,en;q=0.5" "$(msgs_for 'nb-NO,nb;q=0.9,en;q=0.5')" "no"
expect_eq "Accept-Language: q-values over order" "$(msgs_for 'de;q=0.2, en;q=0.9')" "en"
expect_eq "Accept-Language: q=0 is not acceptable" "$(msgs_for 'en;q=0, de')" "de"
expect_eq "Accept-Language: an unknown script and region, then EN-gb" "$(msgs_for 'zh-Hant-TW, EN-gb;q=0.8')" "en"
expect_eq "Accept-Language: Q=0.000 too" "$(msgs_for 'EN;Q=0.000, nb;q=0.5')" "no"
expect_eq "?lang=nb" "$(curl -s "${URL}api/messages?lang=nb" | json lang)" "no"
# the JSON API
expect_eq "api ?lang=NB-no" "$(curl -s "${URL}api/ask?q=hours&lang=NB-no" | json query_lang)" "no"
expect_eq "api lang EN-gb" \
    "$(curl -s -H 'Content-Type: application/json' -d '{"q": "hours", "lang": "EN-gb"}' "${URL}api/ask" | json query_lang)" "en"
expect_eq "api ?lang=fi-FI: 400" "$(status GET '/api/ask?q=hours&lang=fi-FI')" "400"
expect_match "api ?lang=fi-FI: told" "$(json error < "$TMP/body")" 'no language "fi-FI"'
expect_eq "api lang xx: 400" "$(status POST /api/ask -H 'Content-Type: application/json' -d '{"q": "hours", "lang": "xx"}')" "400"
expect_match "api lang xx: told" "$(json error < "$TMP/body")" 'no language "xx"'
expect_eq "api lang auto: answered" "$(status POST /api/ask -H 'Content-Type: application/json' -d '{"q": "hours", "lang": "auto"}')" "200"
