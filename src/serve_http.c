/* serve_http.c: how `faqbot serve` answers (see serve_http.h): the
 * headers of every response (security policy, CORS), JSON bodies and
 * errors, the checks of a question, the asker's language and the clock. */
#include <string.h>

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

/* ---- language of the asker ---- */

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

/* The primary subtag of the language tag at s, lowercased into code
 * ("fr-CA", "FR": fr); its length, 0 if none. */
static size_t tag_primary(const char *s, char code[8])
{
    size_t n = 0;
    while (s[n] && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')) && n < 7) {
        code[n] = (char)(s[n] | 0x20);
        n++;
    }
    code[n] = '\0';
    return n;
}

const char *serve_lang_code(const faq_index *ix, const char *tag)
{
    char code[8];
    size_t n = tag ? tag_primary(tag, code) : 0;
    /* a tag is the whole value: "fr-CA", "pt_BR" (a locale's), not "fresh" */
    if (!n || (tag[n] && tag[n] != '-' && tag[n] != '_'))
        return NULL;
    int l = faq_index_lang_find(ix, code);
    return l >= 0 ? faq_index_lang_code(ix, (uint32_t)l) : NULL;
}

/* The next language of an Accept-Language header (*h, moved past it)
 * the index has, or NULL at its end. */
static const char *accepted_next(const char **h, const faq_index *ix)
{
    while (*h && **h) {
        const char *s = *h;
        while (*s == ' ' || *s == ',')
            s++;
        char code[8];
        size_t n = tag_primary(s, code);
        const char *comma = strchr(s, ',');
        *h = comma ? comma + 1 : NULL;
        int l = n ? faq_index_lang_find(ix, code) : -1;
        if (l >= 0)
            return faq_index_lang_code(ix, (uint32_t)l);
    }
    return NULL;
}

const char *serve_request_language(struct MHD_Connection *c, const faq_index *ix, const char *wanted)
{
    const char *known = serve_lang_code(ix, wanted);
    if (known)
        return known;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language");
    return accepted_next(&h, ix);
}

void serve_page_languages(struct MHD_Connection *c, const faq_index *ix, const char *wanted,
                          char out[FAQ_MAX_PAGE_LANGS * FAQ_MAX_LANG_CODE])
{
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language");
    const char *code = serve_lang_code(ix, wanted);
    if (!code)
        code = accepted_next(&h, ix);
    size_t len = 0;
    out[0] = '\0';
    for (int n = 0; code && n < FAQ_MAX_PAGE_LANGS;) {
        /* each once: "en-GB, en" is one */
        size_t cn = strlen(code);
        const char *seen = strstr(out, code);
        if (!(seen && (seen == out || seen[-1] == ',') && (seen[cn] == ',' || !seen[cn]))) {
            len += (size_t)snprintf(out + len, FAQ_MAX_PAGE_LANGS * FAQ_MAX_LANG_CODE - len, "%s%s",
                                    len ? "," : "", code);
            n++;
        }
        code = accepted_next(&h, ix);
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
