# new_faq_ro.sh: a Romanian FAQ has a pack like the other languages: small
# talk in Romanian, the bot's messages in Romanian, the pack's stop words
# (the forms of a putea and a vrea, the split "mi-a"), question words ranked
# but not weighed as content, general synonyms, and the Romanian starter.
. "$ROOT/tests/e2e/lib.sh.inc"
field() { "$FAQBOT" ask --index "$1" --json "$2" | json "$3"; }

mkdir -p "$TMP/ro/ro"
cat > "$TMP/ro/ro/faq.md" <<'MD'
# Biblioteca orășenească

## Care este programul bibliotecii? {#program}
? Când este deschisă biblioteca?

Biblioteca este deschisă de luni până vineri între 9:00 și 20:00 și sâmbăta între 10:00 și 14:00.

## Cât costă permisul de cititor? {#permis}
? Cum obțin un permis de cititor?

Primul permis de cititor este gratuit. Un permis nou în locul celui pierdut costă 5 lei.

## Cum prelungesc împrumutul? {#prelungire}
? Pot păstra cărțile mai mult timp?

Puteți prelungi împrumutul online de cel mult trei ori, dacă nu sunt rezervări.

## Unde returnez cărțile când biblioteca este închisă? {#returnare}

Lângă ușa principală este o cutie de returnare, deschisă zi și noapte.

## Pot tipări documente la bibliotecă? {#tiparire}

Tipărirea costă 50 de bani pe pagină. Imprimantele sunt la etajul doi.

## Aveți internet wireless? {#wifi}

Biblioteca are rețea wireless gratuită, fără parolă.
MD
"$FAQBOT" index --corpus "$TMP/ro" --out "$TMP/ro.idx" >/dev/null || fail "index ro"
F="$TMP/ro.idx"
expect_eq "salut is a greeting" "$(outcome "$F" "salut")" "smalltalk hello"
expect_eq "... answered in Romanian" "$(field "$F" "bună ziua" answer)" "Bună ziua! Cu ce vă pot ajuta?"
expect_eq "mersi mult is thanks" "$(outcome "$F" "mersi mult")" "smalltalk thanks"
expect_eq "la revedere is goodbye" "$(outcome "$F" "la revedere")" "smalltalk bye"
expect_eq "declined in Romanian" "$(field "$F" "unde pot parca mașina" message)" \
    "Îmi pare rău, nu am un răspuns la această întrebare."
dropped "the pack's stop words, mi-a split" "$F" "vreau să știu dacă pot returna cărțile mi-a zis cineva" vreau pot mi
"$FAQBOT" ask --index "$F" --explain "unde returnez cartile" | grep -q 'exact term "unde" (ro) x0.50' ||
    fail "unde is no question word"
ok "the pack's question words"
"$FAQBOT" ask --index "$F" --explain "care e tariful la tiparire" | grep -q 'synonym term "cost" (ro)' ||
    fail "tarif is no synonym of cost"
expect_eq "the pack's synonyms: tarif is cost" "$(outcome "$F" "care e tariful la tiparire")" "answer tiparire"
expect_eq "the Romanian starter" "$(starter_outcome ro "cand sunteti deschisi")" "answer hours"
