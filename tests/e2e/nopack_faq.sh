# nopack_faq.sh: a FAQ in a language with a Snowball stemmer and no pack
# (Hungarian here; nothing in the rules is Hungarian) takes its stop words and
# question words from its own entries: a word in at least half of them is a
# stop word, one opening the questions of two entries or more a question
# word (without them a question's "van" and "és" were an entry's match).
# It is asked in English too, the language its messages fall back to, and
# its language keeps its own name.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/hu"
cat > "$TMP/c/hu/faq.md" <<'MD'
# Hullám uszoda

## Mikor van nyitva az uszoda? {#tider}
? Mi a nyitvatartás?

Az uszoda hétfőtől péntekig 7 és 21 óra között, hétvégén 9 és 17 óra között van nyitva.

## Mennyibe kerül a jegy? {#pris}
? Mennyit fizetek a napijegyért?

A napijegy ára felnőtteknek 3000 forint, gyerekeknek 12 éves korig 1500 forint.

## Hogyan lépek be az úszóklubba? {#medlem}

Töltse ki a jelentkezési lapot a pénztárnál vagy a honlapon. A tagság egy évre szól és 30000 forint.

## Hol tudom leparkolni a biciklimet? {#cykel}

A bejárat előtt fedett kerékpártároló van, és a parkolás ingyenes.

## Van úszóiskola gyerekeknek? {#undervisning}
? Hogyan íratom be a gyerekemet az úszóiskolába?

Igen, az úszóiskola ötéves kortól indul, és a pénztárnál lehet jelentkezni; a várakozási idő körülbelül három hónap.

## Van szauna? {#sauna}

Igen, a szauna kedden és csütörtökön 18 és 22 óra között van nyitva. A szauna csak felnőtteknek való.

## Hozhatok saját ételt? {#mad}

Ételt és italt a büfében szabad fogyasztani, a medencében és a medence szélén nem.

## Hol találom az elveszett tárgyakat? {#glemt}
? Elvesztettem a törölközőmet.

A talált tárgyakat egy hónapig a pénztárnál őrizzük. Kérdezze a személyzetet.
MD
index_faq "$TMP/c"
dropped "words of most entries are stop words" "$TMP/faq.idx" "van szauna és büfé" van és
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "hogyan lépek be az úszóklubba" |
    grep -q 'exact term "hogyan" (hu) x0.50' || fail "hogyan, opening two questions, is no question word"
ok "a word opening two entries' questions is a question word"
expect_eq "an unknown topic in common words is declined" \
    "$(answer_id "hogyan kérhetek építési engedélyt")" null
expect_eq "the sauna" "$(answer_id "hol van a szauna")" sauna
expect_eq "joining" "$(answer_id "hogyan lépek be az úszóklubba")" medlem
expect_eq "the price" "$(answer_id "mennyibe kerül a napijegy")" pris

# English: told as English, greeted back; Hungarian not named "English"
expect_eq "an English question is English" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --json "how do I pay with my credit card" | json query_lang)" en
expect_eq "thanks" "$(answer_id "thank you very much")" thanks
start_server "$TMP/faq.idx"
trap stop_server EXIT
expect_eq "the FAQ's language by its code" \
    "$(curl -s "${URL}api/messages?lang=hu" | json lang_name)" hu
stop_server

# a stopwords.txt of the folder's own is the whole list: nothing read off
printf 'és\n' > "$TMP/c/hu/stopwords.txt"
index_faq "$TMP/c"
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "hol van a szauna" | grep -q 'word "van"' ||
    fail "with a stopwords.txt, van was still dropped"
ok "a folder's stopwords.txt is the list"
