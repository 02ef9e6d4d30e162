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
# each word or phrase, then what it gets (the line's last four fields):
# "holaa" is a typo of "hola"; "hallo", German's and Dutch's greeting as
# written, is no typo of English's "hello"; German and Italian the FAQ is
# only asked in, with their small talk; "ciao" is one of German's
# farewells, and Italian's own greeting
said_all() {
    while read -r line; do
        want=$(echo "$line" | awk '{print $(NF-3), $(NF-2), $(NF-1), $NF}')
        word=$(echo "$line" | awk '{NF -= 4; print}')
        expect_eq "$1: $word" "$(said "$2" "$word")" "$want"
    done
}
said_all "the seed" "$TMP/seed.idx" <<'WORDS'
holaa es smalltalk es hello
graciass es smalltalk es thanks
merci fr smalltalk fr thanks
obrigado pt smalltalk pt thanks
hello en smalltalk en hello
danke de smalltalk de thanks
ciao it smalltalk it hello
hallo de smalltalk de hello
grazie it smalltalk it thanks
obrigada pt smalltalk pt thanks
merci bien fr smalltalk fr thanks
danke schön de smalltalk de thanks
WORDS
got=$("$FAQBOT" ask --index "$TMP/seed.idx" --json --lang en holaa | json query_lang)
expect_eq "holaa, English chosen" "$got" "en"
start_server "$TMP/seed.idx" --web "$ROOT/web"
got=$(curl -s "${URL}api/ask" -d '{"q": "danke", "prev_lang": "es"}' | json lang)
expect_eq "danke in a Spanish conversation" "$got" "es"
# the page without JavaScript: its language (the visitor's browser's) is
# no turn of the conversation, so a first lone word takes its own
expect_eq "no-JS first question" "$(status GET '/ask?q=danke&lang=es')" 200
expect_match "no-JS: a lone danke on a Spanish page is German" "$(cat "$TMP/body")" '<html lang="de">'
expect_eq "no-JS next question" "$(status GET '/ask?q=danke&prev_lang=es')" 200
expect_match "no-JS: danke in a Spanish conversation is Spanish" "$(cat "$TMP/body")" '<html lang="es">'
got=$(curl -s "${URL}api/ask" -d '{"q": "holaa"}' | json lang)
expect_eq "holaa over the API, no conversation yet" "$got" "es"
stop_server

# the REPL's first line: the conversation's language is the small talk's
out=$(printf 'holaa\n:lang\n:quit\n' | LANG=C "$FAQBOT" repl --index "$TMP/seed.idx")
expect_match "the REPL greets holaa in Spanish" "$out" "¡Hola!"

# one language, English: the others are only asked in
"$FAQBOT" init "$TMP/own" --lang en >/dev/null || fail "init"
"$FAQBOT" index --corpus "$TMP/own" --out "$TMP/own.idx" >/dev/null || fail "index the English FAQ"
said_all "an English FAQ" "$TMP/own.idx" <<'WORDS'
danke de smalltalk de thanks
holaa es smalltalk es hello
thanks en smalltalk en thanks
helo en smalltalk en hello
hallo de smalltalk de hello
danke schön de smalltalk de thanks
WORDS

# English and Dutch: "hallo" is Dutch's greeting as written, only a typo
# of English's "hello"
mkdir -p "$TMP/ennl"
"$FAQBOT" init "$TMP/ennl" --lang en >/dev/null || fail "init en"
"$FAQBOT" init "$TMP/nl" --lang nl >/dev/null || fail "init nl"
mv "$TMP/nl/nl" "$TMP/ennl/nl"
"$FAQBOT" index --corpus "$TMP/ennl" --out "$TMP/ennl.idx" >/dev/null || fail "index en+nl"
said_all "an English and Dutch FAQ" "$TMP/ennl.idx" <<'WORDS'
hallo nl smalltalk nl hello
hello en smalltalk en hello
helo en smalltalk en hello
dank je wel nl smalltalk nl thanks
hallo daar nl smalltalk nl hello
WORDS
