# unstemmed_scripts.sh: FAQs in languages libstemmer does not stem, as
# their owners write them: Ukrainian (Cyrillic, beside Russian, which has
# a stemmer and a pack), Hebrew (right to left) and Vietnamese (words of
# one syllable, marks that carry tone). The index note shows the fallback
# with one of the folder's own words cut, not a Polish one; an English
# sample left by init shows none. Each is answered in its language, typed
# with its forms (a Hebrew word with "the", "and", "in"... written onto it);
# a Ukrainian question is told from Russian and answered
# in Ukrainian, a Russian one in Russian, a Ukrainian form neither folder
# writes by its first letters.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/uk" "$TMP/c/ru"
cat > "$TMP/c/uk/faq.md" <<'MD'
# Міська бібліотека

## Скільки книжок я можу взяти? {#loans}

Одночасно можна взяти до десяти книжок на один місяць.

## Де знаходиться читальна зала? {#reading}

Читальна зала на другому поверсі, відкрита щодня.

## Що робити, якщо я загубив книгу? {#lost}

Повідомте бібліотекаря: потрібно купити таку саму книгу або сплатити її вартість.
MD
cat > "$TMP/c/ru/faq.md" <<'MD'
# Городская библиотека

## Сколько книг я могу взять? {#loans}

Одновременно можно взять до десяти книг на один месяц.

## Где находится читальный зал? {#reading}

Читальный зал на втором этаже, открыт ежедневно.

## Что делать, если я потерял книгу? {#lost}

Сообщите библиотекарю: нужно купить такую же книгу или оплатить её стоимость.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
expect_eq "index uk+ru: written" "$?" "0"
err=$(cat "$TMP/err")
expect_match "index uk: the fallback shown on a Ukrainian word" "$err" \
    'no stemmer for "uk": its words are matched by their first 5 letters, accents off \("міська" as "міськ"\)'
expect_eq "index uk: no Polish example" "$(grep -c 'ksiaz' "$TMP/err")" "0"
expect_eq "index uk+ru: Russian has a stemmer, no such note" "$(grep -c 'stemmer for "ru"' "$TMP/err")" "0"
expect_answer "Ukrainian, another form" "скільки книжок можна взяти" loans uk
expect_answer "Ukrainian, a form the entry lacks" "я загубила книжку" lost uk
expect_answer "Ukrainian told from Russian" "де читальна зала" reading uk
expect_answer "Russian told from Ukrainian" "где читальный зал" reading ru
expect_answer "Russian, another form" "я потеряла книгу" lost ru
# a form no folder writes, told Ukrainian by its first letters ("загуб")
expect_answer "Ukrainian, by the first letters" "загубила книгу" lost uk
expect_eq "ablation: without them, read as Russian" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --json --set use_cut_lang_words=0 "загубила книгу" | json query_lang)" "ru"

# Hebrew: the note shows a Hebrew word, the answer is the Hebrew entry's
mkdir -p "$TMP/h/he"
cat > "$TMP/h/he/faq.md" <<'MD'
# הספרייה העירונית

## כמה ספרים אפשר לשאול? {#loans}

אפשר לשאול עד עשרה ספרים לחודש אחד.

## איפה נמצא אולם הקריאה? {#reading}

אולם הקריאה בקומה השנייה, פתוח בכל יום חול.

## איך מקבלים כרטיס קורא? {#card}

יש להביא תעודת זהות לדלפק, הכרטיס ניתן בחינם.

## יש אינטרנט אלחוטי בספרייה? {#wifi}

כן, הרשת Library חינמית, הסיסמה בדלפק.
MD
"$FAQBOT" index --corpus "$TMP/h" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
expect_eq "index he: written" "$?" "0"
expect_match "index he: the fallback shown on a Hebrew word" "$(cat "$TMP/err")" \
    'no stemmer for "he": .*accents off \("הספרייה" as "הספרי"\)'
expect_eq "index he: no Polish example" "$(grep -c 'ksiaz' "$TMP/err")" "0"
expect_answer "Hebrew" "איפה אולם הקריאה" reading he
# "to", "and the", "in" written onto the word: the FAQ's word without them,
# or with "the" it writes
expect_answer "Hebrew, 'to' onto the hall" "לאולם הקריאה" reading he
expect_answer "Hebrew, 'and the' onto the card" "והכרטיס" card he
expect_answer "Hebrew, 'in' for the FAQ's 'the'" "בסיסמה" wifi he
expect_eq "ablation: without the prefixes read, declined" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --json --set use_hebrew_prefixes=0 "והכרטיס" | json id)" "null"

# Vietnamese: a word of five letters or fewer is whole; none longer with a
# mark, so no example; typed without its marks it is answered
mkdir -p "$TMP/v/vi"
cat > "$TMP/v/vi/faq.md" <<'MD'
# Thư viện thành phố

## Tôi có thể mượn bao nhiêu cuốn sách? {#loans}

Bạn có thể mượn tối đa mười cuốn sách trong một tháng.

## Phòng đọc ở đâu? {#reading}

Phòng đọc ở tầng hai, mở cửa tất cả các ngày trong tuần.
MD
"$FAQBOT" index --corpus "$TMP/v" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
expect_eq "index vi: written" "$?" "0"
expect_match "index vi: no example, no Polish" "$(cat "$TMP/err")" \
    'no stemmer for "vi": its words are matched by their first 5 letters, accents off, a shorter word whole'
expect_answer "Vietnamese" "phòng đọc ở đâu" reading vi
expect_answer "Vietnamese typed without marks" "muon bao nhieu sach" loans vi

# init: the folder holds the English sample, no word of its language
"$FAQBOT" init "$TMP/i" --lang lv > "$TMP/out" 2>&1
expect_eq "init lv: done" "$?" "0"
expect_match "init lv: the fallback named, no English word as Latvian's" "$(cat "$TMP/out")" \
    'no stemmer for "lv": its words are matched by their first 5 letters, accents off, a shorter word whole'
