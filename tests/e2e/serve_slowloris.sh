# serve_slowloris.sh: a slow-client attack does not hold the server. 1,200
# connections from six loopback addresses trickle header bytes (one a
# second); a client from a seventh is answered at once, the per-address
# limit refuses what is over it, and every trickling connection is closed
# at the whole-request deadline (src/limits.h), which trickling cannot
# stretch.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
limits="$ROOT/src/limits.h"
deadline=$(sed -n 's/^#define FAQ_HTTP_REQUEST_DEADLINE_S *\([0-9]*\).*/\1/p' "$limits")
per_ip=$(sed -n 's/^#define FAQ_HTTP_MAX_PER_IP *\([0-9]*\).*/\1/p' "$limits")
[ -n "$deadline" ] && [ -n "$per_ip" ] || fail "limits not found in src/limits.h"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx" --threads 2
# under valgrind everything is slower: the bounds widen, the behaviour is the same
slack=1
[ -n "${FAQBOT_REAL:-}" ] && slack=4
python3 - "$URL" "$deadline" "$per_ip" "$slack" <<'PY' || fail "slow clients"
import selectors, socket, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
deadline, per_ip, slack = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
port = u.port
sel = selectors.DefaultSelector()
opened = {}     # socket -> time opened
closed = {}     # socket -> seconds it lived
t0 = time.monotonic()
for a in range(2, 8):
    for _ in range(200):
        s = socket.socket()
        s.bind((f"127.0.0.{a}", 0))
        s.connect(("127.0.0.1", port))
        s.setblocking(False)
        s.send(b"GET /healthz HTTP/1.1\r\n")
        opened[s] = time.monotonic()
        sel.register(s, selectors.EVENT_READ)
print(f"opened 1200 connections in {time.monotonic() - t0:.2f} s")

def pump(until):
    while time.monotonic() < until:
        for key, _ in sel.select(timeout=0.05):
            s = key.fileobj
            try:
                gone = s.recv(4096) == b""
            except OSError:
                gone = True
            if gone:
                closed[s] = time.monotonic() - opened[s]
                sel.unregister(s)
                s.close()

def trickle():
    for s in opened:
        if s not in closed:
            try:
                s.send(b"X")     # one more byte of a header line that never ends
            except OSError:
                pass

# refused at once: what is over the per-address limit
pump(time.monotonic() + 1)
trickle()
early = len(closed)
held = 1200 - early
print(f"held {held}, refused at once {early}")
assert early >= 6 * (200 - per_ip), f"the per-address limit refused only {early}"
assert held >= 6 * min(per_ip, 200) * 0.9, f"only {held} held: the attack was not even let in"
# a client from a seventh address, while they trickle
c = socket.socket()
c.bind(("127.0.0.8", 0))
c.settimeout(10)
t = time.monotonic()
c.connect(("127.0.0.1", port))
c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
reply = b""
while True:
    b = c.recv(4096)
    if not b:
        break
    reply += b
took = time.monotonic() - t
print(f"client from 127.0.0.8: {reply.split(b' ')[1].decode()} in {took * 1000:.0f} ms")
assert reply.startswith(b"HTTP/1.1 200"), reply[:100]
assert took < slack, f"the seventh client waited {took:.2f} s"
# trickle on until the deadline has passed
end = time.monotonic() + deadline + 1 + slack
while time.monotonic() < end and len(closed) < 1200:
    pump(min(end, time.monotonic() + 1))
    trickle()
lived = sorted(v for s, v in closed.items() if v > 1.5)
print(f"closed {len(closed)} of 1200; the held lived {lived[0] if lived else 0:.1f} to {lived[-1] if lived else 0:.1f} s (deadline {deadline} s)")
assert len(closed) == 1200, f"{1200 - len(closed)} trickling connections still open after {deadline + 1 + slack:.0f} s"
assert lived and lived[0] >= deadline - 0.5, f"a held connection closed at {lived[0]:.1f} s, before the deadline"
assert lived[-1] <= deadline + slack + 0.5, f"a held connection lived {lived[-1]:.1f} s"
PY
ok "1,200 trickling connections: a seventh address answered, all closed at the deadline"
expect_eq "still serving" "$(status GET /healthz)" 200
m=$(curl -s "${URL}metrics")
expect_match "deadline closes counted" "$m" 'faqbot_connections_closed_total\{reason="deadline"\} [1-9][0-9]{2}'
expect_match "per-address refusals counted" "$m" 'faqbot_connections_closed_total\{reason="per_address"\} [1-9]'
