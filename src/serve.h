/* serve.h: `faqbot serve`: the chat page and the JSON API over HTTP
 * (libmicrohttpd), answering from an index that is swapped live when the
 * file changes. */
#ifndef FAQ_SERVE_H
#define FAQ_SERVE_H

#include <stddef.h>

typedef struct serve_opts {
    const char *index;          /* index file */
    const char *bind;           /* IPv4 address, "127.0.0.1" by default */
    const char *web;            /* folder of static files, or NULL */
    const char *unanswered;     /* file to append declined questions to, or NULL */
    long port;                  /* 0: any free port */
    long threads;
    int log_questions;
    int quiet;                  /* no access log (tests, fuzzing) */
    int has_threshold;          /* threshold given: else the index's setting, or the default */
    double threshold;
} serve_opts;

typedef struct faq_server faq_server;

/* Starts listening (threads of its own); NULL with a message in err. */
faq_server *serve_start(const serve_opts *o, char *err, size_t errlen);
unsigned serve_port(const faq_server *s);
/* Swap in the index file if it changed (or always, with force): 1 swapped,
 * 0 unchanged, -1 refused (logged; the old one keeps serving). */
int serve_check_index(faq_server *s, int force);
void serve_stop(faq_server *s);     /* waits for requests in flight */

/* Parses its own options (argv[0] is "serve"), runs until SIGINT/SIGTERM,
 * returns the exit code: 0, 1 usage, 2 bad index or cannot listen. */
int serve_main(int argc, char **argv);

#endif
