# langid_tie_near.sh: a tie between two languages of the FAQ that share their
# function words, with no conversation or page to break it, goes to the one
# with a word of the question an edit away, before the FAQ's most entries and
# its first language. A town hall's FAQ in Catalan and Spanish, the same
# entries in each: "se me perdio la cartera" (Spanish "perdió" typed without
# its accent, an edit from the FAQ's "perdido") is Spanish, though its other
# words are both languages' and Italian's dictionary reads "perdio". Fails on
# the base, which gave the tie to the first language, Catalan.
. "$ROOT/tests/e2e/lib.sh.inc"
only_dicts ita-spa
mkdir -p "$TMP/c/ca" "$TMP/c/es"
cat >"$TMP/c/ca/ajuntament.md" <<'MD'
## He perdut alguna cosa, on és l'oficina d'objectes perduts? {#lost}

Una cartera, unes claus o un mòbil trobats al carrer es porten a la Policia Local.

## Quin horari té l'oficina d'atenció ciutadana? {#hours}

L'oficina obre de dilluns a divendres de 9:00 a 14:00.
MD
cat >"$TMP/c/es/ayuntamiento.md" <<'MD'
## He perdido algo, ¿dónde está la oficina de objetos perdidos? {#lost}

Una cartera, unas llaves o un móvil encontrados en la calle se llevan a la Policía Local.

## ¿Qué horario tiene la oficina de atención ciudadana? {#hours}

La oficina abre de lunes a viernes de 9:00 a 14:00.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"

# lang [ASK ARGS...] QUESTION: the language the question is read in
lang() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain "$@" | sed -n 's/^query language: //p'; }

q="se me perdio la cartera"
expect_eq "$q: Spanish" "$(lang "$q")" es
expect_answer "$q" "$q" lost es
# the tie itself: without the rule the first language takes it
expect_eq "$q, use_lang_tie_near=0: Catalan (the tie)" "$(lang --set use_lang_tie_near=0 "$q")" ca
expect_eq "he perdut la cartera: Catalan" "$(lang "he perdut la cartera")" ca
