# pack_ar.sh: Arabic has a pack (lang/ar), and Arabic is read as it is typed.
# A civil registry's FAQ in Arabic and French, as a North African public
# service publishes it, written here: a question typed with the short vowels
# (tashkeel), drawn out with the tatweel, with a bare alef for أ, heh for the
# teh marbuta, yeh for the alef maqsura, or Arabic-Indic digits meets the
# entry as written; greetings and thanks are small talk in Arabic, typed in
# Arabic letters or in Latin ones; a declined question is told so in Arabic;
# the polite frame ("من فضلك أريد أن أعرف") is stop words; Arabic typed in
# Latin letters ("kifach njded jawaz safar") is read by its consonants; a
# Persian or Urdu question is no Arabic one. Fails on the base,
# which had no Arabic pack (small talk declined, the bot's texts in English)
# and read "كيـــف" and "الاقامه" as other words than "كيف" and "الإقامة".
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap 'stop_server' EXIT
mkdir -p "$TMP/c/ar" "$TMP/c/fr"
cat >"$TMP/c/ar/faq.md" <<'MD'
## كيف أجدد جواز السفر؟ {#passport}

قدم طلب التجديد في البلدية مع بطاقة التعريف وصورتين. المدة ١٥ يوما.

## كم تكلفة بطاقة الإقامة؟ {#fee}

الرسم ٥٠٠ دينار، يدفع بطابع جبائي.

## ما هي أوقات العمل؟ {#hours}

من الأحد إلى الخميس، من الساعة ٨ صباحا إلى ٤ مساء.

## كيف أسجل مولودا جديدا؟ {#birth}

يجب التصريح بالولادة خلال ٥ أيام مع شهادة الطبيب ودفتر العائلة.

## كم مدة صلاحية بطاقة الإقامة؟ {#validity}

سنتان، وتجدد قبل انتهائها بشهر.
MD
cat >"$TMP/c/fr/faq.md" <<'MD'
## Comment renouveler mon passeport ? {#passport}

Déposez la demande à la mairie avec la carte d'identité et deux photos.

## Combien coûte la carte de séjour ? {#fee}

500 dinars, payés par timbre fiscal.

## Quels sont les horaires d'ouverture ? {#hours}

Du dimanche au jeudi, de 8 h à 16 h.

## Comment déclarer une naissance ? {#birth}

Dans les 5 jours, avec le certificat du médecin et le livret de famille.

## Quelle est la durée de validité de la carte de séjour ? {#validity}

Deux ans ; renouvelez-la un mois avant l'expiration.
MD
index_packed "$TMP/c"
# answered QUESTION ID LANG: the entry (or small talk) ID, in LANG
answered() { expect_answer "$1" "$1" "$2" "$3"; }
# score QUESTION: the answer's score, to compare spellings of one question
score() { "$FAQBOT" ask --index "$TMP/faq.idx" --json "$1" | json score; }

# as the FAQ writes it, and as it is typed
answered "كيف أجدد جواز السفر؟" passport ar
answered "كَيْفَ أُجَدِّدُ جَوَازَ السَّفَرِ؟" passport ar
answered "كيـــف اجدد جـــواز السفر" passport ar
expect_eq "the tatweel: the same question" "$(score "كيـــف اجدد جـــواز السفر")" \
    "$(score "كيف أجدد جواز السفر؟")"
answered "كم تكلفه بطاقه الاقامه" fee ar
expect_eq "heh for teh marbuta: the same question" "$(score "كم تكلفه بطاقه الاقامه")" \
    "$(score "كم تكلفة بطاقة الإقامة")"
expect_eq "yeh for alef maqsura: a word of the FAQ" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --explain "من الاحد الي الخميس" | grep -c 'unknown to the FAQ')" 0
answered "هل الرسم ٥٠٠ دينار" fee ar
answered "هل الرسم 500 دينار" fee ar
answered "Comment renouveler mon passeport ?" passport fr

# small talk, in Arabic letters and in Latin ones
answered "السلام عليكم" hello ar
answered "شكرا جزيلا" thanks ar
answered "salam" hello ar
answered "bonjour" hello fr

# the bot's own text in Arabic
expect_answer "ar off-topic: declined" "كيف أذهب إلى القمر بالقطار" null null
expect_eq "ar decline: the pack's text" "$(json message <"$TMP/out")" "$(pack_text ar decline)"

# Arabic typed in Latin letters, the digits for ع ح ق: read by the
# consonants (with the switch off, declined)
answered "kifach njded jawaz safar" passport ar
answered "chhal modda dyal bita9at l i9ama" validity ar
expect_eq "arabizi off: declined" "$("$FAQBOT" ask --index "$TMP/faq.idx" --json \
    --set use_translit_arabic=0 "kifach njded jawaz safar" | json id)" null

# Persian and Urdu, in letters Arabic does without, are no Arabic: declined
# in English, naming the FAQ's languages, not in Arabic; one such letter of
# a dialect ("شگد", Iraqi "how much") leaves a question Arabic
for q in "چگونه پاسپورت را تمدید کنم؟" "پاسپورٹ کی تجدید کیسے کروں"; do
    expect_answer "not Arabic" "$q" null null
    expect_eq "not Arabic: $q" "$(json query_lang <"$TMP/out")" en
    expect_match "the FAQ's languages named: $q" "$(json message <"$TMP/out")" "French"
done
answered "شگد تكلفة بطاقة الإقامة" fee ar

# the polite frame is stop words, the question word a question word
dropped "ar: the pack's stop words" "$TMP/faq.idx" "من فضلك أريد أن أعرف كيف أسجل مولودا جديدا" فضلك اريد ان اعرف
answered "من فضلك أريد أن أعرف كيف أسجل مولودا جديدا" birth ar

# the page read from the right before any script runs, the chat page and the
# answer page without JavaScript alike; a French one from the left
start_server "$TMP/faq.idx" --web "$ROOT/web"
page=$(curl -s -H 'Accept-Language: ar' "$URL")
expect_match "the chat page in Arabic: right to left" "$page" '<html lang="ar" dir="rtl">'
printf '%s' "$page" | grep -q '{{' && fail "the page keeps a {{key}}"
expect_match "the page without JavaScript: right to left" \
    "$(curl -s -G -H 'Accept-Language: ar' --data-urlencode 'q=كم تكلفة بطاقة الإقامة؟' "${URL}ask")" \
    '<html lang="ar" dir="rtl">'
expect_match "the chat page in French: left to right" "$(curl -s -H 'Accept-Language: fr' "$URL")" \
    '<html lang="fr">'
expect_match "a French question's page without JavaScript: left to right" \
    "$(curl -s -G -H 'Accept-Language: ar' --data-urlencode 'q=Combien coûte la carte de séjour ?' "${URL}ask")" \
    '<html lang="fr">'
