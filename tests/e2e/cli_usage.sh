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
for c in index ask repl serve eval lint import help; do
    "$FAQBOT" $c --help >/dev/null; expect_eq "$c --help exits 0" "$?" "0"
    "$FAQBOT" help $c | grep -q "usage: faqbot $c" || fail "faqbot help $c"
done
ok "faqbot help COMMAND"
out=$("$FAQBOT" help)
expect_eq "faqbot help exits 0" "$?" "0"
for c in index ask repl serve eval lint; do
    printf '%s\n' "$out" | grep -qE "^  $c +[A-Z]" || fail "faqbot help lists $c"
done
ok "faqbot help lists every command with its summary"
"$FAQBOT" --help | grep -q '^  ask ' || fail "--help"
ok "faqbot --help"
"$FAQBOT" help nosuchcommand 2>/dev/null; expect_eq "help of an unknown command exits 1" "$?" "1"
"$FAQBOT" nosuchcommand 2>"$TMP/err" >"$TMP/out"
expect_match "unknown command: usage on stderr" "$(cat "$TMP/err")" "usage: $FAQBOT_NAMED COMMAND"
expect_eq "unknown command: nothing on stdout" "$(wc -c < "$TMP/out" | tr -d ' ')" "0"
"$FAQBOT" ask --bogus x 2>"$TMP/err"
expect_match "unknown option: named, with the usage" "$(cat "$TMP/err")" '--bogus.*
usage: faqbot ask'
"$FAQBOT" ask --index 2>/dev/null; expect_eq "option without its value exits 1" "$?" "1"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/x.idx" extra 2>/dev/null; expect_eq "index: extra argument exits 1" "$?" "1"
[ -e "$TMP/x.idx" ] && fail "a usage error wrote an index"
ok "a usage error writes nothing"
"$FAQBOT" ask --threshold abc hola 2>/dev/null; expect_eq "threshold not a number exits 1" "$?" "1"
"$FAQBOT" eval --threshold -0.5 x.tsv 2>/dev/null; expect_eq "negative threshold exits 1" "$?" "1"
"$FAQBOT" repl --index "$TMP/none.idx" </dev/null 2>/dev/null; expect_eq "repl: missing index exits 2" "$?" "2"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
"$FAQBOT" repl --index "$TMP/faq.idx" --lang xx </dev/null 2>/dev/null; expect_eq "repl: unknown --lang exits 1" "$?" "1"
"$FAQBOT" repl --index "$TMP/faq.idx" </dev/null >/dev/null; expect_eq "repl: EOF at once exits 0" "$?" "0"
"$FAQBOT" index --corpus "$TMP/nocorpus" --out "$TMP/y.idx" 2>"$TMP/err"; expect_eq "index: missing corpus exits 2" "$?" "2"
expect_match "index: missing corpus named" "$(cat "$TMP/err")" 'nocorpus'
"$FAQBOT" ask --index="$TMP/faq.idx" --json --lang=es "¿Cuándo concluye la iniciativa?" > "$TMP/out"; expect_eq "--name=value exits 0" "$?" "0"
expect_eq "--name=value" "$(json id < "$TMP/out")" "precursores-7"
"$FAQBOT" ask --json=yes hola 2>/dev/null; expect_eq "a flag with a value exits 1" "$?" "1"

# serve reads its options as the other commands do: --name=VALUE too; an
# unknown option or a stray argument is named as such, with the usage
"$FAQBOT" serve --index="$TMP/none.idx" --port=0 >/dev/null 2>"$TMP/err"
expect_eq "serve --index=FILE: read (a missing index exits 2)" "$?" "2"
expect_match "serve --index=FILE: the file named" "$(cat "$TMP/err")" "no index at $TMP/none\\.idx"
"$FAQBOT" serve --bogus >/dev/null 2>"$TMP/err"
expect_eq "serve --bogus exits 1" "$?" "1"
expect_match "serve: an unknown option named, with the usage" "$(cat "$TMP/err")" '^faqbot serve: unknown option --bogus$'
expect_match "serve: the usage after it" "$(cat "$TMP/err")" '^usage: faqbot serve'
"$FAQBOT" serve "$TMP/faq.idx" >/dev/null 2>"$TMP/err"
expect_match "serve: a stray argument named, with the option that reads it" "$(cat "$TMP/err")" "^faqbot serve: unexpected argument $TMP/faq\\.idx; to read that file: $FAQBOT_NAMED serve --index $TMP/faq\\.idx\$"
# a repeatable option is counted by the same parser: one past the most it
# takes is refused before anything listens
origins=""
for i in $(seq 33); do origins="$origins --allow-origin=http://o$i.test"; done
# shellcheck disable=SC2086
"$FAQBOT" serve --index="$TMP/faq.idx" --port=0 $origins >/dev/null 2>"$TMP/err"
expect_eq "serve: --allow-origin a 33rd time exits 1" "$?" "1"
expect_match "serve: the limit said" "$(cat "$TMP/err")" '^faqbot serve: --allow-origin is given at most 32 times$'
"$FAQBOT" serve --port=65536 >/dev/null 2>"$TMP/err"
expect_match "serve: a port out of range said" "$(cat "$TMP/err")" '^faqbot serve: --port takes 0 to 65535$'
