/* serve_qna.h: the QnA Maker v4 and custom question answering routes;
 * above serve_ask.h. */
#ifndef FAQ_SERVE_QNA_H
#define FAQ_SERVE_QNA_H

#include "serve_http.h"

/* Which route url is (R_QNA, R_QNA_TRAIN, R_LANGUAGE, R_LANGUAGE_FEEDBACK), or -1. */
int qna_match(const char *url);
/* 1 when the request carries the endpoint key (or none is required). */
int qna_key_ok(const server *sv, struct MHD_Connection *c);
enum MHD_Result qna_route(server *sv, struct MHD_Connection *c, request *r);

#endif
