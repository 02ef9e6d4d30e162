# cli_corpus_as_index.sh: a corpus folder given where an index goes
# (faqbot serve myfaq, faqbot ask --index myfaq) is named as a folder, and
# the message gives the commands that build its index and then read it:
# run as printed, they answer.
. "$ROOT/tests/e2e/lib.sh.inc"
cp -r "$ROOT/corpus" "$TMP/myfaq"
cd "$TMP" || fail "cd"
# commands SUGGESTION-LINE: the "faqbot ..." commands it gives, one a line
commands() { printf '%s\n' "$1" | grep -o 'faqbot [a-z]* --[a-z]* [^ ,]*'; }

"$FAQBOT" serve myfaq >/dev/null 2>"$TMP/err"
expect_eq "serve FOLDER: usage exit" "$?" "1"
expect_match "serve FOLDER: a folder, not an index" "$(cat "$TMP/err")" 'myfaq is a folder, not an index'
cmds=$(commands "$(grep 'is a folder' "$TMP/err")")
expect_eq "serve FOLDER: the commands" "$cmds" "faqbot index --corpus myfaq
faqbot serve --index myfaq.idx"

"$FAQBOT" ask --index myfaq/ '¿qué es la iniciativa de países precursores?' >/dev/null 2>"$TMP/err"
expect_eq "ask --index FOLDER/: data exit" "$?" "2"
line=$(grep 'is a folder' "$TMP/err")
expect_match "ask --index FOLDER/: names the output" "$line" 'faqbot index --corpus myfaq --out myfaq\.idx'
expect_eq "ask --index FOLDER/: then" "$(commands "$line" | tail -n 1)" "faqbot ask --index myfaq.idx"

# the suggested commands do what they say
"$FAQBOT" index --corpus myfaq --out myfaq.idx >/dev/null || fail "the suggested index command"
"$FAQBOT" ask --index myfaq.idx --json '¿qué es la iniciativa de países precursores?' > "$TMP/answer.json" || fail "the suggested ask"
expect_eq "ask --index FOLDER.idx: answers" "$(json id < "$TMP/answer.json")" "precursores-1"

"$FAQBOT" serve --index myfaq >/dev/null 2>"$TMP/err"
expect_eq "serve --index FOLDER: data exit" "$?" "2"
expect_match "serve --index FOLDER: then serve" "$(cat "$TMP/err")" 'faqbot serve --index myfaq\.idx'
# check takes its index as an operand: no --index to suggest
"$FAQBOT" check myfaq >/dev/null 2>"$TMP/err"
expect_eq "check FOLDER: data exit" "$?" "2"
expect_match "check FOLDER: build it" "$(cat "$TMP/err")" 'faqbot index --corpus myfaq --out myfaq\.idx$'
