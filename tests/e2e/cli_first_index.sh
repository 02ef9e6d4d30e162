# cli_first_index.sh: a FAQ of one's own, indexed and asked in a folder of
# its own (no build/ there, as outside the source tree): `faqbot index`
# makes its default build/ and writes build/faq.idx; an --out whose folder
# is not there is told by that folder, before the corpus is read; a command
# run before any index was written says how to write one, and index run
# where no corpus/ is how to name the folder (leaving no empty build/); an answer too long
# to be meant is told.
. "$ROOT/tests/e2e/lib.sh.inc"
cd "$TMP" || fail "cd"
"$FAQBOT" ask "When are you open?" >/dev/null 2>"$TMP/err"
expect_eq "ask before any index: exit code" "$?" "2"
expect_match "ask before any index: how to write one" "$(cat "$TMP/err")" \
    "no index at build/faq.idx yet: $FAQBOT_NAMED index --corpus DIR"
"$FAQBOT" repl </dev/null >/dev/null 2>"$TMP/err"
expect_eq "repl before any index: exit code" "$?" "2"
expect_match "repl before any index: how to write one" "$(cat "$TMP/err")" "$FAQBOT_NAMED index --corpus DIR"
"$FAQBOT" serve --port 0 >/dev/null 2>"$TMP/err"
expect_eq "serve before any index: exit code" "$?" "2"
expect_match "serve before any index: how to write one" "$(cat "$TMP/err")" "$FAQBOT_NAMED index --corpus DIR"
# --corpus left out where no corpus/ is: the folder named, then how to name one
"$FAQBOT" index >/dev/null 2>"$TMP/err"
expect_eq "index with no corpus/ here: exit code" "$?" "2"
expect_eq "index with no corpus/ here: said, with --corpus" "$(head -n 2 "$TMP/err")" \
    "faqbot index: corpus: no such folder
faqbot index: --corpus DIR names the FAQ's folder ($FAQBOT_NAMED init DIR --lang CODE makes one)"
[ ! -e build ] || fail "an empty build/ was left where no index was written"
ok "no build/ left by an index not written"
"$FAQBOT" init myfaq --lang en >/dev/null || fail "init"
"$FAQBOT" index --corpus myfaq/en/faq.md >/dev/null 2>"$TMP/err"
expect_eq "--corpus naming a file: exit code" "$?" "2"
expect_match "--corpus naming a file: not a folder" "$(cat "$TMP/err")" \
    '^faqbot index: myfaq/en/faq\.md: not a folder \(a corpus is the folder of the language folders'
# the corpus has an error: the missing folder is told first, alone
printf '## Do you repair bikes? {#repair}\n' >>myfaq/en/faq.md
"$FAQBOT" index --corpus myfaq --out "$TMP/nowhere/faq.idx" >"$TMP/out" 2>"$TMP/err"
expect_eq "--out into a missing folder: exit code" "$?" "2"
expect_eq "--out into a missing folder: what and where" "$(cat "$TMP/err")" \
    "faqbot index: cannot write $TMP/nowhere/faq.idx: $TMP/nowhere: No such file or directory (--out FILE: where the index goes)"
[ ! -e "$TMP/nowhere" ] || fail "the folder of an explicit --out was made"
ok "an explicit --out's folder is not made"
: >"$TMP/plain"
"$FAQBOT" index --corpus myfaq --out "$TMP/plain/faq.idx" 2>"$TMP/err"
expect_eq "--out under a file: exit code" "$?" "2"
expect_match "--out under a file: said so" "$(cat "$TMP/err")" "$TMP/plain: Not a directory"
printf 'We repair every brand.\n' >>myfaq/en/faq.md
"$FAQBOT" index --corpus myfaq >"$TMP/out" 2>"$TMP/err"
expect_eq "index with no build/ folder: exit code" "$?" "0"
expect_match "index with no build/ folder: written" "$(cat "$TMP/out")" '-> build/faq.idx$'
[ -s build/faq.idx ] || fail "no build/faq.idx"
ok "build/faq.idx written"
expect_match "ask answers from it" "$("$FAQBOT" ask "do you repair bikes")" 'We repair every brand'
# an answer of 100 KiB (the headings after it left out, most often) is
# indexed, with a warning at its question's file and line
python3 -c 'print("## Do you rent bikes? {#rent}\n\n" + "From 15 euros a day. " * 5000)' >>myfaq/en/faq.md
"$FAQBOT" index --corpus myfaq >"$TMP/out" 2>"$TMP/err"
expect_eq "a huge answer: still indexed" "$?" "0"
line=$(grep -n '^## Do you rent bikes' myfaq/en/faq.md | cut -d: -f1)
expect_eq "a huge answer: told at its question" "$(cat "$TMP/err")" \
    "myfaq/en/faq.md:$line: warning: the answer of \"Do you rent bikes?\" is 102 KiB long: a level-2 heading (\"## Question?\") left out after it?"
expect_match "a huge answer: answered all the same" "$("$FAQBOT" ask "do you rent bikes" | head -c 300)" 'From 15 euros a day'
