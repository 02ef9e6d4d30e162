/* search.h: answers a question from an index: language detection, analysis,
 * typo correction, synonyms, BM25F ranking over question and answer fields,
 * and the decision to answer, ask which entry was meant, or decline.
 *
 * Ownership: a searcher is scratch memory bound to one index and used by one
 * thread at a time; create one per thread (cheap) and free it before closing
 * its index. A faq_answer is filled by searcher_ask(); pointers in it point
 * into the index or into the searcher and stay valid until the next call on
 * that searcher.
 */
#ifndef FAQ_SEARCH_H
#define FAQ_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "decline_model.h"
#include "index_read.h"
#include "limits.h"
#include "search_params.h"

typedef struct searcher searcher;

typedef enum {
    OUTCOME_ANSWER = 0,     /* a clear winner */
    OUTCOME_CLARIFY = 1,    /* two or three entries tie: ask which one */
    OUTCOME_DECLINE = 2,    /* nothing matches well */
    OUTCOME_SMALLTALK = 3   /* greeting, thanks...: best is a smalltalk entry */
} faq_outcome;

typedef struct faq_query_opts {
    const char *lang;       /* force the query language ("es"), or NULL to detect */
    const char *prev_lang;  /* language of the conversation so far, or NULL */
    /* The page's languages, most wanted first, separated by commas ("fr,en":
     * the page's lang, then the visitor's browser's; the terminal's
     * locale), or NULL: without a conversation, the first of them among
     * the languages the question's own evidence ties on wins ("hi" is
     * small talk in English and German), before the one with most entries
     * and the FAQ's first. The first FAQ_MAX_PAGE_LANGS are read. */
    const char *page_lang;
    double threshold;       /* confidence below which to decline; < 0: the default */
    int explain;            /* fill faq_answer.explain */
    int no_typos;           /* turn typo tolerance off (for measurements) */
    int highlight;          /* fill faq_answer.matched (costs a pass over the answer) */
    int utf8_checked;       /* the caller found q valid UTF-8 (a front end's check of
                               what it refuses): not read for it again */
} faq_query_opts;

typedef struct faq_hit {
    uint32_t entry;         /* entry number, UINT32_MAX if none */
    double score;
} faq_hit;

typedef struct faq_answer {
    faq_outcome outcome;
    const char *query_lang; /* detected or given language code */
    faq_hit best;           /* leading entry (also when declined, if any scored) */
    double confidence;      /* 0..1 */
    int other_lang;         /* best is not in query_lang: no translation exists */
    faq_hit alts[FAQ_MAX_ALTERNATIVES];
    int n_alts;
    /* "Did you mean": the question with typos corrected, NUL-terminated, or
     * NULL when nothing was corrected. */
    const char *corrected;
    /* With opts->highlight: the words of the answered entry (folded,
     * unstemmed) that carry a matched term, for highlighting: n_matched
     * slices. */
    const char *matched[FAQ_MAX_QUERY_TERMS];
    size_t matched_len[FAQ_MAX_QUERY_TERMS];
    int n_matched;
    /* Human-readable account of the ranking when opts->explain, else NULL. */
    const char *explain;
    int bad_utf8;           /* the question was not valid UTF-8: declined */
    /* What the decline decision read of the leader (when one scored): the
     * decline model's features, for faqbot eval --fit. */
    double features[DF_COUNT];
    int has_features;
} faq_answer;

typedef struct search_model search_model;

/* NULL when memory runs out. searcher_new() builds a search model of its
 * own for ix (search_model.h); searcher_new_shared() reads m, which many
 * searchers may share and which must outlive them. */
searcher *searcher_new(const faq_index *ix);
searcher *searcher_new_shared(const search_model *m);
void searcher_free(searcher *s);
const faq_index *searcher_index(const searcher *s);
/* The analyzer the searcher reads questions of language lang with (stop
 * words and synonyms of the index), or NULL for no such language. Borrowed:
 * valid while s lives, and used on s's thread only. */
struct analyzer *searcher_analyzer(searcher *s, uint32_t lang);

/* Is q (len bytes) longer than FAQ_MAX_QUESTION_CHARS code points? Every
 * front end refuses such a question with a message (the API's 400, the
 * REPL, ask) rather than answering a question it cut. */
int faq_question_too_long(const char *q, size_t len);

/* Answer question q (len bytes). Returns 0, or -1 if memory ran out. An
 * empty or invalid question is not an error: it is declined. */
int searcher_ask(searcher *s, const char *q, size_t len,
                 const faq_query_opts *opts, faq_answer *out);

/* The entries a reply offers besides its answer, into hits (room for
 * FAQ_MAX_ALTERNATIVES): on a decline the leader and the alternatives, on a
 * clarify or an answer the alternatives. A visitor is offered what they can
 * read: on a decline or under an answer, an entry the FAQ lacks in the
 * question's language is left out when one offered is in it (kept, and
 * marked by its language, when none is); a clarify's choices are tied, and
 * all of them kept. Returns how many. */
int faq_answer_offers(const faq_index *ix, const faq_answer *a, faq_hit *hits);

/* The rule of faq_answer_offers() on any n hits, in place: when some are
 * entries in language lang (a code; NULL: none), those alone, in their
 * order; else all. Returns how many are kept. */
int faq_hits_readable(const faq_index *ix, const char *lang, faq_hit *hits, int n);

/* The k best FAQ entries for q in ranking order, with no decision made:
 * for benchmarks and tools. Returns how many were written to hits (<= k),
 * or -1 if memory ran out. */
int searcher_topk(searcher *s, const char *q, size_t len, const faq_query_opts *opts,
                  faq_hit *hits, int k);

/* Top-k pruning is on by default; off, every posting is scored: for tests
 * that check pruning changes no result, and for measuring its gain. */
void searcher_set_pruning(searcher *s, int on);

/* The ranking's parameters (search_params.h), the defaults until set. A
 * threshold in faq_query_opts overrides params.threshold. */
void searcher_set_params(searcher *s, const search_params *p);
const search_params *searcher_params(const searcher *s);   /* the parameters in use */

/* After a searcher_ask() or searcher_topk(): what reranking did to the
 * candidate at rank (0 the leader, 1 the runner-up): its entry, its score
 * from retrieval, and each rerank feature's factor (its score after the
 * feature over its score before; 1 when it changed nothing or was off)
 * into factors (cap of them), named by searcher_feature_name(). Returns
 * how many factors, or -1 when there is no candidate at rank. */
int searcher_factors(const searcher *s, int rank, uint32_t *entry, double *retrieval,
                     double *factors, int cap);
const char *searcher_feature_name(int i);   /* NULL past the last */

#endif
