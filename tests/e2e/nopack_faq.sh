# nopack_faq.sh: a FAQ in a language with a Snowball stemmer and no pack
# (Dutch here; nothing in the rules is Dutch) takes its stop words and
# question words from its own entries: a word in at least half of them is a
# stop word, one opening the questions of two entries or more a question
# word (without them a question's "een" and "aan" were an entry's match).
# It is asked in English too, the language its messages fall back to, and
# its language keeps its own name.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/nl"
cat > "$TMP/c/nl/faq.md" <<'MD'
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
index_faq "$TMP/c"
dropped "words of most entries are stop words" "$TMP/faq.idx" "waar is de sauna van het zwembad" de het is van
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "hoe word ik lid" |
    grep -q 'exact term "hoe" (nl) x0.50' || fail "hoe, opening two questions, is no question word"
ok "a word opening two entries' questions is a question word"
expect_eq "an unknown topic in common words is declined" \
    "$(answer_id "hoe vraag ik een parkeervergunning aan")" null
expect_eq "the sauna" "$(answer_id "waar is de sauna")" sauna
expect_eq "joining" "$(answer_id "hoe word ik lid")" lid
expect_eq "the price" "$(answer_id "wat is de prijs van een kaartje")" prijs

# English: told as English, greeted back; Dutch not named "English"
expect_eq "an English question is English" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --json "how do I pay with my credit card" | json query_lang)" en
expect_eq "thanks" "$(answer_id "thank you very much")" thanks
start_server "$TMP/faq.idx"
trap stop_server EXIT
expect_eq "the FAQ's language by its code" \
    "$(curl -s "${URL}api/messages?lang=nl" | json lang_name)" nl
stop_server

# a stopwords.txt of the folder's own is the whole list: nothing read off
printf 'het\n' > "$TMP/c/nl/stopwords.txt"
index_faq "$TMP/c"
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "waar is de sauna" | grep -q 'word "de"' ||
    fail "with a stopwords.txt, de was still dropped"
ok "a folder's stopwords.txt is the list"
