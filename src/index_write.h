/* index_write.h: turns a corpus into an index file, written to a temporary
 * file, fsync'ed and renamed over the old one, so a reader never sees half
 * an index and a failed build leaves the old index as it was.
 *
 * The build takes the corpus an entry at a time: what it keeps in memory is
 * what the whole build needs at once (the terms and words, a few numbers
 * per entry and per group) and the posting records its budget allows;
 * everything else goes to temporary files beside the index (made and
 * unlinked at once, so none is left behind) and is copied into the file at
 * the end. The file is the same, byte for byte, at any budget and either
 * way in. */
#ifndef FAQ_INDEX_WRITE_H
#define FAQ_INDEX_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "corpus.h"

typedef struct index_stats {
    uint32_t entries;
    uint32_t faq_entries;       /* of them, the FAQ's own (the rest: small talk) */
    uint32_t langs;             /* the corpus's */
    uint32_t asked_langs;       /* of the packs, added to be asked in (translate.h) */
    char asked_codes[256];      /* their codes, ", "-separated (cut short past 256 bytes) */
    uint32_t translations;      /* rows of the translation tables */
    uint32_t terms;
    uint64_t bytes;
} index_stats;

/* Returns 0 and fills st (may be NULL), or -1 with a message in err. */
int index_write(const corpus *c, const char *path, index_stats *st,
                char *err, size_t errlen);

/* The default budget of index_write(). */
#define INDEX_MEMORY_DEFAULT ((size_t)256 << 20)

/* index_write_dir()'s result when the corpus could not be read or has
 * errors (err says which, rep lists them): no index was written. */
#define INDEX_CORPUS_FAILED (-2)

/* The index of the corpus folder dir, read a document at a time
 * (corpus_stream()) and built as it comes, within the budget: the corpus
 * is never in memory whole. Problems go into rep as corpus_load_report()
 * puts them. Returns 0 and fills st (may be NULL); INDEX_CORPUS_FAILED; or
 * -1 when the build failed (err says why). */
int index_write_dir(const char *dir, corpus_report *rep, const char *path, size_t memory,
                    index_stats *st, char *err, size_t errlen);

/* For a handler of an interrupt (Ctrl-C) during index_write() or
 * index_write_dir(): removes the new index's temporary file, if it is
 * being written, which would otherwise stay beside the old index.
 * Async-signal-safe. */
void index_write_abandon(void);

#endif
