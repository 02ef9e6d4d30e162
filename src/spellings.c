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

static int in_text(const spellings *sp, uint32_t off, uint32_t n)
{
    return off <= sp->text_len && n <= sp->text_len - off;
}

int spellings_open(const unsigned char *sec, size_t len, spellings *out)
{
    *out = (spellings){NULL, NULL, NULL, 0, 0, 0};
    if (len == 0)
        return 0;
    spell_head h;
    if (!sec || len < sizeof h)
        return -1;
    memcpy(&h, sec, sizeof h);
    uint64_t need = sizeof h + (uint64_t)h.n_stamps * sizeof(spell_stamp) +
                    (uint64_t)h.n_spellings * sizeof(spell_rec) + h.text_len;
    if (need != len)
        return -1;
    const spell_stamp *stamps = (const spell_stamp *)(sec + sizeof h);
    const spell_rec *recs = (const spell_rec *)(stamps + h.n_stamps);
    spellings sp = {stamps, recs, (const char *)(recs + h.n_spellings), h.n_stamps,
                    h.n_spellings, h.text_len};
    for (uint32_t i = 0; i < h.n_stamps; i++)
        if (!in_text(&sp, stamps[i].off, stamps[i].len))
            return -1;
    *out = sp;
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

const char *spellings_check(const spellings *sp)
{
    const spell_rec *recs = sp->recs;
    for (uint32_t i = 0; i < sp->n_spellings; i++) {
        const spell_rec *r = &recs[i];
        if (!in_text(sp, r->off, r->len) || !in_text(sp, r->lemma_off, r->lemma_len))
            return "spelling out of bounds";
        if (i && cmp_rec(&recs[i - 1], sp->text, r->lang, sp->text + r->off, r->len) >= 0)
            return "spellings out of order";
    }
    return NULL;
}

int spellings_stamp(const spellings *sp, uint32_t lang, const char **s, size_t *n)
{
    const spell_stamp *stamps = sp->stamps;
    for (uint32_t i = 0; i < sp->n_stamps; i++)
        if (stamps[i].lang == lang) {
            *s = sp->text + stamps[i].off;
            *n = stamps[i].len;
            return 1;
        }
    return 0;
}

int spellings_find(const spellings *sp, uint32_t lang, const char *word, size_t n, spelling *out)
{
    const spell_rec *recs = sp->recs;
    size_t lo = 0, hi = sp->n_spellings;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const spell_rec *r = &recs[mid];
        /* a crafted record gives a wrong answer, never a read outside */
        if (!in_text(sp, r->off, r->len) || !in_text(sp, r->lemma_off, r->lemma_len))
            return 0;
        int c = cmp_rec(r, sp->text, lang, word, n);
        if (c == 0) {
            *out = (spelling){r->flags, sp->text + r->lemma_off, r->lemma_len};
            return 1;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
