# real_word_typos.sh: a word the language's dictionary knows is meant as
# written. On a pharmacy FAQ that says "shop" and never "shot", "where can i
# get a flu shot" asks of the flu vaccine: "shot", an English word one edit
# from "shop", weighs as a typo of it only at typo_dict_to_dict's share: at
# 0.25 the vaccine entry answers; at the default share 1 (the setting is off:
# in inflecting languages such a word is often another form of the FAQ's)
# "shot" is read as "shop" and the shop's address leads. A slip that is no
# word ("shpo") is corrected either way.
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts en_US.dic hunspell-en-us
mkdir -p "$TMP/faq/en"
cat > "$TMP/faq/en/faq.md" <<'MD'
# Pharmacy

## When is the shop open? {#hours}

The shop is open from 8 to 18 on weekdays and from 9 to 14 on Saturdays.

## Where is the shop? {#where}

The shop is at Main Street 12, beside the station.

## Can I get vaccinated against the flu here? {#flu}

Yes: the flu vaccine is given on weekdays without an appointment.

## How do I apply for a discount card? {#card}

Ask at the counter; the card gives 10% off everything but prescriptions.

## Can I pay by card? {#pay}

Yes, we take every debit and credit card and cash.
MD
index_faq "$TMP/faq"
# "outcome id leader corrected" of the answer to $1 (SETTING $2)
said() {
    "$FAQBOT" ask --index "$TMP/faq.idx" --json ${2:+--set "$2"} "$1" > "$TMP/answer.json"
    echo "$(json outcome < "$TMP/answer.json") $(json id < "$TMP/answer.json")" \
        "$(json corrected < "$TMP/answer.json")"
}
leader() {
    "$FAQBOT" ask --index "$TMP/faq.idx" --threshold 0 --json ${2:+--set "$2"} "$1" | json id
}
expect_eq "a flu shot is the vaccine (share 0.25)" \
    "$(said 'where can i get a flu shot' typo_dict_to_dict=0.25)" "answer flu null"
expect_eq "... the shop's address with shot read as shop (the default, 1)" \
    "$(leader 'where can i get a flu shot')" "where"
expect_eq "a slip that is no word is corrected (share 0.25)" \
    "$(said 'where is the shpo' typo_dict_to_dict=0.25)" "answer where where is the shop"
