# new_faq_cs.sh: a Czech FAQ has a pack like the other languages, stemmer
# or none: small talk in Czech, the bot's messages in Czech, the pack's stop
# words (the forms of moci and chtít, each as written: a stop word is
# matched whole, not by the five-letter fallback; "byt", a flat, is no
# stop word though "být" is its unmarked twin), question words ranked but
# not weighed as content, general synonyms, and the Czech starter.
. "$ROOT/tests/e2e/lib.sh.inc"
field() { "$FAQBOT" ask --index "$1" --json "$2" | json "$3"; }

mkdir -p "$TMP/cs/cs"
cat > "$TMP/cs/cs/faq.md" <<'MD'
# Městská knihovna

## Kdy má knihovna otevřeno? {#hodiny}
? Jaká je otevírací doba knihovny?

Knihovna je otevřená od pondělí do pátku od 9:00 do 20:00, v sobotu od 10:00 do 14:00.

## Kolik stojí čtenářský průkaz? {#prukaz}
? Jak získám čtenářský průkaz?

První průkaz je zdarma. Nový průkaz místo ztraceného stojí 50 Kč.

## Jak prodloužím výpůjčku? {#prodlouzeni}
? Můžu si knihy nechat déle?

Výpůjčku prodloužíte v online katalogu nejvýše třikrát, pokud knihu nikdo nerezervoval.

## Kam vrátím knihy, když je zavřeno? {#schranka}

U hlavního vchodu je biblioschránka, přístupná ve dne i v noci.

## Můžu v knihovně tisknout? {#tisk}

Tisk stojí 3 Kč za stránku. Tiskárny jsou ve druhém patře.

## Půjčujete knihy do bytu seniorům? {#donaska}

Knihy seniorům a lidem se zdravotním postižením doneseme domů jednou za měsíc.
MD
"$FAQBOT" index --corpus "$TMP/cs" --out "$TMP/cs.idx" 2> "$TMP/err" >/dev/null || fail "index cs"
expect_eq "index cs: no note of a missing pack" "$(grep -c 'no language pack' "$TMP/err")" "0"
F="$TMP/cs.idx"
expect_eq "ahoj is a greeting" "$(outcome "$F" "ahoj")" "smalltalk hello"
expect_eq "... answered in Czech" "$(field "$F" "dobry den" answer)" "Dobrý den! S čím vám mohu pomoci?"
expect_eq "díky is thanks" "$(outcome "$F" "diky moc")" "smalltalk thanks"
expect_eq "na shledanou is goodbye" "$(outcome "$F" "na shledanou")" "smalltalk bye"
expect_eq "declined in Czech" "$(field "$F" "kde můžu zaparkovat auto" message)" \
    "Omlouvám se, na tuto otázku nemám odpověď."
dropped "the pack's stop words, typed without marks" "$F" "chtel bych vedet jestli muzu vratit knihy" chtel vedet muzu
explained "byt, a flat, is weighed" "$F" "byt" 'word "byt"'
explained "the pack's question words" "$F" "kam vratim knihy" 'exact term "kam" (cs) x0.50'
explained "the pack's synonyms: stojí is cena" "$F" "cena tisku stranky" 'synonym term "stoji" (cs)'
expect_eq "the pack's synonyms: stojí is cena" "$(outcome "$F" "cena tisku stranky")" "answer tisk"
expect_eq "the Czech starter" "$(starter_outcome cs "kdy mate otevreno")" "answer hours"
