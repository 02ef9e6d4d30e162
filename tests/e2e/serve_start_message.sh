# serve_start_message.sh: faqbot serve's start message tells an operator
# what is served, not only where (it was the address alone): its first
# line still ends with the URL (scripts read it with head -1 | awk
# '{print $NF}'), its second names the index by its real path (given
# relative here), its FAQ entries and languages, those the packs alone let
# a visitor ask in, and when it was built.
. "$ROOT/tests/e2e/lib.sh.inc"
# German is one to ask in through the German-English dictionary, which
# the valgrind runner leaves out unless a test names it
only_dicts deu-eng eng-deu
mkdir -p "$TMP/c/en" "$TMP/c/es" "$TMP/c/hu"
printf '## When are you open? {#hours}\n\nFrom 9 to 5.\n\n## How do I join? {#join}\n\nBy the form.\n' >"$TMP/c/en/faq.md"
printf '## ¿Cuándo abren? {#hours}\n\nDe 9 a 5.\n' >"$TMP/c/es/faq.md"
printf '## Mikor vannak nyitva? {#hours}\n\n9-től 5-ig.\n' >"$TMP/c/hu/faq.md"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null 2>&1 || fail "index"
trap stop_server EXIT
cd "$TMP" || fail "cd $TMP"
start_server faq.idx
for _ in $(seq 1 100); do
    [ "$(wc -l <"$TMP/server.out")" -ge 2 ] && break
    sleep 0.05
done
url=$(head -1 "$TMP/server.out" | awk '{print $NF}')
expect_eq "the first line's last word is the URL" "$url" "$URL"
second=$(sed -n 2p "$TMP/server.out")
real=$(cd "$TMP" && pwd -P)/faq.idx
expect_match "the second names the index by its real path" "$second" "^index $real: "
expect_match "its FAQ entries and languages" "$second" ': 4 FAQ entries in 3 languages \(en, es, hu\)'
expect_match "the languages the packs add" "$second" ' and [0-9]+ more to ask in \([a-z, ]*de[a-z, ]*\)'
expect_match "when it was built" "$second" ', built [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC$'
