# dict_word_lang.sh: a lone word no language of the FAQ holds ties on the
# question's evidence; the language whose dictionary knows it takes it. On a
# Dutch and English FAQ (as many entries each, so a tie goes to English)
# "maandkaart", a compound of the Dutch dictionary's, is asked in Dutch and
# answered by its parts; "refund", an English word, stays English; with the
# dictionary's evidence weighed 0 (--set lang_dict_hit=0) "maandkaart" is
# taken for English again and declined.
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts nl.dic hunspell-nl
# "query_lang outcome id" of the answer to $1 (SETTING $2)
said() {
    "$FAQBOT" ask --index "$TMP/faq.idx" --json ${2:+--set "$2"} "$1" > "$TMP/answer.json"
    echo "$(json query_lang < "$TMP/answer.json") $(json outcome < "$TMP/answer.json") $(json id < "$TMP/answer.json")"
}

mkdir -p "$TMP/faq/nl" "$TMP/faq/en"
cat > "$TMP/faq/nl/faq.md" <<'MD'
# Stadsbus

## Wat kost een abonnement per maand? {#passes}

Een abonnement voor een hele maand kost 60 euro; u koopt het in de app.

## Hoe krijg ik mijn geld terug? {#refund}

Vul het formulier op de website in; wij betalen binnen tien dagen terug.

## Mag mijn hond mee in de bus? {#dogs}

Kleine honden in een mand reizen gratis mee.
MD
cat > "$TMP/faq/en/faq.md" <<'MD'
# City bus

## How much is a pass for a month? {#passes}

A pass for a whole month costs 60 euros; buy it in the app.

## How do I get my money back? {#refund}

Fill in the form on the website; we pay back within ten days.

## May my dog come on the bus? {#dogs}

Small dogs in a basket travel free.
MD
"$FAQBOT" index --corpus "$TMP/faq" --out "$TMP/faq.idx" >/dev/null || fail "index"
expect_match "maandkaart is Dutch" "$(said maandkaart)" '^nl '
expect_eq "... and answered by its parts" "$(said maandkaart)" "nl answer passes"
expect_eq "... English with the dictionary's evidence weighed 0" \
    "$(said maandkaart lang_dict_hit=0)" "en decline null"
expect_match "refund stays English" "$(said refund)" '^en '
