# cli_translate_decline.sh: a question in a language the FAQ has no entry in
# (English to the seed's Spanish entries alone), whose right entry the
# dictionaries' translations rank first, is answered: its words the FAQ
# lacks are more often words the small dictionaries miss than another
# topic (the decline model's translated, xl_unknown and xl_dict features); an
# off-topic English question near the FAQ's field is still declined, and a
# Spanish question is decided as before. The words the FAQ lacks tell the
# two apart: gaps of the small English-Spanish dictionary ("voluntary",
# "review") say little, its headwords translated into words no entry has
# ("passport") another topic (the index keeps the dictionaries' headwords,
# DICTHEADS; the model weighs them, xl_dict). Words that measure the
# question and name no topic are neither ("still", a stop word of the
# English pack; "much", whose translations "molto", "mucho" are the other
# packs'): "can my country still join" finds the Spanish entry, "how much
# does it cost" the Italian fares' one, while "how much does a passport
# cost" is declined.
. "$ROOT/tests/e2e/lib.sh.inc"
FAQBOT_DICTD_DIR=/usr/share/dictd   # the system's, even where a runner leaves them out
export FAQBOT_DICTD_DIR
for d in eng-spa spa-eng eng-ita ita-eng; do
    [ -f "/usr/share/dictd/freedict-$d.index" ] ||
        fail "dict-freedict-$d is not installed (sh tools/install-deps run)"
done
mkdir -p "$TMP/c"
cp -r "$ROOT/corpus/es" "$TMP/c/es"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"

ask() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$@"; }
field() { printf '%s' "$1" | json "$2"; }

off="--set decline_translated=0 --set decline_xl_unknown=0 --set decline_xl_dict=0"
q="does the network help with the voluntary national review?"
a=$(ask "$q")
expect_eq "English, through the dictionaries: answered" "$(field "$a" outcome)" answer
expect_eq "English, through the dictionaries: the Spanish entry" "$(field "$a" id)" precursores-5
# shellcheck disable=SC2086 # the settings, split on purpose
a=$(ask $off "$q")
expect_eq "... which the model without the three features declined" "$(field "$a" outcome)" decline
expect_eq "... with the same entry first" "$(field "$a" alternatives.0.id)" precursores-5

for q in "what documents do I need for a passport?" "what is the weather like tomorrow in Madrid?"; do
    a=$(ask "$q")
    expect_eq "off-topic English declined: $q" "$(field "$a" outcome)" decline
done

# a Spanish question reads the three features as 0: its confidence is the same
q="¿puede mi país sumarse todavía a la iniciativa?"
c1=$(field "$(ask "$q")" confidence)
# shellcheck disable=SC2086
c0=$(field "$(ask $off "$q")" confidence)
expect_eq "Spanish question: the same confidence" "$c1" "$c0"

# xl_dict of question $1 (expected entry $2), by eval --features
xl_dict() {
    printf 'lang\tquery\texpected\nen\t%s\t%s\n' "$1" "$2" > "$TMP/q.tsv"
    "$FAQBOT" eval --index "$TMP/faq.idx" --features "$TMP/f.tsv" "$TMP/q.tsv" >/dev/null ||
        fail "eval --features"
    awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "xl_dict") c = i }
                 NR == 2 { print $c }' "$TMP/f.tsv"
}

q="does the network help with the voluntary national review?"
expect_eq "words the dictionary misses, answered above: xl_dict 0" "$(xl_dict "$q" precursores-5)" \
    0.000000

q="what documents do I need for a passport?"
expect_match "words the dictionary translates into none of the FAQ's: xl_dict above 0" \
    "$(xl_dict "$q" "")" '^0\.[0-9]*[1-9]'
expect_eq "... declined" "$(field "$(ask "$q")" outcome)" decline
expect_eq "... which the model without xl_dict answered" \
    "$(field "$(ask --set decline_xl_dict=0 "$q")" outcome)" answer

# words of little meaning: "still" (the dictionary's *calmar* besides *aún*)
# is no other topic
a=$(ask "can my country still join the initiative?")
expect_eq "\"still\" names no topic: answered" "$(field "$a" outcome)" answer
expect_eq "... the Spanish entry" "$(field "$a" id)" precursores-3

# nor "much" (*molto*) to the Italian bike-sharing FAQ; "passport" still is
mkdir -p "$TMP/it"
cp -r "$ROOT/tests/fresh/bikeshare-it/corpus/it" "$TMP/it/it"
"$FAQBOT" index --corpus "$TMP/it" --out "$TMP/it.idx" >/dev/null || fail "index (it)"
a=$("$FAQBOT" ask --index "$TMP/it.idx" --json "how much does it cost?")
expect_eq "\"much\" names no topic: answered" "$(field "$a" outcome)" answer
expect_eq "... the fares' entry" "$(field "$a" id)" tariffe
a=$("$FAQBOT" ask --index "$TMP/it.idx" --json "how much does a passport cost?")
expect_eq "\"passport\" does: declined" "$(field "$a" outcome)" decline
