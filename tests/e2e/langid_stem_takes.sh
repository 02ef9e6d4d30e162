# langid_stem_takes.sh: a word no language knows as typed whose stem is one
# of the FAQ's ("note" of the English entries' "notes") is not read through
# the dictionaries of a language the FAQ is only asked in when the question
# holds none of that language's stop, question or pack words. An English FAQ
# with a Spanish and a French part, the Dutch-English dictionaries linked:
# "note store backend" is English, and answered in English; "waar is de note
# store" (Dutch function words) stays Dutch. Fails on the base, which read
# "note" and "store" as Dutch through its dictionary (2 words to 1).
. "$ROOT/tests/e2e/lib.sh.inc"
only_dicts nld-eng eng-nld
mkdir -p "$TMP/c/en" "$TMP/c/es" "$TMP/c/fr"
cat >"$TMP/c/en/faq.md" <<'MD'
## Where are my notes kept? {#where}

Your notes are kept in the NoteStore, a local database in your home folder.

## Which backend does the NoteStore use? {#backend}

The NoteStore backend is SQLite by default; set `backend = postgres` to change it.

## What does error E1234 mean? {#e1234}

E1234 means the configuration file could not be read.
MD
cat >"$TMP/c/es/faq.md" <<'MD'
## ¿Dónde se guardan mis notas? {#where}

Tus notas se guardan en el NoteStore, una base de datos local en tu carpeta personal.

## ¿Qué significa el error E1234? {#e1234}

E1234 significa que no se pudo leer el archivo de configuración.
MD
cat >"$TMP/c/fr/faq.md" <<'MD'
## Où sont gardées mes notes ? {#where}

Vos notes sont gardées dans le NoteStore, une base de données locale dans votre dossier personnel.

## Que signifie l'erreur E1234 ? {#e1234}

E1234 signifie que le fichier de configuration n'a pas pu être lu.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"

# lang [ASK ARGS...] QUESTION: the language the question is read in
lang() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain "$@" | sed -n 's/^query language: //p'; }

for q in "note store backend" "note store"; do
    expect_eq "$q: English" "$(lang "$q")" en
done
expect_answer "note store backend" "note store backend" backend en
# the rule's switch gives the dictionary's reading back
expect_eq "note store, use_lang_stem_takes=0: Dutch" \
    "$(lang --set use_lang_stem_takes=0 "note store")" nl
# a Dutch function word keeps the dictionary's reading
expect_eq "waar is de note store: Dutch" "$(lang "waar is de note store")" nl
