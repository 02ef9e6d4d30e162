/* answer_json.c: the one JSON shape of an answer (see answer_json.h). */
#include "answer_json.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "messages.h"

static const char *const outcome_names[] = {"answer", "clarify", "decline", "smalltalk"};

/* jansson refuses invalid UTF-8: replace each bad byte with U+FFFD. */
static json_t *json_text(const char *s, size_t n)
{
    if (utf8_valid(s, n))
        return json_stringn(s, n);
    char *buf = malloc(n * 3 + 1);
    if (!buf)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = 1;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xC0)
            k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (c != 0 && i + k <= n && utf8_valid(s + i, k)) {
            memcpy(buf + o, s + i, k);
            o += k;
            i += k;
        } else {
            memcpy(buf + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    json_t *j = json_stringn(buf, o);
    free(buf);
    return j;
}

static json_t *str(faq_str s)
{
    return json_stringn(s.s, s.len);
}

static json_t *hit_json(const faq_index *ix, faq_hit h)
{
    faq_entry e;
    faq_index_entry(ix, h.entry, &e);
    return json_pack("{s:o, s:o, s:s, s:f}", "id", str(e.id), "question", str(e.question),
                     "lang", faq_index_lang_code(ix, e.lang), "score", h.score);
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
    if (alts && has && a->outcome == OUTCOME_DECLINE)
        if (json_array_append_new(alts, hit_json(ix, a->best)) != 0)
            ok = 0;
    for (int i = 0; alts && i < a->n_alts; i++)
        if (json_array_size(alts) < FAQ_MAX_ALTERNATIVES)
            if (json_array_append_new(alts, hit_json(ix, a->alts[i])) != 0)
                ok = 0;
    set(o, "alternatives", alts, &ok);
    /* the bot's own sentence, in the asker's language; small talk has none:
     * its reply is the answer */
    char msg[1024];
    json_t *message = json_null();
    if (a->outcome == OUTCOME_DECLINE) {
        msg_format(ix, qlang, "decline", NULL, msg, sizeof msg);
        message = json_string(msg);
    } else if (a->outcome == OUTCOME_CLARIFY) {
        msg_format(ix, qlang, "clarify", NULL, msg, sizeof msg);
        message = json_string(msg);
    } else if (named && a->other_lang) {
        char name[128];
        msg_format(ix, e.lang, "lang_name", NULL, name, sizeof name);
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
