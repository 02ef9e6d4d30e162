# export_import_exact.sh: a corpus exported as CSV and imported again gives
# back its files byte for byte (the title given with --title, as the CSV has
# no column for it): the seed corpus and one with every feature (ids,
# alternates, metadata, a source of its own, lists, links, code, quotes,
# two languages). An entry without a source is exported with its file's
# name, which import must not write back as a source comment.
. "$ROOT/tests/e2e/lib.sh.inc"
F="$ROOT/tests/e2e/fixtures/roundtrip"
round_trip() {  # $1 label, $2 lang, $3 file, $4 title
    rm -rf "$TMP/c"
    mkdir -p "$TMP/c/$2"
    cp "$3" "$TMP/c/$2/faq.md"
    "$FAQBOT" export --corpus "$TMP/c" --format csv > "$TMP/$2.csv" 2>/dev/null || fail "$1: export"
    "$FAQBOT" import --title "$4" "$TMP/$2.csv" > "$TMP/$2.md" 2>/dev/null || fail "$1: import"
    cmp -s "$3" "$TMP/$2.md" || { diff "$3" "$TMP/$2.md"; fail "$1: not the same bytes"; }
    ok "$1: the same bytes"
}
round_trip "seed, en" en "$ROOT/corpus/en/paises-precursores.md" "Champion countries initiative"
round_trip "every feature, en" en "$F/en.md" "Pool FAQ"
round_trip "every feature, de" de "$F/de.md" "Schwimmbad"
# both languages in one corpus, each exported with --lang, keep their ids
mkdir -p "$TMP/two/en" "$TMP/two/de"
cp "$F/en.md" "$TMP/two/en/faq.md"
cp "$F/de.md" "$TMP/two/de/faq.md"
"$FAQBOT" export --corpus "$TMP/two" --lang de --format csv 2>/dev/null | "$FAQBOT" import --title Schwimmbad - > "$TMP/de2.md" 2>/dev/null
cmp -s "$F/de.md" "$TMP/de2.md" || fail "two languages, de: not the same bytes"
ok "two languages, de: the same bytes"
# a source of its own (an address) is kept
expect_match "an address as source kept" "$(cat "$TMP/en.md")" '^<!-- source: https://example.org/prices -->$'
