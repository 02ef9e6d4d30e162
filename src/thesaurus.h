/* thesaurus.h: a language's general thesaurus (MyThes, as the system
 * installs it: th_<lang>_<REGION>_v2.idx/.dat, or without the "_v2" where
 * a package names it so, as Danish's does): the one-word synonyms of a
 * word, over all its meanings. The search expands a question's word the FAQ
 * lacks to those of its synonyms the FAQ holds, below the word's own weight
 * and below the FAQ's own synonyms.
 *
 * File format: the .idx holds the encoding on its first line, a count on
 * the second, then "word|offset" lines; at offset in the .dat, "word|n"
 * and n lines "(part of speech)|synonym|synonym...", a synonym possibly
 * followed by a note in parentheses ("set (generic term)").
 *
 * Ownership: a thesaurus is loaded once per process and stays loaded,
 * read-only, shared by every thread: thesaurus_open() of the same file
 * again (another searcher, the next index the server swaps in) gives the
 * same thesaurus, and thesaurus_free() only lets it go (it accepts NULL).
 * Words go in and come out UTF-8. */
#ifndef FAQ_THESAURUS_H
#define FAQ_THESAURUS_H

#include <stddef.h>

typedef struct thesaurus thesaurus;

/* The .idx of language code lang ("es") under dir (NULL:
 * resources_mythes_dir(), an empty one meaning none):
 * th_<lang>_<LANG>_v2.idx, else the first th_<lang>_*_v2.idx, else the
 * same without "_v2" (mythes-da's th_da_DK.idx); its path into out (cap
 * bytes). Returns 0, or -1 when there is none. */
int thesaurus_file(const char *lang, const char *dir, char *out, size_t cap);

/* The thesaurus of language code lang under dir, the one thesaurus_file()
 * names. Returns 0 with *out set, NULL when there is none or it is
 * unreadable, or -1 when memory ran out. */
int thesaurus_open(const char *lang, const char *dir, thesaurus **out);
void thesaurus_free(thesaurus *t);

/* Knowing that an .idx is in order takes a pass over all of it (a third of
 * a new process's first answer, for Spanish's); an index keeps that
 * verdict, made when it is built, with the stamp of the files it holds
 * for. */

/* Into out (cap bytes, NUL-ended), the stamp of lang's thesaurus under dir
 * (NULL: the system's), its files' paths, sizes and times, when every
 * line of its .idx from the third is an entry and their words strictly
 * increase (each listed once: a lookup then finds the entry it would find
 * through a table). Returns 1 with out set, 0 when there is none or it is
 * not so, -1 when memory ran out. Loads the thesaurus (thesaurus_open()). */
int thesaurus_order_stamp(const char *lang, const char *dir, char *out, size_t cap);

/* As thesaurus_open(), where stamp (n bytes) is a thesaurus_order_stamp()
 * made before: when it names the files found as they are, the .idx is not
 * read at open, each lookup halving its lines where they lie; else it is
 * listed as by thesaurus_open(). A thesaurus loaded already is given as it
 * was loaded. */
int thesaurus_open_ordered(const char *lang, const char *dir, const char *stamp, size_t n,
                           thesaurus **out);

/* Are t's files those stamp (n bytes, a thesaurus_order_stamp()) names,
 * as they were when t was loaded? 1 or 0. What the build worked out from
 * a thesaurus (known_synonyms.h) stands for that one alone. */
int thesaurus_has_stamp(const thesaurus *t, const char *stamp, size_t n);

/* Called with each one-word synonym (UTF-8, not NUL-terminated); return
 * non-zero to stop. */
typedef int (*thesaurus_fn)(void *ctx, const char *syn, size_t len);

/* The one-word synonyms of word (as written, else with its first letter
 * lower-cased, whatever its script: "Цена", "Ángel"), each once per
 * meaning that lists it. Returns how many were given to fn. */
int thesaurus_lookup(const thesaurus *t, const char *word, size_t len, thesaurus_fn fn,
                     void *ctx);

#endif
