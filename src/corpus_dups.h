/* corpus_dups.h: the questions a corpus asks twice, one entry's question or
 * alternate written again, in other entries, as another's (letter case,
 * accents, spaces and signs aside). A visitor asking it is answered by one
 * of them only, the other never by that question: lint tells the editor
 * where both are, which its index could not (the index keeps no line of an
 * alternate question). */
#ifndef FAQ_CORPUS_DUPS_H
#define FAQ_CORPUS_DUPS_H

#include <stddef.h>

#include "corpus.h"

/* A question at one place, which is where: an entry's question (alt
 * CORPUS_DUP_QUESTION) or its alternate number alt. */
#define CORPUS_DUP_QUESTION ((size_t)-1)

typedef struct corpus_dup {
    const corpus_entry *entry, *first;  /* the later place, the first that asks it */
    size_t alt, first_alt;              /* CORPUS_DUP_QUESTION or an alternate's number */
    unsigned line, first_line;
} corpus_dup;

typedef void (*corpus_dup_fn)(void *ctx, const corpus_dup *d);

/* Calls fn for each question of c's FAQ entries (small talk aside) that an
 * earlier entry of its language already asks, in corpus order. Returns how
 * many, or -1 if memory ran out. */
long corpus_duplicate_questions(const corpus *c, corpus_dup_fn fn, void *ctx);

#endif
