# new_faq_nl_sv.sh: a Dutch and a Swedish FAQ have packs like the other six:
# small talk in their own words, the bot's messages in their language, the
# pack's stop words, question words and general synonyms, and, with the
# Debian dictionaries installed, English questions linked to their entries.
. "$ROOT/tests/e2e/lib.sh.inc"
# Dutch's and Swedish's dictionaries to and from English
only_dicts nld-eng eng-nld swe-eng eng-swe
field() { "$FAQBOT" ask --index "$1" --json "$2" | json "$3"; }

mkdir -p "$TMP/nl/nl"
cat > "$TMP/nl/nl/faq.md" <<'MD'
# Zwembad De Vijver

## Wat zijn de openingstijden van het zwembad? {#tijden}
? Wanneer is het zwembad open?

Het zwembad is open van maandag tot en met vrijdag van 7.00 tot 21.00 uur en in het weekend van 9.00 tot 17.00 uur.

## Wat kost een kaartje? {#prijs}
? Hoeveel betaal ik voor een dagkaart?

Een dagkaart kost € 5,50 voor volwassenen en € 3,50 voor kinderen tot en met 12 jaar.

## Hoe word ik lid van de zwemclub? {#lid}

Vul het inschrijfformulier in bij de kassa of op de website. Het lidmaatschap kost € 120 per jaar.

## Waar kan ik mijn fiets parkeren? {#fiets}

Voor de ingang is een overdekte fietsenstalling. Het parkeren van een fiets is gratis.

## Geven jullie zwemles aan kinderen? {#zwemles}
? Hoe schrijf ik mijn kind in voor zwemles?

Ja, zwemles voor het A-diploma begint vanaf vijf jaar. U schrijft uw kind in bij de kassa; er is een wachtlijst van ongeveer drie maanden.

## Is er een sauna? {#sauna}

Ja, de sauna is open op dinsdag en donderdag van 18.00 tot 22.00 uur. De sauna is alleen voor volwassenen.

## Mag ik eten meenemen? {#eten}

Eten en drinken zijn toegestaan in de kantine, niet in het water of aan de rand van het bad.

## Waar vind ik verloren voorwerpen? {#gevonden}
? Ik ben mijn handdoek kwijt.

Gevonden voorwerpen bewaren wij een maand bij de kassa. Vraag ernaar bij de medewerker.
MD
"$FAQBOT" index --corpus "$TMP/nl" --out "$TMP/nl.idx" >/dev/null || fail "index nl"
N="$TMP/nl.idx"
expect_eq "hallo is a greeting" "$(outcome "$N" "hallo")" "smalltalk hello"
expect_eq "dank je wel is thanks" "$(outcome "$N" "dank je wel")" "smalltalk thanks"
expect_eq "tot ziens is goodbye" "$(outcome "$N" "tot ziens")" "smalltalk bye"
expect_eq "declined in Dutch" "$(field "$N" "hoe vraag ik een parkeervergunning aan" message)" \
    "Sorry, op die vraag heb ik geen antwoord."
dropped "the pack's stop words" "$N" "waar is de sauna van het zwembad" de het is van
"$FAQBOT" ask --index "$N" --explain "hoe word ik lid" | grep -q 'exact term "hoe" (nl) x0.50' ||
    fail "hoe is no question word"
ok "the pack's question words"
"$FAQBOT" ask --index "$N" --explain "wat is het tarief" | grep -q 'synonym term "kost"' ||
    fail "tarief is no synonym of kost"
expect_eq "the pack's synonyms: tarief is kost" "$(outcome "$N" "wat is het tarief")" "answer prijs"
expect_eq "an English question, through the dictionaries" "$(outcome "$N" "is there a sauna")" \
    "answer sauna"
expect_eq "... told as English" "$(field "$N" "is there a sauna" query_lang)" en

mkdir -p "$TMP/sv/sv"
cat > "$TMP/sv/sv/faq.md" <<'MD'
# Stadsmuseet

## Vilka är museets öppettider? {#oppettider}
? När har museet öppet?

Museet har öppet tisdag till söndag klockan 11–17. På måndagar är det stängt.

## Vad kostar entrén? {#entre}
? Hur mycket kostar en biljett?

Entrén kostar 120 kronor för vuxna. Barn och ungdomar under 20 år går in gratis.

## Kan jag ta med mig min hund? {#hund}

Hundar får inte följa med in i utställningshallarna, förutom ledarhundar.

## Finns det en restaurang? {#restaurang}
? Var kan jag äta lunch?

Ja, museets restaurang på bottenvåningen serverar lunch mellan 11.30 och 14.

## Får man fotografera i museet? {#foto}

Det går bra att fotografera utan blixt i de fasta utställningarna.

## Hur bokar jag en guidad visning? {#visning}
? Kan vi boka en guide för en grupp?

Guidade visningar för grupper bokas via vår webbplats minst två veckor i förväg.

## Var kan jag lämna min väska? {#garderob}

I entrén finns låsbara skåp och en bemannad garderob. Större väskor får inte tas med in i salarna.

## Är museet tillgängligt för rullstolar? {#rullstol}

Ja, alla våningar nås med hiss och det finns en rullstol att låna i entrén.
MD
"$FAQBOT" index --corpus "$TMP/sv" --out "$TMP/sv.idx" >/dev/null || fail "index sv"
S="$TMP/sv.idx"
expect_eq "hej is a greeting" "$(outcome "$S" "hej")" "smalltalk hello"
expect_eq "tack is thanks" "$(outcome "$S" "tack så mycket")" "smalltalk thanks"
expect_eq "hej då is goodbye" "$(outcome "$S" "hej då")" "smalltalk bye"
expect_eq "declined in Swedish" "$(field "$S" "var kan jag parkera bilen" message)" \
    "Tyvärr har jag inget svar på den frågan."
dropped "the pack's stop words" "$S" "får man ta med sig hunden till museet" får man med sig till
"$FAQBOT" ask --index "$S" --explain "vad är avgiften" | grep -q 'synonym term "kost"' ||
    fail "avgift is no synonym of kosta"
expect_eq "the pack's synonyms: avgift is kosta" "$(outcome "$S" "vad är avgiften")" "answer entre"
expect_eq "an English question, through the dictionaries" \
    "$(outcome "$S" "is there a restaurant")" "answer restaurang"

# the starter FAQ of each, indexed and asked in its own words
expect_eq "the Dutch starter" "$(starter_outcome nl "wanneer zijn jullie open")" "answer hours"
expect_eq "the Swedish starter" "$(starter_outcome sv "när har ni öppet")" "answer hours"
