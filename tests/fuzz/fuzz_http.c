/* fuzz_http.c: requests to the real server, started once in this process
 * so the fuzzer sees the handler's coverage. Any crash, a 500 or 503, or
 * the server no longer answering /healthz, is a finding. The index and
 * web folder come from $FAQBOT_FUZZ_INDEX and $FAQBOT_FUZZ_WEB.
 *
 * An input whose first byte is printable is sent as it is: any bytes as a
 * request, to test the parsing in front of the handler. Arbitrary bytes
 * rarely make a request line, a route and a body that get past it, so an
 * input whose first byte is a control byte (below 0x20) is a request built
 * around the fuzzer's bytes instead:
 *   byte 0: bits of the request's shape (FLAG_*);
 *   byte 1: the method (methods[]), byte 2: the route (routes[]),
 *   byte 3: the length of each chunk of a chunked body (1 to 256);
 *   then four fields, each ended by a NUL (the last by the input's end):
 *   more of the path, the query string, header lines, the body.
 * The server runs with every option that opens a route or a check of its
 * own: feedback and unanswered logs, an endpoint key, CORS origins and a
 * trusted proxy. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve.h"

enum {
    FLAG_CHUNKED = 1,       /* Transfer-Encoding: chunked, else Content-Length */
    FLAG_PAUSE = 2,         /* the body sent after the head, a moment later */
    FLAG_SHORT = 4,         /* a Content-Length past the body: it ends early */
    FLAG_JSON = 8,          /* Content-Type: application/json */
    FLAG_KEY = 16           /* the endpoint key the server wants */
};

static const char *const methods[] = {"GET", "POST", "OPTIONS", "HEAD", "PUT", "DELETE"};
static const char *const routes[] = {
    "/api/ask",
    "/api/messages",
    "/api/feedback",
    "/ask",
    "/qnamaker/knowledgebases/kb/generateAnswer",
    "/qnamaker/knowledgebases/kb/train",
    "/language/:query-knowledgebases",
    "/language/query-knowledgebases/projects/p/feedback",
    "/healthz",
    "/metrics",
    "/",
    "/api/",
    "/index.html",
    "/readyz",
};
#define COUNT(a) (sizeof(a) / sizeof *(a))

static faq_server *server;
static unsigned port;
static long iterations;

static int connect_server(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    int one = 1;    /* each send() its own segment, for the pause to split */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

static void send_all(int fd, const void *data, size_t size)
{
    size_t sent = 0;
    while (sent < size) {
        ssize_t w = send(fd, (const char *)data + sent, size - sent, MSG_NOSIGNAL);
        if (w <= 0)
            break;
        sent += (size_t)w;
    }
}

/* Sends head, then body (after a pause, when asked), ends the sending and
 * reads the reply into reply (cap bytes, NUL-ended): its length, or -1
 * when the server cannot be reached. */
static int exchange(const void *head, size_t head_len, const void *body, size_t body_len, int pause,
                    char *reply, size_t cap)
{
    int fd = connect_server();
    if (fd < 0)
        return -1;
    send_all(fd, head, head_len);
    if (pause && body_len)
        usleep(1000);
    send_all(fd, body, body_len);
    shutdown(fd, SHUT_WR);
    size_t got = 0;
    struct pollfd p = {fd, POLLIN, 0};
    while (got + 1 < cap && poll(&p, 1, 20) > 0) {
        ssize_t r = recv(fd, reply + got, cap - 1 - got, 0);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    reply[got] = '\0';
    close(fd);
    return (int)got;
}

/* The next field of a built input: its bytes up to the next NUL (or the
 * end); *p moves past it. */
static const uint8_t *field(const uint8_t **p, const uint8_t *end, size_t *len)
{
    const uint8_t *s = *p, *nul = memchr(s, 0, (size_t)(end - s));
    *len = (size_t)((nul ? nul : end) - s);
    *p = nul ? nul + 1 : end;
    return s;
}

/* The request a built input stands for, head and body, into the static
 * buffers; 0, or -1 when it does not fit them (the input is left out). */
static int build(const uint8_t *data, size_t size, char **head, size_t *head_len, char **body,
                 size_t *body_len)
{
    static char h[1 << 17], b[1 << 18];
    if (size < 4)
        return -1;
    unsigned flags = data[0], chunk = (unsigned)data[3] + 1;
    const uint8_t *p = data + 4, *end = data + size;
    size_t path_len, query_len, headers_len, content_len;
    const uint8_t *path = field(&p, end, &path_len), *query = field(&p, end, &query_len);
    const uint8_t *headers = field(&p, end, &headers_len), *content = field(&p, end, &content_len);
    size_t n = 0;
    if (flags & FLAG_CHUNKED) {
        for (size_t at = 0; at < content_len; at += chunk) {
            size_t k = content_len - at < chunk ? content_len - at : chunk;
            if (n + k + 16 > sizeof b)
                return -1;
            n += (size_t)snprintf(b + n, sizeof b - n, "%zx\r\n", k);
            memcpy(b + n, content + at, k);
            n += k;
            memcpy(b + n, "\r\n", 2);
            n += 2;
        }
        if (!(flags & FLAG_SHORT)) {
            if (n + 5 > sizeof b)
                return -1;
            memcpy(b + n, "0\r\n\r\n", 5);
            n += 5;
        }
    } else {
        if (content_len > sizeof b)
            return -1;
        memcpy(b, content, content_len);
        n = content_len;
    }
    int m = snprintf(h, sizeof h, "%s %s%.*s%s%.*s HTTP/1.1\r\nHost: x\r\n%s%s",
                     methods[data[1] % COUNT(methods)], routes[data[2] % COUNT(routes)],
                     (int)path_len, (const char *)path, query_len ? "?" : "", (int)query_len,
                     (const char *)query, flags & FLAG_JSON ? "Content-Type: application/json\r\n" : "",
                     flags & FLAG_KEY ? "Authorization: EndpointKey k\r\n" : "");
    if (m < 0 || (size_t)m + headers_len + 64 > sizeof h)
        return -1;
    size_t hn = (size_t)m;
    memcpy(h + hn, headers, headers_len);
    hn += headers_len;
    if (headers_len && (headers_len < 2 || memcmp(headers + headers_len - 2, "\r\n", 2) != 0)) {
        memcpy(h + hn, "\r\n", 2);
        hn += 2;
    }
    hn += (size_t)(flags & FLAG_CHUNKED
                       ? snprintf(h + hn, sizeof h - hn, "Transfer-Encoding: chunked\r\n\r\n")
                       : snprintf(h + hn, sizeof h - hn, "Content-Length: %zu\r\n\r\n",
                                  content_len + (flags & FLAG_SHORT ? 1 + content_len / 2 : 0)));
    *head = h;
    *head_len = hn;
    *body = b;
    *body_len = n;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!server) {
        signal(SIGPIPE, SIG_IGN);
        static const char *const origins[] = {"http://a.example"}, *const proxies[] = {"127.0.0.1"};
        serve_opts o = {0};
        o.index = getenv("FAQBOT_FUZZ_INDEX");
        o.bind = "127.0.0.1";
        o.web = getenv("FAQBOT_FUZZ_WEB");
        o.unanswered = "/dev/null";
        o.feedback_log = "/dev/null";
        o.threads = 2;
        o.log_questions = 1;
        o.quiet = 1;
        o.endpoint_key = "k";
        o.allow_origin = origins;
        o.n_allow_origin = 1;
        o.trust_proxy = proxies;
        o.n_trust_proxy = 1;
        char err[512];
        if (!o.index || !(server = serve_start(&o, err, sizeof err))) {
            fprintf(stderr, "fuzz_http: cannot start the server (%s)\n", o.index ? err : "set FAQBOT_FUZZ_INDEX");
            abort();
        }
        port = serve_port(server);
        /* /readyz answers 503 while the dictionaries load: the inputs
         * start once it is ready, when a 503 is a finding again */
        static const char ready[] = "GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        static char answer[4096];
        while (exchange(ready, sizeof ready - 1, NULL, 0, 0, answer, sizeof answer) <= 0 ||
               strncmp(answer, "HTTP/1.1 200", 12) != 0)
            usleep(50000);
    }
    static char reply[1 << 16];
    if (size && data[0] < 0x20) {
        char *head, *body;
        size_t head_len, body_len;
        if (build(data, size, &head, &head_len, &body, &body_len) != 0)
            return -1;  /* not worth keeping */
        exchange(head, head_len, body, body_len, data[0] & FLAG_PAUSE, reply, sizeof reply);
    } else {
        exchange(data, size, NULL, 0, 0, reply, sizeof reply);
    }
    /* 500 is a failure of ours; libmicrohttpd itself answers a bad request
     * line with 505 (version) or 501 (method), which is protocol, not a fault */
    if (strncmp(reply, "HTTP/1.1 500", 12) == 0 || strncmp(reply, "HTTP/1.1 503", 12) == 0) {
        fprintf(stderr, "fuzz_http: a 5xx answer\n%s\n", reply);
        abort();
    }
    /* now and then: is it still serving? */
    if (++iterations % 256 == 0) {
        static const char health[] = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        /* the fuzzer opens connections faster than the server closes the
         * unfinished ones, and meets the per-address limit: that refusal is
         * the limit working, so give it time (twice the idle timeout) */
        int alive = 0;
        for (int i = 0; i < 400 && !alive; i++) {
            alive = exchange(health, sizeof health - 1, NULL, 0, 0, reply, sizeof reply) > 0 &&
                    strncmp(reply, "HTTP/1.1 200", 12) == 0;
            if (!alive)
                usleep(50000);
        }
        if (!alive) {
            fprintf(stderr, "fuzz_http: the server stopped answering\n");
            abort();
        }
    }
    return 0;
}
