/* index_encode.h: a term's postings encoded as index_format.h's POSTINGS
 * says (impacts, blocks, bitmap blocks), appended to the section's spill. */
#ifndef FAQ_INDEX_ENCODE_H
#define FAQ_INDEX_ENCODE_H

#include <stdint.h>

#include "index_format.h"
#include "index_spill.h"

/* What the impacts are computed from: BM25F's field lengths. */
typedef struct impact_ctx {
    const uint32_t *groups;       /* GROUPS: the entry of group g in language l */
    uint32_t n_langs;
    const uint32_t *qlen, *alen;  /* by entry */
    const double *avg_q, *avg_a;  /* by language */
} impact_ctx;

/* Term t's n records r (of its language's groups, sorted here by group)
 * appended to out, 4-byte aligned; t's df, idf (N: FAQ entries of its
 * language), post_off, post_len, n_blocks and max_impact set. Returns 0,
 * or -1 when out failed or memory ran out. */
int encode_postings(spill *out, ix_term *t, posting_rec *r, uint32_t n, double N,
                    const impact_ctx *ic);

#endif
