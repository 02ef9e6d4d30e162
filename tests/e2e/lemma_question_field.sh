# lemma_question_field.sh: a question's word that the entry's question says
# in another form of its lemma ("morir" for "muere") counts as a word of the
# entry's question for the decision to answer (the decline model's
# question_field), as a word said in the same form does. The index posts the
# lemma's mark beside "muere" in the question field; the question's own
# sequence of stems holds "muer" only, which "morir" ("mor") never meets.
# Needs Spanish's dictionary (hunspell-es, tools/install-deps).
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts es_ES.dic hunspell-es
mkdir -p "$TMP/c/es"
cat >"$TMP/c/es/faq.md" <<'MD'
## ¿Qué pasa con la cuenta si muere el titular? {#titular}

Los herederos presentan el certificado de defunción en una oficina.

## ¿Cómo cambio mi contraseña? {#clave}

Entra en el perfil y elige una contraseña nueva.

## ¿Cuánto cuesta el envío? {#envio}

El envío cuesta cinco euros.
MD
index_faq "$TMP/c"
printf 'lang\tquery\texpected\nes\tcuenta al morir el titular\ttitular\n' >"$TMP/q.tsv"
# question_field of the one row, with the parameters given
qfield() {
    "$FAQBOT" eval --index "$TMP/faq.idx" "$@" --features "$TMP/f.tsv" "$TMP/q.tsv" >/dev/null ||
        fail "eval $*"
    awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "question_field") c = i }
                 NR == 2 { print $c }' "$TMP/f.tsv"
}
expect_eq "morir meets muere in the entry's question: every word is in it" "$(qfield)" 1.000000
expect_eq "question_lemma=0: morir counts in the answer only" \
    "$(qfield --set question_lemma=0)" 0.666667
