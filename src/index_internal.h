/* index_internal.h: the opened index as the ranker sees it: pointers into the
 * mapping, checked by faq_index_open(). index_read.c, index_postings.c
 * (the only reader of POSTINGS) and the search stages that look terms,
 * words, entries and question sequences up (and their tests) include it;
 * front ends use index_read.h. */
#ifndef FAQ_INDEX_INTERNAL_H
#define FAQ_INDEX_INTERNAL_H

#include <string.h>

#include "index_format.h"
#include "index_read.h"
#include "spellings.h"

struct faq_index {
    const unsigned char *map;
    uint64_t size;
    const ix_header *h;
    const char *texts;
    uint64_t texts_len;
    const char *strings;
    uint64_t strings_len;
    const ix_lang *langs;
    const ix_entry *entries;
    const uint32_t *groups;
    const ix_term *terms;
    const uint32_t *term_hash;
    size_t term_hash_cap;
    const unsigned char *postings;
    uint64_t postings_len;
    const ix_word *words;
    const uint32_t *word_hash;
    size_t word_hash_cap;
    const uint32_t *qseq;
    size_t qseq_len;
    const uint32_t *ids;
    const uint32_t *ewords_off;   /* EWORDOFF, entries + 1 */
    const uint32_t *ewords;       /* EWORDS */
    size_t ewords_len;
    const uint64_t *tok_off;      /* TOKOFF, entries x 3 + 1 */
    const unsigned char *tokens;  /* TOKENS */
    uint64_t tokens_len;
    const ix_xlate *xlates;       /* XLATE */
    const uint32_t *xlterms;      /* XLTERMS */
    const uint32_t *xlate_hash;   /* XLHASH */
    size_t xlate_hash_cap;
    uint32_t n_xlates, n_xlterms;
    const uint32_t *dict_heads;   /* DICTHEADS, sorted */
    size_t n_dict_heads;
    const uint64_t *lacking;      /* LACKING, per term, or NULL: none lacks any */
    const ix_shown *shown;
    const char *shown_text;
    uint64_t shown_text_len;
    spellings spellings;          /* SPELLINGS, its header read at open */
    const unsigned char *model;   /* MODEL */
    uint64_t model_len;
    uint32_t n_langs, n_entries, n_groups, n_terms, n_words;
    char checksum_hex[17];        /* the header's checksum in hex, made at open */
};

/* faq_index_open() of an index whose MODEL is still to be made: the
 * build's own, to make it from the rest of the file (index_file.c). */
int ix_open_unfinished(const char *path, faq_index **out, char *err, size_t errlen);

/* Term number of (lang, s), or IX_NONE. */
static inline uint32_t ix_find_term(const faq_index *ix, uint32_t lang, const char *s, size_t n)
{
    size_t mask = ix->term_hash_cap - 1;
    for (size_t i = ix_hash(lang, s, n) & mask;; i = (i + 1) & mask) {
        uint32_t v = ix->term_hash[i];
        if (!v)
            return IX_NONE;
        const ix_term *t = &ix->terms[v - 1];
        if (t->lang == lang && t->text.len == n && memcmp(ix->strings + t->text.off, s, n) == 0)
            return v - 1;
    }
}

/* Word number of (lang, s), or IX_NONE. */
static inline uint32_t ix_find_word(const faq_index *ix, uint32_t lang, const char *s, size_t n)
{
    size_t mask = ix->word_hash_cap - 1;
    for (size_t i = ix_hash(lang, s, n) & mask;; i = (i + 1) & mask) {
        uint32_t v = ix->word_hash[i];
        if (!v)
            return IX_NONE;
        const ix_word *w = &ix->words[v - 1];
        if (w->lang == lang && w->text.len == n && memcmp(ix->strings + w->text.off, s, n) == 0)
            return v - 1;
    }
}

/* Translation row of (lang, term s), or IX_NONE. */
static inline uint32_t ix_find_xlate(const faq_index *ix, uint32_t lang, const char *s, size_t n)
{
    size_t mask = ix->xlate_hash_cap - 1;
    for (size_t i = ix_hash(lang, s, n) & mask;; i = (i + 1) & mask) {
        uint32_t v = ix->xlate_hash[i];
        if (!v)
            return IX_NONE;
        const ix_xlate *x = &ix->xlates[v - 1];
        if (x->lang == lang && x->text.len == n && memcmp(ix->strings + x->text.off, s, n) == 0)
            return v - 1;
    }
}

/* Is (lang, term s) a headword of a dictionary from lang (DICTHEADS)? */
static inline int ix_dict_head(const faq_index *ix, uint32_t lang, const char *s, size_t n)
{
    uint32_t key = ix_hash(lang, s, n);
    size_t lo = 0, hi = ix->n_dict_heads;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->dict_heads[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ix->n_dict_heads && ix->dict_heads[lo] == key;
}

#endif
