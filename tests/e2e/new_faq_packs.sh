# new_faq_packs.sh: small FAQs in Portuguese, Spanish, German, English, Italian,
# French, Swedish and Dutch
# asked in words their visitors use and the FAQs do not: what the packs'
# general synonyms and stop words must give.
. "$ROOT/tests/e2e/lib.sh.inc"
# ranked first (a tiny FAQ gives too little evidence to answer), on the
# pack's synonym: what, index, question, the synonym's stem, the entry
means() {
    "$FAQBOT" ask --index "$2" --explain "$3" | grep -q "synonym term \"$4\"" ||
        fail "$1: no synonym $4"
    expect_eq "$1" "$("$FAQBOT" ask --index "$2" --threshold 0 --json "$3" | json id)" "$5"
}

mkdir -p "$TMP/pt/pt"
cat > "$TMP/pt/pt/faq.md" <<'MD'
# Clínica

## Como posso marcar uma consulta? {#marcacao}

Por telefone ou na receção.

## Como desmarco uma consulta? {#desmarcar}

Avise-nos com 24 horas de antecedência.

## Os tratamentos doem? {#medo}
? Tenho medo do dentista.

Usamos anestesia local.

## Qual é a morada da clínica? {#localizacao}

Na Rua de Cedofeita 412, no Porto.

## A primeira consulta é paga? {#primeira}

Não, a primeira consulta é gratuita.
MD
"$FAQBOT" index --corpus "$TMP/pt" --out "$TMP/pt.idx" >/dev/null || fail "index pt"
means "agendar is marcar" "$TMP/pt.idx" "como faço para agendar" marc marcacao
means "cancelar is desmarcar" "$TMP/pt.idx" "quero cancelar a consulta" desmarc desmarcar
means "pavor is medo" "$TMP/pt.idx" "tenho pavor de dentistas" med medo
means "endereço is morada" "$TMP/pt.idx" "qual é o endereço" mor localizacao
dropped "ir and a partir de name no topic" "$TMP/pt.idx" \
    "a partir de que idade posso ir sozinho à consulta" ir partir

mkdir -p "$TMP/es/es"
cat > "$TMP/es/es/faq.md" <<'MD'
# Punto limpio

## ¿Cuál es el horario del punto limpio? {#horario}

De lunes a sábado, de 9 a 14.

## ¿Qué residuos acepta? {#residuos}

Muebles, aparatos eléctricos y escombros.
MD
"$FAQBOT" index --corpus "$TMP/es" --out "$TMP/es.idx" >/dev/null || fail "index es"
means "hora is horario" "$TMP/es.idx" "a qué hora abre el punto limpio" horari horario
dropped "ir and a partir de name no topic" "$TMP/es.idx" \
    "a partir de qué hora puedo ir al punto limpio" ir partir
dropped "voy and van name no topic" "$TMP/es.idx" "voy con muebles, los van a aceptar" voy van

mkdir -p "$TMP/de/de" "$TMP/de/en"
cat > "$TMP/de/de/faq.md" <<'MD'
# Werkstatt

## Wann ist die Werkstatt geöffnet? {#oeffnung}

Dienstag bis Samstag von 10 bis 22 Uhr.

## Wie buche ich den Lasercutter? {#laser}

Im Mitgliederkalender.

## Dürfen Kinder kommen? {#kinder}

Ab 14 Jahren mit einem Elternteil.
MD
cat > "$TMP/de/en/faq.md" <<'MD'
# Workshop

## When is the workshop open? {#oeffnung}

Tuesday to Saturday, 10 am to 10 pm.

## How do I book the laser cutter? {#laser}

In the members' calendar.

## Can children come? {#kinder}

From 14, with a parent.
MD
"$FAQBOT" index --corpus "$TMP/de" --out "$TMP/de.idx" >/dev/null || fail "index de"
means "offen is geöffnet" "$TMP/de.idx" "wann habt ihr offen" geoffnet oeffnung
"$FAQBOT" ask --index "$TMP/de.idx" --explain "wann habt ihr offen" | grep -q 'word "habt"' &&
    fail "habt, a form of haben, is a stop word"
ok "habt is a stop word"
means "reservieren is buchen" "$TMP/de.idx" "kann ich den lasercutter reservieren" buch laser
means "kids are children" "$TMP/de.idx" "are kids allowed" children kinder

mkdir -p "$TMP/it/it"
cat > "$TMP/it/it/faq.md" <<'MD'
# Scuola di sci

## Quando è aperta la scuola? {#apertura}

Dal primo sabato di dicembre a Pasquetta.

## Dove si noleggiano gli sci? {#noleggio}

Al negozio accanto alla telecabina, con il 15 % di sconto.

## Posso annullare una lezione? {#annullamento}

Fino a 24 ore prima, con il rimborso completo.

## Si può sciare in carrozzina? {#sci-adattato}

Sì, con il dualski e un maestro formato.

## Dov'è il punto di ritrovo? {#ritrovo}

Davanti al chiosco rosso all'arrivo della funivia.
MD
"$FAQBOT" index --corpus "$TMP/it" --out "$TMP/it.idx" >/dev/null || fail "index it"
means "apre is aperta" "$TMP/it.idx" "a che ora apre?" apert apertura
means "affittare is noleggiare" "$TMP/it.idx" "affittate anche gli scarponi?" nolegg noleggio
means "disdire is annullare" "$TMP/it.idx" "come faccio a disdire?" annull annullamento
means "sedia a rotelle is carrozzina" "$TMP/it.idx" "mio fratello è in sedia a rotelle" carrozzin sci-adattato
means "incontrarsi is ritrovo" "$TMP/it.idx" "dove ci incontriamo con il maestro" ritrov ritrovo
dropped "andare and a partire da name no topic" "$TMP/it.idx" \
    "a partire da che età si può andare a sciare" andare partire

mkdir -p "$TMP/fr/fr"
cat > "$TMP/fr/fr/faq.md" <<'MD'
# Piscine

## Les enfants peuvent-ils venir seuls ? {#enfants}

Dès 10 ans, avec une attestation de natation.

## Quels sont les tarifs ? {#tarifs}

L'entrée coûte 4 €.
MD
"$FAQBOT" index --corpus "$TMP/fr" --out "$TMP/fr.idx" >/dev/null || fail "index fr"
means "fille is enfant" "$TMP/fr.idx" "c'est pour ma fille" enfant enfants
dropped "aller names no topic" "$TMP/fr.idx" "on peut y aller avec ma fille, ils vont l'accepter" aller vont

mkdir -p "$TMP/vet/en" "$TMP/vet/es"
cat > "$TMP/vet/en/faq.md" <<'MD'
# Clinic

## What are your opening hours? {#opening-hours}

Monday to Friday, 9 to 8.

## How do I prepare my pet for an operation? {#operation}

No food after 10 pm the night before.
MD
cat > "$TMP/vet/es/faq.md" <<'MD'
# Clínica

## ¿Cuál es el horario? {#opening-hours}

De lunes a viernes, de 9 a 20.

## ¿Cómo preparo a mi mascota para una operación? {#operation}

Debe venir en ayunas.
MD
"$FAQBOT" index --corpus "$TMP/vet" --out "$TMP/vet.idx" >/dev/null || fail "index vet"
means "close is open" "$TMP/vet.idx" "when do you close on saturday" open opening-hours
means "surgery is operation" "$TMP/vet.idx" "can he eat before surgery" oper operation

mkdir -p "$TMP/lib/de" "$TMP/lib/pt" "$TMP/lib/en"
cat > "$TMP/lib/de/faq.md" <<'MD'
# Stadtbibliothek

## Gibt es E-Books? {#ebooks}

Ja, über die Onleihe.

## Ist der Ausweis für Studierende kostenlos? {#ausweis}

Ja, Erwachsene zahlen 15 € im Jahr.

## Wo kann ich Bücher zurückgeben? {#rueckgabe}

Am Automaten neben dem Eingang.
MD
cat > "$TMP/lib/pt/faq.md" <<'MD'
# Biblioteca

## Quando estão abertos? {#horario}

De terça a sábado, das 10h às 19h.

## Há wi-fi? {#wifi}

Sim, a palavra-passe está no balcão.
MD
cat > "$TMP/lib/en/faq.md" <<'MD'
# Library

## Can I read e-books? {#ebooks}

Yes, with your card number.
MD
"$FAQBOT" index --corpus "$TMP/lib" --out "$TMP/lib.idx" >/dev/null || fail "index lib"
means "studenten are studierende" "$TMP/lib.idx" "zahlen studenten etwas" studier ausweis
means "rückgabe is zurückgeben" "$TMP/lib.idx" "rückgabe am sonntag" zuruckgeb rueckgabe
means "ebooks are e-books" "$TMP/lib.idx" "kann man ebooks leihen" =ebook ebooks
means "ebooks are e-books, in English" "$TMP/lib.idx" "can i borrow ebooks" =ebook ebooks
means "abrem is abertos" "$TMP/lib.idx" "a que horas abrem" abert horario
means "senha is palavra-passe" "$TMP/lib.idx" "qual é a senha" =senh wifi

mkdir -p "$TMP/water/fr" "$TMP/water/en"
cat > "$TMP/water/fr/faq.md" <<'MD'
# Service de l'eau

## L'eau du robinet est-elle potable ? {#potable}

Oui, elle est analysée chaque jour.

## Comment signaler une fuite ? {#fuite}

Appelez le 311.
MD
cat > "$TMP/water/en/faq.md" <<'MD'
# Water service

## Is the tap water safe to drink? {#potable}

Yes, it is tested every day.

## What are the water rates? {#rates}

A fixed part and the cubic metres used.
MD
"$FAQBOT" index --corpus "$TMP/water" --out "$TMP/water.idx" >/dev/null || fail "index water"
means "bonne à boire is potable" "$TMP/water.idx" "est-ce que l'eau est bonne à boire" potabl potable
means "rates are what it costs" "$TMP/water.idx" "how much does water cost" rate rates

mkdir -p "$TMP/shop/de" "$TMP/shop/fr"
cat > "$TMP/shop/de/faq.md" <<'MD'
# Onlineshop

## Mein Artikel ist beschädigt angekommen {#schaden}

Schicken Sie uns ein Foto.

## Wann kommt meine Bestellung an? {#lieferung}

In zwei Werktagen.
MD
cat > "$TMP/shop/fr/faq.md" <<'MD'
# Boutique en ligne

## Mon article est arrivé abîmé {#schaden}

Envoyez-nous une photo.

## Quand vais-je recevoir ma commande ? {#lieferung}

En deux jours ouvrables.
MD
"$FAQBOT" index --corpus "$TMP/shop" --out "$TMP/shop.idx" >/dev/null || fail "index shop"
means "kaputt is beschädigt" "$TMP/shop.idx" "paket kaputt angekommen" beschadigt schaden
means "en morceaux is abîmé" "$TMP/shop.idx" "le vase est arrivé en morceaux" abim schaden

mkdir -p "$TMP/theatre/it" "$TMP/theatre/en"
cat > "$TMP/theatre/it/faq.md" <<'MD'
# Teatro

## Ci sono riduzioni? {#riduzioni}

Gli under 26 pagano il biglietto ridotto.

## I bambini possono entrare? {#bambini}

Dagli 8 anni, con un biglietto proprio.

## Cosa succede se lo spettacolo è annullato? {#annullato}

Il biglietto è rimborsato.

## C'è un bar? {#bar}

Il bar serve bevande e dolci.
MD
cat > "$TMP/theatre/en/faq.md" <<'MD'
# Theatre

## Is there a dress code? {#dress}

No, but many guests dress formally.

## Can I exchange my ticket? {#exchange}

Once, up to 48 hours before the show.
MD
"$FAQBOT" index --corpus "$TMP/theatre" --out "$TMP/theatre.idx" >/dev/null || fail "index theatre"
means "sconto is riduzione" "$TMP/theatre.idx" "sconto per studenti" riduzion riduzioni
means "figlio is bambino" "$TMP/theatre.idx" "posso portare mio figlio" bambin bambini
means "cancellato is annullato" "$TMP/theatre.idx" "spettacolo cancellato" annull annullato
dropped "qualcosa names no topic" "$TMP/theatre.idx" "c'è qualcosa da bere" qualcosa
means "wear is dress" "$TMP/theatre.idx" "what should i wear" dress dress
means "swap is exchange" "$TMP/theatre.idx" "swap my ticket" exchang exchange

mkdir -p "$TMP/transit/en"
cat > "$TMP/transit/en/faq.md" <<'MD'
# City transport

## What happens if I travel without a ticket? {#fines}

Inspectors give you a fine of €50.

## Is there room for a pushchair? {#pushchair}

Yes, at the middle door of every tram.

## How do I change my travel plan? {#plan}

In the app, once a month.

## Where is the ticket office? {#office}

In the hall of Central Station.

## Why does my bus take another route? {#diversion}

Because of road works in the city centre.
MD
"$FAQBOT" index --corpus "$TMP/transit" --out "$TMP/transit.idx" >/dev/null || fail "index transit"
means "penalty is fine" "$TMP/transit.idx" "penalty for no ticket" fine fines
means "stroller is pushchair" "$TMP/transit.idx" "stroller on the tram" pushchair pushchair
means "switch is change" "$TMP/transit.idx" "switch my plan" chang plan
means "different is another" "$TMP/transit.idx" "is there a different way" anoth diversion

mkdir -p "$TMP/forskola/sv"
cat > "$TMP/forskola/sv/faq.md" <<'MD'
# Förskola

## Hur ansöker jag om plats? {#ansokan}

I kommunens e-tjänst.

## Från vilken ålder kan barnet börja? {#alder}

Från ett år.

## När får vi besked om plats? {#besked}

Inom fyra månader.

## Vilka kläder behöver barnet? {#klader}

Regnkläder och stövlar.

## Vad får barnen äta? {#mat}

Frukost, lunch och mellanmål.
MD
"$FAQBOT" index --corpus "$TMP/forskola" --out "$TMP/forskola.idx" >/dev/null || fail "index forskola"
means "söka is ansöka" "$TMP/forskola.idx" "hur söker man plats" ansok ansokan
means "hur gammal is ålder" "$TMP/forskola.idx" "hur gammal måste barnet vara" ald alder
means "svar is besked" "$TMP/forskola.idx" "när får vi svar" besked besked
means "serveras is äta" "$TMP/forskola.idx" "vad serveras på förskolan" ata mat
means "ha på sig is kläder" "$TMP/forskola.idx" "vad ska barnet ha på sig" klad klader

mkdir -p "$TMP/centro/es"
cat > "$TMP/centro/es/faq.md" <<'MD'
# Centro médico

## ¿Cuándo está abierto el centro? {#abierto}

De lunes a sábado, de 9 a 20.

## ¿Se puede comer en la sala de espera? {#comer}

No, solo beber agua.

## ¿Hay consultas por vídeo? {#video}

Sí, en la app.

## ¿Qué hago si estoy enfermo? {#enfermo}

Llame antes de venir.
MD
"$FAQBOT" index --corpus "$TMP/centro" --out "$TMP/centro.idx" >/dev/null || fail "index centro"
means "abrís is abierto" "$TMP/centro.idx" "abris por la tarde" abiert abierto
means "desayunar is comer" "$TMP/centro.idx" "se puede desayunar" com comer
means "videollamada is vídeo" "$TMP/centro.idx" "videollamada" vide video
means "malo is enfermo" "$TMP/centro.idx" "mi hijo esta malo" enferm enfermo

mkdir -p "$TMP/camping/nl"
cat > "$TMP/camping/nl/faq.md" <<'MD'
# Camping

## Hoe reserveer ik een plaats? {#plaats}

Via onze website.

## Mag ik barbecueën? {#barbecue}

Alleen op gas.

MD
"$FAQBOT" index --corpus "$TMP/camping" --out "$TMP/camping.idx" >/dev/null || fail "index camping"
means "plek is plaats" "$TMP/camping.idx" "een plekje vastleggen" plat plaats
means "bbq is barbecue" "$TMP/camping.idx" "bbq toegestaan" barbecueen barbecue

mkdir -p "$TMP/commune/fr" "$TMP/commune/nl"
cat > "$TMP/commune/fr/faq.md" <<'MD'
# Service Population

## Comment prendre rendez-vous ? {#rendez-vous}

En ligne ou par téléphone.

## Que faire quand ma carte arrive à échéance ? {#renouveler}

Vous recevez une convocation par courrier.

## Comment se marier ? {#mariage}

Faites la déclaration de mariage à l'état civil.
MD
cat > "$TMP/commune/nl/faq.md" <<'MD'
# Dienst Bevolking

## Hoe geef ik een overlijden aan? {#overlijden}

Meestal doet de begrafenisondernemer de aangifte.

## Hoe krijg ik een attest van woonst? {#attest}

Online met uw kaartlezer.
MD
"$FAQBOT" index --corpus "$TMP/commune" --out "$TMP/commune.idx" >/dev/null || fail "index commune"
means "rdv is rendez-vous" "$TMP/commune.idx" "prendre un rdv" =rdv rendez-vous
means "expire is échéance" "$TMP/commune.idx" "ma carte expire" echeanc renouveler
dropped "veut names no topic" "$TMP/commune.idx" "on veut se marier" veut
means "gestorven is overlijden" "$TMP/commune.idx" "mijn vader is gestorven" overlijd overlijden
means "bewijs is attest" "$TMP/commune.idx" "bewijs van woonst" attest attest

mkdir -p "$TMP/museum/de"
cat > "$TMP/museum/de/faq.md" <<'MD'
# Museum

## Darf man fotografieren? {#fotografieren}

Ohne Blitz, für private Zwecke.

## Gibt es ein Café? {#cafe}

Das Museumscafé hat eine Terrasse.

## Wann ist das Museum geöffnet? {#oeffnung}

Dienstag bis Sonntag, 10 bis 18 Uhr.
MD
"$FAQBOT" index --corpus "$TMP/museum" --out "$TMP/museum.idx" >/dev/null || fail "index museum"
means "fotos is fotografieren" "$TMP/museum.idx" "fotos machen" fotografi fotografieren
means "kaffee is café" "$TMP/museum.idx" "wo gibt es kaffee" cafe cafe

mkdir -p "$TMP/air/es" "$TMP/air/en"
cat > "$TMP/air/es/faq.md" <<'MD'
# Aerolínea

## ¿Se puede elegir el asiento? {#asiento}

Al comprar o al hacer check-in.

## ¿Qué documentos necesito? {#documentos}

Una identificación oficial vigente.
MD
cat > "$TMP/air/en/faq.md" <<'MD'
# Airline

## When should I get to the airport? {#arrival}

Two hours before domestic flights.

## Can I bring my pet? {#pets}

Cats and dogs up to 10 kg travel in the cabin.
MD
"$FAQBOT" index --corpus "$TMP/air" --out "$TMP/air.idx" >/dev/null || fail "index air"
means "escoger is elegir" "$TMP/air.idx" "quiero escoger el asiento" eleg asiento
dropped "ser, haber and tener name no topic" "$TMP/air.idx" \
    "hay que ser mayor o tener pasaporte para haber volado" ser tener haber
means "what time is when" "$TMP/air.idx" "what time do i have to be at the airport" when arrival

mkdir -p "$TMP/stuga/sv"
cat > "$TMP/stuga/sv/faq.md" <<'MD'
# Stugor

## Vem ringer jag om något går sönder? {#problem}

Ring jourtelefonen.

## Får man ta med hund? {#hund}

Ja, i de märkta stugorna.
MD
"$FAQBOT" index --corpus "$TMP/stuga" --out "$TMP/stuga.idx" >/dev/null || fail "index stuga"
means "trasig is sönder" "$TMP/stuga.idx" "duschen är trasig" sond problem

# the wireless network by any of its names, in each pack that has the words
mkdir -p "$TMP/cafe/en" "$TMP/cafe/de" "$TMP/cafe/es" "$TMP/cafe/fr"
printf '## Is there wi-fi? {#wifi}\n\nYes, ask at the counter.\n\n## When are you open? {#hours}\n\nNine to five.\n' \
    > "$TMP/cafe/en/faq.md"
printf '## Gibt es WLAN? {#wifi}\n\nJa, an der Theke.\n\n## Wann haben Sie geöffnet? {#hours}\n\nVon 9 bis 17 Uhr.\n' \
    > "$TMP/cafe/de/faq.md"
printf '## ¿Hay wifi? {#wifi}\n\nSí, pregunte en la barra.\n\n## ¿Cuál es el horario? {#hours}\n\nDe 9 a 17.\n' \
    > "$TMP/cafe/es/faq.md"
printf '## Y a-t-il le wifi ? {#wifi}\n\nOui, au comptoir.\n\n## Quels sont vos horaires ? {#hours}\n\nDe 9 h à 17 h.\n' \
    > "$TMP/cafe/fr/faq.md"
"$FAQBOT" index --corpus "$TMP/cafe" --out "$TMP/cafe.idx" >/dev/null || fail "index cafe"
means "wireless is wi-fi" "$TMP/cafe.idx" "do you have wireless internet" =wifi wifi
means "wlan is wi-fi" "$TMP/cafe.idx" "is there wlan" =wifi wifi
means "drahtlos is WLAN" "$TMP/cafe.idx" "habt ihr drahtloses internet" wlan wifi
means "inalámbrica is wifi" "$TMP/cafe.idx" "tienen red inalámbrica" wifi wifi
means "sans fil is wifi" "$TMP/cafe.idx" "avez-vous un accès internet sans fil" wif wifi
