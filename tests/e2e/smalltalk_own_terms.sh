# smalltalk_own_terms.sh: the question's terms are its language's stems, so
# another language's small talk meets its words by their form alone
# (use_smalltalk_own_terms). A Spanish and Catalan town hall's FAQ (French
# asked in through its dictionaries) was asked "la tarde" and "a la tarde"
# and said goodbye in French: Spanish "tarde" stems as "tard", the key of
# French "à plus tard", and "la", "a" are French stop words. Small talk said
# as it is written stays small talk in every language of the FAQ and in
# French. Fails on the base, which said "Au revoir" to "la tarde".
. "$ROOT/tests/e2e/lib.sh.inc"
only_dicts fra-spa spa-fra
mkdir -p "$TMP/c/es" "$TMP/c/ca"
cat > "$TMP/c/es/faq.md" <<'MD'
# Ayuntamiento

## ¿Cuál es el horario de la oficina? {#hours}

De lunes a viernes de 8:30 a 14:00, y los jueves también por la tarde de 16:00 a 19:00.

## ¿Cómo pido un certificado de empadronamiento? {#census}

En la oficina o en la sede electrónica, con el DNI.
MD
cat > "$TMP/c/ca/faq.md" <<'MD'
# Ajuntament

## Quin és l'horari de l'oficina? {#hours}

De dilluns a divendres de 8:30 a 14:00, i els dijous també a la tarda de 16:00 a 19:00.

## Com demano un certificat d'empadronament? {#census}

A l'oficina o a la seu electrònica, amb el DNI.
MD
index_faq "$TMP/c"
"$FAQBOT" ask --index "$TMP/faq.idx" --json "à plus tard" | json outcome | grep -qx smalltalk ||
    fail "French is not asked in: the test needs freedict-fra-spa (sh tools/install-deps run)"
said() {
    "$FAQBOT" ask --index "$TMP/faq.idx" --json "$@" > "$TMP/answer.json"
    echo "$(json outcome < "$TMP/answer.json") $(json id < "$TMP/answer.json")"
}
for q in "la tarde" "a la tarde" "por la tarde"; do
    [ "$(said "$q" | cut -d' ' -f1)" = smalltalk ] && fail "$q read as French small talk"
    ok "$q is no goodbye"
done
expect_eq "the switch off: la tarde is a goodbye again" \
    "$(said --set use_smalltalk_own_terms=0 "la tarde")" "smalltalk bye"
# small talk as it is written, in Spanish, Catalan and French
expect_eq "hola" "$(said hola)" "smalltalk hello"
expect_eq "buenas tardes" "$(said "buenas tardes")" "smalltalk hello"
expect_eq "gracias" "$(said gracias)" "smalltalk thanks"
expect_eq "bona tarda" "$(said "bona tarda")" "smalltalk hello"
expect_eq "adéu" "$(said adéu)" "smalltalk bye"
expect_eq "bonjour" "$(said bonjour)" "smalltalk hello"
expect_eq "merci" "$(said merci)" "smalltalk thanks"
expect_eq "à plus tard" "$(said "à plus tard")" "smalltalk bye"
