/* serve_metrics.h: the counters of `faqbot serve`, /healthz, /readyz and /metrics;
 * above serve_http.h and serve_log.h. */
#ifndef FAQ_SERVE_METRICS_H
#define FAQ_SERVE_METRICS_H

#include "serve_http.h"

void serve_count_request(server *sv, int route, unsigned status);
/* Counts an answer (time, outcome, language) and logs a declined question. */
void serve_count_answer(server *sv, double seconds, const faq_answer *a, const char *q, size_t len);
enum MHD_Result serve_route_health(server *sv, struct MHD_Connection *c, request *r);
/* /readyz: 200 {"status":"ready"}, or 503 {"status":"loading"} while the
 * current index's dictionaries load. */
enum MHD_Result serve_route_ready(server *sv, struct MHD_Connection *c, request *r);
enum MHD_Result serve_route_metrics(server *sv, struct MHD_Connection *c, request *r);

#endif
