# import_out_dir.sh: a helpdesk's sheet with a Language column (Swedish and
# English rows mixed, languages as names and codes, the translations sharing
# an Id) imported into one document, the column told as not read. `faqbot
# import --out-dir corpus` writes corpus/<lang>/NAME.md per language, all or
# none; rows of one id are translations of each other (one {#id} in each
# file), rows without one are numbered by their place in the sheet so that
# no two are linked by chance.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/corpus/en"
printf '# Old\n\n## Old question? {#old}\n\nOld answer.\n' >"$TMP/corpus/en/helpdesk.md"
cp "$TMP/corpus/en/helpdesk.md" "$TMP/before.md"
cat >"$TMP/helpdesk.csv" <<'CSV'
Question,Answer,Språk,Id
Hur byter jag mitt lösenord?,Gå till kontosidan och välj Byt lösenord.,svenska,password
How do I change my password?,Go to the account page and choose Change password.,English,password
Var kan jag skriva ut?,I biblioteket.,sv-SE,
How do I connect to eduroam?,Choose the network eduroam.,en,
glömt mitt lösenord,Gå till kontosidan och välj Byt lösenord.,Swedish,password
CSV
# a bad row at the end: nothing written, the file there as it was
{ cat "$TMP/helpdesk.csv"; echo 'Wifi?,Eduroam.,Klingon,'; } >"$TMP/bad.csv"
"$FAQBOT" import --out-dir "$TMP/corpus" "$TMP/bad.csv" 2>"$TMP/err"
expect_eq "a language no one knows: bad data" "$?" 2
expect_match "told at its line" "$(cat "$TMP/err")" 'line 7: the language "Klingon" is no language code or name'
cmp -s "$TMP/before.md" "$TMP/corpus/en/helpdesk.md" || fail "a failed import changed a file"
expect_eq "nothing written" "$(cd "$TMP/corpus" && find . -type f | sort | tr '\n' ' ')" "./en/helpdesk.md "
# a language's folder that cannot be made (a file in its place): nothing
# left, not even the folder of the language before it
mkdir "$TMP/blocked" && : >"$TMP/blocked/en"
"$FAQBOT" import --out-dir "$TMP/blocked" "$TMP/helpdesk.csv" 2>"$TMP/err"
expect_eq "a folder that cannot be made: bad data" "$?" 2
expect_eq "nothing left behind" "$(ls -A "$TMP/blocked")" "en"
# several languages into one document: refused, the option named
"$FAQBOT" import "$TMP/helpdesk.csv" >"$TMP/out" 2>"$TMP/err"
expect_eq "two languages to standard output: bad data" "$?" 2
expect_match "the option named" "$(cat "$TMP/err")" 'the rows are in 2 languages \(sv, en\).*--out-dir corpus'
expect_eq "nothing on stdout" "$(wc -c <"$TMP/out")" 0
"$FAQBOT" import --out-dir "$TMP/nowhere" "$TMP/helpdesk.csv" 2>"$TMP/err"
expect_eq "a folder that is not there: bad data" "$?" 2
expect_match "told by its name, and what to do" "$(cat "$TMP/err")" 'nowhere: no such folder: --out-dir names the corpus folder, which import does not make \(mkdir .*nowhere first'
expect_eq "nothing made" "$(ls -d "$TMP/nowhere" 2>/dev/null)" ""
"$FAQBOT" import --out-dir "$TMP/corpus" "$TMP/helpdesk.csv" 2>"$TMP/err" || fail "import --out-dir: $(cat "$TMP/err")"
expect_match "the files named" "$(cat "$TMP/err")" "written: .*/sv/helpdesk\\.md .*/en/helpdesk\\.md"
expect_eq "one file per language" "$(cd "$TMP/corpus" && find . -type f | sort | tr '\n' ' ')" \
    "./en/helpdesk.md ./sv/helpdesk.md "
expect_eq "the Swedish entry, its alternate" "$(grep -A1 '^## Hur byter' "$TMP/corpus/sv/helpdesk.md" | tr '\n' '|')" \
    '## Hur byter jag mitt lösenord? {#password}|? glömt mitt lösenord|'
expect_match "its English translation, by the sheet's id" "$(cat "$TMP/corpus/en/helpdesk.md")" \
    '^## How do I change my password\? \{#password\}$'
expect_eq "rows without an id: numbered by the sheet, not linked" \
    "$(grep -ho '{#faq-[0-9]*}' "$TMP/corpus/sv/helpdesk.md" "$TMP/corpus/en/helpdesk.md" | tr '\n' ' ')" \
    "{#faq-3} {#faq-4} "
expect_eq "the old file replaced" "$(grep -c 'Old question' "$TMP/corpus/en/helpdesk.md")" 0
"$FAQBOT" index --corpus "$TMP/corpus" --out "$TMP/faq.idx" >/dev/null 2>"$TMP/err" || fail "index: $(cat "$TMP/err")"
"$FAQBOT" lint --index "$TMP/faq.idx" >"$TMP/lint" 2>&1
expect_eq "the translation linked: not missing" "$(grep -c 'password' "$TMP/lint")" 0
expect_eq "a Swedish question answered in Swedish" "$(answer_id 'hur byter jag lösenord')" password
expect_eq "a sheet of one language: to stdout as before" \
    "$(printf 'Question,Answer,Language\nHow?,So.,en\n' | "$FAQBOT" import --format csv - 2>/dev/null | grep -c '^## How?')" 1
