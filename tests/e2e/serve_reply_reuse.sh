# serve_reply_reuse.sh: an answer's buffer, kept once sent for a next
# answer, is never written while another connection's answer is still in
# it: the same questions asked by eight connections at once, on four
# threads, in orders of their own (every third with explain: longer
# answers, which grow a kept buffer), are answered byte for byte as when
# asked one at a time; with the answer cache (whose slots hold answers, let
# go of when written again) and without.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
cat > "$TMP/ask.py" <<'PY'
import sys, threading, random
from api_ask import asker, eval_paths
port = int(sys.argv[1])
paths = eval_paths(sys.argv[2:], 300)
one = asker(port)
first = {p: one(p) for p in paths}
bad = []
def run(seed):
    ask = asker(port)
    order = paths[:]
    random.Random(seed).shuffle(order)
    for p in order:
        try:
            got = ask(p)
        except SystemExit as e:     # not 200: the thread's end, told
            bad.append(str(e))
            return
        if got != first[p]:
            bad.append("%s: answered differently among other connections' answers" % p)
            return
threads = [threading.Thread(target=run, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if bad:
    sys.exit(bad[0])
PY
for cache in "" --no-cache; do
    start_server "$TMP/faq.idx" --threads 4 --web "$ROOT/web" $cache
    port=$(echo "$URL" | sed 's|.*:\([0-9]*\)/$|\1|')
    # the dictionaries open first: an answer given before may differ
    for _ in $(seq 1 400); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "${URL}readyz")" = 200 ] && break
        sleep 0.05
    done
    PYTHONPATH="$ROOT/tests/e2e" python3 "$TMP/ask.py" "$port" "$ROOT"/tests/eval/*.tsv || fail "${cache:-with the cache}: an answer differs"
    stop_server
done
ok "answers asked at once on four threads are the answers asked one at a time, cache or not"
