# middot_ca.sh: Catalan's l·l is inside the word. A town hall's FAQ in
# Catalan, written here, with "al·legació" and "col·legi"; a resident types
# the middle dot (U+00B7, or U+2027), a period for it ("al.legació") or
# nothing ("allegacio", "collegis") or one l ("solicitud"): each is the one word the FAQ writes and
# meets it as asked (no typo matching), the word not cut at the dot into
# "al" + "legacio". A Spanish "ll" ("llamar") keeps its letters, and a file
# name with a period ("install.log") stays two words. Fails on the base,
# which cut the word at the dot and met a dotless "allegacio" only through a
# typo.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/ca" "$TMP/c/es"
cat >"$TMP/c/ca/ajuntament.md" <<'MD'
## Com presento una al·legació contra una multa? {#appeal}

Podeu presentar l'al·legació a l'oficina d'atenció ciutadana en un termini de vint dies.

## On és el meu col·legi electoral? {#school}

El col·legi electoral és a l'escola del barri; consulteu-lo al cens.

## Quin és l'horari de la biblioteca? {#library}

La biblioteca obre de dilluns a divendres de 9:00 a 20:00.

## Com demano una llicència d'obres? {#permit}

La llicència es demana a la seu electrònica de l'ajuntament.

## Com em dono d'alta al padró? {#census}

Presenteu la sol·licitud d'alta amb el DNI a l'oficina d'atenció ciutadana.
MD
cat >"$TMP/c/es/ayuntamiento.md" <<'MD'
## ¿A qué número puedo llamar? {#phone}

Puede llamar al 010 de lunes a viernes.

## ¿Dónde está el archivo install.log? {#log}

El archivo install.log está en la carpeta del programa.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"

# meets QUESTION ID WORD HOW: answers ID, the question's word WORD met as HOW
# (exact: the FAQ's own word; variant: its dotless form): the word whole
meets() {
    "$FAQBOT" ask --index "$TMP/faq.idx" --json "$1" >"$TMP/out" || fail "ask $1"
    expect_eq "$1: $2" "$(json id <"$TMP/out")" "$2"
    "$FAQBOT" ask --index "$TMP/faq.idx" --explain "$1" >"$TMP/explain" || fail "explain $1"
    expect_match "$1: \"$3\" met $4" "$(grep -A1 "^word \"$3\"" "$TMP/explain")" "-> $4 term"
}
meets "al·legacio" appeal "al·legacio" exact
meets "AL·LEGACIÓ" appeal "al·legacio" exact
meets "al‧legació" appeal "al·legacio" exact
meets "al.legació" appeal "al·legacio" exact
meets "allegacio" appeal "allegacio" variant
meets "allegacions" appeal "allegacions" variant
meets "col.legi" school "col·legi" exact
meets "collegis" school "collegis" variant
# one l for l·l, as Spanish writes it
meets "solicitud d'alta" census "solicitud" variant

# a dotless "ll" is no l·l: Spanish's "llamar" is met as written
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "número para llamar" >"$TMP/explain" || fail "explain llamar"
expect_match "llamar: met as written" "$(grep -A1 '^word "llamar"' "$TMP/explain")" "-> exact term \"llam"
# a period in a file name joins no words
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "dónde está install.log" >"$TMP/explain" ||
    fail "explain install.log"
expect_match "install.log: install" "$(cat "$TMP/explain")" '^word "install"'
expect_match "install.log: log" "$(cat "$TMP/explain")" 'word "log"' 
