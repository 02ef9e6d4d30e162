/* hash.h: the one byte hash of the tables in memory and in the index. */
#ifndef FAQ_HASH_H
#define FAQ_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a over bytes, 64 bits: the one hash of the in-memory tables and of
 * the index's TERMHASH and WORDHASH (ix_hash()), so it must never change.
 * Start from HASH_SEED, or from it mixed with a key's other part; feeding
 * a key in pieces gives the hash of the pieces joined. */
#define HASH_SEED 1469598103934665603ull

static inline uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

/* For a table of size_t or 32-bit slots: the high bits folded in. */
static inline uint32_t hash_fold32(uint64_t h)
{
    return (uint32_t)(h ^ (h >> 32));
}

#endif
