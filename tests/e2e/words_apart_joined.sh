# words_apart_joined.sh: a visitor types the FAQ's word split in two or
# joined (use_joined_words, src/slots.c): two adjacent words the FAQ writes
# as one ("wi fi", "e mail" for its "wifi", "email") are read as its word
# where it lacks one of them (a stop word joins nothing: "log in" stays
# two); a word it writes as two only in an answer ("webmail" for the
# answer's "web mail") is no split (words_split_together.sh). Off, the same
# questions are declined; a question of another topic stays declined.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/en"
cat > "$TMP/c/en/faq.md" <<'MD'
# Student residence

## How do I connect to the wifi in my room? {#wifi}

The network is called Residence; the password is on the card in your room.

## I forgot the password for my login. What now? {#login}

Reset it at the reception with your student card.

## Where do I check my email? {#email}

On the university's web mail page.

## What time is check-in on arrival day? {#arrival}

From two in the afternoon at the reception.

## Can I have guests overnight? {#guests}

Yes, up to three nights a month; register them at the reception.

## When is the laundry room open? {#laundry}

Every day from seven in the morning to eleven at night.
MD
index_faq "$TMP/c"

expect_eq "two words the FAQ writes as one" "$(answer_id 'the wi fi does not work')" wifi
expect_eq "... with a hyphen between them" "$(answer_id 'wi-fi password')" wifi
expect_eq "a stop word joins nothing" "$(answer_id 'log in')" null
expect_eq "... a letter and a word" "$(answer_id 'how do I read my e mail')" email
expect_eq "a word the FAQ writes as two only in an answer" \
    "$(answer_id --set use_split_words=1 'webmail')" null
expect_eq "off: split in two, no word of the FAQ" \
    "$(answer_id --set use_joined_words=0 'the wi fi does not work')" null
expect_eq "off: joined, no word of the FAQ" \
    "$(answer_id 'webmail')" null
expect_eq "another topic stays declined" "$(answer_id 'is there a gym nearby')" null
