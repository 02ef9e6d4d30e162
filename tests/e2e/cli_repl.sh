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
expect_match "unknown lang lists the languages" "$out" '"xx".*: (da )?(de )?en es fr (it )?(nl )?(no )?pt( sv)?$'
expect_match "reload" "$out" 'Index reloaded: [0-9]+ FAQ entries and [0-9]+ of small talk'
printf '%s' "$out" | grep -q 'not reached' && fail "read past :quit"
ok ":quit stops"
out=$(printf '¿y cuándo termina?\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
expect_match "EOF exits cleanly" "$out" '2022'
# a declined question numbers its suggestions; a number asks that one
out=$(printf 'precio de los billetes de avión en los países\n1\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
printf '%s\n' "$out"
expect_match "suggestions numbered" "$out" '^  1\. '
first=$(printf '%s\n' "$out" | sed -n 's/^  1\. //p' | head -n 1)
expect_match "the number asks the first suggestion" "$out" "^> $(printf '%s' "$first" | sed 's/[][?¿().*^$]/./g')\$"
printf '%s\n' "$out" | grep -qxF "## $first" || fail "the picked question is answered"
ok "the picked question is answered"
# a number with nothing to pick is told so, not asked: a number alone
# would be "answered" by whichever entry holds it ("1 November 2020")
out=$(printf '7\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
printf '%s' "$out" | grep -q '^> ' && fail "a number with no choices picked something"
expect_eq "a number with no choices: nothing to pick" "$out" \
    "There is nothing to pick from: type your question in words."
# past the list: the range is said, and the list still picks
out=$(printf 'precio de los billetes de avión en los países\n9\n2\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
expect_match "a number past the list: the range, in Spanish" "$out" '^Escriba un número del 1 al 3 '
expect_match "the list still picks after it" "$out" '^> '

# :lang alone says the language and the choices; auto goes back to detection
out=$(printf ':lang\n:lang fr\n:lang auto\nwhen does the initiative end\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
expect_match ":lang alone lists the choices" "$out" '^:lang (da )?(de )?en es fr (it )?(nl )?(no )?pt (sv )?\| auto$'
expect_match ":lang fr" "$out" 'fr$'
expect_match "auto: an English question answered in English again" "$out" 'will continue at least until'

# the conversation keeps its language: a short follow-up stays in Spanish
out=$(printf '¿Cuándo concluye la iniciativa?\nok\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
printf '%s' "$out" | grep -qE '^(Sorry|Perhaps you meant|Desculpe|Désolé)' && fail "a follow-up flipped the language"
ok "a follow-up keeps the conversation's language"

# invalid UTF-8 and a NUL in a line: declined, the REPL goes on
out=$(printf 'ab\377cd\nx\000y\n¿Cuándo concluye la iniciativa?\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
expect_eq "bad lines: exit 0" "$?" "0"
expect_match "bad lines: still answering after them" "$out" '2022'

# over the API's limit (src/limits.h): the line refused in the conversation's
# language, the REPL goes on
long=$(python3 -c 'print("¿Cuándo concluye la iniciativa? " + "é" * 1000)')
out=$(printf ':lang fr\n%s\n¿Cuándo concluye la iniciativa?\n' "$long" | "$FAQBOT" repl --index "$TMP/faq.idx")
expect_eq "too long: exit 0" "$?" "0"
expect_eq "too long: refused in French, before the next line's answer" \
    "$(printf '%s\n' "$out" | sed -n 2p)" \
    "Cette question est trop longue : 1000 caractères au plus, s'il vous plaît."
expect_eq "too long: not answered, the next line is" "$(printf '%s\n' "$out" | grep -c 'se poursuivra au moins')" "1"

# :reload: a broken index file is refused and the old one stays; a new
# good one is taken
cp "$TMP/faq.idx" "$TMP/r.idx"
mkdir -p "$TMP/c/es"
printf '# T\n\n## ¿Uno? {#a}\n\nRespuesta uno.\n\n## ¿Dos? {#b}\n\nRespuesta dos.\n' > "$TMP/c/es/faq.md"
# (through a fifo, each step waiting for the REPL's answer to the one before)
mkfifo "$TMP/in"
"$FAQBOT" repl --index "$TMP/r.idx" < "$TMP/in" > "$TMP/out" &
pid=$!
exec 3>"$TMP/in"
wait_for() {  # wait_for REGEX COUNT: until the output has COUNT lines matching
    for _ in $(seq 1 600); do
        [ "$(grep -cE "$1" "$TMP/out")" -ge "$2" ] && return 0
        sleep 0.05
    done
    fail "timed out waiting for /$1/ x$2"
}
printf '¿Cuándo concluye la iniciativa?\n' >&3
wait_for 'continuará al menos' 1
echo "not an index" > "$TMP/broken"; mv "$TMP/broken" "$TMP/r.idx"
printf ':reload\n¿Cuándo concluye la iniciativa?\n' >&3
wait_for 'continuará al menos' 2
# (no dictionaries: its own 15 entries alone, no languages to be asked in)
FAQBOT_DICTD_DIR= "$FAQBOT" index --corpus "$TMP/c" --out "$TMP/r.idx" >/dev/null
printf ':reload\n:quit\n' >&3
exec 3>&-
wait "$pid"
expect_eq "reload: exit code" "$?" "0"
out=$(cat "$TMP/out")
printf '%s\n' "$out"
expect_match "reload failure says why" "$out" 'r\.idx.*not a faqbot index'
n=$(printf '%s\n' "$out" | grep -c 'continuará al menos hasta el primer Foro')
expect_eq "the old index still answers after a failed reload" "$n" "2"
# the FAQ's two entries, as faqbot index counts them, not with the thirteen
# of the Spanish pack's small talk
expect_match "reload of the new index" "$out" '(reloaded|recargado).*: 2 '

# on a pipe only answers reach stdout: no banner, no prompt
out=$(printf '¿Cuándo concluye la iniciativa?\n' | "$FAQBOT" repl --index "$TMP/faq.idx" 2>/dev/null)
first=$(printf '%s\n' "$out" | head -n 1)
expect_eq "pipe: the first line out is the answer" "$first" "## ¿Cuándo concluye la iniciativa?"
# a number picks only right after a list: not after a command in between
out=$(printf 'precio de los billetes de avión en los países\n:help\n1\n' | "$FAQBOT" repl --index "$TMP/faq.idx")
printf '%s' "$out" | grep -q '^> ' && fail "a number picked a suggestion listed before a command"
ok "a number after a command picks nothing"
