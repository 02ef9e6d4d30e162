# pack_ca.sh: Catalan has a pack (lang/ca). A small swimming pool's FAQ
# published in Catalan and Spanish, as a bilingual organisation does, written
# here: a Catalan question is answered in Catalan and the same question in
# Spanish in Spanish; a greeting and thanks are small talk in Catalan; a
# declined question is told so in Catalan; the polite frame ("voldria saber
# si", "si us plau") and the weak pronouns are stop words. Fails on the base,
# which had no Catalan pack: small talk declined, the bot's texts in English,
# the stop words guessed from the entries.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/ca" "$TMP/c/es"
cat >"$TMP/c/ca/piscina.md" <<'MD'
## Quant costa l'abonament de la piscina? {#price}

L'abonament mensual costa 35 euros i l'anual 300 euros.

## Com em dono de baixa? {#cancel}

Ompliu el formulari de baixa a la recepció abans del dia 25 del mes.

## On és la piscina? {#where}

La piscina és al carrer de la Indústria, 12, al costat del poliesportiu.

## Quin és l'horari de la piscina? {#hours}

De dilluns a divendres de 7:00 a 22:00, dissabtes i diumenges de 9:00 a 20:00.
MD
cat >"$TMP/c/es/piscina.md" <<'MD'
## ¿Cuánto cuesta el abono de la piscina? {#price}

El abono mensual cuesta 35 euros y el anual 300 euros.

## ¿Cómo me doy de baja? {#cancel}

Rellenad el formulario de baja en la recepción antes del día 25 del mes.

## ¿Dónde está la piscina? {#where}

La piscina está en la calle de la Indústria, 12, al lado del polideportivo.

## ¿Cuál es el horario de la piscina? {#hours}

De lunes a viernes de 7:00 a 22:00, sábados y domingos de 9:00 a 20:00.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err" || fail "index"
expect_eq "index: no note of a missing pack" "$(grep -c 'no language pack' "$TMP/err")" 0

pack_text() { sed -n "s/^$2 = //p" "$ROOT/lang/$1/messages.txt"; }
# answered QUESTION ID LANG: the entry (or small talk) ID, in LANG
answered() {
    "$FAQBOT" ask --index "$TMP/faq.idx" --json "$1" >"$TMP/out" || fail "ask $1"
    expect_eq "$1: $2" "$(json id <"$TMP/out")" "$2"
    expect_eq "$1: in $3" "$(json lang <"$TMP/out")" "$3"
}

# the same question in each language, answered in it
answered "quant val l'abonament?" price ca
answered "¿cuánto vale el abono?" price es
answered "a quina hora obre la piscina els dissabtes" hours ca
answered "a qué hora abre la piscina los sábados" hours es

# small talk, in Catalan
answered "hola, bon dia" hello ca
answered "moltes gràcies" thanks ca
answered "hola, buenos días" hello es

# the bot's own text in Catalan
"$FAQBOT" ask --index "$TMP/faq.idx" --json "com puc anar a la lluna amb tren" >"$TMP/out" || fail "ask"
expect_eq "ca off-topic: declined" "$(json id <"$TMP/out")" null
expect_eq "ca decline: the pack's text" "$(json message <"$TMP/out")" "$(pack_text ca decline)"

# the polite frame and the weak pronouns are stop words
dropped "ca: the pack's stop words" "$TMP/faq.idx" "voldria saber si em podeu dir on és la piscina, si us plau" voldria saber si em podeu dir és la si us plau
