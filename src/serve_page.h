/* serve_page.h: the answer page without JavaScript; above serve_ask.h. */
#ifndef FAQ_SERVE_PAGE_H
#define FAQ_SERVE_PAGE_H

#include "serve_http.h"

/* GET /ask?q=...&lang=...: the page, with the answer to q if given. */
enum MHD_Result serve_route_ask_page(server *sv, struct MHD_Connection *c, request *r);

#endif
