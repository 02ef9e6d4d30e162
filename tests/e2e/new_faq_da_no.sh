# new_faq_da_no.sh: a Danish and a Norwegian FAQ have packs like the other
# eight: small talk in their own words, the bot's messages in their
# language, the pack's stop words, question words and general synonyms,
# and, with the Debian dictionaries installed, English questions linked to
# their entries.
. "$ROOT/tests/e2e/lib.sh.inc"
# Danish's and Norwegian's dictionaries with English
only_dicts dan-eng eng-dan eng-nor
field() { "$FAQBOT" ask --index "$1" --json "$2" | json "$3"; }

mkdir -p "$TMP/da/da"
cat > "$TMP/da/da/faq.md" <<'MD'
# Byens Bibliotek

## Hvornår har biblioteket åbent? {#aabent}
? Hvad er bibliotekets åbningstider?

Biblioteket har åbent mandag til fredag fra 10 til 19 og lørdag fra 10 til 14.

## Hvordan får jeg et lånerkort? {#laanerkort}
? Kan mit barn få et lånerkort?

Du får et lånerkort i skranken, når du viser dit sundhedskort. Kortet er gratis.

## Hvor længe må jeg låne en bog? {#laanetid}

Bøger lånes i fire uger. Du kan forny lånet to gange på hjemmesiden.

## Hvad koster det at aflevere for sent? {#gebyr}
? Får jeg en bøde for en bog, der er afleveret for sent?

Gebyret er 20 kroner pr. bog for den første uge og 60 kroner efter to uger.

## Kan jeg printe på biblioteket? {#print}

Ja, der er en printer ved indgangen. En side i sort-hvid koster 2 kroner.

## Har I trådløst internet? {#wifi}

Ja, netværket hedder Bibliotek og har ingen adgangskode.

## Kan jeg reservere en bog? {#reservere}
? Hvordan bestiller jeg en bog, der er udlånt?

Du reserverer bøger på hjemmesiden eller i appen og får en besked, når bogen kan hentes.

## Må jeg spise på biblioteket? {#mad}

Du må drikke kaffe i læsesalen, men mad spiser du i caféen ved indgangen.
MD
"$FAQBOT" index --corpus "$TMP/da" --out "$TMP/da.idx" >/dev/null || fail "index da"
D="$TMP/da.idx"
expect_eq "hej is a greeting" "$(outcome "$D" "hej")" "smalltalk hello"
expect_eq "tusind tak is thanks" "$(outcome "$D" "tusind tak")" "smalltalk thanks"
expect_eq "farvel is goodbye" "$(outcome "$D" "farvel")" "smalltalk bye"
expect_eq "declined in Danish" "$(field "$D" "hvor kan jeg parkere bilen" message)" \
    "Desværre har jeg ikke noget svar på det spørgsmål."
dropped "the pack's stop words" "$D" "må jeg tage min hund med på biblioteket" må jeg min med på
"$FAQBOT" ask --index "$D" --explain "hvordan får jeg et lånerkort" |
    grep -q 'exact term "hvordan" (da) x0.50' || fail "hvordan is no question word"
ok "the pack's question words"
"$FAQBOT" ask --index "$D" --explain "hvad er prisen for at printe" | grep -q 'synonym term "kost"' ||
    fail "pris is no synonym of koste"
ok "the pack's synonyms: pris is koste"
expect_eq "an English question, through the dictionaries" \
    "$(outcome "$D" "how long can i borrow a book")" "answer laanetid"
expect_eq "... told as English" "$(field "$D" "how long can i borrow a book" query_lang)" en

mkdir -p "$TMP/no/no"
cat > "$TMP/no/no/faq.md" <<'MD'
# Fjordbyen camping

## Når åpner campingplassen? {#sesong}
? Er campingplassen åpen om vinteren?

Campingplassen er åpen fra 1. mai til 30. september.

## Hva koster en teltplass? {#pris}
? Hvor mye betaler jeg for en natt med bobil?

En teltplass koster 250 kroner natten, en plass for bobil eller campingvogn 350 kroner.

## Kan jeg ta med hunden? {#hund}

Hunder er velkomne, men de må være i bånd på hele plassen.

## Har dere hytter til leie? {#hytter}
? Kan vi leie en hytte for en uke?

Vi har tolv hytter med fire senger. Hyttene leies ut for minst to netter.

## Er det strøm på plassene? {#strom}

Alle plasser for bobil og campingvogn har strøm. Strømmen koster 50 kroner døgnet.

## Når må vi reise fra plassen? {#utsjekk}

Plassen må forlates innen klokka 12 på avreisedagen.

## Kan vi bade i fjorden? {#bading}

Ja, det er en badeplass med brygge rett nedenfor resepsjonen.

## Selger dere ved til bål? {#ved}

Resepsjonen selger ved i sekker. Bål er bare lov i bålpannene ved stranda.
MD
"$FAQBOT" index --corpus "$TMP/no" --out "$TMP/no.idx" >/dev/null || fail "index no"
N="$TMP/no.idx"
expect_eq "hei is a greeting" "$(outcome "$N" "hei")" "smalltalk hello"
expect_eq "tusen takk is thanks" "$(outcome "$N" "tusen takk")" "smalltalk thanks"
expect_eq "ha det bra is goodbye" "$(outcome "$N" "ha det bra")" "smalltalk bye"
expect_eq "declined in Norwegian" "$(field "$N" "hvor kan jeg fornye passet" message)" \
    "Beklager, jeg har ikke noe svar på det spørsmålet."
dropped "the pack's stop words" "$N" "kan jeg ha med meg katten min på plassen" kan jeg med meg min på
"$FAQBOT" ask --index "$N" --explain "hva koster en hytte" | grep -q 'exact term "hva" (no) x0.50' ||
    fail "hva is no question word"
ok "the pack's question words"
"$FAQBOT" ask --index "$N" --explain "hva er prisen for en hytte" | grep -q 'synonym term "kost"' ||
    fail "pris is no synonym of koste"
ok "the pack's synonyms: pris is koste"
expect_eq "an English question, through the dictionaries" "$(outcome "$N" "can i bring my dog")" \
    "answer hund"

# the starter FAQ of each, indexed and asked in its own words
expect_eq "the Danish starter" "$(starter_outcome da "hvornår har I åbent")" "answer hours"
expect_eq "the Norwegian starter" "$(starter_outcome no "når har dere åpent")" "answer hours"
