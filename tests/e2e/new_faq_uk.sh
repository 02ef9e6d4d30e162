# new_faq_uk.sh: a Ukrainian FAQ has a pack like the other languages,
# though libstemmer has no Ukrainian stemmer: small talk in Ukrainian, the
# bot's messages in Ukrainian, the pack's stop words (the forms of могти and
# хотіти, each as written: a stop word is matched whole, not by the
# five-letter fallback), question words ranked but not weighed as content,
# general synonyms, and the Ukrainian starter. Beside a Russian FAQ,
# "привіт" is the Ukrainian greeting, "привет" the Russian one.
. "$ROOT/tests/e2e/lib.sh.inc"
field() { "$FAQBOT" ask --index "$1" --json "$2" | json "$3"; }

mkdir -p "$TMP/uk/uk"
cat > "$TMP/uk/uk/faq.md" <<'MD'
# Міська бібліотека

## Коли працює бібліотека? {#hours}
? Коли бібліотека відкрита?

Бібліотека працює з понеділка по п'ятницю з 9:00 до 20:00, у суботу з 10:00 до 14:00.

## Скільки коштує читацький квиток? {#card}
? Як отримати читацький квиток?

Перший квиток безкоштовний. Новий квиток замість загубленого коштує 50 гривень.

## Як продовжити термін позики? {#renew}
? Чи можу я довше тримати книжки?

Позику можна продовжити в онлайн-каталозі щонайбільше тричі, якщо ніхто не зарезервував книжку.

## Де повернути книжки, коли бібліотека зачинена? {#dropbox}

Біля головного входу стоїть скринька для повернення, вона працює цілодобово.

## Чи можна друкувати в бібліотеці? {#print}

Друк коштує 3 гривні за сторінку. Принтери на другому поверсі.
MD
"$FAQBOT" index --corpus "$TMP/uk" --out "$TMP/uk.idx" 2> "$TMP/err" >/dev/null || fail "index uk"
expect_eq "index uk: no note of a missing pack" "$(grep -c 'no language pack' "$TMP/err")" "0"
F="$TMP/uk.idx"
expect_eq "привіт is a greeting" "$(outcome "$F" "привіт")" "smalltalk hello"
expect_eq "... answered in Ukrainian" "$(field "$F" "добрий день" answer)" "Вітаю! Чим можу допомогти?"
expect_eq "дякую is thanks" "$(outcome "$F" "дуже дякую")" "smalltalk thanks"
expect_eq "до побачення is goodbye" "$(outcome "$F" "до побачення")" "smalltalk bye"
expect_eq "declined in Ukrainian" "$(field "$F" "де можна припаркувати машину" message)" \
    "На жаль, я не маю відповіді на це запитання."
dropped "the pack's stop words" "$F" "я хотів би знати чи можу повернути книжки" хотів знати можу
explained "the pack's question words" "$F" "де повернути книжки" 'exact term "де" (uk) x0.50'
expect_eq "the pack's synonyms: ціна is вартість" "$(outcome "$F" "ціна друку")" "answer print"
expect_eq "the Ukrainian starter" "$(starter_outcome uk "о котрій вам можна зателефонувати")" "answer hours"

# beside a Russian FAQ: each greeting in its own language
mkdir -p "$TMP/uk/ru"
cat > "$TMP/uk/ru/faq.md" <<'MD'
# Городская библиотека

## Когда работает библиотека? {#hours}

Библиотека работает с понедельника по пятницу с 9:00 до 20:00.
MD
"$FAQBOT" index --corpus "$TMP/uk" --out "$TMP/ukru.idx" 2>/dev/null >/dev/null || fail "index uk+ru"
expect_eq "uk+ru: привіт answered in Ukrainian" "$(field "$TMP/ukru.idx" "привіт" answer)" "Вітаю! Чим можу допомогти?"
expect_eq "uk+ru: привет answered in Russian" "$(field "$TMP/ukru.idx" "привет" answer)" "Здравствуйте! Чем могу помочь?"
