/* translate.c: translation tables from FreeDict's dictionaries (see
 * translate.h). */
#include "translate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "buf.h"
#include "corpus.h"
#include "dictd.h"
#include "freedict.h"
#include "index_format.h"
#include "lang_pack.h"
#include "limits.h"
#include "resources.h"

/* The L->C dictionary is read whole only up to this size of text; a
 * larger one (German-English: 100 MB) is read the other way only, C->L,
 * where only the entries of the FAQ's own words are read. */
#define TRANSLATE_SCAN_MAX ((uint64_t)32 << 20)

/* ---- one word's term ---- */

typedef struct one_term {
    char term[FAQ_MAX_TERM_BYTES * 4 + 1];
    size_t len;
    int n;                      /* content tokens seen (2: more than one) */
} one_term;

static int on_term(void *ctx, const token *t)
{
    one_term *x = ctx;
    if (t->is_stop || t->is_synonym)
        return 0;
    if (t->is_qword || ++x->n > 1 || t->term_len >= sizeof x->term) {
        x->n = 2;
        return 1;
    }
    memcpy(x->term, t->term, t->term_len);
    x->len = t->term_len;
    return 0;
}

/* The term of s when it is one word once stop words are gone. */
static int single_term(analyzer *an, const char *s, size_t n, one_term *x)
{
    x->n = 0;
    x->len = 0;
    if (analyzer_run(an, s, n, on_term, x) < 0)
        return 0;
    return x->n == 1;
}

/* The terms of s's words, when it is one to three once stop words are
 * gone: a translation of several words ("Leitungswasser": "tap water")
 * counts as its words, where the FAQ holds them all (all_held()). */
#define PIECE_MAX_WORDS 3

typedef struct some_terms {
    one_term w[PIECE_MAX_WORDS];
    int n;                      /* content tokens seen (PIECE_MAX_WORDS + 1: too many) */
} some_terms;

static int on_some_term(void *ctx, const token *t)
{
    some_terms *x = ctx;
    if (t->is_stop || t->is_synonym)
        return 0;
    if (t->is_qword || x->n >= PIECE_MAX_WORDS || t->term_len >= sizeof x->w[0].term) {
        x->n = PIECE_MAX_WORDS + 1;
        return 1;
    }
    memcpy(x->w[x->n].term, t->term, t->term_len);
    x->w[x->n++].len = t->term_len;
    return 0;
}

static int some_terms_of(analyzer *an, const char *s, size_t n, some_terms *x)
{
    x->n = 0;
    if (analyzer_run(an, s, n, on_some_term, x) < 0 || x->n > PIECE_MAX_WORDS)
        return 0;
    return x->n;
}

/* Is there a dictionary from language from to language to, or from to to
 * from, under dir (NULL: resources_dictd_dir())? */
static int translate_available(const char *dir, const char *from, const char *to)
{
    if (!dir)
        dir = resources_dictd_dir();
    return freedict_exists(dir, from, to) || freedict_exists(dir, to, from);
}

/* ---- the languages one may ask in ---- */

size_t translate_pack_langs(const char *const *folders, size_t n, const char **out, size_t cap)
{
    /* A corpus without English is asked in English too, whether or not a
     * dictionary links it: English is the language its bot's messages fall
     * back to and the one a visitor most often writes when the FAQ's is not
     * theirs. Without it a FAQ written only in Russian reads "how do i book
     * an appointment" as Russian; with it the visitor is told, in English,
     * which languages the FAQ speaks, and greeted back. */
    int english = n > 0;
    size_t k = 0;
    for (size_t p = 0; lang_pack_code(p) && k < cap; p++) {
        const char *code = lang_pack_code(p);
        int in_corpus = 0, linked = english && strcmp(code, "en") == 0;
        for (size_t l = 0; l < n && !in_corpus; l++)
            in_corpus = strcmp(folders[l], code) == 0;
        for (size_t l = 0; l < n && !in_corpus && !linked; l++)
            linked = translate_available(NULL, code, folders[l]);
        if (!in_corpus && linked)
            out[k++] = code;
    }
    return k;
}

/* ---- the rows being gathered: (L, key) -> its C terms ---- */

typedef struct acc_row {
    uint32_t lang, key_off, key_len;
    uint32_t *t;
    unsigned char *way;         /* per target: 1 read forward, 2 backward */
    uint32_t n, cap;
} acc_row;

typedef struct acc {
    acc_row *rows;
    size_t n, cap;
    uint32_t *slots;            /* row + 1, 0 empty */
    size_t n_slots;
    char *keys;
    size_t keys_len, keys_cap;
    uint32_t *heads;            /* translate_head_hash() of L's headwords, as met */
    size_t n_heads, heads_cap;
    int oom;
} acc;

static int acc_rehash(acc *a)
{
    size_t cap = a->n_slots ? a->n_slots * 2 : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t r = 0; r < a->n; r++) {
        const acc_row *x = &a->rows[r];
        size_t i = ix_hash(x->lang, a->keys + x->key_off, x->key_len) & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = (uint32_t)r + 1;
    }
    free(a->slots);
    a->slots = slots;
    a->n_slots = cap;
    return 0;
}

static acc_row *acc_row_of(acc *a, uint32_t lang, const char *key, size_t n)
{
    if ((a->n + 1) * 2 > a->n_slots && acc_rehash(a) != 0)
        return NULL;
    size_t i = ix_hash(lang, key, n) & (a->n_slots - 1);
    for (; a->slots[i]; i = (i + 1) & (a->n_slots - 1)) {
        acc_row *x = &a->rows[a->slots[i] - 1];
        if (x->lang == lang && x->key_len == n && memcmp(a->keys + x->key_off, key, n) == 0)
            return x;
    }
    if (grow(&a->rows, &a->cap, a->n + 1, sizeof *a->rows, 64) != 0)
        return NULL;
    if (a->keys_len + n > a->keys_cap) {
        size_t cap = a->keys_cap ? a->keys_cap * 2 : 4096;
        while (cap < a->keys_len + n)
            cap *= 2;
        char *k = realloc(a->keys, cap);
        if (!k)
            return NULL;
        a->keys = k;
        a->keys_cap = cap;
    }
    memcpy(a->keys + a->keys_len, key, n);
    acc_row *x = &a->rows[a->n];
    *x = (acc_row){lang, (uint32_t)a->keys_len, (uint32_t)n, NULL, NULL, 0, 0};
    a->keys_len += n;
    a->slots[i] = (uint32_t)++a->n;
    return x;
}

static void acc_add(acc *a, uint32_t lang, const char *key, size_t n, uint32_t term, int way)
{
    acc_row *x = acc_row_of(a, lang, key, n);
    if (!x) {
        a->oom = 1;
        return;
    }
    for (uint32_t k = 0; k < x->n; k++)
        if (x->t[k] == term) {
            x->way[k] |= (unsigned char)way;
            return;
        }
    if (x->n == TRANSLATE_MAX_TARGETS)
        return;
    if (x->n == x->cap) {
        uint32_t cap = x->cap ? x->cap * 2 : 4;
        uint32_t *t = realloc(x->t, cap * sizeof *t);
        if (t)
            x->t = t;
        unsigned char *w = t ? realloc(x->way, cap) : NULL;
        if (!w) {
            a->oom = 1;
            return;
        }
        x->way = w;
        x->cap = cap;
    }
    x->way[x->n] = (unsigned char)way;
    x->t[x->n++] = term;
}

static void acc_free(acc *a)
{
    for (size_t r = 0; r < a->n; r++) {
        free(a->rows[r].t);
        free(a->rows[r].way);
    }
    free(a->rows);
    free(a->slots);
    free(a->keys);
    free(a->heads);
}

/* The key of (language lang, term s of n bytes) in translate_table.heads
 * (and in the index's DICTHEADS). */
static uint32_t translate_head_hash(uint32_t lang, const char *s, size_t n)
{
    return ix_hash(lang, s, n);
}

/* Does some translation of an entry say something: one word of the
 * other language once its stop words are gone? */
typedef struct content_ctx {
    analyzer *an;
    int found;
} content_ctx;

static int on_content_piece(void *ctx, const char *s, size_t n)
{
    content_ctx *x = ctx;
    one_term t;
    x->found = single_term(x->an, s, n, &t);
    return x->found;
}

/* Every headword of dictionary d, from language L (analyzer an_l) into C
 * (an_c), by its term: from the index alone, or, when the texts are
 * loaded (whole), only a headword one of whose translations is a word of
 * C once stop words are gone ("still": "todavía", a stop word, says no
 * topic). A headword spelt as the one before (the index is sorted) is
 * that one again. */
static void gather_heads(acc *a, dictd *d, analyzer *an_l, analyzer *an_c, uint32_t L,
                         int loaded, int *oom)
{
    size_t at = 0;
    dictd_entry e;
    const char *last = NULL;
    size_t last_len = 0;
    int last_kept = 0;
    one_term k;
    while (!a->oom && !*oom && dictd_next(d, &at, &e)) {
        int again = last && e.headword_len == last_len &&
                    memcmp(e.headword, last, last_len) == 0;
        if (again && last_kept)
            continue;
        last = e.headword;
        last_len = e.headword_len;
        last_kept = 0;
        if (loaded) {
            size_t len;
            const char *text = dictd_text(d, &e, &len, oom);
            content_ctx x = {an_c, 0};
            if (text)
                freedict_pieces(text, len, on_content_piece, &x);
            if (!x.found)
                continue;
        }
        if (!single_term(an_l, e.headword, e.headword_len, &k))
            continue;
        last_kept = 1;
        if (grow(&a->heads, &a->heads_cap, a->n_heads + 1, sizeof *a->heads, 1024) != 0) {
            a->oom = 1;
            break;
        }
        a->heads[a->n_heads++] = translate_head_hash(L, k.term, k.len);
    }
}

/* ---- the index's terms: a map, and a filter on a word's first letters
 * (freedict_prefix(): a word whose first letters begin no term of the
 * index needs no analysis) ---- */

#define PREFIX_BITS (1u << 16)

/* A word of a language's synonyms (synonyms.txt, its own and its pack's)
 * that the FAQ does not use ("terminar") stands for the words of its
 * group the FAQ does use ("concluye"): a translation into it is one into
 * those. */
typedef struct standin {
    uint32_t lang;
    char *key;                  /* its term */
    size_t key_len;
    uint32_t first, count;      /* in termset's pool */
} standin;

typedef struct termset {
    uint32_t *slots;            /* term + 1, 0 empty */
    size_t cap;
    translate_term_fn get;
    void *ctx;
    unsigned char prefix[PREFIX_BITS / 8];   /* (lang, first letters) seen, hashed */
    standin *si;
    size_t n_si, si_cap;
    uint32_t *si_slots;         /* stand-in + 1, 0 empty: a hash on (lang, key) */
    size_t si_slots_cap;
    uint32_t *pool;
    size_t n_pool, pool_cap;
    int oom;
} termset;

static uint32_t prefix_bit(uint32_t lang, const char *p, int k)
{
    return ix_hash(lang * 4 + (uint32_t)k, p, (size_t)k) & (PREFIX_BITS - 1);
}

/* File term s of lang under its first letters: four when it has more
 * (its last may be one the stemmer changed), else three. */
static void prefix_set(termset *ts, uint32_t lang, const char *s, size_t n)
{
    char p[FREEDICT_PREFIX_MAX];
    int k = freedict_prefix(s, n, p, n > FREEDICT_PREFIX_MAX ? FREEDICT_PREFIX_MAX : 3);
    uint32_t bit = prefix_bit(lang, p, k);
    ts->prefix[bit / 8] |= (unsigned char)(1u << (bit % 8));
}

static int termset_init(termset *ts, uint32_t n_terms, translate_term_fn get, void *ctx)
{
    memset(ts, 0, sizeof *ts);
    ts->get = get;
    ts->ctx = ctx;
    ts->cap = 16;
    while (ts->cap < (size_t)n_terms * 2)
        ts->cap <<= 1;
    ts->slots = calloc(ts->cap, sizeof *ts->slots);
    if (!ts->slots)
        return -1;
    for (uint32_t t = 0; t < n_terms; t++) {
        uint32_t lang;
        const char *s;
        size_t n;
        get(ctx, t, &lang, &s, &n);
        size_t i = ix_hash(lang, s, n) & (ts->cap - 1);
        while (ts->slots[i])
            i = (i + 1) & (ts->cap - 1);
        ts->slots[i] = t + 1;
        prefix_set(ts, lang, s, n);
    }
    return 0;
}

/* The index's term number of (lang, s), or UINT32_MAX. */
static uint32_t termset_find(const termset *ts, uint32_t lang, const char *s, size_t n)
{
    for (size_t i = ix_hash(lang, s, n) & (ts->cap - 1); ts->slots[i];
         i = (i + 1) & (ts->cap - 1)) {
        uint32_t tl;
        const char *ts_s;
        size_t tn;
        ts->get(ts->ctx, ts->slots[i] - 1, &tl, &ts_s, &tn);
        if (tl == lang && tn == n && memcmp(ts_s, s, n) == 0)
            return ts->slots[i] - 1;
    }
    return UINT32_MAX;
}

typedef struct standin_ctx {
    termset *ts;
    uint32_t lang;
} standin_ctx;

static int on_synonym_group(void *ctx, const synonym_member *ms, int n)
{
    standin_ctx *x = ctx;
    termset *ts = x->ts;
    size_t first = ts->n_pool;
    for (int i = 0; i < n; i++) {
        if (!ms[i].term_len)
            continue;
        uint32_t t = termset_find(ts, x->lang, ms[i].term, ms[i].term_len);
        if (t == UINT32_MAX)
            continue;
        if (grow(&ts->pool, &ts->pool_cap, ts->n_pool + 1, sizeof *ts->pool, 64) != 0)
            return ts->oom = 1;
        ts->pool[ts->n_pool++] = t;
    }
    uint32_t count = (uint32_t)(ts->n_pool - first);
    for (int i = 0; i < n && count; i++) {
        if (!ms[i].term_len || termset_find(ts, x->lang, ms[i].term, ms[i].term_len) != UINT32_MAX)
            continue;
        if (grow(&ts->si, &ts->si_cap, ts->n_si + 1, sizeof *ts->si, 64) != 0)
            return ts->oom = 1;
        char *key = malloc(ms[i].term_len);
        if (!key)
            return ts->oom = 1;
        memcpy(key, ms[i].term, ms[i].term_len);
        ts->si[ts->n_si++] = (standin){x->lang, key, ms[i].term_len, (uint32_t)first, count};
        prefix_set(ts, x->lang, key, ms[i].term_len);
    }
    return 0;
}

/* The stand-ins of language lang's synonyms text. Returns 0, or -1 when
 * memory runs out. */
static int termset_synonyms(termset *ts, uint32_t lang, analyzer *an, const char *synonyms)
{
    standin_ctx x = {ts, lang};
    if (synonyms && analyzer_read_synonyms(an, synonyms, strlen(synonyms), on_synonym_group, &x) < 0)
        ts->oom = 1;
    return ts->oom ? -1 : 0;
}

static int termset_index_standins(termset *ts)
{
    ts->si_slots_cap = 16;
    while (ts->si_slots_cap < ts->n_si * 2)
        ts->si_slots_cap <<= 1;
    ts->si_slots = calloc(ts->si_slots_cap, sizeof *ts->si_slots);
    if (!ts->si_slots)
        return -1;
    for (size_t k = 0; k < ts->n_si; k++) {
        size_t i = ix_hash(ts->si[k].lang, ts->si[k].key, ts->si[k].key_len) & (ts->si_slots_cap - 1);
        while (ts->si_slots[i])
            i = (i + 1) & (ts->si_slots_cap - 1);
        ts->si_slots[i] = (uint32_t)k + 1;
    }
    return 0;
}

static void termset_free(termset *ts)
{
    free(ts->slots);
    free(ts->si_slots);
    for (size_t i = 0; i < ts->n_si; i++)
        free(ts->si[i].key);
    free(ts->si);
    free(ts->pool);
}

/* The index's terms (lang, s) stands for: itself, or what it stands in
 * for; how many, at *out (valid while ts lives; *one holds a single one). */
static uint32_t termset_lookup(const termset *ts, uint32_t lang, const char *s, size_t n,
                               uint32_t *one, const uint32_t **out)
{
    *one = termset_find(ts, lang, s, n);
    *out = one;
    if (*one != UINT32_MAX)
        return 1;
    if (!ts->si_slots)
        return 0;
    for (size_t i = ix_hash(lang, s, n) & (ts->si_slots_cap - 1); ts->si_slots[i];
         i = (i + 1) & (ts->si_slots_cap - 1)) {
        const standin *si = &ts->si[ts->si_slots[i] - 1];
        if (si->lang == lang && si->key_len == n && memcmp(si->key, s, n) == 0) {
            *out = ts->pool + si->first;
            return si->count;
        }
    }
    return 0;
}

/* Does the index hold every word of w (itself, or words it stands in
 * for)? A translation of several words is taken only whole: "tap water"
 * where the FAQ says "tap" and "water", not "water" alone, which would
 * make "Leitungswasser" any water. */
static int all_held(const termset *ts, uint32_t lang, const some_terms *w)
{
    for (int i = 0; i < w->n; i++) {
        uint32_t one;
        const uint32_t *terms;
        if (!termset_lookup(ts, lang, w->w[i].term, w->w[i].len, &one, &terms))
            return 0;
    }
    return w->n > 0;
}

/* Might word s (as written) stand for a term of lang? Its folded first
 * letters, or fewer of them, begin one (a term shorter than four letters,
 * or one with a letter the filter does not fold, is filed under fewer). */
static int termset_may_hold(const termset *ts, uint32_t lang, const char *s, size_t n)
{
    char p[FREEDICT_PREFIX_MAX];
    int k = freedict_prefix(s, n, p, FREEDICT_PREFIX_MAX);
    for (int j = k > 0; j <= k; j++) {
        uint32_t bit = prefix_bit(lang, p, j);
        if (ts->prefix[bit / 8] & (1u << (bit % 8)))
            return 1;
    }
    return 0;
}

/* Might some word of piece s stand for a term of lang? */
static int piece_may_hold(const termset *ts, uint32_t lang, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '-' || s[i] == '\''))
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '-' && s[j] != '\'')
            j++;
        if (j > i && termset_may_hold(ts, lang, s + i, j - i))
            return 1;
        i = j;
    }
    return 0;
}

/* ---- reading a pair's dictionaries ---- */

typedef struct pair_ctx {
    acc *a;
    const termset *ts;
    analyzer *an;               /* of the side the pieces are in */
    uint32_t lang;              /* L */
    uint32_t c;                 /* C */
    const char *key;            /* forward: L's term */
    size_t key_len;
    const uint32_t *cterms;     /* backward: the C terms the headword stands for */
    uint32_t n_cterms;
    int any;                    /* forward: a piece may be a C term */
} pair_ctx;

static int on_probe_piece(void *ctx, const char *s, size_t n)
{
    pair_ctx *x = ctx;
    x->any = piece_may_hold(x->ts, x->c, s, n);
    return x->any;
}

/* Forward, L->C: a translation is C words the index holds, each. */
static int on_forward_piece(void *ctx, const char *s, size_t n)
{
    pair_ctx *x = ctx;
    some_terms w;
    if (!piece_may_hold(x->ts, x->c, s, n) || !some_terms_of(x->an, s, n, &w) ||
        !all_held(x->ts, x->c, &w))
        return 0;
    for (int i = 0; i < w.n; i++) {
        uint32_t one;
        const uint32_t *terms;
        uint32_t n_terms = termset_lookup(x->ts, x->c, w.w[i].term, w.w[i].len, &one, &terms);
        for (uint32_t k = 0; k < n_terms; k++)
            acc_add(x->a, x->lang, x->key, x->key_len, terms[k], 1);
    }
    return x->a->oom;
}

/* Backward, C->L: a translation is an L word that stands for the
 * headword's C term. */
static int on_backward_piece(void *ctx, const char *s, size_t n)
{
    pair_ctx *x = ctx;
    one_term t;
    if (single_term(x->an, s, n, &t))
        for (uint32_t k = 0; k < x->n_cterms; k++)
            acc_add(x->a, x->lang, t.term, t.len, x->cterms[k], 2);
    return x->a->oom;
}

/* An entry read backwards: its headword's term. */
typedef struct hit {
    dictd_entry e;
    uint32_t one;               /* a term of the index ... */
    const uint32_t *many;       /* ... or those it stands in for (NULL: one) */
    uint32_t n;
} hit;

static int cmp_hits(const void *p, const void *q)
{
    const hit *a = p, *b = q;
    return (a->e.off > b->e.off) - (a->e.off < b->e.off);
}

/* Dictionary a->b, read once for both its uses: forward for L = a,
 * C = b (when b has FAQ entries and the dictionary is small enough to read
 * whole), backward for L = b, C = a (when a has). Backward, only the
 * entries whose headword the index holds are read, in the order of their
 * text, so that each chunk of the file is inflated once. */
static int read_dict(const char *dir, const translate_lang *langs, uint32_t a, uint32_t b,
                     analyzer *an_a, analyzer *an_b, const termset *ts, acc *rows, char *err,
                     size_t errlen)
{
    char base[4096];
    dictd *d;
    if (!freedict_base(dir, langs[a].code, langs[b].code, base, sizeof base))
        return 0;
    if (dictd_open(base, &d, err, errlen) != 0)
        return -1;
    if (!d)
        return 0;
    int oom = 0;
    int forward = langs[a].asked && langs[b].has_faq &&
                  dictd_text_size(d) <= TRANSLATE_SCAN_MAX && dictd_load_all(d, &oom) == 0;
    if (langs[a].asked && langs[b].has_faq)
        gather_heads(rows, d, an_a, an_b, a, forward, &oom);
    int backward = langs[b].asked && langs[a].has_faq;
    size_t n_hits = 0, cap = 0, at = 0;
    hit *hits = NULL;
    dictd_entry e;
    while ((forward || backward) && !rows->oom && !oom && dictd_next(d, &at, &e)) {
        const char *text = NULL;
        size_t len = 0;
        pair_ctx x = {rows, ts, an_b, a, b, NULL, 0, NULL, 0, 0};
        if (forward) {
            /* a translation that may be a word of the FAQ, before any analysis */
            text = dictd_text(d, &e, &len, &oom);
            if (text)
                freedict_pieces(text, len, on_probe_piece, &x);
        }
        int back = backward && piece_may_hold(ts, a, e.headword, e.headword_len);
        if (!x.any && !back)
            continue;
        some_terms w;
        if (!some_terms_of(an_a, e.headword, e.headword_len, &w))
            continue;
        /* a headword of two or three words ("tap water") stands for each */
        int held = back && all_held(ts, a, &w);
        for (int i = 0; held && i < w.n; i++) {
            uint32_t one = UINT32_MAX;
            const uint32_t *many;
            uint32_t n_many = termset_lookup(ts, a, w.w[i].term, w.w[i].len, &one, &many);
            if (grow(&hits, &cap, n_hits + 1, sizeof *hits, 64) != 0) {
                oom = 1;
                break;
            }
            hits[n_hits++] = (hit){e, one, one == UINT32_MAX ? many : NULL, n_many};
        }
        if (x.any && w.n == 1) {
            x.key = w.w[0].term;
            x.key_len = w.w[0].len;
            freedict_pieces(text, len, on_forward_piece, &x);
        }
    }
    if (n_hits)
        qsort(hits, n_hits, sizeof *hits, cmp_hits);
    for (size_t h = 0; h < n_hits && !oom && !rows->oom; h++) {
        size_t len;
        const char *text = dictd_text(d, &hits[h].e, &len, &oom);
        const hit *ht = &hits[h];
        pair_ctx x = {rows, ts, an_b, b, a, NULL, 0, ht->many ? ht->many : &ht->one, ht->n, 0};
        if (text)
            freedict_pieces(text, len, on_backward_piece, &x);
    }
    free(hits);
    dictd_free(d);
    if (oom || rows->oom)
        snprintf(err, errlen, "out of memory while reading %s", base);
    return oom || rows->oom ? -1 : 0;
}

/* ---- the table ---- */

/* A row as sorted: its key, where the comparison reads it. */
typedef struct row_ref {
    const char *key;
    uint32_t len, lang, row;
} row_ref;

static int cmp_rows(const void *p, const void *q)
{
    const row_ref *a = p, *b = q;
    if (a->lang != b->lang)
        return a->lang < b->lang ? -1 : 1;
    size_t m = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->key, b->key, m);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

static int cmp_u32(const void *p, const void *q)
{
    uint32_t a = *(const uint32_t *)p, b = *(const uint32_t *)q;
    return (a > b) - (a < b);
}

/* The headwords sorted, each once, handed to out. */
static void finish_heads(acc *a, translate_table *out)
{
    if (a->n_heads)
        qsort(a->heads, a->n_heads, sizeof *a->heads, cmp_u32);
    size_t n = 0;
    for (size_t i = 0; i < a->n_heads; i++)
        if (!n || a->heads[i] != a->heads[n - 1])
            a->heads[n++] = a->heads[i];
    out->heads = a->heads;
    out->n_heads = n;
    a->heads = NULL;
    a->n_heads = a->heads_cap = 0;
}

static int finish(acc *a, translate_table *out)
{
    row_ref *order = malloc((a->n + 1) * sizeof *order);
    size_t n_terms = 0;
    for (size_t r = 0; r < a->n; r++)
        n_terms += a->rows[r].n;
    out->rows = malloc((a->n + 1) * sizeof *out->rows);
    out->terms = malloc((n_terms + 1) * sizeof *out->terms);
    out->keys = malloc(a->keys_len + 1);
    if (!order || !out->rows || !out->terms || !out->keys) {
        free(order);
        return -1;
    }
    for (size_t r = 0; r < a->n; r++)
        order[r] = (row_ref){a->keys + a->rows[r].key_off, a->rows[r].key_len, a->rows[r].lang,
                             (uint32_t)r};
    qsort(order, a->n, sizeof *order, cmp_rows);
    for (size_t i = 0; i < a->n; i++) {
        const acc_row *x = &a->rows[order[i].row];
        translate_row *y = &out->rows[out->n_rows++];
        *y = (translate_row){x->lang, (uint32_t)out->keys_len, x->key_len, (uint32_t)out->n_terms,
                             x->n, 0};
        memcpy(out->keys + out->keys_len, a->keys + x->key_off, x->key_len);
        out->keys_len += x->key_len;
        /* the translations both dictionaries give first, each way's order kept */
        for (int both = 1; both >= 0; both--)
            for (uint32_t k = 0; k < x->n; k++)
                if ((x->way[k] == 3) == both)
                    out->terms[out->n_terms++] = x->t[k];
        for (uint32_t k = 0; k < x->n; k++)
            y->both += x->way[k] == 3;
    }
    free(order);
    finish_heads(a, out);
    return 0;
}

int translate_build(const char *dir, const translate_lang *langs, uint32_t n, uint32_t n_terms,
                    translate_term_fn term, void *ctx, translate_table *out, char *err,
                    size_t errlen)
{
    snprintf(err, errlen, "out of memory while building the translation tables");
    memset(out, 0, sizeof *out);
    if (!dir)
        dir = resources_dictd_dir();
    acc rows;
    memset(&rows, 0, sizeof rows);
    termset *ts = calloc(1, sizeof *ts);
    analyzer **an = calloc(n + 1, sizeof *an);
    int rc = ts && an && termset_init(ts, n_terms, term, ctx) == 0 ? 0 : -1;
    for (uint32_t l = 0; l < n && rc == 0; l++) {
        if (!langs[l].has_faq || !langs[l].synonyms || !corpus_stemmer_name(langs[l].code))
            continue;
        if (!(an[l] = analyzer_new(langs[l].code, langs[l].stopwords)) ||
            termset_synonyms(ts, l, an[l], langs[l].synonyms) != 0)
            rc = -1;
        else
            analyzer_cache_stems(an[l]);
    }
    if (rc == 0 && termset_index_standins(ts) != 0)
        rc = -1;
    /* each dictionary a->b between two languages of the index, once */
    for (uint32_t a = 0; a < n && rc == 0; a++) {
        for (uint32_t b = 0; b < n && rc == 0; b++) {
            if (a == b ||
                !((langs[a].asked && langs[b].has_faq) || (langs[b].asked && langs[a].has_faq)) ||
                !freedict_exists(dir, langs[a].code, langs[b].code))
                continue;
            for (uint32_t k = 0; k < 2; k++) {
                uint32_t x = k ? b : a;
                if (an[x] || !corpus_stemmer_name(langs[x].code))
                    continue;
                if (!(an[x] = analyzer_new(langs[x].code, langs[x].stopwords)))
                    rc = -1;   /* it has a stemmer: memory ran out */
                else
                    analyzer_cache_stems(an[x]);
            }
            if (rc == 0 && an[a] && an[b] &&
                read_dict(dir, langs, a, b, an[a], an[b], ts, &rows, err, errlen) != 0)
                rc = -1;
        }
    }
    for (uint32_t l = 0; an && l < n; l++)
        analyzer_free(an[l]);
    free(an);
    if (ts)
        termset_free(ts);
    free(ts);
    if (rc == 0 && (rows.oom || finish(&rows, out) != 0))
        rc = -1;
    acc_free(&rows);
    if (rc != 0)
        translate_table_free(out);
    return rc;
}

void translate_table_free(translate_table *t)
{
    free(t->rows);
    free(t->keys);
    free(t->terms);
    free(t->heads);
    memset(t, 0, sizeof *t);
}
