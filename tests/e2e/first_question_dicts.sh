# first_question_dicts.sh: a Spanish question opens the Spanish dictionary
# alone, no other language's: not Italian's to ask whether "sirve", one
# edit from Italian small talk's "serve", is an Italian word (a word of the
# question's language is none of another's small talk, and the word's facts
# ask no dictionary), nor Danish's, language 0 of the index, to ask of
# "Ghana" while counting the names an answer lists. Each dictionary is ten
# to twenty megabytes to load: a new process's first answer paid for them.
# strace shows what a process opens.
. "$ROOT/tests/e2e/lib.sh.inc"
if ! command -v strace >/dev/null 2>&1; then
    echo "skip: no strace (apt-get install strace): the test reads the files opened"
    exit 0
fi
system_dicts es_ES.dic hunspell-es
system_dicts it_IT.dic hunspell-it
system_dicts da_DK.dic hunspell-da
mkdir -p "$TMP/c/es" "$TMP/c/en"
cat > "$TMP/c/es/faq.md" <<'MD'
# Ayuda

## ¿Para qué sirve la tarjeta? {#tarjeta}

Para entrar al edificio y usar la biblioteca.

## ¿Qué países están en la lista? {#paises}

Los países de la lista: Etiopía, Ghana, Marruecos, Perú.
MD
cat > "$TMP/c/en/faq.md" <<'MD'
# Help

## When do you open? {#hours}

Every day from nine to six.
MD
index_faq "$TMP/c"
# opened QUESTION: the dictionaries' files `ask` opens for QUESTION
# (LeakSanitizer cannot run under ptrace: off for these runs of an ASan
# build; the rest of the suite checks leaks)
opened() {
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        strace -f -e trace=openat -o "$TMP/trace" \
        "$FAQBOT" ask --index "$TMP/faq.idx" --json "$1" > "$TMP/answer.json" ||
        fail "ask $1"
    grep -v ENOENT "$TMP/trace" | grep -o '[a-z][a-z]_[A-Z][A-Z]\.dic' | sort -u | tr '\n' ' '
}
expect_eq "sirve: the Spanish dictionary alone" "$(opened "¿para qué sirve la tarjeta?")" "es_ES.dic "
expect_eq "... and the answer" "$(json id < "$TMP/answer.json")" tarjeta
expect_eq "Ghana: the Spanish dictionary alone" "$(opened "¿está Ghana en la lista?")" "es_ES.dic "
expect_eq "... and the answer" "$(json id < "$TMP/answer.json")" paises
