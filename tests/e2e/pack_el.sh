# pack_el.sh: Greek has a pack (lang/el). A small bakery's FAQ written here
# in Greek: a Greek question typed without accents is answered with its
# entry, "γεια σου" is small talk answered in Greek, a question typed in
# Latin letters ("Greeklish", "8" for "θ") finds its entry and is answered in
# Greek, a declined question is told so with the pack's text, and the
# pack's stop words ("θα ήθελα να ... μου") are not counted. Fails on the
# base, where Greek had no pack: small talk declined, the bot's texts in
# English, the stop and question words guessed from the entries.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/el"
cat >"$TMP/c/el/faq.md" <<'MD'
## Πότε είναι ανοιχτός ο φούρνος; {#hours}

Από Δευτέρα έως Σάββατο, 7:00 έως 19:00. Την Κυριακή είμαστε κλειστά.

## Μπορώ να παραγγείλω τούρτα γενεθλίων; {#cake}

Ναι, τις τούρτες τις παραγγέλνετε τηλεφωνικά δύο μέρες πριν.

## Κάνετε παράδοση στο σπίτι; {#delivery}

Παραδίδουμε ψωμί και γλυκά στη γειτονιά για παραγγελίες άνω των 15 ευρώ.

## Έχετε ψωμί χωρίς γλουτένη; {#gluten}

Ψήνουμε ψωμί χωρίς γλουτένη κάθε Τετάρτη και Παρασκευή.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err" || fail "index"
expect_eq "index: no note of a missing pack" "$(grep -c 'no language pack' "$TMP/err")" 0

pack_text() { sed -n "s/^$1 = //p" "$ROOT/lang/el/messages.txt"; }
ask_json() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$1" >"$TMP/out" || fail "ask $1"; }

# a Greek question, typed without accents
ask_json "θελω να παραγγειλω μια τουρτα"
expect_eq "el question: its entry" "$(json id <"$TMP/out")" cake
expect_eq "el question: in Greek" "$(json lang <"$TMP/out")" el

# small talk, in Greek
ask_json "γεια σου"
expect_eq "el hello: small talk" "$(json id <"$TMP/out")" hello
expect_eq "el hello: in Greek" "$(json lang <"$TMP/out")" el
expect_match "el hello: the pack's greeting" "$(json answer <"$TMP/out")" '^Γεια σας'
expect_eq "el thanks" "$(answer_id 'ευχαριστω πολυ')" thanks

# typed in Latin letters
ask_json "exete psomi xoris glouteni"
expect_eq "Greeklish: its entry" "$(json id <"$TMP/out")" gluten
expect_eq "Greeklish: answered in Greek" "$(json lang <"$TMP/out")" el
expect_eq "Greeklish with 8 for θ" "$(answer_id '8elw tourta genethlion')" cake

# the bot's own text in Greek
ask_json "πώς πάω στο φεγγάρι"
expect_eq "el off-topic: declined" "$(json id <"$TMP/out")" null
expect_eq "el decline: the pack's text" "$(json message <"$TMP/out")" "$(pack_text decline)"

# stop words are not counted
dropped "el: the pack's stop words" "$TMP/faq.idx" "θα ήθελα να μου πείτε για την τούρτα" θα ηθελα να μου πειτε για την
