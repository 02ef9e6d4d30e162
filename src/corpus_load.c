/* corpus_load.c: a corpus folder read whole, every entry kept
 * (corpus_load.h): a sink of corpus_stream() that keeps what it is handed. */
#include "corpus_load.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_parse.h"
#include "hash.h"

/* The corpus being read, and the ids of its current language: an open
 * addressing table of entry positions + 1. */
typedef struct keep_sink {
    corpus *c;
    corpus_lang *cur;
    uint32_t *slots;
    size_t cap, count;
} keep_sink;

static size_t id_hash(const char *s)
{
    return hash_fold32(hash_bytes(HASH_SEED, s, strlen(s)));
}

/* The slot of id in the table: its entry's, or the empty one it would take. */
static size_t keep_slot(const keep_sink *k, const char *id)
{
    size_t i = id_hash(id) & (k->cap - 1);
    while (k->slots[i] && strcmp(k->cur->entries[k->slots[i] - 1].id, id) != 0)
        i = (i + 1) & (k->cap - 1);
    return i;
}

static int keep_begin(void *ctx, const char *const *names, size_t n_langs, char *err,
                      size_t errlen)
{
    keep_sink *k = ctx;
    if (!(k->c->langs = calloc(n_langs + 1, sizeof *k->c->langs))) {
        snprintf(err, errlen, "corpus: out of memory");
        return -1;
    }
    return 0;
}

static int keep_lang(void *ctx, corpus_lang *lang, char *err, size_t errlen)
{
    keep_sink *k = ctx;
    k->cur = &k->c->langs[k->c->n_langs++];
    *k->cur = *lang;
    lang->stopwords = lang->synonyms = lang->messages = NULL;
    free(k->slots);
    k->cap = 64;
    k->count = 0;
    if (!(k->slots = calloc(k->cap, sizeof *k->slots))) {
        snprintf(err, errlen, "%s: out of memory", lang->code);
        return -1;
    }
    return 0;
}

static int keep_has_id(void *ctx, const corpus_entry *e, const char **file, unsigned *line,
                       char *err, size_t errlen)
{
    keep_sink *k = ctx;
    uint32_t v = k->slots[keep_slot(k, e->id)];
    if (!v)
        return 0;
    *file = k->cur->entries[v - 1].file;
    *line = k->cur->entries[v - 1].line;
    return 1;
}

static int keep_entry(void *ctx, corpus_entry *e, char *err, size_t errlen)
{
    keep_sink *k = ctx;
    corpus_lang *l = k->cur;
    size_t n = l->n_entries;
    if (corpus_lang_reserve(l, e->file, e->line, err, errlen) != 0) {
        corpus_entry_free(e);
        return -1;
    }
    if (2 * (k->count + 1) > k->cap) {
        uint32_t *old = k->slots;
        size_t old_cap = k->cap;
        if (!(k->slots = calloc(k->cap *= 2, sizeof *k->slots))) {
            k->slots = old;
            k->cap = old_cap;
            goto oom;
        }
        for (size_t i = 0; i < old_cap; i++)
            if (old[i])
                k->slots[keep_slot(k, l->entries[old[i] - 1].id)] = old[i];
        free(old);
    }
    l->entries[n] = *e;
    l->n_entries++;
    size_t i = keep_slot(k, e->id);
    k->count += !k->slots[i];
    k->slots[i] = (uint32_t)n + 1;   /* the last of the id, for the next duplicate */
    return 0;
oom:
    snprintf(err, errlen, "%s:%u: out of memory", e->file, e->line);
    corpus_entry_free(e);
    return -1;
}

static int keep_settings(void *ctx, char **text, char *err, size_t errlen)
{
    keep_sink *k = ctx;
    k->c->settings = *text;
    *text = NULL;
    return 0;
}

int corpus_load_report(const char *dir, corpus_report *rep, corpus **out, char *err, size_t errlen)
{
    *out = NULL;
    keep_sink k;
    memset(&k, 0, sizeof k);
    if (!(k.c = calloc(1, sizeof *k.c))) {
        snprintf(err, errlen, "%s:1: out of memory", dir);
        return -1;
    }
    corpus_sink sink = {&k, keep_begin, keep_lang, keep_has_id, keep_entry, keep_settings};
    int rc = corpus_stream(dir, rep, &sink, err, errlen);
    free(k.slots);
    if (rc != 0)
        corpus_free(k.c);
    else
        *out = k.c;
    return rc;
}

int corpus_load(const char *dir, corpus **out, char *err, size_t errlen)
{
    return corpus_load_report(dir, NULL, out, err, errlen);
}
