/* serve_log.h: what `faqbot serve` writes down; above serve_http.h. */
#ifndef FAQ_SERVE_LOG_H
#define FAQ_SERVE_LOG_H

#include "json_escape.h"
#include "serve_http.h"

int log_open(server *sv, const serve_opts *o, char *err, size_t errlen);
void log_close(server *sv);
/* The logs given by path (--unanswered, --feedback-log, --access-log)
 * opened again at their paths, as after logrotate moved them away; a log
 * whose path cannot be opened keeps its old file. 0, or -1 with the
 * reason in err. */
int log_reopen(server *sv, char *err, size_t errlen);
/* "unanswered", "feedback", "access": the log's name in messages and /metrics. */
const char *log_name(enum log_id log);
/* Bytes shown as they are in a log: printable ASCII but '"' and '\\' (and
 * the space, when space); the rest as \xNN. Returns the length written. */
size_t log_escape(char *out, size_t cap, const char *s, size_t n, size_t max, int space);
/* The longest line log_access_text() writes, its NUL not counted. */
#define LOG_ACCESS_LINE_MAX                                                              \
    (128 + JSON_ESCAPED_MAX(40) + JSON_ESCAPED_MAX(ADDR_BYTES) + JSON_ESCAPED_MAX(8) + \
     JSON_ESCAPED_MAX(LOG_PATH_BYTES * 4) + JSON_ESCAPED_MAX(LOG_QUESTION_BYTES * 4) + JSON_REAL_MAX)
/* r's access line (no newline) into out (LOG_ACCESS_LINE_MAX + 1 bytes), as
 * json_dumps(JSON_COMPACT | JSON_REAL_PRECISION(4)) writes the object
 * {time, client, method, path, status, bytes, ms, [aborted], [q]}: when is
 * the time's text, ms the request's duration. Returns its length. */
size_t log_access_text(char *out, const char *when, const request *r, double ms, int aborted);
/* The request's access line, when the server keeps an access log. */
void log_access(server *sv, const request *r, int aborted);
/* A declined question, one line (lang may be NULL). */
void log_unanswered(server *sv, const char *lang, const char *q, size_t len);
/* Sets r->client: the peer, or with a trusted peer the client that
 * X-Forwarded-For names; 1 in that last case. */
int log_client(server *sv, struct MHD_Connection *c, request *r);
/* A vote: the question (q_len bytes), the entry's id, the language (or
 * NULL), "up" or "down". */
typedef struct log_vote {
    const char *q;
    size_t q_len;
    const char *id, *lang, *vote;
} log_vote;
/* A call's votes (at most FAQ_QNA_MAX_RECORDS), a feedback line each, with
 * via (the route), written whole or not at all. 0; -1 when no feedback log
 * is open; else the errno of the write that failed (a full disk, the
 * file-size limit: the votes are lost, and the client must be told, not
 * answered 204). */
int log_votes(server *sv, const log_vote *votes, size_t n, const char *via);
/* The answer to a vote: 400 with bad (the request's fault) when not NULL,
 * else 503 when log_votes() could not write it (kept its result, an
 * errno), else 204. */
enum MHD_Result log_vote_reply(server *sv, struct MHD_Connection *c, request *r, const char *bad, int kept);
enum MHD_Result log_route_feedback(server *sv, struct MHD_Connection *c, request *r);

#endif
