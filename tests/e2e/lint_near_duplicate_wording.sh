# lint_near_duplicate_wording.sh: two entries asking the same in other
# words ("How do I renew a book?", "How can I renew my books?") are a
# near-duplicate finding of lint, told once for the pair; asked, each
# entry's own question said word for word doubles its score, which hid
# every pair not written letter for letter. Entries on other matters, and
# a general question beside a precise one, are not told.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
cat > "$TMP/c/en/faq.md" <<'MD'
# Library

## How do I renew a book? {#renew}

Online, under My account, up to three times.

## What are the opening hours? {#hours}
? When are you open?

Monday to Friday, nine to five.

## How can I renew my books? {#renew-desk}

At the desk, with your library card.

## How much is the fine for a late book? {#fine}

Twenty cents a day.

## Can I print? {#print}

Yes, at the desk, ten cents a page.

## Can I print in colour on the first floor? {#print-colour}

Yes, twenty cents a page.
MD
"$FAQBOT" lint --corpus "$TMP/c" > "$TMP/out" 2>&1
expect_eq "lint: a finding" "$?" "1"
out=$(cat "$TMP/out")
expect_match "the pair, at the first" "$out" 'en/faq\.md:3: near-duplicate: "How do I renew a book\?" \(renew\) and "How can I renew my books\?" \(renew-desk, [^)]*faq\.md:12\)'
expect_eq "told once" "$(grep -c 'near-duplicate' "$TMP/out")" "1"
expect_eq "nothing else" "$(tail -n 1 "$TMP/out")" "lint: 1 finding"
# told apart by a word of their own: clean
sed -i 's/How can I renew my books?/Can I renew my books at the desk?/' "$TMP/c/en/faq.md"
"$FAQBOT" lint --corpus "$TMP/c" > "$TMP/out" 2>&1
expect_eq "told apart: clean" "$?" "0"
