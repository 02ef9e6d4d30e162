/* topk.c: the best groups for the query's slots, document-at-a-time with
 * MaxScore and block-max pruning over BM25F impacts (see topk.h). */
#include "topk.h"

#include <math.h>
#include <stdlib.h>

#include "index_internal.h"
#include "index_postings.h"

/* a group's slots met by its walked cursors are the bits of a uint32_t */
_Static_assert(FAQ_MAX_QUERY_TERMS <= 32, "more query terms than bits of the walk's hit set");

/* A term's cursor with what it scores: per impact unit, and the coverage
 * of the question it gives, in the answer only or in the question (cov[0],
 * cov[1]: indexed by the posting's in-question bit). */
typedef struct cursor {
    postings_cursor p;
    float mul;
    float cov[2];
    float ub;                   /* the largest score it can give */
    float cov_le;               /* the largest coverage it or a weaker cursor of
                                   its slot can give */
    /* a translation's: the question language's column of GROUPS (stride
     * n_langs): a group with an entry there is passed over */
    const uint32_t *own;
    uint32_t stride;
    uint32_t term;
} cursor;

/* Does cursor c pass over group g? A translation serves the entries only
 * other languages have: where the asker's language has the entry, its own
 * words are what counts. any_own: whether any cursor of the walk can (a
 * constant where the walk is made for a query without translations, the
 * usual case, so that the test is gone from its loops). */
static inline int passes_over(const cursor *c, uint32_t g, int any_own)
{
    return any_own && c->own && c->own[(size_t)g * c->stride] != IX_NONE;
}

/* Does alternative a's cursor pass over the asker's groups? */
static inline int alt_has_own(const alt_term *a)
{
    return a->kind == ALT_TRANSLATION || a->kind == ALT_COGNATE;
}

typedef struct slot_cur {
    cursor c[QUERY_MAX_ALTS];   /* the smallest ub first */
    int n;
    int n_passive;              /* its first cursors, looked up rather than walked */
    float most_passive;         /* the most one of those can give, 0 when none */
    int slot;                   /* its number in the query's slots */
    float ub;
} slot_cur;

/* The cursors that drive the walk, in a tournament: a leaf a cursor,
 * holding its group and its number (ties go to the lower), each node the
 * least of its two children, so that the root is the cursor on the next
 * group to score. A cursor moved on is played up again from its leaf,
 * a compare and a select a level: which cursor comes next is the data's,
 * and kept in order of group, a moved cursor's place was found by
 * branches the CPU could not foresee (0.7 mispredicted a move), where
 * the replay is the same few instructions each time. Leaves past the
 * last cursor stand at POSTINGS_END. */
#define WALK_MAX (FAQ_MAX_QUERY_TERMS * QUERY_MAX_ALTS)
_Static_assert(WALK_MAX <= 1 << 9, "walk_fix climbs at most 9 levels");
typedef struct walk {
    uint64_t t[2 * WALK_MAX];   /* node i's children 2i and 2i+1, leaves from leaves */
    int leaves;                 /* a power of two, at least n and 1 */
    int levels;                 /* log2(leaves): the steps of a replay */
    int n;
    cursor *c[WALK_MAX];
    int at[WALK_MAX];           /* the place of its slot in the sorted slots */
    /* per walked slot: the most the other slots can add to a group that
     * no other walked cursor stands on (their looked-up cursors' best and
     * the slots that do not drive the walk) */
    float alone[FAQ_MAX_QUERY_TERMS];
    /* per walked slot: its most_passive, read for every group */
    float most_passive[FAQ_MAX_QUERY_TERMS];
} walk;

static inline uint64_t min_u64(uint64_t a, uint64_t b) { return a < b ? a : b; }

/* The group the first walked cursor stands on, and that cursor. */
static inline uint32_t walk_least(const walk *w) { return (uint32_t)(w->t[1] >> 32); }

static inline int walk_first(const walk *w) { return (int)(uint32_t)w->t[1]; }

/* Walked cursor k now stands on group: played up from its leaf, a level
 * at a time. The levels are the walk's (w->levels, fixed while it holds
 * the same cursors), so the replay enters a ladder of steps at its height
 * rather than counting its way up: about a third of a step's instructions
 * were the loop's own. */
static inline __attribute__((always_inline)) void walk_fix(walk *w, int k, uint32_t group)
{
    size_t i = (size_t)w->leaves + (size_t)k;
    uint64_t x = (uint64_t)group << 32 | (uint32_t)k;
    w->t[i] = x;
    /* the node's least is this one's or its sibling's: carried up in a
     * register, not read back from the node just written */
#define WALK_STEP                           \
    do {                                    \
        x = min_u64(x, w->t[i ^ 1]);        \
        i >>= 1;                            \
        w->t[i] = x;                        \
    } while (0)
    switch (w->levels) {
    case 9: WALK_STEP; __attribute__((fallthrough));
    case 8: WALK_STEP; __attribute__((fallthrough));
    case 7: WALK_STEP; __attribute__((fallthrough));
    case 6: WALK_STEP; __attribute__((fallthrough));
    case 5: WALK_STEP; __attribute__((fallthrough));
    case 4: WALK_STEP; __attribute__((fallthrough));
    case 3: WALK_STEP; __attribute__((fallthrough));
    case 2: WALK_STEP; __attribute__((fallthrough));
    case 1: WALK_STEP; __attribute__((fallthrough));
    default: break;
    }
#undef WALK_STEP
}

/* A term's depth-th largest impact (postings_kth_impact()), remembered: a
 * question's strongest word is most often a word asked before, and its
 * list (a common word's, thousands of postings) read for the floor again
 * at each question was about 4% of a whole answer at 10k.
 * A searcher reads one index, so the term alone names the list. Slots by
 * the term's low bits; a slot holds one term, the last asked there. */
#define FLOOR_MEMO_SLOTS 8192
typedef struct floor_memo {
    uint32_t term_plus1;        /* 0: the slot is empty */
    int16_t depth;
    int16_t impact;             /* -1: the list has fewer than depth postings */
} floor_memo;

struct topk_scratch {
    slot_cur scur[FAQ_MAX_QUERY_TERMS];
    walk w;
    floor_memo floors[FLOOR_MEMO_SLOTS];
};

topk_scratch *topk_scratch_new(void) { return calloc(1, sizeof(topk_scratch)); }

void topk_scratch_free(topk_scratch *x) { free(x); }

/* What alternative a scores per impact unit. */
static float alt_mul(const faq_index *ix, const alt_term *a)
{
    const float impact_scale = (float)((BM25_K1 + 1) / IX_IMPACT_MAX);
    return a->weight * a->rank_share * postings_term_idf(ix, a->term) * impact_scale;
}

/* The largest score alternative a can give. */
static float alt_ub(const faq_index *ix, const alt_term *a)
{
    return alt_mul(ix, a) * (float)postings_term_max_impact(ix, a->term);
}

/* The coverage of the question alternative a gives where its term is in
 * the question, for a slot of weight wslot: a general synonym ranks but is
 * no evidence that the FAQ knows the word, it covers none of it. */
static float alt_cov(const alt_term *a, float wslot)
{
    return a->kind == ALT_THESAURUS ? 0 : a->weight * wslot;
}

static void cur_open(cursor *c, const faq_index *ix, const alt_term *a, float wslot,
                     float w_answer_only, uint32_t L)
{
    c->own = alt_has_own(a) ? ix->groups + L : NULL;
    c->stride = ix->n_langs;
    c->mul = alt_mul(ix, a);
    c->cov[1] = alt_cov(a, wslot);
    c->cov[0] = c->cov[1] * w_answer_only;
    c->ub = alt_ub(ix, a);
    c->term = a->term;
    postings_open(&c->p, ix, a->term);
}


/* What a group must beat to make the list: theta once the list is full,
 * and the floor known before the walk. A bound cannot enter when it is at
 * or below theta (once full) or below the floor: one of the two decides,
 * the larger, which bar_set() keeps as the one cut a bound must pass (the
 * floor less the least step below it: bounds are finite), less slack:
 * a group's score is summed in one order (the slots from the weakest) and
 * a bound in the walk's, and two sums of at most FAQ_MAX_QUERY_TERMS
 * non-negative floats in two orders part by less than the most a group
 * can score times 2^-19. */
typedef struct bar {
    float theta, floor;
    int full;
    float cut;
    float slack;
} bar;

static void bar_set(bar *b)
{
    b->cut = (b->full && b->theta >= b->floor ? b->theta : nextafterf(b->floor, -INFINITY)) - b->slack;
}

static inline int cannot_enter(const bar *b, float bound) { return bound <= b->cut; }

/* What cursor c's posting (its byte: impact and in-question bit) gives a
 * group: the best score and coverage of a slot's alternatives so far,
 * raised. */
static inline void cursor_take(const cursor *c, unsigned byte, float *best, float *bcov)
{
    float v = c->mul * (float)postings_byte_impact(byte);
    /* read by the posting's bit, not chosen by a branch: which one comes
     * is the data's, and a compare the CPU cannot foresee; stored whether
     * raised or not, as a select rather than a branch around a store */
    float cv = c->cov[byte & 1];
    *best = v > *best ? v : *best;
    *bcov = cv > *bcov ? cv : *bcov;
}

/* Can cursor k of slot sc, or a weaker one (sorted by ub), raise the
 * slot's best score or coverage found so far? */
static inline int may_raise(const slot_cur *sc, int k, float best, float bcov)
{
    return best < sc->c[k].ub || bcov < sc->c[k].cov_le;
}

/* Add slot sc's part of group g (the best of its alternatives), its
 * cursors moved to g by skipping, the strongest first, until none left
 * can raise what is found. Returns 0, with nothing added, as soon as the
 * group cannot make the list with the most this slot can still give and
 * rest, the most of the slots after it. */
static inline int slot_eval(slot_cur *sc, uint32_t g, const bar *b, float rest,
                            float *reach, float *best_out, float *bcov_out, int any_own)
{
    float best = 0, bcov = 0;
    for (int k = sc->n - 1; k >= 0; k--) {
        cursor *c = &sc->c[k];
        if (c->p.group > g)
            continue;   /* already past g: it gives g nothing, no bound to test */
        if (!may_raise(sc, k, best, bcov))
            break;      /* nor can it or a weaker one raise what is found */
        if (cannot_enter(b, *reach + (best > c->ub ? best : c->ub) + rest))
            return 0;
        postings_seek(&c->p, g);
        if (c->p.group == g && !passes_over(c, g, any_own))
            cursor_take(c, c->p.byte, &best, &bcov);
    }
    /* the slot's part now known: most often none, every cursor past g */
    if (cannot_enter(b, *reach + best + rest))
        return 0;
    *reach += best;
    *best_out = best;
    *bcov_out = bcov;
    return 1;
}

/* The cursors walked: those of the slots from first_ess on, past each
 * slot's looked-up ones; and each slot's alone. */
static void walk_gather(walk *w, slot_cur **sc, int ns, int first_ess, const float *prefix)
{
    for (int i = first_ess; i < ns; i++) {
        w->most_passive[i] = sc[i]->most_passive;
        w->alone[i] = prefix[first_ess];
        for (int j = first_ess; j < ns; j++)
            if (j != i)
                w->alone[i] += sc[j]->most_passive;
    }
    w->n = 0;
    for (int i = first_ess; i < ns; i++)
        for (int k = sc[i]->n_passive; k < sc[i]->n; k++) {
            w->c[w->n] = &sc[i]->c[k];
            w->at[w->n] = i;
            w->n++;
        }
    w->leaves = 1;
    w->levels = 0;
    while (w->leaves < w->n) {
        w->leaves *= 2;
        w->levels++;
    }
    for (int k = 0; k < w->leaves; k++)
        w->t[w->leaves + k] = (uint64_t)(k < w->n ? w->c[k]->p.group : POSTINGS_END) << 32 | (uint32_t)k;
    for (int i = w->leaves - 1; i > 0; i--)
        w->t[i] = min_u64(w->t[2 * i], w->t[2 * i + 1]);
}

/* The slot that every group of the list must have, when there is one:
 * the strongest of those that do not drive the walk, when a group
 * without it cannot make the list with the most every other slot can
 * give; -1 when none. The most is summed as a group's score is (the
 * walked slots, then the others from the strongest), so that it bounds
 * the score to the last bit. */
static int required_slot(slot_cur **sc, int ns, int first_ess, const bar *b)
{
    int r = first_ess - 1;
    if (r < 0)
        return -1;
    float without = 0;
    for (int i = first_ess; i < ns; i++)
        without += sc[i]->ub;
    for (int i = r - 1; i >= 0; i--)
        without += sc[i]->ub;
    if (!cannot_enter(b, without))
        return -1;
    /* led by the shorter lists only: a required slot of many long lists
     * would be read further than the walk it saves */
    uint64_t led = 0, walked = 0;
    for (int k = 0; k < sc[r]->n; k++)
        led += sc[r]->c[k].p.df;
    for (int i = first_ess; i < ns; i++)
        for (int k = sc[i]->n_passive; k < sc[i]->n; k++)
            walked += sc[i]->c[k].p.df;
    return led < walked ? r : -1;
}

/* The first group at or after g at which slot sc has a posting, its
 * cursors moved there, the strongest first (they are looked up at g
 * first anyway), until one stands on g. */
static uint32_t slot_first_group(slot_cur *sc, uint32_t g)
{
    uint32_t m = POSTINGS_END;
    for (int k = sc->n - 1; k >= 0 && m > g; k--) {
        postings_seek(&sc->c[k].p, g);
        if (sc->c[k].p.group < m)
            m = sc->c[k].p.group;
    }
    return m;
}

static int cmp_slot_ub(const void *a, const void *b)
{
    const slot_cur *x = *(slot_cur *const *)a, *y = *(slot_cur *const *)b;
    return x->ub < y->ub ? -1 : x->ub > y->ub;
}

/* Within the slots that drive the walk (from first_ess on), the weakest
 * alternatives need not drive it either: a group that only they reach
 * scores at most the best of every weaker slot (rest) plus, per slot, the
 * best of its looked-up cursors. A general synonym of weight 0.3, a common
 * word, beside a rare word of the question is the usual case: its long
 * list would otherwise be walked in full. The weakest cursors of all these
 * slots, in turn, are looked up while that sum cannot make the list. Sets
 * each slot's n_passive; returns the one cursor left to walk, with what
 * the others can add to a group it reaches in *others, or NULL when more
 * than one is left. Cursors walked again are moved to next, the first
 * group not yet decided. *change_at is the least cut at which the choice
 * would be another (a slot or a cursor more looked up), INFINITY when none:
 * until the cut reaches it, a rise of theta leaves the walk as it is. */
static cursor *choose_walked(slot_cur **sc, int ns, int first_ess, const float *prefix,
                             const bar *b, uint32_t next, float *others, float *change_at)
{
    const float rest = prefix[first_ess];
    /* a slot more leaves the walk at its prefix's cut */
    *change_at = first_ess < ns ? prefix[first_ess + 1] : INFINITY;
    float top[FAQ_MAX_QUERY_TERMS];     /* per slot from first_ess: its looked-up best */
    float sum = 0;
    for (int i = first_ess; i < ns; i++) {
        sc[i]->n_passive = 0;
        sc[i]->most_passive = 0;
        top[i - first_ess] = 0;
    }
    for (;;) {
        int w = -1;
        for (int i = first_ess; i < ns; i++)
            if (sc[i]->n_passive < sc[i]->n &&
                (w < 0 || sc[i]->c[sc[i]->n_passive].ub < sc[w]->c[sc[w]->n_passive].ub))
                w = i;
        if (w < 0)
            break;
        float ub = sc[w]->c[sc[w]->n_passive].ub;  /* the slot's largest yet: sorted */
        float s = sum - top[w - first_ess] + ub;
        if (!cannot_enter(b, rest + s)) {
            if (rest + s < *change_at)
                *change_at = rest + s;
            break;
        }
        sum = s;
        top[w - first_ess] = ub;
        sc[w]->n_passive++;
        sc[w]->most_passive = ub;
    }
    cursor *only = NULL;
    int walked = 0;
    for (int i = first_ess; i < ns; i++)
        for (int k = sc[i]->n_passive; k < sc[i]->n; k++) {
            postings_seek(&sc[i]->c[k].p, next);
            only = &sc[i]->c[k];
            *others = rest + sum - top[i - first_ess];
            walked++;
        }
    return walked == 1 ? only : NULL;
}

/* Can the walk leave alternative k of slot sl (of weight wslot) out? A
 * lemma whose postings are the word's own, byte for byte, and that gives
 * none of them more score or coverage: the slot's best at every group is
 * then the word's, to the bit, and the slot's most the same; only the
 * steps on a second copy of the list go. The only such pairs of the 10k
 * corpus's questions (487 of 10,000): the word is the slot's first
 * alternative, so one compare a lemma. */
static int alt_shadowed(const faq_index *ix, const slot *sl, int k, float wslot)
{
    const alt_term *b = &sl->alts[k], *a = &sl->alts[0];
    return b->kind == ALT_LEMMA && k > 0 && a->kind == ALT_EXACT &&
           ix->terms[a->term].df == ix->terms[b->term].df && alt_mul(ix, a) >= alt_mul(ix, b) &&
           alt_cov(a, wslot) >= alt_cov(b, wslot) && postings_same_list(ix, a->term, b->term);
}

/* Keep the depth best: a min-heap on (score, then larger group first out). */
static inline int cand_less(const cand *a, const cand *b)
{
    return a->score < b->score || (a->score == b->score && a->group > b->group);
}

static void heap_push(cand *h, int *n, int cap, cand c)
{
    int i;
    if (*n < cap) {
        i = (*n)++;
        while (i > 0 && cand_less(&c, &h[(i - 1) / 2])) {
            h[i] = h[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        h[i] = c;
        return;
    }
    if (!cand_less(&h[0], &c))
        return;
    i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        const cand *mc = &c;
        if (l < *n && cand_less(&h[l], mc)) { m = l; mc = &h[l]; }
        if (r < *n && cand_less(&h[r], mc)) { m = r; mc = &h[r]; }
        if (m == i)
            break;
        h[i] = h[m];
        i = m;
    }
    h[i] = c;
}

/* The depth-th best part that cursor c (a copy: the walk itself starts
 * afresh) gives to distinct groups, 0 when fewer groups have one. */
static float score_floor_read(cursor c, int depth)
{
    postings_cursor *p = &c.p;
    cand h[SEARCH_RERANK_MAX];  /* the best parts, a min-heap as the walk's */
    int n = 0;
    while (p->group != POSTINGS_END) {
        uint32_t nb = postings_blocks(p);
        if (n == depth && nb) {
            uint32_t bi = postings_shallow(p, p->group), b = bi;
            while (b < nb && c.mul * (float)postings_block_max(p, b) <= (float)h[0].score)
                b++;
            if (b != bi) {
                postings_seek(p, b < nb ? postings_block_last(p, b - 1) + 1 : POSTINGS_END);
                continue;
            }
        }
        float v = c.mul * (float)postings_impact(p);
        /* the heap's weakest stays unless beaten: groups come in order */
        if ((n < depth || v > h[0].score) && !passes_over(&c, p->group, 1))
            heap_push(h, &n, depth, (cand){p->group, v, 0, 0, 0});
        postings_next(p);
    }
    return n == depth ? (float)h[0].score : 0;
}

/* A score the depth-th best group reaches for sure: the depth-th best
 * part that one slot alone (its strongest cursor) gives to distinct groups
 * (scores only add up). Known before the walk, it prunes from the first
 * group on, where the list would otherwise fill with whatever comes first.
 * It is the depth-th best mul * impact of the list, and mul * impact rises
 * with the impact (mul > 0, one float product either way): mul times the
 * list's depth-th largest impact, the same float to the bit, read from
 * the blocks that can hold it and kept by term. A translation's list
 * passes over the groups the asker's language holds, which the term alone
 * does not say: read as before, in order. */
static float score_floor(const faq_index *ix, floor_memo *memo, const slot_cur *x, int depth)
{
    int best = 0;
    for (int k = 1; k < x->n; k++)
        if (x->c[k].ub > x->c[best].ub)
            best = k;
    const cursor *c = &x->c[best];
    if (c->own || !(c->mul > 0))
        return score_floor_read(*c, depth);
    floor_memo *f = &memo[c->term % FLOOR_MEMO_SLOTS];
    if (f->term_plus1 != c->term + 1 || f->depth != depth) {
        int impact = postings_kth_impact(ix, c->term, depth);
        *f = (floor_memo){c->term + 1, (int16_t)depth, impact > 0 ? (int16_t)impact : -1};
    }
    return f->impact >= 0 ? c->mul * (float)f->impact : 0;
}

/* Document-at-a-time with MaxScore pruning: slots sorted by the most they
 * can add; once the depth-th best score is above what the weakest slots
 * can reach together, a group matched only by those cannot make the list,
 * so only the others ("essential") drive the walk, and the weak ones are
 * looked up by skipping, for the groups that may still make it. When a
 * group also cannot make it without the strongest looked-up slot, that
 * slot's next posting is where the walk goes next: a rare word beside a
 * common one is then read as the intersection of the two lists. */
static inline __attribute__((always_inline)) int topk_walk(topk_scratch *scratch,
                                                           const search_ctx *ctx, int pruning,
                                                           cand *top, int any_own)
{
    const faq_index *ix = ctx->ix;
    const query *s = ctx->q;
    const int depth = ctx->p->rerank_depth;
    /* the slots' cursors, ordered through pointers: a slot_cur is large */
    slot_cur *sc[FAQ_MAX_QUERY_TERMS];
    int ns = 0;
    for (int si = 0; si < s->n_slots; si++) {
        const slot *sl = &s->slots[si];
        if (!sl->n_alts)
            continue;
        slot_cur *x = &scratch->scur[ns];
        x->n = 0;
        x->slot = si;
        x->ub = 0;
        /* the alternatives ordered by ub (ties as they come) before their
         * cursors are opened: a cursor is too large to sort */
        int order[QUERY_MAX_ALTS];
        float ubs[QUERY_MAX_ALTS];
        for (int k = 0; k < sl->n_alts; k++) {
            float ub = alt_ub(ix, &sl->alts[k]);
            int j = k;
            for (; j > 0 && ubs[j - 1] > ub; j--) {
                ubs[j] = ubs[j - 1];
                order[j] = order[j - 1];
            }
            ubs[j] = ub;
            order[j] = k;
        }
        for (int k = 0; k < sl->n_alts; k++) {
            if (ctx->p->use_shadow_drop && alt_shadowed(ix, sl, order[k], (float)sl->weight))
                continue;
            cursor *c = &x->c[x->n];
            cur_open(c, ix, &sl->alts[order[k]], (float)sl->weight, ctx->p->w_answer_only,
                     s->lang);
            if (c->p.group == POSTINGS_END)
                continue;
            if (c->ub > x->ub)
                x->ub = c->ub;
            x->n++;
        }
        if (x->n) {
            for (int k = 0; k < x->n; k++) {
                cursor *c = &x->c[k];
                c->cov_le = c->cov[1] > c->cov[0] ? c->cov[1] : c->cov[0];
                if (k && x->c[k - 1].cov_le > c->cov_le)
                    c->cov_le = x->c[k - 1].cov_le;
            }
            x->n_passive = 0;
            x->most_passive = 0;
            sc[ns] = x;
            ns++;
        }
    }
    qsort(sc, (size_t)ns, sizeof *sc, cmp_slot_ub);
    float prefix[FAQ_MAX_QUERY_TERMS + 1];
    prefix[0] = 0;
    for (int i = 0; i < ns; i++)
        prefix[i + 1] = prefix[i] + sc[i]->ub;
    const float most = prefix[ns];
    cand *heap = top;
    int nh = 0;
    /* a group cannot make the list when the most it can score is at or
     * below theta (the list's weakest, once full) or below the floor */
    bar b = {-1, ns && pruning ? score_floor(ix, scratch->floors, sc[ns - 1], depth) : 0, 0, 0,
             most * 0x1p-18f};
    bar_set(&b);
    if (!pruning)
        b.cut = -INFINITY;  /* no bound is ever cut: every group is scored */
    int first_ess = 0;
    cursor *only = NULL;        /* the one cursor walked, if one */
    float others = 0;           /* what the rest can add to a group it reaches */
    float change_at = INFINITY; /* the least cut that changes the cursors walked */
    int required = -1;          /* a slot every group of the list must have */
    if (pruning) {
        while (first_ess < ns && cannot_enter(&b, prefix[first_ess + 1]))
            first_ess++;
        only = choose_walked(sc, ns, first_ess, prefix, &b, 0, &others, &change_at);
        required = required_slot(sc, ns, first_ess, &b);
    }
    walk *w = &scratch->w;
    walk_gather(w, sc, ns, first_ess, prefix);
    /* each slot's best score and coverage at the group: finite, at least
     * 0, and left from the last group met until the slot is met again */
    float best[FAQ_MAX_QUERY_TERMS] = {0}, bcov[FAQ_MAX_QUERY_TERMS] = {0};
    for (;;) {
        uint32_t g;
        if (only) {
            /* one list to walk, the usual case: walk it alone, past
             * postings (and whole blocks) that cannot make the list even
             * with the best of every other cursor */
            postings_cursor *p = &only->p;
            while (p->group != POSTINGS_END) {
                uint32_t nb = postings_blocks(p);
                if (nb) {
                    /* whole blocks are passed on their table entry alone */
                    uint32_t bi = postings_shallow(p, p->group), bk = bi;
                    while (bk < nb &&
                           cannot_enter(&b, only->mul * (float)postings_block_max(p, bk) + others))
                        bk++;
                    if (bk != bi) {
                        postings_seek(p, bk < nb ? postings_block_last(p, bk - 1) + 1 : POSTINGS_END);
                        continue;
                    }
                }
                if (!cannot_enter(&b, only->mul * (float)postings_impact(p) + others))
                    break;
                postings_next(p);
            }
            g = p->group;
            walk_fix(w, 0, g);
        } else {
            g = walk_least(w);
        }
        if (g == POSTINGS_END)
            break;
        /* the first walked cursor on g, moved on and played up before it
         * is taken: alone on g, the group meets no other walked cursor,
         * and is passed when this cursor and the rest's most cannot make
         * the list (never, unpruned: the bar cuts nothing) */
        int k0 = walk_first(w);
        cursor *c0 = w->c[k0];
        int at0 = w->at[k0];
        unsigned byte = c0->p.byte;
        postings_next(&c0->p);
        walk_fix(w, k0, c0->p.group);
        if (!only && walk_least(w) != g) {
            float v = c0->mul * (float)postings_byte_impact(byte), mp = w->most_passive[at0];
            if (cannot_enter(&b, (v > mp ? v : mp) + w->alone[at0]))
                continue;
        }
        /* then the others on g, the first ones, each slot's best of them
         * (hit: the slots met), each moved on and played up again. Whether
         * a slot is met first is the data's, a branch the CPU cannot
         * foresee: a pair left from an earlier group is cleared by a
         * product with 0 instead (1 when met already), exact for the
         * pair's finite values, and read times its bit below */
        uint32_t hit = 1u << at0;
        /* cleared by the product too, not set to 0: a pair it knows to
         * be 0 the compiler raises by a branch on the posting, not a select */
        best[at0] *= 0.0f;
        bcov[at0] *= 0.0f;
        if (!passes_over(c0, g, any_own))
            cursor_take(c0, byte, &best[at0], &bcov[at0]);
        while (walk_least(w) == g) {
            int k = walk_first(w);
            cursor *c = w->c[k];
            int at = w->at[k];
            float met = (float)(hit >> at & 1);
            hit |= 1u << at;
            best[at] *= met;
            bcov[at] *= met;
            if (!passes_over(c, g, any_own))
                cursor_take(c, c->p.byte, &best[at], &bcov[at]);
            postings_next(&c->p);
            walk_fix(w, k, c->p.group);
        }
        if (required >= 0) {
            /* no group before the required slot's first can make the
             * list: the walked cursors leap to it (those on g, moved on
             * already, land where they would have) */
            uint32_t m = slot_first_group(sc[required], g);
            if (m > g) {
                while (walk_least(w) < m) {
                    int k = walk_first(w);
                    postings_seek(&w->c[k]->p, m);
                    walk_fix(w, k, w->c[k]->p.group);
                }
                continue;
            }
        }
        /* the looked-up cursors are moved to g only for a group that may
         * make the list with the most each of them can add; the slots
         * that do not drive the walk first, the strongest first, as they
         * cut most groups, and the walked slots' own looked-up cursors
         * last, for the groups left */
        float reach = 0;
        for (int i = first_ess; i < ns; i++) {
            float mp = w->most_passive[i];
            float bi = best[i] * (float)(hit >> i & 1);
            reach += bi > mp ? bi : mp;
        }
        if (cannot_enter(&b, reach + prefix[first_ess]))
            continue;
        int pruned = 0;
        for (int i = first_ess - 1; i >= 0 && !pruned; i--)
            pruned = !slot_eval(sc[i], g, &b, prefix[i], &reach, &best[i], &bcov[i], any_own);
        if (pruned)
            continue;
        for (int i = first_ess; i < ns; i++) {
            slot_cur *x = sc[i];
            float met = (float)(hit >> i & 1);
            best[i] *= met;
            bcov[i] *= met;
            for (int k = x->n_passive - 1; k >= 0 && may_raise(x, k, best[i], bcov[i]); k--) {
                cursor *c = &x->c[k];
                postings_seek(&c->p, g);
                if (c->p.group == g && !passes_over(c, g, any_own))
                    cursor_take(c, c->p.byte, &best[i], &bcov[i]);
            }
        }
        /* summed in one order, the slots from the weakest, whatever the
         * walk's state: a group's score is then the same float however
         * the bar rose before it, pruned or not (in the walk's order, the
         * walked slots first, it was not: a bar that rose sooner changed
         * the last bits, and which of two near-equal groups was kept) */
        float score = 0, cov = 0;
        uint32_t mask = 0;
        for (int i = 0; i < ns; i++)
            if (best[i] > 0 || bcov[i] > 0) {
                score += best[i];
                cov += bcov[i];
                mask |= 1u << sc[i]->slot;     /* slot < FAQ_MAX_QUERY_TERMS */
            }
        if (score <= 0)
            continue;
        if (nh < depth || score > b.theta) {
            heap_push(heap, &nh, depth, (cand){g, score, cov, mask, most > 0 ? score / most : 0});
            if (nh == depth && pruning) {
                b.theta = (float)heap[0].score;
                b.full = 1;
                bar_set(&b);
                required = required_slot(sc, ns, first_ess, &b);
                if (b.cut < change_at)
                    continue;   /* the same slots and cursors walked */
                int was_first = first_ess, was_passive[FAQ_MAX_QUERY_TERMS];
                for (int i = first_ess; i < ns; i++)
                    was_passive[i] = sc[i]->n_passive;
                while (first_ess < ns && cannot_enter(&b, prefix[first_ess + 1]))
                    first_ess++;
                only = choose_walked(sc, ns, first_ess, prefix, &b, g + 1, &others, &change_at);
                required = required_slot(sc, ns, first_ess, &b);
                /* the same cursors walked: the walk holds them as it is */
                int same = first_ess == was_first;
                for (int i = first_ess; i < ns && same; i++)
                    same = sc[i]->n_passive == was_passive[i];
                if (!same)
                    walk_gather(w, sc, ns, first_ess, prefix);
            }
        }
    }
    return nh;
}

/* The walk made twice: for a query with a translation or a cognate among
 * its alternatives, and for one without, where no cursor passes over a
 * group and the test leaves the walk's loops (about 2% of a whole answer's
 * instructions at 10k). */
int topk_run(topk_scratch *scratch, const search_ctx *ctx, int pruning, cand *top)
{
    const query *s = ctx->q;
    for (int si = 0; si < s->n_slots; si++)
        for (int k = 0; k < s->slots[si].n_alts; k++)
            if (alt_has_own(&s->slots[si].alts[k]))
                return topk_walk(scratch, ctx, pruning, top, 1);
    return topk_walk(scratch, ctx, pruning, top, 0);
}
