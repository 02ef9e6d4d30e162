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
# the index answering, as a page that keeps the bot's texts sees it
index_tag() { curl -s -D - -o /dev/null "$URL$1" | tr -d '\r' | sed -n 's/^[Ff]aqbot-[Ii]ndex: //p'; }
tag=$(index_tag "api/ask?q=hola")
expect_match "an answer names its index" "$tag" '^[0-9a-f]{16}$'
expect_eq "the texts name the same index" "$(index_tag api/messages?lang=es)" "$tag"
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
new_tag=$(index_tag "api/ask?q=hola")
expect_match "the new index named" "$new_tag" '^[0-9a-f]{16}$'
[ "$new_tag" != "$tag" ] || fail "the new index has the old one's name: $tag"
ok "the new index named apart from the old"
expect_eq "its texts name it too" "$(index_tag api/messages?lang=es)" "$new_tag"
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
# (once as the file appeared, once more at SIGHUP)
expect_match "metrics: the refusals counted, for an alert" \
    "$(curl -s "${URL}metrics" | grep '^faqbot_index_refused_total ')" '^faqbot_index_refused_total [12]$'
# garbage (not even a header) written beside it and renamed over it
head -c 65536 /dev/urandom > "$TMP/garbage.idx"
mv "$TMP/garbage.idx" "$TMP/faq.idx"
sleep 0.6
expect_eq "garbage index refused, old one answering" \
    "$(curl -s "${URL}api/ask?q=color%20favorito%20de%20la%20red" | json id)" "color-favorito"
[ "$(grep -c 'new index refused' "$TMP/server.err")" -ge 2 ] || fail "garbage not refused with a log line"
ok "garbage refused"
# a whole file with one byte of its postings flipped: open reads the header
# alone, so the server reads every section's checksum before swapping
"$FAQBOT" index --corpus "$TMP/corpus" --out "$TMP/good.idx" >/dev/null || fail "reindex"
size=$(wc -c < "$TMP/good.idx")
python3 - "$TMP/good.idx" "$TMP/flipped.idx" <<'PY'
import sys
b = bytearray(open(sys.argv[1], 'rb').read())
b[len(b) // 2] ^= 0xFF
open(sys.argv[2], 'wb').write(b)
PY
[ "$(wc -c < "$TMP/flipped.idx")" = "$size" ] || fail "flipped copy"
n0=$(grep -c 'new index refused' "$TMP/server.err")
mv "$TMP/flipped.idx" "$TMP/faq.idx"
sleep 0.6
expect_eq "index with a flipped byte refused, old one answering" \
    "$(curl -s "${URL}api/ask?q=color%20favorito%20de%20la%20red" | json id)" "color-favorito"
[ "$(grep -c 'new index refused' "$TMP/server.err")" -gt "$n0" ] || fail "flipped byte not refused with a log line"
ok "flipped byte refused"
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
