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
expect_match "a page in the visitor's language is not stored" "$h" 'Cache-Control: no-store'
# the page's {{key}}s are the FAQ's own texts, in the visitor's language,
# before any script runs
curl -s -H 'Accept-Language: fr-FR,fr;q=0.9' -o "$TMP/body" "${URL}"
grep -q '{{' "$TMP/body" && fail "a {{key}} left in the page"
expect_match "page in French" "$(cat "$TMP/body")" '<html lang="fr">'
expect_match "the FAQ's own welcome" "$(cat "$TMP/body")" 'id="welcome">Bonjour. Posez-moi vos questions sur l&#39;initiative des pays champions'
expect_match "send button in French" "$(cat "$TMP/body")" 'id="send">Envoyer<'
curl -s -H 'Accept-Language: fr' -o "$TMP/body" "${URL}?lang=en"
expect_match "?lang= before Accept-Language" "$(cat "$TMP/body")" 'id="welcome">Hello. Ask me about the Champion countries'
printf '<p title="{{page_send}}">{{lang}} {{ not a key }} {{page_title}</p>\n' > "$TMP/web/t.html"
curl -s -H 'Accept-Language: en' -o "$TMP/body" "${URL}t.html"
expect_eq "keys filled, escaped; the rest as it is" "$(cat "$TMP/body")" '<p title="Send">en {{ not a key }} {{page_title}</p>'
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
h=$(curl -s -D - -o /dev/null --path-as-is "${URL%/}/../secret.txt")
expect_match "security headers on a refused path" "$h" 'X-Content-Type-Options: nosniff'
expect_match "refused path: JSON error" "$h" 'Content-Type: application/json'
# a symlink that stays inside the folder is an ordinary file
ln -s style.css "$TMP/web/alias.css"
expect_eq "symlink inside the folder" "$(status GET /alias.css)" 200
cmp -s "$TMP/body" "$TMP/web/style.css" || fail "alias.css is not style.css"
# a folder with an index.html is still no listing, and still no file
mkdir -p "$TMP/web/docs" && echo '<p>x</p>' > "$TMP/web/docs/page.html"
expect_eq "file in a subfolder" "$(status GET /docs/page.html)" 200
cmp -s "$TMP/body" "$TMP/web/docs/page.html" || fail "a page without {{key}} is not sent as it is"
expect_match "a page as it is: revalidated" "$(curl -s -D - -o /dev/null "${URL}docs/page.html")" 'Cache-Control: no-cache'
expect_eq "folder" "$(status GET /docs/)" 404
# unknown extensions are not sniffed
printf 'x' > "$TMP/web/data.bin"
expect_match "other types" "$(curl -s -D - -o /dev/null "${URL}data.bin")" 'Content-Type: application/octet-stream'
expect_eq "POST to a file" "$(status POST /style.css -d x)" 405
expect_eq "HEAD of a file" "$(curl -s -o /dev/null -w '%{http_code}' -I "${URL}style.css")" 200
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=""
expect_eq "first server: clean exit" "$rc" 0

# the project's own web folder: the chat page, and nothing of the repository
start_server "$TMP/faq.idx" --web "$ROOT/web"
if [ -f "$ROOT/web/index.html" ]; then
    expect_eq "web/index.html" "$(status GET /)" 200
    grep -q '<main class="chat">' "$TMP/body" || fail "/ is not web/index.html"
    grep -q '{{' "$TMP/body" && fail "/ has a {{key}} left"
    ok "/ serves web/index.html"
fi
for p in '/../Makefile' '/%2e%2e/Makefile' '/%2E%2E/Makefile' '/..%2FMakefile' '/%2e%2e%2fMakefile' \
         '/..%5cMakefile' '/../src/serve.c' '/%2e%2e/%2e%2e/etc/passwd' '//etc/passwd' \
         '/%2Fetc%2Fpasswd' '/....//Makefile' '/.%2e/Makefile' '/%252e%252e/Makefile'; do
    code=$(curl -s --path-as-is -o "$TMP/body" -w '%{http_code}' "${URL%/}$p")
    case $code in 403|404) ;; *) fail "$p gave $code" ;; esac
    grep -q 'CFLAGS\|root:\|serve_main' "$TMP/body" && fail "$p leaked a file"
done
ok "no way out of $ROOT/web"
# a raw request line, as no client library would send it
code=$(python3 - "$URL" <<'PY'
import socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
codes = []
for target in (b"../Makefile", b"/web/../../Makefile", b"/..\\Makefile", b"/\x00/../Makefile"):
    s = socket.create_connection((u.hostname, u.port), timeout=5)
    s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    if b"CFLAGS" in data:
        codes.append("LEAK")
    else:
        codes.append(data.split()[1].decode() if data else "closed")
print(" ".join(codes))
PY
)
# (a NUL byte ends the path: "/" is the chat page, which is no leak)
case $code in *LEAK*) fail "raw request lines: $code";; esac
ok "raw request lines leak nothing: $code"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=""
expect_eq "SIGTERM: clean exit (no sanitizer or valgrind error)" "$rc" 0
