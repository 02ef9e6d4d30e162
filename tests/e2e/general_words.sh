# general_words.sh: a word the FAQ lacks that the language's thesaurus gives
# many synonyms ("big": large, huge, ...) is a general word an in-scope
# visitor uses, not another topic: the decline model's unknown_general
# raises the confidence there (at 0, the same question declined at a
# threshold of 0.6). A word the thesaurus gives few ("heated") is weighed
# as before: the question stays declined.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/en"
cat > "$TMP/c/en/faq.md" <<'MD'
# Town swimming pool

## How much does a ticket cost? {#price}

A ticket costs four euros; children and pensioners pay two euros.

## What are the opening hours? {#hours}

Monday to Friday from seven in the morning to ten at night; weekends from nine to two.

## Are there lockers for clothes? {#lockers}

Yes, beside the changing rooms; a locker takes a one euro coin, given back.

## Can children swim on their own? {#children}

Children under twelve swim with an adult in the water; the small pool is for the youngest.
MD
index_faq "$TMP/c"

q="are the lockers big enough"
expect_eq "a general word the FAQ lacks: answered" "$(answer_id --threshold 0.6 "$q")" lockers
expect_eq "without unknown_general: declined" \
    "$(answer_id --threshold 0.6 --set decline_unknown_general=0 "$q")" null
expect_eq "a word of few synonyms: still declined" \
    "$(answer_id --threshold 0.6 "are the lockers heated enough")" null
