# stop_own_letters_sv_da_no.sh: Swedish writes å, ä and ö as letters of their
# own, Danish and Norwegian æ, ø and å ("!letters" in their stopwords.txt).
# Accent folding makes Swedish "år" (year) "är" (is), Danish "skål" (bowl)
# "skal" (shall) and Norwegian "hår" (hair) "har" (has), all stop words; a word holding such a letter is a stop
# word only as the list writes it, so the question keeps its word. Typed
# with "aa" it reads as "å" and keeps it too; a word typed without its
# letters is read as before.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/sv/sv" "$TMP/da/da" "$TMP/no/no"
cat >"$TMP/sv/sv/faq.md" <<'MD'
## Hur länge gäller passet? {#giltighet}

Ett pass gäller i fem år från den dag det utfärdades.

## Hur hämtar jag mitt nya pass? {#hamta}

Passet hämtas på det passkontor där du ansökte, mot uppvisande av legitimation.
MD
index_faq "$TMP/sv"
expect_eq "år is a year, not a stop word" "$(answer_id 'hur många år')" giltighet
expect_eq "år alone" "$(answer_id 'år')" giltighet
expect_eq "är stays a stop word" "$(answer_id 'är')" null
expect_eq "ar typed plainly is a stop word" "$(answer_id 'ar')" null

cat >"$TMP/da/da/faq.md" <<'MD'
## Hvad koster en skål suppe i kantinen? {#suppe}

Dagens suppe koster 25 kroner, med brød 30 kroner.

## Hvad koster en kop kaffe i kantinen? {#kaffe}

Kaffe og te koster 10 kroner; påfyldning er gratis.
MD
index_faq "$TMP/da"
expect_eq "skål is a bowl, not skal" "$(answer_id 'skål')" suppe
expect_eq "skaal is skål" "$(answer_id 'skaal')" suppe
expect_eq "skal typed plainly is a stop word" "$(answer_id 'skal')" null

cat >"$TMP/no/no/faq.md" <<'MD'
## Klipper dere langt hår? {#langt}

Ja, langt hår klippes tirsdag og torsdag, bestill time på nett.

## Trimmer dere skjegg? {#skjegg}

Ja, skjegg trimmes hver dag uten timebestilling.
MD
index_faq "$TMP/no"
expect_eq "hår is hair, not har" "$(answer_id 'hår')" langt
expect_eq "Nynorsk frå stays a stop word" "$(answer_id 'frå')" null
expect_eq "har typed plainly is a stop word" "$(answer_id 'har')" null
