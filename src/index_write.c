/* index_write.c: builds the index file described in index_format.h. */
#include "index_write.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analyze.h"
#include "index_format.h"
#include "limits.h"

/* Analysis runs on this many threads when the corpus is large enough for
 * the threads to pay for themselves. */
#define BUILD_THREADS 2
#define BUILD_THREAD_MIN_ENTRIES 2000

/* ---- growable byte buffer with a sticky error ---- */

typedef struct bytes {
    unsigned char *p;
    size_t len, cap;
    int oom;
} bytes;

static void *bytes_grow(bytes *b, size_t extra)
{
    if (b->oom)
        return NULL;
    if (b->len + extra > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + extra)
            cap *= 2;
        unsigned char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return NULL;
        }
        b->p = p;
        b->cap = cap;
    }
    void *at = b->p + b->len;
    b->len += extra;
    return at;
}

static void bytes_put(bytes *b, const void *src, size_t n)
{
    void *at = bytes_grow(b, n);
    if (at && n)
        memcpy(at, src, n);
}

static void bytes_varint(bytes *b, uint32_t v)
{
    unsigned char tmp[5];
    size_t n = 0;
    while (v >= 0x80) {
        tmp[n++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    tmp[n++] = (unsigned char)v;
    bytes_put(b, tmp, n);
}

static ix_str str_add(bytes *strings, const char *s, size_t n)
{
    ix_str r = {(uint32_t)strings->len, (uint32_t)n};
    bytes_put(strings, s, n);
    return r;
}

/* ---- (language, bytes) -> number map, keys kept in the STRINGS buffer ---- */

typedef struct keymap {
    uint32_t *slots;      /* value + 1, 0 empty */
    size_t cap, count;
    ix_str *keys;         /* by value */
    uint32_t *langs;      /* by value */
    size_t keys_cap;
} keymap;

static int keymap_init(keymap *m)
{
    memset(m, 0, sizeof *m);
    m->cap = 1024;
    m->slots = calloc(m->cap, sizeof *m->slots);
    return m->slots ? 0 : -1;
}

static void keymap_free(keymap *m)
{
    free(m->slots);
    free(m->keys);
    free(m->langs);
}

static int keymap_rehash(keymap *m, const bytes *strings)
{
    size_t cap = m->cap * 2;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t v = 0; v < m->count; v++) {
        ix_str k = m->keys[v];
        size_t i = ix_hash(m->langs[v], (const char *)strings->p + k.off, k.len) & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = (uint32_t)v + 1;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

/* The number of (lang, s), added if new (*added = 1); UINT32_MAX if out of memory. */
static uint32_t keymap_get(keymap *m, bytes *strings, uint32_t lang, const char *s, size_t n,
                           int *added)
{
    *added = 0;
    size_t i = ix_hash(lang, s, n) & (m->cap - 1);
    while (m->slots[i]) {
        uint32_t v = m->slots[i] - 1;
        ix_str k = m->keys[v];
        if (m->langs[v] == lang && k.len == n && memcmp(strings->p + k.off, s, n) == 0)
            return v;
        i = (i + 1) & (m->cap - 1);
    }
    if (m->count == m->keys_cap) {
        size_t cap = m->keys_cap ? m->keys_cap * 2 : 1024;
        ix_str *keys = realloc(m->keys, cap * sizeof *keys);
        if (!keys)
            return UINT32_MAX;
        m->keys = keys;
        uint32_t *langs = realloc(m->langs, cap * sizeof *langs);
        if (!langs)
            return UINT32_MAX;
        m->langs = langs;
        m->keys_cap = cap;
    }
    uint32_t v = (uint32_t)m->count++;
    m->keys[v] = str_add(strings, s, n);
    m->langs[v] = lang;
    m->slots[i] = v + 1;
    *added = 1;
    if (strings->oom)
        return UINT32_MAX;
    if (m->count * 2 > m->cap && keymap_rehash(m, strings) != 0)
        return UINT32_MAX;
    return v;
}

/* ---- the build ---- */

typedef struct posting_rec {
    uint32_t term, group;
    uint16_t tf_q, tf_a;
} posting_rec;

typedef struct word_info {
    uint32_t term;        /* provisional term number */
    uint32_t df;
    uint32_t last_entry;  /* the last entry counted in df */
} word_info;

typedef struct builder {
    bytes strings;
    keymap terms, words;
    word_info *winfo;
    size_t winfo_cap;
    posting_rec *recs;
    size_t n_recs, recs_cap;
    bytes qseq;                   /* u32 provisional term numbers */
    /* the entry being analyzed */
    uint32_t lang, entry;
    int field;                    /* 0 question, 1 answer */
    int in_qseq;                  /* record question terms into qseq */
    uint32_t *etf_terms;          /* its distinct terms ... */
    uint16_t (*etf)[2];           /* ... and their tf per field */
    size_t n_etf, etf_cap;
    uint32_t *seen_entry;         /* per term: entry + 1 of its last etf slot ... */
    uint32_t *seen_slot;          /* ... and that slot */
    size_t seen_cap;
    uint32_t field_len[2];
    int oom;
    /* its share of the corpus: entries [e_first, e_end), analyzed with its
     * own analyzers (one per language), into its own maps and records */
    const corpus *c;
    const ix_lang *langs;
    ix_entry *entries;
    uint32_t *qlen, *alen;
    uint32_t e_first, e_end;
    analyzer **an;
} builder;

static int winfo_reserve(builder *b)
{
    if (b->words.count <= b->winfo_cap)
        return 0;
    size_t cap = b->winfo_cap ? b->winfo_cap * 2 : 1024;
    word_info *wi = realloc(b->winfo, cap * sizeof *wi);
    if (!wi)
        return -1;
    b->winfo = wi;
    b->winfo_cap = cap;
    return 0;
}

static int on_token(void *ctx, const token *t)
{
    builder *b = ctx;
    int added;
    uint32_t term = keymap_get(&b->terms, &b->strings, b->lang, t->term, t->term_len, &added);
    if (term == UINT32_MAX)
        goto oom;
    if (t->is_synonym)
        goto posting;   /* a phrase's synonym: a term of the entry, not a word of its text */
    uint32_t w = keymap_get(&b->words, &b->strings, b->lang, t->word, t->word_len, &added);
    if (w == UINT32_MAX)
        goto oom;
    if (added) {
        if (winfo_reserve(b) != 0)
            goto oom;
        b->winfo[w] = (word_info){term, 0, UINT32_MAX};
    }
    if (b->winfo[w].last_entry != b->entry) {
        b->winfo[w].last_entry = b->entry;
        b->winfo[w].df++;
    }
    b->field_len[b->field]++;
posting:
    if (b->in_qseq)
        bytes_put(&b->qseq, &term, sizeof term);
    /* the term's slot among the entry's distinct terms, found in O(1):
     * a search of them would make an entry cost the square of its length */
    if (term >= b->seen_cap) {
        size_t cap = b->seen_cap ? b->seen_cap : 1024;
        while (cap <= term)
            cap *= 2;
        uint32_t *se = realloc(b->seen_entry, cap * sizeof *se);
        if (!se)
            goto oom;
        b->seen_entry = se;
        uint32_t *ss = realloc(b->seen_slot, cap * sizeof *ss);
        if (!ss)
            goto oom;
        b->seen_slot = ss;
        memset(se + b->seen_cap, 0, (cap - b->seen_cap) * sizeof *se);
        b->seen_cap = cap;
    }
    if (b->seen_entry[term] == b->entry + 1) {
        uint32_t i = b->seen_slot[term];
        if (b->etf[i][b->field] < UINT16_MAX)
            b->etf[i][b->field]++;
        return 0;
    }
    if (b->n_etf == b->etf_cap) {
        size_t cap = b->etf_cap ? b->etf_cap * 2 : 256;
        uint32_t *et = realloc(b->etf_terms, cap * sizeof *et);
        if (!et)
            goto oom;
        b->etf_terms = et;
        uint16_t (*ef)[2] = realloc(b->etf, cap * sizeof *ef);
        if (!ef)
            goto oom;
        b->etf = ef;
        b->etf_cap = cap;
    }
    b->seen_entry[term] = b->entry + 1;
    b->seen_slot[term] = (uint32_t)b->n_etf;
    b->etf_terms[b->n_etf] = term;
    b->etf[b->n_etf][0] = b->field == 0;
    b->etf[b->n_etf][1] = b->field == 1;
    b->n_etf++;
    return 0;
oom:
    b->oom = 1;
    return 1;
}

static int add_postings(builder *b, uint32_t group)
{
    if (b->n_recs + b->n_etf > b->recs_cap) {
        size_t cap = b->recs_cap ? b->recs_cap : 65536;
        while (cap < b->n_recs + b->n_etf)
            cap *= 2;
        posting_rec *r = realloc(b->recs, cap * sizeof *r);
        if (!r)
            return -1;
        b->recs = r;
        b->recs_cap = cap;
    }
    for (size_t i = 0; i < b->n_etf; i++)
        b->recs[b->n_recs++] = (posting_rec){b->etf_terms[i], group, b->etf[i][0], b->etf[i][1]};
    return 0;
}

/* An entry's text to analyze, in bytes: the measure of a thread's share. */
static size_t text_bytes(const ix_entry *e)
{
    return (size_t)e->question.len + e->answer.len + e->alts.len;
}

/* Analyze the builder's share of the entries: its terms, words, postings,
 * question sequences and field lengths. A thread's body. */
static void *analyze_range(void *arg)
{
    builder *b = arg;
    const uint32_t sep = IX_NONE;
    for (uint32_t e = b->e_first; e < b->e_end && !b->oom; e++) {
        ix_entry *ie = &b->entries[e];
        uint32_t l = ie->lang;
        const corpus_entry *ce = &b->c->langs[l].entries[e - b->langs[l].entry_first];
        ie->qseq_off = (uint32_t)(b->qseq.len / sizeof(uint32_t));
        if (ce->kind != ENTRY_FAQ)
            continue;   /* small talk is matched apart, not ranked */
        b->lang = l;
        b->entry = e;
        b->n_etf = 0;
        b->field_len[0] = b->field_len[1] = 0;
        b->field = 0;
        b->in_qseq = 1;
        analyzer_run(b->an[l], ce->question, strlen(ce->question), on_token, b);
        for (size_t k = 0; k < ce->n_alts && !b->oom; k++) {
            bytes_put(&b->qseq, &sep, sizeof sep);
            analyzer_run(b->an[l], ce->alts[k], strlen(ce->alts[k]), on_token, b);
        }
        b->in_qseq = 0;
        b->field = 1;
        if (!b->oom)
            analyzer_run(b->an[l], ce->answer, strlen(ce->answer), on_token, b);
        if (b->oom || b->qseq.oom || add_postings(b, ie->group) != 0) {
            b->oom = 1;
            break;
        }
        ie->qseq_len = (uint32_t)(b->qseq.len / sizeof(uint32_t)) - ie->qseq_off;
        /* A question's length is that of one phrasing, so listing
         * alternates does not make an entry look long. */
        b->qlen[e] = (b->field_len[0] + (uint32_t)ce->n_alts) / (1 + (uint32_t)ce->n_alts);
        b->alen[e] = b->field_len[1];
    }
    return NULL;
}

/* Fold builder o's results into b: its terms and words renumbered into b's
 * maps, its postings and question sequences appended (o's entries follow
 * b's, so the order of entries is kept). */
static int merge_builder(builder *b, const builder *o)
{
    int rc = -1, added;
    uint32_t *tmap = malloc((o->terms.count + 1) * sizeof *tmap);
    if (!tmap)
        return -1;
    for (size_t t = 0; t < o->terms.count; t++) {
        ix_str k = o->terms.keys[t];
        tmap[t] = keymap_get(&b->terms, &b->strings, o->terms.langs[t],
                             (const char *)o->strings.p + k.off, k.len, &added);
        if (tmap[t] == UINT32_MAX)
            goto out;
    }
    for (size_t w = 0; w < o->words.count; w++) {
        ix_str k = o->words.keys[w];
        uint32_t v = keymap_get(&b->words, &b->strings, o->words.langs[w],
                                (const char *)o->strings.p + k.off, k.len, &added);
        if (v == UINT32_MAX || winfo_reserve(b) != 0)
            goto out;
        if (added)
            b->winfo[v] = (word_info){tmap[o->winfo[w].term], 0, UINT32_MAX};
        b->winfo[v].df += o->winfo[w].df;
    }
    if (o->n_recs > b->recs_cap - b->n_recs) {
        posting_rec *r = realloc(b->recs, (b->n_recs + o->n_recs) * sizeof *r);
        if (!r)
            goto out;
        b->recs = r;
        b->recs_cap = b->n_recs + o->n_recs;
    }
    for (size_t i = 0; i < o->n_recs; i++) {
        posting_rec r = o->recs[i];
        r.term = tmap[r.term];
        b->recs[b->n_recs++] = r;
    }
    uint32_t base = (uint32_t)(b->qseq.len / sizeof(uint32_t));
    const uint32_t *q = (const uint32_t *)o->qseq.p;
    for (size_t i = 0; i < o->qseq.len / sizeof *q; i++) {
        uint32_t v = q[i] == IX_NONE ? IX_NONE : tmap[q[i]];
        bytes_put(&b->qseq, &v, sizeof v);
    }
    for (uint32_t e = o->e_first; e < o->e_end; e++)
        b->entries[e].qseq_off += base;
    rc = b->qseq.oom ? -1 : 0;
out:
    free(tmap);
    return rc;
}

static void builder_free(builder *b, size_t n_langs)
{
    if (b->an)
        for (size_t l = 0; l < n_langs; l++)
            analyzer_free(b->an[l]);
    free(b->an);
    free(b->strings.p);
    free(b->qseq.p);
    free(b->recs);
    free(b->winfo);
    free(b->etf_terms);
    free(b->etf);
    free(b->seen_entry);
    free(b->seen_slot);
    keymap_free(&b->terms);
    keymap_free(&b->words);
}

static const bytes *g_sort_strings;   /* qsort has no context argument */
static const keymap *g_sort_map;

static int cmp_key(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    if (g_sort_map->langs[a] != g_sort_map->langs[b])
        return g_sort_map->langs[a] < g_sort_map->langs[b] ? -1 : 1;
    ix_str ka = g_sort_map->keys[a], kb = g_sort_map->keys[b];
    size_t n = ka.len < kb.len ? ka.len : kb.len;
    int c = memcmp(g_sort_strings->p + ka.off, g_sort_strings->p + kb.off, n);
    if (c)
        return c;
    return ka.len < kb.len ? -1 : ka.len > kb.len;
}

static int cmp_rec_group(const void *x, const void *y)
{
    const posting_rec *a = x, *b = y;
    return a->group < b->group ? -1 : a->group > b->group;
}

/* Sort the keys of m by (lang, bytes): order[final] = provisional, and
 * rank[provisional] = final. */
static int sort_keys(const keymap *m, const bytes *strings, uint32_t **order, uint32_t **rank)
{
    *order = malloc((m->count + 1) * sizeof **order);
    *rank = malloc((m->count + 1) * sizeof **rank);
    if (!*order || !*rank)
        return -1;
    for (size_t i = 0; i < m->count; i++)
        (*order)[i] = (uint32_t)i;
    g_sort_strings = strings;
    g_sort_map = m;
    qsort(*order, m->count, sizeof **order, cmp_key);
    for (size_t i = 0; i < m->count; i++)
        (*rank)[(*order)[i]] = (uint32_t)i;
    return 0;
}

static uint32_t *hash_table(const keymap *m, const bytes *strings, const uint32_t *order,
                            size_t *cap_out)
{
    size_t cap = 16;
    while (cap < m->count * 2)
        cap <<= 1;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t)
        return NULL;
    for (size_t f = 0; f < m->count; f++) {
        uint32_t v = order[f];
        ix_str k = m->keys[v];
        size_t i = ix_hash(m->langs[v], (const char *)strings->p + k.off, k.len) & (cap - 1);
        while (t[i])
            i = (i + 1) & (cap - 1);
        t[i] = (uint32_t)f + 1;
    }
    *cap_out = cap;
    return t;
}

typedef struct id_sort { const char *id; uint32_t len, lang, entry; } id_sort;

static int cmp_id(const void *x, const void *y)
{
    const id_sort *a = x, *b = y;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->id, b->id, n);
    if (c)
        return c;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return a->lang < b->lang ? -1 : a->lang > b->lang;
}

static int write_all(int fd, const void *p, size_t n)
{
    const char *s = p;
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}


int index_write(const corpus *c, const char *path, index_stats *st, char *err, size_t errlen)
{
    int rc = -1;
    builder bs[BUILD_THREADS];
    memset(bs, 0, sizeof bs);
    builder *bl = &bs[0];   /* the others are merged into it */
    int n_builders = 0;
    bytes strings = {0};    /* STRINGS: entry texts first, terms and words last */
    ix_lang *langs = NULL;
    ix_entry *entries = NULL;
    uint32_t *groups = NULL, *term_order = NULL, *term_rank = NULL, *word_order = NULL,
             *word_rank = NULL, *term_hash = NULL, *word_hash = NULL, *post_start = NULL,
             *ids = NULL;
    id_sort *idv = NULL;
    uint32_t *qlen = NULL, *alen = NULL;   /* field lengths per entry */
    double *avg_q = NULL, *avg_a = NULL;   /* per language */
    posting_rec *sorted = NULL;
    ix_term *terms = NULL;
    ix_word *words = NULL;
    bytes postings = {0};
    keymap group_ids;
    char tmp[4096] = "";
    int fd = -1;
    int gid_ok = keymap_init(&group_ids) == 0;

    if (!gid_ok)
        goto oom;
    if (c->n_langs > FAQ_MAX_LANGS) {
        snprintf(err, errlen, "too many languages (%zu, at most %d)", c->n_langs, FAQ_MAX_LANGS);
        goto out;
    }
    size_t n_entries = 0;
    for (size_t l = 0; l < c->n_langs; l++)
        n_entries += c->langs[l].n_entries;
    if (n_entries > FAQ_MAX_ENTRIES) {
        snprintf(err, errlen, "too many entries (%zu, at most %u)", n_entries, FAQ_MAX_ENTRIES);
        goto out;
    }
    uint32_t n_langs = (uint32_t)c->n_langs;
    langs = calloc(n_langs + 1, sizeof *langs);
    entries = calloc(n_entries + 1, sizeof *entries);
    qlen = calloc(n_entries + 1, sizeof *qlen);
    alen = calloc(n_entries + 1, sizeof *alen);
    avg_q = calloc(n_langs + 1, sizeof *avg_q);
    avg_a = calloc(n_langs + 1, sizeof *avg_a);
    if (!langs || !entries || !qlen || !alen || !avg_q || !avg_a)
        goto oom;

    ix_str settings = {0, 0};
    if (c->settings)
        settings = str_add(&strings, c->settings, strlen(c->settings));

    /* Pass 1: the entries' texts and ids, in corpus order. */
    uint32_t e = 0, n_faq_all = 0;
    for (uint32_t l = 0; l < n_langs; l++) {
        const corpus_lang *cl = &c->langs[l];
        ix_lang *il = &langs[l];
        snprintf(il->code, sizeof il->code, "%s", cl->code);
        if (cl->stopwords)
            il->stopwords = str_add(&strings, cl->stopwords, strlen(cl->stopwords));
        if (cl->synonyms)
            il->synonyms = str_add(&strings, cl->synonyms, strlen(cl->synonyms));
        if (cl->messages)
            il->messages = str_add(&strings, cl->messages, strlen(cl->messages));
        il->entry_first = e;
        il->entry_count = (uint32_t)cl->n_entries;
        for (size_t i = 0; i < cl->n_entries; i++, e++) {
            const corpus_entry *ce = &cl->entries[i];
            ix_entry *ie = &entries[e];
            int added;
            uint32_t g = keymap_get(&group_ids, &strings, 0, ce->id, strlen(ce->id), &added);
            if (g == UINT32_MAX)
                goto oom;
            ie->id = group_ids.keys[g];
            ie->question = str_add(&strings, ce->question, strlen(ce->question));
            ie->file = str_add(&strings, ce->file, strlen(ce->file));
            ie->alts.off = (uint32_t)strings.len;
            for (size_t k = 0; k < ce->n_alts; k++) {
                if (k)
                    bytes_put(&strings, "\n", 1);
                bytes_put(&strings, ce->alts[k], strlen(ce->alts[k]));
            }
            ie->alts.len = (uint32_t)(strings.len - ie->alts.off);
            ie->line = ce->line;
            ie->lang = l;
            ie->group = g;
            ie->kind = (uint32_t)ce->kind;
            if (strings.oom)
                goto oom;
            if (ce->kind == ENTRY_FAQ) {
                il->n_faq++;
                n_faq_all++;
            }
        }
    }
    /* The answers after every id and question: ranking and listing read
     * those, and a few pages then hold them all, while an answer's pages
     * are read only when it is shown. */
    e = 0;
    for (uint32_t l = 0; l < n_langs; l++)
        for (size_t i = 0; i < c->langs[l].n_entries; i++, e++)
            entries[e].answer = str_add(&strings, c->langs[l].entries[i].answer,
                                        strlen(c->langs[l].entries[i].answer));
    if (strings.oom)
        goto oom;

    /* Pass 2: analysis, the bulk of the work, cut among threads in runs of
     * entries of about the same size; each builder has its own analyzers,
     * maps and records, merged in entry order after. The result does not
     * depend on the cut: numbers are assigned after, by sorting. */
    n_builders = n_faq_all >= BUILD_THREAD_MIN_ENTRIES ? BUILD_THREADS : 1;
    {
        size_t total = 0, done = 0;
        for (uint32_t i = 0; i < n_entries; i++)
            total += text_bytes(&entries[i]);
        uint32_t at = 0;
        for (int k = 0; k < n_builders; k++) {
            builder *bk = &bs[k];
            bk->c = c;
            bk->langs = langs;
            bk->entries = entries;
            bk->qlen = qlen;
            bk->alen = alen;
            bk->e_first = at;
            while (at < n_entries && (k == n_builders - 1 || done * n_builders < total * (size_t)(k + 1))) {
                done += text_bytes(&entries[at]);
                at++;
            }
            bk->e_end = at;
            bk->an = calloc(n_langs + 1, sizeof *bk->an);
            if (!bk->an || keymap_init(&bk->terms) || keymap_init(&bk->words))
                goto oom;
            for (uint32_t l = 0; l < n_langs; l++) {
                bk->an[l] = analyzer_new(c->langs[l].code, c->langs[l].stopwords);
                if (!bk->an[l] || analyzer_cache_stems(bk->an[l]) != 0) {
                    snprintf(err, errlen, "%s: no stemmer for this language", c->langs[l].code);
                    goto out;
                }
                if (analyzer_set_synonyms(bk->an[l], c->langs[l].synonyms) != 0)
                    goto oom;
            }
        }
        pthread_t th[BUILD_THREADS];
        int started[BUILD_THREADS] = {0};
        for (int k = 1; k < n_builders; k++)
            started[k] = pthread_create(&th[k], NULL, analyze_range, &bs[k]) == 0;
        analyze_range(&bs[0]);
        for (int k = 1; k < n_builders; k++) {
            if (started[k])
                pthread_join(th[k], NULL);
            else
                analyze_range(&bs[k]);   /* no thread to be had: here, then */
        }
        for (int k = 0; k < n_builders; k++)
            if (bs[k].oom || bs[k].qseq.oom || bs[k].strings.oom)
                goto oom;
        for (int k = 1; k < n_builders; k++) {
            if (merge_builder(bl, &bs[k]) != 0)
                goto oom;
            builder_free(&bs[k], n_langs);
            memset(&bs[k], 0, sizeof bs[k]);
        }
    }
    for (uint32_t i = 0; i < n_entries; i++) {
        if (entries[i].kind != ENTRY_FAQ)
            continue;
        avg_q[entries[i].lang] += qlen[i];
        avg_a[entries[i].lang] += alen[i];
    }
    for (uint32_t l = 0; l < n_langs; l++) {
        if (langs[l].n_faq) {
            avg_q[l] /= langs[l].n_faq;
            avg_a[l] /= langs[l].n_faq;
        }
        if (avg_q[l] < 1) avg_q[l] = 1;
        if (avg_a[l] < 1) avg_a[l] = 1;
    }
    uint32_t n_groups = (uint32_t)group_ids.count;

    /* Groups table. */
    groups = malloc(((size_t)n_groups * n_langs + 1) * sizeof *groups);
    if (!groups)
        goto oom;
    memset(groups, 0xFF, (size_t)n_groups * n_langs * sizeof *groups);
    for (uint32_t i = 0; i < n_entries; i++)
        groups[(size_t)entries[i].group * n_langs + entries[i].lang] = i;

    /* Final term and word numbers: sorted by (lang, bytes). */
    if (sort_keys(&bl->terms, &bl->strings, &term_order, &term_rank) != 0 ||
        sort_keys(&bl->words, &bl->strings, &word_order, &word_rank) != 0)
        goto oom;
    uint32_t n_terms = (uint32_t)bl->terms.count, n_words = (uint32_t)bl->words.count;

    /* Postings: counting sort of the records by final term number. */
    post_start = calloc((size_t)n_terms + 2, sizeof *post_start);
    sorted = malloc((bl->n_recs + 1) * sizeof *sorted);
    terms = calloc((size_t)n_terms + 1, sizeof *terms);
    if (!post_start || !sorted || !terms)
        goto oom;
    for (size_t i = 0; i < bl->n_recs; i++)
        post_start[term_rank[bl->recs[i].term] + 1]++;
    for (uint32_t t = 0; t < n_terms; t++)
        post_start[t + 1] += post_start[t];
    {
        uint32_t *fill = malloc(((size_t)n_terms + 1) * sizeof *fill);
        if (!fill)
            goto oom;
        memcpy(fill, post_start, (size_t)n_terms * sizeof *fill);
        for (size_t i = 0; i < bl->n_recs; i++)
            sorted[fill[term_rank[bl->recs[i].term]]++] = bl->recs[i];
        free(fill);
        free(bl->recs);     /* sorted holds them now */
        bl->recs = NULL;
    }
    for (uint32_t t = 0; t < n_terms; t++) {
        uint32_t v = term_order[t];
        ix_term *it = &terms[t];
        ix_str k = bl->terms.keys[v];
        it->text = str_add(&strings, (const char *)bl->strings.p + k.off, k.len);
        it->lang = bl->terms.langs[v];
        posting_rec *r = sorted + post_start[t];
        uint32_t n = post_start[t + 1] - post_start[t];
        for (uint32_t i = 1; i < n; i++) {
            if (r[i].group < r[i - 1].group) {
                qsort(r, n, sizeof *r, cmp_rec_group);
                break;
            }
        }
        it->df = n;
        double N = langs[it->lang].n_faq;
        /* BM25's idf, kept above zero: in a ten-entry FAQ most words are
         * in more than half the entries. */
        it->idf = (float)log(1.0 + (N - n + 0.5) / (n + 0.5));
        while (postings.len % 4)   /* block tables are read in place */
            bytes_put(&postings, "", 1);
        it->post_off = postings.len;
        it->n_blocks = n > IX_BLOCK ? (n + IX_BLOCK - 1) / IX_BLOCK : 0;
        size_t table = postings.len;
        if (it->n_blocks && !bytes_grow(&postings, it->n_blocks * sizeof(ix_block)))
            goto oom;
        size_t data = postings.len;
        uint32_t prev = 0;
        for (uint32_t first = 0; first < n; first += IX_BLOCK) {
            uint32_t count = n - first < IX_BLOCK ? n - first : IX_BLOCK;
            unsigned char pbytes[IX_BLOCK];
            uint32_t bmax = 0, delta_len = 0;
            for (uint32_t i = 0; i < count; i++) {
                const posting_rec *p = &r[first + i];
                uint32_t ent = groups[(size_t)p->group * n_langs + it->lang];
                double lq = qlen[ent] / avg_q[it->lang], la = alen[ent] / avg_a[it->lang];
                double tf = BM25_W_QUESTION * p->tf_q / (1 - BM25_B + BM25_B * lq) +
                            BM25_W_ANSWER * p->tf_a / (1 - BM25_B + BM25_B * la);
                double f = tf * (BM25_K1 + 1) / (tf + BM25_K1);
                int impact = (int)lround(f / (BM25_K1 + 1) * IX_IMPACT_MAX);
                if (impact < 1) impact = 1;
                if (impact > IX_IMPACT_MAX) impact = IX_IMPACT_MAX;
                pbytes[i] = (unsigned char)(impact << 1 | (p->tf_q > 0));
                if ((uint32_t)impact > bmax)
                    bmax = (uint32_t)impact;
                uint32_t d = p->group - (i ? r[first + i - 1].group : prev);
                delta_len += d < 1u << 7 ? 1 : d < 1u << 14 ? 2 : d < 1u << 21 ? 3 : d < 1u << 28 ? 4 : 5;
            }
            if (bmax > it->max_impact)
                it->max_impact = bmax;
            uint32_t last = r[first + count - 1].group;
            uint32_t base = first ? prev + 1 : 0;
            uint32_t n_words64 = (last - base) / 64 + 1;
            int bitmap = it->n_blocks && n_words64 <= IX_BITMAP_WORDS && n_words64 * 9 < delta_len;
            if (it->n_blocks && !postings.oom) {
                ix_block blk = {last, (uint32_t)(postings.len - data), (uint16_t)bmax,
                                bitmap ? IX_BLOCK_BITMAP : IX_BLOCK_DELTAS};
                memcpy(postings.p + table + (first / IX_BLOCK) * sizeof blk, &blk, sizeof blk);
            }
            if (bitmap) {
                uint64_t bits[IX_BITMAP_WORDS] = {0};
                for (uint32_t i = 0; i < count; i++) {
                    uint32_t at = r[first + i].group - base;
                    bits[at / 64] |= 1ull << (at % 64);
                }
                unsigned char ranks[IX_BITMAP_WORDS];
                for (uint32_t wi = 0, set = 0; wi < n_words64; wi++) {
                    ranks[wi] = (unsigned char)set;
                    set += (uint32_t)__builtin_popcountll(bits[wi]);
                }
                bytes_put(&postings, pbytes, count);
                bytes_put(&postings, ranks, n_words64);
                bytes_put(&postings, bits, n_words64 * sizeof *bits);
            } else {
                for (uint32_t i = 0; i < count; i++) {
                    bytes_varint(&postings, r[first + i].group - (i ? r[first + i - 1].group : prev));
                    bytes_put(&postings, &pbytes[i], 1);
                }
            }
            prev = last;
        }
        it->post_len = (uint32_t)(postings.len - it->post_off);
        if (it->lang < n_langs) {
            if (!langs[it->lang].term_count)
                langs[it->lang].term_first = t;
            langs[it->lang].term_count++;
        }
    }
    words = calloc((size_t)n_words + 1, sizeof *words);
    if (!words)
        goto oom;
    for (uint32_t w = 0; w < n_words; w++) {
        uint32_t v = word_order[w];
        ix_word *iw = &words[w];
        ix_str k = bl->words.keys[v];
        iw->text = str_add(&strings, (const char *)bl->strings.p + k.off, k.len);
        iw->lang = bl->words.langs[v];
        iw->term = term_rank[bl->winfo[v].term];
        iw->df = bl->winfo[v].df;
        if (!langs[iw->lang].word_count)
            langs[iw->lang].word_first = w;
        langs[iw->lang].word_count++;
    }
    uint32_t *qs = (uint32_t *)bl->qseq.p;
    for (size_t i = 0; i < bl->qseq.len / sizeof *qs; i++)
        if (qs[i] != IX_NONE)
            qs[i] = term_rank[qs[i]];
    size_t th_cap, wh_cap;
    term_hash = hash_table(&bl->terms, &bl->strings, term_order, &th_cap);
    word_hash = hash_table(&bl->words, &bl->strings, word_order, &wh_cap);
    idv = malloc((n_entries + 1) * sizeof *idv);
    ids = malloc((n_entries + 1) * sizeof *ids);
    if (!term_hash || !word_hash || !idv || !ids || postings.oom || strings.oom)
        goto oom;
    for (uint32_t i = 0; i < n_entries; i++)
        idv[i] = (id_sort){(const char *)strings.p + entries[i].id.off, entries[i].id.len,
                           entries[i].lang, i};
    qsort(idv, n_entries, sizeof *idv, cmp_id);
    for (uint32_t i = 0; i < n_entries; i++)
        ids[i] = idv[i].entry;

    /* Lay the file out. */
    ix_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, FAQ_INDEX_MAGIC, 8);
    h.version = FAQ_INDEX_VERSION;
    h.header_size = sizeof h;
    h.build_time = (uint64_t)time(NULL);
    h.n_langs = n_langs;
    h.n_entries = (uint32_t)n_entries;
    h.n_groups = n_groups;
    h.n_terms = n_terms;
    h.n_words = n_words;
    h.n_sections = IX_SECTIONS;
    h.settings = settings;
    struct { const void *p; size_t n; } sec[IX_SECTIONS] = {
        [IX_STRINGS] = {strings.p, strings.len},
        [IX_LANGS] = {langs, n_langs * sizeof *langs},
        [IX_ENTRIES] = {entries, n_entries * sizeof *entries},
        [IX_GROUPS] = {groups, (size_t)n_groups * n_langs * sizeof *groups},
        [IX_TERMS] = {terms, (size_t)n_terms * sizeof *terms},
        [IX_TERMHASH] = {term_hash, th_cap * sizeof *term_hash},
        [IX_POSTINGS] = {postings.p, postings.len},
        [IX_WORDS] = {words, (size_t)n_words * sizeof *words},
        [IX_WORDHASH] = {word_hash, wh_cap * sizeof *word_hash},
        [IX_QSEQ] = {bl->qseq.p, bl->qseq.len},
        [IX_IDS] = {ids, n_entries * sizeof *ids},
    };
    /* Offsets first: sections start on 8-byte boundaries, zeros between. */
    uint64_t at = sizeof h;
    for (int k = 0; k < IX_SECTIONS; k++) {
        h.sec[k].off = at;
        h.sec[k].len = sec[k].n;
        at = (at + sec[k].n + 7) & ~(uint64_t)7;
    }
    h.file_size = at;
    ix_sum sum;
    ix_sum_init(&sum, at - sizeof h);
    for (int k = 0; k < IX_SECTIONS; k++) {
        size_t whole = sec[k].n & ~(size_t)7;
        unsigned char last[8] = {0};
        ix_sum_words(&sum, sec[k].p, whole);
        if (sec[k].n > whole) {
            memcpy(last, (const unsigned char *)sec[k].p + whole, sec[k].n - whole);
            ix_sum_words(&sum, last, 8);
        }
    }
    h.checksum = ix_sum_final(&sum, NULL, 0);

    /* Write beside the target, fsync, rename over it, fsync the folder. */
    if (snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >= (int)sizeof tmp) {
        snprintf(err, errlen, "%s: path too long", path);
        goto out;
    }
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int werr = fd < 0 || write_all(fd, &h, sizeof h) != 0;
    for (int k = 0; k < IX_SECTIONS && !werr; k++) {
        static const unsigned char zero[8];
        size_t pad = (8 - sec[k].n % 8) % 8;
        werr = write_all(fd, sec[k].p, sec[k].n) != 0 || write_all(fd, zero, pad) != 0;
    }
    if (werr || fsync(fd) != 0) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        goto out;
    }
    if (close(fd) != 0) {
        fd = -1;
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        goto out;
    }
    fd = -1;
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        goto out;
    }
    tmp[0] = '\0';
    {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash)
            *(slash == dir ? slash + 1 : slash) = '\0';
        else
            strcpy(dir, ".");
        int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            fsync(dfd);   /* makes the rename durable; best effort */
            close(dfd);
        }
    }
    if (st) {
        st->entries = (uint32_t)n_entries;
        st->langs = n_langs;
        st->terms = n_terms;
        st->bytes = h.file_size;
    }
    rc = 0;
    goto out;
oom:
    snprintf(err, errlen, "out of memory while building the index");
out:
    if (fd >= 0)
        close(fd);
    if (tmp[0])
        unlink(tmp);
    for (int k = 0; k < BUILD_THREADS; k++)
        builder_free(&bs[k], c->n_langs);
    free(langs);
    free(entries);
    free(groups);
    free(term_order);
    free(term_rank);
    free(word_order);
    free(word_rank);
    free(term_hash);
    free(word_hash);
    free(post_start);
    free(sorted);
    free(terms);
    free(words);
    free(idv);
    free(ids);
    free(qlen);
    free(alen);
    free(avg_q);
    free(avg_a);
    free(postings.p);
    free(strings.p);
    keymap_free(&group_ids);
    return rc;
}
