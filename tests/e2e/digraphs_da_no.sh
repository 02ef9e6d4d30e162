# digraphs_da_no.sh: Danish and Norwegian asked without æ, ø and å on the
# keyboard ("laane", "soeg", "paa"), as their packs' !digraphs lines read
# them; a Norwegian question told from Danish by Bokmål's n-gram model
# (libexttextcat's "nb", not "no"); Danish's thesaurus found under the name
# mythes-da gives it (th_da_DK, no "_v2").
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/da/da"
cat > "$TMP/da/da/faq.md" <<'MD'
# Byens Bibliotek

## Hvornår har biblioteket åbent? {#hours}

Hele huset har åbent mandag til fredag fra 10 til 19 og lørdag fra 10 til 14.

## Hvor længe må jeg låne en bog? {#loan}

Bøger lånes i fire uger. Du kan forny lånet to gange på hjemmesiden.

## Hvad koster det at aflevere en bog for sent? {#fine}

Gebyret er 20 kroner pr. bog for den første uge.

## Kan jeg reservere en bog? {#reserve}

Du reserverer bøger på hjemmesiden og får besked, når bogen kan hentes.

## Hvordan søger jeg i kataloget? {#search}

Søg på titel, forfatter eller emne i søgefeltet øverst på hjemmesiden.

## Kan jeg få en bolig i nærheden? {#housing}

Nej, biblioteket udlejer ikke boliger; spørg kommunens boligkontor.
MD
"$FAQBOT" index --corpus "$TMP/da" --out "$TMP/da.idx" >/dev/null || fail "index da"
D="$TMP/da.idx"
expect_eq "aa, ae for å, æ: laane, laenge" "$(outcome "$D" "hvor laenge maa jeg laane en bog")" \
    "answer loan"
expect_eq "oe for ø: soeger" "$(outcome "$D" "hvordan soeger jeg efter en bog")" "answer search"
expect_eq "the same, written with ø" "$(outcome "$D" "hvordan søger jeg efter en bog")" "answer search"
"$FAQBOT" ask --index "$D" --explain "hvornaar har I aabent" | grep -q 'exact term "abent" (da)' ||
    fail "aabent is not read as åbent"
ok "aabent is åbent"
if [ -f /usr/share/mythes/th_da_DK.idx ]; then
    "$FAQBOT" ask --index "$D" --explain "kan jeg leje et hus" | grep -q 'thesaurus term "bol" (da)' ||
        fail "hus does not reach bolig through mythes-da's th_da_DK"
    ok "Danish's thesaurus, named without _v2"
else
    echo "skip: mythes-da is not installed"
fi

mkdir -p "$TMP/no/no"
cat > "$TMP/no/no/faq.md" <<'MD'
# Fjordbyen camping

## Når åpner campingplassen? {#season}

Campingplassen er åpen fra 1. mai til 30. september.

## Er det strøm på plassene? {#power}

Alle plasser for bobil og campingvogn har strøm. Strømmen koster 50 kroner døgnet.

## Hvor kan jeg kjøpe ved til bål? {#firewood}

Resepsjonen selger ved i sekker. Bål er bare lov i bålpannene ved stranda.

## Når må vi reise fra plassen? {#checkout}

Plassen må forlates innen klokka 12 på avreisedagen.
MD
"$FAQBOT" index --corpus "$TMP/no" --out "$TMP/no.idx" >/dev/null || fail "index no"
N="$TMP/no.idx"
expect_eq "oe for ø: stroem" "$(outcome "$N" "har dere stroem")" "answer power"
expect_eq "aa for å: aapner" "$(outcome "$N" "naar aapner dere")" "answer season"

# both languages in one FAQ: a Norwegian question with words of neither's
# entries goes to the n-gram models, which must know Norwegian
mkdir -p "$TMP/dano/da" "$TMP/dano/no"
cp "$TMP/da/da/faq.md" "$TMP/dano/da/"
cp "$TMP/no/no/faq.md" "$TMP/dano/no/"
"$FAQBOT" index --corpus "$TMP/dano" --out "$TMP/dano.idx" >/dev/null || fail "index da+no"
expect_eq "a Norwegian question told as Norwegian" \
    "$("$FAQBOT" ask --index "$TMP/dano.idx" --json "jeg skal flytte til ny leilighet" | json query_lang)" no
expect_eq "a Danish one with a Danish word as Danish" \
    "$("$FAQBOT" ask --index "$TMP/dano.idx" --json "hvad koster en ny lejlighed" | json query_lang)" da
