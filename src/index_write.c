/* index_write.c: builds the index file described in index_format.h from a
 * corpus handed over an entry at a time (corpus_stream(), or a corpus in
 * memory). Entries are analyzed in batches on two threads
 * (index_analyze.h); each entry's parts (its texts for STRINGS, its ENTRIES
 * record, question sequence, words to highlight) go to spills as they
 * come, its posting records to memory up to the budget and then to a spill
 * (index_spill.h). Memory holds what the whole build needs at once: the
 * terms and words, a few numbers per entry and per group (index_ids.h),
 * the budget's records. Once every entry is in, the postings are sorted and
 * encoded a run of terms at a time (index_encode.h), and the file is put
 * together from memory and the spills (index_file.h). */
#include "index_write.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "corpus_parse.h"
#include "index_analyze.h"
#include "index_encode.h"
#include "index_format.h"
#include "index_ids.h"
#include "index_file.h"
#include "index_spill.h"
#include "lemma.h"
#include "limits.h"

/* Entries are analyzed in batches of about this much text, cut in two for
 * the two threads when the batch has entries enough to pay for them. */
#define BATCH_BYTES (256u << 10)
#define THREAD_MIN_ITEMS 64
/* Posting records held in memory at least, whatever the budget: fewer and
 * the spill's writes would be small. */
#define RECS_FLOOR 4096

typedef struct ixb {
    const char *path;
    size_t memory;
    const corpus_report *rep;     /* the reading's: once it has an error, nothing is analyzed */
    int owned;                    /* the entries handed over are the build's to free */
    int rc;                       /* a failure, msg says which */
    int stopped_reading;          /* a callback failed, the reading stopped */
    char msg[1024];
    /* languages: n_langs so far of the n_dirs the reading counted */
    uint32_t n_dirs, n_langs;
    ix_lang *langs;
    double *sum_q, *sum_a;        /* per language, of its FAQ entries' lengths */
    uint64_t n_entries;
    uint32_t n_faq_all;
    bytes lang_text;              /* STRINGS up to the terms: the languages' texts */
    /* groups: GROUPS (the entry of group g in language l at g * n_dirs + l)
     * and, for the entry after has_id(), its group */
    id_map ids;
    uint32_t *groups;
    size_t group_rows;
    uint32_t next_group;
    uint32_t *qlen, *alen;        /* per entry */
    size_t lens_cap;
    /* the spills: TEXTS up to the answers, the answers, ENTRIES (answer
     * offsets from the answers' start), QSEQ, EWORDS and each entry's
     * count of them, SHOWN (made with the file), POSTINGS */
    spill head, answers, entries, qseq, ewords, ewcount, shown, post;
    rec_store recs;
    ana an[2];
    ana_item *batch;
    size_t n_batch, batch_cap, batch_bytes;
    const char *settings;
    char *settings_owned;
    char where[4200];             /* has_id()'s file */
    /* the end */
    uint32_t n_terms, n_words, n_groups;
    uint64_t qseq_at;             /* u32s of QSEQ so far */
    uint32_t *term_order, *term_rank, *word_order, *word_rank;
    ix_term *terms;
    ix_word *words;
    uint32_t *term_hash, *word_hash;
    size_t th_cap, wh_cap;
} ixb;

static void fail(ixb *ib, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(ixb *ib, const char *fmt, ...)
{
    if (ib->rc)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ib->msg, sizeof ib->msg, fmt, ap);
    va_end(ap);
    ib->rc = -1;
}

static void fail_oom(ixb *ib)
{
    fail(ib, "out of memory while building the index");
}

static void fail_spill(ixb *ib, int e)
{
    fail(ib, "%s.spill.*: temporary file: %s", ib->path, strerror(e ? e : EIO));
}

/* The first failure of the spills, if any. */
static int spills_err(const ixb *ib)
{
    const spill *s[] = {&ib->head, &ib->answers, &ib->entries, &ib->qseq, &ib->ewords,
                        &ib->ewcount, &ib->shown, &ib->post, &ib->ids.ids,
                        &ib->recs.file};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        if (s[i]->err)
            return s[i]->err;
    return 0;
}

static ixb *ixb_new(const char *path, size_t memory, const corpus_report *rep, int owned)
{
    ixb *ib = calloc(1, sizeof *ib);
    if (!ib)
        return NULL;
    ib->path = path;
    ib->memory = memory;
    ib->rep = rep;
    ib->owned = owned;
    rec_store_init(&ib->recs, path);
    spill *s[] = {&ib->head, &ib->answers, &ib->entries, &ib->qseq, &ib->ewords,
                  &ib->ewcount, &ib->shown, &ib->post};
    if (ana_init(&ib->an[0], 0) != 0 || ana_init(&ib->an[1], 1) != 0 ||
        id_map_init(&ib->ids, path) != 0)
        fail_oom(ib);
    for (size_t i = 0; i < sizeof s / sizeof *s && !ib->rc; i++)
        if (spill_open(s[i], path) != 0)
            fail_spill(ib, s[i]->err);
    if (ib->ids.ids.err)
        fail_spill(ib, ib->ids.ids.err);
    return ib;
}

static void free_batch_entries(ixb *ib)
{
    for (size_t i = 0; ib->owned && i < ib->n_batch; i++)
        corpus_entry_free(&ib->batch[i].e);
    ib->n_batch = 0;
    ib->batch_bytes = 0;
}

static void ixb_free(ixb *ib)
{
    free_batch_entries(ib);
    free(ib->batch);
    spill *s[] = {&ib->head, &ib->answers, &ib->entries, &ib->qseq, &ib->ewords,
                  &ib->ewcount, &ib->shown, &ib->post};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        spill_close(s[i]);
    rec_store_free(&ib->recs);
    ana_free(&ib->an[0]);
    ana_free(&ib->an[1]);
    id_map_free(&ib->ids);
    free(ib->lang_text.p);
    free(ib->langs);
    free(ib->sum_q);
    free(ib->sum_a);
    free(ib->groups);
    free(ib->qlen);
    free(ib->alen);
    free(ib->settings_owned);
    free(ib->term_order);
    free(ib->term_rank);
    free(ib->word_order);
    free(ib->word_rank);
    free(ib->terms);
    free(ib->words);
    free(ib->term_hash);
    free(ib->word_hash);
    free(ib);
}

/* ---- entries, a batch at a time ---- */

static size_t text_bytes(const corpus_entry *e)
{
    size_t n = strlen(e->question) + (e->answer ? strlen(e->answer) : 0);
    for (size_t k = 0; k < e->n_alts; k++)
        n += strlen(e->alts[k]);
    return n;
}

/* A language's text in STRINGS (all of them are before the terms). */
static ix_str lang_text_put(ixb *ib, const char *s)
{
    size_t n = strlen(s);
    ix_str r = {(uint32_t)ib->lang_text.len, (uint32_t)n};
    bytes_put(&ib->lang_text, s, n);
    return r;
}

/* Bytes of memory the build holds besides the posting records. */
static size_t held_bytes(const ixb *ib)
{
    return id_map_bytes(&ib->ids) + ib->group_rows * ib->n_dirs * sizeof *ib->groups +
           ib->lens_cap * 2 * sizeof *ib->qlen + ana_bytes(&ib->an[0]) + ana_bytes(&ib->an[1]) +
           ib->batch_cap * sizeof *ib->batch;
}

/* Posting records the budget leaves room for. */
static size_t recs_limit(const ixb *ib, size_t held)
{
    size_t n = ib->memory > held ? (ib->memory - held) / sizeof(posting_rec) : 0;
    return n > RECS_FLOOR ? n : RECS_FLOOR;
}

static void *run_second(void *arg)
{
    void **a = arg;
    ana_run(a[0], a[1], (size_t)a[2]);
    return NULL;
}

/* The batch's analysis and texts, on two threads when it is large enough;
 * the second thread's numbers made the first's. Returns 0 or -1. */
static int analyze_batch(ixb *ib)
{
    size_t n = ib->n_batch, cut = n;
    if (n >= THREAD_MIN_ITEMS) {   /* two shares of about the same text */
        size_t done = 0;
        for (cut = 0; cut < n && 2 * done < ib->batch_bytes; cut++)
            done += text_bytes(&ib->batch[cut].e);
    }
    void *arg[3] = {&ib->an[1], ib->batch + cut, (void *)(n - cut)};
    pthread_t th;
    int threaded = cut < n && pthread_create(&th, NULL, run_second, arg) == 0;
    ana_run(&ib->an[0], ib->batch, cut);
    if (threaded)
        pthread_join(th, NULL);
    else
        ana_run(&ib->an[1], ib->batch + cut, n - cut);   /* no thread to be had: here, then */
    if (ib->an[0].oom || ib->an[1].oom || ana_merge(&ib->an[0], &ib->an[1]) != 0)
        return -1;
    return 0;
}

/* s (n bytes) to the head spill; its length. */
static uint32_t head_put(ixb *ib, const char *s, size_t n)
{
    spill_put(&ib->head, s, n);
    return (uint32_t)n;
}

/* The batch's entries to the spills, in order. */
static void write_batch(ixb *ib, int analyzed)
{
    for (size_t i = 0; i < ib->n_batch; i++) {
        ana_item *it = &ib->batch[i];
        const corpus_entry *ce = &it->e;
        ix_entry ie;
        memset(&ie, 0, sizeof ie);
        ie.text_off = spill_size(&ib->head);
        ie.id_len = head_put(ib, ce->id, strlen(ce->id));
        ie.question_len = head_put(ib, ce->question, strlen(ce->question));
        ie.file_len = head_put(ib, ce->file, strlen(ce->file));
        uint64_t alts_at = spill_size(&ib->head);
        for (size_t k = 0; k < ce->n_alts; k++) {
            if (k)
                spill_put(&ib->head, "\n", 1);
            spill_put(&ib->head, ce->alts[k], strlen(ce->alts[k]));
        }
        ie.alts_len = (uint32_t)(spill_size(&ib->head) - alts_at);
        ie.answer_off = spill_size(&ib->answers);
        size_t alen = ce->answer ? strlen(ce->answer) : 0;
        spill_put(&ib->answers, ce->answer, alen);
        ie.answer_len = (uint32_t)alen;
        ie.line = ce->line;
        ie.lang = it->lang;
        ie.group = it->group;
        ie.kind = (uint32_t)ce->kind;
        if (ib->qseq_at + it->qseq_len > UINT32_MAX)   /* QSEQ's offsets are u32 */
            fail(ib, "too many question terms for one index (at most %u)", UINT32_MAX);
        ie.qseq_off = (uint32_t)ib->qseq_at;
        ie.qseq_len = it->qseq_len;
        ib->qseq_at += it->qseq_len;
        spill_put(&ib->entries, &ie, sizeof ie);
        if (!analyzed)
            continue;
        ib->qlen[it->entry] = it->qlen;
        ib->alen[it->entry] = it->alen;
        if (ce->kind == ENTRY_FAQ) {
            ib->sum_q[it->lang] += it->qlen;
            ib->sum_a[it->lang] += it->alen;
        }
        spill_put(&ib->ewcount, &it->n_ewords, sizeof it->n_ewords);
    }
    if (!analyzed)
        return;
    size_t limit = recs_limit(ib, held_bytes(ib));
    for (int k = 0; k < 2; k++) {
        ana *a = &ib->an[k];
        spill_put(&ib->qseq, a->qseq.p, a->qseq.len);
        spill_put(&ib->ewords, a->ewords.p, a->ewords.len);
        if (a->n_recs && rec_store_add(&ib->recs, a->recs, a->n_recs, limit) != 0) {
            if (ib->recs.file.err)
                fail_spill(ib, ib->recs.file.err);
            else
                fail_oom(ib);
        }
    }
}

/* The entries gathered so far: analyzed (unless the reading has found an
 * error, or the build failed) and written to the spills. */
static void flush_batch(ixb *ib)
{
    if (!ib->n_batch)
        return;
    int analyze = !ib->rc && !(ib->rep && ib->rep->n_errors);
    if (analyze && analyze_batch(ib) != 0) {
        fail_oom(ib);
        analyze = 0;
    }
    write_batch(ib, analyze);
    int e = spills_err(ib);
    if (e)
        fail_spill(ib, e);
    free_batch_entries(ib);
}

/* ---- what the reading hands over (corpus_sink) ---- */

static int sink_begin(void *ctx, size_t n_langs, char *err, size_t errlen)
{
    ixb *ib = ctx;
    if (n_langs > FAQ_MAX_LANGS)   /* told after the corpus's own problems */
        fail(ib, "too many languages (%zu, at most %d)", n_langs, FAQ_MAX_LANGS);
    ib->n_dirs = (uint32_t)n_langs;
    ib->langs = calloc(n_langs + 1, sizeof *ib->langs);
    ib->sum_q = calloc(n_langs + 1, sizeof *ib->sum_q);
    ib->sum_a = calloc(n_langs + 1, sizeof *ib->sum_a);
    if (!ib->langs || !ib->sum_q || !ib->sum_a) {
        snprintf(err, errlen, "out of memory while building the index");
        ib->stopped_reading = 1;
        return -1;
    }
    return 0;
}

static int sink_lang(void *ctx, corpus_lang *lang, char *err, size_t errlen)
{
    ixb *ib = ctx;
    flush_batch(ib);   /* its entries' texts before this language's */
    if (ib->n_langs == ib->n_dirs) {
        snprintf(err, errlen, "%s: a language folder more than counted", lang->code);
        ib->stopped_reading = 1;
        return -1;
    }
    uint32_t l = ib->n_langs++;
    ix_lang *il = &ib->langs[l];
    snprintf(il->code, sizeof il->code, "%s", lang->code);
    if (lang->stopwords)
        il->stopwords = lang_text_put(ib, lang->stopwords);
    if (lang->synonyms)
        il->synonyms = lang_text_put(ib, lang->synonyms);
    if (lang->messages)
        il->messages = lang_text_put(ib, lang->messages);
    if (ib->lang_text.oom)
        fail_oom(ib);
    il->entry_first = (uint32_t)ib->n_entries;
    for (int k = 0; k < 2 && !ib->rc && l < FAQ_MAX_LANGS; k++) {
        int r = ana_lang(&ib->an[k], l, lang->code, lang->stopwords, lang->synonyms);
        if (r == -1)
            fail(ib, "%s: no stemmer for this language", lang->code);
        else if (r)
            fail_oom(ib);
    }
    return 0;
}

/* Where entry e is: its file (in ib->where) and line, from the batch or
 * read back from the spills. */
static int entry_place(ixb *ib, uint32_t e, const char **file, unsigned *line)
{
    uint64_t first = ib->n_entries - ib->n_batch;
    if (e >= first) {
        *file = ib->batch[e - first].e.file;
        *line = ib->batch[e - first].e.line;
        return 0;
    }
    ix_entry ie;
    if (spill_read(&ib->entries, (uint64_t)e * sizeof ie, &ie, sizeof ie) != 0)
        return -1;
    size_t n = ie.file_len < sizeof ib->where ? ie.file_len : sizeof ib->where - 1;
    if (spill_read(&ib->head, ie.text_off + ie.id_len + ie.question_len, ib->where, n) != 0)
        return -1;
    ib->where[n] = '\0';
    *file = ib->where;
    *line = ie.line;
    return 0;
}

static int sink_has_id(void *ctx, const corpus_entry *e, const char **file, unsigned *line,
                       char *err, size_t errlen)
{
    ixb *ib = ctx;
    int added;
    uint32_t g = id_map_get(&ib->ids, e->id, strlen(e->id), &added);
    if (g == UINT32_MAX)
        goto failed;
    if (g >= ib->group_rows) {   /* rows of n_dirs entries, a row a group */
        size_t old = ib->group_rows;
        if (grow(&ib->groups, &ib->group_rows, (size_t)g + 1, ib->n_dirs * sizeof *ib->groups, 1024) != 0)
            goto failed;
        memset(ib->groups + old * ib->n_dirs, 0xFF,
               (ib->group_rows - old) * ib->n_dirs * sizeof *ib->groups);
    }
    ib->next_group = g;
    uint32_t prev = ib->groups[(size_t)g * ib->n_dirs + ib->n_langs - 1];
    if (prev == IX_NONE)
        return 0;
    if (entry_place(ib, prev, file, line) != 0)
        goto failed;
    return 1;
failed:
    if (spills_err(ib))
        snprintf(err, errlen, "%s.spill.*: temporary file: %s", ib->path, strerror(spills_err(ib)));
    else
        snprintf(err, errlen, "%s:%u: out of memory", e->file, e->line);
    ib->stopped_reading = 1;
    return -1;
}

static int sink_entry(void *ctx, corpus_entry *e, char *err, size_t errlen)
{
    ixb *ib = ctx;
    uint32_t l = ib->n_langs - 1;
    ix_lang *il = &ib->langs[l];
    if (il->entry_count >= FAQ_MAX_ENTRIES || ib->n_entries >= UINT32_MAX) {
        snprintf(err, errlen, "%s:%u: too many entries in one language (at most %u)", e->file,
                 e->line, FAQ_MAX_ENTRIES);
        goto failed;
    }
    if (grow(&ib->batch, &ib->batch_cap, ib->n_batch + 1, sizeof *ib->batch, 256) != 0)
        goto oom;
    if (ib->n_entries >= ib->lens_cap) {   /* two arrays of one capacity */
        size_t cap = ib->lens_cap, alen_cap = ib->lens_cap;
        if (grow(&ib->qlen, &cap, ib->n_entries + 1, sizeof *ib->qlen, 1024) != 0 ||
            grow(&ib->alen, &alen_cap, ib->n_entries + 1, sizeof *ib->alen, 1024) != 0)
            goto oom;
        ib->lens_cap = cap;
    }
    uint32_t n = (uint32_t)ib->n_entries++;
    il->entry_count++;
    ib->groups[(size_t)ib->next_group * ib->n_dirs + l] = n;   /* the last of the id, as GROUPS keeps */
    if (e->kind == ENTRY_FAQ) {
        il->n_faq++;
        ib->n_faq_all++;
    }
    ana_item *it = &ib->batch[ib->n_batch++];
    memset(it, 0, sizeof *it);
    it->e = *e;
    it->entry = n;
    it->lang = l;
    it->group = ib->next_group;
    ib->qlen[n] = ib->alen[n] = 0;
    ib->batch_bytes += text_bytes(e);
    if (ib->batch_bytes >= BATCH_BYTES)
        flush_batch(ib);
    return 0;
oom:
    snprintf(err, errlen, "%s:%u: out of memory", e->file, e->line);
failed:
    if (ib->owned)
        corpus_entry_free(e);
    ib->stopped_reading = 1;
    return -1;
}

static int sink_settings(void *ctx, char **text, char *err, size_t errlen)
{
    ixb *ib = ctx;
    free(ib->settings_owned);
    ib->settings = ib->settings_owned = *text;
    *text = NULL;
    return 0;
}

/* ---- the end: numbers, postings, words ---- */

static int count_rec(void *ctx, posting_rec r)
{
    ((uint32_t *)ctx)[r.term + 1]++;
    return 0;
}

/* The postings: the records by final term number, a run of terms at a time
 * (one run when they fit in the budget), each run counting-sorted, each
 * term's encoded into the POSTINGS spill. */
static void make_postings(ixb *ib)
{
    const ana *a = &ib->an[0];
    uint32_t *post_start = calloc((size_t)ib->n_terms + 2, sizeof *post_start);
    ib->terms = calloc((size_t)ib->n_terms + 1, sizeof *ib->terms);
    if (!post_start || !ib->terms) {
        free(post_start);
        fail_oom(ib);
        return;
    }
    rec_runs rp;
    memset(&rp, 0, sizeof rp);
    posting_rec *sorted = NULL;
    double *avg_q = calloc(ib->n_langs + 1, sizeof *avg_q), *avg_a = calloc(ib->n_langs + 1, sizeof *avg_a);
    if (!avg_q || !avg_a) {
        fail_oom(ib);
        goto out;
    }
    for (uint32_t l = 0; l < ib->n_langs; l++) {
        if (ib->langs[l].n_faq) {
            avg_q[l] = ib->sum_q[l] / ib->langs[l].n_faq;
            avg_a[l] = ib->sum_a[l] / ib->langs[l].n_faq;
        }
        if (avg_q[l] < 1) avg_q[l] = 1;
        if (avg_a[l] < 1) avg_a[l] = 1;
    }
    impact_ctx ic = {ib->groups, ib->n_dirs, ib->qlen, ib->alen, avg_q, avg_a};
    if (rec_store_each(&ib->recs, ib->term_rank, count_rec, post_start) != 0) {
        fail_spill(ib, ib->recs.file.err);
        goto out;
    }
    for (uint32_t t = 0; t < ib->n_terms; t++)
        post_start[t + 1] += post_start[t];
    size_t held = held_bytes(ib) + (size_t)ib->n_terms * (sizeof *ib->terms + 4 * sizeof(uint32_t));
    if (rec_runs_make(&rp, &ib->recs, ib->term_rank, post_start, ib->n_terms,
                      recs_limit(ib, held)) != 0) {
        fail_spill(ib, errno);
        goto out;
    }
    uint64_t text_at = ib->lang_text.len;
    for (uint32_t t = 0; t < ib->n_terms; t++) {
        if (t == rp.first[rp.at]) {   /* the next run: its records, sorted */
            free(sorted);
            if (!(sorted = rec_runs_load(&rp, &ib->recs, ib->term_rank, post_start))) {
                fail_spill(ib, errno);
                goto out;
            }
        }
        uint32_t v = ib->term_order[t];
        ix_term *it = &ib->terms[t];
        it->text = (ix_str){(uint32_t)text_at, a->terms.keys[v].len};
        text_at += it->text.len;
        it->lang = a->terms.langs[v];
        posting_rec *r = sorted + (post_start[t] - post_start[rp.first[rp.at - 1]]);
        if (encode_postings(&ib->post, it, r, post_start[t + 1] - post_start[t],
                            ib->langs[it->lang].n_faq, &ic) != 0) {
            if (ib->post.err)
                fail_spill(ib, ib->post.err);
            else
                fail_oom(ib);
            goto out;
        }
        if (it->lang < ib->n_langs) {
            if (!ib->langs[it->lang].term_count)
                ib->langs[it->lang].term_first = t;
            ib->langs[it->lang].term_count++;
        }
    }
out:
    free(sorted);
    rec_runs_free(&rp);
    rec_store_free(&ib->recs);
    free(post_start);
    free(avg_q);
    free(avg_a);
}

/* The words, each with its stem's final number and the dictionary's
 * verdict on it. */
static void make_words(ixb *ib)
{
    const ana *a = &ib->an[0];
    ib->words = calloc((size_t)ib->n_words + 1, sizeof *ib->words);
    if (!ib->words) {
        fail_oom(ib);
        return;
    }
    uint64_t text_at = ib->lang_text.len;
    for (uint32_t t = 0; t < ib->n_terms; t++)
        text_at += ib->terms[t].text.len;
    for (uint32_t w = 0; w < ib->n_words; w++) {
        uint32_t v = ib->word_order[w];
        ix_word *iw = &ib->words[w];
        ix_str k = a->words.keys[v];
        iw->text = (ix_str){(uint32_t)text_at, k.len};
        text_at += k.len;
        iw->lang = a->words.langs[v];
        iw->term = ib->term_rank[a->winfo[v].term];
        iw->df = a->winfo[v].df;
        iw->lemma = a->winfo[v].lemma == UINT32_MAX ? IX_NONE : ib->term_rank[a->winfo[v].lemma];
        lexicon *lx = a->lex[iw->lang];
        if (lx)
            iw->dict = lexicon_knows(lx, (const char *)a->strings.p + k.off, k.len)
                           ? IX_WORD_DICT_KNOWN : IX_WORD_DICT_LACKS;
        if (!ib->langs[iw->lang].word_count)
            ib->langs[iw->lang].word_first = w;
        ib->langs[iw->lang].word_count++;
    }
}

/* Numbers for good, the postings, the words and the hash tables. */
static void ixb_end(ixb *ib)
{
    flush_batch(ib);
    if (ib->rc)
        return;
    if (ib->n_entries > FAQ_MAX_ENTRIES) {
        fail(ib, "too many entries (%llu, at most %u)", (unsigned long long)ib->n_entries,
             FAQ_MAX_ENTRIES);
        return;
    }
    if (spill_size(&ib->ewords) / sizeof(uint32_t) > UINT32_MAX) {   /* EWORDOFF is u32 */
        fail(ib, "too many words in the entries for one index (at most %u)", UINT32_MAX);
        return;
    }
    ana *a = &ib->an[0];
    ana_free(&ib->an[1]);   /* its terms and words are the first's now */
    ib->n_groups = (uint32_t)ib->ids.count;
    ib->n_terms = (uint32_t)a->terms.count;
    ib->n_words = (uint32_t)a->words.count;
    uint64_t strings_len = ib->lang_text.len + a->strings.len + (ib->settings ? strlen(ib->settings) : 0);
    if (strings_len > UINT32_MAX) {   /* STRINGS' offsets are u32 */
        fail(ib, "the corpus's terms and words are too many for one index (%llu bytes, at most %u)",
             (unsigned long long)strings_len, UINT32_MAX);
        return;
    }
    if (keymap_sort(&a->terms, &a->strings, &ib->term_order, &ib->term_rank) != 0 ||
        keymap_sort(&a->words, &a->strings, &ib->word_order, &ib->word_rank) != 0) {
        fail_oom(ib);
        return;
    }
    make_postings(ib);
    if (ib->rc)
        return;
    make_words(ib);
    if (ib->rc)
        return;
    ib->term_hash = keymap_hash_table(&a->terms, &a->strings, ib->term_order, &ib->th_cap);
    ib->word_hash = keymap_hash_table(&a->words, &a->strings, ib->word_order, &ib->wh_cap);
    if (!ib->term_hash || !ib->word_hash)
        fail_oom(ib);
}

/* ---- the file ---- */

static void ixb_write(ixb *ib, index_stats *st)
{
    if (ib->rc)
        return;
    const ana *a = &ib->an[0];
    ix_parts p = {ib->n_langs, (uint32_t)ib->n_entries, ib->n_groups, ib->n_terms, ib->n_words,
                  &ib->head, &ib->answers, &ib->lang_text, &a->strings, &a->terms, &a->words,
                  ib->term_order, ib->word_order, ib->settings, ib->langs, &ib->entries,
                  ib->groups, ib->n_dirs, ib->terms, ib->term_hash, ib->th_cap, &ib->post,
                  ib->words, ib->word_hash, ib->wh_cap, &ib->qseq, ib->term_rank, &ib->ids,
                  ib->memory / 2, &ib->ewcount, &ib->ewords, ib->word_rank, &ib->shown};
    uint64_t size;
    if (index_file_write(ib->path, &p, &size, ib->msg, sizeof ib->msg) != 0) {
        ib->rc = -1;
        return;
    }
    if (st) {
        st->entries = (uint32_t)ib->n_entries;
        st->langs = ib->n_langs;
        st->terms = ib->n_terms;
        st->bytes = size;
    }
}

/* The end of a build whose entries are all in: the file, or the failure in err. */
static int ixb_finish(ixb *ib, index_stats *st, char *err, size_t errlen)
{
    ixb_end(ib);
    ixb_write(ib, st);
    if (ib->rc)
        snprintf(err, errlen, "%s", ib->msg);
    return ib->rc;
}

/* ---- the two ways in ---- */

int index_write(const corpus *c, const char *path, index_stats *st, char *err, size_t errlen)
{
    return index_write_budget(c, path, INDEX_MEMORY_DEFAULT, st, err, errlen);
}

int index_write_budget(const corpus *c, const char *path, size_t memory, index_stats *st,
                       char *err, size_t errlen)
{
    ixb *ib = ixb_new(path, memory, NULL, 0);
    if (!ib || ib->rc) {
        snprintf(err, errlen, "%s", ib ? ib->msg : "out of memory while building the index");
        if (ib)
            ixb_free(ib);
        return -1;
    }
    int rc = sink_begin(ib, c->n_langs, err, errlen);
    for (size_t l = 0; !rc && l < c->n_langs; l++) {
        corpus_lang head = c->langs[l];
        rc = sink_lang(ib, &head, err, errlen);
        for (size_t i = 0; !rc && i < c->langs[l].n_entries; i++) {
            corpus_entry e = c->langs[l].entries[i];
            const char *file;
            unsigned line;
            rc = sink_has_id(ib, &e, &file, &line, err, errlen) < 0 ||
                 sink_entry(ib, &e, err, errlen) != 0;
        }
    }
    ib->settings = c->settings;
    if (!rc)
        rc = ixb_finish(ib, st, err, errlen);
    ixb_free(ib);
    return rc ? -1 : 0;
}

int index_write_dir(const char *dir, corpus_report *rep, const char *path, size_t memory,
                    index_stats *st, char *err, size_t errlen)
{
    ixb *ib = ixb_new(path, memory, rep, 1);
    if (!ib || ib->rc) {
        snprintf(err, errlen, "%s", ib ? ib->msg : "out of memory while building the index");
        if (ib)
            ixb_free(ib);
        return -1;
    }
    corpus_sink sink = {ib, sink_begin, sink_lang, sink_has_id, sink_entry, sink_settings};
    int rc;
    if (corpus_stream(dir, rep, &sink, err, errlen) != 0)
        rc = ib->stopped_reading ? -1 : INDEX_CORPUS_FAILED;
    else
        rc = ixb_finish(ib, st, err, errlen);
    ixb_free(ib);
    return rc;
}
