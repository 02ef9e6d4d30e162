/* spellings.h: what a language's dictionary (lemma.h) says of each
 * spelling of the corpus's words, asked once when the index is built and
 * kept in the index's SPELLINGS section, so that a question of words the
 * FAQ holds, typed as the FAQ spells them, is answered without loading the
 * dictionary (a fifth of a second and megabytes in a new process). The
 * spellings are the corpus's words folded (the index's WORDS), in lower
 * case with their accents ("países") and as written where that is not in
 * lower case ("Debian", German's "Paket"), and the languages' stop words
 * and synonyms (phrases too: "para qué sirve"), as written and
 * capitalised; the verdicts: lexicon_knows(),
 * lexicon_is_name() and lexicon_lemma(), as the dictionary gives them.
 *
 * The verdicts stand only for the dictionary they came from: the section
 * names each language's (lexicon_stamp(): its files' paths, sizes and
 * times), and a search asks the dictionary itself when the one it would
 * load is another, or there is none.
 *
 * Section layout (little-endian u32s, records 8-aligned):
 *   u32 languages' stamps, u32 spellings, u32 text bytes, u32 zero
 *   per stamp:    u32 language, u32 text offset, u32 length, u32 zero
 *   per spelling: u32 language, u32 SPELLING_* bits, u32 text offset,
 *                 u32 length, u32 lemma's text offset, u32 lemma's length
 *                 (0: none); sorted by (language, bytes)
 *   the text: the stamps', spellings' and lemmas' bytes
 * An empty section: no language had a dictionary. */
#ifndef FAQ_SPELLINGS_H
#define FAQ_SPELLINGS_H

#include <stddef.h>
#include <stdint.h>

#include "lemma.h"

#define SPELLING_KNOWS 1u       /* lexicon_knows() */
#define SPELLING_NAME 2u        /* lexicon_is_name() */

/* The longest lemma kept: a longer one is asked of the dictionary. */
#define SPELLING_MAX_LEMMA 255

typedef struct spelling_key {
    uint32_t lang;
    const char *s;
    size_t len;
} spelling_key;

/* The section for keys (n of them, sorted by (language, bytes), each
 * once), asking lex[key's language] (NULL: that language's keys are left
 * out) with codes[language] its language code. Into a new buffer *out
 * (*len bytes; the caller frees it). Returns 0, or -1 when memory ran out. */
int spellings_make(const spelling_key *keys, size_t n, lexicon *const *lex,
                   const char *const *codes, uint32_t n_langs, unsigned char **out,
                   size_t *len);

typedef struct spelling {
    uint32_t flags;             /* SPELLING_* */
    const char *lemma;          /* not NUL-terminated */
    size_t lemma_len;           /* 0: none */
} spelling;

/* The section as read once when the index opens (spellings_open()): its
 * header checked against its length, its parts found. Lookups then read
 * the records in place. */
typedef struct spellings {
    const void *stamps, *recs;  /* the section's tables */
    const char *text;
    uint32_t n_stamps, n_spellings, text_len;
} spellings;

/* The section sec (len bytes; 0: empty, no language had a dictionary)
 * into *out: 0, or -1 when it is out of shape (its header's counts do not
 * add up to its length, or a stamp lies outside its text). The records
 * are checked where a lookup reads them, and every one by
 * spellings_check(). */
int spellings_open(const unsigned char *sec, size_t len, spellings *out);

/* Every record inside the text, in order, each once: NULL, or what is
 * wrong (for faq_index_check()). */
const char *spellings_check(const spellings *sp);

/* The stamp sp holds for language lang: 1 with *s and *n set, or 0. */
int spellings_stamp(const spellings *sp, uint32_t lang, const char **s, size_t *n);

/* The verdicts of word (n bytes, as typed) in language lang: 1 with *out
 * set, or 0 when the section does not hold it. */
int spellings_find(const spellings *sp, uint32_t lang, const char *word, size_t n, spelling *out);

#endif
