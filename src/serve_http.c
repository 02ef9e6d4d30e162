/* serve_http.c: how `faqbot serve` answers (see serve_http.h): the
 * headers of every response (security policy, CORS), JSON bodies and
 * errors, the checks of a question, the asker's language and the clock. */
#include <string.h>

#include "lang_tag.h"
#include "messages.h"
#include "serve_http.h"
#include "utf8.h"

static const char *const security_headers[][2] = {
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
};

double serve_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}


/* The headers of every answer: the security policy, CORS for an allowed
 * origin; and the request is read, so its deadline is off. */
void serve_add_headers(server *sv, struct MHD_Connection *c, request *r, struct MHD_Response *resp)
{
    for (size_t i = 0; i < sizeof security_headers / sizeof *security_headers; i++)
        MHD_add_response_header(resp, security_headers[i][0], security_headers[i][1]);
    MHD_add_response_header(resp, "Content-Security-Policy", sv->csp);
    if (sv->frame_deny)
        MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    if (sv->n_origins)
        MHD_add_response_header(resp, "Vary", "Origin");
    if (r->cors)
        MHD_add_response_header(resp, "Access-Control-Allow-Origin", r->origin);
    if (r->index_tag[0]) {
        MHD_add_response_header(resp, "Faqbot-Index", r->index_tag);
        if (r->cors)
            MHD_add_response_header(resp, "Access-Control-Expose-Headers", "Faqbot-Index");
    }
    guard_answering(c);
}

void serve_tag_index(request *r, const faq_index *ix)
{
    memcpy(r->index_tag, faq_index_checksum_hex(ix), sizeof r->index_tag);
}

enum MHD_Result serve_respond(server *sv, struct MHD_Connection *c, request *r, unsigned status,
                              const char *type, const char *body, size_t len,
                              enum MHD_ResponseMemoryMode mode)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)body, mode);
    if (!resp)
        return MHD_NO;
    return serve_queue(sv, c, r, status, type, resp, len);
}

enum MHD_Result serve_queue(server *sv, struct MHD_Connection *c, request *r, unsigned status,
                            const char *type, struct MHD_Response *resp, size_t len)
{
    serve_add_headers(sv, c, r, resp);
    MHD_add_response_header(resp, "Content-Type", type);
    if (strncmp(type, "application/json", 16) == 0 || strncmp(type, "text/html", 9) == 0 ||
        strncmp(type, "text/plain", 10) == 0)
        MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (status == 405)
        MHD_add_response_header(resp, "Allow", r->allow);
    r->status = status;
    r->bytes = len;
    enum MHD_Result ret = MHD_queue_response(c, status, resp);
    MHD_destroy_response(resp);
    return ret;
}

enum MHD_Result serve_json(server *sv, struct MHD_Connection *c, request *r, unsigned status, json_t *j)
{
    /* 15 digits, not 17: a real a route rounded (0.87) reads as written,
     * not as the double nearest it (0.86999999999999999) */
    char *text = j ? json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
    json_decref(j);
    if (!text)
        return serve_respond(sv, c, r, 500, "application/json", "{\"error\":\"out of memory\"}", 25,
                    MHD_RESPMEM_PERSISTENT);
    enum MHD_Result ret = serve_respond(sv, c, r, status, "application/json; charset=utf-8", text, strlen(text),
                               MHD_RESPMEM_MUST_FREE);
    return ret;
}

enum MHD_Result serve_error(server *sv, struct MHD_Connection *c, request *r, unsigned status, const char *msg)
{
    return serve_json(sv, c, r, status, json_pack("{s:s, s:i}", "error", msg, "status", status));
}

json_t *serve_json_body(const request *r, char *why, size_t cap)
{
    json_error_t jerr;
    json_t *j = json_loadb(r->body ? r->body : "", r->body_len, JSON_REJECT_DUPLICATES, &jerr);
    if (!j)
        snprintf(why, cap, "the body is not JSON: %s (at byte %d)", jerr.text, jerr.position);
    return j;
}

/* ---- language of the asker ---- */

/* The language a request is answered in: wanted (a ?lang= or a form's
 * field, may be NULL) when the index has it, else the most wanted
 * language of its Accept-Language the index has (q-values heeded), or
 * NULL; a string of ix. */
static const char *serve_request_language(struct MHD_Connection *c, const faq_index *ix, const char *wanted)
{
    const char *known = lang_tag_code(ix, wanted);
    if (known)
        return known;
    uint32_t l;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language");
    return lang_tag_accepted(ix, h, &l, 1) ? faq_index_lang_code(ix, l) : NULL;
}

searcher *serve_message_searcher(server *sv, struct MHD_Connection *c, request *r, const char *wanted,
                                 const char **code, uint32_t *lang, enum MHD_Result *ret)
{
    searcher *s = index_live_get(sv->live);
    if (!s) {
        *ret = serve_error(sv, c, r, 503, "the index is not available");
        return NULL;
    }
    const faq_index *ix = searcher_index(s);
    const char *known = serve_request_language(c, ix, wanted);
    if (code)
        *code = known;
    *lang = msg_lang(ix, known);
    return s;
}

void serve_page_languages(struct MHD_Connection *c, const faq_index *ix, const char *wanted,
                          char out[FAQ_MAX_PAGE_LANGS * FAQ_MAX_LANG_CODE])
{
    uint32_t langs[FAQ_MAX_PAGE_LANGS + 1];
    size_t n = 0, len = 0;
    int w = lang_tag_find(ix, wanted);
    if (w >= 0)
        langs[n++] = (uint32_t)w;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language");
    n += lang_tag_accepted(ix, h, langs + n, FAQ_MAX_PAGE_LANGS);
    out[0] = '\0';
    for (size_t i = 0, kept = 0; i < n && kept < FAQ_MAX_PAGE_LANGS; i++) {
        /* each once: the page's language may be the browser's too */
        if (w >= 0 && i > 0 && langs[i] == (uint32_t)w)
            continue;
        len += (size_t)snprintf(out + len, FAQ_MAX_PAGE_LANGS * FAQ_MAX_LANG_CODE - len, "%s%s",
                                len ? "," : "", faq_index_lang_code(ix, langs[i]));
        kept++;
    }
}

/* Checks a question: NULL if fine, else the reason for a 400. */
const char *serve_check_question(const char *q, size_t len)
{
    if (memchr(q, '\0', len))
        return "the question holds a NUL byte";
    if (!utf8_valid(q, len))
        return "the question is not valid UTF-8";
    if (faq_question_too_long(q, len))
        return "the question is longer than 1000 characters";
    return NULL;
}

const char *serve_check_asked(const char *q, size_t len, const char *blank)
{
    const char *bad = serve_check_question(q, len);
    return !bad && utf8_blank(q, len) ? blank : bad;
}
