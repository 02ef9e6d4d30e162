# qword_no_correction.sh: a question word of the language's list is spelt
# as meant, and "did you mean" never misquotes it. On an admissions FAQ
# that asks "Quanto custam as propinas?" and never says "quando", "quando
# pago as propinas" was told "did you mean: quanto pago as propinas?"
# ("quando" one letter from "quanto"). The reading itself is kept (near
# another question word it may find the entry: "cuando" as "cuánto
# tardan"); only the message stops quoting it. A misspelt question word
# ("quamto") is none of the list and is told corrected as before; beside a
# real slip the question word stays as written.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/faq/pt"
cat > "$TMP/faq/pt/faq.md" <<'MD'
# Admissões

## Quanto custam as propinas? {#propinas}

A propina anual é de 697 €, paga em dez prestações.

## Como se candidatam os estudantes internacionais? {#internacionais}

Pelo concurso especial, em linha, entre janeiro e abril.

## A universidade tem residências? {#alojamento}

Sim, há 1 200 camas nas residências dos Serviços de Ação Social.
MD
index_faq "$TMP/faq"
# "outcome id corrected" of the answer to $1
said() {
    "$FAQBOT" ask --index "$TMP/faq.idx" --json "$1" > "$TMP/answer.json"
    echo "$(json outcome < "$TMP/answer.json") $(json id < "$TMP/answer.json")" \
        "$(json corrected < "$TMP/answer.json")"
}
expect_eq "\"quando\" is not told as \"quanto\"" "$(said 'quando pago as propinas')" "answer propinas null"
expect_eq "beside a real slip it stays as written" "$(said 'quando pago as propinsa')" \
    "answer propinas quando pago as propina"
expect_eq "a misspelt question word is still corrected" "$(said 'quamto custam as propinas')" \
    "answer propinas quanto custam as propinas"
