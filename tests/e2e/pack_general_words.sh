# pack_general_words.sh: the packs' general words of price, of signing up and
# of closing. "Is it expensive?" asks what a thing costs, in every pack
# language; "register", "anmelden", "inscribirse" ask how to sign up;
# "geschlossen", "cerrado" ask when a place is open. A FAQ that says
# "price", "registrieren" or "geöffnet" is found by them. Fails on the
# base, whose packs hold none of them.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/en" "$TMP/c/de" "$TMP/c/es" "$TMP/c/sv"
cat > "$TMP/c/en/faq.md" <<'MD'
## What is the price of a lesson? {#prices}

Twenty euros; ten for members.

## How do I become a member? {#sign-up}

Fill in the registration form at the front desk.

## Where is the school? {#where}

Behind the station.

## When are you open? {#hours}

From nine to six.
MD
cat > "$TMP/c/de/faq.md" <<'MD'
## Wie hoch ist der Preis einer Stunde? {#prices}

Zwanzig Euro, für Mitglieder zehn.

## Wie werde ich Mitglied? {#sign-up}

Sie registrieren sich am Empfang.

## Wo ist die Schule? {#where}

Hinter dem Bahnhof.

## Wann ist die Schule geöffnet? {#hours}

Von neun bis sechs.
MD
cat > "$TMP/c/es/faq.md" <<'MD'
## ¿Cuál es el precio de una clase? {#prices}

Veinte euros; diez para los socios.

## ¿Cómo me hago socio? {#sign-up}

Rellenando el formulario de inscripción en la recepción.

## ¿Dónde está la escuela? {#where}

Detrás de la estación.

## ¿Cuándo está abierta la escuela? {#hours}

De nueve a seis.
MD
cat > "$TMP/c/sv/faq.md" <<'MD'
## Vad kostar en lektion? {#prices}

Tjugo euro, tio för medlemmar.

## Var ligger skolan? {#where}

Bakom stationen.
MD
index_faq "$TMP/c"
first() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain --threshold 0 --lang "$1" "$2" |
    sed -n 's/^#1 \([^:]*\):.*/\1/p'; }
expect_eq "en: expensive is a price" "$(first en 'is it expensive')" prices
expect_eq "en: cheap is a price" "$(first en 'are lessons cheap')" prices
expect_eq "de: teuer is a price" "$(first de 'ist das teuer')" prices
expect_eq "es: caro is a price" "$(first es 'es caro')" prices
expect_eq "sv: dyrt is a price" "$(first sv 'är det dyrt')" prices
expect_eq "sv: bil (a car) is no billig" "$(first sv 'bil')" ""
expect_eq "en: register is signing up" "$(first en 'can i register')" sign-up
expect_eq "de: anmelden is signing up" "$(first de 'wie kann ich mich anmelden')" sign-up
expect_eq "es: inscribirse is signing up" "$(first es 'quiero inscribirme')" sign-up
expect_eq "de: geschlossen asks the opening hours" "$(first de 'ist die schule am montag geschlossen')" hours
expect_eq "es: cerrado asks the opening hours" "$(first es 'está cerrado en agosto')" hours
