/* serve_http.h: the lowest layer of `faqbot serve`, shared by all its
 * parts (serve.c: routes, daemon, main; serve_ask.c: the ask path;
 * serve_page.c: the page without JavaScript; serve_qna.c: the Azure
 * question-answering routes; serve_log.c: logs and client address;
 * serve_metrics.c: counters, /healthz and /metrics): the server and request
 * types, responding, question checks, the clock. It includes none of them.
 * Not a public header: only serve*.c include it. */
#ifndef FAQ_SERVE_HTTP_H
#define FAQ_SERVE_HTTP_H

#include <jansson.h>
#include <limits.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

#include "index_live.h"
#include "limits.h"
#include "search.h"
#include "serve.h"
#include "serve_guard.h"

#define ADDR_BYTES 48               /* an IPv6 address in text, NUL included */
#define LOG_PATH_BYTES 200          /* a logged path is cut here */
#define LOG_QUESTION_BYTES 300      /* and a logged question (--log-questions) */
#define N_OUTCOMES 4                /* faq_outcome values */

enum route_id { R_ASK, R_ASK_PAGE, R_MESSAGES, R_QNA, R_HEALTH, R_METRICS, R_STATIC, R_OTHER,
                R_QNA_TRAIN, R_LANGUAGE, R_LANGUAGE_FEEDBACK, R_FEEDBACK, R_READY, N_ROUTES };

/* The logs a server writes to, for their counters and messages. */
enum log_id { LOG_UNANSWERED, LOG_FEEDBACK, LOG_ACCESS, N_LOGS };

/* Counters of one server; atomics, or under lang_mu. */
typedef struct serve_metrics {
    atomic_ulong requests[N_ROUTES][16];    /* by route and index in statuses[] of serve.c */
    atomic_ulong answer_buckets[16];
    atomic_ulong answer_count;
    atomic_ulong answer_ns;
    atomic_ulong declined;
    atomic_ulong cache_hits;    /* answers sent from the answer cache */
    atomic_ulong log_errors[N_LOGS];    /* lines a log could not take */
    pthread_mutex_t lang_mu;
    char langs[FAQ_MAX_LANGS][FAQ_MAX_LANG_CODE];  /* languages met so far; "" free */
    unsigned long by_outcome[N_OUTCOMES][FAQ_MAX_LANGS + 1];  /* last column: other */
} serve_metrics;

typedef struct cache_slot cache_slot;

typedef struct faq_server {
    index_live *live;
    char web[PATH_MAX];         /* realpath of the web folder, or "" */
    int log_questions;
    double threshold;           /* --threshold, or -1: the index's setting or the default */
    int quiet;                  /* no access log on stderr */
    FILE *unanswered;
    pthread_mutex_t unanswered_mu;
    FILE *feedback;             /* --feedback-log, or NULL: the route is off */
    pthread_mutex_t feedback_mu;
    FILE *access;               /* --access-log, stderr, or NULL (quiet) */
    pthread_mutex_t access_mu;
    /* the three logs' paths (or NULL), kept to open them again on SIGHUP:
     * a log moved away by logrotate is then written afresh at its path.
     * Set once at the start: whether a log is on is asked of them, not of
     * the FILE pointers SIGHUP swaps (read under their locks only) */
    char *unanswered_path, *feedback_path, *access_path;
    atomic_int log_failing[N_LOGS];     /* its last write failed: said once */
    const char *endpoint_key;   /* required on the Azure routes when set */
    const char *const *origins; /* --allow-origin, exact */
    size_t n_origins;
    char csp[512];              /* Content-Security-Policy, with --frame-ancestors */
    int frame_deny;             /* X-Frame-Options: DENY (no --frame-ancestors) */
    cache_slot *cache;          /* FAQ_HTTP_ANSWER_CACHE slots, or NULL: --no-cache */
    pthread_mutex_t cache_mu;
    struct shared_json *replies[FAQ_HTTP_REPLY_KEEP];   /* answers' buffers let go of (serve_ask.c) */
    size_t n_replies;
    pthread_mutex_t replies_mu;
    serve_metrics metrics;
    pthread_mutex_t refusal_mu; /* the last index refused: when and why */
    time_t refused_at;
    char refused_why[256];
    unsigned long long refused_count;   /* index files refused since start */
    guard *guard;
    struct MHD_Daemon *daemon;
    unsigned port;
} server;

/* A request's state, under 1 KB: glibc serves an allocation of 1 KB or
 * more by first merging every small free chunk of the thread's arena. */
typedef struct request {
    double start;
    int route;
    unsigned status;
    unsigned long bytes;        /* body bytes of the response */
    char *body;                 /* bounded: FAQ_MAX_BODY_BYTES */
    size_t body_len;
    int too_large;
    int is_post;
    int cors;                   /* the Origin is allowed: CORS headers on the answer */
    const char *origin;         /* with cors: the one of sv->origins it sent */
    char client[ADDR_BYTES];    /* the peer, or the client a trusted proxy names */
    int client_counted;         /* holds a slot of the client's per-address limit */
    char method[8];
    const char *allow;          /* the Allow header of a 405 or an OPTIONS */
    char path[LOG_PATH_BYTES * 4 + 1];  /* for the access log, escaped */
    char *question;             /* for the access log with --log-questions, escaped */
    char index_tag[17];         /* the index answering, in hex (Faqbot-Index), or "" */
} request;

double serve_now(void);
/* Adds the headers of every response to resp (security policy, CORS) and
 * takes the connection's read deadline off. */
void serve_add_headers(server *sv, struct MHD_Connection *c, request *r, struct MHD_Response *resp);
/* Names the index that answers r in its response's Faqbot-Index header:
 * a page that keeps the bot's texts sees when the index was swapped. */
void serve_tag_index(request *r, const faq_index *ix);
/* Queue a response with the server's headers; body is freed as mode says. */
enum MHD_Result serve_respond(server *sv, struct MHD_Connection *c, request *r, unsigned status,
                              const char *type, const char *body, size_t len,
                              enum MHD_ResponseMemoryMode mode);
/* The same for a response already made, of len bytes; the caller's
 * hold on resp is let go of. */
enum MHD_Result serve_queue(server *sv, struct MHD_Connection *c, request *r, unsigned status,
                            const char *type, struct MHD_Response *resp, size_t len);
/* j is consumed. */
enum MHD_Result serve_json(server *sv, struct MHD_Connection *c, request *r, unsigned status, json_t *j);
enum MHD_Result serve_error(server *sv, struct MHD_Connection *c, request *r, unsigned status,
                            const char *msg);
/* r's body as JSON, a key given twice refused: which of two "q"s was meant
 * is not the server's to guess, and a proxy or filter in front that reads
 * the first would pass what faqbot, reading the last, answers. NULL, with
 * why (the parser's own words and where: a key twice, a lone surrogate,
 * text after the object) in why, when it is not. */
json_t *serve_json_body(const request *r, char *why, size_t cap);
/* NULL if the question is fine, else the reason for a 400. */
const char *serve_check_question(const char *q, size_t len);
/* As serve_check_question, and a question with nothing to ask in it (white
 * space alone: an unfilled box, a lost variable) is refused with blank,
 * the reason naming its field; it is no question the FAQ failed to answer,
 * and QnA Maker refuses it alike. */
const char *serve_check_asked(const char *q, size_t len, const char *blank);
/* The page's languages for a tie (search.h's page_lang): wanted (the
 * page's, may be NULL), then those of Accept-Language, the index's alone,
 * each once, FAQ_MAX_PAGE_LANGS at most, into out ("fr,en"; "" if none). */
void serve_page_languages(struct MHD_Connection *c, const faq_index *ix, const char *wanted,
                          char out[FAQ_MAX_PAGE_LANGS * FAQ_MAX_LANG_CODE]);
/* The live searcher for a request answered in messages, held until
 * index_live_put(): their language's code (wanted when the index has it,
 * else the most wanted language of Accept-Language it has, q-values
 * heeded, or NULL) into *code (may be NULL), the language they are in
 * (msg_lang()'s) into *lang. NULL when no index is live: the request is
 * answered 503, its result in *ret. */
searcher *serve_message_searcher(server *sv, struct MHD_Connection *c, request *r, const char *wanted,
                                 const char **code, uint32_t *lang, enum MHD_Result *ret);

#endif
