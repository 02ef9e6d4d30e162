/* index_encode.h: a term's postings encoded as index_format.h's POSTINGS
 * says (impacts, blocks, bitmap blocks), appended to the section's spill. */
#ifndef FAQ_INDEX_ENCODE_H
#define FAQ_INDEX_ENCODE_H

#include <stdint.h>

#include "index_format.h"
#include "index_spill.h"

/* A posting's byte: its BM25F term-frequency factor scaled to
 * 1..IX_IMPACT_MAX, shifted left, and 1 when the term is in the question;
 * from the term's frequencies, the entry's question and answer lengths and
 * their averages in the language. */
uint32_t posting_byte(uint32_t tf_q, uint32_t tf_a, uint32_t qlen, uint32_t alen, double avg_q,
                      double avg_a);

/* Term t's n joined records r (of its language's groups, sorted here by
 * group) appended to out, 4-byte aligned; t's df, idf (N: FAQ entries of
 * its language), post_off, post_len, n_blocks and max_impact set. Returns
 * 0, or -1 when out failed or memory ran out. */
int encode_postings(spill *out, ix_term *t, posting_rec *r, uint32_t n, double N);

#endif
