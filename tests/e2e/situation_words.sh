# situation_words.sh: a word of the asker's situation the FAQ lacks ("my
# grandson", "mi marido", "at home": the packs' "!situation" lines) weighs as a common
# word, not as another topic, in each pack language; it still searches where
# the FAQ holds it, and a question of another topic is still declined.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/en" "$TMP/c/es" "$TMP/c/fr" "$TMP/c/it" "$TMP/c/pt" "$TMP/c/de"
cat > "$TMP/c/en/faq.md" <<'MD'
# Swimming school

## From what age are the courses? {#age}

From four years old.

## How much is the enrolment? {#price}

Forty euros a term.

## Can parents watch the lessons? {#gallery}

From the gallery above the pool.

## Where can I park? {#parking}

In the sports centre's car park.

## What if I forget my card? {#card}

The front desk gives you a day pass.
MD
cat > "$TMP/c/es/faq.md" <<'MD'
# Escuela de natación

## ¿Qué edad hay que tener para los cursillos? {#age}

Desde los cuatro años.

## ¿Cuánto cuesta la matrícula? {#price}

Cuarenta euros al trimestre.

## ¿Pueden los padres ver las clases? {#gallery}

Desde la grada, encima de la piscina.

## ¿Dónde se aparca? {#parking}

En el aparcamiento del polideportivo.

## ¿Qué hago si olvido el carnet? {#card}

En recepción le dan un pase de un día.
MD
cat > "$TMP/c/fr/faq.md" <<'MD'
# École de natation

## À partir de quel âge sont les cours ? {#age}

Dès quatre ans.

## Combien coûte l'inscription ? {#price}

Quarante euros par trimestre.

## Les parents peuvent-ils regarder les cours ? {#gallery}

Depuis la galerie au-dessus du bassin.

## Où se garer ? {#parking}

Sur le parking du centre sportif.
MD
cat > "$TMP/c/it/faq.md" <<'MD'
# Scuola di nuoto

## Da che età si possono fare i corsi? {#age}

Dai quattro anni.

## Quanto costa l'iscrizione? {#price}

Quaranta euro a trimestre.

## I genitori possono guardare le lezioni? {#gallery}

Dalla tribuna sopra la vasca.

## Dove si parcheggia? {#parking}

Nel parcheggio del centro sportivo.
MD
cat > "$TMP/c/pt/faq.md" <<'MD'
# Escola de natação

## A partir de que idade são os cursos? {#age}

A partir dos quatro anos.

## Quanto custa a inscrição? {#price}

Quarenta euros por trimestre.

## Os pais podem ver as aulas? {#gallery}

Da bancada por cima da piscina.

## Onde se estaciona? {#parking}

No parque de estacionamento do centro desportivo.
MD
cat > "$TMP/c/de/faq.md" <<'MD'
# Schwimmschule

## Ab welchem Alter gibt es Kurse? {#age}

Ab vier Jahren.

## Was kostet die Anmeldung? {#price}

Vierzig Euro im Quartal.

## Dürfen Eltern beim Unterricht zuschauen? {#gallery}

Von der Galerie über dem Becken.

## Wo kann man parken? {#parking}

Auf dem Parkplatz des Sportzentrums.

## Was tun, wenn ich meine Karte vergesse? {#card}

Am Empfang bekommen Sie einen Tagespass.
MD
index_faq "$TMP/c"

# answered: each was declined while the relative weighed as another topic
expect_eq "en: my grandson" "$(answer_id "from what age can my grandson start")" age
expect_eq "es: mi nieto" "$(answer_id "a qué edad puede empezar mi nieto")" age
expect_eq "es: mi marido" "$(answer_id "mi marido puede aparcar allí")" parking
expect_eq "fr: mon fils" "$(answer_id "à quel âge mon fils peut commencer")" age
expect_eq "it: mio nipote" "$(answer_id "a che età può iniziare mio nipote")" age
expect_eq "pt: o meu neto" "$(answer_id "com que idade o meu neto pode começar")" age
expect_eq "de: mein Enkel" "$(answer_id "ab welchem Alter kann mein Enkel anfangen")" age
# ... and so was each of these, where home weighed as another topic
expect_eq "en: at home" "$(answer_id "card left at home")" card
expect_eq "de: zu Hause" \
    "$(answer_id "meine Karte liegt zu Hause")" card

# the word weighs as a common word (weight_floor), not as an unknown one
expect_match "en: grandson weighs as a common word" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain "from what age can my grandson start")" \
    'word "grandson": weight 0\.500 '
# switched off, the word is another topic again
expect_eq "use_situation_words=0: declined" \
    "$(answer_id --set use_situation_words=0 "a qué edad puede empezar mi nieto")" null

# a word of the class the FAQ holds searches as any other
expect_match "en: parents, held by the FAQ, searches" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain "can parents watch")" \
    'exact term "parent"'
expect_eq "en: parents, held by the FAQ, answers" "$(answer_id "can parents watch")" gallery

# another topic asked with a relative is still declined
expect_eq "en: my wife's dentist" "$(answer_id "my wife is looking for a dentist")" null
expect_eq "fr: le dentiste de ma femme" "$(answer_id "ma femme cherche un dentiste")" null
expect_eq "es: el piano de mi hija" "$(answer_id "mi hija quiere aprender a tocar el piano")" null
