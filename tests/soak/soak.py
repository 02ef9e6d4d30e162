#!/usr/bin/env python3
"""soak.py: faqbot serve under load while its index is rebuilt and swapped
every second, with hostile clients beside it: malformed requests, a client
sending a byte a second, oversized bodies, many idle connections. Passes
when: no 5xx, no wrong answer, every hostile request refused with a 4xx,
the slow client dropped, memory flat, and a `faqbot index` killed with -9
midway leaves the old index intact and served. Prints a table of figures.

usage: soak.py FAQBOT ROOT WORKDIR SECONDS
"""
import json, os, shutil, signal, socket, subprocess, sys, threading, time, urllib.parse, urllib.request

faqbot, root, work, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
figures, failures = {}, []

def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what, flush=True)

corpus = os.path.join(work, "corpus")
shutil.copytree(os.path.join(root, "corpus"), corpus)
index = os.path.join(work, "faq.idx")
subprocess.run([faqbot, "index", "--corpus", corpus, "--out", index], check=True, stdout=subprocess.DEVNULL)
server = subprocess.Popen([faqbot, "serve", "--port", "0", "--index", index, "--threads", "4"],
                          stdout=subprocess.PIPE, stderr=open(os.path.join(work, "server.log"), "w"), text=True)
url = server.stdout.readline().strip().split()[-1]
host, port = urllib.parse.urlparse(url).hostname, urllib.parse.urlparse(url).port

def rss_kb():
    with open(f"/proc/{server.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

def server_gone():
    """The server's end, when it died under the test: its exit status and
    the last lines it wrote, so a crash on a machine far away is told."""
    rc = server.poll()
    if rc is None:
        return False
    with open(os.path.join(work, "server.log"), errors="replace") as f:
        tail = f.read().splitlines()[-40:]
    print(f"FAIL: the server ended under load, exit status {rc}", flush=True)
    print("\n".join("server.log: " + l for l in tail), flush=True)
    return True

def get(path, timeout=5):
    try:
        with urllib.request.urlopen(url + path.lstrip("/"), timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

def raw(data, timeout=5):
    """Send raw bytes, return the status line's code (or 0)."""
    s = socket.create_connection((host, port), timeout=timeout)
    try:
        s.sendall(data)
        resp = s.recv(4096).decode("latin-1")
        return int(resp.split()[1]) if resp.startswith("HTTP/") else 0
    except OSError:
        return 0
    finally:
        s.close()

stop = threading.Event()
counts = {"reindex": 0, "checked": 0, "wrong": 0, "hostile": 0, "hostile_not_4xx": 0}
lock = threading.Lock()

def reindexer():
    # an editor saving and rebuilding every second
    i = 0
    while not stop.is_set():
        i += 1
        with open(os.path.join(corpus, "es", "zz-soak.md"), "w") as f:
            f.write(f"# Soak\n\n## ¿Cuál es el número de versión del soak? {{#soak-version}}\n\nLa versión es {i}.\n")
        subprocess.run([faqbot, "index", "--corpus", corpus, "--out", index], stdout=subprocess.DEVNULL)
        with lock:
            counts["reindex"] += 1
        stop.wait(1)

def checker():
    # the same question must always get the same, right answer
    q = urllib.parse.quote("¿Cuándo concluye la iniciativa?")
    while not stop.is_set():
        try:
            code, body = get("/api/ask?q=" + q)
        except OSError:
            if server_gone():
                stop.set()
                return
            raise
        ok = code == 200 and json.loads(body).get("id") == "precursores-7"
        with lock:
            counts["checked"] += 1
            counts["wrong"] += not ok

def hostile():
    cases = [
        b'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{"q":',
        b'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 9000000\r\n\r\n' + b"a" * 1000,
        b'GET /api/ask?q=%FF%FE HTTP/1.1\r\nHost: x\r\n\r\n',
        b'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n',
        b'DELETE /api/ask HTTP/1.1\r\nHost: x\r\n\r\n',
        b'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{"q":"\x00a"}',
        b'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 14\r\n\r\n{"q":"\xff\xfe"}    ',
        b'GET /api/ask?q=' + b'a' * 1200 + b' HTTP/1.1\r\nHost: x\r\n\r\n',
    ]
    i = 0
    while not stop.is_set():
        code = raw(cases[i % len(cases)])
        with lock:
            counts["hostile"] += 1
            counts["hostile_not_4xx"] += not (400 <= code < 500)
        i += 1
        time.sleep(0.01)

slow_result = {}
def slow_client():
    # a body at a byte a second: the server must drop it and keep serving the others
    s = socket.create_connection((host, port))
    start = time.time()
    try:
        s.sendall(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
        for b in b"x" * 100:
            s.send(bytes([b]))
            s.settimeout(1)
            try:
                if s.recv(1) == b"":
                    break   # closed by the server
            except socket.timeout:
                pass
            if time.time() - start > seconds + 30:
                break
    except OSError:
        pass
    slow_result["dropped_after_s"] = round(time.time() - start, 1)
    s.close()

idle = []
for _ in range(100):
    try:
        idle.append(socket.create_connection((host, port)))
    except OSError:
        break
figures["idle connections held open"] = len(idle)

time.sleep(1)
rss_start = rss_kb()
threads = [threading.Thread(target=t, daemon=True) for t in (reindexer, checker, hostile, slow_client)]
for t in threads:
    t.start()

# wrk at full rate on distinct questions
lua = os.path.join(work, "q.lua")
qs = []
for name in ("es", "en", "fr", "pt"):
    for line in open(os.path.join(root, "tests", "eval", name + ".tsv"), encoding="utf-8").read().splitlines()[1:]:
        qs.append(urllib.parse.quote(line.split("\t")[1], safe=""))
with open(lua, "w") as f:
    f.write("local qs = {" + ",".join('"%s"' % q for q in qs) + "}\nlocal n = 0\n")
    f.write("request = function() n = n + 1; return wrk.format('GET', '/api/ask?q=' .. qs[n % #qs + 1] .. '%20' .. n) end\n")
    f.write("done = function(summary, latency, requests)\n"
            "  io.write(string.format('WRK requests=%d errors_status=%d errors_connect=%d errors_timeout=%d\\n',"
            " summary.requests, summary.errors.status, summary.errors.connect, summary.errors.timeout))\nend\n")
wrk = subprocess.Popen(["wrk", "-t2", "-c32", f"-d{seconds}s", "-s", lua, url], stdout=subprocess.PIPE, text=True)
time.sleep(seconds / 4)
rss_warm = rss_kb()   # after the caches have filled
out, _ = wrk.communicate()
if server_gone():
    print("soak: 0 passed, 1 failed")
    sys.exit(1)
wrk.stdout = out
stats = dict(kv.split("=") for kv in wrk.stdout.split("WRK ")[-1].split())
rss_end = rss_kb()
stop.set()

for t in threads[:3]:
    t.join(timeout=10)
# kill -9 of an index build midway: the old index stays, and is served
big = os.path.join(work, "big")
os.makedirs(os.path.join(big, "es"))
words = [w for w in open(os.path.join(root, "corpus", "es", "paises-precursores.md"), encoding="utf-8").read().split() if w.isalpha()]
with open(os.path.join(big, "es", "big.md"), "w", encoding="utf-8") as f:
    for i in range(150000):   # long enough to be killed midway
        f.write(f"## {' '.join(words[(i * 7 + k) % len(words)] for k in range(8))}? {{#big-{i}}}\n\n")
        f.write(" ".join(words[(i * 13 + k) % len(words)] for k in range(60)) + "\n\n")
with open(index, "rb") as f:
    before = f.read()
p = subprocess.Popen([faqbot, "index", "--corpus", big, "--out", index], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(0.4)
figures["index build still running when killed"] = p.poll() is None
p.send_signal(signal.SIGKILL)
p.wait()
with open(index, "rb") as f:
    after = f.read()
check(figures["index build still running when killed"], "the big build ended before the kill")
check(before == after, "kill -9 of faqbot index changed the index")
leftovers = [n for n in os.listdir(work) if ".tmp." in n]
figures["temporary files left by the killed build (removed by the next build's name, never read)"] = len(leftovers)
code, body = get("/api/ask?q=" + urllib.parse.quote("¿Cuándo concluye la iniciativa?"))
check(code == 200 and json.loads(body)["id"] == "precursores-7", "not served after the killed build")

for s in idle:
    s.close()
server.send_signal(signal.SIGTERM)
rc = server.wait(timeout=20)
threads[3].join(timeout=seconds + 40)

log = open(os.path.join(work, "server.log")).read()
reloads = log.count("index reloaded")
figures.update({
    "seconds under load": seconds,
    "requests served by wrk": int(stats["requests"]),
    "requests/s": round(int(stats["requests"]) / seconds),
    "wrk non-2xx/3xx responses": int(stats["errors_status"]),
    "wrk connect/timeout errors": int(stats["errors_connect"]) + int(stats["errors_timeout"]),
    "5xx in the access log": sum(1 for l in log.splitlines() if '"status":5' in l),
    "index rebuilds": counts["reindex"],
    "index swaps (reloads)": reloads,
    "same-question checks": counts["checked"],
    "wrong answers": counts["wrong"],
    "hostile requests": counts["hostile"],
    "hostile requests not refused with 4xx": counts["hostile_not_4xx"],
    "slow client dropped after (s)": slow_result.get("dropped_after_s"),
    "RSS at start (MB)": round(rss_start / 1024, 1),
    "RSS a quarter into the load (MB)": round(rss_warm / 1024, 1),
    "RSS at end (MB)": round(rss_end / 1024, 1),
    "server exit code on SIGTERM": rc,
})
for k, v in figures.items():
    print(f"| {k} | {v} |")
check(figures["wrk non-2xx/3xx responses"] == 0, "wrk saw error statuses")
check(figures["5xx in the access log"] == 0, "5xx responses")
check(counts["wrong"] == 0 and counts["checked"] > 10, "wrong answers during reloads")
check(counts["hostile_not_4xx"] == 0, "a hostile request was not refused with 4xx")
check(reloads >= 2, "the index was not swapped")
check(slow_result.get("dropped_after_s", 999) < 60, "the slow client was not dropped")
check(rss_end < rss_warm * 1.25 + 4096, "memory grew under load")
check(rc == 0, "server did not exit cleanly")
print(f"soak: {0 if failures else 1} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
