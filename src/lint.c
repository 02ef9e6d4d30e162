/* lint.c: corpus checks run on a built index (see lint.h). */
#include "lint.h"

#include "corpus.h"
#include "search.h"

#define NEAR_DUPLICATE_RATIO 0.7   /* the runner-up scores this close to the entry itself */

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
        faq_query_opts o = {0};
        o.lang = faq_index_lang_code(ix, fe.lang);
        o.threshold = -1;
        o.no_typos = 1;
        faq_hit hits[2];
        int k = searcher_topk(s, fe.question.s, fe.question.len, &o, hits, 2);
        if (k >= 1 && hits[0].entry != e) {
            lint_finding f = {LINT_UNREACHABLE, e, hits[0].entry, fe.lang, 0};
            fn(ctx, &f);
            found++;
        } else if (k == 2 && hits[0].score > 0 &&
                   hits[1].score >= NEAR_DUPLICATE_RATIO * hits[0].score) {
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
