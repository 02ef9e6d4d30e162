/* present.h: what a search shows besides its decision: the explanation of
 * the ranking, "did you mean" (the question with its typos corrected) and
 * the words of the answer to highlight. */
#ifndef FAQ_PRESENT_H
#define FAQ_PRESENT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "query.h"
#include "rerank.h"
#include "search.h"
#include "topk.h"

/* The explanation's text (at most FAQ_MAX_EXPLAIN_BYTES); failed is set
 * when a line could not be added for want of memory or room, and then the
 * text is void (explain_reset clears it). */
typedef struct explain_buf {
    buf text;
    int failed;
} explain_buf;

void explain_reset(explain_buf *b);
void explain_free(explain_buf *b);
void explainf(explain_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The query language, each slot and its alternatives, the best few
 * candidates with what they matched (and, with trace, each rerank
 * feature's factor for the first two), and the threshold. */
void present_explain(explain_buf *b, const search_ctx *c, uint32_t L, const cand *top, int n_top,
                     const rerank_scratch *trace, double threshold);

/* Does a typo correction count in cand c (a slot whose first alternative
 * is a typo, matched by c)? */
int present_correction_counts(const query *q, const cand *c);

/* A thread's memory of where the FAQ writes the words "did you mean"
 * shows (present_corrected): NULL when memory runs out; free accepts NULL. */
typedef struct present_memo present_memo;
present_memo *present_memo_new(void);
void present_memo_free(present_memo *m);

/* The question text (len bytes) with each corrected word replaced by the
 * word as the FAQ writes it (first in entry lead, the leader), in the case
 * the asker typed, without its opening and closing marks, into out (cap
 * bytes, NUL-terminated; cut where it would not fit). */
void present_corrected(const search_ctx *c, uint32_t L, uint32_t lead, const char *text, size_t len,
                       char *out, size_t cap);

/* The words of entry e (folded, unstemmed) that carry a term cand c
 * matched, into out->matched (slices of words, cap bytes). */
void present_highlight(const search_ctx *s, const cand *c, uint32_t e, char *words, size_t cap,
                       faq_answer *out);

#endif
