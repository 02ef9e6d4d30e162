/* freedict.h: FreeDict's bilingual dictionaries as Debian's dict-freedict-*
 * packages install them (dictd's format: dictd.h): their names, and the
 * layout of their entries.
 *
 * Names: DIR/freedict-<from>-<to>.index and .dict.dz, the languages by
 * their three-letter ISO 639-3 codes ("eng", "spa").
 *
 * An entry is plain text, made from FreeDict's TEI: a headword line
 * ("book /bʊk/ <n>"), then the translations, comma-separated, on the next
 * line or on lines numbered by sense ("1. libro", "2. reservar"); other
 * lines are glosses in the headword's language, examples ("a public
 * library" - ...), notes ("Note: ..."), cross-references ("see: {...}",
 * "Synonym: {...}"); labels stand in brackets and angle brackets
 * ("[geol.]", "<fem>").
 *
 * Pure functions: any thread. */
#ifndef FAQ_FREEDICT_H
#define FAQ_FREEDICT_H

#include <stddef.h>

/* dir/freedict-<from>-<to> into base (cap bytes), from and to being
 * ISO 639-1 codes ("en", "es"). 0 when either has no FreeDict code, dir is
 * empty or base is too short. */
int freedict_base(const char *dir, const char *from, const char *to, char *base, size_t cap);

/* Is the dictionary from -> to under dir (its .index readable)? */
int freedict_exists(const char *dir, const char *from, const char *to);

/* For each translation of an entry's text (len bytes), fn gets its text (a
 * piece between commas, labels cut away, trimmed; not NUL-terminated); its
 * non-zero return stops the walk. */
typedef int (*freedict_piece_fn)(void *ctx, const char *s, size_t n);
void freedict_pieces(const char *text, size_t len, freedict_piece_fn fn, void *ctx);

/* The first (up to max, at most FREEDICT_PREFIX_MAX) letters of s, case-
 * and accent-folded as the analyzer folds them (Latin-1's letters; "ß" as
 * "ss"), into out: how many bytes, stopping at a character it does not fold
 * or that is no letter or digit. A Snowball stem begins with its word's
 * first letters (it changes the word's end: "city", "citi"), so a word
 * whose first letters begin no term of an index stands for none. */
#define FREEDICT_PREFIX_MAX 4
int freedict_prefix(const char *s, size_t n, char out[FREEDICT_PREFIX_MAX], int max);

#endif
