# bare_letters.sh: a word typed without a letter the keyboard lacks, and
# that accent folding leaves whole (ø, æ, œ: letters, not a letter and a
# mark), meets the FAQ's word as that word, not as a typo, on real FAQs:
# the Danish and Norwegian utility's ("gor" for "gør", too short for a
# typo; "rorbrudd" for "rørbrudd"; "soke" for Norwegian "søke", which
# tells the question's language) and the seed's French ("oeuvre" for
# "œuvre"); and not with the switch off (--set use_bare_letters=0).
. "$ROOT/tests/e2e/lib.sh.inc"

index_faq "$ROOT/tests/tune/utility/corpus"
U="$TMP/faq.idx"
"$FAQBOT" ask --index "$U" --explain "hvad gor jeg ved en laekage" |
    grep -q 'variant term "gør" (da) x1.00' || fail "gor is not read as gør"
ok "gor is gør"
"$FAQBOT" ask --index "$U" --explain --set use_bare_letters=0 "hvad gor jeg ved en laekage" |
    grep -q 'word "gor": .*unknown to the FAQ' || fail "off: gor is known"
ok "off: gor is a word the FAQ lacks"
"$FAQBOT" ask --index "$U" --explain "rorbrudd i kjelleren" |
    grep -q 'variant term "rørbrudd" (no) x1.00' || fail "rorbrudd is not read as rørbrudd"
ok "rorbrudd is rørbrudd, the same word, not a typo"
expect_eq "soke: Norwegian" "$("$FAQBOT" ask --index "$U" --json "kan jeg soke" | json query_lang)" no
expect_eq "off: soke is no one's, a typo of Norwegian's in the tie" \
    "$("$FAQBOT" ask --index "$U" --json --set use_bare_letters=0 "kan jeg soke" | json query_lang)" no
expect_eq "off, and no typo in the tie: the first language's" \
    "$("$FAQBOT" ask --index "$U" --json --set use_bare_letters=0 --set use_lang_tie_near=0 \
        "kan jeg soke" | json query_lang)" da

index_faq "$ROOT/corpus"
"$FAQBOT" ask --index "$TMP/faq.idx" --explain --lang fr "mise en oeuvre de l'initiative" |
    grep -q 'variant term "œuvr" (fr)' || fail "oeuvre is not read as œuvre"
ok "oeuvre is œuvre"
