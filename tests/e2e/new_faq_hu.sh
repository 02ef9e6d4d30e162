# new_faq_hu.sh: a Hungarian FAQ has a pack like the other languages: small
# talk in Hungarian, the bot's messages in Hungarian, the pack's stop words
# (the forms of tud, lehet, szeretne and the pronouns in their cases, the
# split question particle "-e"), question words ranked but not weighed as
# content, general synonyms, and the Hungarian starter.
. "$ROOT/tests/e2e/lib.sh.inc"
field() { "$FAQBOT" ask --index "$1" --json "$2" | json "$3"; }

mkdir -p "$TMP/hu/hu"
cat > "$TMP/hu/hu/faq.md" <<'MD'
# Városi könyvtár

## Mikor van nyitva a könyvtár? {#nyitvatartas}
? Mi a könyvtár nyitvatartása?

A könyvtár hétfőtől péntekig 9 és 20 óra között, szombaton 10 és 14 óra között van nyitva.

## Mennyibe kerül az olvasójegy? {#olvasojegy}
? Hogyan kaphatok olvasójegyet?

Az első olvasójegy ingyenes. Az elveszett helyett kiállított új jegy díja 500 forint.

## Hogyan hosszabbíthatom meg a kölcsönzést? {#hosszabbitas}
? Tovább tarthatom a könyveket?

A kölcsönzést az online katalógusban legfeljebb háromszor hosszabbíthatja meg, ha nincs rá előjegyzés.

## Hol adhatom vissza a könyveket, ha zárva van a könyvtár? {#visszahozas}

A főbejárat mellett könyvvisszadobó van, éjjel-nappal használható.

## Lehet nyomtatni a könyvtárban? {#nyomtatas}

A nyomtatás ára oldalanként 50 forint. A nyomtatók az első emeleten vannak.

## Van wifi a könyvtárban? {#wifi}

A könyvtárban ingyenes, jelszó nélküli wifi van.
MD
"$FAQBOT" index --corpus "$TMP/hu" --out "$TMP/hu.idx" >/dev/null || fail "index hu"
F="$TMP/hu.idx"
expect_eq "szia is a greeting" "$(outcome "$F" "szia")" "smalltalk hello"
expect_eq "... answered in Hungarian" "$(field "$F" "jó napot" answer)" "Jó napot! Miben segíthetek?"
expect_eq "köszi is thanks" "$(outcome "$F" "köszi")" "smalltalk thanks"
expect_eq "viszlát is goodbye" "$(outcome "$F" "viszlát")" "smalltalk bye"
expect_eq "declined in Hungarian" "$(field "$F" "hol tudok parkolni az autóval" message)" \
    "Sajnálom, erre a kérdésre nincs válaszom."
dropped "the pack's stop words, -e split" "$F" "szeretném tudni hogy nekem vissza lehet-e adni a könyveket" szeretnem tudni hogy nekem lehet e
"$FAQBOT" ask --index "$F" --explain "hol adhatom vissza a konyveket" | grep -q 'exact term "hol" (hu) x0.50' ||
    fail "hol is no question word"
ok "the pack's question words"
"$FAQBOT" ask --index "$F" --explain "mennyi a nyomtatás költsége" | grep -q 'synonym term "ar" (hu)' ||
    fail "költség is no synonym of ár"
expect_eq "the pack's synonyms: költség is ár" "$(outcome "$F" "mennyi a nyomtatás költsége")" "answer nyomtatas"
expect_eq "the Hungarian starter" "$(starter_outcome hu "mikor vagytok nyitva")" "answer hours"
