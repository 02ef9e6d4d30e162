# thesaurus_dir.sh: FAQBOT_MYTHES_DIR names the folder of the MyThes
# thesauri, as FAQBOT_HUNSPELL_DIR the dictionaries' (a package unpacked
# with dpkg -x, not installed): an English thesaurus written here, whose
# one entry gives "car" for "zorbmobile" (a word the system's has not), is
# the one the question's word is looked up in; set but empty, there is
# none. Thesaurus synonyms of a word the FAQ lacks are off by default
# (use_thesaurus), and one given only one way is left out
# (thesaurus_mutual): both on here. Fails on the base, which reads only
# the system's folder.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/en" "$TMP/th"
cat >"$TMP/c/en/faq.md" <<'MD'
## Where can I park my car? {#parking}

Park in the garage under the station; the first hour is free.

## When are you open? {#hours}

Monday to Friday, 9 to 18.
MD
# the .idx: encoding, count, then "word|offset of its entry in the .dat"
printf 'UTF-8\nzorbmobile|1\n(noun)|car|motorcar\n' >"$TMP/th/th_en_US_v2.dat"
printf 'UTF-8\n1\nzorbmobile|6\n' >"$TMP/th/th_en_US_v2.idx"
syn() {
    "$FAQBOT" ask --index "$TMP/faq.idx" --explain --set use_thesaurus=1 \
        --set thesaurus_mutual=0 'where do i leave my zorbmobile' | grep -c 'thesaurus term "car"'
}
FAQBOT_MYTHES_DIR=$TMP/th
export FAQBOT_MYTHES_DIR
index_faq "$TMP/c"
expect_eq "the folder's thesaurus: zorbmobile is car" "$(syn)" 1
FAQBOT_MYTHES_DIR=
index_faq "$TMP/c"
expect_eq "empty: no thesaurus" "$(syn)" 0
