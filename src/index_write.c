/* index_write.c: builds the index file described in index_format.h from a
 * corpus handed over an entry at a time (corpus_stream(), or a corpus in
 * memory). Entries are analyzed in batches on two threads
 * (index_analyze.h); each entry's parts (its texts for STRINGS, its ENTRIES
 * record, question sequence, words to highlight) go to spills as they
 * come, its posting records to memory up to the budget and then to a spill
 * (index_spill.h). Memory holds what the whole build needs at once: the
 * terms and words and the budget's records; what it keeps per entry and
 * per group (the id map, the groups' entries, the lengths) is in
 * temporary files, read back through caches the budget counts
 * (index_table.h) or in order (the lengths, joined with the records).
 * Once every entry is in, the postings are joined, sorted and
 * encoded a run of terms at a time, the words and translation tables made
 * (index_end.c), and the file is put together from memory and the spills
 * (index_file.h). The languages of the packs a dictionary links to the
 * corpus's (translate.h) are handed on in their place among its folders. */
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
#include "index_build.h"
#include "index_format.h"
#include "index_ids.h"
#include "index_file.h"
#include "index_spill.h"
#include "index_xlate.h"
#include "lemma.h"
#include "limits.h"
#include "translate.h"

/* Entries are analyzed in batches of about this much text, cut in two for
 * the two threads when the batch has entries enough to pay for them. */
#define BATCH_BYTES (256u << 10)
#define THREAD_MIN_ITEMS 64


void ixb_fail(ixb *ib, const char *fmt, ...)
{
    if (ib->rc)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ib->msg, sizeof ib->msg, fmt, ap);
    va_end(ap);
    ib->rc = -1;
}

void ixb_fail_oom(ixb *ib)
{
    ixb_fail(ib, "out of memory while building the index");
}

void ixb_fail_spill(ixb *ib, int e)
{
    ixb_fail(ib, "%s.spill.*: temporary file: %s", ib->path, strerror(e ? e : EIO));
}

/* The first failure of the spills, if any. */
static int spills_err(const ixb *ib)
{
    const spill *s[] = {&ib->head, &ib->answers, &ib->entries, &ib->qseq, &ib->ewords,
                        &ib->ewcount, &ib->toks, &ib->toklen, &ib->shown, &ib->post, &ib->lens, &ib->recs.file,
                        &ib->groups.file};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        if (s[i]->err)
            return s[i]->err;
    return id_map_err(&ib->ids);
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
                  &ib->ewcount, &ib->toks, &ib->toklen, &ib->shown, &ib->post, &ib->lens};
    if (ana_init(&ib->an[0], 0) != 0 || ana_init(&ib->an[1], 1) != 0)
        ixb_fail_oom(ib);
    if (!ib->rc && id_map_init(&ib->ids, path, memory / TABLE_SHARE) != 0)
        ixb_fail_spill(ib, id_map_err(&ib->ids));
    for (size_t i = 0; i < sizeof s / sizeof *s && !ib->rc; i++)
        if (spill_open(s[i], path) != 0)
            ixb_fail_spill(ib, s[i]->err);
    return ib;
}

static void free_batch_entries(ixb *ib)
{
    for (size_t i = 0; i < ib->n_batch; i++)
        if (ib->batch[i].owned)
            corpus_entry_free(&ib->batch[i].e);
    ib->n_batch = 0;
    ib->batch_bytes = 0;
}

static void ixb_free(ixb *ib)
{
    free_batch_entries(ib);
    free(ib->batch);
    free(ib->smalltalk);
    spill *s[] = {&ib->head, &ib->answers, &ib->entries, &ib->qseq, &ib->ewords,
                  &ib->ewcount, &ib->toks, &ib->toklen, &ib->shown, &ib->post, &ib->lens};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        spill_close(s[i]);
    table_close(&ib->groups);
    rec_store_free(&ib->recs);
    ana_free(&ib->an[0]);
    ana_free(&ib->an[1]);
    id_map_free(&ib->ids);
    free(ib->lang_text.p);
    free(ib->langs);
    free(ib->sum_q);
    free(ib->sum_a);
    for (uint32_t l = 0; l < FAQ_MAX_LANGS; l++) {
        free(ib->stopwords[l]);
        free(ib->synonyms[l]);
    }
    free(ib->lacking);
    xlate_parts_free(&ib->xp);
    free(ib->settings_owned);
    free(ib->term_order);
    free(ib->term_rank);
    free(ib->word_order);
    free(ib->word_rank);
    free(ib->word_dict);
    free(ib->spellings);
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
size_t ixb_held_bytes(const ixb *ib)
{
    return id_map_bytes(&ib->ids) + table_bytes(&ib->groups) + ana_bytes(&ib->an[0]) +
           ana_bytes(&ib->an[1]) + ib->batch_cap * sizeof *ib->batch;
}

/* Posting records the budget leaves room for. */
size_t ixb_recs_limit(const ixb *ib, size_t held)
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
            ixb_fail(ib, "too many question terms for one index (at most %u)", UINT32_MAX);
        ie.qseq_off = (uint32_t)ib->qseq_at;
        ie.qseq_len = it->qseq_len;
        ib->qseq_at += it->qseq_len;
        spill_put(&ib->entries, &ie, sizeof ie);
        entry_lens el = {it->group, analyzed ? it->qlen : 0, analyzed ? it->alen : 0};
        spill_put(&ib->lens, &el, sizeof el);
        if (!analyzed)
            continue;
        if (ce->kind == ENTRY_FAQ) {
            ib->sum_q[it->lang] += it->qlen;
            ib->sum_a[it->lang] += it->alen;
        }
        spill_put(&ib->ewcount, &it->n_ewords, sizeof it->n_ewords);
        spill_put(&ib->toklen, it->tok_len, sizeof it->tok_len);
    }
    if (!analyzed)
        return;
    size_t limit = ixb_recs_limit(ib, ixb_held_bytes(ib));
    for (int k = 0; k < 2; k++) {
        ana *a = &ib->an[k];
        spill_put(&ib->qseq, a->qseq.p, a->qseq.len);
        spill_put(&ib->ewords, a->ewords.p, a->ewords.len);
        spill_put(&ib->toks, a->toks.p, a->toks.len);
        if (a->n_recs && rec_store_add(&ib->recs, a->recs, a->n_recs, limit) != 0) {
            if (ib->recs.file.err)
                ixb_fail_spill(ib, ib->recs.file.err);
            else
                ixb_fail_oom(ib);
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
        ixb_fail_oom(ib);
        analyze = 0;
    }
    write_batch(ib, analyze);
    int e = spills_err(ib);
    if (e)
        ixb_fail_spill(ib, e);
    free_batch_entries(ib);
}

/* ---- what the reading hands over (corpus_sink) ---- */

static int sink_begin(void *ctx, const char *const *names, size_t n_langs, char *err,
                      size_t errlen)
{
    ixb *ib = ctx;
    if (n_langs > FAQ_MAX_LANGS)   /* told after the corpus's own problems */
        ixb_fail(ib, "too many languages (%zu, at most %d)", n_langs, FAQ_MAX_LANGS);
    else
        ib->n_packs = (uint32_t)translate_pack_langs(names, n_langs, ib->packs,
                                                     FAQ_MAX_LANGS - n_langs);
    n_langs += ib->n_packs;
    ib->n_dirs = (uint32_t)n_langs;
    ib->langs = calloc(n_langs + 1, sizeof *ib->langs);
    ib->sum_q = calloc(n_langs + 1, sizeof *ib->sum_q);
    ib->sum_a = calloc(n_langs + 1, sizeof *ib->sum_a);
    if (!ib->langs || !ib->sum_q || !ib->sum_a ||
        table_open(&ib->groups, ib->path, GROUPS_ROW(ib) * sizeof(uint32_t),
                   ib->memory / TABLE_SHARE) != 0) {
        if (ib->groups.file.err && ib->groups.file.err != ENOMEM)
            snprintf(err, errlen, "%s.spill.*: temporary file: %s", ib->path,
                     strerror(ib->groups.file.err));
        else
            snprintf(err, errlen, "out of memory while building the index");
        ib->stopped_reading = 1;
        return -1;
    }
    return 0;
}

/* The packs' languages that come before code (NULL: all that are left),
 * each as corpus_stream_pack() hands it on. Returns 0, or -1 with err. */
static int hand_on_packs(ixb *ib, const char *code, char *err, size_t errlen)
{
    while (ib->next_pack < ib->n_packs && (!code || strcmp(ib->packs[ib->next_pack], code) < 0)) {
        ib->in_pack = 1;
        int rc = corpus_stream_pack(ib->packs[ib->next_pack++], &ib->sink, err, errlen);
        ib->in_pack = 0;
        if (rc != 0) {
            ib->stopped_reading = 1;
            return -1;
        }
    }
    return 0;
}

static int sink_lang(void *ctx, corpus_lang *lang, char *err, size_t errlen)
{
    ixb *ib = ctx;
    int pack = ib->in_pack;
    if (!pack && hand_on_packs(ib, lang->code, err, errlen) != 0)
        return -1;
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
        ixb_fail_oom(ib);
    il->entry_first = (uint32_t)ib->n_entries;
    if (l < FAQ_MAX_LANGS &&
        ((lang->stopwords && !(ib->stopwords[l] = strdup(lang->stopwords))) ||
         (lang->synonyms && !(ib->synonyms[l] = strdup(lang->synonyms)))))
        ixb_fail_oom(ib);
    for (int k = 0; k < 2 && !ib->rc && l < FAQ_MAX_LANGS; k++) {
        int r = ana_lang(&ib->an[k], l, lang->code, lang->stopwords, lang->synonyms, !pack);
        if (r == -1)
            ixb_fail(ib, "%s: no stemmer for this language", lang->code);
        else if (r)
            ixb_fail_oom(ib);
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
    ib->next_group = g;
    const uint32_t *row = table_at(&ib->groups, g, 0);
    if (!row)
        goto failed;
    uint32_t prev = row[ib->n_langs - 1];   /* entry + 1 */
    if (!prev)
        return 0;
    if (entry_place(ib, prev - 1, file, line) != 0)
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
    uint32_t *row = table_at(&ib->groups, ib->next_group, 1);
    if (!row) {
        snprintf(err, errlen, "%s.spill.*: temporary file: %s", ib->path,
                 strerror(ib->groups.file.err));
        goto failed;
    }
    uint32_t n = (uint32_t)ib->n_entries++;
    il->entry_count++;
    row[l] = n + 1;   /* the last of the id, as GROUPS keeps */
    if (e->kind == ENTRY_FAQ) {
        il->n_faq++;
        ib->n_faq_all++;
        row[ib->n_dirs] = 1;
    } else {
        /* MODEL's phrases come from them: named here, so that making it
         * reads them and not every entry of a large index */
        if (grow(&ib->smalltalk, &ib->smalltalk_cap, ib->n_smalltalk + 1, sizeof *ib->smalltalk, 64) != 0)
            goto oom;
        ib->smalltalk[ib->n_smalltalk++] = n;
    }
    ana_item *it = &ib->batch[ib->n_batch++];
    memset(it, 0, sizeof *it);
    it->e = *e;
    it->entry = n;
    it->lang = l;
    it->owned = ib->owned || ib->in_pack;   /* a pack's entries are made for the build */
    it->group = ib->next_group;
    ib->batch_bytes += text_bytes(e);
    if (ib->batch_bytes >= BATCH_BYTES)
        flush_batch(ib);
    return 0;
oom:
    snprintf(err, errlen, "%s:%u: out of memory", e->file, e->line);
failed:
    if (ib->owned || ib->in_pack)
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

/* ---- the file ---- */

static void ixb_write(ixb *ib, index_stats *st)
{
    if (ib->rc)
        return;
    const ana *a = &ib->an[0];
    ix_parts p = {ib->n_langs, (uint32_t)ib->n_entries, ib->n_groups, ib->n_terms, ib->n_words,
                  &ib->head, &ib->answers, &ib->lang_text, &a->strings, &a->terms, &a->words,
                  ib->term_order, ib->word_order, ib->settings, ib->langs, &ib->entries,
                  &ib->groups, GROUPS_ROW(ib), ib->terms, ib->term_hash, ib->th_cap, &ib->post,
                  ib->words, ib->word_hash, ib->wh_cap, &ib->qseq, ib->term_rank, &ib->ids,
                  ib->memory / 2, &ib->ewcount, &ib->ewords, ib->word_rank, &ib->toklen, &ib->toks, &ib->shown,
                  &ib->xp, ib->lacking, ib->smalltalk, (uint32_t)ib->n_smalltalk,
                  ib->spellings, ib->spellings_len};
    uint64_t size;
    if (index_file_write(ib->path, &p, &size, ib->msg, sizeof ib->msg) != 0) {
        ib->rc = -1;
        return;
    }
    if (st) {
        st->entries = (uint32_t)ib->n_entries;
        st->faq_entries = ib->n_faq_all;
        st->langs = ib->n_langs - ib->n_packs;
        st->asked_langs = ib->n_packs;
        size_t at = 0;
        st->asked_codes[0] = '\0';
        for (uint32_t i = 0; i < ib->n_packs && at < sizeof st->asked_codes; i++) {
            int w = snprintf(st->asked_codes + at, sizeof st->asked_codes - at, "%s%s", i ? ", " : "",
                             ib->packs[i]);
            at = w < 0 ? sizeof st->asked_codes : at + (size_t)w;
        }
        st->translations = (uint32_t)ib->xp.xt.n_rows;
        st->terms = ib->n_terms;
        st->bytes = size;
    }
}

/* The end of a build whose entries are all in: the file, or the failure in err. */
static int ixb_finish(ixb *ib, index_stats *st, char *err, size_t errlen)
{
    if (hand_on_packs(ib, NULL, err, errlen) != 0)
        return -1;
    flush_batch(ib);
    ixb_end(ib);
    ixb_write(ib, st);
    if (ib->rc)
        snprintf(err, errlen, "%s", ib->msg);
    return ib->rc;
}

/* ---- the two ways in ---- */

/* An index of c at path within a budget of memory bytes: the build's
 * tables and, in what they leave of it, the posting records, spilled in
 * sorted runs past it and merged, in linear time. A budget smaller than the tables still
 * holds a few thousand records. The corpus (here in memory) is not counted. */
static int index_write_budget(const corpus *c, const char *path, size_t memory, index_stats *st,
                              char *err, size_t errlen)
{
    ixb *ib = ixb_new(path, memory, NULL, 0);
    if (!ib || ib->rc) {
        snprintf(err, errlen, "%s", ib ? ib->msg : "out of memory while building the index");
        if (ib)
            ixb_free(ib);
        return -1;
    }
    const char *codes[FAQ_MAX_LANGS];
    for (size_t l = 0; l < c->n_langs && l < FAQ_MAX_LANGS; l++)
        codes[l] = c->langs[l].code;
    ib->sink = (corpus_sink){ib, sink_begin, sink_lang, sink_has_id, sink_entry, sink_settings};
    int rc = sink_begin(ib, codes, c->n_langs, err, errlen);
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

int index_write(const corpus *c, const char *path, index_stats *st, char *err, size_t errlen)
{
    return index_write_budget(c, path, INDEX_MEMORY_DEFAULT, st, err, errlen);
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
    ib->sink = (corpus_sink){ib, sink_begin, sink_lang, sink_has_id, sink_entry, sink_settings};
    int rc;
    if (corpus_stream(dir, rep, &ib->sink, err, errlen) != 0)
        rc = ib->stopped_reading ? -1 : INDEX_CORPUS_FAILED;
    else
        rc = ixb_finish(ib, st, err, errlen);
    ixb_free(ib);
    return rc;
}

void index_write_abandon(void)
{
    index_file_abandon();
}
