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
expect_match "index: asked in English too" "$(cat "$TMP/out")" "1 language \(and 1 more to ask in: en\)"
# asked WHAT QUESTION FIELD=VALUE...: the JSON answer's fields
asked() {
    what=$1
    "$FAQBOT" ask --index "$TMP/faq.idx" --json "$2" >"$TMP/out" || fail "ask $2"
    shift 2
    for fv in "$@"; do
        expect_eq "$what: ${fv%%=*}" "$(json "${fv%%=*}" <"$TMP/out")" "${fv#*=}"
    done
}
# no word shared: read as English, declined in English naming the FAQ's language
asked "en question" "how do i book an appointment with a doctor" query_lang=en outcome=decline \
    "message=Sorry, I don't have an answer to that question. Languages of this FAQ: Russian."
# a word shared as the FAQ writes it ("wifi", its "Wi-Fi"): the Russian entry, said to be so
asked "shared word" "is there wifi in the clinic" query_lang=en id=wifi lang=ru \
    "message=This answer is only available in Russian."
asked "ru question" "как записаться к врачу" query_lang=ru id=appointment

# the plain text front end says the same
"$FAQBOT" ask --index "$TMP/faq.idx" "where can i buy train tickets" >"$TMP/out" || fail "ask text"
expect_match "text decline names the FAQ's language" "$(cat "$TMP/out")" "Languages of this FAQ: Russian"
