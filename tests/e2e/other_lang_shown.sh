# other_lang_shown.sh: a question in a language no entry is written in (an
# English visitor of an Italian and German FAQ) gets the entry in the
# conversation's language, else the page's, not in the FAQ's first language
# whatever was said before: on an Italian page, after an Italian question,
# the German answer told "only available in Deutsch" though it is in Italian
# too. Without a conversation or a page, the FAQ's first language as before.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap 'stop_server' EXIT
only_dicts eng-deu deu-eng eng-ita ita-eng
mkdir -p "$TMP/faq/de" "$TMP/faq/it"
cat >"$TMP/faq/de/faq.md" <<'MD'
# Hütte

## Wann ist die Hütte geöffnet? {#orari}

Vom 20. Juni bis 20. September.

## Darf man Hunde mitbringen? {#cani}

Hunde sind in der Stube erlaubt.
MD
cat >"$TMP/faq/it/faq.md" <<'MD'
# Rifugio

## Quando è aperto il rifugio? {#orari}

Dal 20 giugno al 20 settembre.

## Si possono portare i cani? {#cani}

I cani sono ammessi nella stube.
MD
index_faq "$TMP/faq"
q='When is the hut open?'
# "lang id other_lang" of the answer to $q, from the server, given JSON members
# $1 and Accept-Language $2
said() {
    curl -s -X POST -H 'Content-Type: application/json' -H "Accept-Language: ${2:-}" \
        -d "{\"q\": \"$q\"$1}" "${URL}api/ask" |
        python3 -c 'import json, sys; v = json.load(sys.stdin); print(v["lang"], v["id"], v["other_lang"])'
}
start_server "$TMP/faq.idx"
expect_eq "no conversation, no page: the FAQ's first" "$(said '')" "de orari True"
expect_eq "an Italian conversation" "$(said ', "prev_lang": "it"')" "it orari True"
expect_eq "a German conversation" "$(said ', "prev_lang": "de"')" "de orari True"
expect_eq "an Italian page" "$(said ', "page_lang": "it"')" "it orari True"
expect_eq "an Italian page, a German conversation" "$(said ', "prev_lang": "de", "page_lang": "it"')" "de orari True"
expect_eq "an English page, a browser asking Italian" "$(said ', "page_lang": "en"' 'it, de;q=0.5')" "it orari True"
page=$(curl -s "${URL}ask?q=When+is+the+hut+open%3F&lang=it")
expect_match "the page without script, in Italian" "$page" "Dal 20 giugno"
stop_server
# the REPL: the last question's language is the conversation's
out=$(printf 'quando e aperto il rifugio\n%s\n' "$q" | "$FAQBOT" repl --index "$TMP/faq.idx" 2>/dev/null)
expect_eq "the REPL after an Italian question" "$(printf '%s\n' "$out" | grep -c 'Dal 20 giugno')" 2
expect_match "named as English names Italian" "$out" "only available in Italian\\."
