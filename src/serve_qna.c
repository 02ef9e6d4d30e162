/* serve_qna.c: Azure's question-answering routes, so that bots built on
 * them switch to faqbot by changing the host: QnA Maker v4 (generateAnswer,
 * train) and custom question answering (:query-knowledgebases, feedback),
 * in the request and response shapes Microsoft documents.
 *
 * Metadata: an entry's answer may hold `<!-- meta: name=value, name=value -->`
 * (the Markdown renderer drops HTML comments); every entry also has
 * `id=<its id>`. Names and values compare without regard to ASCII case, as
 * QnA Maker does. A `<!-- source: ... -->` comment (faqbot import keeps QnA
 * Maker's Source there) is the answer's source, else its file name. strictFilters choose among the FAQ_QNA_FILTER_POOL best
 * candidates. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "serve_ask.h"
#include "serve_log.h"
#include "serve_qna.h"

#define QNA_NO_MATCH "No good match found in KB."
#define LANGUAGE_NO_MATCH "No answer found"
#define QNA_PREFIX "/qnamaker/knowledgebases/"
#define LANGUAGE_QUERY "/language/:query-knowledgebases"
#define LANGUAGE_PROJECTS "/language/query-knowledgebases/projects/"
#define META_OPEN "<!-- meta:"
#define SOURCE_OPEN "<!-- source:"
#define META_CLOSE "-->"
#define MAX_META 16
#define MAX_FILTERS 16

typedef struct slice { const char *s; size_t n; } slice;

typedef struct meta {
    slice name[MAX_META], value[MAX_META];
    int n;
    slice source;               /* of a "<!-- source: ... -->" comment (faqbot import), or empty */
} meta;

typedef struct filters {
    const char *name[MAX_FILTERS], *value[MAX_FILTERS];
    int n;
    int any;                    /* OR; else AND */
} filters;

/* ---- routes ---- */

/* "/{one segment}/{tail}" after p, the tail in any case; the segment's end. */
static const char *segment_then(const char *p, const char *tail)
{
    const char *slash = strchr(p, '/');
    return slash && slash > p && strcasecmp(slash + 1, tail) == 0 ? slash : NULL;
}

int qna_match(const char *url)
{
    size_t n = strlen(QNA_PREFIX);
    if (strncasecmp(url, QNA_PREFIX, n) == 0) {
        if (segment_then(url + n, "generateanswer"))
            return R_QNA;
        if (segment_then(url + n, "train"))
            return R_QNA_TRAIN;
        return -1;
    }
    if (strcasecmp(url, LANGUAGE_QUERY) == 0)
        return R_LANGUAGE;
    n = strlen(LANGUAGE_PROJECTS);
    if (strncasecmp(url, LANGUAGE_PROJECTS, n) == 0 && segment_then(url + n, "feedback"))
        return R_LANGUAGE_FEEDBACK;
    return -1;
}

/* Compared in time that does not depend on where they differ. */
static int same_secret(const char *a, size_t an, const char *b)
{
    size_t bn = strlen(b);
    unsigned char d = an != bn;
    for (size_t i = 0; i < bn; i++)
        d |= (unsigned char)(b[i] ^ (i < an ? a[i] : 0));
    return d == 0;
}

int qna_key_ok(const server *sv, struct MHD_Connection *c)
{
    if (!sv->endpoint_key)
        return 1;
    /* QnA Maker v4: "Authorization: EndpointKey KEY"; the language service
     * (and QnA Maker's management keys): Ocp-Apim-Subscription-Key */
    const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
    if (auth && strncasecmp(auth, "EndpointKey ", 12) == 0) {
        const char *k = auth + 12;
        while (*k == ' ')
            k++;
        if (same_secret(k, strlen(k), sv->endpoint_key))
            return 1;
    }
    const char *sub = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Ocp-Apim-Subscription-Key");
    return sub && same_secret(sub, strlen(sub), sv->endpoint_key);
}

/* ---- metadata ---- */

static const char *find(const char *p, const char *end, const char *what)
{
    size_t n = strlen(what);
    for (; p && (size_t)(end - p) >= n; p++)
        if (memcmp(p, what, n) == 0)
            return p;
    return NULL;
}

static slice trim(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\n'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
        e--;
    return (slice){s, (size_t)(e - s)};
}

/* The answer without its meta and source comments (out: at least len + 1
 * bytes), and the pairs and the source they hold, pointing into text. */
static size_t read_meta(const char *text, size_t len, meta *m, char *out)
{
    const char *p = text, *end = text + len;
    size_t o = 0;
    m->n = 0;
    m->source = (slice){NULL, 0};
    while (p < end) {
        const char *mo = find(p, end, META_OPEN), *so = find(p, end, SOURCE_OPEN);
        const char *open = mo && (!so || mo < so) ? mo : so;
        const char *close = open ? find(open, end, META_CLOSE) : NULL;
        if (!close) {
            memcpy(out + o, p, (size_t)(end - p));
            o += (size_t)(end - p);
            break;
        }
        memcpy(out + o, p, (size_t)(open - p));
        o += (size_t)(open - p);
        if (open == so)
            m->source = trim(open + strlen(SOURCE_OPEN), close);
        for (const char *q = open + strlen(META_OPEN); open == mo && q < close;) {
            const char *comma = memchr(q, ',', (size_t)(close - q));
            const char *item_end = comma ? comma : close;
            const char *eq = memchr(q, '=', (size_t)(item_end - q));
            if (eq && m->n < MAX_META) {
                m->name[m->n] = trim(q, eq);
                m->value[m->n] = trim(eq + 1, item_end);
                if (m->name[m->n].n)
                    m->n++;
            }
            q = item_end + 1;
        }
        p = close + strlen(META_CLOSE);
        if (p < end && *p == '\n')
            p++;    /* a comment on a line of its own leaves no blank line */
    }
    slice t = trim(out, out + o);
    memmove(out, t.s, t.n);
    out[t.n] = '\0';
    return t.n;
}

static int slice_is(slice s, const char *v)
{
    return strlen(v) == s.n && strncasecmp(s.s, v, s.n) == 0;
}

static int has_pair(const meta *m, const faq_entry *e, const char *name, const char *value)
{
    if (strcasecmp(name, "id") == 0 && slice_is((slice){e->id.s, e->id.len}, value))
        return 1;
    for (int i = 0; i < m->n; i++)
        if (slice_is(m->name[i], name) && slice_is(m->value[i], value))
            return 1;
    return 0;
}

static int passes(const filters *f, const meta *m, const faq_entry *e)
{
    if (f->n == 0)
        return 1;
    for (int i = 0; i < f->n; i++) {
        int has = has_pair(m, e, f->name[i], f->value[i]);
        if (has && f->any)
            return 1;
        if (!has && !f->any)
            return 0;
    }
    return !f->any;
}

/* How filters combine: "AND" or "OR" in any case, or 0 and 1 as the
 * services' enum numbers them; absent (or null) is AND. 0 if op is none of
 * these ("XOR", "or else"): read as AND, a client's OR would go unseen. */
static int op_known(json_t *op)
{
    const char *o = json_string_value(op);
    if (!op || json_is_null(op))
        return 1;
    if (o)
        return strcasecmp(o, "AND") == 0 || strcasecmp(o, "OR") == 0;
    return json_is_integer(op) && (json_integer_value(op) == 0 || json_integer_value(op) == 1);
}

/* Reads [{nk: "...", vk: "..."}...]; 0, or -1 if it is malformed. */
static int read_filters(json_t *arr, const char *nk, const char *vk, json_t *op, filters *f)
{
    const char *o = json_string_value(op);
    f->any = (o && strcasecmp(o, "OR") == 0) || (json_is_integer(op) && json_integer_value(op) == 1);
    if (!arr || json_is_null(arr))
        return 0;
    if (!json_is_array(arr) || json_array_size(arr) > MAX_FILTERS)
        return -1;
    size_t i;
    json_t *it;
    json_array_foreach(arr, i, it) {
        const char *n = json_string_value(json_object_get(it, nk));
        const char *v = json_string_value(json_object_get(it, vk));
        if (!n || !v)
            return -1;
        f->name[f->n] = n;
        f->value[f->n] = v;
        f->n++;
    }
    return 0;
}

/* ---- answering ---- */

typedef struct qna_query {
    const char *q;
    size_t q_len;
    json_int_t top;
    double threshold;           /* 0..1 */
    filters f;
    int language;               /* custom question answering's shape */
} qna_query;

static json_t *questions_of(const faq_entry *e)
{
    json_t *qs = json_array();
    json_array_append_new(qs, json_stringn(e->question.s, e->question.len));
    faq_str rest = e->alts;
    for (faq_str alt; faq_str_line(&rest, &alt);)
        json_array_append_new(qs, json_stringn(alt.s, alt.len));
    return qs;
}

/* One answer object in the shape of the route; NULL if out of memory. The
 * score is shown as the services show theirs, to four places from 0 to 1
 * (two from 0 to 100): the confidence is a float, whose 0.87 would read
 * 0.8700000047. */
static json_t *answer_object(const qna_query *in, const faq_entry *e, double score)
{
    score = round(score * 1e4) / 1e4;
    char *text = malloc(e->answer.len + 1);
    if (!text)
        return NULL;
    meta m;
    size_t n = read_meta(e->answer.s, e->answer.len, &m, text);
    json_t *md = in->language ? json_object() : json_array();
    slice src = m.source.n ? m.source : (slice){e->file.s, (size_t)e->file.len};
    for (int i = -1; i < m.n; i++) {
        slice k = i < 0 ? (slice){"id", 2} : m.name[i];
        slice v = i < 0 ? (slice){e->id.s, e->id.len} : m.value[i];
        if (in->language) {
            char key[FAQ_MAX_ID_BYTES];
            snprintf(key, sizeof key, "%.*s", (int)k.n, k.s);
            json_object_set_new(md, key, json_stringn(v.s, v.n));
        } else {
            json_array_append_new(md, json_pack("{s:s%, s:s%}", "name", k.s, k.n, "value", v.s, v.n));
        }
    }
    json_t *j = in->language
        ? json_pack("{s:o, s:s%, s:f, s:I, s:s%, s:o, s:{s:b, s:[]}}", "questions", questions_of(e),
                    "answer", text, n, "confidenceScore", score, "id", (json_int_t)e->group,
                    "source", src.s, src.n, "metadata", md,
                    "dialog", "isContextOnly", 0, "prompts")
        : json_pack("{s:s%, s:f, s:I, s:o, s:s%, s:o}", "answer", text, n, "score", 100.0 * score,
                    "id", (json_int_t)e->group, "questions", questions_of(e),
                    "source", src.s, src.n, "metadata", md);
    free(text);
    return j;
}

/* The best gets the confidence; the others in proportion to their score. */
static double qna_score(const faq_answer *a, const faq_hit *h)
{
    double score = a->confidence * (a->best.score > 0 ? h->score / a->best.score : 0);
    return score > a->confidence ? a->confidence : score;
}

static json_t *answer_query(server *sv, const qna_query *in, searcher *s)
{
    const faq_index *ix = searcher_index(s);
    ask_args q = {in->q, in->q_len, NULL, NULL, NULL, 0, 0};
    faq_query_opts o = {0};     /* the same options serve_ask used, for the pool */
    o.threshold = sv->threshold;
    faq_answer a;
    if (serve_ask(sv, &q, &a, s) != 0)
        return NULL;
    faq_hit hits[FAQ_QNA_FILTER_POOL];
    int n = 0;
    if (a.outcome != OUTCOME_DECLINE && a.best.entry != UINT32_MAX) {
        /* the answer first; then, for top > 1 or filters, the next best by
         * rank (the decision's alternatives are only the close ones) */
        hits[n++] = a.best;
        for (int i = 0; i < a.n_alts; i++)
            hits[n++] = a.alts[i];
        if (in->top > n || in->f.n) {
            faq_hit pool[FAQ_QNA_FILTER_POOL];
            int k = searcher_topk(s, in->q, in->q_len, &o, pool, FAQ_QNA_FILTER_POOL);
            for (int i = 0; i < k && n < FAQ_QNA_FILTER_POOL; i++) {
                int seen = 0;
                for (int j = 0; j < n && !seen; j++)
                    seen = hits[j].entry == pool[i].entry;
                if (!seen)
                    hits[n++] = pool[i];
            }
        }
    }
    /* those that pass the threshold and the filters; the first is the
     * answer, in whatever language it is found */
    int kept = 0;
    faq_entry es[FAQ_QNA_FILTER_POOL];   /* hits[i]'s entry, looked up once */
    for (int i = 0; i < n; i++) {
        if (qna_score(&a, &hits[i]) < in->threshold)
            continue;
        faq_entry e;
        faq_index_entry(ix, hits[i].entry, &e);
        if (in->f.n) {
            char *scratch = malloc(e.answer.len + 1);
            meta m;
            if (!scratch)
                break;
            read_meta(e.answer.s, e.answer.len, &m, scratch);
            int ok = passes(&in->f, &m, &e);
            free(scratch);
            if (!ok)
                continue;
        }
        es[kept] = e;
        hits[kept++] = hits[i];
    }
    /* beyond the answer, what the asker can read, as /api/ask offers:
     * entries in the question's language when there are some (the pool of
     * the whole index holds entries of every language). The rule keeps
     * hits in their order: their entries follow, walked alongside. */
    if (kept > 1) {
        uint32_t was[FAQ_QNA_FILTER_POOL];
        for (int i = 0; i < kept; i++)
            was[i] = hits[i].entry;
        kept = 1 + faq_hits_readable(ix, a.query_lang, hits + 1, kept - 1);
        for (int i = 1, j = 1; i < kept; i++, j++) {
            while (was[j] != hits[i].entry)
                j++;
            es[i] = es[j];
        }
    }
    json_t *answers = json_array();
    for (int i = 0; i < kept && i < in->top; i++)
        json_array_append_new(answers, answer_object(in, &es[i], qna_score(&a, &hits[i])));
    if (json_array_size(answers) == 0)
        json_array_append_new(answers, in->language
            ? json_pack("{s:[], s:s, s:f, s:i, s:{}}", "questions", "answer", LANGUAGE_NO_MATCH,
                        "confidenceScore", 0.0, "id", -1, "metadata")
            : json_pack("{s:s, s:f, s:i, s:[], s:[]}", "answer", QNA_NO_MATCH, "score", 0.0, "id", -1,
                        "questions", "metadata"));
    /* QnA Maker's clients offer the user a choice among close answers, and
     * send it back to train, when active learning is on: here, when there
     * is a feedback log to send it to */
    return in->language ? json_pack("{s:o}", "answers", answers)
                        : json_pack("{s:o, s:b}", "answers", answers, "activeLearningEnabled", sv->feedback_path != NULL);
}

static enum MHD_Result route_query(server *sv, struct MHD_Connection *c, request *r, int language)
{
    char why[256];
    json_t *body = serve_json_body(r, why, sizeof why);
    json_t *q = json_object_get(body, "question");
    qna_query in = {0};
    in.language = language;
    const char *bad = body ? NULL : why;
    if (!bad && !json_is_string(q))
        bad = language ? "the body must be {\"question\": \"...\", \"top\": N, \"confidenceScoreThreshold\": S}"
                       : "the body must be {\"question\": \"...\", \"top\": N, \"scoreThreshold\": S}";
    json_t *top = json_object_get(body, "top");
    json_t *thr = json_object_get(body, language ? "confidenceScoreThreshold" : "scoreThreshold");
    in.top = json_is_integer(top) ? json_integer_value(top) : language ? 3 : 1;
    /* QnA Maker's scores run from 0 to 100, the language service's from 0 to 1 */
    in.threshold = json_is_number(thr) ? json_number_value(thr) / (language ? 1 : 100) : 0;
    /* a value of the wrong type is refused, as the services refuse it:
     * answering as if it were absent would hide the client's mistake (a
     * threshold above the scores' range is no mistake: nothing passes it) */
    if (!bad && ((top && !json_is_null(top) && !json_is_integer(top)) || in.top < 1 || in.top > FAQ_QNA_MAX_TOP))
        bad = "top must be from 1 to 50";
    if (!bad && thr && !json_is_null(thr) && !json_is_number(thr))
        bad = language ? "confidenceScoreThreshold must be a number" : "scoreThreshold must be a number";
    json_t *fl = json_object_get(body, "filters");
    json_t *mf = json_object_get(fl, "metadataFilter");
    json_t *op = language ? json_object_get(mf, "logicalOperation")
                          : json_object_get(body, "strictFiltersCompoundOperationType");
    /* filters that are no object were answered unfiltered, as if absent */
    if (!bad && language && ((fl && !json_is_null(fl) && !json_is_object(fl)) ||
                             (mf && !json_is_null(mf) && !json_is_object(mf))))
        bad = "filters is an object: {\"metadataFilter\": {\"metadata\": [{\"key\", \"value\"}]}}";
    if (!bad && !op_known(op))
        bad = language ? "filters.metadataFilter.logicalOperation is \"AND\" or \"OR\""
                       : "strictFiltersCompoundOperationType is \"AND\" or \"OR\"";
    if (!bad && (language ? read_filters(json_object_get(mf, "metadata"), "key", "value", op, &in.f)
                          : read_filters(json_object_get(body, "strictFilters"), "name", "value", op, &in.f)) != 0)
        bad = language ? "filters.metadataFilter.metadata is a list of {\"key\", \"value\"}"
                       : "strictFilters is a list of {\"name\", \"value\"}";
    in.q = bad ? "" : json_string_value(q);
    in.q_len = bad ? 0 : json_string_length(q);
    enum MHD_Result ret;
    searcher *s = serve_take(sv, c, r, in.q, in.q_len, "question", bad, body, &ret);
    if (!s)
        return ret;
    json_t *j = answer_query(sv, &in, s);
    index_live_put(sv->live, s);
    json_decref(body);
    return j ? serve_json(sv, c, r, 200, j) : serve_error(sv, c, r, 500, "out of memory");
}

/* Active learning: each record says which answer (qnaId) a user chose for
 * a question; it goes to the feedback log as a vote up for that entry. */
static enum MHD_Result route_feedback(server *sv, struct MHD_Connection *c, request *r, int language)
{
    if (!sv->feedback_path)
        return serve_error(sv, c, r, 404, "feedback is off: the server was started without --feedback-log");
    char why[256];
    json_t *body = serve_json_body(r, why, sizeof why);
    json_t *recs = json_object_get(body, language ? "records" : "feedbackRecords");
    const char *bad = body ? NULL : why;
    if (!bad && (!json_is_array(recs) || json_array_size(recs) > FAQ_QNA_MAX_RECORDS))
        bad = language ? "the body must be {\"records\": [{\"userId\", \"userQuestion\", \"qnaId\"}]}"
                       : "the body must be {\"feedbackRecords\": [{\"userId\", \"userQuestion\", \"qnaId\"}]}";
    size_t i;
    json_t *it;
    json_array_foreach(recs, i, it) {
        json_t *uq = json_object_get(it, "userQuestion"), *id = json_object_get(it, "qnaId");
        if (!bad && (!json_is_string(uq) || !(json_is_integer(id) || json_is_string(id))))
            bad = "each record has a userQuestion and a qnaId";
        if (!bad)
            bad = serve_check_asked(json_string_value(uq), json_string_length(uq),
                                    "a record's \"userQuestion\" is empty");
    }
    searcher *s = bad ? NULL : index_live_get(sv->live);
    if (!bad && !s)
        bad = "the index is not available";
    /* every record checked before any is written: a call is logged whole or not at all */
    uint32_t entries[FAQ_QNA_MAX_RECORDS];
    char langs[FAQ_QNA_MAX_RECORDS][FAQ_MAX_LANG_CODE];
    const faq_index *ix = s ? searcher_index(s) : NULL;
    int kept = 0;
    json_array_foreach(recs, i, it) {
        if (bad || kept != 0)
            break;
        json_t *id = json_object_get(it, "qnaId");
        const char *uq = json_string_value(json_object_get(it, "userQuestion"));
        char *end = NULL;
        long long g = json_is_integer(id) ? json_integer_value(id) : strtoll(json_string_value(id), &end, 10);
        if ((end && *end) || g < 0 || g >= faq_index_group_count(ix)) {
            bad = "a qnaId is not the id of an answer";
            break;
        }
        faq_query_opts o = {0};
        o.threshold = sv->threshold;
        faq_answer a;
        /* the entry in the language of the question when it has one */
        snprintf(langs[i], sizeof langs[i], "%s",
                 searcher_ask(s, uq, strlen(uq), &o, &a) == 0 && a.query_lang ? a.query_lang : "");
        int ql = langs[i][0] ? faq_index_lang_find(ix, langs[i]) : -1;
        entries[i] = ql >= 0 ? faq_index_group_entry(ix, (uint32_t)g, (uint32_t)ql) : UINT32_MAX;
        for (uint32_t l = 0; entries[i] == UINT32_MAX && l < faq_index_lang_count(ix); l++)
            entries[i] = faq_index_group_entry(ix, (uint32_t)g, l);
        if (entries[i] == UINT32_MAX)
            bad = "a qnaId is not the id of an answer";
    }
    /* the call's votes written in one block: a log that cannot take them
     * all takes none, and the client is told (an earlier record lost while
     * a later one was written was a 204) */
    log_vote votes[FAQ_QNA_MAX_RECORDS];
    char ids[FAQ_QNA_MAX_RECORDS][FAQ_MAX_ID_BYTES];
    size_t n_votes = 0;
    json_array_foreach(recs, i, it) {
        if (bad)
            break;
        faq_entry e;
        faq_index_entry(ix, entries[i], &e);
        snprintf(ids[i], sizeof ids[i], "%.*s", (int)e.id.len, e.id.s);
        json_t *uq = json_object_get(it, "userQuestion");
        votes[n_votes++] = (log_vote){json_string_value(uq), json_string_length(uq), ids[i],
                                      langs[i][0] ? langs[i] : faq_index_lang_code(ix, e.lang), "up"};
    }
    if (!bad && n_votes)
        kept = log_votes(sv, votes, n_votes, language ? "language-feedback" : "qnamaker-train");
    /* put back only now: a vote's language code may be the index's own */
    if (s)
        index_live_put(sv->live, s);
    json_decref(body);
    return log_vote_reply(sv, c, r, bad, kept);
}

enum MHD_Result qna_route(server *sv, struct MHD_Connection *c, request *r)
{
    switch (r->route) {
    case R_QNA: return route_query(sv, c, r, 0);
    case R_LANGUAGE: {
        /* the service refuses a call without these; so does its stand-in */
        const char *p = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "projectName");
        const char *d = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "deploymentName");
        const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "api-version");
        if (!p || !*p || !d || !*d || !v || !*v)
            return serve_error(sv, c, r, 400, "projectName, deploymentName and api-version are required");
        return route_query(sv, c, r, 1);
    }
    case R_QNA_TRAIN: return route_feedback(sv, c, r, 0);
    case R_LANGUAGE_FEEDBACK: return route_feedback(sv, c, r, 1);
    }
    return serve_error(sv, c, r, 404, "no such route");
}
