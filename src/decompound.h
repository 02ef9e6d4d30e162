/* decompound.h: splits a compound word the index lacks into two words it
 * holds ("spiegelserver" -> "spiegel" + "server", "versionsnummer" ->
 * "version" + "nummer"), in the manner of a dictionary decompounder: the
 * caller says which parts count as words. */
#ifndef FAQ_DECOMPOUND_H
#define FAQ_DECOMPOUND_H

#include <stddef.h>

#define DECOMPOUND_MIN_PART 4   /* code points of the shortest part */

/* Is (w, n) a word? ctx is the caller's. */
typedef int (*decompound_has_fn)(void *ctx, const char *w, size_t n);

typedef struct decompound_split {
    size_t head_len;            /* the head is word[0 .. head_len) */
    size_t tail_off;            /* the tail is word[tail_off .. len): past a linking
                                   "s" or "-" when the head ends there */
} decompound_split;

/* The split of word (valid UTF-8, len bytes) whose two parts are words by
 * has(), the longest head first; a linking "s" ("Versions|nummer") or
 * hyphen between them is dropped. Returns 1 with *out filled, 0 if none. */
int decompound(const char *word, size_t len, decompound_has_fn has, void *ctx,
               decompound_split *out);

#endif
