# compound_parts.sh: a German FAQ (the German pack says "!compounds"), with
# the system's German dictionary (hunspell-de-de, tools/install-deps): a
# question's simple word finds the entry whose text holds it only inside a
# compound ("Platte" the "Festplatte", "Nummer" the "Versionsnummer"), and
# does not with the parts switched off (--set use_parts=0).
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts de_DE.dic hunspell-de-de
mkdir -p "$TMP/c/de"
cat >"$TMP/c/de/faq.md" <<'MD'
## Wie viel Speicher braucht die Festplatte? {#disk}

Zwanzig Gigabyte reichen für ein Desktop-System.

## Wo steht die Versionsnummer? {#version}

In der Datei /etc/debian_version.

## Wann kommt die Zeitung? {#paper}

Jeden Morgen um sieben.
MD
index_faq "$TMP/c"
expect_eq "a compound's head: Platte finds the Festplatte" "$(answer_id 'die Platte?')" disk
expect_eq "its head in another form: Platten" "$(answer_id 'Platten')" disk
expect_eq "the head of Versionsnummer" "$(answer_id 'Welche Nummer?')" version
expect_eq "without the parts, Platte is a word the FAQ lacks" \
    "$(answer_id --set use_parts=0 'die Platte?')" null

# The question's own compound: "Versionsnummer", which the FAQ holds, is
# searched as itself, not as the "Version" it holds elsewhere; one the FAQ
# lacks ("Zeitungsversion") by its parts (use_every_part), in one slot
# (use_compound_slots=0: else the two words the FAQ holds are a slot each,
# compound_runs.sh).
mkdir -p "$TMP/q/de"
cat >"$TMP/q/de/faq.md" <<'MD'
## Wo steht die Versionsnummer? {#version}

In der Datei /etc/debian_version.

## Welche Version läuft gerade? {#running}

Das sagt der Befehl uname.

## Wann kommt die Zeitung? {#paper}

Jeden Morgen um sieben, ihr Bestand an Anzeigen als eigener Teil.
MD
"$FAQBOT" index --corpus "$TMP/q" --out "$TMP/q.idx" >/dev/null || fail "index"
parts() { "$FAQBOT" ask --index "$TMP/q.idx" --explain --set use_compound_slots=0 "$@" |
    grep -c 'compound-part term "version"'; }
expect_eq "the FAQ's compound as itself" "$(parts 'Welche Versionsnummer läuft?')" 0
expect_eq "a compound the FAQ lacks, by its parts" "$(parts 'Zeitungsversion')" 1
expect_eq "a word the dictionary holds on its own is not split, though the FAQ holds its parts" \
    "$("$FAQBOT" ask --index "$TMP/q.idx" --explain 'Bestandteil' | grep -c 'compound-part term "\(bestand\|teil\)"')" 0

# A compound the dictionary lists as a word of its own ("Tischkreissäge")
# is no compound to the splitter above, but a noun of nouns still names a
# kind of its head: its heads ("Kreissäge", "Säge") are posted too, under
# their own weight (w_part_listed_head). A listed word that is no noun
# ("vollständig": "voll" + "ständig") is not read as a compound.
mkdir -p "$TMP/l/de"
cat >"$TMP/l/de/faq.md" <<'MD'
## Was steht in der Holzwerkstatt? {#wood}

Eine Tischkreissäge und eine Drechselbank.

## Ist die Liste vollständig? {#list}

Ja, seit gestern.

## Wann kommt die Zeitung? {#paper}

Jeden Morgen um sieben.
MD
index_faq "$TMP/l"
expect_eq "a listed compound's head: Kreissäge finds the Tischkreissäge" \
    "$(answer_id 'gibt es eine Kreissäge')" wood
expect_eq "... and its last part: Säge" "$(answer_id 'eine Säge?')" wood
expect_eq "without the listed heads, Kreissäge is a word the FAQ lacks" \
    "$(answer_id --set w_part_listed_head=0 'gibt es eine Kreissäge')" null
expect_eq "a listed word that is no noun is not split: ständig" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain 'ständig' | grep -c 'compound-part term')" 0

# Misreadings a decompounder must not make. A listed noun with no plural
# where its head is a noun with one is a name or a word of its own, no
# kind of its head ("Frankreich" is no "Reich": the German pack's
# "!plurals"); a split whose head is a stop word names no thing
# ("Installer" as "Inst" + "aller"). Both fail on the base.
mkdir -p "$TMP/m/de"
cat >"$TMP/m/de/faq.md" <<'MD'
## Wo steht der Server in Frankreich? {#france}

In Paris, seit gestern.

## Wo finde ich den Installer? {#installer}

Auf der ersten CD.

## Wann kommt die Zeitung? {#paper}

Jeden Morgen um sieben.
MD
index_faq "$TMP/m"
expect_eq "a name is no compound: Reich does not find Frankreich" "$(answer_id 'Was ist ein Reich?')" null
expect_eq "... nor is it a compound part" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain 'das Reich' | grep -c 'compound-part term')" 0
expect_eq "Frankreich still finds itself" "$(answer_id 'Server in Frankreich')" france
expect_eq "a stop word is no head: Installer is not Inst + aller" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain 'inst' | grep -c 'compound-part term')" 0
expect_eq "Installer still finds itself" "$(answer_id 'der Installer')" installer

# A derivational suffix is no head (the German pack's "!suffixes"):
# "Gemeinschaft" is no kind of "Schaft", "Kombination" no "Nation", nor
# with its plural's ending. Fails on the base.
mkdir -p "$TMP/s/de"
cat >"$TMP/s/de/faq.md" <<'MD'
## Wie werde ich Teil der Gemeinschaft? {#community}

Über das Formular auf der Startseite.

## Welche Kombination gilt für das Schloss? {#lock}

Die Zahlen stehen auf der Rückseite.

## Wann kommt die Zeitung? {#paper}

Jeden Morgen um sieben.
MD
index_faq "$TMP/s"
expect_eq "a suffix is no head: Schaft does not find Gemeinschaft" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain 'der Schaft' | grep -c 'compound-part term')" 0
expect_eq "... nor Nation Kombination" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain 'die Nationen' | grep -c 'compound-part term')" 0
expect_eq "Gemeinschaft still finds itself" "$(answer_id 'die Gemeinschaft')" community

# A compound of parts the dictionary holds for compounds alone: de_DE lists
# "Elektro" only with compound flags, so no split into words finds
# "Elektroauto"; Hunspell reads it as a compound and names its last part,
# and the question's word the FAQ lacks is searched by that head, "Auto"
# (use_flagged_parts). A compound of words ("Autoschlüssel") is the
# dictionary split's, off here (use_every_part below). Fails on the base.
mkdir -p "$TMP/f/de"
cat >"$TMP/f/de/faq.md" <<'MD'
## Wo parke ich das Auto? {#parking}

Auf den markierten Plätzen vor dem Bahnhof.

## Wie lange darf ich es behalten? {#return}

Bis zum Ende der Buchung; den Schlüssel geben Sie am Schalter ab.

## Wann kommt die Zeitung? {#paper}

Jeden Morgen um sieben.
MD
index_faq "$TMP/f"
flagged() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain "$@" | grep -c 'compound-part term "auto"'; }
expect_eq "a compound of flagged parts, by its head: Elektroauto as Auto" "$(flagged 'Elektroauto')" 1
expect_eq "... and it finds the entry" "$(answer_id 'Elektroauto?')" parking
expect_eq "without the switch, Elektroauto is a word the FAQ lacks" \
    "$(flagged --set use_flagged_parts=0 'Elektroauto')" 0
expect_eq "... and declined" "$(answer_id --set use_flagged_parts=0 'Elektroauto?')" null
expect_eq "a compound of words is not split so: Autoschlüssel" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain --set use_every_part=0 'Autoschlüssel' | grep -c 'compound-part term')" 0

# A question's compound the FAQ lacks, searched by the dictionary's parts
# only when the FAQ holds every one as a word (use_every_part, as Lucene's
# dictionary decompounder): "Versandkosten" of a FAQ holding "Versand" and
# "Kosten" is answered; "Steuererklärung" of one holding "Erklärung" and
# only the verb "steuern" (the same stem) is another topic, not searched by
# its parts. Fails on the base.
mkdir -p "$TMP/e/de"
cat >"$TMP/e/de/faq.md" <<'MD'
## Was kostet der Versand? {#shipping}

Die Kosten für den Versand innerhalb Deutschlands betragen fünf Euro.

## Wie melde ich mich an? {#account}

Mit Ihrer E-Mail-Adresse und einer Erklärung zum Datenschutz.

## Wann kommt die Zeitung? {#paper}

Jeden Morgen um sieben; der Bote darf sein Rad selbst steuern.
MD
index_faq "$TMP/e"
# (one slot of the parts: use_compound_slots=0, else a slot of each word)
every() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain --set use_compound_slots=0 "$@" |
    grep -c 'compound-part term'; }
expect_eq "every part held: Versandkosten as Versand and Kosten" "$(every 'Versandkosten')" 2
expect_eq "... and it finds the entry" "$(answer_id 'Versandkosten?')" shipping
expect_eq "without the switch, Versandkosten is a word the FAQ lacks" \
    "$(answer_id --set use_every_part=0 'Versandkosten?')" null
expect_eq "a part held only as a stem: Steuererklärung not searched by its parts" \
    "$(every 'Steuererklärung')" 0
expect_eq "... and declined" "$(answer_id 'Steuererklärung?')" null
expect_eq "every part by its stem (every_part_form=2) searches it so" \
    "$(every --set every_part_form=2 'Steuererklärung')" 2

# The head (the compound's last part, its topic) counts as held where the
# FAQ says it only as another word of its stem (every_part_form=1): the
# question's "Gepäckaufbewahrung" of a FAQ that holds "Gepäck" and the verb
# "aufbewahren". A modifier still needs its word: a part the FAQ lacks
# ("Fahrrad") is another topic. Fails on the base.
mkdir -p "$TMP/h/de"
cat >"$TMP/h/de/faq.md" <<'MD'
## Kann ich mein Gepäck bei Ihnen aufbewahren? {#luggage}

Ja, an der Rezeption bis zum Abend.

## Wann kommt die Zeitung? {#paper}

Jeden Morgen um sieben.
MD
index_faq "$TMP/h"
expect_eq "the head by its stem: Gepäckaufbewahrung as Gepäck and aufbewahren" \
    "$(every 'Gepäckaufbewahrung')" 2
expect_eq "... and it finds the entry" "$(answer_id 'Gepäckaufbewahrung?')" luggage
expect_eq "each part as a word only (every_part_form=0): declined" \
    "$(answer_id --set every_part_form=0 'Gepäckaufbewahrung?')" null
expect_eq "a modifier the FAQ lacks: Fahrradaufbewahrung declined" \
    "$(answer_id 'Fahrradaufbewahrung?')" null
