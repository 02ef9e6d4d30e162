/* rerank.c: the rerank features (see rerank.h). */
#include "rerank.h"

#include <stdlib.h>
#include <string.h>

#include "index_internal.h"
#include "index_postings.h"
#include "lemma.h"
#include "limits.h"

/* The pairs of slots entry e's question (any phrasing) holds side by
 * side: bit a when some alternative of slot a stands right before some
 * alternative of slot a + 1. One pass for every pair, the query's term
 * masks saying which slots hold each word. */
static uint32_t adjacent_in_question(const search_ctx *s, uint32_t e)
{
    const ix_entry *E = &s->ix->entries[e];
    const uint32_t *q = s->ix->qseq + E->qseq_off;
    const term_masks *tm = &s->q->masks;
    uint32_t pairs = 0;
    uint32_t m = E->qseq_len ? term_masks_get(tm, q[0]) : 0;
    for (uint32_t i = 0; i + 1 < E->qseq_len; i++) {
        uint32_t next = term_masks_get(tm, q[i + 1]);
        pairs |= m & (next >> 1);
        m = next;
    }
    return pairs;
}

static int term_is_qword(const search_ctx *s, uint32_t term)
{
    const ix_term *T = &s->ix->terms[term];
    return analyzer_is_question_word(s->an[T->lang], s->ix->strings + T->text.off, T->text.len);
}

/* Does some phrasing of entry e's question ask, as the query does, of the
 * thing slot b names: b's word right after a question word, stop words
 * counted ("¿qué países son...?" and "¿Qué países forman parte...?",
 * whichever question word; not "¿Cómo puede un Estado...?")? */
typedef struct focus_ctx {
    const search_ctx *s;
    const slot *b;
    uint32_t lang;
    int after_qword, found;
} focus_ctx;

static int on_focus_token(void *ctx, const token *t)
{
    focus_ctx *c = ctx;
    if (t->is_synonym)
        return 0;
    if (c->after_qword && !t->is_stop) {
        uint32_t term = query_token_term(c->s->ix, c->lang, t);
        for (int k = 0; k < c->b->n_alts && term != IX_NONE; k++)
            if (c->b->alts[k].term == term) {
                c->found = 1;
                return 1;
            }
    }
    c->after_qword = t->is_qword;
    return 0;
}

/* Does a phrasing of entry e's question hold a term of slot x? */
static int rerank_in_question(const search_ctx *s, uint32_t e, const slot *x)
{
    const ix_entry *E = &s->ix->entries[e];
    const uint32_t *q = s->ix->qseq + E->qseq_off;
    for (uint32_t k = 0; k < E->qseq_len; k++)
        if (q[k] != IX_NONE && slot_has_term(x, q[k]))
            return 1;
    return 0;
}

/* Does entry e's question field hold slot x's word, as rerank_in_question
 * tells, or (with question_lemma) in another form of its lemma: the
 * question sequence holds the text's own stems, while the index posts the
 * lemma's mark beside them ("muere": "~mor"), so a question's "morir" that
 * meets "muere" only through the mark is found by that posting's question
 * bit. With question_lemma 2 a compound's part posted beside it counts
 * too. */
int rerank_in_question_field(const search_ctx *s, uint32_t e, const slot *x)
{
    if (rerank_in_question(s, e, x))
        return 1;
    int how = s->p->question_lemma;
    uint32_t g = s->ix->entries[e].group;
    for (int k = 0; k < x->n_alts && how; k++) {
        const alt_term *a = &x->alts[k];
        if (a->kind != ALT_LEMMA && !(how == 2 && a->kind == ALT_PART))
            continue;
        postings_cursor c;
        postings_open(&c, s->ix, a->term);
        postings_seek(&c, g);
        if (c.group == g && postings_in_question(&c))
            return 1;
    }
    return 0;
}

/* Do entry e's questions hold every content word of the query but x and
 * y, one phrasing or another? ("which countries can join?" asks of
 * countries, but of joining too.) */
static int question_holds_rest(const search_ctx *s, uint32_t e, const slot *x, const slot *y)
{
    for (int i = 0; i < s->q->n_slots; i++) {
        const slot *z = &s->q->slots[i];
        if (z != x && z != y && !z->is_qword && z->n_alts && !rerank_in_question(s, e, z))
            return 0;
    }
    return 1;
}

static int asks_of(const search_ctx *s, uint32_t e, const slot *b)
{
    const ix_entry *E = &s->ix->entries[e];
    /* first the question's terms, where stop words are gone: b's term right
     * after a question word there is needed, and is cheap to look for */
    const uint32_t *q = s->ix->qseq + E->qseq_off;
    int maybe = 0;
    for (uint32_t i = 1; i < E->qseq_len && !maybe; i++)
        maybe = q[i] != IX_NONE && q[i - 1] != IX_NONE && slot_has_term(b, q[i]) &&
                term_is_qword(s, q[i - 1]);
    if (!maybe)
        return 0;
    focus_ctx c = {s, b, E->lang, 0, 0};
    query_entry_run(s, e, QTEXT_QUESTION, 1, 0, on_focus_token, &c);
    c.after_qword = 0;
    if (!c.found)
        query_entry_run(s, e, QTEXT_ALTS, 1, 0, on_focus_token, &c);
    return c.found;
}

/* Entry e's phrasings for question fit (fit_term): a term repeated in one
 * phrasing counts once. Read from the index once per thread, kept in a
 * slot of x's; NULL when memory runs out. */
static const fit_term *fit_terms(const search_ctx *s, rerank_scratch *x, uint32_t e, size_t *n)
{
    if (!x->fit) {
        x->fit = malloc(RERANK_FIT_SLOTS * sizeof *x->fit);
        if (!x->fit)
            return NULL;
        for (size_t i = 0; i < RERANK_FIT_SLOTS; i++)
            x->fit[i] = (struct fit_slot){UINT32_MAX, NULL, 0, 0};
    }
    struct fit_slot *sl = &x->fit[(e * 2654435761u >> 22) % RERANK_FIT_SLOTS];
    if (sl->entry == e) {
        *n = sl->n;
        return sl->terms;
    }
    const ix_entry *E = &s->ix->entries[e];
    const uint32_t *q = s->ix->qseq + E->qseq_off;
    size_t need = (size_t)E->qseq_len + 1;   /* terms and heads, one more than separators */
    if (need > sl->cap) {
        fit_term *t = realloc(sl->terms, need * sizeof *t);
        if (!t)
            return NULL;
        sl->terms = t;
        sl->cap = need;
    }
    sl->entry = UINT32_MAX;
    size_t head = 0, o = 1;
    uint64_t had = 0;           /* a bit per term of this phrasing so far, by its low bits */
    for (uint32_t i = 0; i <= E->qseq_len; i++) {
        if (i == E->qseq_len || q[i] == IX_NONE) {
            sl->terms[head] = (fit_term){(uint32_t)(o - head - 1), 0};
            if (i == E->qseq_len)
                break;
            head = o++;
            had = 0;
            continue;
        }
        /* a term repeated in one phrasing counts once (looked for only
         * when its bit was seen) */
        uint64_t bit = 1ull << (q[i] & 63);
        int seen = 0;
        for (size_t k = head + 1; (had & bit) && k < o && !seen; k++)
            seen = sl->terms[k].term == q[i];
        had |= bit;
        if (seen)
            continue;
        sl->terms[o++] = (fit_term){q[i], s->ix->terms[q[i]].idf};
    }
    sl->entry = e;
    sl->n = o;
    *n = o;
    return sl->terms;
}

/* How well the query and the entry's question match: over each phrasing
 * of the question (in every language the group has), the F1 of the idf
 * share of its terms that some slot holds and the weight share of the
 * slots it holds; the best phrasing counts. An FAQ question that the query
 * restates whole is a better match than a longer one that merely contains
 * the query's words, and than a shorter one that says half of it. */
double rerank_question_fit(const search_ctx *s, uint32_t g, int whole)
{
    const faq_index *ix = s->ix;
    /* the rerank's, for a candidate it weighed (the decision asks of the
     * leader again) */
    const struct rerank_trace *tr = whole ? NULL : rerank_trace_of(s->rerank, g);
    if (tr && tr->has_fit)
        return tr->fit;
    double best = 0;
    const term_masks *tm = &s->q->masks;
    double tot = 0;             /* the weight of the slots the FAQ knows (or of all) */
    for (int sl = 0; sl < s->q->n_slots; sl++)
        if (s->q->slots[sl].n_alts || whole)
            tot += s->q->slots[sl].weight;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        /* an entry's phrasings are terms of its language: of a language
         * no slot holds a term of, each fits 0, as best already is */
        if (!((tm->langs >> l) & 1))
            continue;
        uint32_t e = faq_index_group_entry(ix, g, l);
        if (e == IX_NONE)
            continue;
        size_t n;
        const fit_term *t = fit_terms(s, s->rerank, e, &n);
        if (!t) {
            *s->failed = 1;
            return 0;
        }
        for (size_t i = 0; i < n;) {
            size_t end = i + 1 + t[i].term;
            double all = 0, hit = 0;
            uint32_t held = 0;  /* the slots holding a term of this phrasing */
            for (i++; i < end; i++) {
                all += t[i].idf;
                uint32_t m = term_masks_get(tm, t[i].term);
                held |= m;
                if (m)
                    hit += t[i].idf;
            }
            /* a phrasing no slot holds a term of fits 0 (hit and got
             * are 0), which best already is at least: most phrasings,
             * those of the other languages' entries above all */
            if (held) {
                double f = all > 0 ? hit / all : 0;
                if (all > 0) {
                    /* and how much of the question this phrasing says: a
                     * short entry question the user's words cover says
                     * little of a longer question (F1 of the two shares);
                     * the slots summed in their order, as ever */
                    double got = 0;
                    for (uint32_t m = held; m; m &= m - 1) {
                        const slot *x = &s->q->slots[__builtin_ctz(m)];
                        if (x->n_alts)
                            got += x->weight;
                    }
                    double r = tot > 0 ? got / tot : 0;
                    f = f + r > 0 ? 2 * f * r / (f + r) : 0;
                }
                if (f > best)
                    best = f;
            }
        }
    }
    return best;
}

typedef struct phrase_ctx {
    const search_ctx *s;
    const slot *first;          /* the phrase's slots, in order */
    int n;
    int at;                     /* how many matched so far */
    int found;
    uint32_t lang;
} phrase_ctx;


static int on_phrase_token(void *ctx, const token *t)
{
    if (t->is_synonym)
        return 0;   /* only what the text says */
    phrase_ctx *c = ctx;
    uint32_t term = query_token_term(c->s->ix, c->lang, t);
    if (term != IX_NONE && slot_has_term(&c->first[c->at], term))
        c->at++;
    else
        c->at = (term != IX_NONE && slot_has_term(&c->first[0], term)) ? 1 : 0;
    if (c->at == c->n) {
        c->found = 1;
        return 1;
    }
    return 0;
}

/* Does entry e hold the quoted phrase p (its slots consecutive, stop words
 * skipped) in its question, an alternate phrasing or its answer? */
static int has_phrase(const search_ctx *s, uint32_t e, int p)
{
    int first = -1, n = 0;
    for (int i = 0; i < s->q->n_slots; i++)
        if (s->q->slots[i].phrase == p) {
            if (first < 0)
                first = i;
            n++;
        }
    if (n < 2)
        return 1;
    const ix_entry *E = &s->ix->entries[e];
    phrase_ctx c = {s, &s->q->slots[first], n, 0, 0, E->lang};
    const int texts[3] = {QTEXT_QUESTION, QTEXT_ALTS, QTEXT_ANSWER};
    for (int k = 0; k < 3 && !c.found; k++) {
        c.at = 0;
        query_entry_run(s, e, texts[k], 0, 0, on_phrase_token, &c);
    }
    return c.found;
}

/* The longest run of the question's words, stop words included, that an
 * entry's question repeats word for word ("quels sont les pays champions"
 * in "Quels sont les pays champions actuels ...?"): Meilisearch calls it
 * exactness. A dynamic programme over the entry's words as they come. */
typedef struct exact_ctx {
    const search_ctx *s;
    int run[FAQ_MAX_QUERY_TERMS * 2 + 1];   /* run[j + 1]: run ending at query word j */
    int best;
    uint64_t words;             /* word_bit() of each query word */
} exact_ctx;

/* A bit for a word by its length and first byte: a word whose bit no
 * query word has equals none of them. */
static uint64_t word_bit(const char *w, size_t n)
{
    return 1ull << ((n * 31 + (n ? (unsigned char)w[0] : 0)) & 63);
}

static int on_exact_token(void *ctx, const token *t)
{
    if (t->is_synonym)
        return 0;   /* only what the text says */
    exact_ctx *c = ctx;
    const search_ctx *s = c->s;
    if (!(c->words & word_bit(t->word, t->word_len))) {
        /* every run ends here */
        memset(c->run + 1, 0, (size_t)s->q->n_toks * sizeof *c->run);
        return 0;
    }
    for (int j = s->q->n_toks - 1; j >= 0; j--) {
        const qtok *q = &s->q->toks[j];
        int same = q->word_len == t->word_len && memcmp(q->word, t->word, t->word_len) == 0;
        c->run[j + 1] = same ? c->run[j] + 1 : 0;
        if (c->run[j + 1] > c->best)
            c->best = c->run[j + 1];
    }
    return 0;
}

/* Entry e's words as exactness reads them, kept in a slot of x's: each
 * word's length (a uint32_t) then its bytes, the question's first, then a
 * length of UINT32_MAX, then the phrasings'. Kept the second time an
 * entry is met (a large FAQ's entries seldom come back: copying every
 * one would cost more than it saves), and scored as they are read; a
 * slot whose walk stopped short is not kept, one that ran out of memory
 * fails the question. */
typedef struct words_ctx {
    exact_ctx *dp;
    struct exact_slot *sl;
    int failed;                 /* memory ran out */
    int unkept;                 /* a word too long to keep */
} words_ctx;

static void put_word(words_ctx *c, const char *w, uint32_t n)
{
    struct exact_slot *sl = c->sl;
    size_t need = sl->len + sizeof n + (n == UINT32_MAX ? 0 : n);
    if (c->failed)
        return;
    if (need > sl->cap) {
        size_t cap = sl->cap ? sl->cap : 256;
        while (cap < need)
            cap *= 2;
        char *p = realloc(sl->words, cap);
        if (!p) {
            c->failed = 1;
            return;
        }
        sl->words = p;
        sl->cap = cap;
    }
    memcpy(sl->words + sl->len, &n, sizeof n);
    sl->len += sizeof n;
    if (n != UINT32_MAX) {
        memcpy(sl->words + sl->len, w, n);
        sl->len += n;
    }
}

static int on_exact_word(void *ctx, const token *t)
{
    words_ctx *c = ctx;
    if (t->is_synonym)
        return 0;   /* only what the text says */
    on_exact_token(c->dp, t);
    if (t->word_len < UINT32_MAX)
        put_word(c, t->word, (uint32_t)t->word_len);
    else
        c->unkept = 1;
    return 0;
}

static int exact_run(const search_ctx *s, uint32_t e)
{
    exact_ctx c;
    memset(&c, 0, sizeof c);
    c.s = s;
    for (int j = 0; j < s->q->n_toks; j++)
        c.words |= word_bit(s->q->toks[j].word, s->q->toks[j].word_len);
    rerank_scratch *x = s->rerank;
    if (!x->exact) {
        x->exact = malloc(RERANK_FIT_SLOTS * sizeof *x->exact);
        if (!x->exact) {
            *s->failed = 1;
            return 0;
        }
        for (size_t i = 0; i < RERANK_FIT_SLOTS; i++)
            x->exact[i] = (struct exact_slot){UINT32_MAX, UINT32_MAX, NULL, 0, 0};
    }
    struct exact_slot *sl = &x->exact[(e * 2654435761u >> 22) % RERANK_FIT_SLOTS];
    if (sl->entry == e) {
        token t = {0};
        for (size_t o = 0; o < sl->len;) {
            uint32_t n;
            memcpy(&n, sl->words + o, sizeof n);
            o += sizeof n;
            if (n == UINT32_MAX) {
                memset(c.run, 0, sizeof c.run);
                continue;
            }
            t.word = sl->words + o;
            t.word_len = n;
            on_exact_token(&c, &t);
            o += n;
        }
        return c.best;
    }
    if (sl->met != e) {
        sl->met = e;
        query_entry_run(s, e, QTEXT_QUESTION, 1, 1, on_exact_token, &c);
        memset(c.run, 0, sizeof c.run);
        query_entry_run(s, e, QTEXT_ALTS, 1, 1, on_exact_token, &c);
        return c.best;
    }
    sl->entry = UINT32_MAX;
    sl->len = 0;
    words_ctx w = {&c, sl, 0, 0};
    int stopped = query_entry_run(s, e, QTEXT_QUESTION, 1, 1, on_exact_word, &w) != 0;
    memset(c.run, 0, sizeof c.run);
    put_word(&w, NULL, UINT32_MAX);
    stopped |= query_entry_run(s, e, QTEXT_ALTS, 1, 1, on_exact_word, &w) != 0;
    if (w.failed)
        *s->failed = 1;
    else if (!stopped && !w.unkept)
        sl->entry = e;
    return c.best;
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->group < y->group ? -1 : x->group > y->group;
}

/* A capitalised word of language L (as written) is a name unless the
 * language's dictionary knows it as an ordinary word: German writes every
 * noun with a capital ("Paket"), any language a sentence's first word. */
static int is_name(const search_ctx *s, uint32_t L, const char *raw, size_t len)
{
    return query_name_verdict(s, L, raw, len) != 0;   /* no dictionary (-1): a name */
}

/* A slot of the question that is a name by its capital and the dictionary;
 * not a name the FAQ holds in most entries, which is its subject ("Debian"
 * in Debian's FAQ), not what the question singles out: BM25's idf,
 * ln(1 + (N - df + 0.5) / (df + 0.5)), is below ln 2 (name_common_idf's
 * default) where a term stands in more than half the entries. */
static int slot_is_name(const search_ctx *s, uint32_t L, const slot *sl)
{
    if (sl->is_name == 2 && sl->idf < s->p->name_common_idf)
        return 0;
    return sl->is_name && is_name(s, L, s->text + sl->raw_off, sl->raw_len);
}

/* Names an answer lists: capitalised words right after a comma, a
 * parenthesis or a semicolon ("(Ethiopia, Ghana, Morocco"). A sentence's
 * first word or a title ("the Global Compact") does not count. */
typedef struct names_ctx {
    const search_ctx *s;
    uint32_t lang, qlang;       /* of the answer, of the question */
    const char *text;
    size_t prev_end;
    int n;
    int *known_listed;          /* a known name of the question is one of them;
                                 * NULL: not asked, nor the question's
                                 * language's dictionary */
} names_ctx;

static int on_name_token(void *ctx, const token *t)
{
    names_ctx *c = ctx;
    if (t->is_synonym)
        return 0;
    if (c->prev_end && starts_upper(t->raw, t->raw_len)) {
        int sep = 0;
        for (size_t k = c->prev_end; k < t->offset && !sep; k++)
            sep = c->text[k] == ',' || c->text[k] == '(' || c->text[k] == ';';
        sep = sep && is_name(c->s, c->lang, t->raw, t->raw_len);
        c->n += sep;
        for (int i = 0; c->known_listed && i < c->s->q->n_slots && sep && !*c->known_listed; i++) {
            const slot *sl = &c->s->q->slots[i];
            *c->known_listed = sl->is_name == 2 && sl->word_len == t->word_len &&
                               memcmp(sl->word, t->word, t->word_len) == 0 &&
                               slot_is_name(c->s, c->qlang, sl);
        }
    }
    c->prev_end = t->offset + t->raw_len;
    return 0;
}

/* How many names entry e's answer lists; *known_listed (unless NULL):
 * whether one is a known name of the question, in language qlang. */
static int read_names(const search_ctx *s, uint32_t qlang, uint32_t e, int *known_listed)
{
    faq_entry fe;
    faq_index_entry(s->ix, e, &fe);
    uint32_t lang = s->ix->entries[e].lang;
    if (known_listed)
        *known_listed = 0;
    names_ctx c = {s, lang, qlang, fe.answer.s, 0, 0, known_listed};
    query_entry_run(s, e, QTEXT_ANSWER, 1, 1, on_name_token, &c);
    return c.n;
}

/* How many names entry e's answer lists, read once per thread. The
 * table is calloc'd and holds the count plus one (0: unread): its pages
 * are the system's zero pages until an entry on them is read, so a
 * thread pays for the entries it ranks, not for the corpus. */
static int listed_names(const search_ctx *s, rerank_scratch *x, uint32_t e)
{
    if (!x->names_listed) {
        x->names_listed = calloc(s->ix->n_entries ? s->ix->n_entries : 1, sizeof *x->names_listed);
        if (!x->names_listed) {
            *s->failed = 1;
            return 0;
        }
    }
    if (x->names_listed[e])
        return x->names_listed[e] - 1;
    /* the count alone: whether the question's names are among them is
     * f_names()'s to ask, in the question's language (asked here in
     * language 0, it loaded that language's dictionary for nothing) */
    int n = read_names(s, 0, e, NULL);
    x->names_listed[e] = (uint16_t)(n < UINT16_MAX - 1 ? n + 1 : UINT16_MAX);
    return n;
}

/* Two words of the question side by side in an answer ("nota
 * informativa") say more than each alone: where they stand so, they cover
 * the question as words of the entry's question do. For a leader that
 * would be declined only. */
typedef struct pair_ctx {
    const search_ctx *s;
    uint32_t lang;
    const slot *x, *y;
    int prev_x, found;
} pair_ctx;

static int on_pair_token(void *ctx, const token *t)
{
    pair_ctx *c = ctx;
    if (t->is_synonym)
        return 0;
    uint32_t term = query_token_term(c->s->ix, c->lang, t);
    if (term == IX_NONE) {
        c->prev_x = 0;
        return 0;
    }
    if (c->prev_x && slot_has_term(c->y, term)) {
        c->found = 1;
        return 1;
    }
    c->prev_x = slot_has_term(c->x, term);
    return 0;
}


void rerank_answer_pairs(const search_ctx *s, cand *c, uint32_t L)
{
    uint32_t e = query_entry_shown(s, c->group, L);
    if (e == IX_NONE || !s->p->use_answer_pairs)
        return;
    double total = 0, gain = 0;
    for (int i = 0; i < s->q->n_slots; i++)
        total += s->q->slots[i].weight;
    uint8_t counted[FAQ_MAX_QUERY_TERMS] = {0};
    for (int a = 0; a + 1 < s->q->n_slots && a + 1 < FAQ_MAX_QUERY_TERMS; a++) {
        const slot *x = &s->q->slots[a], *y = &s->q->slots[a + 1];
        if (x->is_qword || y->is_qword || !((c->mask >> a) & 1) || !((c->mask >> (a + 1)) & 1) ||
            y->pos != x->pos + 1 || rerank_in_question(s, e, x) || rerank_in_question(s, e, y))
            continue;
        pair_ctx p = {s, s->ix->entries[e].lang, x, y, 0, 0};
        query_entry_run(s, e, QTEXT_ANSWER, 0, 0, on_pair_token, &p);
        if (!p.found)
            continue;
        for (int k = a; k <= a + 1; k++)
            if (!counted[k]) {
                counted[k] = 1;
                gain += (1 - s->p->w_answer_only) * s->q->slots[k].weight;
            }
    }
    if (total > 0)
        c->cover += gain / total;
    if (c->cover > 1)
        c->cover = 1;
}

/* ---- the features ---- */

/* One rerank: what the features share. */
typedef struct rerank_ctx {
    const search_ctx *s;
    rerank_scratch *x;
    uint32_t L;
    cand *top;
    int n;
    int unknown_name;           /* a name of the question no language knows */
    int any_name;               /* a name of the question, known or not */
    double lead;                /* the best score so far */
} rerank_ctx;

/* Words of the question standing together in the entry's question. */
static void f_proximity(const rerank_ctx *r, cand *c, uint32_t e)
{
    const search_ctx *s = r->s;
    double bonus = 0;
    uint32_t pairs[FAQ_MAX_LANGS];  /* adjacent_in_question() of the group's entry in a language */
    uint64_t read = 0;              /* the languages whose entry was read, a bit each */
    for (int a = 0; a + 1 < s->q->n_slots; a++) {
        const slot *x = &s->q->slots[a], *y = &s->q->slots[a + 1];
        if (!x->n_alts || !y->n_alts || a + 1 >= FAQ_MAX_QUERY_TERMS)
            continue;
        if (!((c->mask >> a) & 1) || !((c->mask >> (a + 1)) & 1))
            continue;
        uint32_t lx = s->ix->terms[x->alts[0].term].lang;
        if (!((read >> lx) & 1)) {
            uint32_t eq = faq_index_group_entry(s->ix, c->group, lx);
            pairs[lx] = eq != IX_NONE ? adjacent_in_question(s, eq) : 0;
            read |= 1ull << lx;
        }
        if ((pairs[lx] >> a) & 1)
            bonus += s->p->proximity_bonus * (x->idf + y->idf) / 2;
    }
    c->score += bonus;
}

/* The thing asked about: "what countries", "qué países". */
static void f_focus(const rerank_ctx *r, cand *c, uint32_t e)
{
    const search_ctx *s = r->s;
    for (int a = 0; a + 1 < s->q->n_slots; a++) {
        const slot *x = &s->q->slots[a], *y = &s->q->slots[a + 1];
        if (x->is_qword && !y->is_qword && y->n_alts && y->pos == x->pos + 1) {
            uint32_t ly = s->ix->terms[y->alts[0].term].lang;
            uint32_t eq = faq_index_group_entry(s->ix, c->group, ly);
            if (eq != IX_NONE && question_holds_rest(s, eq, x, y) && asks_of(s, eq, y)) {
                c->score *= 1 + s->p->focus_bonus;
                return;
            }
        }
    }
}

static void f_question_fit(const rerank_ctx *r, cand *c, uint32_t e)
{
    double fit = rerank_question_fit(r->s, c->group, 0);
    struct rerank_trace *tr = &r->x->trace[c - r->top];
    tr->fit = fit;
    tr->has_fit = !*r->s->failed;
    c->score *= 1 + r->s->p->question_fit * fit;
}

/* A quoted phrase of the question must stand in the entry. */
static void f_phrases(const rerank_ctx *r, cand *c, uint32_t e)
{
    const search_ctx *s = r->s;
    for (int p = 1; p <= s->q->phrase_count; p++) {
        uint32_t ep = faq_index_group_entry(s->ix, c->group, r->L);
        if (ep == IX_NONE)
            ep = e;
        if (!has_phrase(s, ep, p)) {
            c->score = 0;
            return;
        }
    }
}

/* A question naming a place or body the FAQ does not know ("is the UK a
 * champion country?") is best answered by the list of those it does; but
 * a name is no evidence that the FAQ knows the topic: the confidence stays
 * as it is ("who is Antonio Vitorino?"). */
static void f_names(const rerank_ctx *r, cand *c, uint32_t e)
{
    const search_ctx *s = r->s;
    if (!r->any_name || listed_names(s, r->x, e) < s->p->name_list_min)
        return;
    int known_listed = 0;
    if (!r->unknown_name)
        read_names(s, r->L, e, &known_listed);
    if (r->unknown_name || known_listed)
        c->score *= 1 + s->p->name_bonus;
}

/* The question said word for word in an entry's question: among the close
 * contenders only, since reading questions costs. */
static void f_exact(const rerank_ctx *r, cand *c, uint32_t e)
{
    const search_ctx *s = r->s;
    if (s->q->n_toks < s->p->exact_min_words || c->score < s->p->exact_range * r->lead)
        return;
    int run = exact_run(s, e);
    if (run >= s->p->exact_min_words)
        c->score *= 1 + s->p->exact_bonus * run / s->q->n_toks;
}

typedef void (*feature_fn)(const rerank_ctx *r, cand *c, uint32_t e);

#define ON(field) offsetof(search_params, field)
/* In the order they apply: focus and proximity, then the fit, scale what
 * retrieval found; a missing phrase zeroes; names and exactness come last,
 * exactness reading the lead the others left. */
const rerank_feature rerank_features[] = {
    {"focus", ON(use_focus), "focus_bonus", "the entry asks of the same thing"},
    {"proximity", ON(use_proximity), "proximity_bonus", "adjacent words in the entry's question"},
    {"question_fit", ON(use_question_fit), "question_fit", "F1 of query and entry question"},
    {"phrases", ON(use_phrases), "", "a quoted phrase stands in the entry"},
    {"names", ON(use_names), "name_list_min name_bonus", "unknown names prefer a list"},
    {"exact", ON(use_exact), "exact_min_words exact_bonus exact_range",
     "the question said word for word"},
};
const int rerank_feature_count = (int)(sizeof rerank_features / sizeof *rerank_features);
static const feature_fn feature_fns[] = {f_focus, f_proximity, f_question_fit, f_phrases,
                                         f_names, f_exact};
_Static_assert(sizeof feature_fns / sizeof *feature_fns ==
               sizeof rerank_features / sizeof *rerank_features, "a function per feature");
_Static_assert(sizeof feature_fns / sizeof *feature_fns <= RERANK_FEATURES_MAX, "trace room");

static int switch_on(const search_params *p, size_t off)
{
    return *(const int *)(const void *)((const char *)p + off);
}

/* What a feature reads of the candidates as a whole, before it applies. */
static void prepare(rerank_ctx *r, int f)
{
    if (feature_fns[f] == f_names) {
        r->unknown_name = r->any_name = 0;
        for (int i = 0; i < r->s->q->n_slots; i++) {
            const slot *sl = &r->s->q->slots[i];
            int name = slot_is_name(r->s, r->L, sl);
            r->any_name |= name;
            r->unknown_name |= name && sl->is_name == 1;
        }
    } else if (feature_fns[f] == f_exact) {
        r->lead = 0;
        for (int i = 0; i < r->n; i++)
            if (r->top[i].score > r->lead)
                r->lead = r->top[i].score;
    }
}

int rerank_run(const search_ctx *s, rerank_scratch *x, uint32_t L, cand *top, int n)
{
    double total = 0;
    for (int i = 0; i < s->q->n_slots; i++)
        total += s->q->slots[i].weight;
    x->n_trace = n;
    uint32_t shown[SEARCH_RERANK_MAX];  /* each candidate's entry for L, found once */
    for (int i = 0; i < n; i++) {
        cand *c = &top[i];
        shown[i] = query_entry_shown(s, c->group, L);
        c->cover = total > 0 ? c->cover / total : 0;
        if (c->cover > 1)
            c->cover = 1;
        x->trace[i].group = c->group;
        x->trace[i].before = c->score;
        for (int f = 0; f < RERANK_FEATURES_MAX; f++)
            x->trace[i].factor[f] = 1;
        x->trace[i].has_fit = 0;
    }
    rerank_ctx r = {s, x, L, top, n, 0, 0, 0};
    /* feature by feature over the candidates: each candidate meets the
     * features in table order, and a feature that reads them all (the
     * lead) sees what the ones before it left */
    for (int f = 0; f < rerank_feature_count; f++) {
        if (!switch_on(s->p, rerank_features[f].on))
            continue;
        prepare(&r, f);
        for (int i = 0; i < n; i++) {
            if (shown[i] == IX_NONE)
                continue;
            double before = top[i].score;
            feature_fns[f](&r, &top[i], shown[i]);
            x->trace[i].factor[f] = before != 0 ? top[i].score / before : 0;
        }
    }
    /* at most SEARCH_RERANK_MAX, in an order of their own (cmp_cand's is
     * total): sorted by insertion, where qsort's calls cost more */
    for (int i = 1; i < n; i++) {
        cand c = top[i];
        int j = i;
        for (; j > 0 && cmp_cand(&c, &top[j - 1]) < 0; j--)
            top[j] = top[j - 1];
        top[j] = c;
    }
    while (n > 0 && top[n - 1].score <= 0)
        n--;
    return n;
}

const struct rerank_trace *rerank_trace_of(const rerank_scratch *x, uint32_t g)
{
    for (int i = 0; i < x->n_trace; i++)
        if (x->trace[i].group == g)
            return &x->trace[i];
    return NULL;
}

void rerank_scratch_free(rerank_scratch *x)
{
    free(x->names_listed);
    x->names_listed = NULL;
    for (size_t i = 0; x->fit && i < RERANK_FIT_SLOTS; i++)
        free(x->fit[i].terms);
    free(x->fit);
    x->fit = NULL;
    for (size_t i = 0; x->exact && i < RERANK_FIT_SLOTS; i++)
        free(x->exact[i].words);
    free(x->exact);
    x->exact = NULL;
}
