/* entry_tokens.c: entries' tokens read once per thread (see entry_tokens.h). */
#include "entry_tokens.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

enum { TOK_STOP = 1, TOK_QWORD = 2, TOK_SYNONYM = 4 };

typedef struct tok_rec {
    uint32_t offset, raw_len;   /* the raw form, in the text */
    uint32_t word, term;        /* the folded forms, in the reading's bytes */
    uint16_t word_len, term_len;
    uint32_t pos;
    uint8_t flags;              /* TOK_* */
} tok_rec;

typedef struct reading {
    int kept;                   /* holds entry e's text which, stems made or not */
    uint32_t e;
    int which;
    int stems;
    int rc;                     /* what analyzer_run returned */
    tok_rec *recs;
    size_t n, cap;
    char *bytes;
    size_t used, bytes_cap;
    int full, nomem;            /* while reading: too many tokens or bytes, memory ran out */
    size_t *held;               /* while reading: the memory's bytes held, all slots */
} reading;

struct entry_tokens {
    reading slots[ENTRY_TOKENS_SLOTS];
    size_t held;                /* bytes of the slots' buffers, at most ENTRY_TOKENS_BYTES */
};

entry_tokens *entry_tokens_new(void) { return calloc(1, sizeof(entry_tokens)); }

void entry_tokens_free(entry_tokens *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < ENTRY_TOKENS_SLOTS; i++) {
        free(c->slots[i].recs);
        free(c->slots[i].bytes);
    }
    free(c);
}

/* May the memory grow by n bytes? If not, the text is read each time. */
static int may_grow(reading *r, size_t n)
{
    if (*r->held + n > ENTRY_TOKENS_BYTES) {
        r->full = 1;
        return 0;
    }
    *r->held += n;
    return 1;
}

/* The array at *pp (*cap elements of size bytes) grown to hold need
 * (grow()), the growth counted in the memory held: 0, 1 when the memory is
 * full, -1 when memory ran out. */
static int grow_held(reading *r, void *pp, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t c = grow_cap(*cap, need, first, size), old = *cap;
    if (!c)
        return -1;
    if (!may_grow(r, (c - old) * size))
        return 1;
    if (grow(pp, cap, need, size, first) != 0) {
        *r->held -= (c - old) * size;
        return -1;
    }
    return 0;
}

/* Room for n more bytes in r: 0, 1 when the memory is full, -1 when memory
 * ran out. */
static int room(reading *r, size_t n)
{
    return grow_held(r, &r->bytes, &r->bytes_cap, r->used + n, 1, 1024);
}

static int on_token(void *ctx, const token *t)
{
    reading *r = ctx;
    if (r->n == ENTRY_TOKENS_MAX) {
        r->full = 1;
        return 1;
    }
    int g = grow_held(r, &r->recs, &r->cap, r->n + 1, sizeof *r->recs, 64);
    if (g) {
        r->nomem = g < 0;
        return 1;
    }
    int rc = room(r, t->word_len + t->term_len);
    if (rc) {
        r->nomem = rc < 0;
        return 1;
    }
    tok_rec *x = &r->recs[r->n++];
    x->offset = (uint32_t)t->offset;
    x->raw_len = (uint32_t)t->raw_len;
    x->word = (uint32_t)r->used;
    x->word_len = (uint16_t)t->word_len;
    memcpy(r->bytes + r->used, t->word, t->word_len);
    r->used += t->word_len;
    x->term = (uint32_t)r->used;
    x->term_len = (uint16_t)t->term_len;
    memcpy(r->bytes + r->used, t->term, t->term_len);
    r->used += t->term_len;
    x->pos = t->pos;
    x->flags = (uint8_t)((t->is_stop ? TOK_STOP : 0) | (t->is_qword ? TOK_QWORD : 0) |
                         (t->is_synonym ? TOK_SYNONYM : 0));
    return 0;
}

static size_t slot_of(uint32_t e, int which, int stems)
{
    uint32_t h = (e * 8u + (uint32_t)which * 2u + (uint32_t)stems) * 2654435761u;
    return (size_t)(h >> 22) % ENTRY_TOKENS_SLOTS;
}

/* The reading of the text with stop words kept, stems made or not, into r. */
static void read_text(entry_tokens *c, reading *r, analyzer *an, const char *text, size_t len,
                      int stems)
{
    r->held = &c->held;
    r->kept = 0;
    r->n = r->used = 0;
    r->full = r->nomem = 0;
    analyzer_keep_stopwords(an, 1);
    analyzer_skip_stemming(an, !stems);
    r->rc = analyzer_run(an, text, len, on_token, r);
    analyzer_keep_stopwords(an, 0);
    analyzer_skip_stemming(an, 0);
}

int entry_tokens_run(entry_tokens *c, analyzer *an, uint32_t e, int which, const char *text,
                     size_t len, int keep_stop, int skip_stem, token_fn fn, void *ctx)
{
    /* a reading without stems is enough without stemming, and cheaper */
    int stems = !skip_stem;
    reading *r = &c->slots[slot_of(e, which, stems)];
    if (!r->kept || r->e != e || r->which != which || r->stems != stems) {
        read_text(c, r, an, text, len, stems);
        if (r->nomem)
            return ENTRY_TOKENS_NOMEM;
        if (r->full) {
            /* too long to keep: read as asked */
            analyzer_keep_stopwords(an, keep_stop);
            analyzer_skip_stemming(an, skip_stem);
            int rc = analyzer_run(an, text, len, fn, ctx);
            analyzer_keep_stopwords(an, 0);
            analyzer_skip_stemming(an, 0);
            return rc;
        }
        r->kept = 1;
        r->e = e;
        r->which = which;
        r->stems = stems;
    }
    for (size_t i = 0; i < r->n; i++) {
        const tok_rec *x = &r->recs[i];
        /* without stemming there are no phrases of synonyms; without stop
         * words, none of them but as part of a phrase */
        if ((skip_stem && (x->flags & TOK_SYNONYM)) || (!keep_stop && (x->flags & TOK_STOP)))
            continue;
        token t = {0};
        t.word = r->bytes + x->word;
        t.word_len = x->word_len;
        t.term = skip_stem ? t.word : r->bytes + x->term;
        t.term_len = skip_stem ? t.word_len : x->term_len;
        t.raw = text + x->offset;
        t.raw_len = x->raw_len;
        t.offset = x->offset;
        t.pos = x->pos;
        t.is_stop = (x->flags & TOK_STOP) != 0;
        t.is_qword = (x->flags & TOK_QWORD) != 0;
        t.is_synonym = (x->flags & TOK_SYNONYM) != 0;
        int rc = fn(ctx, &t);
        if (rc)
            return rc;
    }
    return r->rc;
}
