/* serve.c: the HTTP front end (see serve.h): routes in one table, a small
 * state machine per request in the manner of libmicrohttpd's examples,
 * JSON by jansson, Markdown by cmark, the index swapped live. */
#include "serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "utf8.h"
#include "answer_json.h"
#include "index_live.h"
#include "limits.h"
#include "markdown.h"
#include "messages.h"

#define DEFAULT_INDEX "build/faq.idx"
#define DEFAULT_WEB "web"
#define DEFAULT_PORT 8080
#define QNA_DEFAULT_TOP 1
#define LOG_PATH_BYTES 200          /* a logged path is cut here */
#define LOG_QUESTION_BYTES 300      /* and a logged question (--log-questions) */
#define QNA_NO_MATCH "No good match found in KB."

static const char *const security_headers[][2] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
};

typedef struct faq_server {
    index_live *live;
    char web[PATH_MAX];         /* realpath of the web folder, or "" */
    int log_questions;
    double threshold;           /* --threshold, or -1 */
    int quiet;                  /* no access log */
    FILE *unanswered;
    pthread_mutex_t unanswered_mu;
    struct MHD_Daemon *daemon;
    unsigned port;
} server;

/* ---- answer cache ----
 * FAQ questions repeat: the JSON of recent answers is kept, keyed by the
 * whole request (question, languages, explain) and the index it came from,
 * so a reload makes old answers unreachable. */

#define CACHE_SLOTS FAQ_HTTP_ANSWER_CACHE
#define CACHE_MAX_KEY 1024

typedef struct cache_slot {
    uint64_t gen;
    char *key;                  /* the request, as built by cache_key() */
    size_t key_len;
    char *json;
    size_t json_len;
    int declined;
    char lang[FAQ_MAX_LANG_CODE];
} cache_slot;

static cache_slot answer_cache[CACHE_SLOTS];
static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;

static size_t cache_key(char *out, const char *q, size_t q_len, const char *lang,
                        const char *prev, int explain)
{
    int n = snprintf(out, CACHE_MAX_KEY, "%d|%s|%s|", explain, lang ? lang : "", prev ? prev : "");
    if (n < 0 || (size_t)n + q_len >= CACHE_MAX_KEY)
        return 0;   /* too long to be worth keeping */
    memcpy(out + n, q, q_len);
    return (size_t)n + q_len;
}

static size_t cache_slot_of(const char *key, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)key[i]) * 1099511628211ull;
    return (size_t)(h % CACHE_SLOTS);
}

/* A copy of the cached JSON (the caller frees it), or NULL. */
static char *cache_get(uint64_t gen, const char *key, size_t n, size_t *len, int *declined,
                       char *lang)
{
    char *out = NULL;
    pthread_mutex_lock(&cache_mu);
    cache_slot *sl = &answer_cache[cache_slot_of(key, n)];
    if (sl->json && sl->gen == gen && sl->key_len == n && memcmp(sl->key, key, n) == 0 &&
        (out = malloc(sl->json_len + 1)) != NULL) {
        memcpy(out, sl->json, sl->json_len + 1);
        *len = sl->json_len;
        *declined = sl->declined;
        memcpy(lang, sl->lang, FAQ_MAX_LANG_CODE);
    }
    pthread_mutex_unlock(&cache_mu);
    return out;
}

static void cache_put(uint64_t gen, const char *key, size_t n, const char *json, size_t len,
                      int declined, const char *lang)
{
    char *k = malloc(n), *j = malloc(len + 1);
    if (!k || !j) {
        free(k);
        free(j);
        return;
    }
    memcpy(k, key, n);
    memcpy(j, json, len + 1);
    pthread_mutex_lock(&cache_mu);
    cache_slot *sl = &answer_cache[cache_slot_of(key, n)];
    char *old_k = sl->key, *old_j = sl->json;
    sl->gen = gen;
    sl->key = k;
    sl->key_len = n;
    sl->json = j;
    sl->json_len = len;
    sl->declined = declined;
    snprintf(sl->lang, sizeof sl->lang, "%s", lang);
    pthread_mutex_unlock(&cache_mu);
    free(old_k);
    free(old_j);
}

static void cache_clear(void)
{
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        free(answer_cache[i].key);
        free(answer_cache[i].json);
        memset(&answer_cache[i], 0, sizeof answer_cache[i]);
    }
}

/* ---- metrics ---- */

enum route_id { R_ASK, R_ASK_PAGE, R_MESSAGES, R_QNA, R_HEALTH, R_METRICS, R_STATIC, R_OTHER, N_ROUTES };
static const char *const route_names[N_ROUTES] = {"api_ask", "ask_page", "api_messages", "qnamaker",
                                                  "healthz", "metrics", "static", "other"};
static const unsigned statuses[] = {200, 304, 400, 403, 404, 405, 413, 500, 503};
#define N_STATUSES (sizeof statuses / sizeof *statuses)
static const double latency_buckets[] = {0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005,
                                         0.001, 0.002, 0.005, 0.01, 0.1, 1};
#define N_BUCKETS (sizeof latency_buckets / sizeof *latency_buckets)

static struct {
    atomic_ulong requests[N_ROUTES][N_STATUSES];
    atomic_ulong answer_buckets[N_BUCKETS + 1];
    atomic_ulong answer_count;
    atomic_ulong answer_ns;
    atomic_ulong declined;
} metrics;

static void count_request(int route, unsigned status)
{
    for (size_t i = 0; i < N_STATUSES; i++)
        if (statuses[i] == status) {
            atomic_fetch_add(&metrics.requests[route][i], 1);
            return;
        }
}

static void count_answer(double seconds, int declined)
{
    size_t b = 0;
    while (b < N_BUCKETS && seconds > latency_buckets[b])
        b++;
    atomic_fetch_add(&metrics.answer_buckets[b], 1);
    atomic_fetch_add(&metrics.answer_count, 1);
    atomic_fetch_add(&metrics.answer_ns, (unsigned long)(seconds * 1e9));
    if (declined)
        atomic_fetch_add(&metrics.declined, 1);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- per request ---- */

typedef struct request {
    double start;
    int route;
    unsigned status;
    char *body;                 /* bounded: FAQ_MAX_BODY_BYTES */
    size_t body_len;
    int too_large;
    int is_post;
    char method[8];
    char path[LOG_PATH_BYTES * 4 + 1];  /* for the access log, escaped */
    char *question;             /* for the access log with --log-questions, escaped */
} request;

/* Bytes a log line may show as they are: printable ASCII but the quote and
 * the backslash (and the space, in a field of its own); the rest as \xNN,
 * so a request cannot forge a log line nor shift its fields. */
static size_t log_escape(char *out, size_t cap, const char *s, size_t n, size_t max, int space)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    for (size_t i = 0; i < n && i < max; i++) {
        unsigned char ch = (unsigned char)s[i];
        int plain = (ch > 0x20 && ch < 0x7f && ch != '"' && ch != '\\') || (ch == ' ' && space);
        if (o + (plain ? 1 : 4) + 1 > cap)
            break;
        if (plain) {
            out[o++] = (char)ch;
        } else {
            out[o++] = '\\';
            out[o++] = 'x';
            out[o++] = hex[ch >> 4];
            out[o++] = hex[ch & 15];
        }
    }
    if (cap)
        out[o] = '\0';
    return o;
}

static void note_question(const server *sv, request *r, const char *q, size_t len)
{
    if (!sv->log_questions || r->question)
        return;
    size_t cap = LOG_QUESTION_BYTES * 4 + 1;
    if ((r->question = malloc(cap)) != NULL)
        log_escape(r->question, cap, q, len, LOG_QUESTION_BYTES, 1);
}

static enum MHD_Result respond(struct MHD_Connection *c, request *r, unsigned status,
                            const char *type, const char *body, size_t len,
                            enum MHD_ResponseMemoryMode mode)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)body, mode);
    if (!resp)
        return MHD_NO;
    for (size_t i = 0; i < sizeof security_headers / sizeof *security_headers; i++)
        MHD_add_response_header(resp, security_headers[i][0], security_headers[i][1]);
    MHD_add_response_header(resp, "Content-Type", type);
    if (strncmp(type, "application/json", 16) == 0 || strncmp(type, "text/html", 9) == 0 ||
        strncmp(type, "text/plain", 10) == 0)
        MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (status == 405)
        MHD_add_response_header(resp, "Allow", r->route == R_ASK ? "GET, HEAD, POST"
                                              : r->route == R_QNA ? "POST" : "GET, HEAD");
    r->status = status;
    enum MHD_Result ret = MHD_queue_response(c, status, resp);
    MHD_destroy_response(resp);
    return ret;
}

static enum MHD_Result send_json(struct MHD_Connection *c, request *r, unsigned status, json_t *j)
{
    char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    if (!text)
        return respond(c, r, 500, "application/json", "{\"error\":\"out of memory\"}", 25,
                    MHD_RESPMEM_PERSISTENT);
    enum MHD_Result ret = respond(c, r, status, "application/json; charset=utf-8", text, strlen(text),
                               MHD_RESPMEM_MUST_FREE);
    return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, request *r, unsigned status, const char *msg)
{
    return send_json(c, r, status, json_pack("{s:s, s:i}", "error", msg, "status", status));
}

/* ---- language of the asker ---- */

/* The first language of Accept-Language the index has, or NULL. */
static const char *accept_language(struct MHD_Connection *c, const faq_index *ix)
{
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language");
    while (h && *h) {
        while (*h == ' ' || *h == ',')
            h++;
        char code[8];
        size_t n = 0;
        while (h[n] && ((h[n] >= 'a' && h[n] <= 'z') || (h[n] >= 'A' && h[n] <= 'Z')) && n < 7) {
            code[n] = (char)(h[n] | 0x20);
            n++;
        }
        code[n] = '\0';
        int l = n ? faq_index_lang_find(ix, code) : -1;
        if (l >= 0)
            return faq_index_lang_code(ix, (uint32_t)l);
        const char *comma = strchr(h, ',');
        h = comma ? comma + 1 : NULL;
    }
    return NULL;
}

/* ---- answering ---- */

typedef struct ask_args {
    const char *q;
    size_t q_len;
    const char *lang;
    const char *prev_lang;
    int explain;
} ask_args;

/* Checks a question: NULL if fine, else the reason for a 400. */
static const char *check_question(const char *q, size_t len)
{
    if (!utf8_valid(q, len))
        return "the question is not valid UTF-8";
    if (utf8_length(q, len) > FAQ_MAX_QUESTION_CHARS)
        return "the question is longer than 1000 characters";
    return NULL;
}

static void log_unanswered(server *sv, const faq_answer *a, const char *q, size_t len)
{
    if (!sv->unanswered)
        return;
    char when[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    pthread_mutex_lock(&sv->unanswered_mu);
    fprintf(sv->unanswered, "%s\t%s\t", when, a->query_lang ? a->query_lang : "-");
    /* one question, one line: control bytes escaped C-style, and the
     * backslash too, so the line reads back to the question */
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)q[i];
        const char *esc = ch == '\n' ? "\\n" : ch == '\r' ? "\\r" : ch == '\t' ? "\\t"
                        : ch == '\\' ? "\\\\" : NULL;
        if (esc)
            fputs(esc, sv->unanswered);
        else if (ch < 0x20 || ch == 0x7f)
            fprintf(sv->unanswered, "\\x%02x", ch);
        else
            fputc(ch, sv->unanswered);
    }
    fputc('\n', sv->unanswered);
    fflush(sv->unanswered);
    pthread_mutex_unlock(&sv->unanswered_mu);
}

/* Ask; the answer object of the API, with answer_html. */
static json_t *answer(server *sv, const ask_args *in, faq_answer *a, searcher *s)
{
    faq_query_opts o = {0};
    o.threshold = sv->threshold;
    o.explain = in->explain;
    o.highlight = 1;
    const faq_index *ix = searcher_index(s);
    o.lang = in->lang && faq_index_lang_find(ix, in->lang) >= 0 ? in->lang : NULL;
    o.prev_lang = in->prev_lang && faq_index_lang_find(ix, in->prev_lang) >= 0 ? in->prev_lang : NULL;
    double t0 = now_s();
    if (searcher_ask(s, in->q, in->q_len, &o, a) != 0)
        return NULL;
    count_answer(now_s() - t0, a->outcome == OUTCOME_DECLINE);
    if (a->outcome == OUTCOME_DECLINE)
        log_unanswered(sv, a, in->q, in->q_len);
    json_t *j = answer_to_json(ix, in->q, in->q_len, a);
    if (j && a->best.entry != UINT32_MAX && a->outcome != OUTCOME_DECLINE) {
        faq_entry e;
        faq_index_entry(ix, a->best.entry, &e);
        char *html = markdown_to_safe_html(e.answer.s, e.answer.len);
        json_object_set_new(j, "answer_html", html ? json_string(html) : json_null());
        free(html);
    } else if (j) {
        json_object_set_new(j, "answer_html", json_null());
    }
    return j;
}

static enum MHD_Result route_api_ask(server *sv, struct MHD_Connection *c, request *r)
{
    ask_args in = {0};
    json_t *body = NULL;
    if (r->is_post) {
        json_error_t jerr;
        body = json_loadb(r->body ? r->body : "", r->body_len, 0, &jerr);
        if (!body || !json_is_object(body)) {
            json_decref(body);
            return send_error(c, r, 400, "the body must be a JSON object: {\"q\": \"...\"}");
        }
        json_t *q = json_object_get(body, "q");
        if (!json_is_string(q)) {
            json_decref(body);
            return send_error(c, r, 400, "missing \"q\": the question, a string");
        }
        in.q = json_string_value(q);
        in.q_len = json_string_length(q);
        json_t *v = json_object_get(body, "lang");
        in.lang = json_is_string(v) ? json_string_value(v) : NULL;
        v = json_object_get(body, "prev_lang");
        in.prev_lang = json_is_string(v) ? json_string_value(v) : NULL;
        in.explain = json_is_true(json_object_get(body, "explain"));
    } else {
        in.q = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "q");
        if (!in.q)
            return send_error(c, r, 400, "missing q: /api/ask?q=...");
        in.q_len = strlen(in.q);
        in.lang = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
        in.prev_lang = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "prev_lang");
        const char *ex = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "explain");
        in.explain = ex && (strcmp(ex, "1") == 0 || strcmp(ex, "true") == 0);
    }
    const char *bad = in.q_len != strlen(in.q) ? "the question holds a NUL byte" : check_question(in.q, in.q_len);
    if (bad) {
        json_decref(body);
        return send_error(c, r, 400, bad);
    }
    note_question(sv, r, in.q, in.q_len);
    searcher *s = index_live_get(sv->live);
    if (!s) {
        json_decref(body);
        return send_error(c, r, 503, "the index is not available");
    }
    uint64_t gen = index_live_thread_generation(sv->live);
    char key[CACHE_MAX_KEY];
    size_t kn = cache_key(key, in.q, in.q_len, in.lang, in.prev_lang, in.explain);
    size_t len;
    int declined;
    char qlang[FAQ_MAX_LANG_CODE];
    double t0 = now_s();
    char *hit = kn ? cache_get(gen, key, kn, &len, &declined, qlang) : NULL;
    if (hit) {
        count_answer(now_s() - t0, declined);
        if (declined) {
            faq_answer a = {0};
            a.query_lang = qlang;
            log_unanswered(sv, &a, in.q, in.q_len);
        }
        index_live_put(sv->live, s);
        json_decref(body);
        return respond(c, r, 200, "application/json; charset=utf-8", hit, len, MHD_RESPMEM_MUST_FREE);
    }
    faq_answer a;
    json_t *j = answer(sv, &in, &a, s);
    index_live_put(sv->live, s);
    json_decref(body);
    if (!j)
        return send_error(c, r, 500, "out of memory");
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    if (!text)
        return send_error(c, r, 500, "out of memory");
    if (kn)
        cache_put(gen, key, kn, text, strlen(text), a.outcome == OUTCOME_DECLINE, a.query_lang);
    return respond(c, r, 200, "application/json; charset=utf-8", text, strlen(text), MHD_RESPMEM_MUST_FREE);
}

#define MSG_KEY_BYTES 64

/* Adds key (of n bytes) in language lang to j unless it is there already or
 * is not a key: lower-case letters, digits and '_', and not one of the
 * object's own fields. */
static void add_message(json_t *j, const faq_index *ix, uint32_t lang, const char *key, size_t n)
{
    char k[MSG_KEY_BYTES], msg[1024];
    if (n == 0 || n >= sizeof k)
        return;
    for (size_t i = 0; i < n; i++)
        if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') || key[i] == '_'))
            return;
    memcpy(k, key, n);
    k[n] = '\0';
    if (strcmp(k, "lang") == 0 || strcmp(k, "langs") == 0 || json_object_get(j, k))
        return;
    msg_format(ix, lang, k, NULL, msg, sizeof msg);
    json_object_set_new(j, k, json_string(msg));
}

/* Every key of a messages.txt ("key = value" lines, '#' comments). */
static void add_messages_of(json_t *j, const faq_index *ix, uint32_t lang, faq_str text)
{
    const char *p = text.s, *end = text.s + text.len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        while (p < eol && (*p == ' ' || *p == '\t'))
            p++;
        const char *k = p;
        while (p < eol && *p != '=' && *p != ' ' && *p != '\t')
            p++;
        if (k < eol && *k != '#')
            add_message(j, ix, lang, k, (size_t)(p - k));
        p = eol + 1;
    }
}

static enum MHD_Result route_messages(server *sv, struct MHD_Connection *c, request *r)
{
    searcher *s = index_live_get(sv->live);
    if (!s)
        return send_error(c, r, 503, "the index is not available");
    const faq_index *ix = searcher_index(s);
    const char *code = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
    if (!code || faq_index_lang_find(ix, code) < 0)
        code = accept_language(c, ix);
    uint32_t lang = msg_lang(ix, code);
    static const char *const keys[] = {
        "lang_name", "decline", "suggestions", "clarify", "did_you_mean", "other_lang",
        "page_title", "page_welcome", "page_placeholder", "page_send", "page_typing",
        "page_error", "page_answers", "page_alternatives", "page_language"};
    json_t *j = json_object();
    char msg[1024];
    /* the page's keys (built-in texts when the corpus lacks them), then
     * every other key any language has, in this language or its fallback */
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        add_message(j, ix, lang, keys[i], strlen(keys[i]));
    add_messages_of(j, ix, lang, faq_index_lang_messages(ix, lang));
    for (uint32_t l = 0; l < faq_index_lang_count(ix); l++)
        if (l != lang)
            add_messages_of(j, ix, lang, faq_index_lang_messages(ix, l));
    json_object_set_new(j, "lang", json_string(faq_index_lang_code(ix, lang)));
    json_t *langs = json_array();
    for (uint32_t l = 0; l < faq_index_lang_count(ix); l++) {
        if (!faq_index_lang_entries(ix, l))
            continue;
        msg_format(ix, l, "lang_name", NULL, msg, sizeof msg);
        json_array_append_new(langs, json_pack("{s:s, s:s}", "code", faq_index_lang_code(ix, l), "name", msg));
    }
    json_object_set_new(j, "langs", langs);
    index_live_put(sv->live, s);
    return send_json(c, r, 200, j);
}

/* QnA Maker's generateAnswer, for clients moving from that service. */
static enum MHD_Result route_qnamaker(server *sv, struct MHD_Connection *c, request *r)
{
    json_error_t jerr;
    json_t *body = json_loadb(r->body ? r->body : "", r->body_len, 0, &jerr);
    json_t *q = body ? json_object_get(body, "question") : NULL;
    if (!json_is_string(q)) {
        json_decref(body);
        return send_error(c, r, 400, "the body must be {\"question\": \"...\", \"top\": N, \"scoreThreshold\": S}");
    }
    json_int_t top = json_is_integer(json_object_get(body, "top")) ? json_integer_value(json_object_get(body, "top")) : QNA_DEFAULT_TOP;
    double thr = json_is_number(json_object_get(body, "scoreThreshold")) ? json_number_value(json_object_get(body, "scoreThreshold")) : 0;
    ask_args in = {json_string_value(q), json_string_length(q), NULL, NULL, 0};
    const char *bad = in.q_len != strlen(in.q) ? "the question holds a NUL byte" : check_question(in.q, in.q_len);
    if (bad || top < 1 || top > FAQ_QNA_MAX_TOP) {
        json_decref(body);
        return send_error(c, r, 400, bad ? bad : "top must be from 1 to 50");
    }
    note_question(sv, r, in.q, in.q_len);
    searcher *s = index_live_get(sv->live);
    if (!s) {
        json_decref(body);
        return send_error(c, r, 503, "the index is not available");
    }
    const faq_index *ix = searcher_index(s);
    faq_query_opts o = {0};
    o.threshold = sv->threshold;
    faq_answer a;
    double t0 = now_s();
    if (searcher_ask(s, in.q, in.q_len, &o, &a) != 0) {
        json_decref(body);
        return send_error(c, r, 500, "out of memory");
    }
    count_answer(now_s() - t0, a.outcome == OUTCOME_DECLINE);
    if (a.outcome == OUTCOME_DECLINE)
        log_unanswered(sv, &a, in.q, in.q_len);
    json_t *answers = json_array();
    faq_hit hits[FAQ_MAX_ALTERNATIVES + 1];
    int n = 0;
    if (a.outcome != OUTCOME_DECLINE && a.best.entry != UINT32_MAX)
        hits[n++] = a.best;
    for (int i = 0; i < a.n_alts && a.outcome != OUTCOME_DECLINE; i++)
        hits[n++] = a.alts[i];
    for (int i = 0; i < n && (json_int_t)json_array_size(answers) < top; i++) {
        /* the best gets the confidence; the others in proportion to their score */
        double score = 100.0 * a.confidence * (hits[0].score > 0 ? hits[i].score / hits[0].score : 0);
        if (score < thr)
            continue;
        faq_entry e;
        faq_index_entry(ix, hits[i].entry, &e);
        json_t *qs = json_array();
        json_array_append_new(qs, json_stringn(e.question.s, e.question.len));
        const char *p = e.alts.s, *end = e.alts.s + e.alts.len;
        while (p < end) {
            const char *eol = memchr(p, '\n', (size_t)(end - p));
            if (!eol)
                eol = end;
            json_array_append_new(qs, json_stringn(p, (size_t)(eol - p)));
            p = eol + 1;
        }
        json_array_append_new(answers, json_pack("{s:s%, s:f, s:I, s:o, s:s%, s:[{s:s, s:s%}]}",
            "answer", e.answer.s, (size_t)e.answer.len, "score", score, "id", (json_int_t)e.group,
            "questions", qs, "source", e.file.s, (size_t)e.file.len,
            "metadata", "name", "id", "value", e.id.s, (size_t)e.id.len));
    }
    if (json_array_size(answers) == 0)
        json_array_append_new(answers, json_pack("{s:s, s:f, s:i, s:[], s:[]}", "answer", QNA_NO_MATCH,
                                                 "score", 0.0, "id", -1, "questions", "metadata"));
    index_live_put(sv->live, s);
    json_decref(body);
    return send_json(c, r, 200, json_pack("{s:o}", "answers", answers));
}

static enum MHD_Result route_health(server *sv, struct MHD_Connection *c, request *r)
{
    uint32_t entries;
    uint64_t built;
    index_live_info(sv->live, &entries, &built);
    return send_json(c, r, 200, json_pack("{s:s, s:i, s:I, s:I}", "status", "ok", "entries", (int)entries,
                                          "built", (json_int_t)built,
                                          "reloads", (json_int_t)index_live_reloads(sv->live)));
}

static enum MHD_Result route_metrics(server *sv, struct MHD_Connection *c, request *r)
{
    size_t cap = 16384, len = 0;
    char *out = malloc(cap);
    if (!out)
        return send_error(c, r, 500, "out of memory");
#define EMIT(...) do { int k_ = snprintf(out + len, cap - len, __VA_ARGS__); if (k_ > 0 && (size_t)k_ < cap - len) len += (size_t)k_; } while (0)
    EMIT("# HELP faqbot_requests_total HTTP requests by route and status.\n# TYPE faqbot_requests_total counter\n");
    for (int rt = 0; rt < N_ROUTES; rt++)
        for (size_t s = 0; s < N_STATUSES; s++) {
            unsigned long v = atomic_load(&metrics.requests[rt][s]);
            if (v)
                EMIT("faqbot_requests_total{route=\"%s\",status=\"%u\"} %lu\n", route_names[rt], statuses[s], v);
        }
    EMIT("# HELP faqbot_answer_seconds Time to answer a question.\n# TYPE faqbot_answer_seconds histogram\n");
    unsigned long cum = 0;
    for (size_t b = 0; b < N_BUCKETS; b++) {
        cum += atomic_load(&metrics.answer_buckets[b]);
        EMIT("faqbot_answer_seconds_bucket{le=\"%g\"} %lu\n", latency_buckets[b], cum);
    }
    cum += atomic_load(&metrics.answer_buckets[N_BUCKETS]);
    EMIT("faqbot_answer_seconds_bucket{le=\"+Inf\"} %lu\n", cum);
    EMIT("faqbot_answer_seconds_sum %.9f\n", atomic_load(&metrics.answer_ns) / 1e9);
    EMIT("faqbot_answer_seconds_count %lu\n", atomic_load(&metrics.answer_count));
    EMIT("# HELP faqbot_declined_total Questions the bot declined.\n# TYPE faqbot_declined_total counter\n");
    EMIT("faqbot_declined_total %lu\n", atomic_load(&metrics.declined));
    uint32_t entries;
    uint64_t built;
    index_live_info(sv->live, &entries, &built);
    EMIT("# HELP faqbot_index_reloads_total Index files swapped in.\n# TYPE faqbot_index_reloads_total counter\n");
    EMIT("faqbot_index_reloads_total %llu\n", (unsigned long long)index_live_reloads(sv->live));
    EMIT("# HELP faqbot_index_age_seconds Seconds since the index served was built.\n# TYPE faqbot_index_age_seconds gauge\n");
    EMIT("faqbot_index_age_seconds %lld\n", (long long)(time(NULL) - (time_t)built));
    EMIT("# HELP faqbot_index_entries Entries in the index served.\n# TYPE faqbot_index_entries gauge\n");
    EMIT("faqbot_index_entries %u\n", entries);
#undef EMIT
    return respond(c, r, 200, "text/plain; version=0.0.4; charset=utf-8", out, len, MHD_RESPMEM_MUST_FREE);
}

/* ---- the page without JavaScript ---- */

typedef struct html { char *p; size_t len, cap; int oom; } html;

static void h_raw(html *h, const char *s, size_t n)
{
    if (h->oom)
        return;
    if (h->len + n + 1 > h->cap) {
        size_t cap = (h->cap ? h->cap * 2 : 8192) + n;
        char *p = realloc(h->p, cap);
        if (!p) {
            h->oom = 1;     /* a page with a hole is no page */
            return;
        }
        h->p = p;
        h->cap = cap;
    }
    memcpy(h->p + h->len, s, n);
    h->len += n;
    h->p[h->len] = '\0';
}

static void h_str(html *h, const char *s) { h_raw(h, s, strlen(s)); }

static void h_esc(html *h, const char *s, size_t n)
{
    char buf[512];
    for (size_t i = 0; i < n; i += 100) {
        size_t k = n - i < 100 ? n - i : 100;
        size_t w = html_escape(buf, 0, sizeof buf, s + i, k);
        h_raw(h, buf, w);
    }
}

static void h_msg(html *h, const faq_index *ix, uint32_t lang, const char *key)
{
    char msg[1024];
    msg_format(ix, lang, key, NULL, msg, sizeof msg);
    h_esc(h, msg, strlen(msg));
}

static void h_url_q(html *h, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == '-' || ch == '_' || ch == '.') {
            h_raw(h, (const char *)&s[i], 1);
        } else {
            char enc[3] = {'%', hex[ch >> 4], hex[ch & 15]};
            h_raw(h, enc, 3);
        }
    }
}

static enum MHD_Result route_ask_page(server *sv, struct MHD_Connection *c, request *r)
{
    const char *q = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "q");
    const char *lang = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
    /* a bad question gets the page back with the reason, and a 400 */
    const char *bad = q ? check_question(q, strlen(q)) : NULL;
    if (q && !bad)
        note_question(sv, r, q, strlen(q));
    searcher *s = index_live_get(sv->live);
    if (!s)
        return send_error(c, r, 503, "the index is not available");
    const faq_index *ix = searcher_index(s);
    if (!lang || faq_index_lang_find(ix, lang) < 0)
        lang = accept_language(c, ix);
    faq_answer a;
    json_t *j = NULL;
    uint32_t ul = msg_lang(ix, lang);
    if (q && *q && !bad) {
        /* the page's language (its hidden field, or Accept-Language) is
         * the conversation's so far, not a constraint on the question */
        ask_args in = {q, strlen(q), NULL, lang, 0};
        j = answer(sv, &in, &a, s);
        ul = msg_lang(ix, a.query_lang);
    }
    html h = {0};
    h_str(&h, "<!DOCTYPE html>\n<html lang=\"");
    h_esc(&h, faq_index_lang_code(ix, ul), strlen(faq_index_lang_code(ix, ul)));
    h_str(&h, "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
    h_msg(&h, ix, ul, "page_title");
    h_str(&h, "</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/style.css\"></head><body class=\"nojs\"><main class=\"chat\"><h1>");
    h_msg(&h, ix, ul, "page_title");
    h_str(&h, "</h1><div class=\"log\">");
    if (j) {
        h_str(&h, "<div class=\"msg user\">");
        h_esc(&h, q, strlen(q));
        h_str(&h, "</div><div class=\"msg bot\">");
        const char *html_ans = json_string_value(json_object_get(j, "answer_html"));
        const char *message = json_string_value(json_object_get(j, "message"));
        if (message) {
            h_str(&h, "<p class=\"note\">");
            h_esc(&h, message, strlen(message));
            h_str(&h, "</p>");
        }
        if (html_ans && a.outcome != OUTCOME_CLARIFY) {
            if (a.outcome == OUTCOME_ANSWER) {
                faq_entry e;
                faq_index_entry(ix, a.best.entry, &e);
                h_str(&h, "<p class=\"source\">");
                h_msg(&h, ix, ul, "page_answers");
                h_str(&h, " ");
                h_esc(&h, e.question.s, e.question.len);
                h_str(&h, "</p>");
            }
            h_str(&h, "<div class=\"answer\">");
            h_str(&h, html_ans);   /* rendered by cmark in safe mode */
            h_str(&h, "</div>");
        }
        json_t *alts = json_object_get(j, "alternatives");
        if (a.outcome == OUTCOME_CLARIFY) {
            /* the leading candidate is one of the choices too */
            json_t *lead = json_pack("{s:O}", "question", json_object_get(j, "question"));
            json_array_insert_new(alts, 0, lead);
        }
        if (json_array_size(alts)) {
            h_str(&h, "<p class=\"alts-label\">");
            if (a.outcome != OUTCOME_CLARIFY)   /* a clarify's label is its message, above */
                h_msg(&h, ix, ul, a.outcome == OUTCOME_ANSWER ? "page_alternatives" : "suggestions");
            h_str(&h, "</p><ul class=\"alts\">");
            size_t i;
            json_t *alt;
            json_array_foreach(alts, i, alt) {
                const char *aq = json_string_value(json_object_get(alt, "question"));
                if (!aq)
                    continue;
                h_str(&h, "<li><a href=\"/ask?q=");
                h_url_q(&h, aq, strlen(aq));
                h_str(&h, "&amp;lang=");
                h_url_q(&h, faq_index_lang_code(ix, ul), strlen(faq_index_lang_code(ix, ul)));
                h_str(&h, "\">");
                h_esc(&h, aq, strlen(aq));
                h_str(&h, "</a></li>");
            }
            h_str(&h, "</ul>");
        }
        h_str(&h, "</div>");
    } else if (bad) {
        h_str(&h, "<div class=\"msg bot error\" role=\"alert\">");
        h_esc(&h, bad, strlen(bad));
        h_str(&h, "</div>");
    } else {
        h_str(&h, "<div class=\"msg bot\">");
        h_msg(&h, ix, ul, "page_welcome");
        h_str(&h, "</div>");
    }
    h_str(&h, "</div><form class=\"ask\" method=\"get\" action=\"/ask\"><input type=\"hidden\" name=\"lang\" value=\"");
    h_esc(&h, faq_index_lang_code(ix, ul), strlen(faq_index_lang_code(ix, ul)));
    h_str(&h, "\"><input name=\"q\" autocomplete=\"off\" autofocus maxlength=\"1000\" placeholder=\"");
    h_msg(&h, ix, ul, "page_placeholder");
    h_str(&h, "\"><button type=\"submit\">");
    h_msg(&h, ix, ul, "page_send");
    h_str(&h, "</button></form></main></body></html>\n");
    json_decref(j);
    index_live_put(sv->live, s);
    if (!h.p || h.oom) {
        free(h.p);
        return send_error(c, r, 500, "out of memory");
    }
    return respond(c, r, bad ? 400 : 200, "text/html; charset=utf-8", h.p, h.len, MHD_RESPMEM_MUST_FREE);
}

/* ---- static files ---- */

static const char *content_type(const char *path)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
        {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"}, {".webmanifest", "application/manifest+json"}};
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof *types; i++)
        if (strcmp(dot, types[i][0]) == 0)
            return types[i][1];
    return "application/octet-stream";
}

static enum MHD_Result route_static(server *sv, struct MHD_Connection *c, request *r, const char *url)
{
    if (!sv->web[0])
        return send_error(c, r, 404, "not found");
    if (strcmp(url, "/") == 0)
        url = "/index.html";
    /* the URL is already percent-decoded: refuse dot segments, backslashes,
     * control bytes; then the real path must stay under the web folder */
    if (url[0] != '/' || strstr(url, "/.") || strchr(url, '\\') || strlen(url) > FAQ_HTTP_MAX_PATH_BYTES)
        return send_error(c, r, 404, "not found");
    for (const char *p = url; *p; p++)
        if ((unsigned char)*p < 0x20)
            return send_error(c, r, 404, "not found");
    char path[PATH_MAX + 600], real[PATH_MAX];
    snprintf(path, sizeof path, "%s%s", sv->web, url);
    size_t wl = strlen(sv->web);
    if (!realpath(path, real) || strncmp(real, sv->web, wl) != 0 || real[wl] != '/')
        return send_error(c, r, 404, "not found");
    int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        return send_error(c, r, 404, "not found");
    }
    struct MHD_Response *resp = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
    if (!resp) {
        close(fd);
        return MHD_NO;
    }
    for (size_t i = 0; i < sizeof security_headers / sizeof *security_headers; i++)
        MHD_add_response_header(resp, security_headers[i][0], security_headers[i][1]);
    const char *type = content_type(real);
    MHD_add_response_header(resp, "Content-Type", type);
    MHD_add_response_header(resp, "Cache-Control",
                            strncmp(type, "text/html", 9) == 0 ? "no-cache" : "public, max-age=300");
    r->status = 200;
    enum MHD_Result ret = MHD_queue_response(c, 200, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* ---- routing ---- */

typedef enum { M_GET = 1, M_POST = 2 } method_mask;

typedef struct route {
    const char *path;           /* exact, or a prefix when it ends with '*' */
    int route;
    int methods;
} route;

static const route routes[] = {
    {"/api/ask", R_ASK, M_GET | M_POST},
    {"/api/messages", R_MESSAGES, M_GET},
    {"/ask", R_ASK_PAGE, M_GET},
    {"/qnamaker/knowledgebases/*", R_QNA, M_POST},
    {"/healthz", R_HEALTH, M_GET},
    {"/metrics", R_METRICS, M_GET},
    {"/api/*", R_OTHER, 0},     /* unknown API routes: 404 in JSON */
    {"/*", R_STATIC, M_GET},
};

static const route *find_route(const char *url)
{
    for (size_t i = 0; i < sizeof routes / sizeof *routes; i++) {
        const char *p = routes[i].path;
        size_t n = strlen(p);
        if (p[n - 1] == '*' ? strncmp(url, p, n - 1) == 0 : strcmp(url, p) == 0)
            return &routes[i];
    }
    return NULL;
}

static int qna_path_ok(const char *url)
{
    /* /qnamaker/knowledgebases/{any}/generateAnswer */
    const char *rest = url + strlen("/qnamaker/knowledgebases/");
    const char *slash = strchr(rest, '/');
    return slash && slash > rest && strcmp(slash, "/generateAnswer") == 0;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_size, void **con_cls)
{
    server *sv = cls;
    request *r = *con_cls;
    if (!r) {
        /* first call: headers only; refuse early what we will not read */
        r = calloc(1, sizeof *r);
        if (!r)
            return MHD_NO;
        *con_cls = r;
        r->start = now_s();
        log_escape(r->method, sizeof r->method, method, strlen(method), sizeof r->method - 1, 0);
        log_escape(r->path, sizeof r->path, url, strlen(url), LOG_PATH_BYTES, 0);
        const route *rt = find_route(url);
        r->route = rt ? rt->route : R_OTHER;
        int m = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0 ? M_GET
              : strcmp(method, "POST") == 0 ? M_POST : 0;
        r->is_post = m == M_POST;
        if (!rt || (r->route == R_QNA && !qna_path_ok(url)) || r->route == R_OTHER)
            return send_error(c, r, 404, "no such route");
        if (!(rt->methods & m))
            return send_error(c, r, 405, "method not allowed");
        if (r->is_post) {
            const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
            if (cl && strtoull(cl, NULL, 10) > FAQ_MAX_BODY_BYTES)
                return send_error(c, r, 413, "the body is larger than 8 KiB");
        }
        return MHD_YES;
    }
    if (r->status)
        return MHD_YES;   /* answered already (refused early): drain */
    if (*upload_size && now_s() - r->start > FAQ_HTTP_BODY_DEADLINE_S)
        return MHD_NO;    /* a body trickled in (a byte a second): close the connection */
    if (*upload_size) {
        if (r->body_len + *upload_size > FAQ_MAX_BODY_BYTES) {
            r->too_large = 1;   /* chunked bodies have no Content-Length */
        } else {
            if (!r->body && !(r->body = malloc(FAQ_MAX_BODY_BYTES + 1)))
                return MHD_NO;
            memcpy(r->body + r->body_len, upload_data, *upload_size);
            r->body_len += *upload_size;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (r->too_large)
        return send_error(c, r, 413, "the body is larger than 8 KiB");
    switch (r->route) {
    case R_ASK: return route_api_ask(sv, c, r);
    case R_MESSAGES: return route_messages(sv, c, r);
    case R_ASK_PAGE: return route_ask_page(sv, c, r);
    case R_QNA: return route_qnamaker(sv, c, r);
    case R_HEALTH: return route_health(sv, c, r);
    case R_METRICS: return route_metrics(sv, c, r);
    case R_STATIC: return route_static(sv, c, r, url);
    }
    return send_error(c, r, 404, "no such route");
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    request *r = *con_cls;
    const server *sv = cls;
    if (!r)
        return;
    unsigned status = r->status ? r->status : 0;
    count_request(r->route, status);
    /* the access log: method and path (no query string), the question only
     * when asked for; one line, whatever the request held */
    if (!sv->quiet)
        fprintf(stderr, "%s %s %u %.0fus%s%s%s%s\n", r->method, r->path, status,
                (now_s() - r->start) * 1e6,
                toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)",
                r->question ? " q=\"" : "", r->question ? r->question : "", r->question ? "\"" : "");
    free(r->question);
    free(r->body);
    free(r);
    *con_cls = NULL;
}

/* ---- start, stop, main ---- */

faq_server *serve_start(const serve_opts *o, char *err, size_t errlen)
{
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)o->port);
    if (inet_pton(AF_INET, o->bind ? o->bind : "127.0.0.1", &addr.sin_addr) != 1) {
        snprintf(err, errlen, "--bind takes an IPv4 address (%s)", o->bind);
        return NULL;
    }
    server *sv = calloc(1, sizeof *sv);
    if (!sv) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    sv->log_questions = o->log_questions;
    sv->threshold = o->has_threshold ? o->threshold : -1;
    sv->quiet = o->quiet;
    if (!o->web || !realpath(o->web, sv->web))
        sv->web[0] = '\0';   /* static files off */
    pthread_mutex_init(&sv->unanswered_mu, NULL);
    sv->live = index_live_open(o->index, err, errlen);
    if (!sv->live)
        goto fail;
    if (o->unanswered && !(sv->unanswered = fopen(o->unanswered, "a"))) {
        snprintf(err, errlen, "%s: %s", o->unanswered, strerror(errno));
        goto fail;
    }
    sv->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, (uint16_t)o->port, NULL, NULL,
        handle, sv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads > 0 ? o->threads : FAQ_HTTP_THREADS),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)FAQ_HTTP_CONNECTION_TIMEOUT_S,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)FAQ_HTTP_MAX_CONNECTIONS,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)FAQ_HTTP_MAX_PER_IP,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)FAQ_HTTP_CONNECTION_MEMORY,
        MHD_OPTION_NOTIFY_COMPLETED, completed, sv, MHD_OPTION_END);
    if (!sv->daemon) {
        snprintf(err, errlen, "cannot listen on %s:%ld: %s", o->bind ? o->bind : "127.0.0.1", o->port,
                 strerror(errno));
        goto fail;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(sv->daemon, MHD_DAEMON_INFO_BIND_PORT);
    sv->port = info ? info->port : (unsigned)o->port;
    return sv;
fail:
    serve_stop(sv);
    return NULL;
}

unsigned serve_port(const faq_server *sv) { return sv->port; }

int serve_check_index(faq_server *sv, int force)
{
    char err[1024];
    int r = index_live_check(sv->live, force, err, sizeof err);
    if (r > 0)
        fprintf(stderr, "faqbot serve: index reloaded (%llu reloads)\n",
                (unsigned long long)index_live_reloads(sv->live));
    else if (r < 0)
        fprintf(stderr, "faqbot serve: new index refused, the old one keeps serving: %s\n", err);
    return r;
}

void serve_stop(faq_server *sv)
{
    if (!sv)
        return;
    if (sv->daemon)
        MHD_stop_daemon(sv->daemon);
    cache_clear();
    if (sv->unanswered)
        fclose(sv->unanswered);
    index_live_close(sv->live);
    pthread_mutex_destroy(&sv->unanswered_mu);
    free(sv);
}

int serve_main(int argc, char **argv)
{
    serve_opts o = {DEFAULT_INDEX, "127.0.0.1", DEFAULT_WEB, NULL, DEFAULT_PORT, FAQ_HTTP_THREADS, 0, 0, 0, 0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        char *end = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            printf("Serve the chat page and the JSON API over HTTP.\n\nusage: faqbot serve [--index FILE] "
                   "[--bind ADDR] [--port N] [--web DIR] [--threads N] [--threshold X] [--log-questions] [--unanswered FILE]\n"
                   "defaults: build/faq.idx, 127.0.0.1, 8080 (0: any free port), web/, 4 threads\n");
            return 0;
        } else if (strcmp(a, "--log-questions") == 0) {
            o.log_questions = 1;
            continue;
        } else if (!v) {
            fprintf(stderr, "faqbot serve: %s needs a value (or is unknown)\n", a);
            return 1;
        } else if (strcmp(a, "--index") == 0) o.index = v;
        else if (strcmp(a, "--bind") == 0) o.bind = v;
        else if (strcmp(a, "--web") == 0) o.web = v;
        else if (strcmp(a, "--unanswered") == 0) o.unanswered = v;
        else if (strcmp(a, "--port") == 0) {
            o.port = strtol(v, &end, 10);
            if (*end || o.port < 0 || o.port > 65535) {
                fprintf(stderr, "faqbot serve: --port takes 0 to 65535\n");
                return 1;
            }
        } else if (strcmp(a, "--threshold") == 0) {
            o.threshold = strtod(v, &end);
            o.has_threshold = 1;
            if (end == v || *end || !(o.threshold >= 0 && o.threshold <= 1)) {
                fprintf(stderr, "faqbot serve: --threshold takes a number from 0 to 1\n");
                return 1;
            }
        } else if (strcmp(a, "--threads") == 0) {
            o.threads = strtol(v, &end, 10);
            if (*end || o.threads < 1 || o.threads > FAQ_HTTP_MAX_THREADS) {
                fprintf(stderr, "faqbot serve: --threads takes 1 to 256\n");
                return 1;
            }
        } else {
            fprintf(stderr, "faqbot serve: unknown option %s\n", a);
            return 1;
        }
        i++;
    }
    struct stat st;
    if (stat(o.web, &st) != 0)
        fprintf(stderr, "faqbot serve: web folder %s: %s (static files off)\n", o.web, strerror(errno));
    /* signals go to this thread alone, through sigtimedwait */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    char err[1024];
    faq_server *sv = serve_start(&o, err, sizeof err);
    if (!sv) {
        fprintf(stderr, "faqbot serve: %s\n", err);
        return strncmp(err, "--bind", 6) == 0 ? 1 : 2;
    }
    printf("listening on http://%s:%u/\n", o.bind, serve_port(sv));
    fflush(stdout);
    for (;;) {
        struct timespec wait = {0, FAQ_HTTP_RELOAD_POLL_MS * 1000000L};
        int sig = sigtimedwait(&sigs, NULL, &wait);
        if (sig == SIGINT || sig == SIGTERM)
            break;
        serve_check_index(sv, sig == SIGHUP);
    }
    fprintf(stderr, "faqbot serve: shutting down\n");
    serve_stop(sv);
    return 0;
}
