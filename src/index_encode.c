/* index_encode.c: a term's postings, encoded (index_encode.h). */
#include "index_encode.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_rec_group(const void *x, const void *y)
{
    const posting_rec *a = x, *b = y;
    return a->group < b->group ? -1 : a->group > b->group;
}

uint32_t posting_byte(uint32_t tf_q, uint32_t tf_a, uint32_t qlen, uint32_t alen, double avg_q,
                      double avg_a)
{
    double lq = qlen / avg_q, la = alen / avg_a;
    double tf = BM25_W_QUESTION * tf_q / (1 - BM25_B + BM25_B * lq) +
                BM25_W_ANSWER * tf_a / (1 - BM25_B + BM25_B * la);
    double f = tf * (BM25_K1 + 1) / (tf + BM25_K1);
    int v = (int)lround(f / (BM25_K1 + 1) * IX_IMPACT_MAX);
    v = v < 1 ? 1 : v > IX_IMPACT_MAX ? IX_IMPACT_MAX : v;
    return (uint32_t)v << 1 | (tf_q > 0);
}

int encode_postings(spill *out, ix_term *t, posting_rec *r, uint32_t n, double N)
{
    for (uint32_t i = 1; i < n; i++) {
        if (r[i].group < r[i - 1].group) {
            qsort(r, n, sizeof *r, cmp_rec_group);
            break;
        }
    }
    t->df = n;
    /* BM25's idf, kept above zero: in a ten-entry FAQ most words are in
     * more than half the entries. */
    t->idf = (float)log(1.0 + (N - n + 0.5) / (n + 0.5));
    static const unsigned char zero[4];
    spill_put(out, zero, (4 - spill_size(out) % 4) % 4);   /* block tables are read in place */
    t->post_off = spill_size(out);
    t->n_blocks = n > IX_BLOCK ? (n + IX_BLOCK - 1) / IX_BLOCK : 0;
    ix_block *table = NULL;
    if (t->n_blocks) {   /* its place now, its values once the blocks are written */
        if (!(table = calloc(t->n_blocks, sizeof *table)))
            return -1;
        spill_put(out, table, t->n_blocks * sizeof *table);
    }
    uint64_t data = spill_size(out);
    uint32_t prev = 0;
    for (uint32_t first = 0; first < n; first += IX_BLOCK) {
        uint32_t count = n - first < IX_BLOCK ? n - first : IX_BLOCK;
        const posting_rec *b = r + first;
        unsigned char pbytes[IX_BLOCK];
        uint32_t bmax = 0, delta_len = 0;
        for (uint32_t i = 0; i < count; i++) {
            pbytes[i] = (unsigned char)b[i].byte;
            if (b[i].byte >> 1 > bmax)
                bmax = b[i].byte >> 1;
            uint32_t d = b[i].group - (i ? b[i - 1].group : prev);
            delta_len += d < 1u << 7 ? 1 : d < 1u << 14 ? 2 : d < 1u << 21 ? 3 : d < 1u << 28 ? 4 : 5;
        }
        if (bmax > t->max_impact)
            t->max_impact = bmax;
        uint32_t last = b[count - 1].group;
        uint32_t base = first ? prev + 1 : 0;
        uint32_t n_words64 = (last - base) / 64 + 1;
        int bitmap = t->n_blocks && n_words64 <= IX_BITMAP_WORDS && n_words64 * 9 < delta_len;
        if (t->n_blocks)
            table[first / IX_BLOCK] = (ix_block){last, (uint32_t)(spill_size(out) - data),
                                                 (uint16_t)bmax,
                                                 bitmap ? IX_BLOCK_BITMAP : IX_BLOCK_DELTAS};
        if (bitmap) {
            uint64_t bits[IX_BITMAP_WORDS] = {0};
            for (uint32_t i = 0; i < count; i++) {
                uint32_t at = b[i].group - base;
                bits[at / 64] |= 1ull << (at % 64);
            }
            unsigned char ranks[IX_BITMAP_WORDS];
            for (uint32_t wi = 0, set = 0; wi < n_words64; wi++) {
                ranks[wi] = (unsigned char)set;
                set += (uint32_t)__builtin_popcountll(bits[wi]);
            }
            spill_put(out, pbytes, count);
            spill_put(out, ranks, n_words64);
            spill_put(out, bits, n_words64 * sizeof *bits);
        } else {
            unsigned char enc[IX_BLOCK * 6];
            size_t k = 0;
            for (uint32_t i = 0; i < count; i++) {
                k += ix_put_varint(enc + k, b[i].group - (i ? b[i - 1].group : prev));
                enc[k++] = pbytes[i];
            }
            spill_put(out, enc, k);
        }
        prev = last;
    }
    if (table)
        spill_patch(out, t->post_off, table, t->n_blocks * sizeof *table);
    free(table);
    t->post_len = (uint32_t)(spill_size(out) - t->post_off);
    return out->err ? -1 : 0;
}
