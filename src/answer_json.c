/* answer_json.c: the one JSON shape of an answer (see answer_json.h). */
#include "answer_json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json_escape.h"
#include "utf8.h"
#include "messages.h"

static const char *const outcome_names[] = {"answer", "clarify", "decline", "smalltalk"};

/* jansson refuses invalid UTF-8: replace each bad byte with U+FFFD. */
static json_t *json_text(const char *s, size_t n)
{
    if (utf8_valid(s, n))
        return json_stringn(s, n);
    char *fixed = malloc(n * 3 + 1);
    if (!fixed)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq_at(s, n, i);
        memcpy(fixed + o, k ? s + i : "\xEF\xBF\xBD", k ? k : 3);
        o += k ? k : 3;
        i += k ? k : 1;
    }
    json_t *j = json_stringn(fixed, o);
    free(fixed);
    return j;
}

static json_t *str(faq_str s)
{
    return json_stringn(s.s, s.len);
}

/* An offered entry the FAQ lacks in the asker's language: its language's
 * name in the asker's, into name, for the page to mark it with (as the
 * text marks it); 0 when it is in theirs. */
static int offer_lang_name(const faq_index *ix, const faq_answer *a, uint32_t lang, char *name, size_t cap)
{
    int L = a->query_lang ? faq_index_lang_find(ix, a->query_lang) : -1;
    if (L < 0 || lang == (uint32_t)L)
        return 0;
    msg_lang_name(ix, msg_lang(ix, a->query_lang), lang, name, cap);
    return 1;
}

static json_t *hit_json(const faq_index *ix, const faq_answer *a, faq_hit h)
{
    faq_entry e;
    faq_index_entry(ix, h.entry, &e);
    json_t *o = json_pack("{s:o, s:o, s:s}", "id", str(e.id), "question", str(e.question), "lang",
                          faq_index_lang_code(ix, e.lang));
    int ok = o != NULL;
    char name[128];
    if (ok && offer_lang_name(ix, a, e.lang, name, sizeof name))
        ok = json_object_set_new(o, "lang_name", json_string(name)) == 0;
    if (ok)
        ok = json_object_set_new(o, "score", json_real(h.score)) == 0;
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Sticky: after one failed set, *ok stays 0 and the object is dropped. */
static void set(json_t *o, const char *key, json_t *v, int *ok)
{
    if (!v || json_object_set_new(o, key, v) != 0)
        *ok = 0;
}

json_t *answer_to_json(const faq_index *ix, const char *q, size_t q_len, const faq_answer *a)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int ok = 1;
    int has = a->best.entry != UINT32_MAX;
    int shown = has && (a->outcome == OUTCOME_ANSWER || a->outcome == OUTCOME_SMALLTALK);
    uint32_t qlang = msg_lang(ix, a->query_lang);
    faq_entry e;
    if (has)
        faq_index_entry(ix, a->best.entry, &e);
    set(o, "query", json_text(q, q_len), &ok);
    set(o, "query_lang", a->query_lang ? json_string(a->query_lang) : json_null(), &ok);
    set(o, "outcome", json_string(outcome_names[a->outcome]), &ok);
    set(o, "answered", json_boolean(shown), &ok);
    /* a decline names no entry; a clarify names the leading candidate */
    int named = has && a->outcome != OUTCOME_DECLINE;
    set(o, "id", named ? str(e.id) : json_null(), &ok);
    set(o, "lang", named ? json_string(faq_index_lang_code(ix, e.lang)) : json_null(), &ok);
    set(o, "question", named ? str(e.question) : json_null(), &ok);
    set(o, "answer", named ? str(e.answer) : json_null(), &ok);
    set(o, "score", json_real(has ? a->best.score : 0), &ok);
    set(o, "confidence", json_real(a->confidence), &ok);
    set(o, "other_lang", json_boolean(named && a->other_lang), &ok);
    set(o, "corrected", a->corrected ? json_text(a->corrected, strlen(a->corrected)) : json_null(), &ok);
    json_t *m = json_array();
    for (int i = 0; m && i < a->n_matched; i++)
        if (json_array_append_new(m, json_text(a->matched[i], a->matched_len[i])) != 0)
            ok = 0;
    set(o, "matched", m, &ok);
    json_t *alts = json_array();
    /* when declining, the leading entry is a suggestion like the others */
    faq_hit offers[FAQ_MAX_ALTERNATIVES];
    int n_offers = faq_answer_offers(ix, a, offers);
    for (int i = 0; alts && i < n_offers; i++)
        if (json_array_append_new(alts, hit_json(ix, a, offers[i])) != 0)
            ok = 0;
    set(o, "alternatives", alts, &ok);
    /* the bot's own sentence, in the asker's language; small talk has none:
     * its reply is the answer */
    char msg[1024];
    json_t *message = json_null();
    if (a->outcome == OUTCOME_DECLINE) {
        msg_decline(ix, qlang, msg, sizeof msg);
        message = json_string(msg);
    } else if (a->outcome == OUTCOME_CLARIFY) {
        msg_format(ix, qlang, "clarify", NULL, msg, sizeof msg);
        message = json_string(msg);
    } else if (named && a->other_lang) {
        char name[128];
        msg_lang_name(ix, qlang, e.lang, name, sizeof name);
        const char *kv[] = {"lang", name, NULL};
        msg_format(ix, qlang, "other_lang", kv, msg, sizeof msg);
        message = json_string(msg);
    }
    set(o, "message", message, &ok);
    if (a->explain)
        set(o, "explain", json_text(a->explain, strlen(a->explain)), &ok);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* ---- the same object as text, from the index's stored literals ---- */

/* A growable text with a sticky failure: after one, every append is a no-op
 * and the text is dropped. */
typedef struct jtext {
    char *p;
    size_t len, cap;
    int bad;
} jtext;

static char *jt_grow(jtext *t, size_t n)
{
    if (t->bad)
        return NULL;
    if (t->len + n + 1 < t->len || grow(&t->p, &t->cap, t->len + n + 1, 1, 1024) != 0) {
        t->bad = 1;
        return NULL;
    }
    return t->p + t->len;
}

/* Room for n more bytes and the NUL; the text is sized for the whole
 * answer at its start, so this is a comparison, called for each piece */
static inline char *jt_room(jtext *t, size_t n)
{
    if (!t->bad && t->len + n + 1 <= t->cap && t->len + n + 1 > t->len)
        return t->p + t->len;
    return jt_grow(t, n);
}

static inline void jt_put(jtext *t, const char *s, size_t n)
{
    char *at = jt_room(t, n);
    if (at) {
        memcpy(at, s, n);
        t->len += n;
    }
}

#define JT_LIT(t, lit) jt_put(t, lit, sizeof lit - 1)

/* A string jansson would take (json_stringn): valid UTF-8, or the object
 * fails as a whole. */
/* A string known valid UTF-8. */
static void jt_valid(jtext *t, const char *s, size_t n)
{
    char *at = jt_room(t, JSON_ESCAPED_MAX(n));
    if (at)
        t->len += json_escape(at, s, n);
}

static void jt_str(jtext *t, const char *s, size_t n)
{
    if (!utf8_valid(s, n))
        t->bad = 1;
    else
        jt_valid(t, s, n);
}

/* A question or a word of it as json_text() shows it: bad bytes replaced. */
static void jt_text(jtext *t, const char *s, size_t n)
{
    char *at = jt_room(t, JSON_ESCAPED_MAX(n));
    if (at)
        t->len += json_escape_lossy(at, s, n);
}

static void jt_stored(jtext *t, faq_str s)
{
    jt_put(t, s.s, s.len);
}

static void jt_real(jtext *t, double x)
{
    char num[JSON_REAL_MAX];
    size_t n = isfinite(x) ? json_real_text(num, x) : 0;
    if (!n)
        t->bad = 1;   /* json_real() refuses it: so did the object */
    jt_put(t, num, n);
}

static void jt_lang(jtext *t, const faq_index *ix, uint32_t lang)
{
    const char *code = faq_index_lang_code(ix, lang);
    jt_str(t, code, strlen(code));
}

static void jt_hit(jtext *t, const faq_index *ix, const faq_answer *a, faq_hit h)
{
    faq_entry e;
    faq_entry_shown sh;
    faq_index_entry(ix, h.entry, &e);
    faq_index_entry_shown(ix, h.entry, &sh);
    JT_LIT(t, "{\"id\":");
    jt_stored(t, sh.id);
    JT_LIT(t, ",\"question\":");
    jt_stored(t, sh.question);
    JT_LIT(t, ",\"lang\":");
    jt_lang(t, ix, e.lang);
    char name[128];
    if (offer_lang_name(ix, a, e.lang, name, sizeof name)) {
        JT_LIT(t, ",\"lang_name\":");
        jt_str(t, name, strlen(name));
    }
    JT_LIT(t, ",\"score\":");
    jt_real(t, h.score);
    JT_LIT(t, "}");
}

int answer_json_text_into(const faq_index *ix, const char *q, size_t q_len, const faq_answer *a,
                          unsigned flags, char **text, size_t *cap, size_t *len)
{
    int with_html = (flags & ANSWER_JSON_HTML) != 0;
    jtext t = {*text, 0, *text ? *cap : 0, 0};
    int has = a->best.entry != UINT32_MAX;
    int shown = has && (a->outcome == OUTCOME_ANSWER || a->outcome == OUTCOME_SMALLTALK);
    int named = has && a->outcome != OUTCOME_DECLINE;
    uint32_t qlang = msg_lang(ix, a->query_lang);
    faq_entry e;
    faq_entry_shown sh;
    if (has) {
        faq_index_entry(ix, a->best.entry, &e);
        faq_index_entry_shown(ix, a->best.entry, &sh);
    }
    /* room for the stored texts at once, not grown through them */
    jt_room(&t, 1024 + JSON_ESCAPED_MAX(q_len) +
                    (named ? sh.id.len + sh.question.len + sh.answer.len +
                                 (with_html && sh.html.s ? sh.html.len : 0)
                           : 0));
    /* the keys in answer_to_json()'s order, which jansson keeps */
    JT_LIT(&t, "{\"query\":");
    if (flags & ANSWER_JSON_Q_VALID)
        jt_valid(&t, q, q_len);
    else
        jt_text(&t, q, q_len);
    JT_LIT(&t, ",\"query_lang\":");
    if (a->query_lang)
        jt_str(&t, a->query_lang, strlen(a->query_lang));
    else
        JT_LIT(&t, "null");
    JT_LIT(&t, ",\"outcome\":\"");
    jt_put(&t, outcome_names[a->outcome], strlen(outcome_names[a->outcome]));
    JT_LIT(&t, "\",\"answered\":");
    if (shown)
        JT_LIT(&t, "true");
    else
        JT_LIT(&t, "false");
    if (named) {
        JT_LIT(&t, ",\"id\":");
        jt_stored(&t, sh.id);
        JT_LIT(&t, ",\"lang\":");
        jt_lang(&t, ix, e.lang);
        JT_LIT(&t, ",\"question\":");
        jt_stored(&t, sh.question);
        JT_LIT(&t, ",\"answer\":");
        jt_stored(&t, sh.answer);
    } else {
        JT_LIT(&t, ",\"id\":null,\"lang\":null,\"question\":null,\"answer\":null");
    }
    JT_LIT(&t, ",\"score\":");
    jt_real(&t, has ? a->best.score : 0);
    JT_LIT(&t, ",\"confidence\":");
    jt_real(&t, a->confidence);
    if (named && a->other_lang)
        JT_LIT(&t, ",\"other_lang\":true");
    else
        JT_LIT(&t, ",\"other_lang\":false");
    JT_LIT(&t, ",\"corrected\":");
    if (a->corrected)
        jt_text(&t, a->corrected, strlen(a->corrected));
    else
        JT_LIT(&t, "null");
    JT_LIT(&t, ",\"matched\":[");
    for (int i = 0; i < a->n_matched; i++) {
        if (i)
            JT_LIT(&t, ",");
        jt_text(&t, a->matched[i], a->matched_len[i]);
    }
    JT_LIT(&t, "],\"alternatives\":[");
    faq_hit offers[FAQ_MAX_ALTERNATIVES];
    int n_offers = faq_answer_offers(ix, a, offers);
    for (int i = 0; i < n_offers; i++) {
        if (i)
            JT_LIT(&t, ",");
        jt_hit(&t, ix, a, offers[i]);
    }
    JT_LIT(&t, "],\"message\":");
    char msg[1024];
    int has_msg = 1;
    if (a->outcome == OUTCOME_DECLINE) {
        msg_decline(ix, qlang, msg, sizeof msg);
    } else if (a->outcome == OUTCOME_CLARIFY) {
        msg_format(ix, qlang, "clarify", NULL, msg, sizeof msg);
    } else if (named && a->other_lang) {
        char name[128];
        msg_lang_name(ix, qlang, e.lang, name, sizeof name);
        const char *kv[] = {"lang", name, NULL};
        msg_format(ix, qlang, "other_lang", kv, msg, sizeof msg);
    } else {
        has_msg = 0;
    }
    if (has_msg)
        jt_str(&t, msg, strlen(msg));
    else
        JT_LIT(&t, "null");
    if (a->explain) {
        JT_LIT(&t, ",\"explain\":");
        jt_text(&t, a->explain, strlen(a->explain));
    }
    if (with_html) {
        /* an HTML jansson refused was left out, key and all */
        if (!named)
            JT_LIT(&t, ",\"answer_html\":null");
        else if (sh.html.s) {
            JT_LIT(&t, ",\"answer_html\":");
            jt_stored(&t, sh.html);
        }
    }
    JT_LIT(&t, "}");
    /* grown or not, the buffer is handed back */
    *text = t.p;
    *cap = t.cap;
    if (t.bad)
        return -1;
    t.p[t.len] = '\0';
    *len = t.len;
    return 0;
}

char *answer_json_text(const faq_index *ix, const char *q, size_t q_len, const faq_answer *a,
                       unsigned flags, size_t *len)
{
    char *p = NULL;
    size_t cap = 0;
    if (answer_json_text_into(ix, q, q_len, a, flags, &p, &cap, len) != 0) {
        free(p);
        return NULL;
    }
    return p;
}
