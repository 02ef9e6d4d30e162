# time_words.sh: a word of time the FAQ lacks ("tomorrow morning", "amanhã",
# the packs' "!time" lines) is no other topic where the question names no
# other word the FAQ lacks and the leading entry holds the rest well; a time
# word never turns a weak match into an answer, so a question of another
# topic said with a time word is still declined.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/en" "$TMP/c/de" "$TMP/c/pt" "$TMP/c/it"
cat > "$TMP/c/en/faq.md" <<'MD'
# Bike hire

## How do I book a bike? {#booking}

In the app, up to a week ahead.

## Can I cancel a booking? {#cancel}

Free of charge up to two hours before the start.

## Which documents do I need? {#documents}

An identity card and a payment card.

## How much does a bike cost per hour? {#price}

Three euros an hour, twenty a day.

## Where is the shop? {#shop}

Next to the railway station.
MD
cat > "$TMP/c/de/faq.md" <<'MD'
# Fahrradverleih

## Wie buche ich ein Fahrrad? {#booking}

In der App, bis zu einer Woche im Voraus.

## Kann ich eine Buchung stornieren? {#cancel}

Kostenlos bis zwei Stunden vor Beginn.

## Welche Dokumente brauche ich? {#documents}

Einen Ausweis und eine Zahlungskarte.

## Was kostet ein Fahrrad pro Stunde? {#price}

Drei Euro die Stunde, zwanzig am Tag.
MD
cat > "$TMP/c/pt/faq.md" <<'MD'
# Aluguer de bicicletas

## Como reservo uma bicicleta? {#booking}

Na aplicação, até uma semana antes.

## Posso cancelar uma reserva? {#cancel}

Sem custos até duas horas antes do início.

## Que documentos preciso? {#documents}

Um documento de identificação e um cartão de pagamento.

## Quanto custa uma bicicleta por hora? {#price}

Três euros à hora, vinte por dia.
MD
cat > "$TMP/c/it/faq.md" <<'MD'
# Noleggio biciclette

## Come prenoto una bici? {#booking}

Nell'app, fino a una settimana prima.

## Posso annullare una prenotazione? {#cancel}

Gratis fino a due ore prima dell'inizio.

## Quali documenti servono? {#documents}

Un documento d'identità e una carta di pagamento.

## Quanto costa una bici all'ora? {#price}

Tre euro all'ora, venti al giorno.
MD
index_faq "$TMP/c"

# answered: each was declined while the time words weighed as another topic
expect_eq "en: tomorrow morning, cancel" \
    "$(answer_id "I need to cancel my booking for tomorrow morning")" cancel
expect_eq "en: tomorrow morning, book" \
    "$(answer_id "tomorrow morning I need a bike, how do I book")" booking
expect_eq "pt: amanhã de manhã, cancelar" \
    "$(answer_id "preciso de cancelar a minha reserva de amanhã de manhã")" cancel
expect_eq "pt: amanhã de manhã, reservar" \
    "$(answer_id "amanhã de manhã preciso de uma bicicleta, como reservo")" booking
expect_eq "it: domani mattina, prenotare" \
    "$(answer_id "domani mattina mi serve una bici, come prenoto")" booking
# ... and still answered where they were
expect_eq "de: morgen früh" \
    "$(answer_id "ich muss meine Buchung für morgen früh stornieren")" cancel
# switched off, the time words are another topic again
expect_eq "use_time_words=0: declined" \
    "$(answer_id --set use_time_words=0 "I need to cancel my booking for tomorrow morning")" null

# another topic said with a time word is still declined: another word the
# FAQ lacks ("table", "taxi") ...
expect_eq "en: a table for tonight" "$(answer_id "can I book a table for tonight")" null
expect_eq "en: a taxi tomorrow morning" \
    "$(answer_id "how much does a taxi cost tomorrow morning")" null
expect_eq "it: un taxi domani mattina" "$(answer_id "quanto costa un taxi domani mattina")" null
# ... or one word the entry holds, a weak match
expect_eq "en: one word beside the time" "$(answer_id "cancel tomorrow morning")" null
expect_eq "en: one word, with more of it needed" \
    "$(answer_id --set time_rest_words=1 "cancel tomorrow morning")" cancel
