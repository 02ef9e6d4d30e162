# smalltalk_own_word.sh: a word of the question's language is no typo of
# another language's small talk (use_smalltalk_own_word): "hole", one edit
# from Spanish "hola", is an English word of this FAQ and of the English
# dictionary, and greeted the English asker in Spanish. A typo of no
# language's word is still read as small talk ("holaa").
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts en_US.dic hunspell-en-us
mkdir -p "$TMP/c/en" "$TMP/c/es"
cat > "$TMP/c/en/faq.md" <<'MD'
# Help

## My bag has a hole, can I return it? {#bag}

Yes: bring it back within a year with the receipt and we repair or replace it.

## When are you open? {#hours}

Every day from nine to six.
MD
cat > "$TMP/c/es/faq.md" <<'MD'
# Ayuda

## ¿Cuándo abren? {#horario}

Todos los días de nueve a seis.
MD
index_faq "$TMP/c"
st() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$@" | json outcome; }
# the FAQ's own word, and words only the English dictionary knows
for q in hole hold holy; do
    [ "$(st "$q")" = smalltalk ] && fail "$q read as Spanish hola"
    ok "$q is no hola"
done
expect_eq "the switch off: hole is hola again" \
    "$(st --set use_smalltalk_own_word=0 hole)" smalltalk
expect_eq "a typo of no language's word is still small talk" "$(st holaa)" smalltalk
expect_eq "hola itself" "$(st hola)" smalltalk
