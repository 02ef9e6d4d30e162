/* index_file.c: an index file from a build's parts (index_file.h). */
#include "index_file.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "file_replace.h"
#include "index_internal.h"
#include "index_model.h"
#include "index_out.h"
#include "index_shown.h"
#include "resources.h"

typedef struct ids_out {
    ix_out *o;
    const ix_parts *p;
} ids_out;

/* IDS: a group's entries, in the order of their languages. */
static int put_group_entries(void *ctx, uint32_t g)
{
    ids_out *x = ctx;
    const uint32_t *row = table_at(x->p->groups, g, 0);
    if (!row)
        return -1;
    for (uint32_t l = 0; l < x->p->n_langs; l++) {
        uint32_t e = row[l] - 1;
        if (row[l])
            out_put(x->o, &e, sizeof e);
    }
    return 0;
}

/* GROUPS: each group's row, its entries by language (IX_NONE: none). */
static int put_groups(ix_out *o, const ix_parts *p)
{
    for (uint32_t g = 0; g < p->n_groups; g++) {
        const uint32_t *row = table_at(p->groups, g, 0);
        if (!row)
            return -1;
        for (uint32_t l = 0; l < p->n_langs; l++) {
            uint32_t e = row[l] ? row[l] - 1 : IX_NONE;
            out_put(o, &e, sizeof e);
        }
    }
    return 0;
}

/* The keys of a map, in their final order. */
static void put_keys(ix_out *o, const ix_parts *p, const keymap *m, const uint32_t *order)
{
    for (size_t i = 0; i < m->count; i++) {
        ix_str k = m->keys[order[i]];
        out_put(o, p->keys->p + k.off, k.len);
    }
}

/* The u32s of a spill into the current section, each the running sum of
 * them so far, 0 first: offsets from counts; u64 sums when wide (TOKENS
 * may pass 4 GiB), else u32. */
static int put_running_sums(ix_out *o, spill *s, int wide)
{
    spill_cursor c;
    spill_cursor_init(&c, s);
    const unsigned char *q;
    long n;
    uint64_t sum = 0;
    uint32_t sum32 = 0;
    out_put(o, wide ? (const void *)&sum : (const void *)&sum32, wide ? sizeof sum : sizeof sum32);
    while ((n = spill_cursor_next(&c, &q, sizeof(uint32_t))) > 0)
        for (size_t i = 0; i < (size_t)n / sizeof(uint32_t); i++) {
            uint32_t k;
            memcpy(&k, q + i * sizeof k, sizeof k);
            sum += k;
            sum32 = (uint32_t)sum;
            out_put(o, wide ? (const void *)&sum : (const void *)&sum32,
                    wide ? sizeof sum : sizeof sum32);
        }
    spill_cursor_free(&c);
    return n < 0 ? -1 : 0;
}

/* ENTRIES: each answer's offset from the answers' start made TEXTS' (the
 * answers follow head_len bytes there). */
static int put_entries(ix_out *o, const ix_parts *p, uint64_t head_len)
{
    spill_cursor c;
    spill_cursor_init(&c, p->entries);
    const unsigned char *q;
    long n;
    while ((n = spill_cursor_next(&c, &q, sizeof(ix_entry))) > 0)
        for (size_t i = 0; i < (size_t)n / sizeof(ix_entry); i++) {
            ix_entry ie;
            memcpy(&ie, q + i * sizeof ie, sizeof ie);
            ie.answer_off += head_len;
            out_put(o, &ie, sizeof ie);
        }
    spill_cursor_free(&c);
    return n < 0 ? -1 : 0;
}

/* The sections, in the file's order. Each spill is closed (its disk given
 * back) once its last section is written; the texts, SHOWNTEXT's source,
 * are read back from TEXTS: the disk a build takes is then the index and
 * what it has not written yet, not the index and a copy of its texts. */
static int put_sections(ix_out *o, const ix_parts *p)
{
    int rc = 0;
    out_begin(o, IX_TEXTS);
    rc |= out_spill(o, p->head);
    rc |= out_spill(o, p->answers);
    out_end(o);
    out_flush(o);
    spill head, answers;
    uint64_t head_len = spill_size(p->head), texts_at = o->h->sec[IX_TEXTS].off;
    spill_borrow(&head, o->fd, texts_at, head_len);
    spill_borrow(&answers, o->fd, texts_at + head_len, spill_size(p->answers));
    if (!rc && !o->failed) {
        spill_close(p->head);
        spill_close(p->answers);
    }
    out_begin(o, IX_STRINGS);
    out_put(o, p->lang_text->p, p->lang_text->len);
    put_keys(o, p, p->term_keys, p->term_order);
    put_keys(o, p, p->word_keys, p->word_order);
    if (p->settings)
        out_put(o, p->settings, strlen(p->settings));
    out_put(o, p->xlate->xt.keys, p->xlate->xt.keys_len);
    out_end(o);
    out_section(o, IX_LANGS, p->langs, p->n_langs * sizeof *p->langs);
    out_begin(o, IX_ENTRIES);
    rc |= put_entries(o, p, head_len);
    out_end(o);
    out_begin(o, IX_GROUPS);
    rc |= put_groups(o, p);
    out_end(o);
    out_section(o, IX_TERMS, p->terms, (size_t)p->n_terms * sizeof *p->terms);
    out_section(o, IX_TERMHASH, p->term_hash, p->term_hash_cap * sizeof *p->term_hash);
    out_begin(o, IX_POSTINGS);
    rc |= out_spill(o, p->postings);
    out_end(o);
    spill_close(p->postings);
    out_section(o, IX_WORDS, p->words, (size_t)p->n_words * sizeof *p->words);
    out_section(o, IX_WORDHASH, p->word_hash, p->word_hash_cap * sizeof *p->word_hash);
    out_begin(o, IX_QSEQ);
    rc |= out_spill_mapped(o, p->qseq, p->term_rank);
    out_end(o);
    spill_close(p->qseq);
    out_begin(o, IX_IDS);
    ids_out x = {o, p};
    if (id_map_sorted(p->ids, p->sort_memory, put_group_entries, &x) != 0)
        rc = -1;
    out_end(o);
    out_begin(o, IX_EWORDOFF);
    rc |= put_running_sums(o, p->ewcount, 0);
    out_end(o);
    spill_close(p->ewcount);
    out_begin(o, IX_EWORDS);
    rc |= out_spill_mapped(o, p->ewords, p->word_rank);
    out_end(o);
    spill_close(p->ewords);
    out_begin(o, IX_TOKOFF);
    rc |= put_running_sums(o, p->toklen, 1);
    out_end(o);
    spill_close(p->toklen);
    out_begin(o, IX_TOKENS);
    rc |= out_spill(o, p->toks);
    out_end(o);
    spill_close(p->toks);
    const translate_table *xt = &p->xlate->xt;
    out_section(o, IX_XLATE, p->xlate->rows, xt->n_rows * sizeof *p->xlate->rows);
    out_section(o, IX_XLTERMS, xt->terms, xt->n_terms * sizeof *xt->terms);
    out_section(o, IX_XLHASH, p->xlate->hash, p->xlate->hash_cap * sizeof *p->xlate->hash);
    out_section(o, IX_DICTHEADS, xt->heads, xt->n_heads * sizeof *xt->heads);
    out_section(o, IX_LACKING, p->lacking, p->lacking ? (size_t)p->n_terms * sizeof *p->lacking : 0);
    out_begin(o, IX_SHOWNTEXT);
    rc |= shown_write(o, p->entries, &head, &answers, p->shown);
    out_end(o);
    if (head.err || answers.err)
        o->failed = o->failed ? o->failed : (head.err ? head.err : answers.err);
    out_begin(o, IX_SHOWN);
    rc |= out_spill(o, p->shown);
    out_end(o);
    out_section(o, IX_SPELLINGS, p->spellings, p->spellings_len);
    return rc ? -1 : 0;
}

/* The first failure of the parts' spills, if any. */
static int spills_err(const ix_parts *p)
{
    const spill *s[] = {p->head, p->answers, p->entries, p->postings, p->qseq,
                        p->ewcount, p->ewords, p->toklen, p->toks, p->shown, &p->groups->file};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        if (s[i]->err)
            return s[i]->err;
    return id_map_err(p->ids);
}

/* The header at offset 0, its checksum made. */
static void put_header(ix_out *o, ix_header *h)
{
    h->file_size = o->at;
    h->checksum = ix_checksum((const unsigned char *)h + IX_HEADER_SUMMED, sizeof *h - IX_HEADER_SUMMED);
    if (!o->failed && pwrite(o->fd, h, sizeof *h, 0) != (ssize_t)sizeof *h)
        o->failed = errno ? errno : EIO;
}

/* MODEL, the last section, made from the file as written so far (an empty
 * MODEL ending it): the search model's tables with the file's own term and
 * entry numbers. */
static int put_model(ix_out *o, ix_header *h, const ix_parts *p, const char *tmp, char *err,
                     size_t errlen)
{
    out_begin(o, IX_MODEL);
    out_end(o);
    out_flush(o);
    put_header(o, h);
    if (o->failed)
        return 0;   /* said by the caller */
    faq_index *ix;
    if (ix_open_unfinished(tmp, &ix, err, errlen) != FAQ_INDEX_OK)
        return -1;
    buf model = BUF_INIT((size_t)1 << 30);
    int rc = index_model_build(ix, p->smalltalk, p->n_smalltalk, &model);
    faq_index_close(ix);
    if (rc != 0) {
        snprintf(err, errlen, "out of memory while building the index");
        return -1;
    }
    out_begin(o, IX_MODEL);   /* where the empty one was */
    out_put(o, model.s, model.len);
    out_end(o);
    out_flush(o);
    buf_free(&model);
    return 0;
}

/* The header, then the sections, then the header for real. */
static int put_file(int fd, const char *path, const char *tmp, const ix_parts *p, uint64_t *size,
                    char *err, size_t errlen)
{
    ix_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, FAQ_INDEX_MAGIC, 8);
    h.version = FAQ_INDEX_VERSION;
    h.header_size = sizeof h;
    /* the front end's (SOURCE_DATE_EPOCH): two builds of one corpus are
     * then the same file, byte for byte */
    h.build_time = resources_build_time();
    h.n_langs = p->n_langs;
    h.n_entries = p->n_entries;
    h.n_groups = p->n_groups;
    h.n_terms = p->n_terms;
    h.n_words = p->n_words;
    h.n_sections = IX_SECTIONS;
    h.n_xlates = (uint32_t)p->xlate->xt.n_rows;
    h.n_xlterms = (uint32_t)p->xlate->xt.n_terms;
    if (p->settings)   /* the corpus's settings.txt, after the terms and words in STRINGS */
        h.settings = (ix_str){(uint32_t)(p->lang_text->len + p->keys->len),
                              (uint32_t)strlen(p->settings)};
    ix_out o;
    out_init(&o, fd, &h);
    out_raw(&o, &h, sizeof h);
    int rc = put_sections(&o, p);
    out_flush(&o);
    if (rc == 0 && !o.failed && put_model(&o, &h, p, tmp, err, errlen) != 0) {
        out_free(&o);
        return -1;
    }
    out_free(&o);
    if (rc != 0) {
        int e = spills_err(p);
        if (o.failed)   /* TEXTS read back */
            snprintf(err, errlen, "%s: %s", tmp, strerror(o.failed));
        else if (e)
            snprintf(err, errlen, "%s.spill.*: temporary file: %s", path, strerror(e));
        else
            snprintf(err, errlen, "out of memory while building the index");
        return -1;
    }
    put_header(&o, &h);
    if (o.failed || fsync(fd) != 0) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(o.failed ? o.failed : errno));
        return -1;
    }
    *size = h.file_size;
    return 0;
}

/* The temporary file being written, for index_file_abandon(); set while
 * writing is 1 only (a handler reads it whole or not at all). */
static char writing_tmp[4200];
static volatile sig_atomic_t writing;

void index_file_abandon(void)
{
    if (writing)
        unlink(writing_tmp);
}

/* The write's end, kept or not: the temporary file no longer to abandon. */
static int written(int rc)
{
    writing = 0;
    return rc;
}

int index_file_write(const char *path, const ix_parts *p, uint64_t *size, char *err, size_t errlen)
{
    char tmp[4200];
    if (file_replace_tmp_name(path, tmp, sizeof tmp, err, errlen) != 0)
        return -1;
    memcpy(writing_tmp, tmp, sizeof tmp);
    writing = 1;   /* before the file is made: an interrupt between finds none to remove */
    int fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);   /* TEXTS is read back */
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        return written(-1);
    }
    if (put_file(fd, path, tmp, p, size, err, errlen) != 0) {
        close(fd);
        unlink(tmp);
        return written(-1);
    }
    if (close(fd) != 0) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        unlink(tmp);
        return written(-1);
    }
    /* an interrupt after the rename removes nothing: tmp names no file */
    return written(file_replace_commit(tmp, path, err, errlen));
}
