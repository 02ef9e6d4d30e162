/* serve.c: the HTTP front end (see serve.h): routes in one table, a small
 * state machine per request in the manner of libmicrohttpd's examples,
 * JSON by jansson, the index swapped live. The top of the front end: the
 * route table and the daemon; the parts below (serve_http.h first) never
 * call back into it. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "index_live.h"
#include "index_read.h"
#include "limits.h"
#include "message_keys.h"
#include "messages.h"
#include "serve_ask.h"
#include "serve_http.h"
#include "serve_log.h"
#include "serve_metrics.h"
#include "serve_page.h"
#include "serve_qna.h"
#include "utf8.h"

/* the page's policy; frame-ancestors comes from --frame-ancestors */
#define CSP_FORMAT "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
                   "connect-src 'self'; frame-ancestors %s; base-uri 'none'; form-action 'self'"
#define CORS_METHODS "GET, POST, OPTIONS"
#define CORS_HEADERS "Content-Type, Authorization, Ocp-Apim-Subscription-Key"

/* ---- messages of the page ---- */

static enum MHD_Result route_messages(server *sv, struct MHD_Connection *c, request *r)
{
    uint32_t lang;
    enum MHD_Result ret;
    searcher *s = serve_message_searcher(sv, c, r, MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang"),
                                         NULL, &lang, &ret);
    if (!s)
        return ret;
    const faq_index *ix = searcher_index(s);
    json_t *j = json_object();
    char msg[1024];
    /* every key faqbot knows, those an older index lacks included (the
     * page's 👍 thanks, its open and close buttons): msg_format() finds
     * them in the packs */
    const char *k;
    for (size_t i = 0; (k = message_key(i)) != NULL; i++) {
        msg_format(ix, lang, k, NULL, msg, sizeof msg);
        json_object_set_new(j, k, json_string(msg));
    }
    json_object_set_new(j, "lang", json_string(faq_index_lang_code(ix, lang)));
    json_object_set_new(j, "text_lang", json_string(msg_text_lang(ix, lang)));
    json_object_set_new(j, "text_dir", json_string(msg_text_dir(msg_text_lang(ix, lang))));
    json_t *langs = json_array();
    for (uint32_t l = 0; l < faq_index_lang_count(ix); l++) {
        if (!faq_index_lang_entries(ix, l))
            continue;
        msg_format(ix, l, "lang_name", NULL, msg, sizeof msg);
        json_array_append_new(langs, json_pack("{s:s, s:s}", "code", faq_index_lang_code(ix, l), "name", msg));
    }
    json_object_set_new(j, "langs", langs);
    /* the page offers 👍/👎 only where a vote is kept */
    json_object_set_new(j, "feedback", json_boolean(sv->feedback_path != NULL));
    serve_tag_index(r, ix);
    index_live_put(sv->live, s);
    return serve_json(sv, c, r, 200, j);
}

/* ---- static files ---- */

static const char *content_type(const char *path)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
        {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"}, {".webmanifest", "application/manifest+json"}};
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof *types; i++)
        if (strcmp(dot, types[i][0]) == 0)
            return types[i][1];
    return "application/octet-stream";
}

static enum MHD_Result route_static(server *sv, struct MHD_Connection *c, request *r, const char *url)
{
    if (!sv->web[0])
        return serve_error(sv, c, r, 404, "not found");
    if (strcmp(url, "/") == 0)
        url = "/index.html";
    /* the URL is already percent-decoded: refuse dot segments, backslashes,
     * control bytes; then the real path must stay under the web folder */
    if (url[0] != '/' || strstr(url, "/.") || strchr(url, '\\') || strlen(url) > FAQ_HTTP_MAX_PATH_BYTES)
        return serve_error(sv, c, r, 404, "not found");
    for (const char *p = url; *p; p++)
        if ((unsigned char)*p < 0x20)
            return serve_error(sv, c, r, 404, "not found");
    char path[PATH_MAX + 600], real[PATH_MAX];
    snprintf(path, sizeof path, "%s%s", sv->web, url);
    size_t wl = strlen(sv->web);
    if (!realpath(path, real) || strncmp(real, sv->web, wl) != 0 || real[wl] != '/')
        return serve_error(sv, c, r, 404, "not found");
    int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        return serve_error(sv, c, r, 404, "not found");
    }
    const char *type = content_type(real);
    if (strncmp(type, "text/html", 9) == 0 && st.st_size <= FAQ_HTTP_MAX_PAGE_BYTES) {
        /* a page with {{key}}s is sent with the bot's texts in them */
        char *page = malloc((size_t)st.st_size + 1);
        ssize_t got = page ? read(fd, page, (size_t)st.st_size) : -1;
        if (got == st.st_size)
            page[got] = '\0';
        if (got == st.st_size && strstr(page, "{{")) {
            close(fd);
            enum MHD_Result ret = serve_page_template(sv, c, r, page, (size_t)got);
            free(page);
            return ret;
        }
        free(page);
        if (lseek(fd, 0, SEEK_SET) != 0) {
            close(fd);
            return serve_error(sv, c, r, 500, "cannot read the page");
        }
    }
    struct MHD_Response *resp = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
    if (!resp) {
        close(fd);
        return MHD_NO;
    }
    serve_add_headers(sv, c, r, resp);
    MHD_add_response_header(resp, "Content-Type", type);
    MHD_add_response_header(resp, "Cache-Control",
                            strncmp(type, "text/html", 9) == 0 ? "no-cache" : "public, max-age=300");
    r->status = 200;
    r->bytes = (unsigned long)st.st_size;
    enum MHD_Result ret = MHD_queue_response(c, 200, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* ---- routing ---- */

typedef enum { M_GET = 1, M_POST = 2, M_OPTIONS = 4 } method_mask;

typedef struct route {
    const char *path;           /* exact, or a prefix when it ends with '*' */
    int route;
    int methods;
} route;

/* The Azure routes are told apart by qna_match(), in any case, as Azure
 * does; OPTIONS is the CORS preflight of the cross-origin routes. */
static const route routes[] = {
    {"/api/ask", R_ASK, M_GET | M_POST | M_OPTIONS},
    {"/api/messages", R_MESSAGES, M_GET | M_OPTIONS},
    {"/api/feedback", R_FEEDBACK, M_POST | M_OPTIONS},
    {"/ask", R_ASK_PAGE, M_GET},
    {"/qnamaker/*", R_QNA, M_POST | M_OPTIONS},
    {"/language/*", R_LANGUAGE, M_POST | M_OPTIONS},
    {"/healthz", R_HEALTH, M_GET},
    {"/readyz", R_READY, M_GET},
    {"/metrics", R_METRICS, M_GET},
    {"/api/*", R_OTHER, 0},     /* unknown API routes: 404 in JSON */
    {"/*", R_STATIC, M_GET},
};

static const route *find_route(const char *url)
{
    for (size_t i = 0; i < sizeof routes / sizeof *routes; i++) {
        const char *p = routes[i].path;
        size_t n = strlen(p);
        if (p[n - 1] == '*' ? strncasecmp(url, p, n - 1) == 0 : strcmp(url, p) == 0)
            return &routes[i];
    }
    return NULL;
}

static int azure_route(int id)
{
    return id == R_QNA || id == R_QNA_TRAIN || id == R_LANGUAGE || id == R_LANGUAGE_FEEDBACK;
}

static int cross_origin(int id)
{
    return id == R_ASK || id == R_MESSAGES || id == R_FEEDBACK || azure_route(id);
}

/* An Origin given with --allow-origin, exactly: CORS headers for it. */
static void note_origin(server *sv, struct MHD_Connection *c, request *r)
{
    const char *o = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    for (size_t i = 0; o && cross_origin(r->route) && i < sv->n_origins; i++)
        if (strcmp(o, sv->origins[i]) == 0) {
            r->origin = sv->origins[i];
            r->cors = 1;
        }
}

/* The host name of "[::1]:8080", "example.org:80" or, after a scheme's
 * "://", of an Origin: its start and length, the port left out. */
static size_t host_name(const char *s, const char **start)
{
    const char *p = strstr(s, "://");
    p = p ? p + 3 : s;
    *start = p;
    if (*p == '[') {
        const char *end = strchr(p, ']');
        return end ? (size_t)(end - p) + 1 : strlen(p);
    }
    return strcspn(p, ":/, ");
}

/* The port written after a host name of n bytes at s (":8080"), -1 when
 * none is (or it is no port) */
static long port_after(const char *s, size_t n)
{
    if (s[n] != ':' || s[n + 1] < '0' || s[n + 1] > '9')
        return -1;
    char *end;
    long p = strtol(s + n + 1, &end, 10);
    return (*end == '\0' || *end == '/') && p <= 65535 ? p : -1;
}

/* Whether an Origin is of the host a request was sent to: the same host
 * name, and the same port. Another port of a host is another origin,
 * another program (a page of a second server on the same machine, a dev
 * server) that may not post here. A host (Host, X-Forwarded-Host) that
 * names no port was sent to its scheme's default one, 80 or 443 (which of
 * them is not known here behind a proxy that ends TLS), as an Origin that
 * names none is of its scheme's: so an Origin naming another port is
 * refused there too. A proxy in front of a server on another port passes
 * the port on (nginx's `proxy_set_header Host $http_host`; its `$host`
 * drops it). */
static int same_host(const char *origin, const char *host)
{
    const char *a, *b;
    size_t na = host_name(origin, &a), nb = host_name(host, &b);
    if (!na || na != nb || strncasecmp(a, b, na) != 0)
        return 0;
    long op = port_after(a, na);
    if (op < 0)   /* a browser leaves out its scheme's port */
        op = strncasecmp(origin, "https://", 8) == 0 ? 443 : strncasecmp(origin, "http://", 7) == 0 ? 80 : -1;
    long hp = port_after(b, nb);
    return hp < 0 ? op == 80 || op == 443 : op == hp;
}

/* A browser's request sent by a page of another site, or of another
 * origin of this one. A page may post a text/plain body anywhere without
 * asking first (no preflight): refused unless its origin is allowed, a
 * page anywhere could fill the feedback log with votes and the unanswered
 * log with questions, its visitors unaware. Its Sec-Fetch-Site says where
 * it comes from; but browsers send that header only to a secure origin
 * (HTTPS, localhost), and older ones (Safari before 16.4) never: a server
 * on plain HTTP gets none from any browser. Then its Origin (every browser
 * sends one with a POST; clients that are no browser send none) must name
 * the host the request was sent to (Host, or X-Forwarded-Host behind a
 * proxy that rewrites Host; a page cannot set the one, nor the other
 * without a preflight, whose allowed headers leave it out), and its port
 * (same_host). "null" (a sandboxed frame, a file) is
 * no site of this one. */
static int from_another_site(struct MHD_Connection *c)
{
    const char *site = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site");
    if (site)
        return strcmp(site, "cross-site") == 0 || strcmp(site, "same-site") == 0;
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    if (!origin)
        return 0;
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    const char *fwd = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-Host");
    return !(host && same_host(origin, host)) && !(fwd && same_host(origin, fwd));
}

/* The Allow header of a route's methods: "GET, HEAD, POST, OPTIONS", one
 * text for each set of methods, not printed at every request. */
static const char *allow_of(int methods)
{
    static const char *const by_methods[8] = {
        "", "GET, HEAD", "POST", "GET, HEAD, POST",
        "OPTIONS", "GET, HEAD, OPTIONS", "POST, OPTIONS", "GET, HEAD, POST, OPTIONS"};
    _Static_assert(M_GET == 1 && M_POST == 2 && M_OPTIONS == 4, "the methods index the texts");
    return by_methods[methods & 7];
}

static enum MHD_Result preflight(server *sv, struct MHD_Connection *c, request *r)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    if (!resp)
        return MHD_NO;
    serve_add_headers(sv, c, r, resp);
    /* what the route takes, as OPTIONS is asked for (RFC 9110 9.3.7): a
     * client finding its way sees it without a CORS preflight too */
    MHD_add_response_header(resp, "Allow", r->allow);
    if (r->cors) {
        char age[16];
        snprintf(age, sizeof age, "%d", FAQ_HTTP_CORS_MAX_AGE_S);
        MHD_add_response_header(resp, "Access-Control-Allow-Methods", CORS_METHODS);
        MHD_add_response_header(resp, "Access-Control-Allow-Headers", CORS_HEADERS);
        MHD_add_response_header(resp, "Access-Control-Max-Age", age);
    }
    r->status = 204;
    enum MHD_Result ret = MHD_queue_response(c, 204, resp);
    MHD_destroy_response(resp);
    return ret;
}

_Static_assert(sizeof(request) <= 1000, "a request's chunk stays under glibc's 1 KB (serve_http.h)");

/* The 403 to a POST from a page of another site, naming its origin when it
 * is one --allow-origin could take (http or https, printable ASCII), so
 * the operator who embedded the widget there can copy the option; "null"
 * (a sandboxed frame, a file) or none: the option's form only. */
static enum MHD_Result refuse_other_site(server *sv, struct MHD_Connection *c, request *r)
{
    const char *o = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    size_t n = o ? strlen(o) : 0;
    int named = n > 0 && n <= 200 && (strncmp(o, "http://", 7) == 0 || strncmp(o, "https://", 8) == 0);
    for (size_t i = 0; named && i < n; i++)
        named = o[i] > ' ' && o[i] < 0x7f && o[i] != '"' && o[i] != '\\';
    if (!named)
        return serve_error(sv, c, r, 403, "a page of another site may not post here: "
                                          "faqbot serve --allow-origin ORIGIN allows one");
    char msg[512];
    snprintf(msg, sizeof msg, "a page of another site (%s) may not post here: faqbot serve --allow-origin %s "
                              "allows it", o, o);
    return serve_error(sv, c, r, 403, msg);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_size, void **con_cls)
{
    server *sv = cls;
    request *r = *con_cls;
    if (!r) {
        /* first call: headers only; refuse early what we will not read */
        r = calloc(1, sizeof *r);
        if (!r)
            return MHD_NO;
        *con_cls = r;
        r->start = serve_now();
        log_escape(r->method, sizeof r->method, method, strlen(method), sizeof r->method - 1, 0);
        log_escape(r->path, sizeof r->path, url, strlen(url), LOG_PATH_BYTES, 0);
        int proxied = log_client(sv, c, r);
        const route *rt = find_route(url);
        r->route = rt ? rt->route : R_OTHER;
        if (r->route == R_QNA || r->route == R_LANGUAGE) {
            int q = qna_match(url);
            r->route = q < 0 ? R_OTHER : q;
        }
        int m = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0 ? M_GET
              : strcmp(method, "POST") == 0 ? M_POST : strcmp(method, "OPTIONS") == 0 ? M_OPTIONS : 0;
        r->is_post = m == M_POST;
        note_origin(sv, c, r);
        if (proxied) {
            /* behind a trusted proxy: the client's own per-address limit */
            if (!guard_client_enter(sv->guard, r->client))
                return serve_error(sv, c, r, 429, "too many requests from this address at once");
            r->client_counted = 1;
        }
        if (!rt || r->route == R_OTHER)
            return serve_error(sv, c, r, 404, "no such route");
        r->allow = allow_of(rt->methods);
        if (!(rt->methods & m)) {
            /* the Allow header said in the body too, where a client's
             * error shows only the body */
            char msg[128];
            snprintf(msg, sizeof msg, "method %s not allowed here: %s", r->method, r->allow);
            return serve_error(sv, c, r, 405, msg);
        }
        if (m == M_OPTIONS)
            return preflight(sv, c, r);
        if (azure_route(r->route) && !qna_key_ok(sv, c))
            return serve_error(sv, c, r, 401, "access denied: Authorization: EndpointKey KEY is required");
        if (r->is_post && !r->cors && from_another_site(c))
            return refuse_other_site(sv, c, r);
        if (r->is_post) {
            const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
            unsigned long long n = cl ? strtoull(cl, NULL, 10) : 0;
            /* a body up to a megabyte is read and dropped before the 413:
             * answered at once, the server's close would overtake the
             * client's writes and reset the connection, the answer unread */
            if (n > FAQ_DRAIN_BODY_BYTES)
                return serve_error(sv, c, r, 413, "the body is larger than 8 KiB");
            r->too_large = n > FAQ_MAX_BODY_BYTES;
        }
        return MHD_YES;
    }
    if (r->status)
        return MHD_YES;   /* answered already (refused early): drain */
    if (*upload_size) {
        if (r->too_large || r->body_len + *upload_size > FAQ_MAX_BODY_BYTES) {
            r->too_large = 1;   /* chunked bodies have no Content-Length */
        } else {
            if (!r->body && !(r->body = malloc(FAQ_MAX_BODY_BYTES + 1)))
                return MHD_NO;
            memcpy(r->body + r->body_len, upload_data, *upload_size);
            r->body_len += *upload_size;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (r->too_large)
        return serve_error(sv, c, r, 413, "the body is larger than 8 KiB");
    /* every body posted here is JSON, which is UTF-8: a Latin-1 body told
     * as such, not as a body that is no JSON object */
    if (r->is_post && r->body_len && !utf8_valid(r->body, r->body_len))
        return serve_error(sv, c, r, 400, "the body is not UTF-8 text: JSON is sent in UTF-8");
    /* the request is read whole: its deadline guards the reading only, and
     * an answer that takes long (the first question waiting for its
     * language's dictionary on a slow machine) must not be cut off */
    guard_answering(c);
    switch (r->route) {
    case R_ASK: return serve_route_ask(sv, c, r);
    case R_MESSAGES: return route_messages(sv, c, r);
    case R_ASK_PAGE: return serve_route_ask_page(sv, c, r);
    case R_QNA:
    case R_QNA_TRAIN:
    case R_LANGUAGE:
    case R_LANGUAGE_FEEDBACK: return qna_route(sv, c, r);
    case R_FEEDBACK: return log_route_feedback(sv, c, r);
    case R_HEALTH: return serve_route_health(sv, c, r);
    case R_READY: return serve_route_ready(sv, c, r);
    case R_METRICS: return serve_route_metrics(sv, c, r);
    case R_STATIC: return route_static(sv, c, r, url);
    }
    return serve_error(sv, c, r, 404, "no such route");
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    request *r = *con_cls;
    server *sv = cls;
    if (!r)
        return;
    guard_next_request(c);
    serve_count_request(sv, r->route, r->status);
    /* the access log: method and path (no query string), the question only
     * when asked for; one line, whatever the request held */
    log_access(sv, r, toe != MHD_REQUEST_TERMINATED_COMPLETED_OK);
    if (r->client_counted)
        guard_client_leave(sv->guard, r->client);
    free(r->question);
    free(r->body);
    free(r);
    *con_cls = NULL;
}

/* ---- start, stop, main ---- */

/* The listening socket is bound here, not by libmicrohttpd: a port in use is
 * then told once, by faqbot, with what to do, instead of once by the library's
 * log and again by faqbot. Returns the socket, or -1 with err set. */
static int listen_on(const struct sockaddr_storage *addr, long port, char *err, size_t errlen)
{
    char where[INET6_ADDRSTRLEN + 2];
    int v6 = addr->ss_family == AF_INET6;
    if (v6) {
        where[0] = '[';
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)addr)->sin6_addr, where + 1, INET6_ADDRSTRLEN);
        size_t n = strlen(where);
        snprintf(where + n, sizeof where - n, "]");
    } else {
        inet_ntop(AF_INET, &((const struct sockaddr_in *)addr)->sin_addr, where, sizeof where);
    }
    int fd = socket(addr->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        snprintf(err, errlen, "cannot listen on %s:%ld: %s%s", where, port, strerror(errno),
                 v6 && errno == EAFNOSUPPORT ? " (this machine has no IPv6)" : "");
        return -1;
    }
    int on = 1, off = 0;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    /* "::" is every address, IPv4's too, whatever the system's default */
    if (v6)
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    socklen_t len = v6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
    if (bind(fd, (const struct sockaddr *)addr, len) != 0 || listen(fd, SOMAXCONN) != 0) {
        int e = errno;
        close(fd);
        if (e == EADDRINUSE)
            snprintf(err, errlen, "cannot listen on %s:%ld: another program is using that port; "
                     "give another with --port N (--port 0: any free port)", where, port);
        else if (e == EACCES)
            snprintf(err, errlen, "cannot listen on %s:%ld: %s (ports below 1024 need privileges; "
                     "give another with --port N)", where, port, strerror(e));
        else if (e == EADDRNOTAVAIL)
            snprintf(err, errlen, "cannot listen on %s:%ld: %s (no interface of this machine has "
                     "that address%s)", where, port, strerror(e), v6 ? ", or it has no IPv6" : "");
        else
            snprintf(err, errlen, "cannot listen on %s:%ld: %s", where, port, strerror(e));
        return -1;
    }
    return fd;
}

/* --bind's address: IPv4, or IPv6 bare or in brackets as in a URL
 * ("[::1]"); "localhost", as most servers' settings take it, is the
 * loopback. 0 when it is none. */
static int bind_addr(const char *bind, long port, struct sockaddr_storage *addr)
{
    memset(addr, 0, sizeof *addr);
    if (!bind || strcmp(bind, "localhost") == 0)
        bind = "127.0.0.1";
    struct sockaddr_in *a4 = (struct sockaddr_in *)addr;
    if (inet_pton(AF_INET, bind, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)port);
        return 1;
    }
    char bare[INET6_ADDRSTRLEN];
    size_t n = strlen(bind);
    if (n >= 2 && bind[0] == '[' && bind[n - 1] == ']')
        bind++, n -= 2;
    if (n >= sizeof bare)
        return 0;
    memcpy(bare, bind, n);
    bare[n] = '\0';
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)addr;
    if (inet_pton(AF_INET6, bare, &a6->sin6_addr) != 1)
        return 0;
    a6->sin6_family = AF_INET6;
    a6->sin6_port = htons((uint16_t)port);
    return 1;
}

faq_server *serve_start(const serve_opts *o, char *err, size_t errlen)
{
    struct sockaddr_storage addr;
    if (!bind_addr(o->bind, o->port, &addr)) {
        snprintf(err, errlen, "--bind takes an IP address such as 127.0.0.1, 0.0.0.0, ::1 or :: (%s)",
                 o->bind);
        return NULL;
    }
    server *sv = calloc(1, sizeof *sv);
    if (!sv) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    sv->log_questions = o->log_questions;
    sv->threshold = o->has_threshold ? o->threshold : -1;
    sv->quiet = o->quiet;
    sv->endpoint_key = o->endpoint_key && *o->endpoint_key ? o->endpoint_key : NULL;
    sv->origins = o->allow_origin;
    sv->n_origins = o->n_allow_origin;
    snprintf(sv->csp, sizeof sv->csp, CSP_FORMAT, o->frame_ancestors ? o->frame_ancestors : "'none'");
    sv->frame_deny = !o->frame_ancestors;
    if (!o->web || !realpath(o->web, sv->web))
        sv->web[0] = '\0';   /* static files off */
    pthread_mutex_init(&sv->cache_mu, NULL);
    pthread_mutex_init(&sv->replies_mu, NULL);
    pthread_mutex_init(&sv->metrics.lang_mu, NULL);
    pthread_mutex_init(&sv->refusal_mu, NULL);
    if (log_open(sv, o, err, errlen) != 0)
        goto fail;
    if (o->frame_ancestors && strpbrk(o->frame_ancestors, ";,\r\n")) {
        snprintf(err, errlen, "--frame-ancestors takes sources separated by spaces");
        goto fail;
    }
    if (!o->no_cache && serve_cache_open(sv) != 0) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    if (!(sv->guard = guard_new(o->trust_proxy, o->n_trust_proxy, err, errlen)))
        goto fail;
    sv->live = index_live_open(o->index, err, errlen);
    if (!sv->live)
        goto fail;
    if (o->params)
        index_live_set_params(sv->live, o->params);
    int listen_fd = listen_on(&addr, o->port, err, errlen);
    if (listen_fd < 0)
        goto fail;
    /* the per-address limit is the guard's: it spares trusted proxies */
    sv->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG |
            (addr.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0), (uint16_t)o->port,
        guard_accept, sv->guard,
        handle, sv, MHD_OPTION_LISTEN_SOCKET, listen_fd,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads > 0 ? o->threads : FAQ_HTTP_THREADS),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)FAQ_HTTP_CONNECTION_TIMEOUT_S,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)FAQ_HTTP_MAX_CONNECTIONS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)FAQ_HTTP_CONNECTION_MEMORY,
        MHD_OPTION_NOTIFY_CONNECTION, guard_notify, sv->guard,
        MHD_OPTION_NOTIFY_COMPLETED, completed, sv, MHD_OPTION_END);
    if (!sv->daemon) {
        snprintf(err, errlen, "cannot serve on %s:%ld: %s", o->bind ? o->bind : "127.0.0.1", o->port,
                 strerror(errno));
        goto fail;   /* listen_fd is the library's from the call on, closed by it */
    }
    /* --port 0: the port the system chose */
    struct sockaddr_storage bound;
    socklen_t bound_len = sizeof bound;
    sv->port = getsockname(listen_fd, (struct sockaddr *)&bound, &bound_len) != 0 ? (unsigned)o->port
               : bound.ss_family == AF_INET6 ? ntohs(((struct sockaddr_in6 *)&bound)->sin6_port)
                                             : ntohs(((struct sockaddr_in *)&bound)->sin_port);
    return sv;
fail:
    serve_stop(sv);
    return NULL;
}

unsigned serve_port(const faq_server *sv) { return sv->port; }

/* The languages with FAQ entries (with), or those the packs alone let a
 * visitor ask in (!with), after sep: "en, es". */
static void summary_langs(buf *m, const faq_index *ix, int with, const char *sep)
{
    for (uint32_t l = 0; l < faq_index_lang_count(ix); l++)
        if ((faq_index_lang_entries(ix, l) != 0) == with) {
            buf_printf(m, "%s%s", sep, faq_index_lang_code(ix, l));
            sep = ", ";
        }
}

static void summarize(const faq_index *ix, void *ctx)
{
    buf *m = ctx;
    uint32_t faq = 0, langs = 0, others = 0;
    for (uint32_t l = 0; l < faq_index_lang_count(ix); l++) {
        faq += faq_index_lang_entries(ix, l);
        langs += faq_index_lang_entries(ix, l) != 0;
        others += faq_index_lang_entries(ix, l) == 0;
    }
    buf_printf(m, "%u FAQ entr%s in %u language%s (", faq, faq == 1 ? "y" : "ies", langs, langs == 1 ? "" : "s");
    summary_langs(m, ix, 1, "");
    buf_printf(m, ")");
    if (others) {
        buf_printf(m, " and %u more to ask in (", others);
        summary_langs(m, ix, 0, "");
        buf_printf(m, ")");
    }
    time_t built = (time_t)faq_index_build_time(ix);
    struct tm tm;
    char when[32];
    if (gmtime_r(&built, &tm) && strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm))
        buf_printf(m, ", built %s", when);
}

size_t serve_index_summary(faq_server *sv, const char *path, char *out, size_t cap)
{
    if (!cap)
        return 0;
    buf m = BUF_INIT(1 << 16);   /* a path and the languages: far below */
    char real[PATH_MAX];
    buf_printf(&m, "index %s: ", realpath(path, real) ? real : path);
    index_live_with(sv->live, summarize, &m);
    int n = snprintf(out, cap, "%s", m.s ? m.s : "");
    buf_free(&m);
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

int serve_check_index(faq_server *sv, int force)
{
    char err[1024];
    int r = index_live_check(sv->live, force, err, sizeof err);
    if (r > 0) {
        unsigned long long reloads = (unsigned long long)index_live_reloads(sv->live);
        fprintf(stderr, "faqbot serve: index reloaded (%llu reload%s)\n", reloads, reloads == 1 ? "" : "s");
    }
    else if (r < 0) {
        fprintf(stderr, "faqbot serve: new index refused, the old one keeps serving: %s\n", err);
        pthread_mutex_lock(&sv->refusal_mu);
        sv->refused_at = time(NULL);
        sv->refused_count++;
        snprintf(sv->refused_why, sizeof sv->refused_why, "%.255s", err);
        pthread_mutex_unlock(&sv->refusal_mu);
    }
    return r;
}

int serve_reopen_logs(faq_server *sv, char *err, size_t errlen)
{
    return log_reopen(sv, err, errlen);
}

void serve_stop(faq_server *sv)
{
    if (!sv)
        return;
    if (sv->daemon)
        MHD_stop_daemon(sv->daemon);
    guard_free(sv->guard);
    serve_cache_free(sv);
    log_close(sv);
    index_live_close(sv->live);
    pthread_mutex_destroy(&sv->cache_mu);
    pthread_mutex_destroy(&sv->replies_mu);
    pthread_mutex_destroy(&sv->metrics.lang_mu);
    pthread_mutex_destroy(&sv->refusal_mu);
    free(sv);
}
