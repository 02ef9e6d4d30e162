# cli_tty_code_span.sh: an answer at a narrow terminal keeps a code span
# that fits on a line whole ("`command not found`", to be read or copied
# as one thing, as the chat page keeps it), and breaks one wider than the
# line at its spaces as it did; a lone backtick is no span.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/corpus/en"
cat >"$TMP/corpus/en/faq.md" <<'EOF2'
# zapcli

## Why does zapcli --help not work? {#help}

If `zapcli --help` prints `command not found`, the binary is not on your `PATH`, and ``a `tick` here`` too.
Long: `one two three four five six seven eight nine ten eleven twelve` ends; a lone ` tick stays.
EOF2
index_faq "$TMP/corpus"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb
# the answer on a pseudo-terminal of 40 columns
screen=$(python3 - "$FAQBOT" "$TMP/faq.idx" <<'PY'
import fcntl, os, pty, select, struct, sys, termios
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 40, 0, 0))
    os.execv(sys.argv[1], [sys.argv[1], "ask", "--index", sys.argv[2], "why does zapcli --help not work"])
out = b""
while True:
    r, _, _ = select.select([fd], [], [], 10)
    try:
        chunk = os.read(fd, 4096) if r else b""
    except OSError:
        chunk = b""
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace").replace("\r\n", "\n"))
PY
)
printf '%s\n' "$screen"
long=$(printf '%s\n' "$screen" | awk '{ if (length($0) > m) m = length($0) } END { print m }')
[ "$long" -le 40 ] || fail "a line of $long columns at 40"
ok "no line wider than 40 columns"
printf '%s\n' "$screen" | grep -q '`command not found`' || fail "the code span was broken: $screen"
ok "a code span that fits kept on one line"
printf '%s\n' "$screen" | grep -q '``a `tick` here``' || fail "a span of two backticks was broken"
ok "a span of two backticks kept whole"
printf '%s\n' "$screen" | grep -q '`one.*twelve`' &&
    fail "a span wider than the line was not broken at its spaces"
ok "a span wider than the line broken at its spaces"
printf '%s\n' "$screen" | tr '\n' ' ' | grep -q 'a lone ` tick stays' || fail "the text with a lone backtick lost"
ok "a lone backtick is no span"
