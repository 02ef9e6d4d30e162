/* search.c: from a question to an answer (see search.h).
 *
 * The query path, a module a stage: tokenize once (query.c), pick the
 * query language from the index's own evidence (langev.c), resolve each
 * content word to a slot of alternative terms (slots.c), retrieve the best
 * groups by BM25F impacts with MaxScore pruning (topk.c over
 * index_postings.c), rerank them by features of the entries' text
 * (rerank.c), decide from the coverage of the question's weight whether to
 * answer (outcome.c), and show why (present.c). The tables built once per
 * index are the search model (search_model.c); every number tuned is a
 * field of search_params. A searcher holds only per-thread scratch.
 */
#include "search.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* A leak checker scans the heap for pointers, not a program's own
 * mappings: the searcher's mapping is told to it as a root, or whatever
 * only the searcher points at (its scratch, memo...) reads as leaked. */
#if defined(__SANITIZE_ADDRESS__)
#define SEARCHER_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define SEARCHER_LSAN 1
#endif
#endif
#ifdef SEARCHER_LSAN
#include <sanitizer/lsan_interface.h>
#endif

#include "langev.h"
#include "langid.h"
#include "outcome.h"
#include "present.h"
#include "qmemo.h"
#include "query.h"
#include "rerank.h"
#include "search_model.h"
#include "slots.h"
#include "topk.h"
#include "utf8.h"

struct searcher {
    const faq_index *ix;
    search_model *own_model;    /* when made by searcher_new(), else NULL */
    search_params params;
    search_ctx ctx;             /* its parts below, for the stages */
    analyzer **an;              /* per language */
    qmemo *memo;
    present_memo *forms;
    langid *langid;
    /* per-query scratch */
    query q;
    topk_scratch *topk;
    rerank_scratch rerank;
    int pruning;                /* MaxScore on (off only to check it) */
    cand top[SEARCH_RERANK_MAX];
    int n_top;
    uint32_t lang;              /* the last query's language */
    /* the conversation's language (slot 0, when there is one), then the
     * page's: ctx.shown's; ctx.page's from slot 1 */
    int shown[FAQ_MAX_PAGE_LANGS + 1];
    int failed;                 /* memory ran out during the last query */
    char corrected[FAQ_MAX_QUESTION_BYTES * 2 + 64];
    char matched_buf[FAQ_MAX_QUERY_TERMS * (FAQ_MAX_TERM_BYTES * 4 + 1)];
    explain_buf explain;
};

/* A searcher's memory: mapped, not calloc'd. Most of its 100 KB (the
 * query's tables at their largest) no question fills, and a fresh mapping
 * is zero pages until touched, where calloc() writes every byte: pages the
 * system must supply on first touch, which cost more than the rest of
 * making a searcher. */
static searcher *searcher_alloc(void)
{
    void *p = mmap(NULL, sizeof(searcher), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    if (p == MAP_FAILED)
        return NULL;
#ifdef SEARCHER_LSAN
    __lsan_register_root_region(p, sizeof(searcher));
#endif
    return p;
}

/* A searcher over model m: its analyzers copies of the model's, or, when
 * own (a model made for it alone), the model's own. */
static searcher *searcher_make(search_model *m, int own)
{
    searcher *s = searcher_alloc();
    if (!s)
        return NULL;
    const faq_index *ix = search_model_index(m);
    s->ix = ix;
    search_params_default(&s->params);
    const char *codes[FAQ_MAX_LANGS];
    uint32_t n_langs = faq_index_lang_count(ix);
    for (uint32_t l = 0; l < n_langs; l++)
        codes[l] = faq_index_lang_code(ix, l);
    s->langid = langid_new(codes, (int)n_langs);
    s->pruning = 1;
    s->an = calloc(n_langs, sizeof *s->an);
    s->topk = topk_scratch_new();
    s->memo = qmemo_new();
    s->forms = present_memo_new();
    if (!s->an || !s->topk || !s->langid || !s->memo || !s->forms)
        goto fail;
    for (uint32_t l = 0; l < n_langs; l++)
        if (!(s->an[l] = own ? search_model_analyzer_take(m, l) : search_model_analyzer_new(m, l)))
            goto fail;
    s->ctx = (search_ctx){ix,          m,    &s->params, s->an,   &s->q, &s->failed,
                          &s->rerank, NULL, s->memo,    s->forms, s->shown + 1, 0, s->shown, 0};
    return s;
fail:
    searcher_free(s);
    return NULL;
}

searcher *searcher_new_shared(const search_model *m)
{
    /* the model is only read: its analyzers are copied, not taken */
    return searcher_make((search_model *)m, 0);
}

searcher *searcher_new(const faq_index *ix)
{
    search_model *m = search_model_new(ix);
    if (!m)
        return NULL;
    searcher *s = searcher_make(m, 1);
    if (!s) {
        search_model_free(m);
        return NULL;
    }
    s->own_model = m;
    return s;
}

void searcher_free(searcher *s)
{
    if (!s)
        return;
    if (s->an)
        for (uint32_t l = 0; l < faq_index_lang_count(s->ix); l++)
            analyzer_free(s->an[l]);
    free(s->an);
    qmemo_free(s->memo);
    present_memo_free(s->forms);
    langid_free(s->langid);
    topk_scratch_free(s->topk);
    rerank_scratch_free(&s->rerank);
    explain_free(&s->explain);
    search_model_free(s->own_model);
#ifdef SEARCHER_LSAN
    __lsan_unregister_root_region(s, sizeof *s);
#endif
    munmap(s, sizeof *s);
}

const faq_index *searcher_index(const searcher *s) { return s->ix; }

struct analyzer *searcher_analyzer(searcher *s, uint32_t lang)
{
    return lang < faq_index_lang_count(s->ix) ? s->an[lang] : NULL;
}

void searcher_set_pruning(searcher *s, int on) { s->pruning = on; }

void searcher_set_params(searcher *s, const search_params *p)
{
    s->params = *p;
    qmemo_clear(s->memo);
}

const search_params *searcher_params(const searcher *s) { return &s->params; }

/* The index's languages of a page's list ("fr,en"), into page; how many. */
static int page_languages(const faq_index *ix, const char *list, int *page)
{
    int n = 0;
    while (list && *list && n < FAQ_MAX_PAGE_LANGS) {
        size_t len = strcspn(list, ",");
        char code[FAQ_MAX_LANG_CODE];
        if (len < sizeof code) {
            memcpy(code, list, len);
            code[len] = '\0';
            int l = faq_index_lang_find(ix, code);
            if (l >= 0)
                page[n++] = l;
        }
        list += len + (list[len] == ',');
    }
    return n;
}

/* Tokens, language, slots, retrieval and reranking: the ranking for q in
 * s->top. Returns the query language. */
static uint32_t prepare(searcher *s, const char *q, size_t len, const faq_query_opts *o,
                        int *corrected)
{
    const faq_index *ix = s->ix;
    int forced = o && o->lang ? faq_index_lang_find(ix, o->lang) : -1;
    int prev = o && o->prev_lang ? faq_index_lang_find(ix, o->prev_lang) : -1;
    uint32_t first = forced >= 0   ? (uint32_t)forced
                     : prev >= 0 ? (uint32_t)prev
                                 : faq_index_lang_default(ix);
    s->failed = 0;
    s->ctx.text = q;
    int n_page = o ? page_languages(ix, o->page_lang, s->shown + 1) : 0;
    /* a tie's priors: the page's languages where no conversation is */
    s->ctx.n_page = prev < 0 ? n_page : 0;
    /* an entry the asker's language lacks: the conversation's language's,
     * else the page's, rather than the FAQ's first language's */
    s->shown[0] = prev;
    s->ctx.shown = prev >= 0 ? s->shown : s->shown + 1;
    s->ctx.n_shown = n_page + (prev >= 0);
    uint32_t L = first;
    int read = 0;               /* the question's tokens are L's */
    if (forced < 0 && faq_index_lang_count(ix) > 1) {
        /* the language's evidence is the question's words, which every
         * language's analyzer splits and folds alike: read them with the
         * analyzer of the likeliest language (the conversation's, else
         * the FAQ's first), whose tokens stand if it is the one; else they
         * are read again. Not the thread's last question's: the words'
         * evidence is not quite the same through every analyzer (their
         * stop words), and a question must not be read otherwise for
         * what another asker asked before it on the same thread */
        query_tokenize(&s->q, s->an[first], q, len);
        L = langev_detect(&s->ctx, s->langid, prev, q, len);
        read = L == first;
    }
    if (!read)
        query_tokenize(&s->q, s->an[L], q, len);   /* stems and stop words are the language's own */
    /* ... and so are its stop words typed in Latin letters ("kak", "k") */
    if (s->params.use_translit && s->params.use_translit_stops)
        query_translit_stops(&s->ctx, L);
    *corrected = slots_build(&s->ctx, L, !(o && o->no_typos));
    s->q.names_unknown = slots_mark_names(&s->ctx, q);
    s->n_top = topk_run(s->topk, &s->ctx, s->pruning, s->top);
    s->n_top = rerank_run(&s->ctx, &s->rerank, L, s->top, s->n_top);
    s->lang = L;
    return L;
}

int faq_question_too_long(const char *q, size_t len)
{
    /* a code point is a byte at least: most questions are not counted */
    return len > FAQ_MAX_QUESTION_CHARS && utf8_length(q, len) > FAQ_MAX_QUESTION_CHARS;
}

int searcher_topk(searcher *s, const char *q, size_t len, const faq_query_opts *opts,
                  faq_hit *hits, int k)
{
    if (len > FAQ_MAX_QUESTION_BYTES || !utf8_valid(q, len))
        return 0;
    int corrected;
    uint32_t L = prepare(s, q, len, opts, &corrected);
    int n = 0;
    for (int i = 0; i < s->n_top && n < k; i++) {
        uint32_t e = query_entry_shown(&s->ctx, s->top[i].group, L);
        if (e != UINT32_MAX)
            hits[n++] = (faq_hit){e, s->top[i].score};
    }
    return s->failed ? -1 : n;
}

/* An invalid question: declined, in the language asked for. */
static void decline_bad_utf8(const searcher *s, const faq_query_opts *opts, faq_answer *out)
{
    const faq_index *ix = s->ix;
    out->bad_utf8 = 1;
    int l = opts && opts->lang ? faq_index_lang_find(ix, opts->lang) : -1;
    if (l < 0 && opts && opts->prev_lang)
        l = faq_index_lang_find(ix, opts->prev_lang);
    out->query_lang = faq_index_lang_code(ix, l < 0 ? faq_index_lang_default(ix) : (uint32_t)l);
}

/* Did the asker choose a language, or has the conversation one? */
static int lang_given(const faq_index *ix, const faq_query_opts *o)
{
    return o && ((o->lang && faq_index_lang_find(ix, o->lang) >= 0) ||
                 (o->prev_lang && faq_index_lang_find(ix, o->prev_lang) >= 0));
}

static void answer_smalltalk(searcher *s, uint32_t st, uint32_t L, const faq_query_opts *opts,
                             faq_answer *out)
{
    const faq_index *ix = s->ix;
    /* answer in the asker's language when the small talk has it */
    faq_entry fe;
    faq_index_entry(ix, st, &fe);
    uint32_t e = faq_index_group_entry(ix, fe.group, L);
    out->outcome = OUTCOME_SMALLTALK;
    out->best = (faq_hit){e != UINT32_MAX ? e : st, 1.0};
    out->confidence = 1.0;
    if (opts && opts->explain) {
        explain_reset(&s->explain);
        explainf(&s->explain, "small talk: %.*s\n", (int)fe.id.len, fe.id.s);
        out->explain = s->explain.text.s;
        s->failed |= s->explain.failed;
    }
}

/* A question declined or read as the index's small talk that is a pack's
 * small talk said whole, in a language the index lacks (and not the
 * index's own small talk said whole): that small talk, in the question's language
 * when the FAQ has entries in it, else in the FAQ's first (by default)
 * that has the small talk, else in any. 1 when answered so. */
static int answer_pack_talk(searcher *s, const char *q, size_t len, uint32_t L,
                            const faq_query_opts *opts, faq_answer *out)
{
    const faq_index *ix = s->ix;
    size_t id_len;
    /* small talk's bounds, as the index's own small talk has them */
    int said = s->params.use_smalltalk && s->params.use_pack_talk && s->q.n_toks &&
               s->q.n_toks <= s->params.smalltalk_max_words;
    const pack_talk *pt = NULL;
    if (said && search_model_pack_talk(s->ctx.m, &pt) != 0) {
        s->failed = 1;
        return 0;
    }
    const char *id = said ? pack_talk_find(pt, q, len, &id_len) : NULL;
    if (!id)
        return 0;
    uint32_t n_langs = faq_index_lang_count(ix), def = faq_index_lang_default(ix);
    uint32_t order[FAQ_MAX_LANGS + 2] = {L, def}, n = 2;
    for (uint32_t l = 0; l < n_langs && n < FAQ_MAX_LANGS + 2; l++)
        order[n++] = l;
    uint32_t e = UINT32_MAX, at = L;
    for (int faq_only = 1; faq_only >= 0 && e == UINT32_MAX; faq_only--)
        for (uint32_t i = 0; i < n && e == UINT32_MAX; i++)
            if (order[i] < n_langs && (!faq_only || faq_index_lang_entries(ix, order[i]) > 0))
                e = faq_index_find_id(ix, id, id_len, at = order[i]);
    if (e == UINT32_MAX)
        return 0;
    out->n_alts = 0;
    L = s->lang = at;
    out->query_lang = faq_index_lang_code(ix, L);
    answer_smalltalk(s, e, L, opts, out);
    return 1;
}

int searcher_ask(searcher *s, const char *q, size_t len, const faq_query_opts *opts,
                 faq_answer *out)
{
    const faq_index *ix = s->ix;
    memset(out, 0, sizeof *out);
    out->outcome = OUTCOME_DECLINE;
    out->best = (faq_hit){UINT32_MAX, 0};
    double threshold = opts && opts->threshold >= 0   ? opts->threshold
                       : faq_index_threshold(ix) >= 0 ? faq_index_threshold(ix)
                                                      : s->params.threshold;
    if (!(opts && opts->utf8_checked) && !utf8_valid(q, len)) {
        decline_bad_utf8(s, opts, out);
        return 0;
    }
    /* front ends refuse longer; the core cuts, on a code point boundary */
    len = utf8_cut(q, len, FAQ_MAX_QUESTION_BYTES);
    int corrected;
    uint32_t L = prepare(s, q, len, opts, &corrected);
    out->query_lang = faq_index_lang_code(ix, L);
    /* the coverage rule's floor, not the confidence's threshold: pairs of
     * the answer and small talk within are read for a weak leader */
    double floor = s->params.cover_floor;
    if (s->n_top && s->top[0].cover < floor)
        rerank_answer_pairs(&s->ctx, &s->top[0], L);
    uint32_t st_lang;
    uint32_t st = outcome_smalltalk(&s->ctx, L, s->top, s->n_top, floor, &st_lang);
    if (st != UINT32_MAX) {
        /* small talk that another language's words say, and the question's
         * language's do not ("danke", "holaa" for "hola": a lone word tells
         * the language no better than a tie), is that language's when
         * nothing else tells: no language chosen, no conversation's */
        /* a lacked pack's phrase said whole is what was said; the index's
         * small talk met it only in part ("bon dia": Spanish "día") */
        if (answer_pack_talk(s, q, len, L, opts, out))
            return s->failed ? -1 : 0;
        if (st_lang != L && !lang_given(ix, opts)) {
            L = s->lang = st_lang;
            out->query_lang = faq_index_lang_code(ix, L);
        }
        answer_smalltalk(s, st, L, opts, out);
        return s->failed ? -1 : 0;
    }
    if (s->n_top > 0) {
        const cand *c1 = &s->top[0];
        outcome_decide(&s->ctx, L, s->top, s->n_top, threshold, out);
        /* show "did you mean" only when a correction counts in the winner,
         * and only with an answer (or a choice) to the corrected question:
         * asked back, a question declined anyway is declined again, and a
         * correction no answer bears out is as likely a word misread
         * ("capital of peru" for "per") */
        if (corrected && out->outcome != OUTCOME_DECLINE && present_correction_counts(&s->q, c1)) {
            present_corrected(&s->ctx, L, out->best.entry, q, len, s->corrected, sizeof s->corrected);
            out->corrected = s->corrected;
        }
        if (out->best.entry != UINT32_MAX && out->outcome != OUTCOME_DECLINE && opts &&
            opts->highlight)
            present_highlight(&s->ctx, c1, out->best.entry, s->matched_buf, sizeof s->matched_buf,
                              out);
    }
    if (out->outcome == OUTCOME_DECLINE && answer_pack_talk(s, q, len, L, opts, out))
        return s->failed ? -1 : 0;
    if (opts && opts->explain) {
        present_explain(&s->explain, &s->ctx, L, s->top, s->n_top, &s->rerank, threshold);
        out->explain = s->explain.text.s;
        s->failed |= s->explain.failed;
    }
    return s->failed ? -1 : 0;
}

int searcher_factors(const searcher *s, int rank, uint32_t *entry, double *retrieval,
                     double *factors, int cap)
{
    if (rank < 0 || rank >= s->n_top)
        return -1;
    const struct rerank_trace *t = rerank_trace_of(&s->rerank, s->top[rank].group);
    if (!t)
        return -1;
    *entry = query_entry_shown(&s->ctx, s->top[rank].group, s->lang);
    *retrieval = t->before;
    int n = 0;
    for (; n < rerank_feature_count && n < cap; n++)
        factors[n] = t->factor[n];
    return n;
}

const char *searcher_feature_name(int i)
{
    return i >= 0 && i < rerank_feature_count ? rerank_features[i].name : NULL;
}

int faq_hits_readable(const faq_index *ix, const char *lang, faq_hit *hits, int n)
{
    int L = lang ? faq_index_lang_find(ix, lang) : -1;
    int own = 0;
    faq_entry e;
    for (int i = 0; i < n && L >= 0; i++) {
        faq_index_entry(ix, hits[i].entry, &e);
        own += e.lang == (uint32_t)L;
    }
    if (!own)
        return n;
    int k = 0;
    for (int i = 0; i < n; i++) {
        faq_index_entry(ix, hits[i].entry, &e);
        if (e.lang == (uint32_t)L)
            hits[k++] = hits[i];
    }
    return k;
}

int faq_answer_offers(const faq_index *ix, const faq_answer *a, faq_hit *hits)
{
    /* the few offered as ever: a foreign one left out is not made up for
     * by a weaker one */
    int n = 0;
    if (a->outcome == OUTCOME_DECLINE && a->best.entry != UINT32_MAX)
        hits[n++] = a->best;
    for (int i = 0; i < a->n_alts && n < FAQ_MAX_ALTERNATIVES; i++)
        hits[n++] = a->alts[i];
    return a->outcome == OUTCOME_CLARIFY ? n : faq_hits_readable(ix, a->query_lang, hits, n);
}
