/* analyze_internal.h: the analyzer's insides, shared by analyze.c (the
 * walk over a text, stop words, stems) and analyze_phrase.c (the phrases
 * of synonyms.txt). Nothing else includes it: the analyzer's face is
 * analyze.h. */
#ifndef FAQ_ANALYZE_INTERNAL_H
#define FAQ_ANALYZE_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stdint.h>
#include <utf8proc.h>

#include "analyze.h"
#include "digraph.h"
#include "hash.h"
#include "limits.h"

typedef struct stopset {
    const char **slots; /* open addressing, NULL = empty */
    int borrowed;       /* its strings are another's (an index's): not freed */
    size_t cap;        /* power of two */
} stopset;

/* A direct-mapped cache of stems: words repeat (Zipf), and the stemmer is
 * most of the analysis cost. It starts at SMALL_STEM_SLOTS and doubles when
 * half its slots are taken, up to QUESTION_STEM_SLOTS for a question's
 * analyzer and STEM_CACHE_SLOTS for the indexer's (analyzer_cache_stems),
 * so that it is no larger than the words it has met call for. */
#define STEM_CACHE_SLOTS 16384
/* A question's analyzer's at most (about 500 KB): a thread asked a large
 * FAQ's questions meets thousands of words (2,126 in the 10k generated
 * corpus's first 2,000 queries); at 1,024 slots a word that comes back
 * finds its slot taken by another and is stemmed again (3.8 k instructions
 * a question over those queries asked twice). */
#define QUESTION_STEM_SLOTS 8192
#define STEM_CACHE_WORD 30

typedef struct stem_slot {
    unsigned char wlen, tlen;
    char word[STEM_CACHE_WORD];
    char term[STEM_CACHE_WORD];
} stem_slot;

/* Every analyzer's cache to begin with: questions repeat their words,
 * stop words in every one. Its slots
 * are told taken by a bitmap, so that making one touches none of them: a
 * searcher has an analyzer per language of its index, most of which may
 * never stem a word, and zeroing each one's cache was most of the cost of
 * making it. */
#define SMALL_STEM_SLOTS 1024

#define PHRASE_MAX_TERMS 4
#define PHRASE_TERM_BYTES (FAQ_MAX_TERM_BYTES * 4 + 16)

#define PHRASE_RECENT 8          /* a phrase's words with stop words between */

/* A phrase of synonyms.txt and the one-word member it stands for. */
typedef struct phrase_rule {
    char *terms;                /* its words' keys, each NUL-ended, first to last */
    int n;
    int strict;                 /* it has stop words: they must stand in the text too */
    char *word, *term;          /* the member it yields, NUL-ended */
    size_t word_len, term_len;
} phrase_rule;

/* What an analyzer knows of its language's texts: its stop words and its
 * synonyms' phrases. Made with the analyzer, read-only once it has copies
 * (analyzer_clone()), which share it and the last of which frees it. */
typedef struct lang_rules {
    atomic_int refs;
    digraphs dg;                /* letters typed as two */
    stopset stop;
    stopset qwords;
    stopset situation;          /* the "!situation" lines' words */
    stopset times;              /* the "!time" lines' words */
    phrase_rule *phrases;
    int n_phrases;
    uint64_t phrase_ends[16];   /* a 1024-bit filter of the phrases' last terms */
} lang_rules;

struct analyzer {
    stem_slot *stems;           /* n_stem_slots, a power of two; unset until used */
    uint64_t *stem_used;        /* a bit per slot: it holds a word */
    size_t n_stem_slots, stems_taken, max_stem_slots;
    char code[FAQ_MAX_LANG_CODE];
    struct sb_stemmer *stemmer;
    const char *stem_letters;   /* stemmer_letters(code) */
    pcre2_match_data *md;       /* for the process's token_re */
    lang_rules *r;
    int keep_stop;
    int skip_stem;
    int article_strip;          /* Arabic: arabic_article() off before the stemmer */
    int no_phrases;             /* while synonyms.txt itself is read */
    /* the walk's last words, stop words too: key (a stop word's form, any
     * other word's term), where each starts, whether a stop word */
    struct recent_word {
        char key[PHRASE_TERM_BYTES];
        size_t len, off;
        int stop;
    } recent[PHRASE_RECENT];
    int n_recent;
    /* Scratch for one token: code points, then the folded forms. */
    utf8proc_int32_t cps[FAQ_MAX_TERM_BYTES * 4 + 16];
    char cf[FAQ_MAX_TERM_BYTES * 4 + 16];    /* case-folded */
    char rd[FAQ_MAX_TERM_BYTES * 4 + 16];    /* case-folded, digraphs read */
    char af[FAQ_MAX_TERM_BYTES * 4 + 16];    /* case- and accent-folded */
    char term[FAQ_MAX_TERM_BYTES * 4 + 16];  /* folded stem */
};

static inline uint64_t hash_of(const char *s, size_t n)
{
    return hash_bytes(HASH_SEED, s, n);
}

/* After word t of the walk: remember it, and if a phrase ends with it,
 * yield the member the phrase stands for (analyze_phrase.c). Returns 0 or
 * fn's non-zero value. */
int analyzer_after_word(analyzer *a, const char *text, const token *t, token_fn fn, void *ctx);

#endif
