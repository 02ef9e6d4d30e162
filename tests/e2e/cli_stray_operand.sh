# cli_stray_operand.sh: what an FAQ editor types first. "faqbot lint myfaq"
# (for --corpus myfaq), "faqbot repl faq.idx" (for --index): the stray
# argument is named with the command that reads it, and nothing runs
# (repl took no notice of it and opened build/faq.idx). A folder given where
# a file is read (import, eval, review) is told, not read as an empty file.
. "$ROOT/tests/e2e/lib.sh.inc"
cd "$TMP" || fail "cd $TMP"
"$FAQBOT" init myfaq --lang en >/dev/null || fail "init"
"$FAQBOT" index --corpus myfaq --out "$TMP/faq.idx" >/dev/null || fail "index"

# stray COMMAND ARG OPTION: ARG is refused (exit 1), named, with the command
# that reads it through OPTION and the usage after it
stray() {
    "$FAQBOT" "$1" "$2" </dev/null >"$TMP/out" 2>"$TMP/err"
    expect_eq "$1 $2: exits 1" "$?" "1"
    expect_match "$1 $2: named, with the command meant" "$(head -n 1 "$TMP/err")" \
        "^faqbot $1: unexpected argument $2; to read that (folder|file): $FAQBOT_NAMED $1 --$3 $2\$"
    expect_match "$1 $2: the usage after it" "$(sed -n 2p "$TMP/err")" "^usage: faqbot $1 "
    expect_eq "$1 $2: nothing on stdout" "$(wc -c <"$TMP/out" | tr -d ' ')" "0"
}
stray lint myfaq corpus
stray lint faq.idx index
stray index myfaq corpus
stray export myfaq corpus
stray repl faq.idx index
stray serve faq.idx index
[ -e build/faq.idx ] && fail "a refused command wrote build/faq.idx"
ok "a refused command writes nothing"

# the command suggested does what was meant
"$FAQBOT" lint --corpus myfaq >"$TMP/out" 2>&1
expect_eq "lint --corpus myfaq exits 0" "$?" "0"
expect_match "lint --corpus myfaq: a clean sample" "$(cat "$TMP/out")" '^lint: 0 findings$'
printf ':quit\n' | "$FAQBOT" repl --index faq.idx >/dev/null 2>&1
expect_eq "repl --index faq.idx exits 0" "$?" "0"

# an argument that is neither folder nor file: named, nothing suggested
"$FAQBOT" lint nothere </dev/null 2>"$TMP/err"
expect_eq "lint nothere: exits 1" "$?" "1"
expect_eq "lint nothere: named alone" "$(head -n 1 "$TMP/err")" "faqbot lint: unexpected argument nothere"

# a folder where one file is read
"$FAQBOT" import myfaq </dev/null >"$TMP/out" 2>"$TMP/err"
expect_eq "import myfaq: exits 2" "$?" "2"
expect_match "import myfaq: the folder told" "$(cat "$TMP/err")" "^faqbot import: myfaq:1: cannot read: Is a directory\$"
for c in eval review; do
    "$FAQBOT" "$c" --index faq.idx myfaq </dev/null >"$TMP/out" 2>"$TMP/err"
    expect_eq "$c myfaq: exits 2" "$?" "2"
    expect_match "$c myfaq: the folder told" "$(cat "$TMP/err")" "^faqbot $c: myfaq: cannot read: Is a directory\$"
done
# the features files eval --fit reads: a folder is not read as an empty file
"$FAQBOT" eval --fit myfaq </dev/null >"$TMP/out" 2>"$TMP/err"
expect_eq "eval --fit myfaq: exits 2" "$?" "2"
expect_match "eval --fit myfaq: the folder told" "$(cat "$TMP/err")" "^faqbot eval: myfaq: cannot read: Is a directory\$"
