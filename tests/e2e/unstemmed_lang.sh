# unstemmed_lang.sh: a FAQ in a language libstemmer does not stem but that
# is written with spaces between words (Czech and Polish here; nothing in
# the rules is either) indexes, where it was refused as an "unknown
# language folder": its words are matched by their first five letters,
# accents off, so an inflected form typed without its marks meets the
# entry ("knihy", "knihu", "knih"; "książki", "ksiazek"); index and init
# say so in a note naming the fallback, with what a language without a pack
# lacks; language identification tells the language from English's
# questions; init starts its folder with the English sample; a folder
# named with a region or in capitals ("pl-PL", "CS") is told its code.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/cs" "$TMP/c/en"
cat > "$TMP/c/cs/faq.md" <<'MD'
# Městská knihovna

## Kolik knih si mohu půjčit? {#loans}

Najednou si můžete vypůjčit až deset knih na jeden měsíc.

## Jak prodloužím výpůjčku? {#renew}

Výpůjčku prodloužíte v online katalogu nebo telefonicky, nejvýše dvakrát.

## Kde najdu čítárnu? {#reading}

Čítárna je ve druhém patře, otevřená každý všední den.
MD
cat > "$TMP/c/en/faq.md" <<'MD'
# City library

## How many books can I borrow? {#loans}

Up to ten books at a time, for one month.

## How do I renew a loan? {#renew}

Online in the catalogue or by phone, twice at most.

## Where is the reading room? {#reading}

On the second floor, open every weekday.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" > "$TMP/out" 2> "$TMP/err"
expect_eq "index cs: written" "$?" "0"
expect_match "index cs: both languages" "$(cat "$TMP/out")" 'in 2 languages'
err=$(cat "$TMP/err")
expect_match "index cs: the fallback named" "$err" \
    '^faqbot index: note: libstemmer has no stemmer for "cs": its words are matched by their first 5 letters'
expect_match "index cs: where other forms go" "$err" 'c/cs/synonyms\.txt'
expect_match "index cs: what no pack means, as for a stemmed language" "$err" \
    'note: faqbot has no language pack for "cs": no small talk'
expect_eq "index cs: English has no such note" "$(grep -c '"en"' "$TMP/err")" "0"
# another form of the entry's words, without the marks
expect_answer "an inflected form" "kolik knizek a knihu si pujcim" loans cs
expect_answer "another form, no accents" "prodlouzeni vypujcky" renew cs
expect_answer "the same question in English" "how many books can i borrow" loans en
expect_answer "Czech told from English" "kde je citarna" reading cs

# Polish, a folder of its own: "książki" in the entry, "ksiazek" asked
mkdir -p "$TMP/p/pl"
printf '## Ile książki mogę wypożyczyć? {#loans}\n\nDo dziesięciu książek na miesiąc.\n\n## Gdzie jest czytelnia? {#reading}\n\nNa drugim piętrze.\n' > "$TMP/p/pl/faq.md"
index_faq "$TMP/p"
expect_answer "Polish: another case, no marks" "ile ksiazek wypozyczam" loans pl

# init starts it, as a language with a stemmer and no pack
"$FAQBOT" init "$TMP/i" --lang pl > "$TMP/out" 2>&1
expect_eq "init pl: done" "$?" "0"
expect_match "init pl: the sample in English, to replace" "$(cat "$TMP/out")" 'i/pl/faq\.md: its sample entry in English'
expect_match "init pl: the fallback named" "$(cat "$TMP/out")" 'note: libstemmer has no stemmer for "pl"'
"$FAQBOT" index --corpus "$TMP/i" --out "$TMP/i.idx" > /dev/null 2>&1
expect_eq "init pl: the started folder indexes" "$?" "0"

# a region or capitals: the code to use told, as for a stemmed language
# (it listed every code there is)
mkdir -p "$TMP/r/pl-PL" "$TMP/r/CS"
printf '## Gdzie jest czytelnia? {#reading}\n\nNa drugim piętrze.\n' > "$TMP/r/pl-PL/faq.md"
printf '## Kde je čítárna? {#reading}\n\nVe druhém patře.\n' > "$TMP/r/CS/faq.md"
"$FAQBOT" index --corpus "$TMP/r" --out "$TMP/r.idx" > /dev/null 2> "$TMP/err"
expect_eq "pl-PL, CS: refused" "$?" "2"
expect_match "pl-PL: its code" "$(cat "$TMP/err")" 'r/pl-PL/: unknown language folder "pl-PL" \(its code here is "pl"\)'
expect_match "CS: its code" "$(cat "$TMP/err")" 'r/CS/: unknown language folder "CS" \(its code here is "cs"\)'
