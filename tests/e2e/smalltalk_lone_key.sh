# smalltalk_lone_key.sh: a one-word question that is only a key word of a
# longer small-talk phrase, in a language the FAQ has no entry in, is no small
# talk when a language the FAQ has entries in knows the word. An English FAQ
# (Portuguese asked in through its dictionaries) asked "logo" is not
# Portuguese "até logo" ("até" a stop word) answered "Até breve!"; "até logo"
# whole, "obrigado", "tchau", "hola", "merci" alone stay small talk, and so
# does "ajudar" ("pode me ajudar"), a word no FAQ language knows. Fails on the
# base, which said goodbye to "logo".
. "$ROOT/tests/e2e/lib.sh.inc"
only_dicts por-eng eng-por spa-eng eng-spa
system_dicts en_US.dic hunspell-en-us
mkdir -p "$TMP/c/en" "$TMP/c/es" "$TMP/c/fr"
cat > "$TMP/c/en/faq.md" <<'MD'
# zapcli

## Where are my notes kept? {#notes}

Notes are kept in a folder under ~/.zapcli; its backend is SQLite by default.

## How do I change the sync interval? {#sync}

Set sync_interval in config.yaml; the default is five minutes.
MD
cat > "$TMP/c/es/faq.md" <<'MD'
# zapcli

## ¿Dónde se guardan mis notas? {#notes}

Las notas se guardan en una carpeta bajo ~/.zapcli.
MD
cat > "$TMP/c/fr/faq.md" <<'MD'
# zapcli

## Où sont gardées mes notes ? {#notes}

Les notes sont gardées dans un dossier sous ~/.zapcli.
MD
index_faq "$TMP/c"
# said QUESTION [SETTING]: "outcome id" of the answer
said() {
    "$FAQBOT" ask --index "$TMP/faq.idx" --json ${2:+--set "$2"} "$1" > "$TMP/answer.json"
    echo "$(json outcome < "$TMP/answer.json") $(json id < "$TMP/answer.json")"
}
expect_eq "logo: no goodbye" "$(said logo | cut -d' ' -f1)" decline
expect_eq "até logo: goodbye" "$(said "até logo")" "smalltalk bye"
expect_eq "tchau: goodbye" "$(said tchau)" "smalltalk bye"
expect_eq "obrigado: thanks" "$(said obrigado)" "smalltalk thanks"
expect_eq "hola: hello" "$(said hola)" "smalltalk hello"
expect_eq "merci: thanks" "$(said merci)" "smalltalk thanks"
expect_eq "ajudar: help" "$(said ajudar)" "smalltalk help"
# the rule's switch: a goodbye again
expect_eq "use_smalltalk_lone_key=0: goodbye" "$(said logo use_smalltalk_lone_key=0)" "smalltalk bye"
