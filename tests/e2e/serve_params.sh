# serve_params.sh: faqbot serve takes the searchers' tuning as ask and eval
# do (--set NAME=VALUE, --params FILE): a server told threshold=1 declines
# a question the default answers, on the chat's API and the Azure route alike;
# a bad setting is a usage error before anything listens.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
Q='{"q":"¿Cuándo concluye la iniciativa?"}'
QNA='{"question":"¿Cuándo concluye la iniciativa?"}'
start_server "$TMP/faq.idx" --web "$ROOT/web"
expect_eq "default: POST /api/ask" "$(status POST /api/ask -d "$Q")" 200
expect_eq "default: answered" "$(json outcome < "$TMP/body")" "answer"
stop_server

start_server "$TMP/faq.idx" --web "$ROOT/web" --set threshold=1
expect_eq "--set threshold=1: POST /api/ask" "$(status POST /api/ask -d "$Q")" 200
expect_eq "--set threshold=1: declined" "$(json outcome < "$TMP/body")" "decline"
expect_eq "--set threshold=1: QnA route" "$(status POST /qnamaker/knowledgebases/kb/generateAnswer -d "$QNA")" 200
expect_eq "--set threshold=1: QnA's no match" "$(json answers.0.id < "$TMP/body")" "-1"
stop_server

printf '# tuning\nthreshold = 1\n' > "$TMP/params.txt"
start_server "$TMP/faq.idx" --web "$ROOT/web" --params "$TMP/params.txt"
status POST /api/ask -d "$Q" >/dev/null
expect_eq "--params FILE: declined" "$(json outcome < "$TMP/body")" "decline"
stop_server

"$FAQBOT" serve --port 0 --index "$TMP/faq.idx" --web "$ROOT/web" --set nosuch=1 >"$TMP/out" 2>"$TMP/err"
expect_eq "--set of an unknown name: exit 1" "$?" "1"
expect_match "--set of an unknown name: says so" "$(cat "$TMP/err")" '--set'
expect_eq "--set of an unknown name: nothing listens" "$(cat "$TMP/out")" ""
