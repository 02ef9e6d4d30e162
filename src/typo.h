/* typo.h: finds the words of a sorted vocabulary within a small
 * Damerau-Levenshtein distance (optimal string alignment: a swap of two
 * neighbours counts as one edit) of a query word, walking the vocabulary as
 * a trie: words that share a prefix share the rows of the distance table,
 * and a prefix already too far away is skipped with one search. An edit
 * that touches the first letter counts as two, as in Meilisearch: people
 * rarely mistype it, and the walk then stays in one branch of the trie. */
#ifndef FAQ_TYPO_H
#define FAQ_TYPO_H

#include <stddef.h>
#include <stdint.h>

#define TYPO_MAX_CP 64          /* longer words are not corrected */

typedef struct typo_vocab {
    /* word i is (base + off[i], len[i]), words sorted by bytes */
    const char *base;
    const void *words;          /* array of records ... */
    size_t stride;              /* ... of this size ... */
    size_t text_off;            /* ... with an {u32 off, u32 len} at this offset */
    uint32_t first, count;      /* the range of records to search */
    /* the most digits (0-9) a word of the range holds, plus one; 0 when
     * not counted (typo_vocab_digits()). Each digit of the query word
     * beyond those is an edit: a word with more than max_dist of them
     * more is far from every word of the range, found so at once. */
    uint32_t digits;
} typo_vocab;

typedef struct typo_match {
    uint32_t word;              /* record number */
    int dist;
} typo_match;

/* The default edit budget for a word of n code points: 0, 1 or 2. */
int typo_budget(size_t n_codepoints);

/* Up to cap matches within max_dist of word (valid UTF-8), nearest first;
 * returns how many. The word itself (distance 0) is not reported. */
int typo_search(const typo_vocab *v, const char *word, size_t len, int max_dist,
                typo_match *out, int cap);

/* The first record of v's range that does not come before every word
 * starting with prefix (n bytes): the first of those words, if any. */
uint32_t typo_vocab_lower_bound(const typo_vocab *v, const char *prefix, size_t n);

/* The value of v->digits for v's range: a pass over its words. */
uint32_t typo_vocab_digits(const typo_vocab *v);
/* Damerau-Levenshtein (OSA) distance of two UTF-8 strings, for tests. */
int typo_distance(const char *a, size_t alen, const char *b, size_t blen);

/* Is typo_distance(a, b) exactly 1 (one substitution, insertion, deletion
 * or swap of neighbours)? Found in one pass over the two words, without
 * the table. */
int typo_one_edit(const char *a, size_t alen, const char *b, size_t blen);

/* The code points typo_distance() counts in s, or -1 when there are more
 * than TYPO_MAX_CP (then its distance is -1). Two words whose counts differ
 * by d are at least d apart, which spares the table. */
int typo_cp_count(const char *s, size_t len);

#endif
