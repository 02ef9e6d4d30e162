/* lint.c: corpus checks run on a built index (see lint.h). */
#include "lint.h"

#include "corpus.h"
#include "search.h"
#include "search_model.h"
#include "search_params.h"
#include "typo.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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

/* The entry whose question is a near-duplicate of entry's: asked, entry's
 * own question finds entry first and it second within the ratio, and
 * mutual(); UINT32_MAX when none. Its score over entry's into *ratio. */
static uint32_t near_duplicate(searcher *s, const faq_index *ix, uint32_t entry, double *ratio)
{
    faq_hit near[2];
    if (ask_own(s, ix, entry, near, 2) != 2 || near[0].entry != entry || near[0].score <= 0 ||
        near[1].score < NEAR_DUPLICATE_RATIO * near[0].score || !mutual(s, ix, entry, near[1].entry))
        return UINT32_MAX;
    *ratio = near[1].score / near[0].score;
    return near[1].entry;
}

/* An id as an eye reads it: letters and digits, lower case, into out
 * (room for cap); its length, or 0 when longer. "late-fee", "late_fee"
 * and "LateFee" read alike. */
static size_t id_folded(faq_str id, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < id.len; i++) {
        unsigned char c = (unsigned char)id.s[i];
        if (c < 0x80 && !isalnum(c))
            continue;
        if (n == cap)
            return 0;
        out[n++] = (char)(c < 0x80 ? tolower(c) : c);
    }
    return n;
}

static int has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* Every FAQ entry's id read as id_folded() reads it, folded once: the
 * ids a language lacks are each held against the other's. */
typedef struct folded_id {
    uint32_t entry, lang, group;
    uint32_t at, len;        /* in the pool; len 0: too long to fold */
    int digits;
} folded_id;

typedef struct folded_ids {
    folded_id *ids;
    size_t n;
    char *pool;
} folded_ids;

static int fold_ids(const faq_index *ix, folded_ids *f)
{
    uint32_t n = faq_index_entry_count(ix);
    size_t room = 1, at = 0;
    for (uint32_t e = 0; e < n; e++) {
        faq_entry fe;
        faq_index_entry(ix, e, &fe);
        room += fe.id.len;   /* a folded id is no longer than its id */
    }
    f->n = 0;
    f->ids = malloc((n ? n : 1) * sizeof *f->ids);
    f->pool = malloc(room);
    if (!f->ids || !f->pool)
        return -1;
    for (uint32_t e = 0; e < n; e++) {
        faq_entry fe;
        faq_index_entry(ix, e, &fe);
        if (fe.kind != ENTRY_FAQ)
            continue;
        folded_id *d = &f->ids[f->n++];
        d->entry = e;
        d->lang = fe.lang;
        d->group = fe.group;
        d->at = (uint32_t)at;
        d->len = (uint32_t)id_folded(fe.id, f->pool + at, fe.id.len < 128 ? fe.id.len : 128);
        d->digits = has_digit(f->pool + at, d->len);
        at += d->len;
    }
    return 0;
}

/* Are two ids one written two ways: the same read as id_folded() does, or
 * one typing slip apart when long and wordy enough that a slip is no other
 * id (faq-1 and faq-2 are two entries, not a slip)? */
static int ids_alike(const folded_ids *f, const folded_id *a, const folded_id *b)
{
    const char *sa = f->pool + a->at, *sb = f->pool + b->at;
    if (!a->len || !b->len || a->len + 1 < b->len || b->len + 1 < a->len)
        return 0;
    if (a->len == b->len && memcmp(sa, sb, a->len) == 0)
        return 1;
    return a->len >= 5 && b->len >= 5 && !a->digits && !b->digits && typo_one_edit(sa, a->len, sb, b->len);
}

/* The entry of language lang, without a translation in entry's language,
 * whose id is entry's written another way (ids_alike()): the translation
 * the editor meant to tie to entry. UINT32_MAX when none. */
static uint32_t translation_alike(const faq_index *ix, const folded_ids *f, uint32_t entry, uint32_t lang)
{
    const folded_id *me = NULL;
    for (size_t k = 0; k < f->n && !me; k++)
        if (f->ids[k].entry == entry)
            me = &f->ids[k];
    for (size_t k = 0; me && k < f->n; k++) {
        const folded_id *x = &f->ids[k];
        if (x->lang == lang && ids_alike(f, me, x) &&
            faq_index_group_entry(ix, x->group, me->lang) == UINT32_MAX)
            return x->entry;
    }
    return UINT32_MAX;
}

int faq_lint(const faq_index *ix, lint_fn fn, void *ctx)
{
    /* near-duplicates are weighed without the bonus of a question said
     * word for word: asked, its own entry's score doubles, and an entry
     * asked in other words ("How can I renew my books?" beside "How do I
     * renew a book?") never came within the ratio */
    search_model *m = search_model_new(ix);
    searcher *s = m ? searcher_new_shared(m) : NULL, *plain = m ? searcher_new_shared(m) : NULL;
    if (!s || !plain) {
        searcher_free(s);
        searcher_free(plain);
        search_model_free(m);
        return -1;
    }
    folded_ids ids = {0};
    if (fold_ids(ix, &ids) != 0) {
        free(ids.ids);
        free(ids.pool);
        searcher_free(s);
        searcher_free(plain);
        search_model_free(m);
        return -1;
    }
    search_params p = *searcher_params(plain);
    p.use_exact = 0;
    searcher_set_params(plain, &p);
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
        uint32_t other;
        double ratio = 0, back;
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
        } else if ((other = near_duplicate(plain, ix, e, &ratio)) != UINT32_MAX &&
                   /* a pair told once, at the first of the two */
                   !(other < e && near_duplicate(plain, ix, other, &back) == e)) {
            lint_finding f = {LINT_NEAR_DUPLICATE, e, other, fe.lang, ratio};
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
            /* an id typed two ways is one mistake, told once, at the
             * first of the two */
            uint32_t alike = translation_alike(ix, &ids, e, l);
            if (alike < e)
                continue;
            lint_finding f = {LINT_MISSING_TRANSLATION, e, alike, l, 0};
            fn(ctx, &f);
            found++;
        }
    }
    free(ids.ids);
    free(ids.pool);
    searcher_free(s);
    searcher_free(plain);
    search_model_free(m);
    return found;
}
