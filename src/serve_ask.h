/* serve_ask.h: the ask path of `faqbot serve`, above serve_http.h,
 * serve_log.h and serve_metrics.h; the routes that answer questions
 * (serve.c, serve_page.c, serve_qna.c) ask through it. */
#ifndef FAQ_SERVE_ASK_H
#define FAQ_SERVE_ASK_H

#include "serve_http.h"

typedef struct ask_args {
    const char *q;
    size_t q_len;
    const char *lang;
    const char *prev_lang;
    const char *page_lang;      /* a tie's priors without prev_lang (search.h) */
    int explain;
    int highlight;              /* marks the query's words in the answer */
} ask_args;


/* The answer cache: FAQ_HTTP_ANSWER_CACHE slots; 0, or -1 out of memory.
 * serve_cache_free, which frees the answers' buffers kept too (once the
 * daemon is stopped), accepts a server whose cache never opened. */
int serve_cache_open(server *sv);
void serve_cache_free(server *sv);
void serve_note_question(const server *sv, request *r, const char *q, size_t len);
/* The calling thread's searcher for question q (noted for the log), or
 * NULL with the error sent (400 for bad, a bad question or a blank one,
 * told by the name of its field, 503 without an index) and *ret set;
 * body is freed then. */
searcher *serve_take(server *sv, struct MHD_Connection *c, request *r, const char *q, size_t len,
                     const char *field, const char *bad, json_t *body, enum MHD_Result *ret);
/* Ask: fills a, counts it and logs a decline; 0, or -1 if memory ran out. */
int serve_ask(server *sv, const ask_args *in, faq_answer *a, searcher *s);
/* Ask; the answer object of the API, with answer_html (the caller owns it),
 * or NULL out of memory. */
json_t *serve_answer(server *sv, const ask_args *in, faq_answer *a, searcher *s);
/* GET /api/ask?q=... or POST {"q": ...}. */
enum MHD_Result serve_route_ask(server *sv, struct MHD_Connection *c, request *r);

#endif
