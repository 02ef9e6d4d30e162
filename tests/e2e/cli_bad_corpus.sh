# cli_bad_corpus.sh: every bad corpus gives file and line (a folder: the
# folder alone), exit 2, and the old index stays byte for byte.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/es"
printf '# T\n\n## ¿Uno? {#a}\n\nRespuesta uno.\n' > "$TMP/c/es/faq.md"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "good corpus"
cp "$TMP/faq.idx" "$TMP/before.idx"
bad() {  # bad NAME WANT-REGEX: index must fail with exit 2 and keep the old index
    "$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" 2>"$TMP/err" >/dev/null
    rc=$?
    expect_eq "$1: exit code" "$rc" "2"
    expect_match "$1: message" "$(cat "$TMP/err")" "$2"
    cmp -s "$TMP/faq.idx" "$TMP/before.idx" || fail "$1: the old index changed"
    ok "$1: old index intact"
}
printf '# T\n\n## ¿Dos? {#b}\n\nRespuesta \377 mala.\n' > "$TMP/c/es/bad.md"
bad "invalid UTF-8" 'bad.md:5: invalid UTF-8'
printf '# T\n\n## ¿Dos? {#b}\n\n## ¿Tres? {#c}\n\nTres.\n' > "$TMP/c/es/bad.md"
bad "entry with no answer" 'bad.md:3: .*no answer'
printf '# T\n\n## ¿Otra? {#a}\n\nOtra.\n' > "$TMP/c/es/bad.md"
bad "duplicate id" 'faq.md:3: duplicate id "a" \(first at .*bad.md:3\)'
rm "$TMP/c/es/bad.md"
mkdir -p "$TMP/c/zz"
printf '## ¿Q?\n\nA.\n' > "$TMP/c/zz/faq.md"
bad "unknown language folder" 'zz/: unknown language folder'
rm -r "$TMP/c/zz"
ln -s "$TMP/c/es/missing-target.md" "$TMP/c/es/dangling.md"
bad "unreadable file" 'dangling.md:1: cannot read'
rm "$TMP/c/es/dangling.md"
if [ "$(id -u)" != 0 ]; then
    # (root reads a mode-000 file anyway: the dangling link above covers it)
    printf '# T\n\n## ¿Dos? {#b}\n\nDos.\n' > "$TMP/c/es/locked.md"
    chmod 000 "$TMP/c/es/locked.md"
    bad "file without read permission" 'locked.md:1: cannot read'
    rm -f "$TMP/c/es/locked.md"
fi
# a corpus error with no old index: no file is left behind, not even a temporary one
rm -f "$TMP/fresh/"* 2>/dev/null; mkdir -p "$TMP/fresh"
printf '# T\n\n## ¿Dos? {#b}\n\n' > "$TMP/c/es/bad.md"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/fresh/faq.idx" >"$TMP/out" 2>/dev/null
expect_eq "no old index: exit code" "$?" "2"
expect_eq "no old index: no summary on stdout" "$(wc -c < "$TMP/out" | tr -d ' ')" "0"
expect_eq "no old index: nothing written" "$(ls -A "$TMP/fresh" | wc -l | tr -d ' ')" "0"
rm "$TMP/c/es/bad.md"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "good again"
ok "a fixed corpus indexes again"
