/* serve_log.h: what `faqbot serve` writes down; above serve_http.h. */
#ifndef FAQ_SERVE_LOG_H
#define FAQ_SERVE_LOG_H

#include "serve_http.h"

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
