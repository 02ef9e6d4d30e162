# runner_up_words.sh: a word the leader lacks that the runner-up holds is a
# word the FAQ asks about beside the leader's topic ("clases de natación los
# sábados": the courses' entry lacks "sábados", the opening hours' holds it),
# not another topic: the decline model's union_gain raises the confidence
# there (use_union_gain 0: the same question declined at a threshold of
# 0.5). A question of another topic sharing those words stays declined.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/es"
pool_faq "$TMP/c/es/faq.md"
cat >> "$TMP/c/es/faq.md" <<'MD'

## ¿Hay cursos de natación para niños? {#cursos}

Sí, de septiembre a junio, por edades; la inscripción se hace en la recepción.
MD
index_faq "$TMP/c"

q="hay clases de natación los sábados por la mañana"
expect_eq "the runner-up's word: answered" "$(answer_id --threshold 0.5 "$q")" cursos
expect_eq "without union_gain: declined" \
    "$(answer_id --threshold 0.5 --set use_union_gain=0 "$q")" null
expect_eq "another topic still declined" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --json --threshold 0.5 "hay clases de tenis los sábados" |
        json outcome)" decline
