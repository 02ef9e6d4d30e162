/* index_write.h: turns a corpus into an index file, written to a temporary
 * file, fsync'ed and renamed over the old one, so a reader never sees half
 * an index and a failed build leaves the old index as it was. */
#ifndef FAQ_INDEX_WRITE_H
#define FAQ_INDEX_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "corpus.h"

typedef struct index_stats {
    uint32_t entries;
    uint32_t langs;             /* the corpus's */
    uint32_t asked_langs;       /* of the packs, added to be asked in (translate.h) */
    uint32_t translations;      /* rows of the translation tables */
    uint32_t terms;
    uint64_t bytes;
} index_stats;

/* Returns 0 and fills st (may be NULL), or -1 with a message in err. */
int index_write(const corpus *c, const char *path, index_stats *st,
                char *err, size_t errlen);

/* The default budget of index_write(). */
#define INDEX_MEMORY_DEFAULT ((size_t)256 << 20)

/* The same within a budget of memory bytes for the postings being built
 * (0: none): past it they are spilled in runs to temporary files beside
 * path (made and unlinked at once, so none is left behind) and merged, in
 * linear time. The file is the same, byte for byte, at any budget. The
 * corpus and the index's other tables are not counted. */
int index_write_budget(const corpus *c, const char *path, size_t memory, index_stats *st,
                       char *err, size_t errlen);

#endif
