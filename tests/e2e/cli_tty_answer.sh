# cli_tty_answer.sh: an answer shown at a narrow terminal (a pseudo-terminal
# of 32 columns) is wrapped at its width, at spaces, not cut mid-word by the
# terminal: ask and the REPL; list items and quotes hang under their text,
# an address wider than the line stays whole, a fenced block as written,
# Japanese broken between its characters; $COLUMNS when the terminal tells
# no size. Its Markdown is shown as a terminal shows text: bold and italic
# without their stars or underscores (styled unless NO_COLOR or TERM=dumb),
# a link as its text and <address>, an autolink's address once, entities as
# their characters, read as CommonMark reads them, over the lines of a
# paragraph (an emphasis or a link broken across two), the paragraph
# flowing on at the width (in a quote too). A pipe still gets the answer's lines as written.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/corpus/en"
cat >"$TMP/corpus/en/faq.md" <<'EOF'
# Bicycle storage

## How do I rent a locker for my bicycle? {#locker}

Lockers are rented by the month at the front desk of the station; bring an identity document and the deposit, which is returned when the key comes back.

- Monthly rent: twenty euros for a standard locker near the platform entrance
- Deposit: fifty euros, paid in cash or by card at the desk

1. Fill in the form at https://example.org/bicycle-storage/lockers/application-form-for-monthly-rental
2. Bring the form to the desk with your identity document and the deposit

> Lockers near the platform entrance are the first to go, so ask early in the month.

Japanese visitors: 駐輪場のロッカーは月単位で駅の窓口で借りることができます。身分証明書と保証金をお持ちください。

```
locker-code: 1234-5678-9012-3456-7890-1234-5678-9012-3456-7890
```

## How do I cancel my plan? {#cancel}

Open **Settings → Billing** and press **Cancel plan**; see [the billing help](https://example.org/help/billing), or [https://example.org/y](https://example.org/y). Prices are 5 * 3 euros, *really*, and `**as typed**` in code; a \*star\*.

## How do I reach the support team? {#support}

Write to _the desk_ or __the office__ at <https://example.org/support>; Tom &amp; Jerry's caf&eacute; is *__open__* too, <b>daily</b>.

## How do I pay for the locker? {#pay}

Pay at the front desk or **by bank
card**; the fees are in [the price
list](https://example.org/prices) of the station.

- Keys are *lent for
  the month*, not the week

### Lost keys
A lost key costs the deposit.

## Where do I collect a parcel? {#parcel}

Parcels wait at the post room.

> **Bring the collection
> card** and an identity document; parcels not collected in *two
> weeks* go back, see [the parcel
> rules](https://example.org/parcels).
> - a quoted item
> > quoted twice, **also
> > bold**
EOF
index_faq "$TMP/corpus"
export XDG_STATE_HOME="$TMP/state" LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm
unset COLUMNS
# on_tty COLS [KEYS] -- ARGS...: runs faqbot ARGS on a pseudo-terminal of
# COLS columns (0: one that tells no size), types each of KEYS, prints the
# screen with its line ends as "\n"
on_tty() {
    python3 - "$FAQBOT" "$@" <<'PY'
import fcntl, os, pty, select, struct, sys, termios, time
faqbot, cols = sys.argv[1], int(sys.argv[2])
rest = sys.argv[3:]
keys, args = rest[:rest.index("--")], rest[rest.index("--") + 1:]
pid, fd = pty.fork()
if pid == 0:
    # the size set before the program starts, as a terminal has it
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
    os.execv(faqbot, [faqbot] + args)
out = b""
def read_for(secs):
    global out
    end = time.time() + secs
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            out += chunk
    return True
read_for(1.0)
for k in keys:
    os.write(fd, k.encode())
    read_for(2.0)
# to its end (slow under valgrind): the last key ends it
while read_for(1.0):
    pass
try:
    _, status = os.waitpid(pid, 0)
except ChildProcessError:
    status = 0
# a program that failed (valgrind's 99 under make valgrind) is told at the
# end of the script, the screen being read in a subshell
if os.waitstatus_to_exitcode(status) not in (0,):
    with open(os.path.join(os.environ["TMP"], "tty-failed"), "a") as f:
        f.write("%s: exit %d\n" % (" ".join(args), os.waitstatus_to_exitcode(status)))
sys.stdout.write(out.decode("utf-8", "replace").replace("\r\n", "\n"))
PY
}
# check_wrapped WHAT WIDTH SCREEN PIPED: no line of SCREEN wider than WIDTH
# columns (the address and the fenced line aside), every word of it a word
# of PIPED (none cut), nothing lost
check_wrapped() {
    python3 - "$@" <<'PY' || exit 1
import sys, unicodedata
what, width, screen, piped = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def cols(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
def fail(m):
    print("FAIL: %s: %s\n%s" % (what, m, screen)); sys.exit(1)
body = screen[screen.index("## How"):].split("\nquestion>")[0]
for line in body.split("\n"):
    if "https://" in line or "locker-code" in line:
        continue
    if cols(line) > width:
        fail("a line of %d columns: [%s]" % (cols(line), line))
def words(t):
    return [w for l in t.split("\n") for w in l.lstrip("> ").split() if w.isascii()]
want = set(words(piped))
for w in words(body):
    if w not in want:
        fail("a word cut: [%s]" % w)
strip = lambda t: "".join(c for c in t.replace(">", "") if not c.isspace())
if strip(piped) not in strip(body):
    fail("the answer is not all there")
print("ok: " + what)
PY
}
piped=$("$FAQBOT" ask --index "$TMP/faq.idx" "how do I rent a locker")
expect_match "a pipe: a line as written" "$piped" '^Lockers are rented by the month at the front desk of the station; bring an identity document'
screen=$(on_tty 32 -- ask --index "$TMP/faq.idx" "how do I rent a locker")
printf '%s\n' "$screen"
check_wrapped "ask at 32 columns: wrapped at spaces" 32 "$screen" "$piped"
expect_match "a list item's lines hang under its text" "$screen" '- Monthly rent: twenty euros for
  a standard'
expect_match "a numbered item's too" "$screen" '2\. Bring the form to the desk
   with your'
expect_match "a quote's lines stay quoted" "$screen" '> entrance are'
expect_match "an address wider than the line whole" "$screen" '
   https://example\.org/bicycle-storage/lockers/application-form-for-monthly-rental
'
expect_match "a fenced line as written" "$screen" '
locker-code: 1234-5678-9012-3456-7890-1234-5678-9012-3456-7890
'
expect_match "Japanese broken between its characters" "$screen" '駐輪場'
# the REPL, in a terminal of 40 columns
screen=$(on_tty 40 'how do I rent a locker
' ':quit
' -- repl --index "$TMP/faq.idx")
printf '%s\n' "$screen"
check_wrapped "the REPL at 40 columns: wrapped at spaces" 40 "$screen" "$piped"
# a terminal that tells no size: $COLUMNS, as the shell exports it
screen=$(COLUMNS=36 on_tty 0 -- ask --index "$TMP/faq.idx" "how do I rent a locker")
check_wrapped "no size told: \$COLUMNS' 36" 36 "$screen" "$piped"
# nor that: the lines as written, for the terminal to show
screen=$(on_tty 0 -- ask --index "$TMP/faq.idx" "how do I rent a locker")
expect_match "no width at all: the lines as written" "$screen" 'Lockers are rented by the month at the front desk of the station; bring'
# Markdown at a terminal: the marks a reader would have to read past
piped=$("$FAQBOT" ask --index "$TMP/faq.idx" "how do I cancel my plan")
expect_match "a pipe: the Markdown as written" "$piped" 'Open \*\*Settings → Billing\*\* and press'
screen=$(on_tty 300 -- ask --index "$TMP/faq.idx" "how do I cancel my plan")
printf '%s\n' "$screen" | cat -v
expect_match "bold in bold, without its stars" "$screen" "Open $(printf '\033')\\[1mSettings → Billing$(printf '\033')\\[22m and press"
expect_match "italic in italic" "$screen" "$(printf '\033')\\[3mreally$(printf '\033')\\[23m,"
expect_match "a link: its text, then its address" "$screen" 'see the billing help <https://example\.org/help/billing>, or <https://example\.org/y>\.'
expect_match "a star that opens nothing, a code span, an escaped star: as meant" "$screen" 'Prices are 5 \* 3 euros, .*, and `\*\*as typed\*\*` in code; a \*star\*\.'
screen=$(on_tty 0 -- ask --index "$TMP/faq.idx" "how do I cancel my plan")
printf '%s' "$screen" | grep -q '\*\*Settings' && fail "a terminal of unknown width: the stars shown"
ok "a terminal of unknown width: shown as text all the same"
for env in NO_COLOR=1 TERM=dumb; do
    screen=$(export "$env"; on_tty 300 -- ask --index "$TMP/faq.idx" "how do I cancel my plan")
    printf '%s' "$screen" | grep -q "$(printf '\033')" && fail "$env: a style's escape was written"
    expect_match "$env: no styles, no stars" "$screen" 'Open Settings → Billing and press Cancel plan; see the billing help <https'
done
# the inline Markdown read as CommonMark reads it (as the page's HTML is
# made): underscores, entities, an autolink, emphasis in emphasis, HTML
piped=$("$FAQBOT" ask --index "$TMP/faq.idx" "how do I reach the support team")
expect_match "a pipe: underscores and entities as written" "$piped" 'Write to _the desk_ or __the office__ at <https://example\.org/support>; Tom &amp; Jerry'
screen=$(on_tty 300 -- ask --index "$TMP/faq.idx" "how do I reach the support team")
printf '%s\n' "$screen" | cat -v
E=$(printf '\033')
expect_match "_italic_ in italic, __bold__ in bold, without their marks" "$screen" "Write to ${E}\\[3mthe desk${E}\\[23m or ${E}\\[1mthe office${E}\\[22m at"
expect_match "an autolink: its address once; entities as their characters" "$screen" "at <https://example\\.org/support>; Tom & Jerry's café is ${E}\\[3m${E}\\[1mopen${E}\\[22m${E}\\[23m too, <b>daily</b>\\.\$"
screen=$(NO_COLOR=1 on_tty 300 -- ask --index "$TMP/faq.idx" "how do I reach the support team")
expect_match "NO_COLOR: the marks dropped all the same" "$screen" 'Write to the desk or the office at <https://example\.org/support>; Tom & Jerry.s café is open too, <b>daily</b>\.'
# an emphasis or a link an editor broke across two lines of the FAQ: read
# over the lines, as the page reads it (it showed its stars and brackets);
# and the paragraph flows on at the terminal's width, as on the page (the
# FAQ's lines broke again at a terminal a little narrower: "by bank" alone
# at 40 columns); at a terminal that tells no width, the FAQ's lines
screen=$(on_tty 300 -- ask --index "$TMP/faq.idx" "how do I pay for the locker")
printf '%s\n' "$screen" | cat -v
expect_match "bold over two lines, without its stars" "$screen" "^Pay at the front desk or ${E}\\[1mby bank card${E}\\[22m; the fees"
expect_match "a link over two lines: its text, then its address" "$screen" 'the fees are in the price list <https://example\.org/prices> of the station\.$'
expect_match "italic over a list item's lines" "$screen" "^- Keys are ${E}\\[3mlent for the month${E}\\[23m, not the week\$"
screen=$(NO_COLOR=1 on_tty 40 -- ask --index "$TMP/faq.idx" "how do I pay for the locker")
printf '%s\n' "$screen"
expect_match "40 columns: the paragraph flows on" "$screen" '^Pay at the front desk or by bank card;$'
expect_match "40 columns: then its next words" "$screen" '^the fees are in the price list$'
expect_match "40 columns: the list item's lines hung" "$screen" '^- Keys are lent for the month, not the$'
expect_match "a heading stays a line of its own" "$screen" '^### Lost keys$'
screen=$(on_tty 0 -- ask --index "$TMP/faq.idx" "how do I pay for the locker")
expect_match "no width: the FAQ's lines, bold over two" "$screen" "^Pay at the front desk or ${E}\\[1mby bank\$"
expect_match "no width: bold ended on the next line" "$screen" "^card${E}\\[22m; the fees are in the price\$"
expect_match "no width: the list item's next line as written" "$screen" "^  the month${E}\\[23m, not the week"
piped=$("$FAQBOT" ask --index "$TMP/faq.idx" "how do I pay for the locker")
expect_match "a pipe: the split marks as written" "$piped" '^card\*\*; the fees are in \[the price'
# the same in a quote: each of its lines has its own ">", which was read
# as a block of its own, so an emphasis over two quoted lines showed its
# stars; a quote's next line goes on its paragraph as an unquoted one does
screen=$(on_tty 300 -- ask --index "$TMP/faq.idx" "where do I collect a parcel")
printf '%s\n' "$screen" | cat -v
expect_match "a quote: bold over two lines, without its stars" "$screen" \
    "^> ${E}\\[1mBring the collection card${E}\\[22m and an identity document; parcels not collected in ${E}\\[3mtwo weeks${E}\\[23m go back, see the parcel rules <https://example\\.org/parcels>\\.\$"
expect_match "a quote: its list item a line of its own" "$screen" '^> - a quoted item'
expect_match "quoted twice: bold over its two lines" "$screen" "^> > quoted twice, ${E}\\[1malso bold${E}\\[22m\$"
screen=$(NO_COLOR=1 on_tty 40 -- ask --index "$TMP/faq.idx" "where do I collect a parcel")
printf '%s\n' "$screen"
expect_match "a quote at 40 columns: flows on, quoted" "$screen" '^> Bring the collection card and an$'
screen=$(on_tty 0 -- ask --index "$TMP/faq.idx" "where do I collect a parcel")
expect_match "no width: a quote's lines as written, bold over two" "$screen" "^> ${E}\\[1mBring the collection\$"
expect_match "no width: bold ended on the next quoted line" "$screen" "^> card${E}\\[22m and an identity"
piped=$("$FAQBOT" ask --index "$TMP/faq.idx" "where do I collect a parcel")
expect_match "a pipe: the quote as written" "$piped" '^> card\*\* and an identity'
# ask with no question, typed at a terminal: it says what it waits for (it
# used to wait without a word, as if hung); a pipe is read without it
screen=$(on_tty 80 'how do I rent a locker
' "$(printf '\004')" -- ask --index "$TMP/faq.idx")
printf '%s\n' "$screen"
expect_match "ask at a terminal with no question: told what to type" "$screen" 'faqbot ask: type a question a line, Ctrl-D to end'
expect_match "then answers the line typed" "$screen" 'Lockers are rented by the month'
out=$(echo "how do I rent a locker" | "$FAQBOT" ask --index "$TMP/faq.idx" 2>&1)
printf '%s' "$out" | grep -q 'type a question' && fail "a pipe was told what to type"
ok "a pipe is read without a word"
# import with no FILE at a terminal, likewise: what it waits for, then the
# text pasted read as a file's
screen=$(on_tty 80 'Q: Do you rent lockers?
A: Yes, by the month.
' "$(printf '\004')" -- import)
printf '%s\n' "$screen"
expect_match "import at a terminal with no FILE: told what to do" "$screen" \
    "^faqbot import: paste the FAQ, then Ctrl-D \\(or: $FAQBOT_NAMED import FILE\\)"
expect_match "then imports the text pasted" "$screen" '^## Do you rent lockers\? \{#'
out=$(printf 'Q: Do you rent lockers?\nA: Yes.\n' | "$FAQBOT" import 2>&1)
printf '%s' "$out" | grep -q 'paste the FAQ' && fail "a pipe was told to paste"
ok "import reads a pipe without a word"
# the REPL's answers piped on (faqbot repl | tee talk.txt): the prompt and
# the line being edited on the terminal (stderr), the answers in the pipe;
# it used to show no prompt and edit nothing (libedit wrote into the pipe)
real=$FAQBOT
screen=$(FAQBOT=/bin/sh on_tty 80 "when is the locker dposit paid$(printf '\033[D%.0s' 1 2 3 4 5 6 7 8 9 10)e
" ':quit
' -- -c "\"$real\" repl --index \"$TMP/faq.idx\" >\"$TMP/talk.txt\"")
printf '%s\n' "$screen" | cat -v
expect_match "answers piped on: the prompt on the terminal" "$screen" 'question> '
talk=$(cat "$TMP/talk.txt")
printf '%s\n' "$talk"
expect_match "the line asked" "$talk" '^## How do I rent a locker'
# (libedit's history file writes a space as \040)
grep -q 'locker.*deposit' "$TMP/state/faqbot/history" && ! grep -q 'dposit' "$TMP/state/faqbot/history" ||
    fail "the line was not edited with the arrows: $(cat -v "$TMP/state/faqbot/history")"
ok "the line edited with the arrows"
printf '%s' "$talk" | grep -q -e 'question>' -e "$(printf '\033')" && fail "the prompt or the editing went into the pipe"
ok "the pipe holds the answers alone"
# the REPL's own texts (its welcome, :help) wrapped as its answers are
screen=$(on_tty 32 ':help
' ':quit
' -- repl --index "$TMP/faq.idx")
printf '%s\n' "$screen"
long=$(printf '%s\n' "$screen" | python3 -c 'import sys; print(max(len(l) for l in sys.stdin.read().split("\n") if not l.startswith("question>")))')
[ "$long" -le 32 ] || fail "a text of the REPL $long columns wide at 32"
ok "the REPL's texts wrapped at 32 columns"
expect_match ":help's words whole" "$screen" 'Commands: :help, :lang CODE,
:reload,'
[ -e "$TMP/tty-failed" ] && fail "a run at the terminal failed: $(cat "$TMP/tty-failed")"
ok "every run at the terminal ended well"
