# nopack_faq.sh: a FAQ in a language with a Snowball stemmer and no pack
# (Finnish here; nothing in the rules is Finnish) takes its stop words and
# question words from its own entries: a word in at least half of them is a
# stop word, one opening the questions of two entries or more a question
# word (without them a question's "on" and "ja" were an entry's match).
# It is asked in English too, the language its messages fall back to, and
# its language keeps its own name.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/fi"
cat > "$TMP/c/fi/faq.md" <<'MD'
# Uimahalli Aalto

## Mitkä ovat uimahallin aukioloajat? {#tider}
? Milloin uimahalli on auki?

Uimahalli on auki maanantaista perjantaihin klo 7–21 ja viikonloppuisin klo 9–17.

## Paljonko lippu maksaa? {#pris}
? Paljonko maksan päivälipusta?

Päivälippu on aikuisille 8 euroa ja lapsille 4 euroa, 12 vuoteen asti.

## Miten liityn uimaseuraan? {#medlem}

Täytä ilmoittautuminen kassalla tai kotisivulla. Jäsenyys on 90 euroa vuodessa ja se on voimassa vuoden.

## Missä voin pysäköidä pyöräni? {#cykel}

Sisäänkäynnin edessä on katettu pyöräkatos ja pyörän pysäköinti on ilmaista.

## Onko teillä uimakoulua lapsille? {#undervisning}
? Miten ilmoitan lapseni uimakouluun?

Kyllä, uimakoulu alkaa viisivuotiaille ja lapsen voi ilmoittaa kassalla; jonotusaika on noin kolme kuukautta.

## Onko teillä sauna? {#sauna}

Kyllä, sauna on auki tiistaisin ja torstaisin klo 18–22. Sauna on vain aikuisille.

## Saanko tuoda omaa ruokaa? {#mad}

Ruoka ja juoma ovat sallittuja kahvilassa, eivät altaassa eikä altaan reunalla.

## Mistä löydän kadonneet tavarat? {#glemt}
? Kadotin pyyhkeeni.

Löytötavarat säilytetään kassalla kuukauden ajan. Kysy niitä henkilökunnalta.
MD
index_faq "$TMP/c"
dropped "words of most entries are stop words" "$TMP/faq.idx" "onko sauna ja kahvila auki" on ja
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "miten liityn uimaseuraan" |
    grep -q 'exact term "miten" (fi) x0.50' || fail "miten, opening two questions, is no question word"
ok "a word opening two entries' questions is a question word"
expect_eq "an unknown topic in common words is declined" \
    "$(answer_id "miten haen rakennuslupaa")" null
expect_eq "the sauna" "$(answer_id "missä sauna on")" sauna
expect_eq "joining" "$(answer_id "miten liityn uimaseuraan")" medlem
expect_eq "the price" "$(answer_id "paljonko päivälippu maksaa")" pris

# English: told as English, greeted back; Finnish not named "English"
expect_eq "an English question is English" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --json "how do I pay with my credit card" | json query_lang)" en
expect_eq "thanks" "$(answer_id "thank you very much")" thanks
start_server "$TMP/faq.idx"
trap stop_server EXIT
expect_eq "the FAQ's language by its code" \
    "$(curl -s "${URL}api/messages?lang=fi" | json lang_name)" fi
stop_server

# a stopwords.txt of the folder's own is the whole list: nothing read off
printf 'ja\n' > "$TMP/c/fi/stopwords.txt"
index_faq "$TMP/c"
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "missä sauna on" | grep -q 'word "on"' ||
    fail "with a stopwords.txt, on was still dropped"
ok "a folder's stopwords.txt is the list"
