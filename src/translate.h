/* translate.h: an index's translation tables, made at index time from the
 * bilingual dictionaries the system has (FreeDict's, in dictd's format:
 * dictd.h, /usr/share/dictd/freedict-<from>-<to>.index and .dict.dz, the
 * languages by their three-letter ISO 639-3 codes). For a language one may
 * ask in (L) and each language of the corpus with FAQ entries (C), each
 * word of L whose translation into C the index holds: L's term for the
 * word (its folded stem, as the analyzer makes it) -> the index's C terms.
 * Both ways of a pair are read: the L->C dictionary's entries (whole, when
 * it is not too large to read whole) and the C->L dictionary's entries
 * whose headword the index holds, read backwards. L's headword or
 * translation counts when it is one word once stop words are gone; C's
 * when it is one to three words the index holds every one of ("tap
 * water" for "Leitungswasser": both terms); the dictionary's notes,
 * examples and labels are left out.
 *
 * (The dictionaries' names and entries: freedict.h.)
 *
 * Ownership: a table's arrays belong to it; translate_table_free() frees
 * them. */
#ifndef FAQ_TRANSLATE_H
#define FAQ_TRANSLATE_H

#include <stddef.h>
#include <stdint.h>

#include "corpus.h"


typedef struct translate_lang {
    const char *code;           /* "es" */
    const char *stopwords;      /* its stop words as the index has them, or NULL */
    const char *synonyms;       /* its synonyms, or NULL: a translation into a
                                   member the FAQ does not use stands for those
                                   of its group it does */
    int has_faq;                /* it has FAQ entries: it may be a C */
    int asked;                  /* some FAQ group has no entry in it: it is an L
                                   (a table for a language every entry has would
                                   serve no one) */
} translate_lang;

/* The index's term i (0 .. n_terms - 1, as the index numbers them): its
 * language and its text (folded stem), len bytes, valid while the build
 * lasts. */
typedef void (*translate_term_fn)(void *ctx, uint32_t i, uint32_t *lang, const char **s,
                                  size_t *len);

typedef struct translate_row {
    uint32_t lang;              /* L, a number of the languages given */
    uint32_t key_off, key_len;  /* L's term, in keys */
    uint32_t first, count;      /* its translations, in terms ... */
    uint32_t both;              /* ... the first both's found both ways (L->C
                                   and C->L): the surer */
} translate_row;

typedef struct translate_table {
    translate_row *rows;        /* sorted by (lang, key bytes) */
    size_t n_rows;
    char *keys;
    size_t keys_len;
    uint32_t *terms;            /* per row, its C terms, each once: those both
                                   ways give first, then as listed */
    size_t n_terms;
    uint32_t *heads;            /* the headwords of every L->C dictionary read, as
                                   ix_hash() of (L, term), sorted, each
                                   once: whether a word the FAQ lacks is one the
                                   dictionaries hold (another topic) or miss */
    size_t n_heads;
} translate_table;

/* The languages of the packs (lang_pack.h) that a corpus of language
 * folders folders[0..n) lacks and that a dictionary links to one of them:
 * one may ask in those (their stop words, small talk and messages), the
 * answers coming from the translation tables. At most cap codes (static
 * storage), sorted, into out; returns how many. */
size_t translate_pack_langs(const char *const *folders, size_t n, const char **out, size_t cap);

/* At most this many translations are kept for one word. */
#define TRANSLATE_MAX_TARGETS 24

/* The tables for langs[0..n), whose terms are the n_terms that term
 * gives, under dir (NULL: resources_dictd_dir(), an
 * empty one meaning none) into *out.
 * Returns 0 (an empty table when there is no dictionary), or -1 with err
 * saying why: a dictionary file that cannot be used (dictd_open(), by its
 * name), or memory. */
int translate_build(const char *dir, const translate_lang *langs, uint32_t n, uint32_t n_terms,
                    translate_term_fn term, void *ctx, translate_table *out, char *err,
                    size_t errlen);
void translate_table_free(translate_table *t);

#endif
