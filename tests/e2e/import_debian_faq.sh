# import_debian_faq.sh: a second, real multilingual FAQ: Debian's, from the
# debian-faq packages (installed by tools/install-deps), imported with
# `faqbot import` into a temporary corpus (the Debian text is not in the
# repo) and asked a few questions in each language.
. "$ROOT/tests/e2e/lib.sh.inc"
D=/usr/share/doc/debian/FAQ
for l in en fr it de pt; do
    [ -f "$D/debian-faq.$l.txt.gz" ] || fail "debian-faq for $l is not installed (tools/install-deps)"
    mkdir -p "$TMP/c/$l"
    zcat "$D/debian-faq.$l.txt.gz" | "$FAQBOT" import --title "Debian FAQ" --prefix debfaq \
        > "$TMP/c/$l/debian-faq.md" 2>"$TMP/import.err" || { cat "$TMP/import.err"; fail "import $l"; }
    n=$(grep -c '^## ' "$TMP/c/$l/debian-faq.md")
    [ "$n" -ge 100 ] || fail "$l: only $n entries imported"
    ok "$l: $n entries"
done
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/deb.idx" >/dev/null || fail "index the Debian FAQ"
check() {  # check LANG QUESTION EXPECTED-ID
    j=$("$FAQBOT" ask --index "$TMP/deb.idx" --json "$2")
    expect_eq "$1: $2" "$(printf "%s\n" "$j" | json id)/$(printf "%s\n" "$j" | json lang)" "$3/$1"
}
check en "how do I pronounce Debian" debfaq-1.7
check en "what is the latest version of Debian" debfaq-2.1
check en "how can I install Debian from CD-ROMs" debfaq-2.4
check fr "comment prononcer Debian" debfaq-1.7
check fr "quelle est la dernière version de Debian" debfaq-2.1
check it "come si pronuncia Debian" debfaq-1.7
check it "qual è l'ultima versione di Debian" debfaq-2.1
check de "wie spricht man Debian aus" debfaq-1.7
check de "was ist Debian GNU/Linux" debfaq-1.2
check pt "qual é a versão mais recente do Debian" debfaq-2.1
check pt "o que é Debian GNU/Linux" debfaq-1.2
# ids come from section numbers: translations share them
grep -q '{#debfaq-1.7}' "$TMP/c/fr/debian-faq.md" || fail "fr ids"
ok "ids from section numbers"
printf 'no numbered sections here\n' | "$FAQBOT" import >/dev/null 2>"$TMP/err"
expect_eq "import without sections exits 2" "$?" "2"
