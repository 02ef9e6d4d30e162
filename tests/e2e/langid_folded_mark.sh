# langid_folded_mark.sh: a word that is the FAQ language's only through a mark
# folding drops is weak evidence of it where the question types it without the
# mark and another candidate language has it as it is. A Turkish-only FAQ (with
# "iş", work) asked "is breakfast included" reads English (its stop word "is"),
# not Turkish; Turkish typed without its marks ("is gunleri", "kahvalti") stays
# Turkish, and "iş" typed with its mark is Turkish. Fails on the base, where
# "is" counted as the Turkish "iş" and the FAQ language's head start won.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/tr"
cat >"$TMP/c/tr/yurt.md" <<'MD'
## Kahvaltı ücrete dahil mi? {#breakfast}

Kahvaltı her gün 07:00 ile 10:00 arasında yemekhanede verilir ve ücrete dahildir.

## Yurt ofisi iş günleri ne zaman açık? {#office}

Ofis iş günlerinde 09:00 ile 17:00 arasında açıktır; hafta sonu kapalıdır.

## Odamda bir şey bozuldu, kime haber vermeliyim? {#repair}

Arızaları resepsiyona bildirin; teknik ekip aynı iş günü içinde gelir.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"

# lang [ASK ARGS...] QUESTION: the language the question is read in
lang() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain "$@" | sed -n 's/^query language: //p'; }

expect_eq "is breakfast included: English" "$(lang "is breakfast included")" en
expect_eq "is the office open: English" "$(lang "is the office open")" en
expect_eq "is gunleri ofis acik mi: Turkish" "$(lang "is gunleri ofis acik mi")" tr
expect_eq "kahvalti dahil mi: Turkish" "$(lang "kahvalti dahil mi")" tr
expect_eq "iş günleri: Turkish" "$(lang "iş günleri")" tr
expect_eq "ofis is gunu acik mi: the office" "$(answer_id "ofis is gunu acik mi")" office
# the rule's switch: counted as any word, "is" is Turkish again
expect_eq "lang_folded_hit=1: Turkish" "$(lang --set lang_folded_hit=1 "is breakfast included")" tr
