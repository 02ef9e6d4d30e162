/* rerank.h: the features that reorder retrieval's best few, each a row
 * {name, switch, parameters, function} applied in table order to every
 * candidate: proximity of the question's words in the entry's question,
 * the thing asked about ("qué países"), how well the two questions match,
 * quoted phrases, names and lists of names, the question said word for
 * word. And the coverage the answer's word pairs add to a leader that
 * would be declined. */
#ifndef FAQ_RERANK_H
#define FAQ_RERANK_H

#include <stddef.h>
#include <stdint.h>

#include "query.h"
#include "topk.h"

#define RERANK_FEATURES_MAX 8

/* An entry's phrasings as question fit reads them: each a head, {how
 * many terms follow, 0}, then its distinct terms, each with its idf as
 * the index keeps it. Eight bytes, not sixteen: at 10k entries most of
 * the slots below are refilled for each question, and what they write
 * misses the caches; the filter bit and the phrasing's sum are made
 * again where they are read (the same sum, added in the same order). */
typedef struct fit_term {
    uint32_t term;
    float idf;
} fit_term;

#define RERANK_FIT_SLOTS 1024   /* entries whose phrasings are kept, by a hash */

/* Per thread and index: what reranking reads once per entry. */
typedef struct rerank_scratch {
    uint16_t *names_listed;     /* per entry, names its answer lists plus one; 0 unread */
    struct fit_slot {
        uint32_t entry;         /* the entry held, or UINT32_MAX before any */
        fit_term *terms;
        size_t n, cap;
    } *fit;                     /* RERANK_FIT_SLOTS, made on first use */
    struct exact_slot {
        uint32_t entry;         /* the entry held, or UINT32_MAX before any */
        uint32_t met;           /* the last entry met here and not kept, or UINT32_MAX */
        char *words;            /* its question's words, then its phrasings' (rerank.c) */
        size_t len, cap;
    } *exact;                   /* RERANK_FIT_SLOTS, made on first use */
    /* the last rerank's effect of each feature on each candidate: its
     * score after the feature over its score before (0 when the score
     * was 0 already), by group */
    struct rerank_trace {
        uint32_t group;
        double before;          /* score from retrieval */
        double factor[RERANK_FEATURES_MAX];
        double fit;             /* its question fit (whole 0), when has_fit */
        int has_fit;
    } trace[SEARCH_RERANK_MAX];
    int n_trace;
} rerank_scratch;

void rerank_scratch_free(rerank_scratch *x);   /* its contents; x itself is the caller's */

typedef struct rerank_feature {
    const char *name;
    size_t on;                  /* offset of its use_* switch in search_params */
    const char *params;         /* the parameters it reads */
    const char *what;
} rerank_feature;

extern const rerank_feature rerank_features[];
extern const int rerank_feature_count;

/* Rerank top[0..n), n at most SEARCH_RERANK_MAX, for language L: normalise each candidate's coverage,
 * apply the features that are on, sort best first and drop those scored
 * 0. Returns how many are left. */
int rerank_run(const search_ctx *c, rerank_scratch *x, uint32_t L, cand *top, int n);

/* Two words of the question side by side in the answer of cand's entry
 * ("nota informativa") cover the question as words of its question do:
 * raise cand's coverage by them. */
void rerank_answer_pairs(const search_ctx *c, cand *cand, uint32_t L);

/* Does entry e's question (any phrasing) hold an alternative of slot x,
 * or, with question_lemma, another form of its lemma (the lemma's posting
 * in the entry's group says it is in the question)? */
int rerank_in_question_field(const search_ctx *c, uint32_t e, const slot *x);

/* How well the question and group g's question match: the best phrasing's
 * F1 of the shares of each the other holds, by idf. With whole, the words
 * the FAQ lacks count in the question's share too (for the decision to
 * answer; ranking leaves them out, since every entry lacks them alike).
 * The entries' phrasings are read once per thread, into c->rerank. After
 * rerank_run() of the question, a candidate's fit (whole 0) is the one
 * the rerank found. */
double rerank_question_fit(const search_ctx *c, uint32_t g, int whole);

/* The trace of group g from the last rerank_run, or NULL. */
const struct rerank_trace *rerank_trace_of(const rerank_scratch *x, uint32_t g);

#endif
