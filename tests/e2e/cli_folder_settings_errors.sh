# cli_folder_settings_errors.sh: a folder whose name is no language faqbot
# knows and a bad settings.txt are problems like the others: each told with
# its path (a folder's at line 1) in file order, the rest of the corpus read
# on so that every other error is told in the same run; index exits 2 and
# writes no index, lint lists the same ones.
. "$ROOT/tests/e2e/lib.sh.inc"
C="$TMP/c"
mkdir -p "$C/de" "$C/en"
printf '## Was ist das? {#was}\n\nEine Sache.\n' > "$C/de/faq.md"
printf '## What is it? {#what}\n\nA thing.\n' > "$C/en/faq.md"
printf 'threshold = 0.3\n' > "$C/settings.txt"
"$FAQBOT" index --corpus "$C" --out "$TMP/faq.idx" >"$TMP/out" 2>"$TMP/err"
expect_eq "a sound corpus: indexed" "$?" "0"

# a folder of no language first in order, an error of a sound folder, a
# second folder of no language (a region is no code of its own), three
# bad settings lines among good ones, a document error, and last a folder of
# no language
mkdir -p "$C/ab" "$C/en-gb" "$C/sv" "$C/xx"
printf '## Q? {#q}\n\nA.\n' > "$C/ab/faq.md"
printf '## Colour? {#c}\n\nA.\n' > "$C/en-gb/faq.md"
printf '## What else? {#what}\n\nMore.\n' > "$C/en/zz.md"
printf '# the decline threshold\nthreshold = 0.4\ntreshold = 0.4\n\nthreshold = 1.5\nthreshold 0.4\n' > "$C/settings.txt"
printf '## Vad är det? {#vad}\n\nEn \377 sak.\n' > "$C/sv/faq.md"
printf '## Q? {#q}\n\nA.\n' > "$C/xx/faq.md"

# file:line, or a folder alone ("ab/")
where() { sed -n 's|^.*/c/\([^: ]*:[0-9]*\): .*|\1|p; s|^.*/c/\([^: ]*/\): .*|\1|p' "$1" | tr '\n' ' '; }
expect_all_told "$C" "ab/ en/zz.md:1 en-gb/ settings.txt:3 settings.txt:5 settings.txt:6 sv/faq.md:3 xx/ "
err=$(cat "$TMP/err")
expect_match "a folder of no language" "$err" '/c/ab/: unknown language folder "ab"'
expect_match "a region is not a language code" "$err" '/c/en-gb/: unknown language folder "en-gb"'
expect_match "the duplicate id of a sound folder after it" "$err" 'en/zz\.md:1: duplicate id "what"'
expect_match "settings.txt: a misspelt key" "$err" 'settings\.txt:3: unknown setting "treshold"'
expect_match "settings.txt: out of range" "$err" 'settings\.txt:5: threshold takes a number from 0 to 1'
expect_match "settings.txt: no =" "$err" 'settings\.txt:6: expected "key = value"'
expect_match "a document after settings.txt" "$err" 'sv/faq\.md:3: invalid UTF-8'
expect_match "the last folder" "$err" '/c/xx/: unknown language folder "xx"'
expect_match "the count" "$err" '8 errors in the corpus'

# only folders of no language: each told, then no "no language folder" too
mkdir -p "$TMP/d/xx" "$TMP/d/zz"
"$FAQBOT" index --corpus "$TMP/d" --out "$TMP/d.idx" >/dev/null 2>"$TMP/err"
expect_eq "no known folder: exit code" "$?" "2"
expect_match "no known folder: the first" "$(cat "$TMP/err")" 'd/xx/: unknown language folder'
expect_match "no known folder: the second" "$(cat "$TMP/err")" 'd/zz/: unknown language folder'
expect_eq "no known folder: nothing else" "$(grep -c 'no language folder' "$TMP/err")" "0"
expect_match "no known folder: the count" "$(cat "$TMP/err")" '2 errors in the corpus'

# mended, the corpus indexes again with its setting
rm -r "$C/ab" "$C/en-gb" "$C/xx" "$C/en/zz.md"
printf '## Vad är det? {#vad}\n\nEn sak.\n' > "$C/sv/faq.md"
printf '# the decline threshold\nthreshold = 0.4\n' > "$C/settings.txt"
"$FAQBOT" index --corpus "$C" --out "$TMP/faq.idx" >"$TMP/out" 2>"$TMP/err"
expect_eq "mended: indexed" "$?" "0"
expect_eq "mended: no problem told" "$(cat "$TMP/err")" ""
