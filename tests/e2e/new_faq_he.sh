# new_faq_he.sh: a Hebrew FAQ has a pack like the other languages, though
# libstemmer has no Hebrew stemmer: small talk in Hebrew, the bot's
# messages in Hebrew and written right to left on the page (text_dir), the
# pack's stop words (with the letters written onto them, "ומה", "שיש", as
# written: a stop word is matched whole), question words ranked but not
# weighed as content, general synonyms, and the Hebrew starter.
. "$ROOT/tests/e2e/lib.sh.inc"
field() { "$FAQBOT" ask --index "$1" --json "$2" | json "$3"; }

mkdir -p "$TMP/he/he"
cat > "$TMP/he/he/faq.md" <<'MD'
# הספרייה העירונית

## מתי הספרייה פתוחה? {#hours}
? מה שעות הפתיחה של הספרייה?

הספרייה פתוחה בימים א'-ה' בין 9:00 ל-20:00, וביום ו' בין 9:00 ל-13:00.

## כמה עולה כרטיס קורא? {#card}
? איך מקבלים כרטיס קורא?

הכרטיס הראשון בחינם. כרטיס חדש במקום כרטיס שאבד עולה 20 שקלים.

## איך מאריכים השאלה של ספרים? {#renew}

אפשר להאריך את ההשאלה בקטלוג המקוון עד שלוש פעמים, אם אף אחד לא הזמין את הספר.

## אפשר להדפיס בספרייה? {#print}
? כמה עולה הדפסה?

הדפסה עולה חצי שקל לעמוד. המדפסות בקומה השנייה.
MD
"$FAQBOT" index --corpus "$TMP/he" --out "$TMP/he.idx" 2> "$TMP/err" >/dev/null || fail "index he"
expect_eq "index he: no note of a missing pack" "$(grep -c 'no language pack' "$TMP/err")" "0"
F="$TMP/he.idx"
expect_eq "שלום is a greeting" "$(outcome "$F" "שלום")" "smalltalk hello"
expect_eq "... answered in Hebrew" "$(field "$F" "בוקר טוב" answer)" "שלום! איך אפשר לעזור?"
expect_eq "תודה is thanks" "$(outcome "$F" "תודה רבה")" "smalltalk thanks"
expect_eq "להתראות is goodbye" "$(outcome "$F" "להתראות")" "smalltalk bye"
expect_eq "declined in Hebrew" "$(field "$F" "איפה אפשר להחנות את הרכב" message)" \
    "מצטער, אין לי תשובה לשאלה הזאת."
dropped "the pack's stop words, with a letter written onto them" "$F" "רציתי לדעת אם יש לכם מדפסת" רציתי לדעת יש
explained "the pack's question words" "$F" "מתי הספרייה פתוחה" 'exact term "מתי" (he) x0.50'
explained "the pack's synonyms: מחיר is עולה" "$F" "מחיר הדפסה" 'synonym term "עולה" (he)'
expect_eq "the pack's synonyms: מחיר is עולה" "$(outcome "$F" "מחיר הדפסה")" "answer print"
expect_eq "the Hebrew starter" "$(starter_outcome he "באיזו שעה אפשר להתקשר")" "answer hours"

# the page's texts: Hebrew, written from the right
start_server "$F"
curl -s "${URL}api/messages?lang=he" > "$TMP/msgs"
expect_eq "/api/messages?lang=he: texts in Hebrew" "$(json text_lang < "$TMP/msgs")" "he"
expect_eq "/api/messages?lang=he: right to left" "$(json text_dir < "$TMP/msgs")" "rtl"
stop_server
