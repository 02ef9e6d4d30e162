# compound_parts.sh: a German FAQ (the German pack says "!compounds"), with
# the system's German dictionary (hunspell-de-de, tools/install-deps): a
# question's simple word finds the entry whose text holds it only inside a
# compound ("Platte" the "Festplatte", "Nummer" the "Versionsnummer"), and
# does not with the parts switched off (--set use_parts=0).
. "$ROOT/tests/e2e/lib.sh.inc"
FAQBOT_HUNSPELL_DIR=/usr/share/hunspell   # the system's, even where a runner leaves them out
export FAQBOT_HUNSPELL_DIR
[ -f /usr/share/hunspell/de_DE.dic ] || fail "hunspell-de-de is not installed (sh tools/install-deps run)"
mkdir -p "$TMP/c/de"
cat >"$TMP/c/de/faq.md" <<'MD'
## Wie viel Speicher braucht die Festplatte? {#disk}

Zwanzig Gigabyte reichen für ein Desktop-System.

## Wo steht die Versionsnummer? {#version}

In der Datei /etc/debian_version.

## Wann kommt die Zeitung? {#paper}

Jeden Morgen um sieben.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"
id() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$@" | json id; }
expect_eq "a compound's head: Platte finds the Festplatte" "$(id 'die Platte?')" disk
expect_eq "its head in another form: Platten" "$(id 'Platten')" disk
expect_eq "the head of Versionsnummer" "$(id 'Welche Nummer?')" version
expect_eq "without the parts, Platte is a word the FAQ lacks" \
    "$(id --set use_parts=0 'die Platte?')" null
