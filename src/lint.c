/* lint.c: corpus checks run on a built index (see lint.h). */
#include "lint.h"

#include "corpus.h"
#include "search.h"

#define NEAR_DUPLICATE_RATIO 0.7   /* the runner-up scores this close to the entry itself */
#define NEAR_DUPLICATE_POOL 8      /* the other's question is looked for among this many */

/* Asked entry asker's own question in its language: hits into out (room
 * for k), their number. */
static int ask_own(searcher *s, const faq_index *ix, uint32_t asker, faq_hit *out, int k)
{
    faq_entry fe;
    faq_index_entry(ix, asker, &fe);
    faq_query_opts o = {0};
    o.lang = faq_index_lang_code(ix, fe.lang);
    o.threshold = -1;
    o.no_typos = 1;
    return searcher_topk(s, fe.question.s, fe.question.len, &o, out, k);
}

/* Does entry other's own question also bring entry up within the ratio of
 * its best? A general question whose words all recur in a more precise
 * one ("What role do they play?", "What role do they play in the
 * review?") scores the precise entry close, but not the other way round:
 * two entries, each answering its own question, not a duplicate. */
static int mutual(searcher *s, const faq_index *ix, uint32_t entry, uint32_t other)
{
    faq_hit hits[NEAR_DUPLICATE_POOL];
    int k = ask_own(s, ix, other, hits, NEAR_DUPLICATE_POOL);
    for (int i = 0; i < k; i++)
        if (hits[i].entry == entry)
            return hits[0].score > 0 && hits[i].score >= NEAR_DUPLICATE_RATIO * hits[0].score;
    return 0;
}

int faq_lint(const faq_index *ix, lint_fn fn, void *ctx)
{
    searcher *s = searcher_new(ix);
    if (!s)
        return -1;
    int found = 0;
    uint32_t n = faq_index_entry_count(ix), nl = faq_index_lang_count(ix);
    for (uint32_t e = 0; e < n; e++) {
        faq_entry fe;
        faq_index_entry(ix, e, &fe);
        if (fe.kind != ENTRY_FAQ)
            continue;
        /* ask the entry's own question, in its own language */
        faq_hit hits[2];
        int k = ask_own(s, ix, e, hits, 2);
        if (k == 0) {
            /* nothing found: a question of no word the bot searches (stop
             * words, emoji, signs), its entry reached by its answer only */
            lint_finding f = {LINT_UNREACHABLE, e, UINT32_MAX, fe.lang, 0};
            fn(ctx, &f);
            found++;
        } else if (k >= 1 && hits[0].entry != e) {
            lint_finding f = {LINT_UNREACHABLE, e, hits[0].entry, fe.lang, 0};
            fn(ctx, &f);
            found++;
        } else if (k == 2 && hits[0].score > 0 &&
                   hits[1].score >= NEAR_DUPLICATE_RATIO * hits[0].score &&
                   mutual(s, ix, e, hits[1].entry)) {
            lint_finding f = {LINT_NEAR_DUPLICATE, e, hits[1].entry, fe.lang,
                              hits[1].score / hits[0].score};
            fn(ctx, &f);
            found++;
        }
        /* the first entry of a group that a language lacks speaks for it */
        if (faq_index_group_entry(ix, fe.group, fe.lang) != e)
            continue;
        int first = 1;
        for (uint32_t l = 0; l < fe.lang && first; l++)
            first = faq_index_group_entry(ix, fe.group, l) == UINT32_MAX;
        if (!first)
            continue;
        for (uint32_t l = 0; l < nl; l++) {
            if (faq_index_lang_entries(ix, l) == 0 || faq_index_group_entry(ix, fe.group, l) != UINT32_MAX)
                continue;
            lint_finding f = {LINT_MISSING_TRANSLATION, e, UINT32_MAX, l, 0};
            fn(ctx, &f);
            found++;
        }
    }
    searcher_free(s);
    return found;
}
