# index_out_unwritable.sh: an --out (or the default build/) in a folder one
# may not write in, for its permissions or a read-only file system, is told
# by that folder and the reason, before the corpus is read, as a missing
# folder is (cli_first_index.sh); it was the first temporary file's failure
# ("faq.idx.spill.*: temporary file"), after the whole corpus was read. The
# old index stays as it was.
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" init "$TMP/myfaq" --lang en >/dev/null || fail "init"
mkdir -p "$TMP/out"
"$FAQBOT" index --corpus "$TMP/myfaq" --out "$TMP/out/faq.idx" >/dev/null || fail "first index"
old=$(cksum <"$TMP/out/faq.idx")
printf '\n## Do you repair bikes? {#repair}\n\nYes.\n' >>"$TMP/myfaq/en/faq.md"
if [ "$(id -u)" = 0 ]; then
    # root writes past permissions: a read-only file system, then another
    # user, instead
    mkdir "$TMP/ro"
    if mount -t tmpfs -o size=4m tmpfs "$TMP/ro" 2>/dev/null; then
        "$FAQBOT" index --corpus "$TMP/myfaq" --out "$TMP/ro/faq.idx" >/dev/null || { umount "$TMP/ro"; fail "index on the mount"; }
        ro_old=$(cksum <"$TMP/ro/faq.idx")
        mount -o remount,ro "$TMP/ro"
        "$FAQBOT" index --corpus "$TMP/myfaq" --out "$TMP/ro/faq.idx" >/dev/null 2>"$TMP/err"
        rc=$?
        ro_now=$(cksum <"$TMP/ro/faq.idx")
        umount "$TMP/ro"
        expect_eq "a read-only file system: exit code" "$rc" "2"
        expect_eq "a read-only file system: what and where" "$(cat "$TMP/err")" \
            "faqbot index: cannot write $TMP/ro/faq.idx: $TMP/ro: Read-only file system (--out FILE: where the index goes)"
        expect_eq "a read-only file system: the old index as it was" "$ro_now" "$ro_old"
    else
        echo "skip: a read-only file system (no tmpfs mount here)"
    fi
    BIN=${FAQBOT_REAL:-$FAQBOT}
    as_other() { runuser -u nobody -- "$@"; }
    chmod 755 "$TMP" "$TMP/myfaq" "$TMP/myfaq/en"
    chmod 644 "$TMP/myfaq/en/faq.md"
else
    BIN=$FAQBOT
    as_other() { "$@"; }
fi
# a folder one may not write in (another user's, or one's own made so)
chmod 555 "$TMP/out"
as_other "$BIN" index --corpus "$TMP/myfaq" --out "$TMP/out/faq.idx" >/dev/null 2>"$TMP/err"
expect_eq "a folder one may not write in: exit code" "$?" "2"
expect_eq "a folder one may not write in: what and where" "$(cat "$TMP/err")" \
    "faqbot index: cannot write $TMP/out/faq.idx: $TMP/out: Permission denied (--out FILE: where the index goes)"
expect_eq "the old index as it was" "$(cksum <"$TMP/out/faq.idx")" "$old"
# the default build/ in a folder one may not write in
(cd "$TMP/out" && as_other "$BIN" index --corpus "$TMP/myfaq" >/dev/null 2>"$TMP/err")
expect_eq "the default build/ not made: what and where" "$(cat "$TMP/err")" \
    "faqbot index: cannot write build/faq.idx: build: Permission denied (--out FILE: where the index goes)"
chmod 755 "$TMP/out"
