# latin_letters.sh: a question typed in Latin letters about a FAQ written in
# Cyrillic ones ("skolko stoit kurs") is read as the Russian it is: its
# words meet the FAQ's ("vrachu" "врачу", "zapisatsya" the stem of
# "записаться"), the question's language is Russian beside English and
# the answer Russian; an English question about the same FAQ is answered
# as before in English, a question about a FAQ in Latin letters unchanged;
# with the switch off (--set use_translit=0) the Latin words meet nothing.
# Its small words are the Russian pack's stop and question words ("kak" is
# "как", "mozhno", "li", "v" stop words): they no longer count as words of
# a topic the FAQ lacks (--set use_translit_stops=0: they did).
. "$ROOT/tests/e2e/lib.sh.inc"

C="$TMP/corpus"
mkdir -p "$C/ru" "$C/en"
cat > "$C/ru/faq.md" <<'MD'
# Языковая школа: вопросы

## Сколько стоит курс? {#price}

Курс из двадцати уроков стоит двенадцать тысяч рублей, оплата картой или переводом.

## Где жить во время курса? {#housing}

Мы поможем найти комнату в общежитии или в семье рядом со школой.

## Как записаться на пробный урок к преподавателю? {#trial}

Запишитесь на сайте или по телефону, пробный урок бесплатный.
MD
cat > "$C/en/faq.md" <<'MD'
# Language school: questions

## How much does the course cost? {#price}

A course of twenty lessons costs twelve thousand roubles, paid by card or transfer.

## Where can I stay during the course? {#housing}

We help you find a room in the dormitory or with a family near the school.

## How do I book a trial lesson? {#trial}

Book on the website or by phone; the trial lesson is free.
MD
index_faq "$C"
I="$TMP/faq.idx"

A=$("$FAQBOT" ask --index "$I" --json "skolko stoit kurs")
expect_eq "skolko stoit kurs: the price" "$(echo "$A" | json id)" price
expect_eq "skolko stoit kurs: Russian" "$(echo "$A" | json query_lang)" ru
expect_eq "skolko stoit kurs: answered in Russian" "$(echo "$A" | json lang)" ru
A=$("$FAQBOT" ask --index "$I" --json "gde zhit vo vremya kursa")
expect_eq "gde zhit vo vremya kursa: housing" "$(echo "$A" | json id)" housing
expect_eq "gde zhit: answered in Russian" "$(echo "$A" | json lang)" ru
"$FAQBOT" ask --index "$I" --explain "kak zapisatsya na probnyj urok" |
    grep -q 'variant term "записа" (ru)' || fail "zapisatsya is not read as записаться"
ok "zapisatsya is записаться"
A=$("$FAQBOT" ask --index "$I" --json "how much does the course cost")
expect_eq "English: the price" "$(echo "$A" | json id)" price
expect_eq "English: answered in English" "$(echo "$A" | json lang)" en

A=$("$FAQBOT" ask --index "$I" --json --set use_translit=0 "skolko stoit kurs")
expect_eq "off: skolko stoit kurs is not answered" "$(echo "$A" | json answered)" false
"$FAQBOT" ask --index "$I" --explain --set use_translit=0 "kak zapisatsya na probnyj urok" |
    grep -q 'word "zapisatsya": .*unknown to the FAQ' || fail "off: zapisatsya is known"
ok "off: zapisatsya is a word the FAQ lacks"

A=$("$FAQBOT" ask --index "$I" --json "mozhno li zhit v seme")
expect_eq "mozhno li zhit v seme: housing" "$(echo "$A" | json id)" housing
expect_eq "mozhno li zhit v seme: Russian" "$(echo "$A" | json query_lang)" ru
A=$("$FAQBOT" ask --index "$I" --json --set use_translit_stops=0 "mozhno li zhit v seme")
expect_eq "stops off: mozhno li zhit v seme is declined" "$(echo "$A" | json answered)" false
E=$("$FAQBOT" ask --index "$I" --explain "kak zapisatsya na probnyj urok")
echo "$E" | grep -q '^word "как": weight 0\.1' || fail "kak is not the question word как"
echo "$E" | grep -q '^word "na"' && fail "na counts as a word of the topic"
ok "kak is как, na a stop word"

# a FAQ in Latin letters: the same answer and scores with the switch on or off
index_faq "$ROOT/tests/tune/utility/corpus"
for q in "hvad gor jeg ved en laekage" "kak zapisatsya k vrachu" "rorbrudd i kjelleren"; do
    on=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "$q")
    off=$("$FAQBOT" ask --index "$TMP/faq.idx" --json --set use_translit=0 "$q")
    expect_eq "Latin FAQ: $q unchanged" "$on" "$off"
    off=$("$FAQBOT" ask --index "$TMP/faq.idx" --json --set use_translit_stops=0 "$q")
    expect_eq "Latin FAQ: $q unchanged by its stop words" "$on" "$off"
done
