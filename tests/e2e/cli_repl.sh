# cli_repl.sh: the REPL through a pipe: commands, a question, a choice by
# number, the conversation's language, reload, EOF.
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
out=$(printf ':help\n¿Cuándo concluye la iniciativa?\n:lang en\nwhen does the initiative end\n:lang xx\n:reload\n:quit\nnot reached\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
expect_eq "repl exit code" "$?" "0"
expect_match "help" "$out" ':lang'
expect_match "spanish answer" "$out" 'continuará al menos hasta el primer Foro'
expect_match "lang switch" "$out" 'Conversation language: en'
expect_match "english answer" "$out" 'will continue at least until'
expect_match "unknown lang lists the languages" "$out" 'xx: en es fr pt'
expect_match "reload" "$out" 'Index reloaded: [0-9]+ entries'
printf '%s' "$out" | grep -q 'not reached' && fail "read past :quit"
ok ":quit stops"
out=$(printf '¿y cuándo termina?\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
expect_match "EOF exits cleanly" "$out" '2022'
# a declined question numbers its suggestions; a number asks that one
out=$(printf 'fondo\n1\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
expect_match "numbered choice" "$out" '> '
