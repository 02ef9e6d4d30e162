# words_split_together.sh: a word typed as one that the FAQ writes as two
# ("wifi" for its "Wi-Fi", "webshop" for its "web shop") is searched by
# its two words (use_split_words, src/slots.c) only where an entry's
# question writes them standing together, in that order: two of its words
# that meet in the letters by chance ("sysadmin" beside its "sys" and
# "admin", never written together) are no split, nor a pair written
# together only in an answer ("webmail": "web mail" of an answer's prose);
# those questions stay declined.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/en"
cat > "$TMP/c/en/faq.md" <<'MD'
# Office

## How do I connect to the Wi-Fi? {#wifi}

Pick the network called Office; the password is on the card at the desk.

## Where is the web shop? {#shop}

Order stationery on the intranet's shop page.

## Where do I read my mail? {#mail}

On the intranet's web mail page, from any browser.

## Which sys modules does the build server have? {#modules}

The list is on the intranet; the admin team installs new ones.

## When is the canteen open? {#canteen}

From noon to two in the afternoon.
MD
index_faq "$TMP/c"

expect_eq "a word the FAQ writes with a hyphen" "$(answer_id --set use_split_words=1 'wifi password')" wifi
expect_eq "... apart" "$(answer_id --set use_split_words=1 'webshop')" shop
expect_eq "two words of the FAQ never written together: no split" \
    "$(answer_id --set use_split_words=1 'sysadmin')" null
expect_eq "written together only in an answer: no split" \
    "$(answer_id --set use_split_words=1 'webmail')" null
expect_eq "off: the word typed as one is not the FAQ's" "$(answer_id --set use_split_words=0 'webshop')" null
expect_eq "another topic stays declined" "$(answer_id --set use_split_words=1 'is there a gym nearby')" null
