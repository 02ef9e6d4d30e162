# index_other_version.sh: an index of another format version. An older
# faqbot's index is to be rebuilt with `faqbot index`; a newer faqbot's is
# most often met by a serve started before an upgrade, the upgraded
# faqbot having rebuilt the index: rebuilding would write the same, so the
# message says which faqbot to read it with (restart serve). A running
# serve keeps its index either way, tells why on stderr and in healthz,
# and takes the next index it can read.
. "$ROOT/tests/e2e/lib.sh.inc"
SERVER_PID=""
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" > /dev/null || fail "index"
# the format version: 4 bytes, little-endian, after the 8 of the magic
with_version() {
    cp "$TMP/faq.idx" "$2"
    printf "$(printf '\\%03o' "$1")" | dd of="$2" bs=1 seek=8 conv=notrunc 2> /dev/null
}
now=$(od -An -tu4 -j8 -N4 "$TMP/faq.idx" | tr -d ' ')
with_version $((now - 1)) "$TMP/old.idx"
with_version $((now + 1)) "$TMP/new.idx"

"$FAQBOT" ask --index "$TMP/old.idx" hello > /dev/null 2> "$TMP/err"
expect_eq "an older index: refused" "$?" "2"
expect_match "an older index: rebuild it" "$(cat "$TMP/err")" "old\.idx: index format version $((now - 1)), an older faqbot.s \(this one reads version $now\): rebuild it with .faqbot index."
"$FAQBOT" ask --index "$TMP/new.idx" hello > /dev/null 2> "$TMP/err"
expect_eq "a newer index: refused" "$?" "2"
err=$(cat "$TMP/err")
expect_match "a newer index: a newer faqbot's" "$err" "new\.idx: index format version $((now + 1)), a newer faqbot.s \(this one reads version $now\)"
expect_match "a newer index: read it with that faqbot" "$err" 'read it with the faqbot that wrote it \(after an upgrade, restart .faqbot serve.\)'
"$FAQBOT" serve --port 0 --index "$TMP/new.idx" > /dev/null 2> "$TMP/err"
expect_eq "serve on a newer index: refused" "$?" "2"
expect_match "serve on a newer index: why" "$(cat "$TMP/err")" 'a newer faqbot.s .*restart .faqbot serve.'

# a running serve meets a newer faqbot's index
cp "$TMP/faq.idx" "$TMP/live.idx"
start_server "$TMP/live.idx"
id=$(curl -s "${URL}api/ask?q=hello" | json id)
cp "$TMP/new.idx" "$TMP/tmp.idx" && mv "$TMP/tmp.idx" "$TMP/live.idx"
for _ in $(seq 1 100); do
    grep -q 'new index refused' "$TMP/server.err" && break
    sleep 0.05
done
expect_match "serve: the newer index refused, why" "$(cat "$TMP/server.err")" 'new index refused, the old one keeps serving: .*live\.idx: index format version .*a newer faqbot.s'
expect_match "healthz: why" "$(curl -s "${URL}healthz" | json last_refused.reason)" 'a newer faqbot.s'
expect_eq "serve: the old index answers" "$(curl -s "${URL}api/ask?q=hello" | json id)" "$id"
# rebuilt by this faqbot: taken
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/live.idx" > /dev/null || fail "rebuild"
for _ in $(seq 1 100); do
    [ "$(curl -s "${URL}healthz" | json reloads)" = "1" ] && break
    sleep 0.05
done
expect_eq "serve: this faqbot's index taken" "$(curl -s "${URL}healthz" | json reloads)" "1"
stop_server
