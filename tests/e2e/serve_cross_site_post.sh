# serve_cross_site_post.sh: a page of another site may send a POST with a
# text/plain body anywhere without asking first (no CORS preflight); the
# browser says where it comes from (Sec-Fetch-Site, Origin). Unless its
# origin is allowed (--allow-origin) it is refused with a 403 and nothing is
# done: no vote in the feedback log, no question in the unanswered log.
# The chat page's own requests (same-origin), an allowed site's, and
# clients that are no browser (no Sec-Fetch-Site, no Origin) go on as
# before. A browser that sends no Sec-Fetch-Site is judged by its Origin.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx" --web "$ROOT/web" --feedback-log "$TMP/feedback.jsonl" --unanswered "$TMP/unanswered.tsv" \
    --allow-origin https://friend.example
vote='{"q":"a stuffed vote","id":"precursores-1","vote":"up"}'
text="Content-Type: text/plain;charset=UTF-8"
for site in cross-site same-site; do
    expect_eq "$site vote" "$(status POST /api/feedback -H "Origin: https://evil.example" \
        -H "Sec-Fetch-Site: $site" -H "Sec-Fetch-Mode: no-cors" -H "$text" -d "$vote")" 403
    expect_match "$site vote: why" "$(json error < "$TMP/body")" 'another site.*--allow-origin'
    expect_eq "$site question" "$(status POST /api/ask -H "Origin: https://evil.example" \
        -H "Sec-Fetch-Site: $site" -H "$text" -d '{"q":"a planted question about volcanoes"}')" 403
    expect_eq "$site QnA train" "$(status POST /qnamaker/knowledgebases/kb/train -H "Sec-Fetch-Site: $site" -H "$text" \
        -d '{"feedbackRecords":[{"userId":"u","userQuestion":"a stuffed vote","qnaId":"precursores-1"}]}')" 403
done
# A browser sends no Sec-Fetch-Site to a server on plain HTTP (only to
# HTTPS and localhost), nor does Safari before 16.4: its Origin is read,
# against the host the request was sent to (its host name, and its port
# where Host names one)
expect_eq "vote from another site, no Sec-Fetch-Site" "$(status POST /api/feedback -H "Origin: https://evil.example" \
    -H "$text" -d "$vote")" 403
expect_match "why" "$(json error < "$TMP/body")" 'another site.*--allow-origin'
# ... the option as its operator would write it, the page's origin in it
expect_eq "the origin named, to copy" "$(json error < "$TMP/body")" \
    "a page of another site (https://evil.example) may not post here: faqbot serve --allow-origin https://evil.example allows it"
expect_eq "question from another site, no Sec-Fetch-Site" "$(status POST /api/ask -H "Origin: http://evil.example:8080" \
    -H "$text" -d '{"q":"a planted question about volcanoes"}')" 403
expect_eq "vote from a sandboxed frame or a file" "$(status POST /api/feedback -H "Origin: null" -H "$text" -d "$vote")" 403
expect_eq "... no origin to name: the option's form" "$(json error < "$TMP/body")" \
    "a page of another site may not post here: faqbot serve --allow-origin ORIGIN allows one"
expect_eq "vote from a sibling host of this site" "$(status POST /api/feedback -H "Host: faq.example.org" \
    -H "Origin: http://www.example.org" -H "$text" -d "$vote")" 403
expect_eq "a forged X-Forwarded-Host of another name" "$(status POST /api/feedback -H "Host: faq.example.org" \
    -H "X-Forwarded-Host: faq.example.org" -H "Origin: http://faq.example.org.evil.example" -H "$text" -d "$vote")" 403
# another port of this host is another origin: a page of a second server
# on the machine (a dev server, another app) may not post here
port=${URL#http://127.0.0.1:}; port=${port%/}
expect_eq "vote from another port of this host" "$(status POST /api/feedback \
    -H "Origin: http://127.0.0.1:$((port == 65535 ? port - 1 : port + 1))" -H "$text" -d "$vote")" 403
expect_eq "vote from this host's default port, sent to another" "$(status POST /api/feedback \
    -H "Host: faq.example.org:8080" -H "Origin: http://faq.example.org" -H "$text" -d "$vote")" 403
expect_eq "vote from HTTPS's default port, sent to plain HTTP's" "$(status POST /api/feedback \
    -H "Host: faq.example.org:80" -H "Origin: https://faq.example.org" -H "$text" -d "$vote")" 403
# a Host that names no port was sent to a default one (80, 443): a page of
# another port of the host is another origin there too (it was let in, the
# port "not known")
expect_eq "vote from another port, sent to a Host of no port" "$(status POST /api/feedback \
    -H "Host: faq.example.org" -H "Origin: http://faq.example.org:8080" -H "$text" -d "$vote")" 403
expect_eq "question from another port, sent to an X-Forwarded-Host of no port" "$(status POST /api/ask \
    -H "Host: backend:8080" -H "X-Forwarded-Host: faq.example.org" -H "Origin: https://faq.example.org:8443" \
    -H "$text" -d '{"q":"a planted question about volcanoes"}')" 403
sleep 0.2
expect_eq "no stuffed vote logged" "$(grep -c 'stuffed' "$TMP/feedback.jsonl" 2>/dev/null || true)" "0"
expect_eq "no planted question logged" "$(grep -c 'volcanoes' "$TMP/unanswered.tsv" 2>/dev/null || true)" "0"

# an allowed site, the page itself, a client that is no browser
expect_eq "allowed site's vote" "$(status POST /api/feedback -H "Origin: https://friend.example" \
    -H "Sec-Fetch-Site: cross-site" -H "Content-Type: application/json" -d "$vote")" 204
expect_eq "the page's own vote" "$(status POST /api/feedback -H "Origin: ${URL%/}" \
    -H "Sec-Fetch-Site: same-origin" -H "Content-Type: application/json" -d "$vote")" 204
expect_eq "a client's vote" "$(status POST /api/feedback -H "Content-Type: application/json" -d "$vote")" 204
# the chat page's own POSTs from such a browser: directly, behind a proxy
# on a default port (nginx's Host $host, $http_host alike), behind one on
# another port that passes it on ($http_host), behind one that rewrites
# Host and says the original in X-Forwarded-Host
expect_eq "the page's own vote, no Sec-Fetch-Site" "$(status POST /api/feedback -H "Origin: ${URL%/}" \
    -H "Content-Type: application/json" -d "$vote")" 204
expect_eq "the page's vote behind a proxy on HTTPS's port" "$(status POST /api/feedback -H "Host: faq.example.org" \
    -H "Origin: https://FAQ.example.org" -H "Content-Type: application/json" -d "$vote")" 204
expect_eq "the page's vote behind a proxy on HTTP's port, named" "$(status POST /api/feedback -H "Host: faq.example.org" \
    -H "Origin: http://faq.example.org:80" -H "Content-Type: application/json" -d "$vote")" 204
expect_eq "the page's vote behind a proxy on another port, passed on" "$(status POST /api/feedback -H "Host: faq.example.org:8080" \
    -H "Origin: http://FAQ.example.org:8080" -H "Content-Type: application/json" -d "$vote")" 204
expect_eq "the page's vote behind a proxy, Host rewritten" "$(status POST /api/feedback -H "Host: backend:8080" \
    -H "X-Forwarded-Host: faq.example.org" -H "Origin: https://faq.example.org" \
    -H "Content-Type: application/json" -d "$vote")" 204
expect_eq "the page's vote on an IPv6 address" "$(status POST /api/feedback -H "Host: [::1]:8080" \
    -H "Origin: http://[::1]:8080" -H "Content-Type: application/json" -d "$vote")" 204
expect_eq "the page's vote, Host naming its scheme's port" "$(status POST /api/feedback -H "Host: faq.example.org:443" \
    -H "Origin: https://faq.example.org" -H "Content-Type: application/json" -d "$vote")" 204
expect_eq "ten votes logged" "$(grep -c 'stuffed' "$TMP/feedback.jsonl")" "10"
# a link from another site to the page of an answer is no POST: it opens
expect_eq "a link from another site" "$(status GET '/ask?q=iniciativa' -H "Sec-Fetch-Site: cross-site" \
    -H "Sec-Fetch-Mode: navigate")" 200
