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
before=$(curl -s "${URL}api/ask?q=%C2%BFCu%C3%A1ndo%20concluye%20la%20iniciativa%3F" | json answer_html)
expect_match "answer before the edit" "$before" 'duración indeterminada'
# the editor changes an answer and adds an entry
sed -i 's/La iniciativa es de duración indeterminada/La iniciativa no tiene fecha de fin/' "$TMP/corpus/es/paises-precursores.md"
grep -q 'no tiene fecha de fin' "$TMP/corpus/es/paises-precursores.md" || fail "corpus edit"
cat >> "$TMP/corpus/es/paises-precursores.md" <<'MD'

## ¿Cuál es el color favorito de la Red? {#color-favorito}

El color favorito de la Red es el azul turquesa.
MD
for i in 1 2 3; do "$FAQBOT" index --corpus "$TMP/corpus" --out "$TMP/faq.idx" >/dev/null || fail "reindex"; sleep 0.3; done
sleep 0.5
a=$(curl -s "${URL}api/ask?q=color%20favorito%20de%20la%20red" | json id)
expect_eq "new entry answered without restart" "$a" "color-favorito"
after=$(curl -s "${URL}api/ask?q=%C2%BFCu%C3%A1ndo%20concluye%20la%20iniciativa%3F" | json answer_html)
expect_match "changed answer served without restart" "$after" 'no tiene fecha de fin'
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
expect_match "healthz: when the new index was refused" "$(curl -s "${URL}healthz" | json last_refused.time)" '^20[0-9-]{8}T[0-9:]{8}Z$'
expect_match "healthz: why" "$(curl -s "${URL}healthz" | json last_refused.reason)" '.'
# garbage (not even a header) written beside it and renamed over it
head -c 65536 /dev/urandom > "$TMP/garbage.idx"
mv "$TMP/garbage.idx" "$TMP/faq.idx"
sleep 0.6
expect_eq "garbage index refused, old one answering" \
    "$(curl -s "${URL}api/ask?q=color%20favorito%20de%20la%20red" | json id)" "color-favorito"
[ "$(grep -c 'new index refused' "$TMP/server.err")" -ge 2 ] || fail "garbage not refused with a log line"
ok "garbage refused"
# an empty file, and a missing one, are no reason to stop either
: > "$TMP/faq.idx"; sleep 0.5
rm -f "$TMP/faq.idx"; sleep 0.5; kill -HUP "$SERVER_PID"; sleep 0.3
expect_eq "empty then missing index: old one answering" \
    "$(curl -s "${URL}api/ask?q=color%20favorito%20de%20la%20red" | json id)" "color-favorito"
# a good index again is taken
r0=$(curl -s "${URL}healthz" | json reloads)
"$FAQBOT" index --corpus "$TMP/corpus" --out "$TMP/faq.idx" >/dev/null || fail "reindex"
sleep 0.6
expect_eq "good index taken after refusals" "$(curl -s "${URL}healthz" | json reloads)" "$((r0 + 1))"
kill $LOOP; wait $LOOP 2>/dev/null
n=$(wc -l < "$TMP/codes")
bad=$(grep -vc '^200$' "$TMP/codes")
echo "requests during reloads: $n, not 200: $bad"
[ "$n" -gt 20 ] || fail "too few requests ($n)"
expect_eq "no failed request during reloads" "$bad" "0"
m=$(curl -s "${URL}metrics" | grep '^faqbot_index_reloads_total' | awk '{print $2}')
[ "$m" -eq "$((r0 + 1))" ] || fail "reloads not counted ($m)"
ok "reloads counted: $m"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=""
expect_eq "SIGTERM: clean exit (no sanitizer or valgrind error)" "$rc" 0
