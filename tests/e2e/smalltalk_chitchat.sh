# smalltalk_chitchat.sh: what visitors of any FAQ bot try beyond hello and
# thanks (the time, the weather, a joke, a complaint, praise, a person),
# answered as small talk in several languages; and the FAQ's own questions
# that share their words still answered from the FAQ.
. "$ROOT/tests/e2e/lib.sh.inc"
# outcome and id of the answer: "smalltalk time", "answer opening"
got() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$1" | python3 -c '
import json, sys
v = json.load(sys.stdin)
print(v["outcome"], v["id"])'; }
chat() { expect_eq "small talk: $1" "$(got "$1")" "smalltalk $2"; }
faq() { expect_eq "the FAQ: $1" "$(got "$1")" "answer $2"; }

mkdir -p "$TMP/c/en" "$TMP/c/de" "$TMP/c/es" "$TMP/c/fr"
cat > "$TMP/c/en/faq.md" <<'MD'
# Town library

## What time does the library open? {#opening}

From 9 am to 7 pm, Monday to Saturday.

## Is bad weather a reason to cancel an event? {#weather-cancel}

Events are cancelled only on a storm warning.

## Can I speak to a person at the desk? {#desk}

The front desk is staffed during opening hours.

## What are the late fees? {#late-fees}

Twenty cents a day and item.
MD
cat > "$TMP/c/de/faq.md" <<'MD'
# Stadtbibliothek

## Wann öffnet die Bibliothek? {#opening}

Montag bis Samstag von 9 bis 19 Uhr.

## Fällt eine Veranstaltung bei schlechtem Wetter aus? {#weather-cancel}

Nur bei einer Unwetterwarnung.

## Kann ich an der Theke mit einer Person sprechen? {#desk}

Die Theke ist während der Öffnungszeiten besetzt.

## Was kostet es, wenn ich ein Buch zu spät zurückgebe? {#late-fees}

Zwanzig Cent pro Tag und Medium.
MD
cat > "$TMP/c/es/faq.md" <<'MD'
# Biblioteca municipal

## ¿A qué hora abre la biblioteca? {#opening}

De 9 a 19 h, de lunes a sábado.

## ¿Se cancela una actividad si hace mal tiempo? {#weather-cancel}

Solo con aviso de tormenta.

## ¿Puedo hablar con una persona en el mostrador? {#desk}

El mostrador está atendido en el horario de apertura.

## ¿Cuánto cuesta devolver un libro tarde? {#late-fees}

Veinte céntimos por día y documento.
MD
cat > "$TMP/c/fr/faq.md" <<'MD'
# Bibliothèque municipale

## À quelle heure ouvre la bibliothèque ? {#opening}

De 9 h à 19 h, du lundi au samedi.

## Une animation est-elle annulée s'il fait mauvais temps ? {#weather-cancel}

Seulement en cas d'alerte orage.

## Puis-je parler à une personne à l'accueil ? {#desk}

L'accueil est ouvert aux heures d'ouverture.

## Combien coûte un retard ? {#late-fees}

Vingt centimes par jour et par document.
MD
index_faq "$TMP/c"

chat "what time is it?" time
chat "what's the weather like today?" weather
chat "tell me a joke" joke
chat "that didn't help" complaint
chat "you're useless" complaint
chat "that was helpful, thanks" praise
chat "i want to talk to a human" human
faq "what time does the library open?" opening
faq "what time?" opening
faq "is the weather a reason to cancel?" weather-cancel
faq "can I speak to a person at the desk?" desk

chat "wie spät ist es?" time
chat "wie wird das Wetter morgen?" weather
chat "erzähl mir einen Witz" joke
chat "das hat nicht geholfen" complaint
chat "ich möchte mit einem Menschen sprechen" human
faq "wann öffnet die Bibliothek" opening
faq "was kostet es, wenn ich zu spät zurückgebe?" late-fees
faq "fällt es bei schlechtem Wetter aus?" weather-cancel
faq "kann ich mit einer Person an der Theke sprechen?" desk

chat "¿qué hora es?" time
chat "¿qué tiempo hace hoy?" weather
chat "cuéntame un chiste" joke
chat "eres inútil" complaint
chat "muy útil, gracias" praise
chat "quiero hablar con una persona" human
faq "¿a qué hora abre?" opening
faq "¿a qué hora?" opening
faq "¿se cancela si hace mal tiempo?" weather-cancel
faq "¿puedo hablar con una persona en el mostrador?" desk

chat "quelle heure est-il ?" time
chat "quel temps fait-il ?" weather
chat "raconte-moi une blague" joke
chat "ça ne m'a pas aidé" complaint
chat "je veux parler à un humain" human
faq "à quelle heure ouvre la bibliothèque ?" opening
faq "c'est annulé s'il fait mauvais temps ?" weather-cancel
faq "puis-je parler à une personne à l'accueil ?" desk

# A greeting typed with a typo is still a greeting; a word the language's
# dictionary knows as typed is no typo of one: "halle" (a hall) is no "hallo".
chat "holaa" hello
chat "helo" hello
notchat() {
    o=$(got "$1")
    case $o in smalltalk*) fail "not small talk: $1 (got $o)" ;; *) ok "not small talk: $1" ;; esac
}
notchat "gibt es eine halle"
notchat "gibt es eine halle?"
