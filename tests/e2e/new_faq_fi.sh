# new_faq_fi.sh: a Finnish FAQ has a pack like the other languages: small
# talk in Finnish, the bot's messages in Finnish, the pack's stop words (the
# -ko/-kö forms of the auxiliaries among them), question words ranked but not
# weighed as content, general synonyms, and the Finnish starter.
. "$ROOT/tests/e2e/lib.sh.inc"
field() { "$FAQBOT" ask --index "$1" --json "$2" | json "$3"; }

mkdir -p "$TMP/fi/fi"
cat > "$TMP/fi/fi/faq.md" <<'MD'
# Kaupunginkirjasto

## Milloin kirjasto on auki? {#aukiolo}
? Mitkä ovat kirjaston aukioloajat?

Kirjasto on auki maanantaista perjantaihin kello 9–20 ja lauantaisin kello 10–16.

## Paljonko kirjastokortti maksaa? {#kortti}
? Miten saan kirjastokortin?

Ensimmäinen kirjastokortti on maksuton. Uusi kortti kadonneen tilalle maksaa 3 euroa.

## Miten uusin lainani? {#uusiminen}
? Voinko jatkaa laina-aikaa?

Voit uusia lainasi verkkokirjastossa viisi kertaa, jos niistä ei ole varauksia.

## Mihin palautan kirjat, kun kirjasto on kiinni? {#palautus}

Pääoven vieressä on palautusluukku, joka on käytössä ympäri vuorokauden.

## Voinko tulostaa kirjastossa? {#tulostus}

Tulostaminen maksaa 20 senttiä sivulta. Tulostimet ovat toisessa kerroksessa.

## Onko kirjastossa langaton verkko? {#wifi}

Kirjastossa on maksuton langaton verkko ilman salasanaa.
MD
"$FAQBOT" index --corpus "$TMP/fi" --out "$TMP/fi.idx" >/dev/null || fail "index fi"
F="$TMP/fi.idx"
expect_eq "moi is a greeting" "$(outcome "$F" "moi")" "smalltalk hello"
expect_eq "... answered in Finnish" "$(field "$F" "hyvää päivää" answer)" "Hei! Miten voin auttaa?"
expect_eq "kiitos paljon is thanks" "$(outcome "$F" "kiitos paljon")" "smalltalk thanks"
expect_eq "nähdään is goodbye" "$(outcome "$F" "nähdään")" "smalltalk bye"
expect_eq "declined in Finnish" "$(field "$F" "missä voin pysäköidä auton" message)" \
    "Valitettavasti minulla ei ole vastausta tähän kysymykseen."
dropped "the pack's stop words, -ko forms too" "$F" "voiko minun kirjat palauttaa sinne" voiko minun
"$FAQBOT" ask --index "$F" --explain "mihin kirjat palautetaan" | grep -q 'exact term "mihin" (fi) x0.50' ||
    fail "mihin is no question word"
ok "the pack's question words"
expect_eq "the pack's synonyms: ilmainen is maksuton" "$(outcome "$F" "onko netti ilmainen")" "answer wifi"
expect_eq "the Finnish starter" "$(starter_outcome fi "milloin olette auki")" "answer hours"
