# api_ask.py: what the e2e tests of /api/ask share (PYTHONPATH=tests/e2e):
# the eval's questions as request paths, and a client on one kept-alive
# connection.
import http.client
import urllib.parse


def eval_paths(files, n):
    """The first n questions of the eval files as /api/ask paths, every
    third with explain (a longer answer)."""
    qs = []
    for f in files:
        for line in open(f, encoding="utf-8").read().splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) >= 2:
                qs.append(cols[1])
    return ["/api/ask?q=%s%s" % (urllib.parse.quote(q, safe=""), "&explain=1" if i % 3 == 0 else "")
            for i, q in enumerate(qs[:n])]


def asker(port):
    """ask(path): the body of a GET on a connection of its own, kept
    alive; exits unless the status is 200."""
    c = http.client.HTTPConnection("127.0.0.1", port)

    def ask(p):
        c.request("GET", p)
        r = c.getresponse()
        body = r.read()
        if r.status != 200:
            raise SystemExit("%s: %d" % (p, r.status))
        return body
    return ask
