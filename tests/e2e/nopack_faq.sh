# nopack_faq.sh: a FAQ in a language with a Snowball stemmer and no pack
# (Danish here; nothing in the rules is Danish) takes its stop words and
# question words from its own entries: a word in at least half of them is a
# stop word, one opening the questions of two entries or more a question
# word (without them a question's "en" and "er" were an entry's match).
# It is asked in English too, the language its messages fall back to, and
# its language keeps its own name.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/da"
cat > "$TMP/c/da/faq.md" <<'MD'
# Svømmehallen Bølgen

## Hvad er svømmehallens åbningstider? {#tider}
? Hvornår er svømmehallen åben?

Svømmehallen er åben fra mandag til fredag fra kl. 7 til 21 og i weekenden fra kl. 9 til 17.

## Hvad koster en billet? {#pris}
? Hvor meget betaler jeg for et dagskort?

Et dagskort koster 60 kr. for voksne og 30 kr. for børn til og med 12 år.

## Hvordan bliver jeg medlem af svømmeklubben? {#medlem}

Udfyld tilmeldingen i kassen eller på hjemmesiden. Medlemskabet koster 900 kr. om året.

## Hvor kan jeg parkere min cykel? {#cykel}

Foran indgangen er der et overdækket cykelskur. Det er gratis at parkere en cykel.

## Har I svømmeundervisning for børn? {#undervisning}
? Hvordan tilmelder jeg mit barn til svømmeundervisning?

Ja, svømmeundervisning begynder fra fem år. Du tilmelder dit barn i kassen; der er en venteliste på omkring tre måneder.

## Er der en sauna? {#sauna}

Ja, saunaen er åben tirsdag og torsdag fra kl. 18 til 22. Saunaen er kun for voksne.

## Må jeg tage mad med? {#mad}

Mad og drikke er tilladt i cafeteriet, ikke i vandet eller på kanten af bassinet.

## Hvor finder jeg glemte ting? {#glemt}
? Jeg har mistet mit håndklæde.

Glemte ting gemmer vi en måned i kassen. Spørg efter dem hos personalet.
MD
index_faq "$TMP/c"
dropped "words of most entries are stop words" "$TMP/faq.idx" "hvor er der en sauna i svømmehallen" er en i
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "hvordan bliver jeg medlem" |
    grep -q 'exact term "hvordan" (da) x0.50' || fail "hvordan, opening two questions, is no question word"
ok "a word opening two entries' questions is a question word"
expect_eq "an unknown topic in common words is declined" \
    "$(answer_id "hvordan ansøger jeg om en parkeringstilladelse")" null
expect_eq "the sauna" "$(answer_id "hvor er saunaen")" sauna
expect_eq "joining" "$(answer_id "hvordan bliver jeg medlem")" medlem
expect_eq "the price" "$(answer_id "hvad er prisen på en billet")" pris

# English: told as English, greeted back; Danish not named "English"
expect_eq "an English question is English" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --json "how do I pay with my credit card" | json query_lang)" en
expect_eq "thanks" "$(answer_id "thank you very much")" thanks
start_server "$TMP/faq.idx"
trap stop_server EXIT
expect_eq "the FAQ's language by its code" \
    "$(curl -s "${URL}api/messages?lang=da" | json lang_name)" da
stop_server

# a stopwords.txt of the folder's own is the whole list: nothing read off
printf 'og\n' > "$TMP/c/da/stopwords.txt"
index_faq "$TMP/c"
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "hvor er saunaen" | grep -q 'word "er"' ||
    fail "with a stopwords.txt, er was still dropped"
ok "a folder's stopwords.txt is the list"
