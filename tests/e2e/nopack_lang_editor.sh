# nopack_lang_editor.sh: an editor starting a FAQ in a language libstemmer
# stems and faqbot has no pack for (Indonesian): init starts its folder with
# an English sample entry rather than refusing it, the file's comment
# asking for Indonesian questions and saying what the language lacks (it
# said "in English" and spoke of a pack there is none of), and init and index say what
# the language lacks (small talk, the bot's texts, synonyms, stop words)
# and the files of its folder that would give it; a folder that gives
# them all, and a language with a pack, are told nothing. A language
# written without spaces between words (Japanese) is refused, by init and
# by index, with the folder named as a folder and the reason (a language
# libstemmer does not stem written with spaces, as Polish, indexes:
# unstemmed_lang.sh).
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" init "$TMP/id1" --lang id > "$TMP/out" 2>&1
expect_eq "init id: done" "$?" "0"
out=$(cat "$TMP/out")
expect_match "init id: the sample is English, to replace" "$out" 'id1/id/faq\.md: its sample entry in English .*replace it'
expect_match "init id: what the language lacks" "$out" 'no language pack for "id": no small talk .*the bot.s texts in English'
expect_match "init id: the files that give it" "$out" 'id1/id/ may hold its own smalltalk\.md, messages\.txt, synonyms\.txt and stopwords\.txt'
# the file's own comment: it said "Your FAQ's questions in English" and that
# the bot's texts and small talk "come from faqbot's language pack"
faq=$(cat "$TMP/id1/id/faq.md")
expect_match "init id: the file asks for questions in Indonesian" "$faq" "Your FAQ's questions in Indonesian\."
expect_match "init id: the file says its sample is English, to replace" "$faq" 'the sample entry below is an English one, to replace with'
expect_match "init id: the file says there is no pack" "$faq" 'faqbot has no language pack for Indonesian: the bot.s texts are in'
expect_eq "init id: the file claims no pack nor questions in English" \
    "$(grep -c -E "questions in English|come from faqbot's language pack" "$TMP/id1/id/faq.md")" "0"
expect_match "init id: the language named" "$out" 'no starter text in Indonesian\)'
"$FAQBOT" index --corpus "$TMP/id1" --out "$TMP/faq.idx" > /dev/null 2>&1
expect_eq "the started folder indexes" "$?" "0"
expect_match "its sample entry answers" "$("$FAQBOT" ask --index "$TMP/faq.idx" 'When are you open?')" 'Monday to Friday'

# the owner's own Indonesian FAQ
mkdir -p "$TMP/c/id"
printf '# Pertanyaan\n\n## Kapan klinik buka? {#hours}\n\nKami buka Senin sampai Jumat pukul 9 sampai 17.\n\n## Berapa biaya pemeriksaan? {#price}\n\nBiaya pemeriksaan 450.000 rupiah.\n' > "$TMP/c/id/faq.md"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
expect_eq "index id: written" "$?" "0"
err=$(cat "$TMP/err")
expect_match "index id: a note of the pack missing" "$err" '^faqbot index: note: faqbot has no language pack for "id": no small talk'
expect_match "index id: stop words read off the entries" "$err" 'stop and question words read off the entries'
expect_match "index id: where the files go" "$err" 'c/id/ may hold its own smalltalk\.md'
expect_eq "index id: answers" "$(answer_id 'berapa biaya pemeriksaan')" "price"
# the folder gives what the pack would: its own small talk and messages
printf '## Halo {#hello}\n? Selamat siang\n\nHalo! Ada yang bisa saya bantu?\n' > "$TMP/c/id/smalltalk.md"
printf 'decline = Maaf, saya tidak tahu jawabannya.\n' > "$TMP/c/id/messages.txt"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
err=$(cat "$TMP/err")
expect_match "small talk and messages given: no longer said lacking" "$err" 'no language pack for "id": no general synonyms, stop and question'
expect_eq "small talk given: not said" "$(grep -c 'no small talk' "$TMP/err")" "0"
printf 'dan\n' > "$TMP/c/id/stopwords.txt"
printf 'biaya, harga\n' > "$TMP/c/id/synonyms.txt"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
expect_eq "all four given: no note" "$(grep -c 'note:' "$TMP/err")" "0"
# a language with a pack: nothing to say
mkdir -p "$TMP/e/en"
printf '# T\n\n## When are you open? {#hours}\n\nNine to five.\n' > "$TMP/e/en/faq.md"
"$FAQBOT" index --corpus "$TMP/e" --out "$TMP/faq.idx" > /dev/null 2> "$TMP/err"
expect_eq "a pack's language: no note" "$(cat "$TMP/err")" ""

# a language libstemmer does not stem
"$FAQBOT" init "$TMP/ja1" --lang ja > "$TMP/out" 2>&1
expect_eq "init ja: refused" "$?" "2"
expect_match "init ja: why not" "$(cat "$TMP/out")" 'no language "ja" \("ja" is written without spaces between words'
expect_eq "init ja: no folder made" "$(ls "$TMP" | grep -c ja1)" "0"
# unspaced CODE ENTRY: index refuses a corpus of a folder CODE holding
# ENTRY, exit 2, no index written, naming the folder as a folder (it was
# "ja:1:", read as line 1 of a file that is not there) and why
unspaced() {
    mkdir -p "$TMP/u-$1/$1"
    printf '%s' "$2" > "$TMP/u-$1/$1/faq.md"
    "$FAQBOT" index --corpus "$TMP/u-$1" --out "$TMP/u-$1.idx" > /dev/null 2> "$TMP/err"
    expect_eq "index $1: refused" "$?" "2"
    expect_match "index $1: the folder and why" "$(cat "$TMP/err")" \
        "/u-$1/$1/: unknown language folder \"$1\" \\(\"$1\" is written without spaces between words"
    expect_eq "index $1: no index written" "$(ls "$TMP" | grep -c "^u-$1\\.idx")" "0"
}
unspaced ja '## 料金はいくらですか？ {#price}

一回40ユーロです。
'
unspaced th '## ราคาเท่าไหร่ {#price}

สี่สิบยูโร
'

