/* known_synonyms.c: a word's thesaurus synonyms the FAQ holds (see
 * known_synonyms.h). */
#include "known_synonyms.h"

#include <string.h>

#include "buf.h"
#include "index_internal.h"
#include "lemma.h"
#include "limits.h"

typedef struct first_ctx {
    const faq_index *ix;
    uint32_t lang;
    int stem;
    known_terms *out;
} first_ctx;

static int on_first(void *ctx, const token *t)
{
    first_ctx *x = ctx;
    if (t->is_stop || t->is_synonym)
        return 0;
    x->out->word = ix_find_word(x->ix, x->lang, t->word, t->word_len);
    if (!x->stem)
        return 1;
    x->out->term = ix_find_term(x->ix, x->lang, t->term, t->term_len);
    char key[FAQ_MAX_TERM_BYTES * 4 + 2];
    key[0] = LEMMA_MARK;
    if (t->term_len < sizeof key - 1) {
        memcpy(key + 1, t->term, t->term_len);
        x->out->marked = ix_find_term(x->ix, x->lang, key, t->term_len + 1);
    }
    return 1;
}

void known_synonyms_terms(const faq_index *ix, analyzer *an, uint32_t lang, const char *w,
                          size_t n, int stem, known_terms *out)
{
    *out = (known_terms){IX_NONE, IX_NONE, IX_NONE};
    first_ctx x = {ix, lang, stem, out};
    analyzer_skip_stemming(an, !stem);
    analyzer_run(an, w, n, on_first, &x);
    analyzer_skip_stemming(an, 0);
}

typedef struct back_ctx {
    const char *word;
    size_t len;
    int found;
} back_ctx;

static int on_back_word(void *ctx, const char *w, size_t n)
{
    back_ctx *b = ctx;
    b->found = n == b->len && memcmp(w, b->word, n) == 0;
    return b->found;
}

static int on_synonym(void *ctx, const char *w, size_t n)
{
    known_synonyms_ask *a = ctx;
    known_terms tc = {IX_NONE, IX_NONE, IX_NONE};
    /* a synonym of a word the FAQ holds must stand in it as written (below):
     * one whose word the FAQ lacks needs no stem, most of them */
    int as_written = a->known && a->rules.as_written;
    if (as_written) {
        a->terms(a->ctx, w, n, 0, &tc);
        if (tc.word == IX_NONE)
            return a->taken >= a->limit;
    }
    a->terms(a->ctx, w, n, 1, &tc);
    /* a thesaurus gives lemmas: the FAQ may say one in another form only */
    if (tc.term == IX_NONE && a->rules.use_lemma)
        tc.term = tc.marked;
    /* a synonym of a word the FAQ holds must stand in it as written: its
     * stem alone meets other words ("lunar" and "lunes") */
    if (as_written && tc.word == IX_NONE)
        tc.term = IX_NONE;
    if (tc.term != IX_NONE && a->rules.mutual) {
        /* a synonym only one way is often another sense of the word */
        back_ctx b = {a->word, a->len, 0};
        thesaurus_lookup(a->th, w, n, on_back_word, &b);
        if (!b.found)
            tc.term = IX_NONE;
    }
    if (tc.term != IX_NONE) {
        a->take(a->ctx, tc.term);
        a->taken++;
    }
    return a->taken >= a->limit;
}

int known_synonyms_each(known_synonyms_ask *a)
{
    return thesaurus_lookup(a->th, a->word, a->len, on_synonym, a);
}

/* ---- the table the build keeps ---- */

known_synonyms_rules known_synonyms_rules_of(const search_params *p)
{
    return (known_synonyms_rules){p->thesaurus_as_written, p->use_lemma, p->thesaurus_mutual};
}

known_synonyms_rules known_synonyms_rules_built(void)
{
    search_params shipped;
    search_params_default(&shipped);
    return known_synonyms_rules_of(&shipped);
}

int known_synonyms_rules_equal(known_synonyms_rules a, known_synonyms_rules b)
{
    return a.as_written == b.as_written && a.use_lemma == b.use_lemma && a.mutual == b.mutual;
}

typedef struct list_ctx {
    const faq_index *ix;
    analyzer *an;
    uint32_t lang;
    uint32_t *terms;
    int n;
} list_ctx;

static void list_terms(void *ctx, const char *w, size_t n, int stem, known_terms *out)
{
    const list_ctx *x = ctx;
    known_synonyms_terms(x->ix, x->an, x->lang, w, n, stem, out);
}

static void list_take(void *ctx, uint32_t term)
{
    list_ctx *x = ctx;
    x->terms[x->n++] = term;   /* the lookup stops at KNOWN_SYNONYMS_MAX */
}

int known_synonyms_list(const faq_index *ix, analyzer *an, uint32_t lang, const thesaurus *th,
                        known_synonyms_rules rules, const char *word, size_t len,
                        uint32_t *terms)
{
    list_ctx x = {ix, an, lang, terms, 0};
    known_synonyms_ask a = {th,         word,      len, 1, KNOWN_SYNONYMS_MAX, rules,
                            list_terms, list_take, &x,  0};
    return known_synonyms_each(&a) <= 0 && !a.taken ? -1 : x.n;
}

static int put_u32(buf *b, uint32_t v)
{
    return buf_add(b, &v, sizeof v) == BUF_OK ? 0 : -1;
}

/* Word w's list into items (its start into firsts), or IX_NONE. */
static int put_word(const faq_index *ix, analyzer *an, const thesaurus *th,
                    known_synonyms_rules rules, uint32_t w, buf *firsts, buf *items)
{
    const ix_word *W = &ix->words[w];
    const char *word = ix->strings + W->text.off;
    uint32_t terms[KNOWN_SYNONYMS_MAX], by = 0;
    int n = th ? known_synonyms_list(ix, an, W->lang, th, rules, word, W->text.len, terms) : -1;
    if (th && n < 0) {
        /* nothing given: a search asks for the word's lemma, which it
         * reads from SPELLINGS while that is its dictionary's (else the
         * list is not kept) */
        spelling sp;
        if (W->text.len + 4 < KNOWN_SYNONYMS_LEMMA_CAP &&
            spellings_find(&ix->spellings, W->lang, word, W->text.len, &sp) &&
            sp.lemma_len < KNOWN_SYNONYMS_LEMMA_CAP) {
            n = sp.lemma_len
                    ? known_synonyms_list(ix, an, W->lang, th, rules, sp.lemma, sp.lemma_len, terms)
                    : 0;
            n = n < 0 ? 0 : n;
            by = KNOWN_SYNONYMS_BY_LEMMA;
        }
    }
    if (n < 0)
        return put_u32(firsts, IX_NONE);
    uint32_t whole = (uint32_t)n < KNOWN_SYNONYMS_MAX ? KNOWN_SYNONYMS_WHOLE : 0;
    uint32_t head = (uint32_t)n | by | whole;
    if (items->len / 4 >= IX_NONE - KNOWN_SYNONYMS_MAX - 1)
        return -1;
    if (put_u32(firsts, (uint32_t)(items->len / 4)) || put_u32(items, head))
        return -1;
    return n && buf_add(items, terms, (size_t)n * sizeof *terms) != BUF_OK ? -1 : 0;
}

int known_synonyms_table(const faq_index *ix, analyzer *const *an, const thesaurus *const *th,
                         buf *firsts, buf *items)
{
    known_synonyms_rules rules = known_synonyms_rules_built();
    for (uint32_t w = 0; w < ix->n_words; w++) {
        uint32_t l = ix->words[w].lang;
        if (put_word(ix, an[l], th[l], rules, w, firsts, items) != 0)
            return -1;
    }
    return 0;
}
