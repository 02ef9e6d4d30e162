# cli_usage.sh: --help on every command, --version, exit codes.
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" --version | grep -Eq '^faqbot [0-9]+\.[0-9]+' || fail "--version"
ok "--version"
for c in index ask repl serve eval lint; do
    "$FAQBOT" $c --help | grep -q "usage: faqbot $c" || fail "$c --help"
done
ok "--help on every command"
"$FAQBOT" nosuchcommand 2>/dev/null; expect_eq "unknown command exits 1" "$?" "1"
"$FAQBOT" 2>/dev/null; expect_eq "no command exits 1" "$?" "1"
"$FAQBOT" ask --bogus x 2>/dev/null; expect_eq "unknown option exits 1" "$?" "1"
"$FAQBOT" ask --index "$TMP/none.idx" hola 2>"$TMP/err"; expect_eq "missing index exits 2" "$?" "2"
expect_match "missing index message" "$(cat "$TMP/err")" 'none.idx'
"$FAQBOT" ask --threshold 7 hola 2>/dev/null; expect_eq "bad threshold exits 1" "$?" "1"
