# lang_folder_codes.sh: an editor naming a language folder as people write
# a language's code elsewhere: Norwegian as "nb" or "nn" (browsers' and
# translators' codes), German as "deu", Brazilian Portuguese as "pt-BR",
# English as "EN". libstemmer knows each language under another code; the
# packs, language identification and the page's language go by the usual
# one, so such a folder is refused (init, index, lint) with the code to use,
# rather than refused with the list of every code ("nb", "pt-BR") or taken
# as a language without its pack ("deu"). Named "no", the Norwegian FAQ
# indexes and answers.
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" init "$TMP/i" --lang nb > "$TMP/out" 2>&1
expect_eq "init nb: refused" "$?" "2"
expect_match "init nb: the code to use" "$(cat "$TMP/out")" 'no language "nb" \(Norwegian.s code here is "no"'
expect_eq "init nb: no folder made" "$(ls "$TMP" | grep -c '^i$')" "0"
"$FAQBOT" init "$TMP/i" --lang deu > "$TMP/out" 2>&1
expect_eq "init deu: refused" "$?" "2"
expect_match "init deu: the code to use" "$(cat "$TMP/out")" 'no language "deu" \(German.s code here is "de"'

faq='# Ofte stilte spørsmål

## Når har dere åpent? {#hours}
? Hva er åpningstidene?

Vi har åpent mandag til fredag fra 9 til 17.

## Hva koster en time? {#price}

En time koster 450 kroner.
'
for code in nb nn; do
    mkdir -p "$TMP/c-$code/$code"
    printf '%s' "$faq" > "$TMP/c-$code/$code/faq.md"
    "$FAQBOT" index --corpus "$TMP/c-$code" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
    expect_eq "index $code: refused" "$?" "2"
    expect_match "index $code: the code to use" "$(cat "$TMP/err")" "c-$code/$code/: unknown language folder \"$code\" \\(Norwegian.s code here is \"no\"\\)"
    "$FAQBOT" lint --corpus "$TMP/c-$code" > "$TMP/out" 2>&1
    expect_eq "lint $code: a finding" "$?" "1"
    expect_match "lint $code: the code to use" "$(cat "$TMP/out")" 'Norwegian.s code here is "no"'
done
mkdir -p "$TMP/c/deu" "$TMP/c/pt-BR" "$TMP/c/EN"
printf '## Wann haben Sie geöffnet? {#hours}\n\nVon 9 bis 17 Uhr.\n' > "$TMP/c/deu/faq.md"
printf '## Qual é o horário? {#hours}\n\nDas 9 às 17.\n' > "$TMP/c/pt-BR/faq.md"
printf '## When are you open? {#hours}\n\nNine to five.\n' > "$TMP/c/EN/faq.md"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
expect_eq "index deu, pt-BR, EN: refused" "$?" "2"
err=$(cat "$TMP/err")
expect_match "deu: German's code" "$err" 'c/deu/: unknown language folder "deu" \(German.s code here is "de"\)'
expect_match "pt-BR: Portuguese's code" "$err" 'c/pt-BR/: unknown language folder "pt-BR" \(Portuguese.s code here is "pt"\)'
expect_match "EN: English's code" "$err" 'c/EN/: unknown language folder "EN" \(English.s code here is "en"\)'

# renamed as told: the Norwegian FAQ answers
mv "$TMP/c-nb/nb" "$TMP/c-nb/no"
"$FAQBOT" index --corpus "$TMP/c-nb" --out "$TMP/faq.idx" > /dev/null 2>&1
expect_eq "index no: written" "$?" "0"
expect_eq "no: answers" "$(answer_id 'hva koster en time')" "price"
expect_eq "no: answers another way to ask" "$(answer_id 'når er det åpent')" "hours"
