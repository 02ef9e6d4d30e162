/* entry_stream.c: entry texts' tokens, stored and walked (see entry_stream.h). */
#include "entry_stream.h"

#include <stdint.h>
#include <string.h>

#include "index_format.h"

enum {
    ST_STOP = 1, ST_QWORD = 2, ST_SYNONYM = 4,
    /* what most tokens are, said by a bit instead of a number: */
    ST_NEXT_POS = 8,            /* its position follows the token before's */
    ST_ONE_SPACE = 16,          /* one byte between it and the token before */
    ST_RAW_IS_WORD = 32,        /* its raw form is as long as its word */
    ST_TERM_IS_WORD = 64,       /* its term is its word */
    ST_SAME = 128               /* its word and term are those of a token before */
};

/* A term shares its start with its word only up to this many bytes in all,
 * so that the walk puts it together in a buffer on its stack. */
#define TERM_JOINED_MAX 256

/* the sign spread over every bit by unsigned arithmetic: a negative
 * number's right shift is the compiler's to define */
static uint64_t zigzag(int64_t v) { return ((uint64_t)v << 1) ^ -((uint64_t)v >> 63); }
static int64_t unzigzag(uint64_t v) { return (int64_t)(v >> 1) ^ -(int64_t)(v & 1); }

static int get_u64(const unsigned char **p, const unsigned char *end, uint64_t *out)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (*p >= end)
            return 0;
        unsigned char b = *(*p)++;
        v |= (uint64_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return 1;
        }
    }
    return 0;
}

size_t entry_stream_bound(const token *t) { return 1 + 6 * 10 + t->word_len + t->term_len; }

/* Does the ring of st hold t's word and term? Its place there, or -1. */
static int ring_find(const entry_stream_enc *st, const token *t)
{
    for (int k = 0; k < st->n_ring; k++) {
        const struct stream_pair *r = &st->ring[(st->next_ring - 1 - k) & (ENTRY_STREAM_RING - 1)];
        if (r->word_len == t->word_len && r->term_len == t->term_len &&
            memcmp(r->bytes, t->word, t->word_len) == 0 &&
            memcmp(r->bytes + r->word_len, t->term, t->term_len) == 0)
            return k;
    }
    return -1;
}

size_t entry_stream_put(entry_stream_enc *st, const token *t, unsigned char *out)
{
    size_t k = 1;
    unsigned flags = (t->is_stop ? ST_STOP : 0) | (t->is_qword ? ST_QWORD : 0) |
                     (t->is_synonym ? ST_SYNONYM : 0);
    int64_t gap = (int64_t)t->offset - (int64_t)(st->offset + st->raw_len);
    if (st->started && gap == 1)
        flags |= ST_ONE_SPACE;
    else
        k += ix_put_varint(out + k, zigzag(st->started ? gap : (int64_t)t->offset));
    if (t->raw_len == t->word_len)
        flags |= ST_RAW_IS_WORD;
    else
        k += ix_put_varint(out + k, t->raw_len);
    int64_t d_pos = (int64_t)t->pos - (int64_t)st->pos;
    if (st->started && d_pos == 1)
        flags |= ST_NEXT_POS;
    else
        k += ix_put_varint(out + k, zigzag(st->started ? d_pos : (int64_t)t->pos));
    int same = ring_find(st, t);
    if (same >= 0) {
        flags |= ST_SAME;
        k += ix_put_varint(out + k, (uint64_t)same);
    } else {
        k += ix_put_varint(out + k, t->word_len);
        memcpy(out + k, t->word, t->word_len);
        k += t->word_len;
        if (t->term_len == t->word_len && memcmp(t->term, t->word, t->word_len) == 0) {
            flags |= ST_TERM_IS_WORD;
        } else {
            size_t shared = 0;
            if (t->term_len <= TERM_JOINED_MAX)
                while (shared < t->word_len && shared < t->term_len &&
                       t->word[shared] == t->term[shared])
                    shared++;
            k += ix_put_varint(out + k, shared);
            k += ix_put_varint(out + k, t->term_len - shared);
            memcpy(out + k, t->term + shared, t->term_len - shared);
            k += t->term_len - shared;
        }
        if (t->word_len + t->term_len <= ENTRY_STREAM_PAIR_MAX) {
            struct stream_pair *r = &st->ring[st->next_ring];
            r->word_len = t->word_len;
            r->term_len = t->term_len;
            memcpy(r->bytes, t->word, t->word_len);
            memcpy(r->bytes + t->word_len, t->term, t->term_len);
            st->next_ring = (st->next_ring + 1) & (ENTRY_STREAM_RING - 1);
            if (st->n_ring < ENTRY_STREAM_RING)
                st->n_ring++;
        }
    }
    out[0] = (unsigned char)flags;
    st->offset = t->offset;
    st->raw_len = t->raw_len;
    st->pos = t->pos;
    st->started = 1;
    return k;
}

void entry_stream_begin(entry_stream_enc *st)
{
    st->offset = st->raw_len = 0;
    st->pos = 0;
    st->started = 0;
    st->n_ring = st->next_ring = 0;
}

/* A word and term as the walk reads them: the term is the word's first
 * shared bytes and then rest bytes at tail (the word itself when
 * term_is_word). */
typedef struct pair_at {
    const char *word, *tail;
    size_t word_len, shared, rest;
    int term_is_word;
} pair_at;

int entry_stream_run(const unsigned char *p, size_t n, const char *text, size_t len,
                     int keep_stop, int skip_stem, token_fn fn, void *ctx)
{
    const unsigned char *end = p + n;
    uint64_t offset = 0, raw_len = 0, pos = 0;
    int started = 0, n_ring = 0, next_ring = 0;
    pair_at ring[ENTRY_STREAM_RING];
    char joined[TERM_JOINED_MAX];
    while (p < end) {
        unsigned flags = *p++;
        uint64_t v;
        if (!(flags & ST_ONE_SPACE) && !get_u64(&p, end, &v))
            return -1;
        offset = flags & ST_ONE_SPACE ? offset + raw_len + 1
                 : started           ? offset + raw_len + (uint64_t)unzigzag(v)
                                     : (uint64_t)unzigzag(v);
        uint64_t new_raw = 0;
        if (!(flags & ST_RAW_IS_WORD) && !get_u64(&p, end, &new_raw))
            return -1;
        if (!(flags & ST_NEXT_POS) && !get_u64(&p, end, &v))
            return -1;
        pos = flags & ST_NEXT_POS ? pos + 1 : started ? pos + (uint64_t)unzigzag(v) : (uint64_t)unzigzag(v);
        started = 1;
        pair_at w;
        if (flags & ST_SAME) {
            if (!get_u64(&p, end, &v) || v >= (uint64_t)n_ring)
                return -1;
            w = ring[(next_ring - 1 - (int)v) & (ENTRY_STREAM_RING - 1)];
        } else {
            uint64_t word_len, shared = 0, rest = 0;
            if (!get_u64(&p, end, &word_len) || word_len > (uint64_t)(end - p))
                return -1;
            w.word = (const char *)p;
            p += word_len;
            w.term_is_word = (flags & ST_TERM_IS_WORD) != 0;
            if (!w.term_is_word &&
                (!get_u64(&p, end, &shared) || !get_u64(&p, end, &rest) || shared > word_len ||
                 rest > (uint64_t)(end - p) || (shared && shared + rest > TERM_JOINED_MAX)))
                return -1;
            w.tail = (const char *)p;
            p += rest;
            w.word_len = (size_t)word_len;
            w.shared = (size_t)shared;
            w.rest = (size_t)rest;
            size_t term_len = w.term_is_word ? w.word_len : w.shared + w.rest;
            if (w.word_len + term_len <= ENTRY_STREAM_PAIR_MAX) {
                ring[next_ring] = w;
                next_ring = (next_ring + 1) & (ENTRY_STREAM_RING - 1);
                if (n_ring < ENTRY_STREAM_RING)
                    n_ring++;
            }
        }
        raw_len = flags & ST_RAW_IS_WORD ? w.word_len : new_raw;
        if (offset > len || raw_len > len - offset)
            return -1;
        /* without stemming there are no phrases of synonyms; without stop
         * words, none of them but as part of a phrase */
        if ((skip_stem && (flags & ST_SYNONYM)) || (!keep_stop && (flags & ST_STOP)))
            continue;
        token t = {0};
        t.word = w.word;
        t.word_len = w.word_len;
        if (skip_stem || w.term_is_word) {
            t.term = w.word;
            t.term_len = w.word_len;
        } else if (!w.shared) {
            t.term = w.tail;
            t.term_len = w.rest;
        } else {
            memcpy(joined, w.word, w.shared);
            memcpy(joined + w.shared, w.tail, w.rest);
            t.term = joined;
            t.term_len = w.shared + w.rest;
        }
        t.raw = text + offset;
        t.raw_len = (size_t)raw_len;
        t.offset = (size_t)offset;
        t.pos = (unsigned)pos;
        t.is_stop = (flags & ST_STOP) != 0;
        t.is_qword = (flags & ST_QWORD) != 0;
        t.is_synonym = (flags & ST_SYNONYM) != 0;
        int rc = fn(ctx, &t);
        if (rc)
            return rc;
    }
    return 0;
}
