# lone_word_lang.sh: a lone word of small talk ("holaa", "danke") tells no
# language by the question's evidence, which ties; it is said in the
# language of the small talk it is a word of, not in a default language:
# on the seed's four-language FAQ and on a one-language FAQ. A language
# chosen (--lang) or a conversation's (prev_lang) still wins.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap 'stop_server' EXIT
# German, Italian and Spanish to and from English, even where a runner
# leaves the system's dictionaries out: languages one may ask in
mkdir -p "$TMP/dictd"
for f in /usr/share/dictd/freedict-deu-eng.* /usr/share/dictd/freedict-eng-deu.* \
         /usr/share/dictd/freedict-ita-eng.* /usr/share/dictd/freedict-eng-ita.* \
         /usr/share/dictd/freedict-spa-eng.* /usr/share/dictd/freedict-eng-spa.*; do
    [ -e "$f" ] && ln -s "$f" "$TMP/dictd/"
done
FAQBOT_DICTD_DIR=$TMP/dictd
export FAQBOT_DICTD_DIR
# "query_lang outcome lang id" of the answer to $2 from index $1
said() { "$FAQBOT" ask --index "$1" --json "$2" | python3 -c '
import json, sys
v = json.load(sys.stdin)
print(v["query_lang"], v["outcome"], v["lang"], v["id"])'; }

"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/seed.idx" >/dev/null || fail "index the seed"
expect_eq "holaa (a typo of hola)" "$(said "$TMP/seed.idx" holaa)" "es smalltalk es hello"
expect_eq "graciass" "$(said "$TMP/seed.idx" graciass)" "es smalltalk es thanks"
expect_eq "merci" "$(said "$TMP/seed.idx" merci)" "fr smalltalk fr thanks"
expect_eq "obrigado" "$(said "$TMP/seed.idx" obrigado)" "pt smalltalk pt thanks"
expect_eq "hello" "$(said "$TMP/seed.idx" hello)" "en smalltalk en hello"
# languages the FAQ is only asked in have their small talk
expect_eq "danke" "$(said "$TMP/seed.idx" danke)" "de smalltalk de thanks"
# German's farewell among others, Italian's own greeting
expect_eq "ciao" "$(said "$TMP/seed.idx" ciao)" "it smalltalk it hello"
got=$("$FAQBOT" ask --index "$TMP/seed.idx" --json --lang en holaa | json query_lang)
expect_eq "holaa, English chosen" "$got" "en"
start_server "$TMP/seed.idx"
got=$(curl -s "${URL}api/ask" -d '{"q": "danke", "prev_lang": "es"}' | json lang)
expect_eq "danke in a Spanish conversation" "$got" "es"
got=$(curl -s "${URL}api/ask" -d '{"q": "holaa"}' | json lang)
expect_eq "holaa over the API, no conversation yet" "$got" "es"
stop_server

# the REPL's first line: the conversation's language is the small talk's
out=$(printf 'holaa\n:lang\n:quit\n' | LANG=C "$FAQBOT" repl --index "$TMP/seed.idx")
expect_match "the REPL greets holaa in Spanish" "$out" "¡Hola!"

# one language, English: the others are only asked in
"$FAQBOT" init "$TMP/own" --lang en >/dev/null || fail "init"
"$FAQBOT" index --corpus "$TMP/own" --out "$TMP/own.idx" >/dev/null || fail "index the English FAQ"
expect_eq "an English FAQ: danke" "$(said "$TMP/own.idx" danke)" "de smalltalk de thanks"
expect_eq "an English FAQ: holaa" "$(said "$TMP/own.idx" holaa)" "es smalltalk es hello"
expect_eq "an English FAQ: thanks" "$(said "$TMP/own.idx" thanks)" "en smalltalk en thanks"
expect_eq "an English FAQ: helo" "$(said "$TMP/own.idx" helo)" "en smalltalk en hello"
