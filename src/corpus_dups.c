/* corpus_dups.c: questions a corpus asks twice (corpus_dups.h). */
#include "corpus_dups.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "hash.h"

/* A question as a visitor's would match it letter for letter: folded, and
 * its spaces and ASCII signs dropped ("How do I renew a book?" and "how do
 * I renew a book" are one). Returns its length in out, or -1 (too long or
 * not UTF-8: not compared). */
static long question_key(const char *q, char *out, size_t cap)
{
    long n = fold_text(q, strlen(q), out, cap);
    if (n < 0)
        return -1;
    long k = 0;
    for (long i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)out[i];
        if (ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z'))
            out[k++] = (char)ch;
    }
    out[k] = '\0';
    return k;
}

/* One question's place, kept under its key. */
typedef struct dup_place {
    char *key;
    const corpus_entry *entry;
    size_t alt;
    unsigned line;
} dup_place;

typedef struct dup_table {
    dup_place *slots;
    size_t cap, count;
} dup_table;

static size_t slot_of(const dup_table *t, const char *key)
{
    size_t i = hash_fold32(hash_bytes(HASH_SEED, key, strlen(key))) & (t->cap - 1);
    while (t->slots[i].key && strcmp(t->slots[i].key, key) != 0)
        i = (i + 1) & (t->cap - 1);
    return i;
}

static void table_clear(dup_table *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i].key);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* The place of key, kept as p when new (the key then the table's): 0 with
 * the earlier place of another entry in *first, 1 when new or the same
 * entry's, -1 out of memory. */
static int table_add(dup_table *t, const char *key, const dup_place *p, const dup_place **first)
{
    if (2 * (t->count + 1) > t->cap) {
        dup_table g = {calloc(t->cap ? 2 * t->cap : 64, sizeof *g.slots), t->cap ? 2 * t->cap : 64, t->count};
        if (!g.slots)
            return -1;
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i].key)
                g.slots[slot_of(&g, t->slots[i].key)] = t->slots[i];
        free(t->slots);
        *t = g;
    }
    size_t i = slot_of(t, key);
    if (t->slots[i].key) {
        *first = &t->slots[i];
        return t->slots[i].entry == p->entry ? 1 : 0;
    }
    if (!(t->slots[i].key = strdup(key)))
        return -1;
    t->slots[i].entry = p->entry;
    t->slots[i].alt = p->alt;
    t->slots[i].line = p->line;
    t->count++;
    return 1;
}

long corpus_duplicate_questions(const corpus *c, corpus_dup_fn fn, void *ctx)
{
    long found = 0;
    char key[4096];
    for (size_t l = 0; l < c->n_langs; l++) {
        dup_table t = {0};
        const corpus_lang *lang = &c->langs[l];
        for (size_t i = 0; i < lang->n_entries; i++) {
            const corpus_entry *e = &lang->entries[i];
            if (e->kind != ENTRY_FAQ)
                continue;
            for (size_t k = 0; k <= e->n_alts; k++) {
                /* the question first, then its alternates */
                size_t alt = k == 0 ? CORPUS_DUP_QUESTION : k - 1;
                const char *q = k == 0 ? e->question : e->alts[k - 1];
                unsigned line = k == 0 || !e->alt_lines ? e->line : e->alt_lines[k - 1];
                if (question_key(q, key, sizeof key) <= 0)
                    continue;
                dup_place p = {NULL, e, alt, line};
                const dup_place *first = NULL;
                int r = table_add(&t, key, &p, &first);
                if (r < 0) {
                    table_clear(&t);
                    return -1;
                }
                if (r == 0) {
                    corpus_dup d = {e, first->entry, alt, first->alt, line, first->line};
                    fn(ctx, &d);
                    found++;
                }
            }
        }
        table_clear(&t);
    }
    return found;
}
