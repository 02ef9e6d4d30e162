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
index_packed "$TMP/c"

# a Greek question, typed without accents
expect_answer "el question" "θελω να παραγγειλω μια τουρτα" cake el

# small talk, in Greek
expect_answer "el hello" "γεια σου" hello el
expect_match "el hello: the pack's greeting" "$(json answer <"$TMP/out")" '^Γεια σας'
expect_eq "el thanks" "$(answer_id 'ευχαριστω πολυ')" thanks

# typed in Latin letters
expect_answer "Greeklish" "exete psomi xoris glouteni" gluten el
expect_eq "Greeklish with 8 for θ" "$(answer_id '8elw tourta genethlion')" cake

# the bot's own text in Greek
ask_json "πώς πάω στο φεγγάρι"
expect_eq "el off-topic: declined" "$(json id <"$TMP/out")" null
expect_eq "el decline: the pack's text" "$(json message <"$TMP/out")" "$(pack_text el decline)"

# stop words are not counted
dropped "el: the pack's stop words" "$TMP/faq.idx" "θα ήθελα να μου πείτε για την τούρτα" θα ηθελα να μου πειτε για την
