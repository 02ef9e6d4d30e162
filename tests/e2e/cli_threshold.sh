# cli_threshold.sh: the decline threshold from --threshold (ask, repl, serve)
# and from the corpus's settings.txt, which travels with the index.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
q='¿Cuándo concluye la iniciativa?'   # answered with a confidence near 0.97
cp -r "$ROOT/corpus" "$TMP/c"
printf '# this corpus declines all but the surest answers\nthreshold = 1\n' > "$TMP/c/settings.txt"
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/s.idx" >/dev/null || fail "index with settings.txt"

expect_eq "ask: the index's threshold" "$("$FAQBOT" ask --index "$TMP/s.idx" --json "$q" | json outcome)" "decline"
expect_eq "ask: --threshold wins" "$("$FAQBOT" ask --index "$TMP/s.idx" --threshold 0.5 --json "$q" | json outcome)" "answer"
expect_match "eval: the index's threshold" "$("$FAQBOT" eval --index "$TMP/s.idx" --quiet "$ROOT/tests/eval/es.tsv")" '^threshold 1\.00'

out=$(printf '%s\n' "$q" | "$FAQBOT" repl --index "$TMP/s.idx")
expect_match "repl: the index's threshold" "$out" 'Lo siento'
out=$(printf '%s\n' "$q" | "$FAQBOT" repl --index "$TMP/s.idx" --threshold 0.5)
expect_match "repl: --threshold wins" "$out" 'continuará al menos'

start_server "$TMP/s.idx" --web "$ROOT/web"
expect_eq "serve: status" "$(status POST /api/ask -d "{\"q\":\"$q\"}")" 200
expect_eq "serve: the index's threshold" "$(json outcome < "$TMP/body")" "decline"
stop_server
start_server "$TMP/s.idx" --web "$ROOT/web" --threshold 0.5
expect_eq "serve --threshold: status" "$(status POST /api/ask -d "{\"q\":\"$q\"}")" 200
expect_eq "serve: --threshold wins" "$(json outcome < "$TMP/body")" "answer"
stop_server

# without settings.txt the default stands
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/d.idx" >/dev/null || fail "index"
expect_eq "no settings: answered" "$("$FAQBOT" ask --index "$TMP/d.idx" --json "$q" | json outcome)" "answer"

# a setting faqbot does not know, or a bad value, is refused at index time
for bad in 'treshold = 0.4|unknown setting "treshold"' 'threshold = 1.5|from 0 to 1' 'threshold 0.4|expected "key = value"' 'threshold = zwei|threshold takes a number from 0 to 1' 'threshold = 0,5|threshold takes a number from 0 to 1, written with a point: 0\.5'; do
    printf '%s\n' "${bad%%|*}" > "$TMP/c/settings.txt"
    err=$("$FAQBOT" index --corpus "$TMP/c" --out "$TMP/bad.idx" 2>&1 >/dev/null)
    expect_eq "bad setting exits 2: ${bad%%|*}" "$?" "2"
    expect_match "bad setting says where" "$err" "settings\.txt:1: .*${bad#*|}"
done
"$FAQBOT" serve --index "$TMP/d.idx" --threshold x >/dev/null 2>&1
expect_eq "serve --threshold x: usage" "$?" "1"
# a decimal comma, as Dutch or German write it, is told how to write
err=$("$FAQBOT" ask --index "$TMP/d.idx" --threshold 0,5 hola 2>&1 >/dev/null)
expect_match "ask --threshold 0,5: a point" "$err" '0 to 1, written with a point: 0\.5, not 0,5$'
"$FAQBOT" repl --index "$TMP/d.idx" --threshold 2 </dev/null >/dev/null 2>&1
expect_eq "repl --threshold 2: usage" "$?" "1"
