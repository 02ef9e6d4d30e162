/* serve_ask.c: the ask path of `faqbot serve` (see serve_ask.h): taking
 * the thread's searcher, asking, the answer object, the answer cache and
 * the /api/ask route. */
#include <stdlib.h>
#include <string.h>

#include "answer_json.h"
#include "serve_ask.h"
#include "hash.h"
#include "lang_tag.h"
#include "serve_log.h"
#include "serve_metrics.h"
#include "utf8.h"

/* ---- answer cache ----
 * FAQ questions repeat: the JSON of recent answers is kept, keyed by the
 * whole request (question, languages, explain) and the index it came from,
 * so a reload makes old answers unreachable. An answer's bytes are made
 * once and shared, counted, by its slot and the responses that send them:
 * neither a new answer nor one found in the cache is copied. */

#define CACHE_SLOTS FAQ_HTTP_ANSWER_CACHE
#define CACHE_MAX_KEY 1024

/* An answer's JSON, let go of with the last of its holders.
 *
 * Its buffer is kept for a next answer rather than freed: an answer's JSON
 * is 1 to 3 KB, and glibc serves an allocation of 1 KB or more by first
 * merging every small free chunk of the arena, which a request leaves
 * many of (~1.4 k instructions a request, callgrind; a distinct /api/ask
 * is ~140 k). The server keeps FAQ_HTTP_REPLY_KEEP of them under a mutex
 * of their own: an answer's last holder is the thread whose connection
 * sent it, or whichever thread replaced it in the cache. */
typedef struct shared_json {
    atomic_uint refs;
    char *text;
    size_t len, cap;
    server *sv;
} shared_json;

/* A buffer let go of, or a new empty one; NULL out of memory. */
static shared_json *shared_take(server *sv)
{
    shared_json *j = NULL;
    pthread_mutex_lock(&sv->replies_mu);
    if (sv->n_replies)
        j = sv->replies[--sv->n_replies];
    pthread_mutex_unlock(&sv->replies_mu);
    if (!j && (j = malloc(sizeof *j)) != NULL) {
        j->text = NULL;
        j->cap = 0;
        j->sv = sv;
    }
    if (j)
        atomic_init(&j->refs, 1);
    return j;
}

static void shared_free(shared_json *j)
{
    if (j) {
        free(j->text);
        free(j);
    }
}

static void shared_release(void *cls)
{
    shared_json *j = cls;
    if (!j || atomic_fetch_sub_explicit(&j->refs, 1, memory_order_acq_rel) != 1)
        return;
    server *sv = j->sv;
    if (j->cap <= FAQ_HTTP_REPLY_KEEP_BYTES) {
        pthread_mutex_lock(&sv->replies_mu);
        if (sv->n_replies < FAQ_HTTP_REPLY_KEEP) {
            sv->replies[sv->n_replies++] = j;
            j = NULL;
        }
        pthread_mutex_unlock(&sv->replies_mu);
    }
    shared_free(j);
}

struct cache_slot {
    uint64_t gen;
    char *key;                  /* the request, as built by cache_key() */
    size_t key_len;
    shared_json *json;
    int outcome;
    char lang[FAQ_MAX_LANG_CODE];
};

/* "explain|lang|prev|page|question", or 0 when it is too long to be
 * worth keeping */
static size_t cache_key(char *out, const char *q, size_t q_len, const ask_args *in)
{
    const char *part[3] = {in->lang, in->prev_lang, in->page_lang};
    size_t n = 2 + q_len;
    if (q_len > CACHE_MAX_KEY)
        return 0;
    for (int k = 0; k < 3; k++) {
        size_t pn = part[k] ? strlen(part[k]) : 0;
        if (pn > CACHE_MAX_KEY)
            return 0;
        n += pn + 1;
    }
    if (n >= CACHE_MAX_KEY)
        return 0;
    char *o = out;
    *o++ = in->explain ? '1' : '0';
    *o++ = '|';
    for (int k = 0; k < 3; k++) {
        size_t pn = part[k] ? strlen(part[k]) : 0;
        memcpy(o, part[k] ? part[k] : "", pn);
        o += pn;
        *o++ = '|';
    }
    memcpy(o, q, q_len);
    return n;
}

static size_t cache_slot_of(const char *key, size_t n)
{
    return (size_t)(hash_bytes(HASH_SEED, key, n) % CACHE_SLOTS);
}

/* The cached JSON, held for the caller (who releases it), or NULL. */
static shared_json *cache_get(server *sv, uint64_t gen, const char *key, size_t n, int *outcome,
                              char *lang)
{
    shared_json *out = NULL;
    pthread_mutex_lock(&sv->cache_mu);
    cache_slot *sl = &sv->cache[cache_slot_of(key, n)];
    if (sl->json && sl->gen == gen && sl->key_len == n && memcmp(sl->key, key, n) == 0) {
        out = sl->json;
        atomic_fetch_add_explicit(&out->refs, 1, memory_order_relaxed);
        *outcome = sl->outcome;
        memcpy(lang, sl->lang, FAQ_MAX_LANG_CODE);
    }
    pthread_mutex_unlock(&sv->cache_mu);
    return out;
}

/* The slot of key holds json from now on (one more holder of it). */
static void cache_put(server *sv, uint64_t gen, const char *key, size_t n, shared_json *json,
                      int outcome, const char *lang)
{
    char *k = malloc(n);
    if (!k)
        return;
    memcpy(k, key, n);
    atomic_fetch_add_explicit(&json->refs, 1, memory_order_relaxed);
    pthread_mutex_lock(&sv->cache_mu);
    cache_slot *sl = &sv->cache[cache_slot_of(key, n)];
    char *old_k = sl->key;
    shared_json *old_j = sl->json;
    sl->gen = gen;
    sl->key = k;
    sl->key_len = n;
    sl->json = json;
    sl->outcome = outcome;
    size_t ln = lang ? strnlen(lang, sizeof sl->lang - 1) : 0;
    memcpy(sl->lang, lang ? lang : "", ln);
    sl->lang[ln] = '\0';
    pthread_mutex_unlock(&sv->cache_mu);
    free(old_k);
    shared_release(old_j);
}

int serve_cache_open(server *sv)
{
    return (sv->cache = calloc(CACHE_SLOTS, sizeof *sv->cache)) ? 0 : -1;
}

void serve_cache_free(server *sv)
{
    for (size_t i = 0; sv->cache && i < CACHE_SLOTS; i++) {
        free(sv->cache[i].key);
        shared_release(sv->cache[i].json);
    }
    free(sv->cache);
    sv->cache = NULL;
    while (sv->n_replies)
        shared_free(sv->replies[--sv->n_replies]);
}

/* Sends json and lets go of the caller's hold on it. */
static enum MHD_Result respond_shared(server *sv, struct MHD_Connection *c, request *r, shared_json *json)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer_with_free_callback_cls(json->len, json->text, shared_release, json);
    if (!resp) {
        shared_release(json);
        return MHD_NO;
    }
    return serve_queue(sv, c, r, 200, "application/json; charset=utf-8", resp, json->len);
}

/* ---- per request ---- */

void serve_note_question(const server *sv, request *r, const char *q, size_t len)
{
    if (!sv->log_questions || r->question)
        return;
    size_t cap = LOG_QUESTION_BYTES * 4 + 1;
    if ((r->question = malloc(cap)) != NULL)
        log_escape(r->question, cap, q, len, LOG_QUESTION_BYTES, 1);
}

searcher *serve_take(server *sv, struct MHD_Connection *c, request *r, const char *q, size_t len,
                     const char *field, const char *bad, json_t *body, enum MHD_Result *ret)
{
    char blank[96] = {0};
    if (!bad)
        bad = serve_check_asked(q, len, blank);
    if (bad == blank)   /* printed only for the question that is empty */
        snprintf(blank, sizeof blank, "\"%s\" is empty: the question, with something to ask", field);
    searcher *s = bad ? NULL : index_live_get(sv->live);
    if (!s) {
        json_decref(body);
        *ret = serve_error(sv, c, r, bad ? 400 : 503, bad ? bad : "the index is not available");
        return NULL;
    }
    serve_note_question(sv, r, q, len);
    return s;
}

/* Ask: fills a, counts it and logs a decline; 0, or -1 if memory ran out. */
int serve_ask(server *sv, const ask_args *in, faq_answer *a, searcher *s)
{
    faq_query_opts o = {0};
    o.threshold = sv->threshold;
    o.explain = in->explain;
    o.highlight = in->highlight;
    /* every route checks its question before it asks (serve_take(),
     * serve_check_question()) */
    o.utf8_checked = 1;
    const faq_index *ix = searcher_index(s);
    o.lang = lang_tag_code(ix, in->lang);
    o.prev_lang = lang_tag_code(ix, in->prev_lang);
    o.page_lang = in->page_lang;
    double t0 = serve_now();
    if (searcher_ask(s, in->q, in->q_len, &o, a) != 0)
        return -1;
    serve_count_answer(sv, serve_now() - t0, a, in->q, in->q_len);
    return 0;
}

/* Ask; the answer object of the API, with answer_html. */
json_t *serve_answer(server *sv, const ask_args *in, faq_answer *a, searcher *s)
{
    if (serve_ask(sv, in, a, s) != 0)
        return NULL;
    const faq_index *ix = searcher_index(s);
    json_t *j = answer_to_json(ix, in->q, in->q_len, a);
    if (j && a->best.entry != UINT32_MAX && a->outcome != OUTCOME_DECLINE) {
        /* the HTML rendered at index time, a JSON literal: decoded, not rendered */
        faq_entry_shown e;
        faq_index_entry_shown(ix, a->best.entry, &e);
        json_t *html = e.html.s ? json_loadb(e.html.s, e.html.len, JSON_DECODE_ANY, NULL) : NULL;
        json_object_set_new(j, "answer_html", html ? html : json_null());
    } else if (j) {
        json_object_set_new(j, "answer_html", json_null());
    }
    return j;
}

enum MHD_Result serve_route_ask(server *sv, struct MHD_Connection *c, request *r)
{
    ask_args in = {0};
    in.highlight = 1;
    json_t *body = NULL;
    if (r->is_post) {
        char bad_body[256];
        body = serve_json_body(r, bad_body, sizeof bad_body);
        if (!body || !json_is_object(body)) {
            json_decref(body);
            return serve_error(sv, c, r, 400, body || !r->body_len ? "the body must be a JSON object: {\"q\": \"...\"}" : bad_body);
        }
        json_t *q = json_object_get(body, "q");
        if (!json_is_string(q)) {
            /* "q": 5 or ["..."] is sent, not missing: told as the wrong type */
            int sent = q && !json_is_null(q);
            json_decref(body);
            return serve_error(sv, c, r, 400, sent ? "\"q\" must be a string: the question"
                                                   : "missing \"q\": the question, a string");
        }
        in.q = json_string_value(q);
        in.q_len = json_string_length(q);
        /* a field of the wrong type is told, not taken as absent: a client
         * sending "lang": ["fr"] or "explain": "yes" would never learn why
         * its choice did nothing (the Azure routes refuse theirs alike) */
        const char *bad_field = NULL;
        const char **langs[3] = {&in.lang, &in.prev_lang, &in.page_lang};
        static const char *const names[3] = {"lang", "prev_lang", "page_lang"};
        for (int i = 0; i < 3; i++) {
            json_t *v = json_object_get(body, names[i]);
            if (v && !json_is_string(v) && !json_is_null(v))
                bad_field = names[i];
            *langs[i] = json_is_string(v) ? json_string_value(v) : NULL;
        }
        json_t *ex = json_object_get(body, "explain");
        if (ex && !json_is_boolean(ex) && !json_is_null(ex))
            bad_field = "explain";
        in.explain = json_is_true(ex);
        if (bad_field) {
            char why[96];
            snprintf(why, sizeof why, "\"%s\" must be a %s", bad_field,
                     strcmp(bad_field, "explain") == 0 ? "boolean" : "string: a language code (\"fr\")");
            json_decref(body);
            return serve_error(sv, c, r, 400, why);
        }
    } else {
        size_t qn = 0;
        /* with its length: a %00 in the query string must not cut the
         * question short, unseen (the POST body's \u0000 is refused) */
        if (MHD_lookup_connection_value_n(c, MHD_GET_ARGUMENT_KIND, "q", 1, &in.q, &qn) != MHD_YES || !in.q)
            return serve_error(sv, c, r, 400, "missing q: /api/ask?q=...");
        in.q_len = qn;
        in.lang = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
        in.prev_lang = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "prev_lang");
        in.page_lang = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "page_lang");
        const char *ex = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "explain");
        in.explain = ex && (strcmp(ex, "1") == 0 || strcmp(ex, "true") == 0);
    }
    enum MHD_Result ret;
    searcher *s = serve_take(sv, c, r, in.q, in.q_len, "q", NULL, body, &ret);
    if (!s)
        return ret;
    serve_tag_index(r, searcher_index(s));
    /* "FR", "fr-CA", "nb": the index's code, before the cache key is made
     * of it; a language the index lacks is told, not answered in another
     * unseen ("" and "auto": none chosen) */
    const char *lang = lang_tag_code(searcher_index(s), in.lang);
    if (!lang && in.lang && *in.lang && strcmp(in.lang, "auto") != 0) {
        char why[128];
        /* echoed only whole and valid: a cut or invalid tag would make the
         * JSON of the answer impossible (a 500, found by fuzz_http) */
        size_t n = strlen(in.lang);
        if (n <= 32 && utf8_valid(in.lang, n))
            snprintf(why, sizeof why, "\"lang\": no language \"%s\" in the index", in.lang);
        else
            snprintf(why, sizeof why, "\"lang\": no such language in the index");
        index_live_put(sv->live, s);
        json_decref(body);
        return serve_error(sv, c, r, 400, why);
    }
    in.lang = lang;
    in.prev_lang = lang_tag_code(searcher_index(s), in.prev_lang);
    /* the page's language, then the browser's: the index's codes, which
     * the cache key holds */
    char page[FAQ_MAX_PAGE_LANGS * FAQ_MAX_LANG_CODE];
    serve_page_languages(c, searcher_index(s), in.page_lang, page);
    in.page_lang = page;
    uint64_t gen = index_live_thread_generation(sv->live);
    char key[CACHE_MAX_KEY];
    size_t kn = sv->cache ? cache_key(key, in.q, in.q_len, &in) : 0;
    int outcome;
    char qlang[FAQ_MAX_LANG_CODE];
    double t0 = serve_now();
    shared_json *hit = kn ? cache_get(sv, gen, key, kn, &outcome, qlang) : NULL;
    if (hit) {
        atomic_fetch_add(&sv->metrics.cache_hits, 1);
        faq_answer a = {0};
        a.outcome = (faq_outcome)outcome;
        a.query_lang = qlang[0] ? qlang : NULL;
        serve_count_answer(sv, serve_now() - t0, &a, in.q, in.q_len);
        index_live_put(sv->live, s);
        json_decref(body);
        return respond_shared(sv, c, r, hit);
    }
    faq_answer a;
    /* the object copied from the index's stored texts (answer_json.h) */
    shared_json *json = shared_take(sv);
    if (json && (serve_ask(sv, &in, &a, s) != 0 ||
                 answer_json_text_into(searcher_index(s), in.q, in.q_len, &a,
                                       ANSWER_JSON_HTML | ANSWER_JSON_Q_VALID, &json->text,
                                       &json->cap, &json->len) != 0)) {
        shared_release(json);
        json = NULL;
    }
    /* the searcher is let go of only once the answer is cached: its
     * query_lang points into the index, which a swap's sweep unmaps as
     * soon as this thread is seen idle (a crash under reloads, soak) */
    if (json && kn)
        cache_put(sv, gen, key, kn, json, (int)a.outcome, a.query_lang);
    index_live_put(sv->live, s);
    json_decref(body);
    if (!json)
        return serve_error(sv, c, r, 500, "out of memory");
    return respond_shared(sv, c, r, json);
}
