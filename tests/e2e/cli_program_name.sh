# cli_program_name.sh: the hints that print a command line name the program
# as it was run (build/faqbot, ./faqbot), so that the line copied runs:
# "faqbot index" said to one who ran bin/faqbot is "command not found".
. "$ROOT/tests/e2e/lib.sh.inc"
# the binary itself, not a wrapper that runs it under another name
mkdir -p "$TMP/bin" && ln -s "${FAQBOT_REAL:-$FAQBOT}" "$TMP/bin/faqbot" || fail "bin/faqbot"
cd "$TMP" || fail "cd"
out=$(bin/faqbot init myfaq --lang en)
expect_eq "init by a relative path: exit 0" "$?" "0"
expect_match "init: the next command names the program as run" "$out" 'then: bin/faqbot index --corpus myfaq$'
grep -q '^    bin/faqbot index --corpus myfaq$' myfaq/en/faq.md || fail "the starter's comment: not bin/faqbot index"
grep -q '^    bin/faqbot ask "' myfaq/en/faq.md || fail "the starter's comment: not bin/faqbot ask"
ok "the starter's comment names bin/faqbot"
# the line the hint gives, run as given
next=$(printf '%s\n' "$out" | sed -n 's/.*then: //p')
sh -c "$next" >/dev/null 2>"$TMP/err"
expect_eq "the hint's command runs ($(head -n 1 "$TMP/err"))" "$?" "0"
bin/faqbot ask --index none.idx 'When are you open?' >/dev/null 2>"$TMP/err"
expect_match "ask with no index: how to write one" "$(cat "$TMP/err")" \
    'no index at none\.idx yet: bin/faqbot index --corpus DIR --out none\.idx writes one'
bin/faqbot ask --index myfaq 'When are you open?' >/dev/null 2>"$TMP/err"
expect_match "ask --index FOLDER: both commands" "$(cat "$TMP/err")" \
    'bin/faqbot index --corpus myfaq --out myfaq\.idx, then: bin/faqbot ask --index myfaq\.idx$'
bin/faqbot lint myfaq >/dev/null 2>"$TMP/err"
expect_match "lint FOLDER: the command meant" "$(head -n 1 "$TMP/err")" \
    'to read that folder: bin/faqbot lint --corpus myfaq$'
bin/faqbot index --corpus nofaq >/dev/null 2>"$TMP/err"
expect_match "index of no folder: how to make one" "$(cat "$TMP/err")" '\(bin/faqbot init DIR --lang CODE makes one\)'
bin/faqbot >/dev/null 2>"$TMP/err"
expect_match "no command: the usage names the program" "$(cat "$TMP/err")" 'usage: bin/faqbot COMMAND'
expect_match "no command: how to get a command's help" "$(cat "$TMP/err")" '^bin/faqbot COMMAND --help'
