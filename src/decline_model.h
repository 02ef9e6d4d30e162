/* decline_model.h: the decision to answer or decline as a small logistic
 * model over named features of the question and its leading entry, fitted
 * offline (faqbot eval --fit) over several FAQs rather than tuned on one.
 * Every feature is a number in [0, 1]; the model's probability that the
 * leader is the right answer is the confidence the front ends show.
 *
 * Ownership: plain values; nothing allocated but what decline_fit() is
 * given by its caller. */
#ifndef FAQ_DECLINE_MODEL_H
#define FAQ_DECLINE_MODEL_H

#include <stddef.h>

typedef enum {
    DF_COVER = 0,   /* the share of the question's weight the leader covers */
    DF_KNOWN_COVER, /* ... of the weight of the words the FAQ knows */
    DF_UNK_WORD,    /* share of the content words the FAQ lacks that the language has */
    DF_UNK_OTHER,   /* share of the content words neither has (names, codes, slips) */
    DF_QFIELD,      /* share of the known weight the leader's question holds */
    DF_MARGIN,      /* 1 - runner-up's score / leader's */
    DF_FIT,         /* how well the leader's question and the question match (F1) */
    DF_BM25,        /* BM25F of the leader / the most the known words could score */
    DF_COMMON,      /* the commonest of the FAQ's words the question uses: 1 - idf / max idf */
    DF_DOMAIN,      /* share of the content words the FAQ has and the language has not */
    DF_EVIDENCE,    /* the leader's matched weight / (it + the weight of the words the FAQ
                     * lacks): coverage that words the FAQ knows elsewhere do not lower */
    DF_TOPIC_NAME,  /* the largest share of the FAQ's entries holding a name or jargon word
                     * of the question, in its language or written as another language of
                     * the FAQ writes it: one most entries hold is what the FAQ is about */
    DF_TRANSLATED,  /* share of the known weight the FAQ holds only through a dictionary's
                     * translation or a spelling alike: 0 for a question in the language of
                     * the entries it reaches */
    DF_XL_UNKNOWN,  /* unknown_words, of a question with a translated word (else 0): in a
                     * language without entries a word the FAQ lacks is often one the
                     * dictionaries miss, not another topic */
    DF_XL_DICT,     /* of a question with a translated word (else 0), the share of its
                     * content words the FAQ lacks that a dictionary from its language
                     * holds: translated, but into words no entry has (another topic),
                     * where the rest of xl_unknown's are the dictionaries' gaps */
    DF_SMALL_VOCAB, /* 1 / (1 + the terms of the leader's language / small_vocab_terms): a FAQ
                     * of few words lacks more of the words an in-scope visitor uses, so a
                     * word it lacks says less of another topic there */
    DF_UNION_GAIN,  /* the share of the question's weight the runner-up covers that the leader
                     * lacks: the FAQ knows those words together with the question's others,
                     * where an ordinary word the leader lacks stands only in some answer */
    DF_UNK_GENERAL, /* share of the content words the FAQ lacks that the language's thesaurus
                     * gives many synonyms: a general word ("bring", "somewhere") rather
                     * than another topic's */
    DF_COUNT
} decline_feature;

typedef struct decline_model {
    double bias;
    double w[DF_COUNT];
} decline_model;

/* The confidence is the larger of the model's probability and the share of
 * the question's weight the leader covers rescaled so that coverage
 * cover_floor meets the default threshold and full coverage 1 (linearly on
 * either side of the floor): at that threshold the coverage
 * rule answers what it answered before, and the model answers besides where
 * its evidence (words the FAQ lacks that the language has, the runner-up's
 * distance, the leader's question) says the FAQ knows the topic; a higher
 * threshold asks more of both. The defaults (the parameter table's): */
#define DECLINE_THRESHOLD 0.65   /* the confidence below which to decline */
#define DECLINE_COVER_FLOOR 0.42 /* coverage that answers on its own */

/* The features' names, for reports and dumps. */
extern const char *const decline_feature_name[DF_COUNT];

/* The probability (0..1) that the question is one the FAQ answers, given
 * its leader's features. */
double decline_prob(const decline_model *m, const double x[DF_COUNT]);

/* The confidence (0..1) of the decision, as above; m NULL: coverage alone. */
double decline_confidence(const decline_model *m, const double x[DF_COUNT], double cover_floor);

/* Fits m to n rows: x[i * DF_COUNT ...] the features of row i, y[i] 1 if
 * the FAQ answers it, wt[i] its weight (NULL: 1), with an L2 penalty l2 on the
 * weights (not the bias), by Newton's method (IRLS). Features switched off
 * in use (use[f] == 0, use NULL: all on) keep a zero weight. Returns 0, or
 * -1 when the system is singular. */
int decline_fit(const double *x, const int *y, const double *wt, size_t n, double l2,
                const int *use, decline_model *m);

/* Fits the weights of the features after[f] != 0 to the same rows with m's
 * bias and other weights held (m: a fit without them): a feature that is
 * only ever evidence for answering (a word the FAQ is about) and that many
 * FAQs never show, whose absence must not lower the bias for every
 * question. Returns 0, or -1 when the system is singular. */
int decline_fit_after(const double *x, const int *y, const double *wt, size_t n, double l2,
                      const int *after, decline_model *m);

#endif
