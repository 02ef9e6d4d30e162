# accentless_words.sh: a question typed without accents meets the entry
# whose words the stemmer only trims with their accents (Snowball's Spanish
# "-áis", "-ación", Portuguese "-ção"/"-ções"): "cortais" the entry on
# "cortar", "informacoes" the one on "informação", though the FAQ never
# spells either form; and not with the switch off (--set use_accents=0).
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/es" "$TMP/c/pt"
cat >"$TMP/c/es/faq.md" <<'MD'
## ¿Quién puede cortar el césped del jardín? {#cesped}

El jardinero, los martes por la mañana.

## ¿A qué hora abre la piscina? {#piscina}

A las diez, de mayo a septiembre.
MD
cat >"$TMP/c/pt/faq.md" <<'MD'
## Onde encontro a informação sobre matrículas? {#matricula}

Na secretaria, de segunda a sexta.

## Quanto custa o estacionamento? {#parque}

Dois euros por hora.
MD
index_faq "$TMP/c"
expect_eq "accented, as Snowball wants it" "$(answer_id --lang es '¿cuándo cortáis el césped?')" cesped
expect_eq "es: cortais, its accent left out" "$(answer_id --lang es '¿cuando cortais?')" cesped
expect_eq "pt: informacoes, ç and õ left out" "$(answer_id --lang pt 'as informacoes?')" matricula
expect_eq "off: cortais is a word the FAQ lacks" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain --lang es --set use_accents=0 'cortais' | grep -c '"cort"')" 0
expect_eq "on: cortais stands for cort" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain --lang es 'cortais' | grep -c '"cort"')" 1
