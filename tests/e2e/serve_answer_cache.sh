# serve_answer_cache.sh: answers from the server's answer cache are the
# answers asked fresh, byte for byte, while slots are written again by
# other questions' answers of other lengths (with and without explain);
# /metrics counts the answers the cache sent, none with --no-cache.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx"
port=$(echo "$URL" | sed 's|.*:\([0-9]*\)/$|\1|')
PYTHONPATH="$ROOT/tests/e2e" python3 - "$port" "$ROOT"/tests/eval/*.tsv <<'PY' || fail "a cached answer differs from the fresh one"
import sys
from api_ask import asker, eval_paths
paths = eval_paths(sys.argv[2:], 900)
ask = asker(int(sys.argv[1]))
first = {p: ask(p) for p in paths}
# again in order (an answer still in its slot comes from the cache), then
# backwards (slots written again by answers of other lengths)
for order in (paths, paths[::-1]):
    for p in order:
        if ask(p) != first[p]:
            sys.exit("%s: answered differently the second time" % p)
PY
hits() { curl -s "${URL}metrics" | sed -n 's/^faqbot_answer_cache_hits_total \([0-9]*\)$/\1/p'; }
n=$(hits)
[ "${n:-0}" -ge 900 ] || fail "the second and third passes counted $n answers from the cache"
stop_server
start_server "$TMP/faq.idx" --no-cache
q="${URL}api/ask?q=%C2%BFQu%C3%A9%20pa%C3%ADses%20participan%3F"
curl -s "$q" >"$TMP/a1"; curl -s "$q" >"$TMP/a2"
grep -q '"answer"' "$TMP/a1" || fail "--no-cache: no answer"
cmp -s "$TMP/a1" "$TMP/a2" || fail "--no-cache: the same question answered differently"
n=$(hits)
[ "$n" = 0 ] || fail "--no-cache: $n answers counted from the cache"
ok "cached answers are the fresh ones; /metrics counts them; --no-cache keeps none"
