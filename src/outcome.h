/* outcome.h: what the bot does with a ranking: small talk (a greeting,
 * thanks...), or the confidence (the share of the question's weight the
 * leader covers) and from it answer, ask which of two tied entries was
 * meant, or decline; with the alternatives to offer. */
#ifndef FAQ_OUTCOME_H
#define FAQ_OUTCOME_H

#include <stdint.h>

#include "query.h"
#include "search.h"
#include "topk.h"

/* The small talk entry the question is, or IX_NONE: every word of it small
 * talk of one language and one of its phrases in it; or, when the ranking
 * is weak (no candidate, or the leader's coverage below threshold), a
 * phrase of language L among a few other words. *lang: the language whose
 * small talk it is (L's when L's holds it as well as another's). */
uint32_t outcome_smalltalk(const search_ctx *c, uint32_t L, const cand *top, int n_top,
                           double threshold, uint32_t *lang);

/* Fill out's best, other_lang, confidence, alternatives and outcome from
 * the reranked top[0..n_top) (n_top > 0) for language L. */
void outcome_decide(const search_ctx *c, uint32_t L, const cand *top, int n_top,
                    double threshold, faq_answer *out);

#endif
