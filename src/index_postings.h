/* index_postings.h: a cursor over one term's postings, the reading side of
 * the posting format that index_write.c encodes (index_format.h, POSTINGS):
 * groups in increasing order, each with its impact and whether the term is
 * in the group's question; blocks of deltas decoded a block at a time,
 * bitmap blocks read in place, and the block table read for skipping and
 * for each block's largest impact (block-max pruning).
 *
 * A cursor borrows the index (valid while the index is open) and is plain
 * data: copying one makes an independent cursor at the same place. The
 * walking functions are inline: they are the inner loop of retrieval. */
#ifndef FAQ_INDEX_POSTINGS_H
#define FAQ_INDEX_POSTINGS_H

#include <stdint.h>
#include <string.h>

#include "index_format.h"
#include "index_read.h"

#define POSTINGS_END UINT32_MAX    /* group of a cursor past its last posting */

typedef struct postings_cursor {
    const unsigned char *data, *end;    /* postings bytes, after the block table */
    const ix_block *blk;
    uint32_t n_blocks, df;
    uint32_t bi;                /* postings_shallow's block: none before it holds
                                 * a posting at or after the groups asked */
    uint32_t bi_last;           /* block bi's last group, UINT32_MAX past the
                                 * blocks: the one value postings_shallow tests */
    uint32_t lb;                /* the block loaded */
    uint32_t limit;             /* the index's group count: beyond is corrupt */
    int i, n;                   /* position in the block, its postings */
    uint32_t group;             /* current group, POSTINGS_END past the end */
    unsigned byte;              /* its impact << 1 | in_question */
    /* a bitmap block is read in place (bits is NULL for a block of deltas) */
    const unsigned char *bits, *bytes, *ranks;
    uint32_t base, words;
    /* a block of deltas is decoded at once, in a tight loop, rather than a
     * posting at a time: walking and seeking then read plain arrays */
    uint32_t docs[IX_BLOCK];
    unsigned char imps[IX_BLOCK];
} postings_cursor;

/* Open term's postings and stand on the first. */
void postings_open(postings_cursor *c, const faq_index *ix, uint32_t term);

/* The k-th largest impact of term's postings, -1 when it has fewer than k.
 * Each block holds a posting of its largest impact, so the k-th largest of
 * the blocks' largest (m) is at most the list's k-th; a block whose largest
 * is at most m holds no impact above it, so the list's k-th is m, or the
 * k-th largest impact of the blocks above m where that is more: only those
 * blocks are read (a list of fewer than k blocks is read whole). */
int postings_kth_impact(const faq_index *ix, uint32_t term, int k);

/* 1 if terms a and b have the same postings, byte for byte (a lemma whose
 * entries are its stem's), else 0: their df and lengths compared first, the
 * bytes only where those agree. */
int postings_same_list(const faq_index *ix, uint32_t a, uint32_t b);

/* The term's idf and largest impact, for scoring. */
float postings_term_idf(const faq_index *ix, uint32_t term);
uint32_t postings_term_max_impact(const faq_index *ix, uint32_t term);

/* For the inline walkers below: load block b and stand on its first
 * posting; stand on the first set bit at or after bit pos of a bitmap
 * block (rank: bits set before it, or -1 to count them), 0 past the block. */
void postings_load(postings_cursor *c, uint32_t b);
int postings_bitmap_find(postings_cursor *c, uint32_t pos, int rank);

/* A posting's byte is impact << 1 | in_question (index_format.h). */
static inline unsigned postings_byte_impact(unsigned byte) { return byte >> 1; }
static inline unsigned postings_impact(const postings_cursor *c) { return postings_byte_impact(c->byte); }
static inline int postings_in_question(const postings_cursor *c) { return c->byte & 1; }

/* The block table: how many blocks (0: the list is one unindexed run),
 * block b's largest impact and last group. */
static inline uint32_t postings_blocks(const postings_cursor *c) { return c->n_blocks; }
static inline unsigned postings_block_max(const postings_cursor *c, uint32_t b)
{
    return c->blk[b].max_impact;
}
static inline uint32_t postings_block_last(const postings_cursor *c, uint32_t b)
{
    return c->blk[b].last;
}

static inline void postings_next(postings_cursor *c)
{
    if (c->bits) {
        /* the next set bit in the same word, the common case, read here */
        uint32_t pos = c->group - c->base + 1, w = pos / 64;
        if (w < c->words) {
            uint64_t x;
            memcpy(&x, c->bits + (size_t)w * 8, 8);
            x &= ~0ull << (pos % 64);
            uint32_t at = w * 64 + (x ? (uint32_t)__builtin_ctzll(x) : 0);
            if (x && c->i + 1 < c->n && c->base + at < c->limit) {
                c->i++;
                c->group = c->base + at;
                c->byte = c->bytes[c->i];
                return;
            }
        }
        if (!postings_bitmap_find(c, pos, c->i + 1))
            postings_load(c, c->lb + 1);
    } else if (++c->i < c->n) {
        c->group = c->docs[c->i];
        c->byte = c->imps[c->i];
    } else if (c->n_blocks) {
        postings_load(c, c->lb + 1);
    } else {
        c->group = POSTINGS_END;
    }
}

/* Point the cursor's block (c->bi, returned) at the block that holds the
 * first posting at or after group g, without decoding anything: the block
 * tables alone say where g falls. */
static inline uint32_t postings_shallow(postings_cursor *c, uint32_t g)
{
    while (c->bi_last < g) {
        c->bi++;
        c->bi_last = c->bi < c->n_blocks ? c->blk[c->bi].last : UINT32_MAX;
    }
    return c->bi;
}

/* The first of the decoded block's postings from i on at or after group
 * g, c->n when none: by steps that double, then halving, as a seek lands
 * most often a posting or two on, but into a block just loaded anywhere. */
static inline int postings_lower_bound(const postings_cursor *c, int i, uint32_t g)
{
    if (i >= c->n || c->docs[i] >= g)
        return i;
    int below = i, above, step = 1;     /* docs[below] < g <= docs[above] */
    for (;;) {
        above = below + step;
        if (above >= c->n) {
            above = c->n;
            break;
        }
        if (c->docs[above] >= g)
            break;
        below = above;
        step *= 2;
    }
    while (above - below > 1) {
        int mid = below + (above - below) / 2;
        if (c->docs[mid] < g)
            below = mid;
        else
            above = mid;
    }
    return above;
}

/* Move to the first posting at or after group g, skipping whole blocks. */
static inline void postings_seek(postings_cursor *c, uint32_t g)
{
    if (c->group >= g)
        return;
    if (c->n_blocks) {
        postings_shallow(c, g);
        if (c->bi != c->lb)
            postings_load(c, c->bi);
    }
    while (c->group < g) {      /* POSTINGS_END is above every g */
        if (c->bits) {
            if (postings_bitmap_find(c, g - c->base, -1))
                return;
        } else {
            int i = postings_lower_bound(c, c->i, g);
            if (i < c->n) {
                c->i = i;
                c->group = c->docs[i];
                c->byte = c->imps[i];
                return;
            }
            if (!c->n_blocks) {
                c->group = POSTINGS_END;
                return;
            }
        }
        postings_load(c, c->lb + 1);
    }
}

#endif
