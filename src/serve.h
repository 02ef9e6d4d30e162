/* serve.h: `faqbot serve`: the chat page and the JSON API over HTTP
 * (libmicrohttpd), answering from an index that is swapped live when the
 * file changes. */
#ifndef FAQ_SERVE_H
#define FAQ_SERVE_H

#include <stddef.h>

#include "search_params.h"

typedef struct serve_opts {
    const char *index;          /* index file */
    const char *bind;           /* IPv4 address, "127.0.0.1" by default */
    const char *web;            /* folder of static files, or NULL */
    const char *unanswered;     /* file to append declined questions to, or NULL */
    long port;                  /* 0: any free port */
    long threads;
    int log_questions;
    int quiet;                  /* no access log (tests, fuzzing) */
    int no_cache;               /* every question searched, no answer kept */
    int has_threshold;          /* threshold given: else the index's setting, or the default */
    double threshold;
    const char *feedback_log;   /* file to append votes to, or NULL: POST /api/feedback answers 404 */
    const char *access_log;     /* file for the access log, or NULL: stderr */
    const char *endpoint_key;   /* required on the Azure routes, or NULL */
    const char *frame_ancestors; /* CSP frame-ancestors sources, or NULL: 'none' and X-Frame-Options DENY */
    const char *const *allow_origin; /* exact origins given CORS headers on the API */
    size_t n_allow_origin;
    const char *const *trust_proxy;  /* proxies whose X-Forwarded-For is believed */
    size_t n_trust_proxy;
    const search_params *params; /* the searchers' tuning (--params, --set), or NULL: the defaults */
} serve_opts;

typedef struct faq_server faq_server;

/* Starts listening (threads of its own); NULL with a message in err. */
faq_server *serve_start(const serve_opts *o, char *err, size_t errlen);
unsigned serve_port(const faq_server *s);
/* What an operator checks at start, a line into out (cut to cap): the
 * index served (path, its real one when it resolves), its FAQ entries and
 * languages, those a visitor may ask in from the packs alone, and when it
 * was built. Returns its length. */
size_t serve_index_summary(faq_server *s, const char *path, char *out, size_t cap);
/* Swap in the index file if it changed (or always, with force): 1 swapped,
 * 0 unchanged, -1 refused (logged; the old one keeps serving). */
int serve_check_index(faq_server *s, int force);
/* Opens the logs named by path again (SIGHUP, after logrotate moved
 * them): 0, or -1 with the reason in err (that log keeps its old file). */
int serve_reopen_logs(faq_server *s, char *err, size_t errlen);
void serve_stop(faq_server *s);     /* waits for requests in flight */

#endif
