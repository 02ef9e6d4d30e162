/* cmd_serve.c: `faqbot serve` (see cmd_serve.h): its options, the web
 * folder found, the signals, and the index looked at while it serves. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_serve.h"
#include "index_read.h"
#include "limits.h"
#include "serve.h"

#define DEFAULT_WEB "web"
#define DEFAULT_PORT 8080

/* Where "make install" puts share/faqbot/web (make PREFIX=...). */
#ifndef PREFIX
#define PREFIX "/usr/local"
#endif

/* The web folder when --web is not given, wherever faqbot is started from:
 * web/ beside the binary's folder (the source tree: build/faqbot), beside
 * the binary, beside the folder above (a build variant: build/asan/faqbot),
 * or the installed one. A folder counts when it holds the chat page. 0 with
 * its path in out, or -1 with the places looked at in out. */
static int find_web(char *out, size_t cap)
{
    char bin[PATH_MAX], cand[4][PATH_MAX + 32];
    int k = 0;
    ssize_t n = readlink("/proc/self/exe", bin, sizeof bin - 1);
    bin[n > 0 ? n : 0] = '\0';
    char *slash = strrchr(bin, '/');
    if (slash) {
        *slash = '\0';
        snprintf(cand[k++], sizeof cand[0], "%s/../" DEFAULT_WEB, bin);
        snprintf(cand[k++], sizeof cand[0], "%s/" DEFAULT_WEB, bin);
        snprintf(cand[k++], sizeof cand[0], "%s/../../" DEFAULT_WEB, bin);
    }
    snprintf(cand[k++], sizeof cand[0], "%s/share/faqbot/web", PREFIX);
    size_t o = 0;
    for (int i = 0; i < k; i++) {
        char page[sizeof cand + 16];
        snprintf(page, sizeof page, "%s/index.html", cand[i]);
        if (access(page, R_OK) == 0 && realpath(cand[i], out))
            return 0;
    }
    out[0] = '\0';
    for (int i = 0; i < k && o < cap; i++) {
        int w = snprintf(out + o, cap - o, "%s%s", i ? ", " : "", cand[i]);
        o += w > 0 ? (size_t)w : 0;
    }
    return -1;
}

/* A whole number from lo to hi in *out; else -1 after saying so. */
static int parse_range(const cli_command *cmd, const char *name, const char *s, long lo, long hi, long *out)
{
    if (!s)
        return 0;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) {
        fprintf(stderr, "faqbot %s: --%s takes %ld to %ld\n", cmd->name, name, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

/* The options of serve_opts that the command line sets; EXIT_OK to go on,
 * else the exit code (help printed: -1). */
static int read_options(const cli_command *cmd, int argc, char **argv, serve_opts *o, const char **origins,
                        const char **proxies)
{
    const char *port = NULL, *threads = NULL, *threshold = NULL;
    const cli_opt opts[] = {
        CLI_VALUE("index", &o->index),
        CLI_VALUE("bind", &o->bind),
        CLI_VALUE("port", &port),
        CLI_VALUE("web", &o->web),
        CLI_VALUE("threads", &threads),
        CLI_VALUE("threshold", &threshold),
        CLI_FLAG("log-questions", &o->log_questions),
        CLI_FLAG("no-cache", &o->no_cache),
        CLI_VALUE("unanswered", &o->unanswered),
        CLI_VALUE("feedback-log", &o->feedback_log),
        CLI_VALUE("access-log", &o->access_log),
        CLI_LIST("allow-origin", origins, &o->n_allow_origin, FAQ_HTTP_MAX_ORIGINS),
        CLI_VALUE("frame-ancestors", &o->frame_ancestors),
        CLI_LIST("trust-proxy", proxies, &o->n_trust_proxy, FAQ_HTTP_MAX_ORIGINS),
        CLI_VALUE("endpoint-key", &o->endpoint_key),
        CLI_END,
    };
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i == CLI_OPTS_HELP) {
        printf("defaults: " FAQ_DEFAULT_INDEX ", 127.0.0.1, %d (0: any free port), %d threads, the web/ folder\n"
               "beside the binary's folder or the binary, else " PREFIX "/share/faqbot/web,\n"
               "access log on stderr, no feedback log, no cross-origin use, no framing,\n"
               "the last 4,096 distinct answers kept until the index changes (--no-cache: none),\n"
               "endpoint key from FAQBOT_ENDPOINT_KEY (none: the Azure routes are open)\n"
               "--bind: an IPv4 address (localhost: 127.0.0.1; 0.0.0.0: every IPv4 interface) or an\n"
               "IPv6 one, bare or in brackets (::1, [::1]; :: every interface, IPv4's too)\n",
               DEFAULT_PORT, FAQ_HTTP_THREADS);
        return -1;
    }
    if (i == CLI_OPTS_BAD)
        return EXIT_USAGE;
    if (cli_refuse_operand(cmd, argc, argv, i, NULL, "index") != 0)
        return EXIT_USAGE;
    if (parse_range(cmd, "port", port, 0, 65535, &o->port) != 0 ||
        parse_range(cmd, "threads", threads, 1, FAQ_HTTP_MAX_THREADS, &o->threads) != 0)
        return EXIT_USAGE;
    o->threshold = cli_parse_threshold(threshold, cmd);
    if (o->threshold == -2)
        return EXIT_USAGE;
    o->has_threshold = threshold != NULL;
    return EXIT_OK;
}

int cmd_serve(const cli_command *cmd, int argc, char **argv)
{
    search_params params;
    if (cli_take_params(cmd, &argc, argv, &params) != 0)
        return EXIT_USAGE;
    serve_opts o = {.index = FAQ_DEFAULT_INDEX, .bind = "127.0.0.1", .port = DEFAULT_PORT,
                    .threads = FAQ_HTTP_THREADS, .params = &params};
    const char *origins[FAQ_HTTP_MAX_ORIGINS], *proxies[FAQ_HTTP_MAX_ORIGINS];
    o.allow_origin = origins;
    o.trust_proxy = proxies;
    o.endpoint_key = getenv("FAQBOT_ENDPOINT_KEY");
    int rc = read_options(cmd, argc, argv, &o, origins, proxies);
    if (rc != EXIT_OK)
        return rc < 0 ? EXIT_OK : rc;
    struct stat st;
    char web[PATH_MAX * 4 + 128];
    if (!o.web) {
        if (find_web(web, sizeof web) != 0) {
            fprintf(stderr, "faqbot serve: no web folder with index.html (looked in %s): give one with --web DIR\n", web);
            return EXIT_DATA;
        }
        o.web = web;
    } else if (stat(o.web, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "faqbot serve: web folder %s: %s\n", o.web,
                access(o.web, F_OK) != 0 ? strerror(errno) : "not a folder");
        return EXIT_DATA;
    }
    /* signals go to this thread alone, through sigtimedwait */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    /* a socket a connection: the soft limit (often 1024) would cap the
     * ceiling of src/limits.h below what it says */
    struct rlimit nofile;
    if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur < FAQ_HTTP_MAX_CONNECTIONS + 64) {
        nofile.rlim_cur = nofile.rlim_max < FAQ_HTTP_MAX_CONNECTIONS + 64 ? nofile.rlim_max
                                                                          : FAQ_HTTP_MAX_CONNECTIONS + 64;
        setrlimit(RLIMIT_NOFILE, &nofile);
    }
    char err[1024];
    faq_server *sv = serve_start(&o, err, sizeof err);
    if (!sv) {
        fprintf(stderr, "faqbot serve: %s\n", err);
        cli_hint_no_index(cmd->name, 1, o.index);
        return strncmp(err, "--", 2) == 0 ? EXIT_USAGE : EXIT_DATA;
    }
    /* an IPv6 address stands in brackets in a URL */
    int bracket = strchr(o.bind, ':') && o.bind[0] != '[';
    printf("listening on http://%s%s%s:%u/\n", bracket ? "[" : "", o.bind, bracket ? "]" : "",
           serve_port(sv));
    /* the URL stays the first line's last word (scripts read it so); what
     * is served comes under it, so a wrong index is seen at once */
    serve_index_summary(sv, o.index, err, sizeof err);
    printf("%s\n", err);
    fflush(stdout);
    for (;;) {
        struct timespec wait = {0, FAQ_HTTP_RELOAD_POLL_MS * 1000000L};
        int sig = sigtimedwait(&sigs, NULL, &wait);
        if (sig == SIGINT || sig == SIGTERM)
            break;
        /* the logs first: opening them is quick, a forced reload is not */
        if (sig == SIGHUP && serve_reopen_logs(sv, err, sizeof err) != 0)
            fprintf(stderr, "faqbot serve: log not opened again, still written where it was: %s\n", err);
        serve_check_index(sv, sig == SIGHUP);
    }
    fprintf(stderr, "faqbot serve: shutting down\n");
    serve_stop(sv);
    return EXIT_OK;
}
