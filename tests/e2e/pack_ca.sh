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
ask_json() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$1" >"$TMP/out" || fail "ask $1"; }

# the same question in each language, answered in it
ask_json "quant val l'abonament?"
expect_eq "ca question: its entry" "$(json id <"$TMP/out")" price
expect_eq "ca question: answered in Catalan" "$(json lang <"$TMP/out")" ca
ask_json "¿cuánto vale el abono?"
expect_eq "es question: its entry" "$(json id <"$TMP/out")" price
expect_eq "es question: answered in Spanish" "$(json lang <"$TMP/out")" es
ask_json "a quina hora obre la piscina els dissabtes"
expect_eq "ca hours: its entry" "$(json id <"$TMP/out")" hours
expect_eq "ca hours: in Catalan" "$(json lang <"$TMP/out")" ca
ask_json "a qué hora abre la piscina los sábados"
expect_eq "es hours: its entry" "$(json id <"$TMP/out")" hours
expect_eq "es hours: in Spanish" "$(json lang <"$TMP/out")" es

# small talk, in Catalan
ask_json "hola, bon dia"
expect_eq "ca hello: small talk" "$(json id <"$TMP/out")" hello
expect_eq "ca hello: in Catalan" "$(json lang <"$TMP/out")" ca
ask_json "moltes gràcies"
expect_eq "ca thanks: small talk" "$(json id <"$TMP/out")" thanks
expect_eq "ca thanks: in Catalan" "$(json lang <"$TMP/out")" ca
ask_json "hola, buenos días"
expect_eq "es hello: in Spanish" "$(json lang <"$TMP/out")" es

# the bot's own text in Catalan
ask_json "com puc anar a la lluna amb tren"
expect_eq "ca off-topic: declined" "$(json id <"$TMP/out")" null
expect_eq "ca decline: the pack's text" "$(json message <"$TMP/out")" "$(pack_text ca decline)"

# the polite frame and the weak pronouns are stop words
dropped "ca: the pack's stop words" "$TMP/faq.idx" "voldria saber si em podeu dir on és la piscina, si us plau" voldria saber si em podeu dir és la si us plau
