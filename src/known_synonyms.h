/* known_synonyms.h: which of a word's general synonyms (thesaurus.h) the
 * FAQ holds, and under which terms. A question's word looks them up (the
 * slots, slots.h), and the build works them out once for each word the
 * index holds (index_model.h), so that a question typed as the FAQ spells
 * its words reads them from the index. Both go through
 * known_synonyms_each(), so both give the same terms in the same order.
 */
#ifndef FAQ_KNOWN_SYNONYMS_H
#define FAQ_KNOWN_SYNONYMS_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "index_read.h"
#include "limits.h"
#include "search_params.h"
#include "thesaurus.h"

/* What the first word of a text (a synonym) is in the index: its word, its
 * term (its stem's) and its lemma mark's term ("~mor"), each IX_NONE when
 * the index lacks it. */
typedef struct known_terms {
    uint32_t word, term, marked;
} known_terms;

/* The first word of text w (n bytes) that is neither a stop word nor a
 * phrase's synonym, analysed by an (language lang's, as the index was
 * built): its word in ix, and, when stem, its term and lemma mark's (else
 * left IX_NONE). */
void known_synonyms_terms(const faq_index *ix, analyzer *an, uint32_t lang, const char *w,
                          size_t n, int stem, known_terms *out);

/* The checks a synonym passes (the search parameters thesaurus_as_written,
 * use_lemma and thesaurus_mutual). */
typedef struct known_synonyms_rules {
    int as_written;             /* a known word's synonym stands in the FAQ as written */
    int use_lemma;              /* a synonym the FAQ says in another form only counts */
    int mutual;                 /* the synonym lists the word back */
} known_synonyms_rules;

/* The rules search parameters p set: the one place that reads them. */
known_synonyms_rules known_synonyms_rules_of(const search_params *p);

/* The rules the build keeps a word's synonyms by (known_synonyms_table()):
 * those of the parameters' shipped values, search_params_default(). The
 * index keeps no note of them: a search by other rules
 * (search_model_known_synonyms() is told them) looks its synonyms up. */
known_synonyms_rules known_synonyms_rules_built(void);

int known_synonyms_rules_equal(known_synonyms_rules a, known_synonyms_rules b);

/* One lookup: word (len bytes, as looked up) in th; known when the FAQ
 * holds the word itself. terms() says what a synonym is in the index
 * (known_synonyms_terms(), or a memory of it); take() is given each term
 * that passes, in the thesaurus's order (once per meaning that lists it),
 * until limit of them were given. taken counts them. */
typedef struct known_synonyms_ask {
    const thesaurus *th;
    const char *word;
    size_t len;
    int known;
    int limit;
    known_synonyms_rules rules;
    void (*terms)(void *ctx, const char *w, size_t n, int stem, known_terms *out);
    void (*take)(void *ctx, uint32_t term);
    void *ctx;
    int taken;
} known_synonyms_ask;

/* Runs the lookup; returns thesaurus_lookup()'s count (0: the thesaurus
 * has no synonyms for the word as looked up). */
int known_synonyms_each(known_synonyms_ask *a);

/* The most terms the index keeps for a word (max_thesaurus_known's
 * largest value). */
#define KNOWN_SYNONYMS_MAX 12u

/* The synonyms of word (len bytes, as looked up) in language lang's
 * thesaurus th that a search of a word the FAQ holds takes by rules,
 * each analysed by an, into terms
 * (KNOWN_SYNONYMS_MAX of room) in the lookup's order: how many, or -1
 * when the thesaurus gave none (a search then looks up the word's
 * lemma). */
int known_synonyms_list(const faq_index *ix, analyzer *an, uint32_t lang, const thesaurus *th,
                        known_synonyms_rules rules, const char *word, size_t len,
                        uint32_t *terms);

/* The table the index keeps of them (index_model.h's MODEL): for each
 * word of ix, in WORDS' order, a u32: where its list starts in the items,
 * or IX_NONE when none is kept (its language has no thesaurus in th, or
 * the thesaurus lacks the word as the index spells it and SPELLINGS has
 * no lemma to look up instead); a list is a u32, its count of terms (at
 * most KNOWN_SYNONYMS_MAX) with KNOWN_SYNONYMS_WHOLE set when the
 * thesaurus gave no more and KNOWN_SYNONYMS_BY_LEMMA when they are its
 * lemma's (as SPELLINGS gives it: they stand while SPELLINGS is the
 * dictionary's), then the terms, by known_synonyms_rules_built(). an[l]
 * and th[l] are language l's
 * analyzer (as the index was built) and thesaurus (NULL: none). Appended
 * to firsts and items (little-endian u32s). Returns 0, or -1 when memory
 * ran out. */
struct buf;
#define KNOWN_SYNONYMS_WHOLE 0x80000000u
#define KNOWN_SYNONYMS_BY_LEMMA 0x40000000u
#define KNOWN_SYNONYMS_COUNT 0x3fffffffu
/* The room a search gives a lemma (query.h's QUERY_WORD_BYTES): a word or
 * lemma that does not fit well inside it is not kept. */
#define KNOWN_SYNONYMS_LEMMA_CAP (FAQ_MAX_TERM_BYTES * 4 + 1)
int known_synonyms_table(const faq_index *ix, analyzer *const *an, const thesaurus *const *th,
                         struct buf *firsts, struct buf *items);

#endif
