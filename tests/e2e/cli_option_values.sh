# cli_option_values.sh: an option that takes a value, followed by another
# option instead ("faqbot serve --bind --index X"), is told it needs a
# value; the next option is not taken for its value (an address, a file
# name, a language). Every command's every such option, as its --help
# lists them; a value that starts with "--" is still given as --name=VALUE.
. "$ROOT/tests/e2e/lib.sh.inc"
cd "$TMP" || fail "cd $TMP"
commands=$("$FAQBOT" help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p')
[ -n "$commands" ] || fail "faqbot help lists no command"
n=0
for c in $commands; do
    # the usage's "--name VALUE" and "--name=VALUE": the options with a value
    # (what it says in brackets names other things: review's the server's logs)
    opts=$("$FAQBOT" $c --help | sed -n '/^usage: /,/^$/{/^defaults:/q;p;}' | sed 's/([^)]*)//g' |
           grep -oE -- '--[a-z-]+[ =][A-Za-z]' | sed 's/[ =].*//' | sort -u)
    for o in $opts; do
        timeout 20 "$FAQBOT" $c "$o" --index "$TMP/none.idx" </dev/null >"$TMP/out" 2>"$TMP/err"
        rc=$?
        [ "$rc" = 1 ] || fail "$c $o --index: exit $rc, want 1 ($(head -c 300 "$TMP/err"))"
        grep -q -- "faqbot $c: $o needs a value" "$TMP/err" ||
            fail "$c $o --index: [$(head -c 300 "$TMP/err")] does not say $o needs a value"
        n=$((n + 1))
    done
done
[ "$n" -ge 40 ] || fail "only $n options with a value found in the commands' usage"
ok "$n options of $(echo $commands | wc -w) commands: an option in the value's place is told it needs a value"
[ -z "$(ls "$TMP" | grep -v '^out$\|^err$')" ] || fail "a usage error left files: $(ls "$TMP")"
ok "a usage error writes nothing"
# the value left out at the end, as before
"$FAQBOT" serve --bind 2>"$TMP/err"; expect_eq "serve --bind at the end exits 1" "$?" "1"
expect_match "serve --bind at the end" "$(cat "$TMP/err")" '^faqbot serve: --bind needs a value$'
# a value that starts with "--", given with "="
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
"$FAQBOT" ask --index="$TMP/faq.idx" --json --set=--bad "hola" >/dev/null 2>"$TMP/err"
expect_eq "--set=--bad is read as a value (a bad one: exit 1)" "$?" "1"
expect_match "--set=--bad: the parameter told, not a missing value" "$(cat "$TMP/err")" '^faqbot ask: --set '
"$FAQBOT" ask --index "$TMP/faq.idx" --json --lang=es "¿Cuándo concluye la iniciativa?" >"$TMP/out"
expect_eq "a value after the option still read" "$(json id < "$TMP/out")" "precursores-7"
