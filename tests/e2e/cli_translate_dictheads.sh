# cli_translate_dictheads.sh: a question in a language the FAQ has no entry
# in (English to the seed's Spanish entries alone) whose words the FAQ
# lacks are gaps of the small English-Spanish dictionary ("voluntary",
# "review") is answered; one whose words the FAQ lacks are the
# dictionary's headwords, translated into words no entry has ("passport"),
# is declined as another topic: the index keeps the dictionary's
# headwords (DICTHEADS) and the decline model weighs them (xl_dict).
. "$ROOT/tests/e2e/lib.sh.inc"
FAQBOT_DICTD_DIR=/usr/share/dictd   # the system's, even where a runner leaves them out
export FAQBOT_DICTD_DIR
for d in eng-spa spa-eng; do
    [ -f "/usr/share/dictd/freedict-$d.index" ] ||
        fail "dict-freedict-$d is not installed (sh tools/install-deps run)"
done
mkdir -p "$TMP/c"
cp -r "$ROOT/corpus/es" "$TMP/c/es"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"

ask() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$@"; }
field() { printf '%s' "$1" | json "$2"; }
# xl_dict of question $1 (expected entry $2), by eval --features
xl_dict() {
    printf 'lang\tquery\texpected\nen\t%s\t%s\n' "$1" "$2" > "$TMP/q.tsv"
    "$FAQBOT" eval --index "$TMP/faq.idx" --features "$TMP/f.tsv" "$TMP/q.tsv" >/dev/null ||
        fail "eval --features"
    awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "xl_dict") c = i }
                 NR == 2 { print $c }' "$TMP/f.tsv"
}

q="does the network help with the voluntary national review?"
expect_eq "words the dictionary misses: xl_dict 0" "$(xl_dict "$q" precursores-5)" 0.000000
a=$(ask "$q")
expect_eq "... answered" "$(field "$a" outcome)" answer
expect_eq "... from the Spanish entry" "$(field "$a" id)" precursores-5

q="what documents do I need for a passport?"
expect_match "words the dictionary translates into none of the FAQ's: xl_dict above 0" \
    "$(xl_dict "$q" "")" '^0\.[0-9]*[1-9]'
expect_eq "... declined" "$(field "$(ask "$q")" outcome)" decline
expect_eq "... which the model without xl_dict answered" \
    "$(field "$(ask --set decline_xl_dict=0 "$q")" outcome)" answer
