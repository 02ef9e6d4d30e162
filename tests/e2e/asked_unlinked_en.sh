# asked_unlinked_en.sh: a FAQ written only in Russian, which no dictionary
# links to English, asked in English (issue 11). The question is read as
# English, not as Russian because the FAQ is: a question sharing no word
# with the FAQ is declined in English, naming the languages the FAQ speaks;
# one sharing a telling word as the FAQ writes it ("wifi" for its "Wi-Fi",
# a number) is answered from the Russian entry, saying the answer is only
# in Russian. A Russian question is still Russian. Fails on the base, where
# English was no language of such an index: every question was Russian,
# declined in Russian.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/ru" "$TMP/dictd"
cat >"$TMP/c/ru/faq.md" <<'MD'
## Как записаться на приём к врачу? {#appointment}

Записаться можно в регистратуре, по телефону или на сайте поликлиники.

## Есть ли в поликлинике Wi-Fi? {#wifi}

Да, бесплатный Wi-Fi работает в холле на первом этаже, пароль у администратора.

## Когда работает поликлиника? {#hours}

С понедельника по пятницу с 8:00 до 20:00, в субботу с 9:00 до 15:00.
MD
# no dictionary at all: English is linked to Russian by none
FAQBOT_DICTD_DIR=$TMP/dictd
export FAQBOT_DICTD_DIR
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >"$TMP/out" || fail "index"
expect_match "index: asked in English too" "$(cat "$TMP/out")" "1 language \(and 1 more to ask in\)"
ask_json() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$1" >"$TMP/out" || fail "ask $1"; }

ask_json "how do i book an appointment with a doctor"
expect_eq "en question: read as English" "$(json query_lang <"$TMP/out")" en
expect_eq "en question: declined" "$(json outcome <"$TMP/out")" decline
expect_eq "en decline: in English, naming the FAQ's language" "$(json message <"$TMP/out")" \
    "Sorry, I don't have an answer to that question. Languages of this FAQ: русский."

ask_json "is there wifi in the clinic"
expect_eq "shared word: read as English" "$(json query_lang <"$TMP/out")" en
expect_eq "shared word: wifi as the FAQ writes it" "$(json id <"$TMP/out")" wifi
expect_eq "shared word: the Russian entry" "$(json lang <"$TMP/out")" ru
expect_eq "shared word: said to be in Russian" "$(json message <"$TMP/out")" \
    "This answer is only available in русский."

ask_json "как записаться к врачу"
expect_eq "ru question: Russian" "$(json query_lang <"$TMP/out")" ru
expect_eq "ru question: answered" "$(json id <"$TMP/out")" appointment

# the plain text front end says the same
"$FAQBOT" ask --index "$TMP/faq.idx" "where can i buy train tickets" >"$TMP/out" || fail "ask text"
expect_match "text decline names the FAQ's language" "$(cat "$TMP/out")" "Languages of this FAQ: русский"
