/* spellings.c: the SPELLINGS section (see spellings.h): made by asking the
 * dictionary of each spelling, read by a binary search in place. */
#include "spellings.h"

#include <stdlib.h>
#include <string.h>

#define STAMP_BYTES 1024

typedef struct spell_head { uint32_t n_stamps, n_spellings, text_len, zero; } spell_head;
typedef struct spell_stamp { uint32_t lang, off, len, zero; } spell_stamp;
typedef struct spell_rec { uint32_t lang, flags, off, len, lemma_off, lemma_len; } spell_rec;

/* A growable text, its length a u32; failed when memory ran out or it
 * passed 4 GB. */
typedef struct text_buf {
    char *p;
    size_t len, cap;
    int failed;
} text_buf;

static uint32_t text_put(text_buf *t, const char *s, size_t n)
{
    if (t->failed || t->len + n > UINT32_MAX) {
        t->failed = 1;
        return 0;
    }
    if (t->len + n > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + n)
            cap *= 2;
        char *p = realloc(t->p, cap);
        if (!p) {
            t->failed = 1;
            return 0;
        }
        t->p = p;
        t->cap = cap;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    return (uint32_t)(t->len - n);
}

int spellings_make(const spelling_key *keys, size_t n, lexicon *const *lex,
                   const char *const *codes, uint32_t n_langs, unsigned char **out,
                   size_t *len)
{
    *out = NULL;
    *len = 0;
    spell_stamp *stamps = calloc(n_langs + 1, sizeof *stamps);
    spell_rec *recs = malloc((n + 1) * sizeof *recs);
    text_buf text = {0};
    int rc = -1;
    if (!stamps || !recs)
        goto done;
    uint32_t n_stamps = 0;
    for (uint32_t l = 0; l < n_langs; l++) {
        char stamp[STAMP_BYTES];
        if (!lex[l] || lexicon_stamp(codes[l], stamp, sizeof stamp) != 0)
            continue;
        size_t m = strlen(stamp);
        stamps[n_stamps++] = (spell_stamp){l, text_put(&text, stamp, m), (uint32_t)m, 0};
    }
    size_t n_recs = 0;
    for (size_t i = 0; i < n; i++) {
        const spelling_key *k = &keys[i];
        lexicon *lx = k->lang < n_langs ? lex[k->lang] : NULL;
        int stamped = 0;
        for (uint32_t s = 0; s < n_stamps && !stamped; s++)
            stamped = stamps[s].lang == k->lang;
        if (!lx || !stamped || k->len > UINT32_MAX)
            continue;
        char lemma[SPELLING_MAX_LEMMA + 1];
        size_t m = lexicon_lemma(lx, k->s, k->len, lemma, sizeof lemma);
        uint32_t flags = (lexicon_knows(lx, k->s, k->len) ? SPELLING_KNOWS : 0u) |
                         (lexicon_is_name(lx, k->s, k->len) ? SPELLING_NAME : 0u);
        spell_rec *r = &recs[n_recs++];
        r->lang = k->lang;
        r->flags = flags;
        r->off = text_put(&text, k->s, k->len);
        r->len = (uint32_t)k->len;
        r->lemma_off = m ? text_put(&text, lemma, m) : 0;
        r->lemma_len = (uint32_t)m;
    }
    if (text.failed)
        goto done;
    spell_head head = {n_stamps, (uint32_t)n_recs, (uint32_t)text.len, 0};
    size_t total = sizeof head + n_stamps * sizeof *stamps + n_recs * sizeof *recs + text.len;
    unsigned char *p = malloc(total);
    if (!p)
        goto done;
    unsigned char *at = p;
    memcpy(at, &head, sizeof head);
    at += sizeof head;
    memcpy(at, stamps, n_stamps * sizeof *stamps);
    at += n_stamps * sizeof *stamps;
    memcpy(at, recs, n_recs * sizeof *recs);
    at += n_recs * sizeof *recs;
    if (text.len)
        memcpy(at, text.p, text.len);
    *out = p;
    *len = total;
    rc = 0;
done:
    free(stamps);
    free(recs);
    free(text.p);
    return rc;
}

/* The section's parts, if it is in shape: its head, stamps, records and
 * text. Returns 1, or 0. */
static int parts(const unsigned char *sec, size_t len, spell_head *h, const spell_stamp **stamps,
                 const spell_rec **recs, const char **text)
{
    if (!sec || len < sizeof *h)
        return 0;
    memcpy(h, sec, sizeof *h);
    uint64_t need = sizeof *h + (uint64_t)h->n_stamps * sizeof **stamps +
                    (uint64_t)h->n_spellings * sizeof **recs + h->text_len;
    if (need != len)
        return 0;
    *stamps = (const spell_stamp *)(sec + sizeof *h);
    *recs = (const spell_rec *)(*stamps + h->n_stamps);
    *text = (const char *)(*recs + h->n_spellings);
    return 1;
}

static int in_text(const spell_head *h, uint32_t off, uint32_t n)
{
    return off <= h->text_len && n <= h->text_len - off;
}

int spellings_stamp(const unsigned char *sec, size_t len, uint32_t lang, const char **s,
                    size_t *n)
{
    spell_head h;
    const spell_stamp *stamps;
    const spell_rec *recs;
    const char *text;
    if (!parts(sec, len, &h, &stamps, &recs, &text))
        return 0;
    for (uint32_t i = 0; i < h.n_stamps; i++)
        if (stamps[i].lang == lang && in_text(&h, stamps[i].off, stamps[i].len)) {
            *s = text + stamps[i].off;
            *n = stamps[i].len;
            return 1;
        }
    return 0;
}

/* A record's order against (lang, word): as keymap_sort() sorts. */
static int cmp_rec(const spell_rec *r, const char *text, uint32_t lang, const char *w, size_t n)
{
    if (r->lang != lang)
        return r->lang < lang ? -1 : 1;
    int c = memcmp(text + r->off, w, r->len < n ? r->len : n);
    if (c)
        return c;
    return r->len < n ? -1 : r->len > n;
}

int spellings_find(const unsigned char *sec, size_t len, uint32_t lang, const char *word,
                   size_t n, spelling *out)
{
    spell_head h;
    const spell_stamp *stamps;
    const spell_rec *recs;
    const char *text;
    if (!parts(sec, len, &h, &stamps, &recs, &text))
        return 0;
    size_t lo = 0, hi = h.n_spellings;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const spell_rec *r = &recs[mid];
        if (!in_text(&h, r->off, r->len) || !in_text(&h, r->lemma_off, r->lemma_len))
            return 0;
        int c = cmp_rec(r, text, lang, word, n);
        if (c == 0) {
            *out = (spelling){r->flags, text + r->lemma_off, r->lemma_len};
            return 1;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
