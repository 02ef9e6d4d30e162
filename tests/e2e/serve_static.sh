# serve_static.sh: static files only from the web folder: types, headers,
# and no way out of it.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
mkdir -p "$TMP/web/sub"
cp "$ROOT/web/"* "$TMP/web/"
echo "secret" > "$TMP/secret.txt"
ln -s "$TMP/secret.txt" "$TMP/web/link.txt"
ln -s /etc "$TMP/web/etc"
start_server "$TMP/faq.idx" --web "$TMP/web"
expect_eq "index page" "$(status GET /)" 200
expect_match "index is the chat" "$(cat "$TMP/body")" 'id="q"'
h=$(curl -s -D - -o /dev/null "${URL}")
expect_match "html type" "$h" 'Content-Type: text/html; charset=utf-8'
expect_match "CSP without inline script" "$h" "Content-Security-Policy: default-src 'self'; script-src 'self';"
expect_match "nosniff" "$h" 'X-Content-Type-Options: nosniff'
expect_match "referrer policy" "$h" 'Referrer-Policy: no-referrer'
expect_match "cache control" "$h" 'Cache-Control: no-cache'
h=$(curl -s -D - -o /dev/null "${URL}app.js")
expect_match "js type" "$h" 'Content-Type: text/javascript'
expect_match "js cached" "$h" 'Cache-Control: public, max-age='
h=$(curl -s -D - -o /dev/null "${URL}style.css")
expect_match "css type" "$h" 'Content-Type: text/css'
h=$(curl -s -D - -o /dev/null "${URL}api/ask?q=x")
expect_match "security headers on the API too" "$h" 'X-Content-Type-Options: nosniff'
for p in '/../secret.txt' '/%2e%2e/secret.txt' '/..%2fsecret.txt' '/%2E%2E%2Fsecret.txt' '/link.txt' \
         '/etc/passwd' '//etc/passwd' '/sub/' '/sub' '/.hidden' '/nope.html'; do
    code=$(curl -s --path-as-is -o "$TMP/body" -w '%{http_code}' "${URL%/}$p")
    [ "$code" = 404 ] || fail "$p gave $code"
    grep -q secret "$TMP/body" && fail "$p leaked the file"
    grep -q root: "$TMP/body" && fail "$p leaked /etc/passwd"
done
ok "traversal, symlinks out, folders and hidden files refused"
