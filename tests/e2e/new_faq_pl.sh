# new_faq_pl.sh: a Polish FAQ has a pack like the other languages, stemmer
# or none: small talk in Polish, the bot's messages in Polish, the pack's
# stop words (the forms of móc and chcieć, each as written: a stop word is
# matched whole, not by the five-letter fallback), question words ranked
# but not weighed as content, general synonyms, and the Polish starter.
. "$ROOT/tests/e2e/lib.sh.inc"
field() { "$FAQBOT" ask --index "$1" --json "$2" | json "$3"; }

mkdir -p "$TMP/pl/pl"
cat > "$TMP/pl/pl/faq.md" <<'MD'
# Biblioteka miejska

## Jakie są godziny otwarcia biblioteki? {#godziny}
? Kiedy biblioteka jest otwarta?

Biblioteka jest otwarta od poniedziałku do piątku od 9:00 do 20:00, w soboty od 10:00 do 14:00.

## Ile kosztuje karta biblioteczna? {#karta}
? Jak dostać kartę czytelnika?

Pierwsza karta jest bezpłatna. Nowa karta w miejsce zgubionej kosztuje 5 zł.

## Jak przedłużyć wypożyczenie? {#przedluzenie}
? Czy mogę dłużej zatrzymać książki?

Wypożyczenie można przedłużyć w katalogu online najwyżej trzy razy, jeśli nikt nie zarezerwował książki.

## Gdzie oddać książki, gdy biblioteka jest zamknięta? {#wrzutnia}

Przy głównym wejściu stoi wrzutnia, czynna całą dobę.

## Czy mogę drukować w bibliotece? {#druk}

Wydruk kosztuje 50 groszy za stronę. Drukarki są na drugim piętrze.

## Czy jest wifi? {#wifi}

Biblioteka ma bezpłatną sieć bezprzewodową, bez hasła.
MD
"$FAQBOT" index --corpus "$TMP/pl" --out "$TMP/pl.idx" 2> "$TMP/err" >/dev/null || fail "index pl"
expect_eq "index pl: no note of a missing pack" "$(grep -c 'no language pack' "$TMP/err")" "0"
F="$TMP/pl.idx"
expect_eq "cześć is a greeting" "$(outcome "$F" "cześć")" "smalltalk hello"
expect_eq "... answered in Polish" "$(field "$F" "dzien dobry" answer)" "Dzień dobry! W czym mogę pomóc?"
expect_eq "dzięki is thanks" "$(outcome "$F" "dzieki wielkie")" "smalltalk thanks"
expect_eq "do widzenia is goodbye" "$(outcome "$F" "do widzenia")" "smalltalk bye"
expect_eq "declined in Polish" "$(field "$F" "gdzie mogę zaparkować samochód" message)" \
    "Przykro mi, nie mam odpowiedzi na to pytanie."
dropped "the pack's stop words, typed without marks" "$F" "chcialbym wiedziec czy moge oddac ksiazki" chcialbym wiedziec moge
explained "the pack's question words" "$F" "gdzie oddac ksiazki" 'exact term "gdzie" (pl) x0.50'
explained "the pack's synonyms: cena is koszt" "$F" "cena drukowania" 'synonym term "koszt" (pl)'
expect_eq "the pack's synonyms: cena is koszt" "$(outcome "$F" "cena drukowania")" "answer druk"
expect_eq "the Polish starter" "$(starter_outcome pl "kiedy jestescie otwarci")" "answer hours"
