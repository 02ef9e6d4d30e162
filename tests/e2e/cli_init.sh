# cli_init.sh: faqbot init writes a starter corpus that indexes and answers
# at once, in the language asked for; it never writes over a file.
. "$ROOT/tests/e2e/lib.sh.inc"
out=$("$FAQBOT" init "$TMP/faq" --lang es)
expect_eq "init: exit 0" "$?" "0"
expect_match "init: says what it wrote" "$out" 'faq/es/faq\.md'
[ -f "$TMP/faq/es/faq.md" ] || fail "no faq/es/faq.md"
# only the FAQ itself: texts and small talk come from the language pack
expect_eq "init: one file" "$(find "$TMP/faq" -type f | wc -l | tr -d ' ')" "1"
expect_match "init: the format in a comment" "$(cat "$TMP/faq/es/faq.md")" '^<!--'
"$FAQBOT" index --corpus "$TMP/faq" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err"
expect_eq "index of the starter: exit 0" "$?" "0"
expect_eq "index of the starter: no warnings" "$(cat "$TMP/err")" ""
out=$("$FAQBOT" ask --index "$TMP/faq.idx" '¿A qué hora abren?')
expect_match "the sample entry answers" "$out" 'Atendemos de lunes a viernes'
# "hola" is small talk in Spanish: from the language pack shipped with
# faqbot (lang/es/), since init copies no small talk into the corpus
if [ -d "$ROOT/lang/es" ]; then
    out=$("$FAQBOT" ask --json --index "$TMP/faq.idx" 'hola')
    expect_eq "hola: small talk" "$(printf '%s' "$out" | json outcome)" "smalltalk"
    expect_eq "hola: in Spanish" "$(printf '%s' "$out" | json lang)" "es"
else
    echo "skip: hola (no language pack lang/es in this tree)"
fi
"$FAQBOT" init "$TMP/faq" --lang es >/dev/null 2>"$TMP/err"
expect_eq "init again: exit 2" "$?" "2"
expect_match "init again: not overwritten" "$(cat "$TMP/err")" 'already there'
"$FAQBOT" init "$TMP/other" --lang xx >/dev/null 2>"$TMP/err"
expect_eq "unknown language: exit 2" "$?" "2"
# the choices are the packs that have a starter, whichever the source ships
starters=$(cd "$ROOT/lang" && ls */starter.md | sed 's,/starter.md,,' | sort | tr '\n' ' ' | sed 's/ $//')
expect_match "unknown language: the choices" "$(cat "$TMP/err")" "a starter text in: $starters"
"$FAQBOT" init "$TMP/other" >/dev/null 2>&1
expect_eq "no --lang: usage, exit 1" "$?" "1"
for l in en fr pt de it; do
    "$FAQBOT" init "$TMP/multi" --lang $l >/dev/null || fail "init $l"
done
"$FAQBOT" index --corpus "$TMP/multi" --out "$TMP/m.idx" >/dev/null || fail "index en fr pt de it"
# the starters of several languages are one entry's translations: the
# same id, so lint finds no missing translation and each answers in each
"$FAQBOT" lint --corpus "$TMP/multi" >"$TMP/out" 2>&1
expect_eq "lint of the starters of five languages: exit 0 ($(head -n 2 "$TMP/out"))" "$?" "0"
expect_match "en starter answers" "$("$FAQBOT" ask --index "$TMP/m.idx" 'When are you open?')" 'Monday to Friday'
expect_match "fr starter answers" "$("$FAQBOT" ask --index "$TMP/m.idx" 'Quand êtes-vous ouverts ?')" 'du lundi au vendredi'
expect_match "pt starter answers" "$("$FAQBOT" ask --index "$TMP/m.idx" 'A que horas abrem?')" 'segunda a sexta'
expect_match "de starter answers" "$("$FAQBOT" ask --index "$TMP/m.idx" 'Wann haben Sie geöffnet?')" 'montags bis freitags'
expect_match "it starter answers" "$("$FAQBOT" ask --index "$TMP/m.idx" 'Quando siete aperti?')" 'dal lunedì al venerdì'
# the comment names the folder given, and says that a corpus's language
# file adds to the pack's (README: "A corpus's language file adds to its pack's")
for f in faq/es multi/en multi/fr multi/pt multi/de multi/it; do
    grep -q "faqbot index --corpus $TMP/${f%/*}\$" "$TMP/$f/faq.md" || fail "$f: the folder not in the next steps"
    grep -q '# replace' "$TMP/$f/faq.md" || fail "$f: the starter says the pack's files are replaced"
done
ok "every starter names its folder and says how a pack's file is replaced"
