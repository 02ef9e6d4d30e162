/* index_model.h: the MODEL section of an index (index_format.h): what the
 * search model (search_model.h) knows of the index's languages, analyzed
 * once by the build: each language's stop and question words folded, its
 * synonyms.txt's phrases, one-word members and their terms, the synonym
 * groups by stem, the small talk's phrases word by word, the thesaurus
 * synonyms the FAQ holds of each of its words (known_synonyms.h). Opening an index
 * then reads these tables; it folds, splits and stems no text (that was
 * most of the cost of opening one, the same at any size).
 *
 * Made from the finished file, every other section written, so that its
 * term and entry numbers are the file's: index_file.c opens the file it is
 * writing, has the section made, and adds it last.
 */
#ifndef FAQ_INDEX_MODEL_H
#define FAQ_INDEX_MODEL_H

#include <stdint.h>

#include "index_read.h"

struct buf;

/* MODEL's bytes for ix, whose small talk entries are the n_smalltalk
 * numbers at smalltalk (ascending), appended to out. Returns 0, or -1 when
 * memory runs out (out is then freed). */
int index_model_build(const faq_index *ix, const uint32_t *smalltalk, uint32_t n_smalltalk,
                      struct buf *out);

/* A list of the section: n strings, each NUL-ended, back to back from s. */
typedef struct ix_model_list {
    const char *s;
    uint32_t n;
} ix_model_list;

/* What the section holds of language l. */
typedef struct ix_model_lang {
    ix_model_list settings;     /* one string: the "!" lines of its stopwords.txt */
    ix_model_list stop;         /* its stop words, folded */
    ix_model_list qwords;       /* its question words, folded */
    ix_model_list syn_words;    /* synonyms.txt's one-word members, folded, in file order */
    ix_model_list member_terms; /* their terms, sorted by bytes, each once */
    ix_model_list thesaurus_order; /* one string, the stamp of its thesaurus when its
                                      .idx is in order (thesaurus_order_stamp()),
                                      or none */
} ix_model_lang;

/* A word's standing in its language (index_model_word()): bits of */
#define IX_MODEL_SMALLTALK 1u       /* a word of a small talk phrase */
#define IX_MODEL_SMALLTALK_TERM 2u  /* a key term of one */
#define IX_MODEL_SYNONYM 4u         /* a one-word member of synonyms.txt */
#define IX_MODEL_LANG 8u            /* one of the three, a stop or a question word:
                                       a word that tells the language */

/* The section's table of words, as mapped: found by index_model_word(). */
typedef struct ix_model_words {
    const unsigned char *model;     /* the section */
    uint64_t model_len;
    const unsigned char *slots;     /* cap u32 */
    uint32_t cap;
} ix_model_words;

/* The IX_MODEL_* bits of language lang's folded word w, or 0 when it has
 * none. Bounds-checked: a corrupt table gives a wrong answer, never a read
 * outside the section. */
uint32_t index_model_word(const ix_model_words *t, uint32_t lang, const char *w, size_t n);

/* The most ASCII digits a word of language lang with IX_MODEL_LANG in t
 * holds (utf8_digit_count()): a pass over the table. */
uint32_t index_model_lang_digits(const ix_model_words *t, uint32_t lang);

/* What the section holds, handed over part by part in its order (each
 * language, then its phrases; the synonym groups' terms; the groups by
 * stem; the small talk's phrases, then its words by language; the kept
 * thesaurus synonyms). Strings point into the mapping: they
 * live as long as the index. A member may be NULL: that part is checked
 * and passed over. A non-zero return stops the reading. */
typedef struct ix_model_visitor {
    int (*lang)(void *ctx, uint32_t l, const ix_model_lang *ml);
    /* a phrase of synonyms.txt, as analyzer_add_phrase() takes it */
    int (*phrase)(void *ctx, uint32_t l, const char *keys, int n, int strict, const char *word,
                  const char *term);
    /* the synonym groups' terms, n u32 at p (little-endian, unaligned) */
    int (*syn_terms)(void *ctx, const unsigned char *p, uint32_t n);
    /* a stem's (ix_hash-like key) groups: terms [first, first + count) */
    int (*syn_entry)(void *ctx, uint64_t key, uint32_t first, uint32_t count);
    /* a small talk phrase: its words (stop words kept), then its keys, a
     * term and a word for each word but stop and question words */
    int (*smalltalk)(void *ctx, uint32_t entry, uint32_t lang, ix_model_list words,
                     ix_model_list keys);
    /* language l's small talk words, once each, sorted by bytes (checked
     * when deep) */
    int (*smalltalk_words)(void *ctx, uint32_t l, ix_model_list words);
    /* the synonyms a thesaurus gives each word of the index
     * (known_synonyms_table()'s tables, mapped; n_words 0: none kept) */
    int (*known_synonyms)(void *ctx, const unsigned char *firsts, uint32_t n_words,
                          const unsigned char *items, uint32_t n_items);
    /* the table of words, mapped */
    int (*words)(void *ctx, const ix_model_words *t);
} ix_model_visitor;

/* The hash of a language's stem the synonym groups are found by. */
uint64_t index_model_syn_key(uint32_t lang, const char *stem, size_t n);

#define IX_MODEL_CORRUPT (-2)

/* Read the section (n bytes at p) of an index of n_langs languages,
 * n_entries entries and n_terms terms, handing its parts to v (NULL: check
 * it only). Every count, length and number is checked against what it
 * points into; the table of words' records only when deep (faq_index_check():
 * opening need not touch them, as each lookup checks what it reads).
 * Returns 0, the visitor's non-zero value, or IX_MODEL_CORRUPT. */
int index_model_read(const unsigned char *p, uint64_t n, uint32_t n_langs, uint32_t n_entries,
                     uint32_t n_terms, uint32_t n_words, int deep, const ix_model_visitor *v,
                     void *ctx);

#endif
