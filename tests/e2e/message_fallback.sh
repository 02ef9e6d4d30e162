# message_fallback.sh: a text the index lacks (an index written before its
# key existed, a corpus's "# replace" messages.txt that leaves it out) is
# the text of the language's built-in pack, then English's: never the
# key's name, in the REPL, the answers, the page and /api/messages.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap 'stop_server' EXIT

# French FAQ whose messages replace the pack's and keep only the welcome;
# English (asked in only) keeps one key too: no language of the index has
# the others, as in an index written before they existed
mkdir -p "$TMP/c/fr" "$TMP/c/en"
cat > "$TMP/c/fr/faq.md" <<'MD'
# Piscine

## Quels sont les horaires de la piscine ? {#horaires}

Du lundi au samedi, de 7 h à 21 h.
MD
printf '# replace\npage_welcome = Bienvenue à la piscine.\n' > "$TMP/c/fr/messages.txt"
printf '# replace\npage_welcome = Welcome to the pool.\n' > "$TMP/c/en/messages.txt"
index_faq "$TMP/c"

# the decline, in French from the French pack, not "decline"
got=$("$FAQBOT" ask --index "$TMP/faq.idx" --json --lang fr "Combien coûte le parking des vélos ?" | json message)
expect_eq "a decline's text from the French pack" "$got" "$(sed -n 's/^decline = //p' "$ROOT/lang/fr/messages.txt")"

# the REPL's texts: French's, then the English pack's for a language with
# no pack of its own
out=$(printf ':nothing\n1\n:quit\n' | LANG=fr_FR.UTF-8 "$FAQBOT" repl --index "$TMP/faq.idx")
expect_match "the REPL's unknown command, in French" "$out" "$(sed -n 's/^repl_unknown_command = \(.*\) {command}$/\1/p' "$ROOT/lang/fr/messages.txt")"
expect_match "nothing to pick, in French" "$out" "$(sed -n 's/^repl_nothing_to_pick = \(.\{20\}\).*/\1/p' "$ROOT/lang/fr/messages.txt")"
printf '%s' "$out" | grep -Eq 'repl_[a-z_]+' && fail "the REPL shows a key's name: $out"
ok "the REPL shows no key's name"

# the page: every key of /api/messages a text, the page's own from the
# corpus, the others from the pack
start_server "$TMP/faq.idx"
curl -s "${URL}api/messages?lang=fr" > "$TMP/fr.json"
expect_eq "the corpus's welcome" "$(json page_welcome < "$TMP/fr.json")" "Bienvenue à la piscine."
expect_eq "the vote's thanks from the French pack" "$(json page_thanks < "$TMP/fr.json")" \
    "$(sed -n 's/^page_thanks = //p' "$ROOT/lang/fr/messages.txt")"
expect_eq "the chat button from the French pack" "$(json page_open < "$TMP/fr.json")" \
    "$(sed -n 's/^page_open = //p' "$ROOT/lang/fr/messages.txt")"
python3 - "$TMP/fr.json" <<'PY' || fail "a text of /api/messages is its key"
import json, sys
m = json.load(open(sys.argv[1]))
bad = [k for k, v in m.items() if isinstance(v, str) and v == k]
sys.exit(1 if bad else 0)
PY
ok "no text of /api/messages is its key"
curl -s "${URL}api/messages?lang=en" > "$TMP/en.json"
expect_eq "English's thanks from the English pack" "$(json page_thanks < "$TMP/en.json")" \
    "$(sed -n 's/^page_thanks = //p' "$ROOT/lang/en/messages.txt")"
page=$(curl -s -H 'Accept-Language: fr' "$URL")
printf '%s' "$page" | grep -q '{{' && fail "the page keeps a {{key}}"
expect_match "the page's send button in French" "$page" "$(sed -n 's/^page_send = //p' "$ROOT/lang/fr/messages.txt")"
