# index_interrupted.sh: Ctrl-C (or a kill) while `index` writes a rebuilt
# FAQ's index left the old index intact (the new one is renamed over it only
# whole) but the half-written new one beside it, "faq.idx.tmp.PID", one more
# each time. The build now removes it on SIGINT and SIGTERM, says the old
# index is unchanged and ends by the signal; the old index is byte for byte
# as it was and still answers. The build's spill files (its tables, runs of
# postings under --memory) never have a name in the folder (they had one
# for a moment, "faq.idx.spill.XXXXXX", which an interrupt then left), so
# that no end of the build, a signal's or an error's, can leave one.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
python3 - "$TMP/c/en/faq.md" <<'PY'
import random, sys
random.seed(7)
words = ("library book loan card fee renew return desk study room printer wifi locker "
         "parking child reader event course archive map journal laptop scanner copy").split()
with open(sys.argv[1], "w") as f:
    f.write("# Library\n\n")
    for i in range(1000):
        w = random.sample(words, 3)
        f.write("## How do I use the %s %s %s, number %d? {#q%d}\n\nAnswer %d: %s.\n\n"
                % (w[0], w[1], w[2], i, i, i, " ".join(random.choice(words) for _ in range(80))))
PY
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>&1 || fail "the old index"
old=$(cksum < "$TMP/faq.idx")
# each signal as a terminal's Ctrl-C or a kill sends it, the moment the new
# index's file is there; a build that ends first is tried again
python3 - "$FAQBOT" "$TMP" >"$TMP/got" 2>&1 <<'PY'
import glob, os, signal, subprocess, sys, time
faqbot, tmp = sys.argv[1], sys.argv[2]
for name in ("INT", "TERM"):
    sig = getattr(signal, "SIG" + name)
    for attempt in range(5):
        p = subprocess.Popen([faqbot, "index", "--corpus", tmp + "/c", "--out", tmp + "/faq.idx"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        while p.poll() is None and not glob.glob(tmp + "/faq.idx.tmp.*"):
            time.sleep(0.001)
        if p.poll() is None:
            p.send_signal(sig)
        err = p.communicate()[1].decode()
        if p.returncode != 0:
            break
    left = [os.path.basename(f) for f in glob.glob(tmp + "/faq.idx*")]
    print("%s: status %d, files %s, said %s" % (name, p.returncode, sorted(left), err.strip()))
PY
cat "$TMP/got"
got=$(cat "$TMP/got")
expect_match "Ctrl-C: ended by it, the new index's file removed" "$got" \
    "^INT: status -2, files \['faq\.idx'\], said faqbot index: interrupted: the old index is unchanged"
expect_match "a kill: the same" "$got" \
    "TERM: status -15, files \['faq\.idx'\], said faqbot index: interrupted: the old index is unchanged"
expect_eq "the old index: byte for byte" "$(cksum < "$TMP/faq.idx")" "$old"
"$FAQBOT" check "$TMP/faq.idx" >/dev/null 2>&1 || fail "the old index: checks"
ok "the old index: checks"
expect_eq "the old index: answers" "$(answer_id 'number 417')" "q417"

# every name made in the index's folder during a build with spills, seen
# by inotify: the new index's temporary file alone
python3 - "$FAQBOT" "$TMP" >"$TMP/made" 2>&1 <<'PY'
import ctypes, os, struct, subprocess, sys
faqbot, tmp = sys.argv[1], sys.argv[2]
libc = ctypes.CDLL(None, use_errno=True)
IN_CREATE, IN_MOVED_TO, IN_NONBLOCK = 0x100, 0x80, 0o4000
fd = libc.inotify_init1(IN_NONBLOCK)
if fd < 0 or libc.inotify_add_watch(fd, tmp.encode(), IN_CREATE | IN_MOVED_TO) < 0:
    sys.exit("inotify: %s" % os.strerror(ctypes.get_errno()))
p = subprocess.run([faqbot, "index", "--corpus", tmp + "/c", "--out", tmp + "/faq.idx", "--memory", "64K"],
                   stdout=subprocess.DEVNULL)
names, data = [], b""
while True:
    try:
        data += os.read(fd, 65536)
    except BlockingIOError:
        break
while data:
    wd, mask, cookie, n = struct.unpack_from("iIII", data)
    name = data[16:16 + n].rstrip(b"\0").decode()
    names.append(("made " if mask & IN_CREATE else "renamed ") + name)
    data = data[16 + n:]
print("status %d: %s" % (p.returncode, ", ".join(names)))
PY
made=$(cat "$TMP/made")
expect_match "a build with spills: only the new index's file named" "$made" \
    '^status 0: made faq\.idx\.tmp\.[0-9]+, renamed faq\.idx$'
