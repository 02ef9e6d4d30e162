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
#include "json_escape.h"
#include "lemma.h"
#include "limits.h"
#include "markdown.h"
#include "translate.h"

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
    uint32_t shown_entry; /* entry + 1 of the last one whose shown words hold it */
} word_info;

typedef struct builder {
    bytes strings;
    keymap terms, words;
    word_info *winfo;
    size_t winfo_cap;
    posting_rec *recs;
    size_t n_recs, recs_cap;
    /* past recs_limit records (0: none), they go to a spill file: the
     * index's path + ".spill.XXXXXX", unlinked as soon as made */
    size_t recs_limit;
    const char *path;
    FILE *spill;
    size_t n_spilled;
    uint32_t *tmap;               /* its term numbers in builder 0's, or NULL */
    bytes qseq;                   /* u32 provisional term numbers */
    bytes ewords;                 /* u32 provisional word numbers (EWORDS) */
    uint32_t *ewords_len;         /* per entry, its count in ewords */
    /* the entry being analyzed */
    uint32_t lang, entry;
    int field;                    /* 0 question, 1 answer */
    int in_qseq;                  /* record question terms into qseq */
    int in_shown;                 /* record words into ewords (question, answer) */
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
        b->winfo[w] = (word_info){term, 0, UINT32_MAX, 0};
    }
    if (b->winfo[w].last_entry != b->entry) {
        b->winfo[w].last_entry = b->entry;
        b->winfo[w].df++;
    }
    if (b->in_shown && b->winfo[w].shown_entry != b->entry + 1) {
        b->winfo[w].shown_entry = b->entry + 1;
        bytes_put(&b->ewords, &w, sizeof w);
        b->ewords_len[b->entry]++;
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

/* A temporary file beside the index, gone from the folder at once, so that
 * neither a failure nor a crash leaves it behind. */
static FILE *spill_open(const char *path)
{
    char name[4200];
    if (snprintf(name, sizeof name, "%s.spill.XXXXXX", path) >= (int)sizeof name)
        return NULL;
    int fd = mkstemp(name);
    if (fd < 0)
        return NULL;
    unlink(name);
    FILE *f = fdopen(fd, "w+b");
    if (!f)
        close(fd);
    return f;
}

/* The builder's records in memory to its spill file. */
static int spill_recs(builder *b)
{
    if (!b->spill && !(b->spill = spill_open(b->path)))
        return -1;
    if (fwrite(b->recs, sizeof *b->recs, b->n_recs, b->spill) != b->n_recs)
        return -1;
    b->n_spilled += b->n_recs;
    b->n_recs = 0;
    return 0;
}

static int add_postings(builder *b, uint32_t group)
{
    if (b->recs_limit && b->n_recs && b->n_recs + b->n_etf > b->recs_limit && spill_recs(b) != 0)
        return -1;
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
        b->in_shown = 1;
        analyzer_run(b->an[l], ce->question, strlen(ce->question), on_token, b);
        b->in_shown = 0;
        for (size_t k = 0; k < ce->n_alts && !b->oom; k++) {
            bytes_put(&b->qseq, &sep, sizeof sep);
            analyzer_run(b->an[l], ce->alts[k], strlen(ce->alts[k]), on_token, b);
        }
        b->in_qseq = 0;
        b->in_shown = 1;
        b->field = 1;
        if (!b->oom)
            analyzer_run(b->an[l], ce->answer, strlen(ce->answer), on_token, b);
        b->in_shown = 0;
        if (b->oom || b->qseq.oom || b->ewords.oom || add_postings(b, ie->group) != 0) {
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
 * maps, its question sequences appended (o's entries follow b's, so the
 * order of entries is kept). Its postings stay where they are, read
 * through o->tmap, the renumbering, which it keeps. */
static int merge_builder(builder *b, builder *o)
{
    int rc = -1, added;
    uint32_t *tmap = malloc((o->terms.count + 1) * sizeof *tmap);
    uint32_t *wmap = malloc((o->words.count + 1) * sizeof *wmap);
    if (!tmap || !wmap) {
        free(tmap);
        free(wmap);
        return -1;
    }
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
            b->winfo[v] = (word_info){tmap[o->winfo[w].term], 0, UINT32_MAX, 0};
        b->winfo[v].df += o->winfo[w].df;
        wmap[w] = v;
    }
    const uint32_t *ew = (const uint32_t *)o->ewords.p;
    for (size_t i = 0; i < o->ewords.len / sizeof *ew; i++)
        bytes_put(&b->ewords, &wmap[ew[i]], sizeof *ew);
    uint32_t base = (uint32_t)(b->qseq.len / sizeof(uint32_t));
    const uint32_t *q = (const uint32_t *)o->qseq.p;
    for (size_t i = 0; i < o->qseq.len / sizeof *q; i++) {
        uint32_t v = q[i] == IX_NONE ? IX_NONE : tmap[q[i]];
        bytes_put(&b->qseq, &v, sizeof v);
    }
    for (uint32_t e = o->e_first; e < o->e_end; e++)
        b->entries[e].qseq_off += base;
    rc = b->qseq.oom || b->ewords.oom ? -1 : 0;
out:
    free(wmap);
    if (rc)
        free(tmap);
    else
        o->tmap = tmap;
    return rc;
}

/* ---- posting records by final term number, in runs within the budget ---- */

typedef int (*rec_fn)(void *ctx, posting_rec r);

/* Every posting record of the builders, with its final term number, to fn:
 * each builder's spilled records, then those still in memory. */
static int recs_each(builder *bs, int n_builders, const uint32_t *term_rank, rec_fn fn, void *ctx)
{
    posting_rec buf[4096];
    for (int k = 0; k < n_builders; k++) {
        builder *b = &bs[k];
        if (b->spill && (fflush(b->spill) != 0 || fseek(b->spill, 0, SEEK_SET) != 0))
            return -1;
        for (size_t left = b->n_spilled; left;) {
            size_t m = left < 4096 ? left : 4096;
            if (fread(buf, sizeof *buf, m, b->spill) != m)
                return -1;
            for (size_t i = 0; i < m; i++) {
                buf[i].term = term_rank[b->tmap ? b->tmap[buf[i].term] : buf[i].term];
                if (fn(ctx, buf[i]) != 0)
                    return -1;
            }
            left -= m;
        }
        for (size_t i = 0; i < b->n_recs; i++) {
            posting_rec r = b->recs[i];
            r.term = term_rank[b->tmap ? b->tmap[r.term] : r.term];
            if (fn(ctx, r) != 0)
                return -1;
        }
    }
    return 0;
}

static int count_rec(void *ctx, posting_rec r)
{
    ((uint32_t *)ctx)[r.term + 1]++;
    return 0;
}

/* More runs than this and the budget is raised: each is an open file. */
#define MAX_RUNS 128

/* The terms cut in runs of consecutive final numbers whose records fit the
 * budget: run i holds terms [first[i], first[i + 1]). With more than one
 * run, the records are first distributed to one file per run, in one pass
 * over them; then each run is read back and counting-sorted in memory: two
 * passes, linear time. */
typedef struct runs {
    uint32_t *first;
    int n_runs;
    int at;                       /* runs loaded so far */
    FILE **files;                 /* with n_runs > 1: each run's records */
} runs;

static int runs_plan(runs *rp, const uint32_t *post_start, uint32_t n_terms, size_t limit)
{
    size_t total = post_start[n_terms];
    if (!limit)
        limit = total + 1;
    else if (limit < total / MAX_RUNS + 1)
        limit = total / MAX_RUNS + 1;
    rp->first = malloc(((size_t)n_terms + 2) * sizeof *rp->first);
    if (!rp->first)
        return -1;
    int n = 0;
    size_t acc = 0;
    rp->first[0] = 0;
    for (uint32_t t = 0; t < n_terms; t++) {
        size_t c = post_start[t + 1] - post_start[t];
        if (acc && acc + c > limit) {
            rp->first[++n] = t;
            acc = 0;
        }
        acc += c;
    }
    rp->n_runs = n + 1;
    rp->first[rp->n_runs] = n_terms;
    rp->at = 0;
    return 0;
}

typedef struct run_sink {
    const runs *rp;
    int failed;
} run_sink;

static int distribute_rec(void *ctx, posting_rec r)
{
    const runs *rp = ((run_sink *)ctx)->rp;
    int lo = 0, hi = rp->n_runs - 1;   /* the last run whose first <= r.term */
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (rp->first[mid] <= r.term)
            lo = mid;
        else
            hi = mid - 1;
    }
    return fwrite(&r, sizeof r, 1, rp->files[lo]) == 1 ? 0 : -1;
}

static int runs_distribute(runs *rp, builder *bs, int n_builders, const uint32_t *term_rank,
                           const char *path)
{
    rp->files = calloc((size_t)rp->n_runs, sizeof *rp->files);
    if (!rp->files)
        return -1;
    for (int i = 0; i < rp->n_runs; i++)
        if (!(rp->files[i] = spill_open(path)))
            return -1;
    run_sink sink = {rp, 0};
    return recs_each(bs, n_builders, term_rank, distribute_rec, &sink);
}

typedef struct run_fill {
    posting_rec *sorted;
    uint32_t *fill;               /* per term of the run, its next slot */
    uint32_t lo;                  /* the run's first term */
} run_fill;

static int fill_rec(void *ctx, posting_rec r)
{
    run_fill *f = ctx;
    f->sorted[f->fill[r.term - f->lo]++] = r;
    return 0;
}

/* The next run's records, sorted by term (then in the order they came), or
 * NULL when memory or the spill file failed. */
static posting_rec *runs_load(runs *rp, builder *bs, int n_builders, const uint32_t *term_rank,
                              const uint32_t *post_start)
{
    int i = rp->at++;
    uint32_t lo = rp->first[i], hi = rp->first[i + 1], base = post_start[lo];
    run_fill f = {malloc(((size_t)post_start[hi] - base + 1) * sizeof *f.sorted),
                  malloc(((size_t)hi - lo + 1) * sizeof *f.fill), lo};
    int ok = f.sorted && f.fill;
    for (uint32_t t = lo; ok && t < hi; t++)
        f.fill[t - lo] = post_start[t] - base;
    if (ok && rp->n_runs == 1) {
        ok = recs_each(bs, n_builders, term_rank, fill_rec, &f) == 0;
    } else if (ok) {
        FILE *in = rp->files[i];
        posting_rec buf[4096];
        size_t m;
        ok = fflush(in) == 0 && fseek(in, 0, SEEK_SET) == 0;
        while (ok && (m = fread(buf, sizeof *buf, 4096, in)) > 0)
            for (size_t j = 0; j < m; j++)
                fill_rec(&f, buf[j]);
        ok = ok && !ferror(in);
        fclose(in);
        rp->files[i] = NULL;
    }
    free(f.fill);
    if (!ok) {
        free(f.sorted);
        return NULL;
    }
    return f.sorted;
}

static void runs_free(runs *rp)
{
    for (int i = 0; rp->files && i < rp->n_runs; i++)
        if (rp->files[i])
            fclose(rp->files[i]);
    free(rp->files);
    free(rp->first);
}

static void builder_free(builder *b, size_t n_langs)
{
    if (b->an)
        for (size_t l = 0; l < n_langs; l++)
            analyzer_free(b->an[l]);
    free(b->an);
    free(b->strings.p);
    free(b->qseq.p);
    free(b->ewords.p);
    free(b->recs);
    free(b->tmap);
    if (b->spill)
        fclose(b->spill);
    free(b->winfo);
    free(b->etf_terms);
    free(b->etf);
    free(b->seen_entry);
    free(b->seen_slot);
    keymap_free(&b->terms);
    keymap_free(&b->words);
}

/* A key as sort_keys() compares it: qsort has no context argument, so
 * each carries its bytes (no global, so two builds may run at once). */
typedef struct sort_key {
    uint32_t lang, len;
    const unsigned char *p;
    uint32_t v;                   /* its provisional number */
} sort_key;

static int cmp_key(const void *x, const void *y)
{
    const sort_key *a = x, *b = y;
    if (a->lang != b->lang)
        return a->lang < b->lang ? -1 : 1;
    int c = memcmp(a->p, b->p, a->len < b->len ? a->len : b->len);
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
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
    sort_key *k = malloc((m->count + 1) * sizeof *k);
    if (!k)
        return -1;
    for (size_t i = 0; i < m->count; i++)
        k[i] = (sort_key){m->langs[i], m->keys[i].len, strings->p + m->keys[i].off, (uint32_t)i};
    qsort(k, m->count, sizeof *k, cmp_key);
    for (size_t i = 0; i < m->count; i++) {
        (*order)[i] = k[i].v;
        (*rank)[k[i].v] = (uint32_t)i;
    }
    free(k);
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

/* ---- the file, written section by section ---- */

/* The index file being written: sections one after the other, each summed
 * as it goes (ix_sum over whole 8-byte words, the odd bytes carried), the
 * header written last at offset 0 when every offset and sum is known.
 * Sticky: after a failed write every call is a no-op and err says why. */
typedef struct ix_out {
    int fd;
    uint64_t at;                 /* bytes of the file so far */
    int sec;                     /* the section being written */
    ix_sum sum;
    unsigned char carry[8];
    size_t n_carry;
    int failed;                  /* errno of the first failure, or 0 */
} ix_out;

static void out_raw(ix_out *o, const void *p, size_t n)
{
    if (o->failed)
        return;
    if (write_all(o->fd, p, n) != 0) {
        o->failed = errno ? errno : EIO;
        return;
    }
    o->at += n;
}

static void out_begin(ix_out *o, ix_header *h, int k)
{
    o->sec = k;
    h->sec[k].off = o->at;
    ix_sum_init(&o->sum);
    o->n_carry = 0;
}

/* Bytes of the current section. */
static void out_put(ix_out *o, const void *p, size_t n)
{
    const unsigned char *b = p;
    if (!n)
        return;
    out_raw(o, b, n);
    if (o->n_carry) {
        size_t k = 8 - o->n_carry < n ? 8 - o->n_carry : n;
        memcpy(o->carry + o->n_carry, b, k);
        o->n_carry += k;
        b += k;
        n -= k;
        if (o->n_carry < 8)
            return;
        ix_sum_words(&o->sum, o->carry, 8);
        o->n_carry = 0;
    }
    ix_sum_words(&o->sum, b, n & ~(size_t)7);
    memcpy(o->carry, b + (n & ~(size_t)7), n & 7);
    o->n_carry = n & 7;
}

/* Ends the section: its length and sum, then zeros to the next 8 bytes. */
static void out_end(ix_out *o, ix_header *h)
{
    static const unsigned char zero[8];
    int k = o->sec;
    h->sec[k].len = o->at - h->sec[k].off;
    h->sec[k].sum = ix_sum_final(&o->sum, o->carry, o->n_carry, h->sec[k].len);
    out_raw(o, zero, (8 - o->at % 8) % 8);
}

static void out_section(ix_out *o, ix_header *h, int k, const void *p, size_t n)
{
    out_begin(o, h, k);
    out_put(o, p, n);
    out_end(o, h);
}

/* Appends s to b as a JSON string literal; its length. */
static uint32_t json_add(bytes *b, const char *s, size_t n)
{
    char *at = bytes_grow(b, JSON_ESCAPED_MAX(n));
    if (!at)
        return 0;
    size_t k = json_escape(at, s, n);
    b->len -= JSON_ESCAPED_MAX(n) - k;
    return (uint32_t)k;
}

/* SHOWNTEXT, streamed, and SHOWN: each entry's id, question, answer and
 * answer HTML as the answer object writes them, rendered and escaped once
 * here rather than on every request; an entry's texts at a time, so that
 * they never are all in memory. Returns 0, or -1 when memory ran out. */
static int out_shown(ix_out *o, ix_header *h, const corpus *c, size_t n_entries)
{
    ix_shown *sh = calloc(n_entries + 1, sizeof *sh);
    bytes text = {0};
    int rc = sh ? 0 : -1;
    out_begin(o, h, IX_SHOWNTEXT);
    size_t e = 0;
    for (size_t l = 0; l < c->n_langs && !rc; l++)
        for (size_t i = 0; i < c->langs[l].n_entries && !rc; i++, e++) {
            const corpus_entry *ce = &c->langs[l].entries[i];
            size_t alen = strlen(ce->answer);
            char *html = markdown_to_safe_html(ce->answer, alen);
            if (!html) {
                rc = -1;
                break;
            }
            size_t hlen = strlen(html);
            text.len = 0;
            sh[e].off = o->at - h->sec[IX_SHOWNTEXT].off;
            sh[e].id = json_add(&text, ce->id, strlen(ce->id));
            sh[e].question = json_add(&text, ce->question, strlen(ce->question));
            sh[e].answer = json_add(&text, ce->answer, alen);
            /* jansson refuses a string that is not UTF-8, and the field was
             * left out: so it stays */
            sh[e].html = utf8_valid(html, hlen) ? json_add(&text, html, hlen) : IX_NONE;
            free(html);
            if (text.oom)
                rc = -1;
            else
                out_put(o, text.p, text.len);
        }
    out_end(o, h);
    if (!rc)
        out_section(o, h, IX_SHOWN, sh, n_entries * sizeof *sh);
    free(text.p);
    free(sh);
    return rc;
}


int index_write(const corpus *c, const char *path, index_stats *st, char *err, size_t errlen)
{
    return index_write_budget(c, path, INDEX_MEMORY_DEFAULT, st, err, errlen);
}

/* ---- the build, in phases ---- */

/* Everything one build holds, for its phases: each does nothing once rc is
 * set (the first failure, its message in err), so the driver calls them in
 * a row and looks once at the end. */
typedef struct ixb {
    const corpus *c;
    const char *path;
    size_t memory;
    index_stats *st;
    char *err;
    size_t errlen;
    int rc;
    builder bs[BUILD_THREADS];    /* bs[0] holds the others' terms, merged */
    int n_builders;
    /* STRINGS: the entry texts first, then terms and words. The texts are
     * the corpus's, which stays in memory: they are counted here (text_len)
     * and copied from the corpus when the file is written, so the build
     * holds them once; strings holds what follows them. */
    uint64_t text_len;
    bytes strings;
    bytes idbuf;                  /* the ids, once each: group_ids' keys */
    ix_str *gid_str;              /* per group, its id in STRINGS */
    ix_lang *langs;
    ix_entry *entries;
    keymap group_ids;
    uint32_t n_langs, n_faq_all, n_groups, n_terms, n_words;
    size_t n_entries;
    uint32_t *qlen, *alen;        /* field lengths per entry */
    uint32_t *ewords_off;         /* EWORDOFF: per entry, its start in EWORDS */
    double *avg_q, *avg_a;        /* per language */
    uint32_t *groups, *term_order, *term_rank, *word_order, *word_rank, *term_hash, *word_hash,
             *post_start, *ids;
    size_t th_cap, wh_cap;
    id_sort *idv;
    runs rp;
    posting_rec *sorted;
    ix_term *terms;
    ix_word *words;
    translate_table xt;           /* the translation tables */
    uint32_t n_pack_langs;        /* languages added from the packs, to be asked in */
    ix_xlate *xlates;
    uint32_t *xlate_hash;
    size_t xh_cap;
    bytes postings;
    char tmp[4096];               /* the temporary file, until renamed */
    int fd;
} ixb;

static void ixb_oom(ixb *ib)
{
    snprintf(ib->err, ib->errlen, "out of memory while building the index");
    ib->rc = -1;
}

static void ixb_spill_failed(ixb *ib)
{
    snprintf(ib->err, ib->errlen, "%s.spill.*: temporary file: %s", ib->path,
             strerror(errno ? errno : EIO));
    ib->rc = -1;
}

/* The place in STRINGS of n bytes of entry text, counted, not copied. */
static ix_str text_add(ixb *ib, size_t n)
{
    ix_str r = {(uint32_t)ib->text_len, (uint32_t)n};
    ib->text_len += n;
    return r;
}

static void text_put(ix_out *o, const char *s)
{
    out_put(o, s, strlen(s));
}

/* STRINGS: the entry texts from the corpus, in pass 1's order (an id where
 * its group's first entry put it), then terms and words. */
static void strings_out(ixb *ib, ix_out *o, ix_header *h)
{
    out_begin(o, h, IX_STRINGS);
    uint32_t e = 0;
    for (uint32_t l = 0; l < ib->n_langs; l++) {
        const corpus_lang *cl = &ib->c->langs[l];
        if (cl->stopwords)
            text_put(o, cl->stopwords);
        if (cl->synonyms)
            text_put(o, cl->synonyms);
        if (cl->messages)
            text_put(o, cl->messages);
        for (size_t i = 0; i < cl->n_entries; i++, e++) {
            const corpus_entry *ce = &cl->entries[i];
            if (ib->entries[e].id.off == o->at - h->sec[IX_STRINGS].off)
                text_put(o, ce->id);
            text_put(o, ce->question);
            text_put(o, ce->file);
            for (size_t k = 0; k < ce->n_alts; k++) {
                if (k)
                    out_put(o, "\n", 1);
                text_put(o, ce->alts[k]);
            }
        }
    }
    for (uint32_t l = 0; l < ib->n_langs; l++)
        for (size_t i = 0; i < ib->c->langs[l].n_entries; i++)
            text_put(o, ib->c->langs[l].entries[i].answer);
    out_put(o, ib->strings.p, ib->strings.len);
    out_end(o, h);
}

/* Pass 1: the languages, and the entries' texts and ids in corpus order. */
static void ixb_entries(ixb *ib)
{
    if (ib->rc)
        return;
    if (ib->c->n_langs > FAQ_MAX_LANGS) {
        snprintf(ib->err, ib->errlen, "too many languages (%zu, at most %d)", ib->c->n_langs, FAQ_MAX_LANGS);
        { ib->rc = -1; return; }
    }
    ib->n_entries = 0;
    for (size_t l = 0; l < ib->c->n_langs; l++)
        ib->n_entries += ib->c->langs[l].n_entries;
    if (ib->n_entries > FAQ_MAX_ENTRIES) {
        snprintf(ib->err, ib->errlen, "too many entries (%zu, at most %u)", ib->n_entries, FAQ_MAX_ENTRIES);
        { ib->rc = -1; return; }
    }
    ib->n_langs = (uint32_t)ib->c->n_langs;
    ib->langs = calloc(ib->n_langs + 1, sizeof *ib->langs);
    ib->entries = calloc(ib->n_entries + 1, sizeof *ib->entries);
    ib->qlen = calloc(ib->n_entries + 1, sizeof *ib->qlen);
    ib->ewords_off = calloc(ib->n_entries + 1, sizeof *ib->ewords_off);
    ib->alen = calloc(ib->n_entries + 1, sizeof *ib->alen);
    ib->avg_q = calloc(ib->n_langs + 1, sizeof *ib->avg_q);
    ib->avg_a = calloc(ib->n_langs + 1, sizeof *ib->avg_a);
    ib->gid_str = calloc(ib->n_entries + 1, sizeof *ib->gid_str);
    if (!ib->langs || !ib->entries || !ib->qlen || !ib->ewords_off || !ib->alen || !ib->avg_q || !ib->avg_a ||
        !ib->gid_str)
        { ixb_oom(ib); return; }

    /* Pass 1: the entries' texts and ids, in corpus order; strings_pass1()
     * writes the same bytes in the same order. */
    uint32_t e = 0;
    for (uint32_t l = 0; l < ib->n_langs; l++) {
        const corpus_lang *cl = &ib->c->langs[l];
        ix_lang *il = &ib->langs[l];
        snprintf(il->code, sizeof il->code, "%s", cl->code);
        if (cl->stopwords)
            il->stopwords = text_add(ib, strlen(cl->stopwords));
        if (cl->synonyms)
            il->synonyms = text_add(ib, strlen(cl->synonyms));
        if (cl->messages)
            il->messages = text_add(ib, strlen(cl->messages));
        il->entry_first = e;
        il->entry_count = (uint32_t)cl->n_entries;
        for (size_t i = 0; i < cl->n_entries; i++, e++) {
            const corpus_entry *ce = &cl->entries[i];
            ix_entry *ie = &ib->entries[e];
            int added;
            uint32_t g = keymap_get(&ib->group_ids, &ib->idbuf, 0, ce->id, strlen(ce->id), &added);
            if (g == UINT32_MAX)
                { ixb_oom(ib); return; }
            if (added)
                ib->gid_str[g] = text_add(ib, strlen(ce->id));
            ie->id = ib->gid_str[g];
            ie->question = text_add(ib, strlen(ce->question));
            ie->file = text_add(ib, strlen(ce->file));
            ie->alts.off = (uint32_t)ib->text_len;
            for (size_t k = 0; k < ce->n_alts; k++)
                ib->text_len += (k > 0) + strlen(ce->alts[k]);
            ie->alts.len = (uint32_t)(ib->text_len - ie->alts.off);
            ie->line = ce->line;
            ie->lang = l;
            ie->group = g;
            ie->kind = (uint32_t)ce->kind;
            if (ib->idbuf.oom)
                { ixb_oom(ib); return; }
            if (ce->kind == ENTRY_FAQ) {
                il->n_faq++;
                ib->n_faq_all++;
            }
        }
    }
    /* The answers after every id and question: ranking and listing read
     * those, and a few pages then hold them all, while an answer's pages
     * are read only when it is shown. */
    e = 0;
    for (uint32_t l = 0; l < ib->n_langs; l++)
        for (size_t i = 0; i < ib->c->langs[l].n_entries; i++, e++)
            ib->entries[e].answer = text_add(ib, strlen(ib->c->langs[l].entries[i].answer));
}

/* Pass 2: the analysis of every entry: terms, words, posting records. */
static void ixb_analyze(ixb *ib)
{
    if (ib->rc)
        return;
    builder *bl = &ib->bs[0];
    /* Pass 2: analysis, the bulk of the work, cut among threads in runs of
     * entries of about the same size; each builder has its own analyzers,
     * maps and records, merged in entry order after. The result does not
     * depend on the cut: numbers are assigned after, by sorting. */
    ib->n_builders = ib->n_faq_all >= BUILD_THREAD_MIN_ENTRIES ? BUILD_THREADS : 1;
    {
        size_t total = 0, done = 0;
        for (uint32_t i = 0; i < ib->n_entries; i++)
            total += text_bytes(&ib->entries[i]);
        uint32_t at = 0;
        for (int k = 0; k < ib->n_builders; k++) {
            builder *bk = &ib->bs[k];
            bk->c = ib->c;
            bk->langs = ib->langs;
            bk->entries = ib->entries;
            bk->qlen = ib->qlen;
            bk->ewords_len = ib->ewords_off + 1;   /* counts, summed into starts after */
            bk->alen = ib->alen;
            bk->e_first = at;
            while (at < ib->n_entries && (k == ib->n_builders - 1 || done * ib->n_builders < total * (size_t)(k + 1))) {
                done += text_bytes(&ib->entries[at]);
                at++;
            }
            bk->e_end = at;
            bk->path = ib->path;
            bk->recs_limit = ib->memory / 2 / (size_t)ib->n_builders / sizeof(posting_rec);
            bk->an = calloc(ib->n_langs + 1, sizeof *bk->an);
            if (!bk->an || keymap_init(&bk->terms) || keymap_init(&bk->words))
                { ixb_oom(ib); return; }
            for (uint32_t l = 0; l < ib->n_langs; l++) {
                bk->an[l] = analyzer_new(ib->c->langs[l].code, ib->c->langs[l].stopwords);
                if (!bk->an[l] || analyzer_cache_stems(bk->an[l]) != 0) {
                    snprintf(ib->err, ib->errlen, "%s: no stemmer for this language", ib->c->langs[l].code);
                    { ib->rc = -1; return; }
                }
                if (analyzer_set_synonyms(bk->an[l], ib->c->langs[l].synonyms) != 0)
                    { ixb_oom(ib); return; }
            }
        }
        pthread_t th[BUILD_THREADS];
        int started[BUILD_THREADS] = {0};
        for (int k = 1; k < ib->n_builders; k++)
            started[k] = pthread_create(&th[k], NULL, analyze_range, &ib->bs[k]) == 0;
        analyze_range(&ib->bs[0]);
        for (int k = 1; k < ib->n_builders; k++) {
            if (started[k])
                pthread_join(th[k], NULL);
            else
                analyze_range(&ib->bs[k]);   /* no thread to be had: here, then */
        }
        for (int k = 0; k < ib->n_builders; k++)
            if (ib->bs[k].oom || ib->bs[k].qseq.oom || ib->bs[k].ewords.oom || ib->bs[k].strings.oom)
                { ixb_oom(ib); return; }
        for (int k = 1; k < ib->n_builders; k++)
            if (merge_builder(bl, &ib->bs[k]) != 0)
                { ixb_oom(ib); return; }
    }
}

/* Average field lengths per language (BM25's), and the groups table. */
static void ixb_lengths(ixb *ib)
{
    if (ib->rc)
        return;
    for (uint32_t i = 0; i < ib->n_entries; i++) {
        if (ib->entries[i].kind != ENTRY_FAQ)
            continue;
        ib->avg_q[ib->entries[i].lang] += ib->qlen[i];
        ib->avg_a[ib->entries[i].lang] += ib->alen[i];
    }
    for (uint32_t l = 0; l < ib->n_langs; l++) {
        if (ib->langs[l].n_faq) {
            ib->avg_q[l] /= ib->langs[l].n_faq;
            ib->avg_a[l] /= ib->langs[l].n_faq;
        }
        if (ib->avg_q[l] < 1) ib->avg_q[l] = 1;
        if (ib->avg_a[l] < 1) ib->avg_a[l] = 1;
    }
    ib->n_groups = (uint32_t)ib->group_ids.count;

    /* Groups table. */
    ib->groups = malloc(((size_t)ib->n_groups * ib->n_langs + 1) * sizeof *ib->groups);
    if (!ib->groups)
        { ixb_oom(ib); return; }
    memset(ib->groups, 0xFF, (size_t)ib->n_groups * ib->n_langs * sizeof *ib->groups);
    for (uint32_t i = 0; i < ib->n_entries; i++)
        ib->groups[(size_t)ib->entries[i].group * ib->n_langs + ib->entries[i].lang] = i;
}

/* Final term numbers, and the postings, a run of terms at a time. */
static void ixb_postings(ixb *ib)
{
    if (ib->rc)
        return;
    builder *bl = &ib->bs[0];
    /* Final term and word numbers: sorted by (lang, bytes). */
    if (sort_keys(&bl->terms, &bl->strings, &ib->term_order, &ib->term_rank) != 0 ||
        sort_keys(&bl->words, &bl->strings, &ib->word_order, &ib->word_rank) != 0)
        { ixb_oom(ib); return; }
    ib->n_terms = (uint32_t)bl->terms.count;
    ib->n_words = (uint32_t)bl->words.count;

    /* Postings: the records by final term number, a run of terms at a time
     * (one run when they fit in the budget), each run counting-sorted. */
    ib->post_start = calloc((size_t)ib->n_terms + 2, sizeof *ib->post_start);
    ib->terms = calloc((size_t)ib->n_terms + 1, sizeof *ib->terms);
    if (!ib->post_start || !ib->terms)
        { ixb_oom(ib); return; }
    if (recs_each(ib->bs, ib->n_builders, ib->term_rank, count_rec, ib->post_start) != 0)
        { ixb_spill_failed(ib); return; }
    for (uint32_t t = 0; t < ib->n_terms; t++)
        ib->post_start[t + 1] += ib->post_start[t];
    if (runs_plan(&ib->rp, ib->post_start, ib->n_terms, ib->memory / 2 / sizeof(posting_rec)) != 0)
        { ixb_oom(ib); return; }
    if (ib->rp.n_runs > 1 && runs_distribute(&ib->rp, ib->bs, ib->n_builders, ib->term_rank, ib->path) != 0)
        { ixb_spill_failed(ib); return; }
    for (int k = 0; k < ib->n_builders && ib->rp.n_runs > 1; k++) {   /* in the runs' files now */
        free(ib->bs[k].recs);
        ib->bs[k].recs = NULL;
        ib->bs[k].n_recs = 0;
    }
    for (uint32_t t = 0; t < ib->n_terms; t++) {
        if (t == ib->rp.first[ib->rp.at]) {   /* the next run: its records, sorted */
            free(ib->sorted);
            ib->sorted = runs_load(&ib->rp, ib->bs, ib->n_builders, ib->term_rank, ib->post_start);
            if (!ib->sorted)
                { ixb_spill_failed(ib); return; }
            if (ib->rp.n_runs == 1)
                for (int k = 0; k < ib->n_builders; k++) {   /* sorted holds them now */
                    free(ib->bs[k].recs);
                    ib->bs[k].recs = NULL;
                    ib->bs[k].n_recs = 0;
                }
        }
        uint32_t v = ib->term_order[t];
        ix_term *it = &ib->terms[t];
        ix_str k = bl->terms.keys[v];
        it->text = str_add(&ib->strings, (const char *)bl->strings.p + k.off, k.len);
        it->text.off += (uint32_t)ib->text_len;
        it->lang = bl->terms.langs[v];
        posting_rec *r = ib->sorted + (ib->post_start[t] - ib->post_start[ib->rp.first[ib->rp.at - 1]]);
        uint32_t n = ib->post_start[t + 1] - ib->post_start[t];
        for (uint32_t i = 1; i < n; i++) {
            if (r[i].group < r[i - 1].group) {
                qsort(r, n, sizeof *r, cmp_rec_group);
                break;
            }
        }
        it->df = n;
        double N = ib->langs[it->lang].n_faq;
        /* BM25's idf, kept above zero: in a ten-entry FAQ most words are
         * in more than half the entries. */
        it->idf = (float)log(1.0 + (N - n + 0.5) / (n + 0.5));
        while (ib->postings.len % 4)   /* block tables are read in place */
            bytes_put(&ib->postings, "", 1);
        it->post_off = ib->postings.len;
        it->n_blocks = n > IX_BLOCK ? (n + IX_BLOCK - 1) / IX_BLOCK : 0;
        size_t table = ib->postings.len;
        if (it->n_blocks && !bytes_grow(&ib->postings, it->n_blocks * sizeof(ix_block)))
            { ixb_oom(ib); return; }
        size_t data = ib->postings.len;
        uint32_t prev = 0;
        for (uint32_t first = 0; first < n; first += IX_BLOCK) {
            uint32_t count = n - first < IX_BLOCK ? n - first : IX_BLOCK;
            unsigned char pbytes[IX_BLOCK];
            uint32_t bmax = 0, delta_len = 0;
            for (uint32_t i = 0; i < count; i++) {
                const posting_rec *p = &r[first + i];
                uint32_t ent = ib->groups[(size_t)p->group * ib->n_langs + it->lang];
                double lq = ib->qlen[ent] / ib->avg_q[it->lang], la = ib->alen[ent] / ib->avg_a[it->lang];
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
            if (it->n_blocks && !ib->postings.oom) {
                ix_block blk = {last, (uint32_t)(ib->postings.len - data), (uint16_t)bmax,
                                bitmap ? IX_BLOCK_BITMAP : IX_BLOCK_DELTAS};
                memcpy(ib->postings.p + table + (first / IX_BLOCK) * sizeof blk, &blk, sizeof blk);
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
                bytes_put(&ib->postings, pbytes, count);
                bytes_put(&ib->postings, ranks, n_words64);
                bytes_put(&ib->postings, bits, n_words64 * sizeof *bits);
            } else {
                for (uint32_t i = 0; i < count; i++) {
                    bytes_varint(&ib->postings, r[first + i].group - (i ? r[first + i - 1].group : prev));
                    bytes_put(&ib->postings, &pbytes[i], 1);
                }
            }
            prev = last;
        }
        it->post_len = (uint32_t)(ib->postings.len - it->post_off);
        if (it->lang < ib->n_langs) {
            if (!ib->langs[it->lang].term_count)
                ib->langs[it->lang].term_first = t;
            ib->langs[it->lang].term_count++;
        }
    }
}

/* The words, the question sequences in final term numbers, the hash
 * tables and the id table. */
static void ixb_words(ixb *ib)
{
    if (ib->rc)
        return;
    builder *bl = &ib->bs[0];
    ib->words = calloc((size_t)ib->n_words + 1, sizeof *ib->words);
    if (!ib->words)
        { ixb_oom(ib); return; }
    lexicon *lx = NULL;
    uint32_t lx_lang = IX_NONE;
    for (uint32_t w = 0; w < ib->n_words; w++) {
        uint32_t v = ib->word_order[w];
        ix_word *iw = &ib->words[w];
        ix_str k = bl->words.keys[v];
        iw->text = str_add(&ib->strings, (const char *)bl->strings.p + k.off, k.len);
        iw->text.off += (uint32_t)ib->text_len;
        iw->lang = bl->words.langs[v];
        iw->term = ib->term_rank[bl->winfo[v].term];
        iw->df = bl->winfo[v].df;
        /* words come sorted by language: one dictionary open at a time;
         * none for a language only asked in, whose words are its small
         * talk's (a question's word is then looked up when asked) */
        if (iw->lang != lx_lang) {
            lexicon_free(lx);
            lx = NULL;
            lx_lang = iw->lang;
            if (ib->langs[lx_lang].n_faq && lexicon_open(ib->langs[lx_lang].code, NULL, &lx) != 0)
                { ixb_oom(ib); return; }
        }
        if (lx)
            iw->dict = lexicon_knows(lx, (const char *)bl->strings.p + k.off, k.len)
                           ? IX_WORD_DICT_KNOWN : IX_WORD_DICT_LACKS;
        if (!ib->langs[iw->lang].word_count)
            ib->langs[iw->lang].word_first = w;
        ib->langs[iw->lang].word_count++;
    }
    lexicon_free(lx);
    uint32_t *qs = (uint32_t *)bl->qseq.p;
    for (size_t i = 0; i < bl->qseq.len / sizeof *qs; i++)
        if (qs[i] != IX_NONE)
            qs[i] = ib->term_rank[qs[i]];
    uint32_t *ew = (uint32_t *)bl->ewords.p;
    for (size_t i = 0; i < bl->ewords.len / sizeof *ew; i++)
        ew[i] = ib->word_rank[ew[i]];
    for (size_t e = 0; e < ib->n_entries; e++)
        ib->ewords_off[e + 1] += ib->ewords_off[e];
    ib->term_hash = hash_table(&bl->terms, &bl->strings, ib->term_order, &ib->th_cap);
    ib->word_hash = hash_table(&bl->words, &bl->strings, ib->word_order, &ib->wh_cap);
    ib->idv = malloc((ib->n_entries + 1) * sizeof *ib->idv);
    ib->ids = malloc((ib->n_entries + 1) * sizeof *ib->ids);
    if (!ib->term_hash || !ib->word_hash || !ib->idv || !ib->ids || ib->postings.oom || ib->strings.oom)
        { ixb_oom(ib); return; }
    uint32_t e = 0;   /* the ids from the corpus: the same bytes as STRINGS' */
    for (uint32_t l = 0; l < ib->n_langs; l++)
        for (size_t k = 0; k < ib->c->langs[l].n_entries; k++, e++)
            ib->idv[e] = (id_sort){ib->c->langs[l].entries[k].id, ib->entries[e].id.len, l, e};
    qsort(ib->idv, ib->n_entries, sizeof *ib->idv, cmp_id);
    for (uint32_t i = 0; i < ib->n_entries; i++)
        ib->ids[i] = ib->idv[i].entry;
}

/* The index's term t: translate.h's question, once the terms have their
 * final numbers. */
static void term_text(void *ctx, uint32_t t, uint32_t *lang, const char **s, size_t *n)
{
    ixb *ib = ctx;
    const builder *bl = &ib->bs[0];
    uint32_t v = ib->term_order[t];
    *lang = bl->terms.langs[v];
    *s = (const char *)bl->strings.p + bl->terms.keys[v].off;
    *n = bl->terms.keys[v].len;
}

/* The translation tables (XLATE, XLTERMS, XLHASH): from every language
 * of the index into each one with FAQ entries. */
static void ixb_translations(ixb *ib)
{
    if (ib->rc)
        return;
    translate_lang tl[FAQ_MAX_LANGS];
    for (uint32_t l = 0; l < ib->n_langs; l++)
        tl[l] = (translate_lang){ib->c->langs[l].code, ib->c->langs[l].stopwords,
                                 ib->c->langs[l].synonyms, ib->langs[l].n_faq > 0};
    if (translate_build(NULL, tl, ib->n_langs, ib->n_terms, term_text, ib, &ib->xt) != 0)
        { ixb_oom(ib); return; }
    size_t n = ib->xt.n_rows;
    ib->xh_cap = 16;
    while (ib->xh_cap < n * 2)
        ib->xh_cap <<= 1;
    ib->xlates = calloc(n + 1, sizeof *ib->xlates);
    ib->xlate_hash = calloc(ib->xh_cap, sizeof *ib->xlate_hash);
    if (!ib->xlates || !ib->xlate_hash)
        { ixb_oom(ib); return; }
    for (size_t r = 0; r < n; r++) {
        const translate_row *x = &ib->xt.rows[r];
        const char *key = ib->xt.keys + x->key_off;
        ix_xlate *ox = &ib->xlates[r];
        ox->text = str_add(&ib->strings, key, x->key_len);
        ox->text.off += (uint32_t)ib->text_len;
        ox->lang = x->lang;
        ox->first = x->first;
        ox->count = x->count;
        ox->both = x->both;
        size_t i = ix_hash(x->lang, key, x->key_len) & (ib->xh_cap - 1);
        while (ib->xlate_hash[i])
            i = (i + 1) & (ib->xh_cap - 1);
        ib->xlate_hash[i] = (uint32_t)r + 1;
    }
    if (ib->strings.oom)
        ixb_oom(ib);
}

/* The file: written beside the target, fsync'ed, renamed over it. */
static void ixb_write(ixb *ib)
{
    if (ib->rc)
        return;
    builder *bl = &ib->bs[0];
    /* the corpus's settings.txt, after the terms and words in STRINGS */
    ix_str settings = {0, 0};
    if (ib->c->settings) {
        settings = str_add(&ib->strings, ib->c->settings, strlen(ib->c->settings));
        settings.off += (uint32_t)ib->text_len;
        if (ib->strings.oom)
            { ixb_oom(ib); return; }
    }
    /* Lay the file out. */
    ix_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, FAQ_INDEX_MAGIC, 8);
    h.version = FAQ_INDEX_VERSION;
    h.header_size = sizeof h;
    /* SOURCE_DATE_EPOCH, the reproducible-builds convention: two builds of
     * one corpus are then the same file, byte for byte */
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    h.build_time = epoch && *epoch ? strtoull(epoch, NULL, 10) : (uint64_t)time(NULL);
    h.n_langs = ib->n_langs;
    h.n_entries = (uint32_t)ib->n_entries;
    h.n_groups = ib->n_groups;
    h.n_terms = ib->n_terms;
    h.n_words = ib->n_words;
    h.n_sections = IX_SECTIONS;
    h.n_xlates = (uint32_t)ib->xt.n_rows;
    h.n_xlterms = (uint32_t)ib->xt.n_terms;
    h.settings = settings;
    struct { const void *p; size_t n; } sec[IX_SHOWNTEXT] = {
        [IX_STRINGS] = {NULL, 0},   /* written by strings_out() */
        [IX_LANGS] = {ib->langs, ib->n_langs * sizeof *ib->langs},
        [IX_ENTRIES] = {ib->entries, ib->n_entries * sizeof *ib->entries},
        [IX_GROUPS] = {ib->groups, (size_t)ib->n_groups * ib->n_langs * sizeof *ib->groups},
        [IX_TERMS] = {ib->terms, (size_t)ib->n_terms * sizeof *ib->terms},
        [IX_TERMHASH] = {ib->term_hash, ib->th_cap * sizeof *ib->term_hash},
        [IX_POSTINGS] = {ib->postings.p, ib->postings.len},
        [IX_WORDS] = {ib->words, (size_t)ib->n_words * sizeof *ib->words},
        [IX_WORDHASH] = {ib->word_hash, ib->wh_cap * sizeof *ib->word_hash},
        [IX_QSEQ] = {bl->qseq.p, bl->qseq.len},
        [IX_IDS] = {ib->ids, ib->n_entries * sizeof *ib->ids},
        [IX_EWORDOFF] = {ib->ewords_off, (ib->n_entries + 1) * sizeof *ib->ewords_off},
        [IX_EWORDS] = {bl->ewords.p, bl->ewords.len},
        [IX_XLATE] = {ib->xlates, ib->xt.n_rows * sizeof *ib->xlates},
        [IX_XLTERMS] = {ib->xt.terms, ib->xt.n_terms * sizeof *ib->xt.terms},
        [IX_XLHASH] = {ib->xlate_hash, ib->xh_cap * sizeof *ib->xlate_hash},
    };

    /* Write beside the target: a header of zeros, the sections, the header
     * for real; fsync, rename over the target, fsync the folder. */
    if (snprintf(ib->tmp, sizeof ib->tmp, "%s.tmp.%ld", ib->path, (long)getpid()) >= (int)sizeof ib->tmp) {
        snprintf(ib->err, ib->errlen, "%s: path too long", ib->path);
        { ib->rc = -1; return; }
    }
    ib->fd = open(ib->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (ib->fd < 0) {
        snprintf(ib->err, ib->errlen, "%s: %s", ib->tmp, strerror(errno));
        ib->tmp[0] = '\0';
        { ib->rc = -1; return; }
    }
    ix_out o = {ib->fd, 0, 0, {0}, {0}, 0, 0};
    out_raw(&o, &h, sizeof h);
    strings_out(ib, &o, &h);
    for (int k = IX_STRINGS + 1; k < IX_SHOWNTEXT; k++)
        out_section(&o, &h, k, sec[k].p, sec[k].n);
    if (out_shown(&o, &h, ib->c, ib->n_entries) != 0)
        { ixb_oom(ib); return; }
    h.file_size = o.at;
    h.checksum = ix_checksum((const unsigned char *)&h + IX_HEADER_SUMMED, sizeof h - IX_HEADER_SUMMED);
    if (!o.failed && pwrite(ib->fd, &h, sizeof h, 0) != (ssize_t)sizeof h)
        o.failed = errno ? errno : EIO;
    if (o.failed || fsync(ib->fd) != 0) {
        snprintf(ib->err, ib->errlen, "%s: %s", ib->tmp, strerror(o.failed ? o.failed : errno));
        { ib->rc = -1; return; }
    }
    if (close(ib->fd) != 0) {
        ib->fd = -1;
        snprintf(ib->err, ib->errlen, "%s: %s", ib->tmp, strerror(errno));
        { ib->rc = -1; return; }
    }
    ib->fd = -1;
    if (rename(ib->tmp, ib->path) != 0) {
        snprintf(ib->err, ib->errlen, "%s: %s", ib->path, strerror(errno));
        { ib->rc = -1; return; }
    }
    ib->tmp[0] = '\0';
    {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", ib->path);
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
    if (ib->st) {
        ib->st->entries = (uint32_t)ib->n_entries;
        ib->st->langs = ib->n_langs - ib->n_pack_langs;
        ib->st->asked_langs = ib->n_pack_langs;
        ib->st->translations = (uint32_t)ib->xt.n_rows;
        ib->st->terms = ib->n_terms;
        ib->st->bytes = h.file_size;
    }
}

static void ixb_free(ixb *ib)
{
    runs_free(&ib->rp);
    if (ib->fd >= 0)
        close(ib->fd);
    if (ib->tmp[0])
        unlink(ib->tmp);
    for (int k = 0; k < BUILD_THREADS; k++)
        builder_free(&ib->bs[k], ib->c->n_langs);
    free(ib->langs);
    free(ib->entries);
    free(ib->groups);
    free(ib->term_order);
    free(ib->term_rank);
    free(ib->word_order);
    free(ib->word_rank);
    free(ib->term_hash);
    free(ib->word_hash);
    free(ib->post_start);
    free(ib->sorted);
    free(ib->terms);
    free(ib->words);
    translate_table_free(&ib->xt);
    free(ib->xlates);
    free(ib->xlate_hash);
    free(ib->idv);
    free(ib->ids);
    free(ib->qlen);
    free(ib->ewords_off);
    free(ib->alen);
    free(ib->avg_q);
    free(ib->avg_a);
    free(ib->postings.p);
    free(ib->strings.p);
    free(ib->idbuf.p);
    free(ib->gid_str);
    keymap_free(&ib->group_ids);
}

int index_write_budget(const corpus *c, const char *path, size_t memory, index_stats *st,
                       char *err, size_t errlen)
{
    corpus ext;
    corpus_lang *own;
    size_t n_own;
    if (translate_pack_langs(c, &ext, &own, &n_own, err, errlen) != 0)
        return -1;
    ixb *ib = calloc(1, sizeof *ib);
    if (!ib) {
        snprintf(err, errlen, "out of memory while building the index");
        translate_pack_langs_free(&ext, own, n_own);
        return -1;
    }
    c = &ext;
    ib->c = c;
    ib->n_pack_langs = (uint32_t)n_own;
    ib->path = path;
    ib->memory = memory;
    ib->st = st;
    ib->err = err;
    ib->errlen = errlen;
    ib->fd = -1;
    if (keymap_init(&ib->group_ids) != 0)
        ixb_oom(ib);
    ixb_entries(ib);
    ixb_analyze(ib);
    ixb_lengths(ib);
    ixb_postings(ib);
    ixb_translations(ib);   /* before the words, whose dictionaries cost */
    ixb_words(ib);
    ixb_write(ib);
    int rc = ib->rc;
    ixb_free(ib);
    free(ib);
    translate_pack_langs_free(&ext, own, n_own);
    return rc;
}
