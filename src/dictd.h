/* dictd.h: dictionaries in the format of the dict server (dictd), as
 * Debian's dict-freedict-* packages install them, read-only.
 *
 * NAME.index: one line an entry, sorted by headword:
 *   headword TAB offset TAB length [TAB ...]
 * offset and length of the entry's text in NAME.dict, each in base64
 * digits (A-Z a-z 0-9 + /, most significant first). Headwords starting
 * with "00database" or "00-database" describe the dictionary itself and
 * are skipped.
 * NAME.dict.dz: the entries' texts back to back, compressed by dictzip: a
 * gzip file whose header's extra field "RA" (version 1) gives the chunk
 * length and the compressed size of each chunk, every chunk deflated on
 * its own, so that an entry is read without inflating the rest. A plain
 * gzip file, or an uncompressed NAME.dict, is read whole.
 *
 * Both files are mapped, not read: walking the index touches its pages,
 * reading an entry the chunks that hold it.
 *
 * Ownership: a dictd belongs to one thread (it keeps a decoded chunk);
 * dictd_free() accepts NULL. */
#ifndef FAQ_DICTD_H
#define FAQ_DICTD_H

#include <stddef.h>
#include <stdint.h>

typedef struct dictd dictd;

typedef struct dictd_entry {
    const char *headword;       /* as the index spells it, not NUL-terminated */
    size_t headword_len;
    uint64_t off;               /* its text, in the uncompressed text */
    uint32_t len;
} dictd_entry;

/* Open base.index with base.dict.dz, else base.dict. Returns 0 with *out
 * set, 0 with *out NULL when base.index is absent; -1 with err saying why
 * when memory runs out or a file cannot be used: unreadable, empty,
 * larger than FAQ_MAX_DICT_BYTES, not a gzip file, or missing (the
 * message names the file). A malformed line of the index is passed over
 * (dictd_next()), not an error. */
int dictd_open(const char *base, dictd **out, char *err, size_t errlen);
void dictd_free(dictd *d);

/* The entry at cursor *at (0: the first), in the index's order, and the
 * cursor moved past it. Returns 1, or 0 at the end. A malformed line is
 * passed over. */
int dictd_next(const dictd *d, size_t *at, dictd_entry *e);

/* The most bytes of text the dictionary holds, uncompressed (what
 * dictd_load_all() would allocate). */
uint64_t dictd_text_size(const dictd *d);

/* Entry e's text (UTF-8 as the file has it, not NUL-terminated), valid
 * until the next call on d; NULL when it lies past the end or does not
 * inflate, or memory runs out (*oom set). Entries read in the order of
 * their offsets inflate each chunk once. */
const char *dictd_text(dictd *d, const dictd_entry *e, size_t *len, int *oom);

/* Inflate the whole text at once, for a reader of every entry in the
 * index's order. Returns 0, or -1 (it is larger than FAQ_MAX_DICT_BYTES,
 * does not inflate, or memory runs out: *oom set). */
int dictd_load_all(dictd *d, int *oom);

#endif
