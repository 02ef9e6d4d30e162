# deploy_load.py: bounded load for deploy_nginx.sh. THREADS threads ask the
# same question through nginx (keep-alive, GET and POST in turn) until the
# file STOP exists (or MAX seconds), and sort every response: old index,
# new index, a mix of the two (a question from one and an answer from the
# other), or failed. Responses to requests started after the file ROLLED
# exists must all come from the new index. The file STOP.first is made
# once the first answer came, for the rollout to wait on. Prints one JSON
# summary.
# usage: python3 deploy_load.py URL STOP ROLLED [THREADS] [MAX] [TIMEOUT]
# (TIMEOUT: seconds a request may take, 10; longer under valgrind, where a
# replica that has just swapped answers its first question slowly)
import http.client, json, os, sys, threading, time, urllib.parse

url, stop, rolled = sys.argv[1:4]
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 3
max_s = float(sys.argv[5]) if len(sys.argv) > 5 else 60
timeout = float(sys.argv[6]) if len(sys.argv) > 6 and sys.argv[6] else 10
u = urllib.parse.urlsplit(url)
Q = "¿Cuándo concluye la iniciativa?"
MARK = "edición 2"   # in the new index's question and answer, not in the old
counts = {"requests": 0, "failed": 0, "old": 0, "new": 0, "mixed": 0, "old_after_rollout": 0}
errors = []
lock = threading.Lock()


def one(conn, n):
    if n % 2:
        conn.request("POST", u.path + "api/ask", body=json.dumps({"q": Q}).encode(),
                     headers={"Content-Type": "application/json"})
    else:
        conn.request("GET", u.path + "api/ask?q=" + urllib.parse.quote(Q))
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise RuntimeError("HTTP %d %s" % (r.status, body[:100]))
    a = json.loads(body)
    q_new, a_new = MARK in a.get("question", ""), MARK in a.get("answer", "")
    if a.get("id") != "precursores-7":
        raise RuntimeError("answered %s" % a.get("id"))
    return "new" if q_new and a_new else "old" if not q_new and not a_new else "mixed"


def worker():
    conn, n, t0 = None, 0, time.time()
    while not os.path.exists(stop) and time.time() - t0 < max_s:
        after = os.path.exists(rolled)
        try:
            if conn is None:
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
            kind = one(conn, n)
        except Exception as e:  # one failed request, whatever failed
            kind = "failed"
            if conn is not None:
                conn.close()
            conn = None
            with lock:
                if len(errors) < 5:
                    errors.append(repr(e))
        n += 1
        if kind != "failed" and not os.path.exists(stop + ".first"):
            open(stop + ".first", "w").close()
        with lock:
            counts["requests"] += 1
            counts[kind] += 1
            if after and kind == "old":
                counts["old_after_rollout"] += 1


t0 = time.time()
ts = [threading.Thread(target=worker) for _ in range(threads)]
for t in ts:
    t.start()
for t in ts:
    t.join()
counts["seconds"] = round(time.time() - t0, 2)
counts["errors"] = errors
print(json.dumps(counts))
