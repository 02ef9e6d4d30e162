/* pack_talk.c: the small talk of the packs an index lacks (see pack_talk.h). */
#include "pack_talk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "fold.h"
#include "lang_pack.h"
#include "limits.h"

typedef struct {
    char *key;      /* the phrase as pack_key() writes it */
    const char *id; /* into ids */
} talk_phrase;

struct pack_talk {
    talk_phrase *p; /* sorted by key */
    size_t n, cap;
    talk_phrase *own; /* the index's own small talk, sorted by key (id NULL) */
    size_t n_own, own_cap;
    char **ids;     /* each entry's id, owned */
    size_t n_ids, ids_cap;
};

/* Phrase s (len bytes of valid UTF-8) folded (case and accents), its
 * words alone, one space apart: "¡Bona  tarda!" is "bona tarda". Into out
 * (PACK_KEY_ROOM bytes); its length, or -1 when s is longer than
 * FAQ_MAX_PACK_TALK_BYTES (no small talk is). Folded into the caller's
 * room, not allocated: a question's lookup cannot fail. A byte past ASCII
 * is a letter's: the punctuation of the phrases is ASCII but for "¡¿«»",
 * dropped by name. */
#define PACK_KEY_ROOM (4 * FAQ_MAX_PACK_TALK_BYTES + 1)
static long pack_key(const char *s, size_t len, char *out)
{
    utf8proc_int32_t cps[3 * FAQ_MAX_PACK_TALK_BYTES];
    char folded[PACK_KEY_ROOM];
    long n = len > FAQ_MAX_PACK_TALK_BYTES ? -1 : fold_into(cps, sizeof cps / sizeof *cps, s, len, folded, sizeof folded, 1);
    if (n < 0)
        return -1;
    size_t k = 0;
    int gap = 0;
    for (long i = 0; i < n; i++) {
        unsigned char c = (unsigned char)folded[i];
        int mark = i + 1 < n && c == 0xC2 &&
                   strchr("\xA1\xBF\xAB\xBB", folded[i + 1]) != NULL;   /* ¡ ¿ « » */
        if (mark || (c < 0x80 && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9'))) {
            gap = k > 0;
            i += mark;
            continue;
        }
        if (gap)
            out[k++] = ' ';
        gap = 0;
        out[k++] = (char)c;
    }
    out[k] = '\0';
    return (long)k;
}

/* Phrase s (len bytes) of small talk id into the list *p (*n of *cap). */
static int add_phrase(talk_phrase **p, size_t *n, size_t *cap, const char *s, size_t len, const char *id)
{
    char key[PACK_KEY_ROOM];
    long k = pack_key(s, len, key);
    if (k <= 0)
        return 0;   /* nothing to say whole, or too long a phrase to be said */
    if (*n == *cap) {
        size_t c = *cap ? 2 * *cap : 256;
        talk_phrase *g = realloc(*p, c * sizeof *g);
        if (!g)
            return -1;
        *p = g;
        *cap = c;
    }
    if (!((*p)[*n].key = strndup(key, (size_t)k)))
        return -1;
    (*p)[(*n)++].id = id;
    return 0;
}

/* The index's own small talk, each question and alternate: a phrase it
 * says whole is its own to answer. */
static int add_own(pack_talk *pt, const faq_index *ix)
{
    for (uint32_t e = 0; e < faq_index_entry_count(ix); e++) {
        faq_entry fe;
        faq_index_entry(ix, e, &fe);
        if (fe.kind != ENTRY_SMALLTALK)
            continue;
        if (add_phrase(&pt->own, &pt->n_own, &pt->own_cap, fe.question.s, fe.question.len, NULL) != 0)
            return -1;
        for (const char *a = fe.alts.s, *end = fe.alts.s + fe.alts.len; a < end;) {
            const char *nl = memchr(a, '\n', (size_t)(end - a));
            const char *stop = nl ? nl : end;
            if (add_phrase(&pt->own, &pt->n_own, &pt->own_cap, a, (size_t)(stop - a), NULL) != 0)
                return -1;
            a = stop + 1;
        }
    }
    return 0;
}

static int add_pack(pack_talk *pt, const char *code, char *err, size_t errlen)
{
    corpus_lang pk;
    int rc = corpus_pack_smalltalk(code, &pk, err, errlen), oom = 0;
    for (size_t i = 0; rc == 0 && !oom && i < pk.n_entries; i++) {
        corpus_entry *e = &pk.entries[i];
        if (pt->n_ids == pt->ids_cap) {
            size_t cap = pt->ids_cap ? 2 * pt->ids_cap : 64;
            char **ids = realloc(pt->ids, cap * sizeof *ids);
            if (!(oom = !ids)) {
                pt->ids = ids;
                pt->ids_cap = cap;
            }
        }
        if (oom)
            break;
        const char *id = pt->ids[pt->n_ids++] = e->id;
        e->id = NULL;   /* the table's now */
        oom = add_phrase(&pt->p, &pt->n, &pt->cap, e->question, strlen(e->question), id) != 0;
        for (size_t k = 0; !oom && k < e->n_alts; k++)
            oom = add_phrase(&pt->p, &pt->n, &pt->cap, e->alts[k], strlen(e->alts[k]), id) != 0;
    }
    if (oom) {
        snprintf(err, errlen, "lang/%s/smalltalk.md: out of memory", code);
        rc = -1;
    }
    corpus_lang_clear(&pk);
    return rc;
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const talk_phrase *)a)->key, ((const talk_phrase *)b)->key);
}

int pack_talk_new(const faq_index *ix, pack_talk **out, char *err, size_t errlen)
{
    *out = NULL;
    pack_talk *pt = calloc(1, sizeof *pt);
    if (!pt) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (size_t i = 0; lang_pack_code(i); i++)
        if (faq_index_lang_find(ix, lang_pack_code(i)) < 0 && add_pack(pt, lang_pack_code(i), err, errlen) != 0) {
            pack_talk_free(pt);
            return -1;
        }
    if (add_own(pt, ix) != 0) {
        snprintf(err, errlen, "out of memory");
        pack_talk_free(pt);
        return -1;
    }
    if (pt->n)
        qsort(pt->p, pt->n, sizeof *pt->p, by_key);
    if (pt->n_own)
        qsort(pt->own, pt->n_own, sizeof *pt->own, by_key);
    *out = pt;
    return 0;
}

const char *pack_talk_find(const pack_talk *pt, const char *q, size_t len, size_t *id_len)
{
    char key[PACK_KEY_ROOM];
    if (!pt || !pt->n || pack_key(q, len, key) <= 0)
        return NULL;
    talk_phrase want = {key, NULL};
    const talk_phrase *hit = bsearch(&want, pt->p, pt->n, sizeof *pt->p, by_key);
    if (!hit || (pt->n_own && bsearch(&want, pt->own, pt->n_own, sizeof *pt->own, by_key)))
        return NULL;
    *id_len = strlen(hit->id);
    return hit->id;
}

void pack_talk_free(pack_talk *pt)
{
    if (!pt)
        return;
    for (size_t i = 0; i < pt->n; i++)
        free(pt->p[i].key);
    for (size_t i = 0; i < pt->n_own; i++)
        free(pt->own[i].key);
    free(pt->own);
    for (size_t i = 0; i < pt->n_ids; i++)
        free(pt->ids[i]);
    free(pt->p);
    free(pt->ids);
    free(pt);
}
