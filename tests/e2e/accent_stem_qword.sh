# accent_stem_qword.sh: a word whose stem, its accents folded off, would be
# one of the language's question words keeps the accents on its stem.
# Swedish "väder" (weather) stems to "väd", which folded is "vad" (what):
# the question "vad blir det för väder" then met every entry asking "vad",
# ahead of the one about the weather.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/sv"
cat >"$TMP/c/sv/faq.md" <<'MD'
## Vad kostar ett månadskort? {#pris}

Ett månadskort kostar 600 kronor.

## Vad gör jag om jag tappar mitt kort? {#tappat}

Spärra kortet i appen och beställ ett nytt.

## Vad händer om bussen är sen? {#sen}

Du kan få pengarna tillbaka om bussen är mer än tjugo minuter sen.

## Går utflykten i regn? {#utflykt}

Utflykten går i alla väder, ta med regnkläder.
MD
index_faq "$TMP/c"
expect_eq "väder: the weather entry, not one asking vad" \
    "$(answer_id --lang sv --threshold 0 'vad blir det för väder')" utflykt
expect_eq "väder stands for its own stem" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain --lang sv 'väder' | grep -c 'term "väd"')" 1
expect_eq "the question word keeps its term" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain --lang sv 'vad kostar det' | grep -c 'term "vad"')" 1
