# typo_dictionary_word.sh: a word the language's dictionary knows is no
# typo of a FAQ word that differs from it inside ("reset", "rest"), only of
# one that differs at its end, another form of it (use_dict_word_ends).
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en"
cat > "$TMP/c/en/faq.md" <<'MD'
# Help

## I forgot my password {#password}

Click "Forgot password?": we send a link that is valid for one hour. If the
email does not arrive, look in your spam folder.

## Is my data safe? {#data}

Your data is encrypted in transit and at rest, and never sold.

## Can I pause my plan? {#pause}

Yes, for up to three months a year.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/c.idx" >/dev/null || fail "index"
explain() { "$FAQBOT" ask --index "$TMP/c.idx" --set use_dict_word_ends=1 --explain "$1"; }
e=$(explain "the reset link never arrived") || fail "ask --explain"
printf '%s\n' "$e" | grep -q 'word "reset"' || fail "no word reset in: $e"
printf '%s\n' "$e" | grep -q 'term "rest"' && fail "reset, a word of the language, read as rest"
ok "reset is not read as rest"
expect_eq "... and the link finds the password entry" \
    "$("$FAQBOT" ask --index "$TMP/c.idx" --set use_dict_word_ends=1 --threshold 0 --json \
        "the reset link never arrived" | json id)" "password"
# a form of the word differs at its end: "paused" is still "pause"
explain "can my plan be paused" | grep -q 'term "paus"' || fail "paused lost its form"
ok "paused is still pause"
