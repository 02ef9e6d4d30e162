# small_faq_vocab.sh: a FAQ of few words lacks more of the words an in-scope
# visitor uses, so a word it lacks says less of another topic there: the
# decline model's small_vocab feature (1 / (1 + the terms of the leader's
# language / small_vocab_terms)) answers such a question on a six-entry FAQ,
# which the model without it declines; questions of other topics stay declined.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/en"
cat > "$TMP/c/en/faq.md" <<'MD'
# Climbing gym

## When is the climbing gym open? {#hours}

Every day from ten in the morning to ten at night; on public holidays until six.

## How much is a day pass? {#price}

Twelve euros for adults and eight for children under fourteen.

## Can I rent shoes and a harness? {#rental}

Yes, at the front desk: shoes three euros, a harness two.

## Do children need an adult with them? {#kids}

Children under fourteen climb with a parent or a coach.

## Is there a course for beginners? {#course}

A two-hour introduction course runs every Saturday morning.

## Where can I leave my bag? {#lockers}

Lockers in the changing rooms take a one-euro coin.
MD
index_faq "$TMP/c"

# "close" and "sundays" are words this FAQ never uses
q="when do you close on sundays"
expect_eq "a visitor's everyday words the small FAQ lacks: answered" "$(answer_id "$q")" hours
with=$("$FAQBOT" ask --index "$TMP/faq.idx" --json "$q" | json confidence)
without=$("$FAQBOT" ask --index "$TMP/faq.idx" --json --set decline_small_vocab=0 "$q" | json confidence)
# (the model without it: 0.65, a hair under the threshold)
expect_eq "... its confidence raised by small_vocab" \
    "$(python3 -c "print($with > $without + 0.05 and $without < 0.65)")" True

# the feature as eval --features writes it: above 1/2 for a FAQ below 300 terms
printf 'lang\tquery\texpected\nen\t%s\thours\n' "$q" > "$TMP/q.tsv"
"$FAQBOT" eval --index "$TMP/faq.idx" --features "$TMP/f.tsv" "$TMP/q.tsv" >/dev/null || fail "eval --features"
v=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "small_vocab") c = i }
                 NR == 2 && c { print $c }' "$TMP/f.tsv")
expect_match "small_vocab of a six-entry FAQ" "$v" '^0\.[5-9]'

for q in "is there a sauna" "do you sell chalk" "what is the capital of france"; do
    expect_eq "another topic still declined: $q" \
        "$("$FAQBOT" ask --index "$TMP/faq.idx" --json "$q" | json outcome)" decline
done
