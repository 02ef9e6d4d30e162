# serve_no_carryover.sh: a question is answered the same whatever another
# asker asked before it on the same server thread. A thread's searcher
# once read a question's words through the analyzer of its last
# question's language, and the stop words of that language's analyzer
# tipped the language of a question two languages share ("email de
# contacto": Spanish and Portuguese) after a question read as Portuguese.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
# one thread, no cache: every question on the same searcher, searched afresh
start_server "$TMP/faq.idx" --threads 1 --no-cache
# ready first: an answer given while the dictionaries load may differ
for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "${URL}readyz")" = 200 ] && break
    sleep 0.1
done
ask() { curl -s "${URL}api/ask?q=$(printf %s "$1" | sed 's/ /%20/g')"; }
alone=$(ask "email de contacto")
[ -n "$alone" ] || fail "no answer"
for before in "que significa ser pais precursor" "requisitos para ser país precursor" \
              "correo de contato" "what are champion countries" "qué países participan"; do
    ask "$before" >/dev/null
    again=$(ask "email de contacto")
    [ "$again" = "$alone" ] || fail "after \"$before\": \"email de contacto\" answered otherwise: $(printf %s "$again" | head -c 120)"
done
ok "a question's answer does not depend on the question asked before it on the thread"
