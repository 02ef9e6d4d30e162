# compound_runs.sh: a German FAQ, with the system's German dictionary
# (hunspell-de-de, tools/install-deps). The dictionary holds "Wohnsitz"
# only as a compound, so it splits a question's "Wohnsitzbescheinigung"
# into "Wohn|sitz|bescheinigung", no part of which but the last is a word
# of the FAQ: the parts regroup into the words the FAQ holds
# (every_part_group), and the compound is searched as those words, one
# slot each, as if asked apart (use_compound_slots), so that the entry
# holding both wins over one holding either. A part the dictionary reads
# with its linking "s" ("Antrags") is also the word without it
# (every_part_unlinked). Each fails with its setting off.
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts de_DE.dic hunspell-de-de
mkdir -p "$TMP/c/de"
cat >"$TMP/c/de/faq.md" <<'MD'
## Wie melde ich meinen Wohnsitz an? {#register}

Melden Sie sich innerhalb von zwei Wochen nach dem Einzug im Bürgeramt an.

## Wo bekomme ich eine Bescheinigung über meinen Wohnsitz? {#certificate}

Die Bescheinigung erhalten Sie sofort am Schalter, sie kostet zehn Euro.

## Was brauche ich für den Parkausweis? {#parking}

Für einen Firmenwagen ist eine Bescheinigung des Halters nötig.

## Wo finde ich das Formular für den Antrag? {#form}

Das Formular liegt im Bürgeramt aus und steht auf unserer Website.

## Wann kommt die Zeitung? {#paper}

Jeden Morgen um sieben.
MD
index_faq "$TMP/c"
expect_eq "Wohnsitzbescheinigung: the entry holding both words" \
    "$(answer_id 'Wohnsitzbescheinigung')" certificate
expect_eq "... not split into the FAQ's words: declined" \
    "$(answer_id --set every_part_group=0 'Wohnsitzbescheinigung')" null
parts() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain --set use_compound_slots=0 "$@" |
    grep -c 'compound-part term "\(wohnsitz\|beschein\)"'; }
expect_eq "one slot: either word stands in for the compound" "$(parts 'Wohnsitzbescheinigung')" 2
expect_eq "... the dictionary's parts as they are: none" \
    "$(parts --set every_part_group=0 'Wohnsitzbescheinigung')" 0
words() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain "$@" | grep -c '^word "'; }
expect_eq "a slot each: two words" "$(words 'Wohnsitzbescheinigung')" 2
expect_eq "... one slot when off" "$(words --set use_compound_slots=0 'Wohnsitzbescheinigung')" 1
expect_eq "Antragsformular: Antrag and Formular" "$(answer_id 'Antragsformular')" form
expect_eq "... Antrags is no word of the FAQ's: declined" \
    "$(answer_id --set every_part_unlinked=0 'Antragsformular')" null
