/* serve_metrics.c: what `faqbot serve` counts, per server: requests by
 * route and status, answers by outcome and language, answer latency; and
 * the routes that tell it, /healthz, /readyz and /metrics (Prometheus text). */
#include <stdlib.h>
#include <string.h>

#include "serve_log.h"
#include "serve_metrics.h"

static const char *const route_names[N_ROUTES] = {"api_ask", "ask_page", "api_messages", "qnamaker",
                                                  "healthz", "metrics", "static", "other", "qnamaker_train",
                                                  "language", "language_feedback", "api_feedback",
                                                  "readyz"};
static const char *const outcome_names[N_OUTCOMES] = {"answer", "clarify", "decline", "smalltalk"};
static const unsigned statuses[] = {200, 204, 304, 400, 401, 403, 404, 405, 413, 429, 500, 503};
#define N_STATUSES (sizeof statuses / sizeof *statuses)
static const double latency_buckets[] = {0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005,
                                         0.001, 0.002, 0.005, 0.01, 0.1, 1};
#define N_BUCKETS (sizeof latency_buckets / sizeof *latency_buckets)

_Static_assert(N_STATUSES <= 16 && N_BUCKETS + 1 <= 16, "serve_metrics has room for these");

void serve_count_request(server *sv, int route, unsigned status)
{
    for (size_t i = 0; i < N_STATUSES; i++)
        if (statuses[i] == status) {
            atomic_fetch_add(&sv->metrics.requests[route][i], 1);
            return;
        }
}

/* Counts an answer by time, outcome and language; logs a declined one. */
void serve_count_answer(server *sv, double seconds, const faq_answer *a, const char *q, size_t len)
{
    serve_metrics *m = &sv->metrics;
    size_t b = 0;
    while (b < N_BUCKETS && seconds > latency_buckets[b])
        b++;
    atomic_fetch_add(&m->answer_buckets[b], 1);
    atomic_fetch_add(&m->answer_count, 1);
    atomic_fetch_add(&m->answer_ns, (unsigned long)(seconds * 1e9));
    if (a->outcome == OUTCOME_DECLINE) {
        atomic_fetch_add(&m->declined, 1);
        log_unanswered(sv, a->query_lang, q, len);
    }
    /* the languages are the index's (at most FAQ_MAX_LANGS), met as they come */
    const char *lang = a->query_lang ? a->query_lang : "";
    int o = a->outcome >= 0 && a->outcome < N_OUTCOMES ? (int)a->outcome : OUTCOME_DECLINE;
    pthread_mutex_lock(&m->lang_mu);
    int l = 0;
    while (l < FAQ_MAX_LANGS && m->langs[l][0] && strcmp(m->langs[l], lang) != 0)
        l++;
    if (l < FAQ_MAX_LANGS && !m->langs[l][0] && *lang)
        snprintf(m->langs[l], sizeof m->langs[l], "%s", lang);
    m->by_outcome[o][l < FAQ_MAX_LANGS && m->langs[l][0] ? l : FAQ_MAX_LANGS]++;
    pthread_mutex_unlock(&m->lang_mu);
}

enum MHD_Result serve_route_health(server *sv, struct MHD_Connection *c, request *r)
{
    uint32_t entries;
    uint64_t built;
    index_live_info(sv->live, &entries, &built);
    json_t *refused = json_null();
    pthread_mutex_lock(&sv->refusal_mu);
    if (sv->refused_at) {
        char when[32];
        struct tm tm;
        gmtime_r(&sv->refused_at, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        refused = json_pack("{s:s, s:s}", "time", when, "reason", sv->refused_why);
    }
    pthread_mutex_unlock(&sv->refusal_mu);
    return serve_json(sv, c, r, 200, json_pack("{s:s, s:b, s:i, s:I, s:I, s:o}", "status", "ok",
                                          "ready", index_live_ready(sv->live), "entries", (int)entries,
                                          "built", (json_int_t)built,
                                          "reloads", (json_int_t)index_live_reloads(sv->live),
                                          "last_refused", refused));
}

/* Readiness, apart from /healthz (the process is up and serving): a load
 * balancer or orchestrator sends questions once this answers 200, and not
 * while the dictionaries load (503), when a question waits for them. */
enum MHD_Result serve_route_ready(server *sv, struct MHD_Connection *c, request *r)
{
    int ready = index_live_ready(sv->live);
    return serve_json(sv, c, r, ready ? 200 : 503, json_pack("{s:s}", "status", ready ? "ready" : "loading"));
}

enum MHD_Result serve_route_metrics(server *sv, struct MHD_Connection *c, request *r)
{
    size_t cap = 16384, len = 0;
    char *out = malloc(cap);
    if (!out)
        return serve_error(sv, c, r, 500, "out of memory");
#define EMIT(...) do { int k_ = snprintf(out + len, cap - len, __VA_ARGS__); if (k_ > 0 && (size_t)k_ < cap - len) len += (size_t)k_; } while (0)
    EMIT("# HELP faqbot_requests_total HTTP requests by route and status.\n# TYPE faqbot_requests_total counter\n");
    for (int rt = 0; rt < N_ROUTES; rt++)
        for (size_t s = 0; s < N_STATUSES; s++) {
            unsigned long v = atomic_load(&sv->metrics.requests[rt][s]);
            if (v)
                EMIT("faqbot_requests_total{route=\"%s\",status=\"%u\"} %lu\n", route_names[rt], statuses[s], v);
        }
    EMIT("# HELP faqbot_answer_seconds Time to answer a question.\n# TYPE faqbot_answer_seconds histogram\n");
    unsigned long cum = 0;
    for (size_t b = 0; b < N_BUCKETS; b++) {
        cum += atomic_load(&sv->metrics.answer_buckets[b]);
        EMIT("faqbot_answer_seconds_bucket{le=\"%g\"} %lu\n", latency_buckets[b], cum);
    }
    cum += atomic_load(&sv->metrics.answer_buckets[N_BUCKETS]);
    EMIT("faqbot_answer_seconds_bucket{le=\"+Inf\"} %lu\n", cum);
    EMIT("faqbot_answer_seconds_sum %.9f\n", atomic_load(&sv->metrics.answer_ns) / 1e9);
    EMIT("faqbot_answer_seconds_count %lu\n", atomic_load(&sv->metrics.answer_count));
    EMIT("# HELP faqbot_declined_total Questions the bot declined.\n# TYPE faqbot_declined_total counter\n");
    EMIT("faqbot_declined_total %lu\n", atomic_load(&sv->metrics.declined));
    EMIT("# HELP faqbot_answer_cache_hits_total Answers sent as kept from the same question asked before.\n"
         "# TYPE faqbot_answer_cache_hits_total counter\n");
    EMIT("faqbot_answer_cache_hits_total %lu\n", atomic_load(&sv->metrics.cache_hits));
    EMIT("# HELP faqbot_answers_total Questions answered, by outcome and language.\n# TYPE faqbot_answers_total counter\n");
    pthread_mutex_lock(&sv->metrics.lang_mu);
    for (int o = 0; o < N_OUTCOMES; o++)
        for (int l = 0; l <= FAQ_MAX_LANGS; l++) {
            unsigned long v = sv->metrics.by_outcome[o][l];
            if (v)
                EMIT("faqbot_answers_total{outcome=\"%s\",lang=\"%s\"} %lu\n", outcome_names[o],
                     l < FAQ_MAX_LANGS ? sv->metrics.langs[l] : "other", v);
        }
    pthread_mutex_unlock(&sv->metrics.lang_mu);
    EMIT("# HELP faqbot_log_write_errors_total Lines a log could not take (a full disk, the file-size limit).\n"
         "# TYPE faqbot_log_write_errors_total counter\n");
    for (int l = 0; l < N_LOGS; l++)
        EMIT("faqbot_log_write_errors_total{log=\"%s\"} %lu\n", log_name((enum log_id)l),
             atomic_load(&sv->metrics.log_errors[l]));
    EMIT("# HELP faqbot_connections_closed_total Connections closed by the server's guard, by reason.\n"
         "# TYPE faqbot_connections_closed_total counter\n");
    EMIT("faqbot_connections_closed_total{reason=\"deadline\"} %lu\n", guard_deadline_closes(sv->guard));
    EMIT("faqbot_connections_closed_total{reason=\"per_address\"} %lu\n", guard_refused(sv->guard));
    uint32_t entries;
    uint64_t built;
    index_live_info(sv->live, &entries, &built);
    EMIT("# HELP faqbot_index_reloads_total Index files swapped in.\n# TYPE faqbot_index_reloads_total counter\n");
    EMIT("faqbot_index_reloads_total %llu\n", (unsigned long long)index_live_reloads(sv->live));
    /* what an alert watches: an editor's broken index is refused and the
     * old one serves on, which /healthz tells but no counter did */
    pthread_mutex_lock(&sv->refusal_mu);
    unsigned long long refused = sv->refused_count;
    pthread_mutex_unlock(&sv->refusal_mu);
    EMIT("# HELP faqbot_index_refused_total New index files refused (the old one kept serving).\n"
         "# TYPE faqbot_index_refused_total counter\n");
    EMIT("faqbot_index_refused_total %llu\n", refused);
    EMIT("# HELP faqbot_index_age_seconds Seconds since the index served was built.\n# TYPE faqbot_index_age_seconds gauge\n");
    EMIT("faqbot_index_age_seconds %lld\n", (long long)(time(NULL) - (time_t)built));
    EMIT("# HELP faqbot_index_entries Entries in the index served.\n# TYPE faqbot_index_entries gauge\n");
    EMIT("faqbot_index_entries %u\n", entries);
#undef EMIT
    return serve_respond(sv, c, r, 200, "text/plain; version=0.0.4; charset=utf-8", out, len, MHD_RESPMEM_MUST_FREE);
}
