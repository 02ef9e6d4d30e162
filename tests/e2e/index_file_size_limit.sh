# index_file_size_limit.sh: a rebuild past the file-size limit (ulimit -f,
# as a container or a hosting account sets it) killed `index` by SIGXFSZ
# without a word ("File size limit exceeded" from the shell, exit 153) and
# left the half-written "faq.idx.tmp.PID" beside the old index. Now the
# write fails as on a full disk: the file and the limit told, the old index
# unchanged and said so, exit 2, no temporary file left.
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null 2>&1 || fail "the old index"
old=$(cksum < "$TMP/faq.idx")
# 200 blocks (dash's of 512 bytes, bash's of 1024): far less than the index
(ulimit -f 200 && exec "$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx") >/dev/null 2>"$TMP/err"
expect_eq "exit 2, not killed" "$?" "2"
err=$(cat "$TMP/err")
expect_match "the file and why" "$err" 'faq\.idx\.tmp\.[0-9]+: File too large'
expect_match "the old index said unchanged" "$err" 'the old index is unchanged'
expect_eq "the old index unchanged" "$(cksum < "$TMP/faq.idx")" "$old"
expect_eq "no temporary file left" "$(ls "$TMP" | grep -c 'tmp\.')" "0"
# under --memory the spilled runs hit the limit first: the same
(ulimit -f 200 && exec "$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" --memory 64K) >/dev/null 2>"$TMP/err"
expect_eq "--memory: exit 2" "$?" "2"
expect_match "--memory: told" "$(cat "$TMP/err")" 'File too large'
expect_eq "--memory: the old index unchanged" "$(cksum < "$TMP/faq.idx")" "$old"
expect_eq "--memory: no temporary file left" "$(ls "$TMP" | grep -c 'tmp\.')" "0"
expect_match "the old index answers" "$("$FAQBOT" ask --index "$TMP/faq.idx" '¿Cuándo concluye la iniciativa?')" 'iniciativa'
