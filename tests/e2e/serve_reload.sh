# serve_reload.sh: an editor rebuilds the index while questions keep coming:
# no failed request, the new answers appear, a broken index is refused.
. "$ROOT/tests/e2e/lib.sh.inc"
trap 'stop_server; kill $LOOP 2>/dev/null' EXIT
cp -r "$ROOT/corpus" "$TMP/corpus"
"$FAQBOT" index --corpus "$TMP/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx"
# a loop of requests for the whole test, every status recorded
( while :; do curl -s -o /dev/null -w '%{http_code}\n' "${URL}api/ask?q=%C2%BFCu%C3%A1ndo%20concluye%20la%20iniciativa%3F"; done ) > "$TMP/codes" 2>/dev/null &
LOOP=$!
sleep 0.5
cat >> "$TMP/corpus/es/paises-precursores.md" <<'MD'

## ¿Cuál es el color favorito de la Red? {#color-favorito}

El color favorito de la Red es el azul turquesa.
MD
for i in 1 2 3; do "$FAQBOT" index --corpus "$TMP/corpus" --out "$TMP/faq.idx" >/dev/null || fail "reindex"; sleep 0.3; done
sleep 0.5
a=$(curl -s "${URL}api/ask?q=color%20favorito%20de%20la%20red" | json id)
expect_eq "new entry answered without restart" "$a" "color-favorito"
# a broken index file renamed over the good one is refused
head -c 1000 "$TMP/faq.idx" > "$TMP/broken.idx"
mv "$TMP/broken.idx" "$TMP/faq.idx"
sleep 0.6
kill -HUP "$SERVER_PID"
sleep 0.3
a=$(curl -s "${URL}api/ask?q=color%20favorito%20de%20la%20red" | json id)
expect_eq "old index still serving" "$a" "color-favorito"
grep -q 'new index refused' "$TMP/server.err" || fail "no log line for the refused index"
ok "refusal logged"
kill $LOOP; wait $LOOP 2>/dev/null
n=$(wc -l < "$TMP/codes")
bad=$(grep -vc '^200$' "$TMP/codes")
echo "requests during reloads: $n, not 200: $bad"
[ "$n" -gt 20 ] || fail "too few requests ($n)"
expect_eq "no failed request during reloads" "$bad" "0"
m=$(curl -s "${URL}metrics" | grep '^faqbot_index_reloads_total' | awk '{print $2}')
[ "$m" -ge 1 ] || fail "reloads not counted ($m)"
ok "reloads counted: $m"
