/* topk.h: retrieval: the best groups for the query's slots by BM25F, with
 * each group's coverage of the question and which slots it matched; the
 * stage before reranking. */
#ifndef FAQ_TOPK_H
#define FAQ_TOPK_H

#include <stdint.h>

#include "query.h"

typedef struct cand {
    uint32_t group;
    double score, cover;        /* cover: the question's weight it matches */
    uint32_t mask;              /* the slots it matched, by bit */
    double bm25;                /* its score from retrieval over the most any entry could
                                   score for these slots (0..1), before the rerank */
} cand;

/* Cursors, per thread: large, so made once. NULL when memory runs out. */
typedef struct topk_scratch topk_scratch;
topk_scratch *topk_scratch_new(void);
void topk_scratch_free(topk_scratch *x);

/* The c->p->rerank_depth best groups for the slots of c->q into top (room
 * for SEARCH_RERANK_MAX), in no order; returns how many. pruning: 0 scores
 * every posting (to check that pruning changes nothing). */
int topk_run(topk_scratch *x, const search_ctx *c, int pruning, cand *top);

#endif
