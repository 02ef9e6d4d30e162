# cli_repl_tty.sh: the REPL at a real terminal (a pseudo-terminal, not a
# pipe): Spanish typed with accents, key by key, is answered; the history
# survives a restart (up-arrow brings the question back); Ctrl-C drops the
# line being typed, Ctrl-D quits; a number typed after a decline that
# offered nothing is told there is nothing to pick.
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
export XDG_STATE_HOME="$TMP/state" LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm
# tty_run KEYS...: runs the REPL on a pseudo-terminal, sends each KEYS
# (UTF-8, written a byte at a time) after the prompt shows, prints the screen
tty_run() {
    python3 - "$FAQBOT" "${IDX:-$TMP/faq.idx}" "$@" <<'PY'
import os, pty, select, sys, time
faqbot, idx, keys = sys.argv[1], sys.argv[2], sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(faqbot, [faqbot, "repl", "--index", idx])
out = b""
def read_until(pred, secs=10):
    global out
    end = time.time() + secs
    while time.time() < end and not pred():
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return
            if not chunk:
                return
            out += chunk
prompts = lambda: out.count(b"> ")
for k in keys:
    n = prompts()
    read_until(lambda: prompts() > n - 1 and out.rstrip().endswith(b">") or prompts() > n)
    for b in k.encode().decode("unicode_escape").encode("latin-1"):
        os.write(fd, bytes([b]))
        time.sleep(0.002)
    read_until(lambda: False, 1.0 if k.endswith("\\r") else 0.2)
read_until(lambda: False, 1.0)
try:
    _, status = os.waitpid(pid, 0)
except ChildProcessError:
    status = 0
sys.stdout.write(out.decode("utf-8", "replace"))
sys.stdout.write("\nexit=%d\n" % os.waitstatus_to_exitcode(status))
PY
}
# the question's bytes, escaped so that unicode_escape gives them back
q=$(python3 -c 'print("".join("\\x%02x" % b for b in "¿Cuándo concluye la iniciativa?".encode()))')
out=$(tty_run "${q}\\r" ':quit\r')
printf '%s\n' "$out"
expect_match "accented question typed at a terminal is answered" "$out" 'continuará al menos hasta el primer Foro'
printf '%s' "$out" | grep -q 'Quiso decir' && fail "the typed accents were lost (a correction was offered)"
ok "no correction offered: the accents arrived"
expect_match "exit 0" "$out" 'exit=0'
[ -s "$TMP/state/faqbot/history" ] || fail "no history file under XDG_STATE_HOME"
ok "history kept in \$XDG_STATE_HOME/faqbot/history"
# a new run: up-arrow twice (past :quit) recalls the question, Enter asks it
out=$(tty_run '\x1b[A\x1b[A\r' ':quit\r')
printf '%s\n' "$out"
n=$(printf '%s\n' "$out" | grep -c 'continuará al menos hasta el primer Foro')
[ "$n" -ge 1 ] || fail "up-arrow after a restart did not recall the question"
ok "history survives a restart"
# nowhere to keep history: the REPL works all the same, quietly
out=$(XDG_STATE_HOME=/proc/none HOME=/proc/none tty_run "${q}\\r" ':quit\r')
expect_match "unwritable history: still answers" "$out" 'continuará al menos hasta el primer Foro'
printf '%s' "$out" | grep -qi 'history' && fail "a history failure was reported"
ok "a history failure is quiet"
# Ctrl-C drops the question being typed and gives a new prompt, as a shell
# does (it used to end the REPL); Ctrl-D still quits, with exit 0
out=$(tty_run "${q}" '\x03' 'hola\r' '\x04')
printf '%s\n' "$out"
printf '%s' "$out" | grep -q 'continuará al menos hasta el primer Foro' && fail "Ctrl-C: the half-typed question was asked"
ok "Ctrl-C: the half-typed question is not asked"
expect_match "Ctrl-C: the REPL goes on" "$out" '¡Hola!'
expect_match "Ctrl-D after Ctrl-C: exit 0" "$out" 'exit=0'
# a decline that offers nothing, then "1": nothing to pick, in the
# conversation's language, and no answer (the seed's "1 November 2020"
# entry used to be given for it)
out=$(tty_run ':lang es\r' 'xqzw vbnk\r' '1\r' ':quit\r')
printf '%s\n' "$out"
expect_match "a number with nothing to pick: told so, in Spanish" "$out" 'No hay nada que elegir'
printf '%s' "$out" | grep -q '## ' && fail "the number was answered as a question"
ok "the number is not asked"
# a command it does not know is named before the help (it used to show the
# help alone, as if :help had been typed); :help itself names nothing
out=$(tty_run ':foo\r' ':help\r' ':quit\r')
printf '%s\n' "$out"
expect_match "unknown command named" "$out" 'Unknown command :foo'
expect_match "then the help" "$out" 'Commands: :help, :lang'
n=$(printf '%s\n' "$out" | grep -c 'Unknown command')
expect_eq "only the unknown command is called unknown" "$n" "1"
# a locale the system lacks (as LANG=fr_FR.UTF-8 where only C.UTF-8 is
# installed), or "C": the accents typed still arrive, read as UTF-8
for loc in qq_QQ.UTF-8 C; do
    out=$(LC_ALL=$loc LANG=$loc tty_run "${q}\\r" ':quit\r')
    expect_match "locale $loc: the accented question is answered" "$out" 'continuará al menos hasta el primer Foro'
    printf '%s' "$out" | grep -q 'Quiso decir' && fail "locale $loc: the typed accents were lost"
    ok "locale $loc: no correction offered"
done
# the terminal's locale as the server reads a browser's language: a
# Norwegian user's LANG=nb_NO.UTF-8 (or nn_NO) names the FAQ's "no", so
# "taxi", a word of both its languages, is answered in Norwegian, not in
# the FAQ's first language (the locale's first two letters, "nb", were
# looked up alone)
mkdir -p "$TMP/nob/de" "$TMP/nob/no"
printf '# Fragen\n\n## Wo halten Taxi und Bus? {#taxi}\n\nTaxis halten vor dem Haupteingang.\n' >"$TMP/nob/de/faq.md"
printf '# Spørsmål\n\n## Hvor stopper taxi og buss? {#taxi}\n\nDrosjene stopper ved hovedinngangen.\n' >"$TMP/nob/no/faq.md"
"$FAQBOT" index --corpus "$TMP/nob" --out "$TMP/nob.idx" >/dev/null 2>&1 || fail "index nob"
for loc in nb_NO.UTF-8 nn_NO.UTF-8 no_NO; do
    out=$(IDX=$TMP/nob.idx LC_ALL= LC_MESSAGES= LANG=$loc tty_run 'taxi\r' ':quit\r')
    expect_match "locale $loc: answered in Norwegian" "$out" 'Drosjene stopper'
done
out=$(IDX=$TMP/nob.idx LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8 tty_run 'taxi\r' ':quit\r')
expect_match "locale de_DE: answered in German" "$out" 'Taxis halten'
# a line refused as too long is not kept in the history: the up arrow
# brings back the question before it, not 1,200 characters (it used to
# be kept, in memory and in the history file)
long=$(printf 'x%.0s' $(seq 1200))
rm -rf "$TMP/state"
out=$(tty_run "${q}\\r" "${long}\\r" '\x1b[A\r' ':quit\r')
expect_match "the long line is refused" "$out" '1000'
n=$(printf '%s\n' "$out" | grep -c 'continuará al menos hasta el primer Foro')
[ "$n" -ge 2 ] || fail "the up arrow after a refused line did not bring back the question before it"
ok "up arrow after a refused line: the question before it"
grep -q xxxxxxxx "$TMP/state/faqbot/history" && fail "the refused line was kept in the history file"
ok "the refused line is not in the history file"
