# nopack_script_lang.sh: a question written in Cyrillic or Greek is in the
# FAQ's language of that alphabet, even when none of its words is the FAQ's:
# a greeting, a word the entries do not use. Such a question was taken for
# English, the FAQ's other language, and answered with English's rules,
# when neither language had a pack to tell it (stop words, small talk).
# Russian and Greek have packs now, whose small talk knows the greetings;
# "визовая поддержка" and "ταξιδιωτική βίζα", no words of the FAQ or the
# packs, are told by their letters alone.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/ru" "$TMP/c/el" "$TMP/c/en"
cat > "$TMP/c/ru/faq.md" <<'MD'
# Пекарня

## Когда открыта пекарня? {#hours}

С понедельника по субботу с 7 до 19 часов.

## Можно ли заказать торт? {#cake}

Да, торт нужно заказать за два дня.
MD
cat > "$TMP/c/el/faq.md" <<'MD'
# Φούρνος

## Πότε είναι ανοιχτός ο φούρνος; {#hours}

Από Δευτέρα έως Σάββατο, 7 έως 19.

## Μπορώ να παραγγείλω τούρτα; {#cake}

Ναι, δύο μέρες πριν.
MD
cat > "$TMP/c/en/faq.md" <<'MD'
# Bakery

## When is the bakery open? {#hours}

Monday to Saturday, 7 am to 7 pm.

## Can I order a cake? {#cake}

Yes, two days ahead.
MD
index_faq "$TMP/c"
lang_of() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$1" | json query_lang; }
expect_eq "a Cyrillic greeting the FAQ lacks is Russian" "$(lang_of "добрый вечер")" ru
expect_eq "a Cyrillic question of words the FAQ lacks is Russian" \
    "$(lang_of "визовая поддержка")" ru
expect_eq "in capitals too" "$(lang_of "ЗДРАВСТВУЙТЕ")" ru
expect_eq "a Greek greeting the FAQ lacks is Greek" "$(lang_of "καλησπέρα σας")" el
expect_eq "a Greek question of words the FAQ lacks is Greek" \
    "$(lang_of "ταξιδιωτική βίζα")" el
expect_eq "an English question stays English" "$(lang_of "good evening")" en
expect_eq "a Russian question is answered" "$(answer_id "заказать торт")" cake
expect_eq "a Greek question is answered" "$(answer_id "τούρτα")" cake
