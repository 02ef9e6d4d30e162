# import_prefix.sh: `faqbot import --prefix`: a prefix written with its dash
# ("it-") made ids "it--1"; one no id may hold ("IT Support") was written
# into every heading, and only `faqbot index`, once the file was in the
# corpus, refused each entry. Now "it-" takes no second dash, and a bad
# prefix is refused at once, before any file is written.
. "$ROOT/tests/e2e/lib.sh.inc"
printf 'Question,Answer\nHow do I print?,At the library.\nWhere is eduroam?,Everywhere.\n' >"$TMP/faq.csv"
out=$("$FAQBOT" import --prefix it- "$TMP/faq.csv" 2>/dev/null) || fail "import --prefix it-"
expect_eq "a prefix ending in a dash takes no second" "$(printf '%s\n' "$out" | grep '^## ')" \
    "$(printf '## How do I print? {#it-1}\n## Where is eduroam? {#it-2}')"
out=$("$FAQBOT" import --prefix it "$TMP/faq.csv" 2>/dev/null) || fail "import --prefix it"
expect_eq "a prefix without one: joined by a dash" "$(printf '%s\n' "$out" | grep -c '{#it-[12]}')" 2
"$FAQBOT" import --prefix "IT Support" "$TMP/faq.csv" >"$TMP/out" 2>"$TMP/err"
expect_eq "a prefix no id may hold: a usage error" "$?" 1
expect_match "told what an id holds" "$(cat "$TMP/err")" \
    "--prefix \"IT Support\" makes bad ids \\(letters, digits, '\\.', '_', '-'"
expect_eq "nothing written" "$(wc -c <"$TMP/out")" 0
