/* translate.h: an index's translation tables, made at index time from the
 * bilingual dictionaries the system has (FreeDict's, in dictd's format:
 * dictd.h, /usr/share/dictd/freedict-<from>-<to>.index and .dict.dz, the
 * languages by their three-letter ISO 639-3 codes). For a language one may
 * ask in (L) and each language of the corpus with FAQ entries (C), each
 * word of L whose translation into C the index holds: L's term for the
 * word (its folded stem, as the analyzer makes it) -> the index's C terms.
 * Both ways of a pair are read: the L->C dictionary's entries (whole, when
 * it is not too large to read whole) and the C->L dictionary's entries
 * whose headword the index holds, read backwards. A headword or a
 * translation counts when it is one word once stop words are gone; the
 * dictionary's notes, examples and labels are left out.
 *
 * FreeDict's entries are plain text: a headword line ("book /bʊk/ <n>"),
 * then the translations, comma-separated, on the next line or on lines
 * numbered by sense ("1. libro", "2. reservar"); other lines are glosses
 * in the headword's language, examples, notes, cross-references.
 *
 * Ownership: a table's arrays belong to it; translate_table_free() frees
 * them. */
#ifndef FAQ_TRANSLATE_H
#define FAQ_TRANSLATE_H

#include <stddef.h>
#include <stdint.h>

/* The system's dictionaries; the environment's FAQBOT_DICTD_DIR, when set,
 * says where else (an empty value: nowhere, no tables). */
#define TRANSLATE_DIR "/usr/share/dictd"
#define TRANSLATE_DIR_ENV "FAQBOT_DICTD_DIR"

typedef struct translate_lang {
    const char *code;           /* "es" */
    const char *stopwords;      /* its stop words as the index has them, or NULL */
    int has_faq;                /* it has FAQ entries: it may be a C */
} translate_lang;

/* The index's term i (0 .. n_terms - 1, as the index numbers them): its
 * language and its text (folded stem), len bytes, valid while the build
 * lasts. */
typedef void (*translate_term_fn)(void *ctx, uint32_t i, uint32_t *lang, const char **s,
                                  size_t *len);

typedef struct translate_row {
    uint32_t lang;              /* L, a number of the languages given */
    uint32_t key_off, key_len;  /* L's term, in keys */
    uint32_t first, count;      /* its translations, in terms */
} translate_row;

typedef struct translate_table {
    translate_row *rows;        /* sorted by (lang, key bytes) */
    size_t n_rows;
    char *keys;
    size_t keys_len;
    uint32_t *terms;            /* per row, its C terms, each once, as the
                                   dictionaries list them */
    size_t n_terms;
} translate_table;

/* At most this many translations are kept for one word. */
#define TRANSLATE_MAX_TARGETS 24

/* Where the dictionaries are: $FAQBOT_DICTD_DIR when set, else
 * TRANSLATE_DIR; "" for none. */
const char *translate_dir(void);

/* Is there a dictionary from language from to language to, or from to to
 * from, under dir (NULL: translate_dir())? */
int translate_available(const char *dir, const char *from, const char *to);

/* The tables for langs[0..n), whose terms are the n_terms that term
 * gives, under dir (NULL: translate_dir()) into *out.
 * Returns 0 (an empty table when there is no dictionary), or -1 when
 * memory runs out. */
int translate_build(const char *dir, const translate_lang *langs, uint32_t n, uint32_t n_terms,
                    translate_term_fn term, void *ctx, translate_table *out);
void translate_table_free(translate_table *t);

/* For each translation of a FreeDict entry's text (len bytes), fn gets
 * its text (a piece between commas, labels in brackets and "<...>" cut
 * away, trimmed; not NUL-terminated); its non-zero return stops the
 * walk. */
typedef int (*translate_piece_fn)(void *ctx, const char *s, size_t n);
void translate_pieces(const char *text, size_t len, translate_piece_fn fn, void *ctx);

#endif
