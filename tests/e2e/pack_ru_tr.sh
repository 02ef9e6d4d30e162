# pack_ru_tr.sh: Russian and Turkish have packs (lang/ru, lang/tr). A small
# swimming pool's FAQ in both, written here: thanks and a greeting are small
# talk answered in the asker's language (typed without Turkish letters too),
# a declined question is told so in it, and a pronoun or a frame word
# ("мне", "bana ... lazım") is a stop word: it no longer pulls the entry
# that happens to say it ("Что мне делать...") over the one the question
# is about. Fails on the base, where both languages had no pack: small talk
# declined in English, the stop and question words guessed from the entries.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/ru" "$TMP/c/tr"
cat >"$TMP/c/ru/faq.md" <<'MD'
## Сколько стоит абонемент в бассейн? {#price}

Абонемент на месяц стоит 3000 рублей, на год 25000 рублей.

## Что мне делать, если я заболел и пропустил занятия? {#ill}

Принесите справку от врача, и мы продлим абонемент на пропущенные дни.

## Где находится бассейн? {#where}

Бассейн находится на улице Ленина, дом 5, рядом с метро.

## Когда открыт бассейн? {#hours}

С понедельника по пятницу с 7:00 до 22:00, в субботу и воскресенье с 9:00 до 20:00.
MD
cat >"$TMP/c/tr/faq.md" <<'MD'
## Aylık abonelik ücreti ne kadar? {#price}

Aylık abonelik 500 lira, yıllık abonelik 5000 lira.

## Hastalandım, derslerimi kaçırdım, ne yapmalıyım? {#ill}

Doktor raporunu getirin, aboneliğinizi kaçırdığınız günler kadar uzatalım.

## Havuz nerede? {#where}

Havuz Atatürk Caddesi 5 numarada, metronun yanında.

## Havuz hangi saatlerde açık? {#hours}

Hafta içi 7.00 ile 22.00, hafta sonu 9.00 ile 20.00 arası açık.
MD
index_packed "$TMP/c"

# small talk, answered in the language asked
expect_answer "ru thanks" "спасибо большое" thanks ru
expect_eq "ru hello" "$(answer_id 'здравствуйте')" hello
expect_answer "tr thanks" "çok teşekkür ederim" thanks tr
expect_eq "tr thanks typed without its letters" "$(answer_id 'tesekkurler')" thanks
expect_eq "tr hello" "$(answer_id 'merhaba')" hello

# the bot's own text in the language
ask_json "как доехать до Луны"
expect_eq "ru off-topic: declined" "$(json id <"$TMP/out")" null
expect_eq "ru decline: the pack's text" "$(json message <"$TMP/out")" "$(pack_text ru decline)"
ask_json "Mars'a nasıl giderim"
expect_eq "tr off-topic: declined" "$(json id <"$TMP/out")" null
expect_eq "tr decline: the pack's text" "$(json message <"$TMP/out")" "$(pack_text tr decline)"

# a stop word is not counted
ask_json "абонемент мне"
expect_eq "ru: мне does not pull the illness entry" "$(json id <"$TMP/out")" price
dropped "ru: the pack's stop words" "$TMP/faq.idx" "а мне можно абонемент на год" а мне можно на
expect_eq "tr: bana and lazım frame the question" "$(answer_id 'bana abonelik lazım')" price
dropped "tr: the pack's stop words" "$TMP/faq.idx" "acaba bana da abonelik lazım mı" acaba bana da lazım mı
dropped "tr: the question particle typed in capitals" "$TMP/faq.idx" "HAVUZ ACIK MI" mi
expect_eq "tr: the question in capitals" "$(answer_id 'HAVUZ ACIK MI')" hours
