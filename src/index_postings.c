/* index_postings.c: reading the posting format (see index_postings.h). */
#include "index_postings.h"

#include <string.h>

#include "index_internal.h"

static inline uint64_t bm_word(const postings_cursor *c, uint32_t w)
{
    uint64_t x;
    memcpy(&x, c->bits + (size_t)w * 8, 8);
    return x;
}

/* Bits set in x without a popcount instruction: a few shifts and adds
 * rather than the compiler's library call. */
static inline int bits_set_portable(uint64_t x)
{
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return (int)((x * 0x0101010101010101ull) >> 56);
}

/* The bitmap search, made once for a machine with a popcount instruction
 * (with_popcnt a constant 1, where the caller is compiled for one) and
 * once without. */
static inline __attribute__((always_inline)) int bitmap_find(postings_cursor *c, uint32_t pos,
                                                             int rank, int with_popcnt)
{
    uint32_t w = pos / 64;
    if (w >= c->words)
        return 0;
    uint64_t x = bm_word(c, w) & (~0ull << (pos % 64));
    while (!x) {
        if (++w >= c->words)
            return 0;
        x = bm_word(c, w);
    }
    uint32_t at = w * 64 + (uint32_t)__builtin_ctzll(x);
    if (rank < 0) {
        uint64_t below = bm_word(c, w) & ((1ull << (at % 64)) - 1);
        rank = c->ranks[w] + (with_popcnt ? __builtin_popcountll(below) : bits_set_portable(below));
    }
    if (rank >= c->n || c->base + at >= c->limit)
        return 0;   /* a corrupt block: the index was checked, but stay safe */
    c->i = rank;
    c->group = c->base + at;
    c->byte = c->bytes[rank];
    return 1;
}

/* The default x86-64 build targets no popcount instruction, though nearly
 * every machine it runs on has one: there the search is made twice and
 * the CPU picks (the test, a load and a bit, is cheaper than the count
 * it spares), so that a seek into a bitmap block counts the bits below it
 * in one instruction. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__POPCNT__)
__attribute__((target("popcnt"))) static int bitmap_find_popcnt(postings_cursor *c, uint32_t pos,
                                                                int rank)
{
    return bitmap_find(c, pos, rank, 1);
}

/* not inlined below, so that both are a jump with the arguments as they came */
__attribute__((noinline)) static int bitmap_find_portable(postings_cursor *c, uint32_t pos,
                                                          int rank)
{
    return bitmap_find(c, pos, rank, 0);
}

int postings_bitmap_find(postings_cursor *c, uint32_t pos, int rank)
{
    if (__builtin_cpu_supports("popcnt"))
        return bitmap_find_popcnt(c, pos, rank);
    return bitmap_find_portable(c, pos, rank);
}
#else
int postings_bitmap_find(postings_cursor *c, uint32_t pos, int rank)
{
#ifdef __POPCNT__
    return bitmap_find(c, pos, rank, 1);
#else
    return bitmap_find(c, pos, rank, 0);
#endif
}
#endif

/* Decode the postings of a block of deltas, at p (not past stop), the
 * first delta counted from group g, into c->docs and c->imps; returns how
 * many. Stops at the block's size, at stop, or before a posting that does
 * not read as one (a corrupt list: the index was checked, but stay safe). */
static int decode_deltas_checked(postings_cursor *c, const unsigned char *p,
                                 const unsigned char *stop, uint32_t g, int n)
{
    while (n < IX_BLOCK && p < stop) {
        uint32_t d;
        if (*p < 0x80)
            d = *p++;
        else if (!ix_varint(&p, stop, &d))
            break;
        if (p >= stop || (g += d) >= c->limit)
            break;
        c->docs[n] = g;
        c->imps[n++] = *p++;
    }
    return n;
}

/* The same, most of a block read without a check a posting: while a whole
 * posting (a varint of at most 5 bytes, its byte) cannot run past stop,
 * and summed wide, where no delta can wrap the group round, so that the
 * groups rise and the last alone says whether all are below the index's
 * count. A block that fails that is decoded again, checked throughout. */
static int decode_deltas(postings_cursor *c, const unsigned char *p, const unsigned char *stop,
                         uint32_t g)
{
    enum { POSTING_MAX_BYTES = 6 };
    const unsigned char *const start = p;
    const unsigned char *fast_stop = stop - p > POSTING_MAX_BYTES ? stop - POSTING_MAX_BYTES : p;
    /* four postings of one-byte deltas, the common word's usual run, are
     * taken together from p below quad_end: their eight bytes lie before
     * stop, and, a posting being two bytes at least, no more than
     * IX_BLOCK - 4 postings were read before them. One test of their
     * four high bits rather than four loops' tests. */
    static const unsigned char high[8] = {0x80, 0, 0x80, 0, 0x80, 0, 0x80, 0};
    uint64_t deltas_high;
    memcpy(&deltas_high, high, 8);
    const unsigned char *quad_end = stop - p < 8 ? p
        : stop - p - 7 < 2 * (IX_BLOCK - 4) + 1 ? stop - 7 : p + 2 * (IX_BLOCK - 4) + 1;
    uint64_t wide = g;
    int n = 0, ok = 1;
    while (n < IX_BLOCK && p < fast_stop) {
        uint64_t eight;
        while (p < quad_end && (memcpy(&eight, p, 8), !(eight & deltas_high))) {
            uint32_t *docs = c->docs + n;
            unsigned char *imps = c->imps + n;
            docs[0] = (uint32_t)(wide += p[0]);
            docs[1] = (uint32_t)(wide += p[2]);
            docs[2] = (uint32_t)(wide += p[4]);
            docs[3] = (uint32_t)(wide += p[6]);
            imps[0] = p[1];
            imps[1] = p[3];
            imps[2] = p[5];
            imps[3] = p[7];
            n += 4;
            p += 8;
        }
        if (n == IX_BLOCK || p >= fast_stop)
            break;
        uint32_t d;
        if (*p < 0x80)
            d = *p++;
        else if (!ix_varint(&p, stop, &d)) {
            ok = 0;
            break;
        }
        wide += d;
        c->docs[n] = (uint32_t)wide;
        c->imps[n++] = *p++;
    }
    if (n && wide >= c->limit)
        return decode_deltas_checked(c, start, stop, g, 0);
    return ok ? decode_deltas_checked(c, p, stop, (uint32_t)wide, n) : n;
}

/* Load block b (the whole list when it has no blocks) and stand on its
 * first posting. */
void postings_load(postings_cursor *c, uint32_t b)
{
    const unsigned char *p = c->data, *stop = c->end;
    uint32_t g = 0;
    c->lb = b;
    c->bits = NULL;
    if (c->n_blocks) {
        if (b >= c->n_blocks) {
            c->group = POSTINGS_END;
            return;
        }
        p = c->data + c->blk[b].off;
        if (c->blk[b].kind == IX_BLOCK_BITMAP) {
            c->base = b ? c->blk[b - 1].last + 1 : 0;
            c->words = (c->blk[b].last - c->base) / 64 + 1;
            c->n = b + 1 < c->n_blocks ? IX_BLOCK : (int)(c->df - b * IX_BLOCK);
            c->bytes = p;
            c->ranks = p + c->n;
            c->bits = c->ranks + c->words;
            if (!postings_bitmap_find(c, 0, 0))
                c->group = POSTINGS_END;
            return;
        }
        if (b + 1 < c->n_blocks && c->data + c->blk[b + 1].off < stop)
            stop = c->data + c->blk[b + 1].off;
        if (b > 0)
            g = c->blk[b - 1].last;     /* deltas count from the block before */
    }
    int n = decode_deltas(c, p, stop, g);
    c->n = n;
    c->i = 0;
    c->group = n ? c->docs[0] : POSTINGS_END;
    c->byte = n ? c->imps[0] : 0;
}

void postings_open(postings_cursor *c, const faq_index *ix, uint32_t term)
{
    const ix_term *T = &ix->terms[term];
    c->blk = (const ix_block *)(ix->postings + T->post_off);
    c->n_blocks = T->n_blocks;
    c->df = T->df;
    c->bi = 0;
    c->bi_last = T->n_blocks ? c->blk[0].last : UINT32_MAX;
    c->data = ix->postings + T->post_off + (size_t)T->n_blocks * sizeof(ix_block);
    c->end = ix->postings + T->post_off + T->post_len;
    c->limit = ix->n_groups;
    postings_load(c, 0);
}

int postings_same_list(const faq_index *ix, uint32_t a, uint32_t b)
{
    const ix_term *A = &ix->terms[a], *B = &ix->terms[b];
    if (a == b)
        return 1;
    /* the block table's offsets are the list's own: equal bytes, equal lists */
    return A->df == B->df && A->post_len == B->post_len && A->n_blocks == B->n_blocks &&
           !memcmp(ix->postings + A->post_off, ix->postings + B->post_off, A->post_len);
}

int postings_kth_impact(const faq_index *ix, uint32_t term, int k)
{
    enum { MOST_K = 64 };
    if (k < 1)
        return -1;
    postings_cursor c;
    postings_open(&c, ix, term);
    uint32_t count[IX_IMPACT_MAX + 1] = {0};
    unsigned m = 0;     /* the k-th largest of the blocks' largest */
    int blocked = c.n_blocks >= (uint32_t)k && k <= MOST_K;
    if (blocked) {
        unsigned top[MOST_K] = {0};     /* the k largest, the least first */
        for (uint32_t b = 0; b < c.n_blocks; b++) {
            unsigned v = c.blk[b].max_impact;
            if (v <= top[0])
                continue;
            int i = 0;
            for (; i + 1 < k && top[i + 1] < v; i++)
                top[i] = top[i + 1];
            top[i] = v;
        }
        m = top[0];
        for (uint32_t b = 0; b < c.n_blocks; b++) {
            if (c.blk[b].max_impact <= m)
                continue;
            postings_load(&c, b);
            const unsigned char *bytes = c.bits ? c.bytes : c.imps;
            for (int i = 0; i < c.n; i++)
                count[postings_byte_impact(bytes[i])]++;
        }
    } else {
        for (; c.group != POSTINGS_END; postings_next(&c))
            count[postings_impact(&c)]++;
    }
    uint32_t seen = 0;
    for (int v = IX_IMPACT_MAX; v >= 0; v--)
        if ((seen += count[v]) >= (uint32_t)k)
            return (unsigned)v > m ? v : (int)m;
    return blocked ? (int)m : -1;
}

float postings_term_idf(const faq_index *ix, uint32_t term) { return ix->terms[term].idf; }

uint32_t postings_term_max_impact(const faq_index *ix, uint32_t term)
{
    return ix->terms[term].max_impact;
}
