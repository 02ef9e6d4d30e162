# serve_reload_storm.sh: the index reloaded every 20 ms (SIGHUP forces it)
# while 4 clients ask distinct questions on every route that reads it: the
# server stays up, and every reply is the one it gives without reloads. A
# reply built from an index a swap has just unmapped crashes the server or
# changes the reply (the soak's crash: an answer's language code read after
# its searcher was put back). The file is replaced now and then too, as a
# rebuild does; SIGHUP reopens the logs, which the requests write
# meanwhile. Under valgrind fewer reloads and clients.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx" --threads 4 --web "$ROOT/web" --feedback-log "$TMP/feedback.jsonl" \
    --unanswered "$TMP/unanswered.txt" --access-log "$TMP/access.jsonl" --log-questions
expect_eq "serving" "$(status GET /healthz)" 200
# ready first: the first index's dictionaries load in the background, and
# the first reload would wait for them (seconds under a sanitizer)
for _ in $(seq 1 1200); do [ "$(status GET /readyz)" = 200 ] && break; sleep 0.1; done
expect_eq "ready" "$(status GET /readyz)" 200
# seconds of storm, ms between reloads, clients, reloads at least, every
# how many questions asked (a reload takes 10 ms, 25 under ASan, 400 under
# TSan: FAQBOT_STORM="30 20 4 20 1" gives TSan a longer look)
storm="5 20 4 10 1"
[ -n "${FAQBOT_REAL:-}" ] && storm="4 250 2 3 4"
storm=${FAQBOT_STORM:-$storm}
if python3 - "$URL" "$SERVER_PID" "$ROOT/corpus" "$TMP/sent" "$TMP/faq.idx" $storm <<'PY'
import glob, shutil, http.client, json, os, re, signal, sys, threading, time, urllib.parse
url, pid, corpus, sent, index = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
seconds, every_ms, clients, _, step = (float(a) for a in sys.argv[6:11])
u = urllib.parse.urlparse(url)
# every entry's question, in each language, and a few no entry answers
questions = []
for f in sorted(glob.glob(corpus + "/*/*.md")):
    lang = f.split("/")[-2]
    for m in re.finditer(r"^## (.*?) \{#([^}]+)\}$", open(f, encoding="utf-8").read(), re.M):
        questions.append((m.group(1), m.group(2), lang))
questions += [(q, None, None) for q in ("zorglub quantique", "¿a qué hora abre la piscina?",
                                        "quel temps fait-il à Genève ?", "tell me a joke about llamas")]
questions = questions[::int(step)]
Q = urllib.parse.quote
context = {f"k{i}": [i, "v"] for i in range(300)}
LANGQ = "?projectName=p&deploymentName=d&api-version=2021-10-01"

def calls(q, eid, lang):
    """The requests of one question on every route, each with how its
    reply is checked: the status wanted, and what of the body must be
    as without reloads."""
    yield ("GET", "/api/ask?q=" + Q(q), None, 200, lambda b: [json.loads(b)[k] for k in ("id", "outcome", "lang")])
    # with a client's own fields beside (a bot's context), which the server
    # frees after it puts its searcher back: the gap they make is where the
    # soak's crash was (the server of 66def95 died in 6 runs of 6 with them,
    # in 0 of 3 without)
    yield ("POST", "/api/ask", dict({"q": q, "lang": lang} if lang else {"q": q}, context=context), 200,
           lambda b: [json.loads(b)[k] for k in ("id", "outcome", "lang")])
    yield ("POST", "/qnamaker/knowledgebases/kb/generateAnswer", {"question": q, "top": 3}, 200,
           lambda b: [(a["id"], a["answer"]) for a in json.loads(b)["answers"]])
    yield ("POST", "/language/:query-knowledgebases" + LANGQ, {"question": q, "top": 3}, 200,
           lambda b: [(a["id"], a["answer"]) for a in json.loads(b)["answers"]])
    yield ("GET", "/ask?q=" + Q(q) + ("&lang=" + lang if lang else ""), None, 200, lambda b: b)
    yield ("GET", "/api/messages?lang=" + (lang or "xx"), None, 200, lambda b: b)
    if eid:
        yield ("POST", "/api/feedback", {"q": q, "id": eid, "lang": lang, "vote": "up"}, 204, lambda b: b)
        yield ("POST", "/api/feedback", {"q": q, "id": eid + "-none", "vote": "down"}, 400, lambda b: b)
        yield ("POST", "/qnamaker/knowledgebases/kb/train",
               {"feedbackRecords": [{"userId": "u", "userQuestion": q, "qnaId": 0}]}, 204, lambda b: b)
        yield ("POST", "/language/query-knowledgebases/projects/p/feedback" + LANGQ,
               {"records": [{"userId": "u", "userQuestion": q, "qnaId": "1"}]}, 204, lambda b: b)
        yield ("POST", "/qnamaker/knowledgebases/kb/train",
               {"feedbackRecords": [{"userId": "u", "userQuestion": q, "qnaId": 99999}]}, 400, lambda b: b)

work = [c for q in questions for c in calls(*q)]

# the server on one core: a swap then comes while requests are midway,
# their threads stopped anywhere, as on a loaded machine (the soak's
# crash came through such a gap: between a thread's put and its last
# read of the index)
cpu = min(os.sched_getaffinity(0))
for tid in os.listdir(f"/proc/{pid}/task"):
    os.sched_setaffinity(int(tid), {cpu})

class Client:
    def __init__(self):
        self.conn = None
    def send(self, method, path, body):
        for attempt in (0, 1):
            if not self.conn:
                self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
            try:
                data = json.dumps(body).encode() if body is not None else None
                self.conn.request(method, path, data, {"Content-Type": "application/json"} if data else {})
                r = self.conn.getresponse()
                return r.status, r.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # a kept connection the server closed between requests: once more, anew
                self.conn.close()
                self.conn = None
                if attempt or not alive():
                    raise

def alive():
    # a server that died stays a zombie until the shell reaps it
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False

def key(check, status, body):
    return status, check(body.decode("utf-8"))

# the replies without reloads
want = {}
c = Client()
for i, (m, p, b, st, check) in enumerate(work):
    status, body = c.send(m, p, b)
    if status != st:
        sys.exit(f"without reloads: {m} {p} {b}: {status}, want {st}: {body[:300]!r}")
    want[i] = key(check, status, body)

stop = threading.Event()
problems, counts = [], [0] * int(clients)

def client(n):
    cl = Client()
    i = n * 7919   # each client through the list from its own place
    try:
        while not stop.is_set():
            m, p, b, st, check = work[i % len(work)]
            status, body = cl.send(m, p, b)
            got = key(check, status, body) if status == st else (status, body[:300])
            if got != want[i % len(work)]:
                problems.append(f"{m} {p} {b}: got {got!r}, want {want[i % len(work)]!r}")
                stop.set()
            counts[n] += 1
            i += 1
    except Exception as e:
        problems.append(f"client {n}: {type(e).__name__}: {e}" + ("" if alive() else " (the server died)"))
        stop.set()

ts = [threading.Thread(target=client, args=(n,)) for n in range(int(clients))]
for t in ts:
    t.start()
end = time.monotonic() + seconds
hups = 0
while time.monotonic() < end and not stop.is_set():
    try:
        os.kill(pid, signal.SIGHUP)
    except ProcessLookupError:
        problems.append("the server is gone")
        break
    hups += 1
    if hups % 10 == 0:
        # and, as an editor's rebuild does, a new file renamed over it
        shutil.copyfile(index, index + ".new")
        os.replace(index + ".new", index)
    time.sleep(every_ms / 1000)
stop.set()
for t in ts:
    t.join()
open(sent, "w").write(f"{len(work) + sum(counts)}\n")
print(f"{sum(counts)} replies from {int(clients)} clients, {hups} SIGHUPs in {seconds:g} s")
for p in problems[:5]:
    print("problem:", p)
sys.exit(1 if problems else 0)
PY
then
    ok "every reply as without reloads"
else
    kill -0 "$SERVER_PID" 2>/dev/null || { wait "$SERVER_PID"; rc=$?; SERVER_PID=""
        tail -n 20 "$TMP/server.err"; fail "the server died under reloads, exit status $rc"; }
    fail "replies under reloads"
fi
kill -0 "$SERVER_PID" 2>/dev/null || fail "the server died: $(tail -n 20 "$TMP/server.err")"
ok "the server is alive"
expect_eq "still serving" "$(status GET /healthz)" 200
reloads=$(grep -c 'index reloaded' "$TMP/server.err")
min=$(echo "$storm" | cut -d' ' -f4)
[ "$reloads" -ge "$min" ] || fail "only $reloads reloads logged, want $min or more"
ok "$reloads reloads logged"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=""
grep -E 'ThreadSanitizer|AddressSanitizer|runtime error' "$TMP/server.err" | head -n 5
expect_eq "SIGTERM: clean exit (no sanitizer or valgrind error)" "$rc" 0
# (and the looks at /healthz and /readyz)
expect_eq "every request in the access log, reopened at each SIGHUP" \
    "$(wc -l < "$TMP/access.jsonl" | tr -d ' ')" "$(($(cat "$TMP/sent") + $(grep -c '"/readyz"' "$TMP/access.jsonl") + 2))"
