/* lemma.h: what a language's general dictionary (Hunspell's, as the system
 * installs it) says of a word: whether it is a word of the language at all,
 * and its lemma ("muere" -> "morir", "fui" -> "ir"). The search weighs a
 * question's word the FAQ lacks by it: a word of the language is an ordinary
 * word the FAQ happens not to use, a non-word (a slip, a name, a code) is
 * more telling.
 *
 * Ownership: any number of threads may share a lexicon: Hunspell keeps
 * scratch state, so its calls take the lexicon's lock one at a time, and
 * the verdicts of lexicon_knows() and lexicon_is_name() are remembered per
 * word (a bounded memory), since a dictionary load and a Hunspell verdict
 * are dear and the words asked about repeat. lexicon_free() accepts NULL.
 * Words go in and out as UTF-8, case-folded; results are copied into the
 * caller's buffer. */
#ifndef FAQ_LEMMA_H
#define FAQ_LEMMA_H

#include <stddef.h>

typedef struct lexicon lexicon;

/* The dictionary of language code lang ("es"): <lang>_<LANG>.dic under dir,
 * else the first <lang>_*.dic there. dir NULL: the system's directory.
 * Returns 0 with *out set, NULL when there is none (a lexicon is optional),
 * or -1 when memory ran out. */
int lexicon_open(const char *lang, const char *dir, lexicon **out);
void lexicon_free(lexicon *lx);

/* The file <prefix><lang>_<LANG><suffix> under dir ("es_ES.dic"), else the
 * first by name of <prefix><lang>_*<suffix> ("en_US.dic"): its path into out.
 * Returns 0, or -1 when there is none. For the system's dictionaries and
 * thesauri alike, which are named by language and region. */
int lexicon_find_file(const char *dir, const char *prefix, const char *lang, const char *suffix,
                      char *out, size_t cap);

/* 1 if word (len bytes) is a word of the language, as written or
 * capitalised, else 0. */
int lexicon_knows(lexicon *lx, const char *word, size_t len);

/* 1 if the dictionary holds word as one word of its own (it gives a stem),
 * 0 if not, or only as a compound of its words ("Spiegelserver"). */
int lexicon_is_simple(lexicon *lx, const char *word, size_t len);

/* 1 if word (len bytes, as written: "Berlin", "Paket") is a name: the
 * dictionary does not know it as an ordinary word in lower case, as it
 * knows German's "Paket" (kept as "paket" too) or a sentence's first word;
 * also where it does not know the word at all ("Debian") or there is no
 * dictionary (lx NULL), so that a capital still tells. 0 if an ordinary
 * word. A word both ("Chile", a pepper) is taken as ordinary. */
int lexicon_is_name(lexicon *lx, const char *word, size_t len);

/* The word's lemma into out (cap bytes, NUL-terminated): the first of the
 * dictionary's stems that differs from the word. Returns its length, or 0
 * when the dictionary gives none other than the word itself (or it does not
 * fit). */
size_t lexicon_lemma(lexicon *lx, const char *word, size_t len, char *out, size_t cap);

#endif
