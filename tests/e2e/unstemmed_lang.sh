# unstemmed_lang.sh: a FAQ in a language libstemmer does not stem but that
# is written with spaces between words and has no pack (Slovak and
# Croatian here; nothing in the rules is either) indexes, where it was
# refused as an "unknown language folder": its words are matched by their
# first five letters, accents off, so an inflected form typed without its
# marks meets the entry ("knihy", "knihu", "kníh"; "posuditi",
# "posudujem"); index and init
# say so in a note naming the fallback, with what a language without a pack
# lacks; language identification tells the language from English's
# questions; init starts its folder with the English sample; a folder
# named with a region or in capitals ("hr-HR", "SK") is told its code.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/sk" "$TMP/c/en"
cat > "$TMP/c/sk/faq.md" <<'MD'
# Mestská knižnica

## Koľko kníh si môžem požičať? {#loans}

Naraz si môžete požičať až desať kníh na jeden mesiac.

## Ako predĺžim výpožičku? {#renew}

Výpožičku predĺžite v online katalógu alebo telefonicky, najviac dvakrát.

## Kde nájdem čitáreň? {#reading}

Čitáreň je na druhom poschodí, otvorená každý pracovný deň.
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
expect_eq "index sk: written" "$?" "0"
expect_match "index sk: both languages" "$(cat "$TMP/out")" 'in 2 languages'
err=$(cat "$TMP/err")
expect_match "index sk: the fallback named" "$err" \
    '^faqbot index: note: libstemmer has no stemmer for "sk": its words are matched by their first 5 letters'
expect_match "index sk: where other forms go" "$err" 'c/sk/synonyms\.txt'
expect_match "index sk: what no pack means, as for a stemmed language" "$err" \
    'note: faqbot has no language pack for "sk": no small talk'
expect_eq "index sk: English has no such note" "$(grep -c '"en"' "$TMP/err")" "0"
# another form of the entry's words, without the marks
expect_answer "an inflected form" "kolko knizok a knihu si pozicam" loans sk
expect_answer "another form, no accents" "predlzenie vypozicky" renew sk
expect_answer "the same question in English" "how many books can i borrow" loans en
expect_answer "Slovak told from English" "kde je citaren" reading sk

# Croatian, a folder of its own: "posuditi" in the entry, "posudujem" asked
mkdir -p "$TMP/p/hr"
printf '## Koliko knjiga mogu posuditi? {#loans}\n\nDo deset knjiga na mjesec.\n\n## Gdje je čitaonica? {#reading}\n\nNa drugom katu.\n' > "$TMP/p/hr/faq.md"
index_faq "$TMP/p"
expect_answer "Croatian: another form, no marks" "koliko knjige posudujem" loans hr

# init starts it, as a language with a stemmer and no pack
"$FAQBOT" init "$TMP/i" --lang hr > "$TMP/out" 2>&1
expect_eq "init hr: done" "$?" "0"
expect_match "init hr: the sample in English, to replace" "$(cat "$TMP/out")" 'i/hr/faq\.md: its sample entry in English'
expect_match "init hr: the fallback named" "$(cat "$TMP/out")" 'note: libstemmer has no stemmer for "hr"'
"$FAQBOT" index --corpus "$TMP/i" --out "$TMP/i.idx" > /dev/null 2>&1
expect_eq "init hr: the started folder indexes" "$?" "0"

# a region or capitals: the code to use told, as for a stemmed language
# (it listed every code there is)
mkdir -p "$TMP/r/hr-HR" "$TMP/r/SK"
printf '## Gdje je čitaonica? {#reading}\n\nNa drugom katu.\n' > "$TMP/r/hr-HR/faq.md"
printf '## Kde je čitáreň? {#reading}\n\nNa druhom poschodí.\n' > "$TMP/r/SK/faq.md"
"$FAQBOT" index --corpus "$TMP/r" --out "$TMP/r.idx" > /dev/null 2> "$TMP/err"
expect_eq "hr-HR, SK: refused" "$?" "2"
expect_match "hr-HR: its code" "$(cat "$TMP/err")" 'r/hr-HR/: unknown language folder "hr-HR" \(its code here is "hr"\)'
expect_match "SK: its code" "$(cat "$TMP/err")" 'r/SK/: unknown language folder "SK" \(its code here is "sk"\)'
