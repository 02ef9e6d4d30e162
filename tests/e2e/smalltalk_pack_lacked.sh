# smalltalk_pack_lacked.sh: a greeting in a language faqbot has a pack for
# but the index lacks (no folder, no dictionary linking it) is small talk,
# answered in a language the FAQ has: "bona tarda" asked of a FAQ in
# Spanish alone was declined, its words no language's ("Lo siento, no tengo
# una respuesta"), and "bon dia" was told the bot cannot tell the time. The
# phrase said whole, punctuation and case aside; with other words it is a
# question like any (use_pack_talk).
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/es"
cat > "$TMP/c/es/faq.md" <<'MD'
# Preguntas del club

## ¿Cuándo abren? {#horario}

De 9 a 5, de lunes a viernes.

## ¿Cuánto cuesta la cuota? {#cuota}

Diez euros al mes.
MD
index_faq "$TMP/c"
hola=$(sed -n '/{#hello}/,/^## /p' "$ROOT/lang/es/smalltalk.md" | grep -v '^[#?]' | grep . | head -n 1)
gracias=$(sed -n '/{#thanks}/,/^## /p' "$ROOT/lang/es/smalltalk.md" | grep -v '^[#?]' | grep . | head -n 1)
ask() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$@" >"$TMP/out" || fail "ask $*"; }
ask "bona tarda"
expect_eq "ask: Catalan good afternoon is small talk" "$(json outcome <"$TMP/out")" smalltalk
expect_eq "ask: the greeting" "$(json id <"$TMP/out")" hello
expect_eq "ask: in Spanish, the FAQ's language" "$(json lang <"$TMP/out")" es
expect_eq "ask: the Spanish pack's words" "$(json answer <"$TMP/out")" "$hola"
ask "¡Bona tarda!"
expect_eq "ask: its punctuation and capitals aside" "$(json id <"$TMP/out")" hello
# "bon dia" met Spanish small talk in part ("día": "I cannot tell the
# time"): said whole, the Catalan greeting wins
ask "bon dia"
expect_eq "ask: Catalan good morning is a greeting, not the time" "$(json id <"$TMP/out")" hello
ask "hola"
expect_eq "ask: the FAQ's own small talk said whole stays its own" "$(json lang <"$TMP/out")" es
ask "moltes gràcies"
expect_eq "ask: Catalan thanks, thanked back in Spanish" "$(json answer <"$TMP/out")" "$gracias"
ask "bona tarda, quan obriu el club de tennis?"
[ "$(json outcome <"$TMP/out")" = smalltalk ] && fail "a question with a greeting in it is read as the greeting"
ok "with other words it is a question like any"
ask --set use_pack_talk=0 "bona tarda"
expect_eq "the switch off: declined again" "$(json outcome <"$TMP/out")" decline
out=$("$FAQBOT" ask --index "$TMP/faq.idx" "bona tarda")
expect_eq "ask, as text" "$out" "$hola"
out=$(printf 'bona tarda\n:quit\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
expect_match "the REPL greets back in Spanish" "$out" "$hola"
trap stop_server EXIT
start_server "$TMP/faq.idx"
a=$(curl -s "${URL}api/ask?q=bona%20tarda")
expect_eq "serve /api/ask: small talk" "$(printf '%s' "$a" | json outcome)" smalltalk
expect_eq "serve /api/ask: in Spanish" "$(printf '%s' "$a" | json answer)" "$hola"
