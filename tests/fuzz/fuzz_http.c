/* fuzz_http.c: arbitrary bytes as an HTTP request (request line, headers,
 * query strings, JSON bodies, paths) to the real server, started once in
 * this process so the fuzzer sees the handler's coverage. Any crash, or
 * the server no longer answering /healthz, is a finding. The index and
 * web folder come from $FAQBOT_FUZZ_INDEX and $FAQBOT_FUZZ_WEB. */
#include <arpa/inet.h>
#include <netinet/in.h>
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

static faq_server *server;
static unsigned port;
static long iterations;

static int exchange(const uint8_t *data, size_t size, char *reply, size_t cap)
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
    size_t sent = 0;
    while (sent < size) {
        ssize_t w = send(fd, data + sent, size - sent, MSG_NOSIGNAL);
        if (w <= 0)
            break;
        sent += (size_t)w;
    }
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!server) {
        signal(SIGPIPE, SIG_IGN);
        serve_opts o = {getenv("FAQBOT_FUZZ_INDEX"), "127.0.0.1", getenv("FAQBOT_FUZZ_WEB"), NULL, 0, 2, 0, 1, 0, 0};
        char err[512];
        if (!o.index || !(server = serve_start(&o, err, sizeof err))) {
            fprintf(stderr, "fuzz_http: cannot start the server (%s)\n", o.index ? err : "set FAQBOT_FUZZ_INDEX");
            abort();
        }
        port = serve_port(server);
    }
    static char reply[1 << 16];
    exchange(data, size, reply, sizeof reply);
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
            alive = exchange((const uint8_t *)health, sizeof health - 1, reply, sizeof reply) > 0 &&
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
