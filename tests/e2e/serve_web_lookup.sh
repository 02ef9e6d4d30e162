# serve_web_lookup.sh: without --web, serve finds the chat page wherever it
# is started from: web/ beside the binary's folder (the source tree), or
# beside the binary; with none, a clear error at startup.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
mkdir -p "$TMP/elsewhere"
cd "$TMP/elsewhere" || fail "cd"
start_server "$TMP/faq.idx"
expect_eq "from another folder: GET / 200" "$(status GET /)" "200"
# web/index.html, its {{key}}s filled with the bot's texts
python3 - "$ROOT/web/index.html" "$TMP/body" <<'PY' || fail "the page served is not web/index.html"
import re, sys
tmpl, body = (open(f, encoding="utf-8").read() for f in sys.argv[1:3])
parts = re.split(r"\{\{[a-z_]+\}\}", tmpl)
sys.exit(0 if len(parts) > 1 and re.fullmatch("[^<>{}]*".join(map(re.escape, parts)), body) else 1)
PY
ok "the source tree's web/index.html"
stop_server
# a copy of the binary with web/ beside it
mkdir -p "$TMP/app/bin/web"
cp "${FAQBOT_REAL:-$FAQBOT}" "$TMP/app/bin/faqbot"   # (the binary itself, not a wrapper)
printf '<!DOCTYPE html><title>beside</title>\n' > "$TMP/app/bin/web/index.html"
FAQBOT="$TMP/app/bin/faqbot" start_server "$TMP/faq.idx"
status GET / >/dev/null
expect_match "web/ beside the binary" "$(cat "$TMP/body")" '<title>beside</title>'
stop_server
# none: no web/ near the binary, none installed under the prefix
rm -r "$TMP/app/bin/web"
"$TMP/app/bin/faqbot" serve --port 0 --index "$TMP/faq.idx" >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ -f /usr/local/share/faqbot/web/index.html ]; then
    echo "skip: a web folder is installed under /usr/local"
else
    expect_eq "no web folder: exit 2" "$rc" "2"
    expect_match "no web folder: says where it looked and what to do" "$(cat "$TMP/err")" \
        'no web folder.*app/bin/\.\./web.*share/faqbot/web.*--web DIR'
fi
"$FAQBOT" serve --port 0 --index "$TMP/faq.idx" --web "$TMP/nowhere" >/dev/null 2>"$TMP/err"
expect_eq "--web to nowhere: exit 2" "$?" "2"
expect_match "--web to nowhere: why" "$(cat "$TMP/err")" 'nowhere: No such file'
