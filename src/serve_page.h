/* serve_page.h: the answer page without JavaScript, and the web folder's
 * pages in the visitor's language; above serve_ask.h. */
#ifndef FAQ_SERVE_PAGE_H
#define FAQ_SERVE_PAGE_H

#include "serve_http.h"

/* GET /ask?q=...&lang=...: the page, with the answer to q if given. */
enum MHD_Result serve_route_ask_page(server *sv, struct MHD_Connection *c, request *r);

/* An HTML page of the web folder, text (len bytes), with each "{{key}}"
 * replaced by the bot's text of that key (docs/messages.md), escaped, in
 * the visitor's language (?lang=, else Accept-Language, else the index's
 * first), and "{{lang}}" by that language's code: the page speaks the FAQ's
 * language before its script runs, and without it. */
enum MHD_Result serve_page_template(server *sv, struct MHD_Connection *c, request *r,
                                    const char *text, size_t len);

#endif
