# serve_reload_ready.sh: an index rebuilt with languages the running server
# has not loaded the dictionaries of is swapped in with them loaded: /readyz
# answers 200 before, during and after the swap, never "loading", and the
# new index's answers come from then on.
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts en_US.dic hunspell-en-us
trap 'stop_server; [ -n "${POLL:-}" ] && kill $POLL 2>/dev/null' EXIT
# the server starts on the Spanish FAQ alone
mkdir -p "$TMP/corpus"
cp -r "$ROOT/corpus/es" "$TMP/corpus/es"
"$FAQBOT" index --corpus "$TMP/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx"
for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "${URL}readyz")" = 200 ] && break
    sleep 0.1
done
expect_eq "ready on the first index" "$(curl -s "${URL}readyz" | json status)" "ready"
ask_id() { curl -s -G "${URL}api/ask" --data-urlencode "q=$1" | json id; }
expect_eq "an entry not there yet: not answered" "$(ask_id 'color favorito de la Red')" "null"

# /readyz asked without a pause for the whole reload, every status kept
( while :; do curl -s -o /dev/null -w '%{http_code}\n' "${URL}readyz"; done ) > "$TMP/codes" 2>/dev/null &
POLL=$!
sleep 0.3
# the editor adds an entry, and the English, French and Portuguese FAQs,
# whose dictionaries and thesauri this process has not opened
cp -r "$ROOT/corpus/en" "$ROOT/corpus/fr" "$ROOT/corpus/pt" "$TMP/corpus/"
cat >> "$TMP/corpus/es/paises-precursores.md" <<'MD'

## ¿Cuál es el color favorito de la Red? {#color-favorito}

El color favorito de la Red es el azul turquesa.
MD
"$FAQBOT" index --corpus "$TMP/corpus" --out "$TMP/new.idx" >/dev/null || fail "reindex"
mv "$TMP/new.idx" "$TMP/faq.idx"
for _ in $(seq 1 600); do
    [ "$(curl -s "${URL}healthz" | json reloads)" = 1 ] && break
    sleep 0.05
done
expect_eq "the new index swapped in" "$(curl -s "${URL}healthz" | json reloads)" "1"
sleep 0.3
kill $POLL; wait $POLL 2>/dev/null; POLL=""
n=$(wc -l < "$TMP/codes")
bad=$(grep -vc '^200$' "$TMP/codes")
echo "readyz asked $n times across the reload, not 200: $bad"
[ "$n" -gt 10 ] || fail "too few looks at /readyz ($n)"
expect_eq "readyz 200 throughout the reload" "$bad" "0"
expect_eq "the new entry answered" "$(ask_id 'color favorito de la Red')" "color-favorito"
expect_eq "a new language answered in its own" \
    "$(curl -s -G "${URL}api/ask" --data-urlencode 'q=which countries are champions of the compact' | json lang)" "en"
grep -q 'index reloaded' "$TMP/server.err" || fail "no log line for the reload"
ok "reload logged"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=""
expect_eq "SIGTERM: clean exit (no sanitizer or valgrind error)" "$rc" 0
