# cli_translate.sh: a FAQ in Spanish alone, asked in English, French and
# German, with the bilingual dictionaries the system has (FreeDict's
# dict-freedict-* packages, tools/install-deps): the index holds those
# languages to be asked in and their translation tables; a question in one
# of them is answered with the Spanish entry, marked as in another
# language, the bot speaking the asker's language; an off-topic one is
# still declined; a Spanish one is answered as before.
. "$ROOT/tests/e2e/lib.sh.inc"
FAQBOT_DICTD_DIR=/usr/share/dictd   # the system's, even where a runner leaves them out
export FAQBOT_DICTD_DIR
for d in eng-spa spa-eng fra-spa deu-spa; do
    [ -f "/usr/share/dictd/freedict-$d.index" ] ||
        fail "dict-freedict-$d is not installed (sh tools/install-deps run)"
done
mkdir -p "$TMP/c"
cp -r "$ROOT/corpus/es" "$TMP/c/es"
out=$("$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx") || fail "index"
expect_match "the pack languages come in to be asked in" "$out" \
    '^indexed [0-9]+ FAQ entr(y|ies) and [0-9]+ of small talk in 1 language \(and [0-9]+ more to ask in: [a-z]+(, [a-z]+)*\): [0-9]+ terms, [1-9][0-9]* translations'
"$FAQBOT" check "$TMP/faq.idx" >/dev/null || fail "faqbot check on an index with translation tables"

ask() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$@"; }
field() { printf '%s' "$1" | json "$2"; }

a=$(ask "when does the initiative end?")
expect_eq "English: asked in English" "$(field "$a" query_lang)" en
expect_eq "English: answered" "$(field "$a" outcome)" answer
expect_eq "English: the Spanish entry" "$(field "$a" id)" precursores-7
expect_eq "English: marked as in another language" "$(field "$a" other_lang)" true
expect_match "English: the bot speaks English" "$(field "$a" message)" '^This answer is only available in'

a=$(ask "quand se termine l'initiative ?")
expect_eq "French: asked in French" "$(field "$a" query_lang)" fr
expect_eq "French: the Spanish entry" "$(field "$a" id)" precursores-7
expect_match "French: the bot speaks French" "$(field "$a" message)" "^Cette réponse n'est disponible qu'en"

a=$(ask "guten Tag")
expect_eq "German small talk, from the German pack" "$(field "$a" outcome)" smalltalk
expect_eq "German small talk in German" "$(field "$a" lang)" de

# the same English question without the tables: nothing to answer with
a=$(ask --set use_translation=0 --set use_cognates=0 "when does the initiative end?")
expect_eq "without translations it is declined" "$(field "$a" outcome)" decline

a=$(ask "what is the weather like tomorrow in Madrid?")
expect_eq "off-topic English still declined" "$(field "$a" outcome)" decline
expect_match "... in English" "$(field "$a" message)" "^Sorry"

a=$(ask "¿Cuándo concluye la iniciativa?")
expect_eq "Spanish: in Spanish" "$(field "$a" query_lang)" es
expect_eq "Spanish: its own entry" "$(field "$a" id)" precursores-7
expect_eq "Spanish: not marked" "$(field "$a" other_lang)" false

# no dictionaries (an empty FAQBOT_DICTD_DIR): the corpus's language, and
# English, which a FAQ without it is asked in whatever links them
out=$(FAQBOT_DICTD_DIR= "$FAQBOT" index --corpus "$TMP/c" --out "$TMP/plain.idx") || fail "index without dictionaries"
expect_match "no dictionaries: one language and English, no tables" "$out" '^indexed [0-9]+ FAQ entr(y|ies) and [0-9]+ of small talk in 1 language \(and 1 more to ask in: en\): [0-9]+ terms, 0 translations'

# a dictionary file that is not one: the build fails naming the file, and
# the index already there stays as it was
mkdir -p "$TMP/baddict"
cp /usr/share/dictd/freedict-eng-spa.index "$TMP/baddict/"
printf 'not a dictzip file\n' > "$TMP/baddict/freedict-eng-spa.dict.dz"
before=$(cksum < "$TMP/faq.idx")
if out=$(FAQBOT_DICTD_DIR="$TMP/baddict" "$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" 2>&1); then
    fail "a broken dictionary file was not refused"
fi
expect_match "a broken dictionary is named" "$out" 'freedict-eng-spa\.dict\.dz: not a gzip or dictzip file'
expect_eq "... and the index is left as it was" "$(cksum < "$TMP/faq.idx")" "$before"
