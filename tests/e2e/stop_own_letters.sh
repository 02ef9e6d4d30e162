# stop_own_letters.sh: Finnish writes ä and ö as letters of their own
# ("!letters" in lang/fi/stopwords.txt). Accent folding makes "sää"
# (weather) "saa" (gets, may), a stop word; a word holding such a letter is
# a stop word only as the list writes it, so the weather question keeps
# its word and finds the weather entry, and "saako" (may one) stays a stop
# word, typed as it is.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/fi"
cat >"$TMP/c/fi/faq.md" <<'MD'
## Mikä on sää huomenna laskettelurinteessä? {#saa}

Sääennuste päivitetään joka aamu kahdeksalta rinteen ilmoitustaululle ja verkkosivuille.

## Saako rinteeseen tuoda koiran? {#koira}

Koirat eivät saa tulla rinteeseen, mutta kahvilan terassilla ne ovat tervetulleita.

## Mistä saan hissiliput? {#liput}

Hissiliput myydään kassalta ja verkkokaupasta.
MD
index_faq "$TMP/c"
expect_eq "sää is the weather, not a stop word" "$(answer_id 'sää rinteessä')" saa
expect_eq "sää alone" "$(answer_id 'sää')" saa
expect_eq "saako stays a stop word" "$(answer_id 'saako koiran tuoda')" koira
# typed without its letters, the word is the stop word as before
expect_eq "saa typed plainly is a stop word" "$(answer_id 'saa')" null
