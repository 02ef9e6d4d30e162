/* answer_text.c: an answer as text for a terminal (see answer_text.h). */
#include "answer_text.h"

#include "messages.h"

static void print_hits(FILE *out, const faq_index *ix, const faq_hit *hits, int n, int numbered)
{
    for (int i = 0; i < n; i++) {
        faq_entry e;
        faq_index_entry(ix, hits[i].entry, &e);
        if (numbered)
            fprintf(out, "  %d. %.*s\n", i + 1, (int)e.question.len, e.question.s);
        else
            fprintf(out, "  - %.*s\n", (int)e.question.len, e.question.s);
    }
}

void answer_print(FILE *out, const faq_index *ix, const faq_answer *a, int numbered)
{
    uint32_t ql = msg_lang(ix, a->query_lang);
    char msg[1024];
    faq_hit hits[FAQ_MAX_ALTERNATIVES + 1];
    int n = 0;
    if (a->explain)
        fprintf(out, "%s\n", a->explain);
    if (a->corrected) {
        const char *kv[] = {"q", a->corrected, NULL};
        msg_format(ix, ql, "did_you_mean", kv, msg, sizeof msg);
        fprintf(out, "%s\n", msg);
    }
    if (a->outcome == OUTCOME_DECLINE || a->best.entry == UINT32_MAX) {
        msg_format(ix, ql, "decline", NULL, msg, sizeof msg);
        fprintf(out, "%s\n", msg);
        if (a->best.entry != UINT32_MAX)
            hits[n++] = a->best;
        for (int i = 0; i < a->n_alts && n < FAQ_MAX_ALTERNATIVES; i++)
            hits[n++] = a->alts[i];
        if (n) {
            msg_format(ix, ql, "suggestions", NULL, msg, sizeof msg);
            fprintf(out, "%s\n", msg);
            print_hits(out, ix, hits, n, numbered);
        }
        return;
    }
    faq_entry e;
    faq_index_entry(ix, a->best.entry, &e);
    if (a->outcome == OUTCOME_CLARIFY) {
        msg_format(ix, ql, "clarify", NULL, msg, sizeof msg);
        fprintf(out, "%s\n", msg);
        hits[n++] = a->best;
        for (int i = 0; i < a->n_alts; i++)
            hits[n++] = a->alts[i];
        print_hits(out, ix, hits, n, numbered);
        return;
    }
    if (a->outcome == OUTCOME_SMALLTALK) {
        fprintf(out, "%.*s\n", (int)e.answer.len, e.answer.s);
        return;
    }
    if (a->other_lang) {
        char name[128];
        msg_format(ix, e.lang, "lang_name", NULL, name, sizeof name);
        const char *kv[] = {"lang", name, NULL};
        msg_format(ix, ql, "other_lang", kv, msg, sizeof msg);
        fprintf(out, "%s\n", msg);
    }
    fprintf(out, "## %.*s\n\n%.*s\n", (int)e.question.len, e.question.s, (int)e.answer.len, e.answer.s);
    if (a->n_alts) {
        /* under an answer they are related questions, as on the page: "did
         * you mean" would doubt the answer just given */
        msg_format(ix, ql, "page_alternatives", NULL, msg, sizeof msg);
        fprintf(out, "\n%s\n", msg);
        print_hits(out, ix, a->alts, a->n_alts, numbered);
    }
}
