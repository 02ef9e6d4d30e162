/* serve_internal.h: what the parts of `faqbot serve` share (serve.c: routes,
 * the page, start and stop; serve_qna.c: the Azure question-answering
 * routes; serve_log.c: access log, feedback log, client address;
 * serve_metrics.c: counters, /healthz and /metrics;
 * serve_guard.c: connection deadlines and per-address limits). Not a public
 * header: only serve*.c include it. */
#ifndef FAQ_SERVE_INTERNAL_H
#define FAQ_SERVE_INTERNAL_H

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
                R_QNA_TRAIN, R_LANGUAGE, R_LANGUAGE_FEEDBACK, R_FEEDBACK, N_ROUTES };

/* Counters of one server; atomics, or under lang_mu. */
typedef struct serve_metrics {
    atomic_ulong requests[N_ROUTES][16];    /* by route and index in statuses[] of serve.c */
    atomic_ulong answer_buckets[16];
    atomic_ulong answer_count;
    atomic_ulong answer_ns;
    atomic_ulong declined;
    pthread_mutex_t lang_mu;
    char langs[FAQ_MAX_LANGS][FAQ_MAX_LANG_CODE];  /* languages met so far; "" free */
    unsigned long by_outcome[N_OUTCOMES][FAQ_MAX_LANGS + 1];  /* last column: other */
} serve_metrics;

typedef struct cache_slot cache_slot;

typedef struct faq_server {
    index_live *live;
    char web[PATH_MAX];         /* realpath of the web folder, or "" */
    int log_questions;
    int quiet;                  /* no access log on stderr */
    FILE *unanswered;
    pthread_mutex_t unanswered_mu;
    FILE *feedback;             /* --feedback-log, or NULL: the route is off */
    pthread_mutex_t feedback_mu;
    FILE *access;               /* --access-log, stderr, or NULL (quiet) */
    pthread_mutex_t access_mu;
    const char *endpoint_key;   /* required on the Azure routes when set */
    const char *const *origins; /* --allow-origin, exact */
    size_t n_origins;
    char csp[512];              /* Content-Security-Policy, with --frame-ancestors */
    int frame_deny;             /* X-Frame-Options: DENY (no --frame-ancestors) */
    cache_slot *cache;          /* FAQ_HTTP_ANSWER_CACHE slots */
    pthread_mutex_t cache_mu;
    serve_metrics metrics;
    pthread_mutex_t refusal_mu; /* the last index refused: when and why */
    time_t refused_at;
    char refused_why[256];
    guard *guard;
    struct MHD_Daemon *daemon;
    unsigned port;
} server;

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
    char origin[256];
    char client[ADDR_BYTES];    /* the peer, or the client a trusted proxy names */
    int client_counted;         /* holds a slot of the client's per-address limit */
    char method[8];
    char allow[16];             /* the Allow header of a 405 */
    char path[LOG_PATH_BYTES * 4 + 1];  /* for the access log, escaped */
    char *question;             /* for the access log with --log-questions, escaped */
} request;

double serve_now(void);
/* Queue a response with the server's headers; body is freed as mode says. */
enum MHD_Result serve_respond(server *sv, struct MHD_Connection *c, request *r, unsigned status,
                              const char *type, const char *body, size_t len,
                              enum MHD_ResponseMemoryMode mode);
/* j is consumed. */
enum MHD_Result serve_json(server *sv, struct MHD_Connection *c, request *r, unsigned status, json_t *j);
enum MHD_Result serve_error(server *sv, struct MHD_Connection *c, request *r, unsigned status,
                            const char *msg);
/* NULL if the question is fine, else the reason for a 400. */
const char *serve_check_question(const char *q, size_t len);
void serve_note_question(const server *sv, request *r, const char *q, size_t len);
/* The calling thread's searcher for question q (noted for the log), or
 * NULL with the error sent (400 for bad or a bad question, 503 without an
 * index) and *ret set; body is freed then. */
searcher *serve_take(server *sv, struct MHD_Connection *c, request *r, const char *q, size_t len,
                     const char *bad, json_t *body, enum MHD_Result *ret);

/* serve_metrics.c */
void serve_count_request(server *sv, int route, unsigned status);
/* Counts an answer (time, outcome, language) and logs a declined question. */
void serve_count_answer(server *sv, double seconds, const faq_answer *a, const char *q, size_t len);
enum MHD_Result serve_route_health(server *sv, struct MHD_Connection *c, request *r);
enum MHD_Result serve_route_metrics(server *sv, struct MHD_Connection *c, request *r);

/* serve_qna.c: the QnA Maker v4 and custom question answering routes. */
/* Which route url is (R_QNA, R_QNA_TRAIN, R_LANGUAGE, R_LANGUAGE_FEEDBACK), or -1. */
int qna_match(const char *url);
/* 1 when the request carries the endpoint key (or none is required). */
int qna_key_ok(const server *sv, struct MHD_Connection *c);
enum MHD_Result qna_route(server *sv, struct MHD_Connection *c, request *r);

/* serve_log.c */
int log_open(server *sv, const serve_opts *o, char *err, size_t errlen);
void log_close(server *sv);
/* Bytes shown as they are in a log: printable ASCII but '"' and '\\' (and
 * the space, when space); the rest as \xNN. Returns the length written. */
size_t log_escape(char *out, size_t cap, const char *s, size_t n, size_t max, int space);
void log_access(server *sv, const request *r, int aborted);
/* A declined question, one line (lang may be NULL). */
void log_unanswered(server *sv, const char *lang, const char *q, size_t len);
/* Sets r->client: the peer, or with a trusted peer the client that
 * X-Forwarded-For names; 1 in that last case. */
int log_client(server *sv, struct MHD_Connection *c, request *r);
/* One feedback line: q, entry id, lang, vote ("up", "down"), via (the route).
 * 0, or -1 when no feedback log is open. */
int log_feedback(server *sv, const char *q, size_t q_len, const char *id, const char *lang,
                 const char *vote, const char *via);
enum MHD_Result log_route_feedback(server *sv, struct MHD_Connection *c, request *r);

#endif
