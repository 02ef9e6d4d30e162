# cli_highlight.sh: the words of the answer that ask --json lists to
# highlight are the topic's, not the question words'.
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index failed"

# "qué" asks, it is no topic: its "que" in the answer ("a medida que avanzan") stays plain
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json --lang es "¿Qué papel cumplen los países precursores?")
m=$(printf "%s\n" "$j" | json matched)
expect_match "topic words highlighted" "$m" '"precursores"'
expect_match "topic words highlighted (accents folded)" "$m" '"paises"'
case "$m" in *'"que"'*) fail "question word highlighted: $m" ;; esac

# in English too: "what" asks
j=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "what is the champion countries initiative")
m=$(printf "%s\n" "$j" | json matched)
expect_match "english topic highlighted" "$m" '"champion"'
case "$m" in *'"what"'*) fail "question word highlighted: $m" ;; esac
