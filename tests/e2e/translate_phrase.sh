# translate_phrase.sh: a hotel's FAQ in English alone, asked in German with
# the system's bilingual dictionaries (FreeDict), tools/install-deps. The
# dictionary translates "Leitungswasser" by two words, "tap water"; where
# the FAQ holds both, the question's word counts as them and finds the
# tap water entry (water alone is in three entries). Where the FAQ lacks
# "tap", the translation is not taken as "water" alone: the question is
# declined, not answered by any entry that says water.
. "$ROOT/tests/e2e/lib.sh.inc"
FAQBOT_DICTD_DIR=/usr/share/dictd   # the system's, even where a runner leaves them out
export FAQBOT_DICTD_DIR
for d in deu-eng eng-deu; do
    [ -f "/usr/share/dictd/freedict-$d.index" ] ||
        fail "dict-freedict-$d is not installed (sh tools/install-deps run)"
done
mkdir -p "$TMP/c/en"
cat >"$TMP/c/en/faq.md" <<'MD'
## Can I drink the tap water? {#tap}

Yes: the tap water in every room is safe to drink.

## Is there a swimming pool? {#pool}

The pool on the roof is open from 7 to 22; its water is heated.

## Is bottled water free? {#bottles}

Each room has two bottles of water a day, free of charge.

## When is breakfast? {#breakfast}

Breakfast is served from 7 to 10 in the garden room.
MD
index_faq "$TMP/c"
expect_eq "Leitungswasser is tap water" "$(answer_id 'wie ist das Leitungswasser')" tap
expect_eq "Leitungswasser is tap water, asked otherwise" \
    "$(answer_id 'was ist mit dem Leitungswasser')" tap

# the same FAQ without its tap water entry: "tap" is a word it lacks
sed '1,4d' "$TMP/c/en/faq.md" >"$TMP/faq.md.new"
mv "$TMP/faq.md.new" "$TMP/c/en/faq.md"
index_faq "$TMP/c"
expect_eq "without tap, Leitungswasser is not any water" \
    "$(answer_id 'wie ist das Leitungswasser')" null
