/* index_ids.h: the groups of an index build (a group is one id: an entry
 * and its translations). Each id is written once to a spill, in the order
 * its group was made; memory keeps per group only a hash and the id's place
 * in the spill: 12 bytes and a hash slot, whatever the ids' lengths. The IDS table, groups in the order of their ids' bytes, comes
 * from an external merge sort of that spill within a budget.
 *
 * Ownership: an id_map owns its arrays and its spill; id_map_free()
 * accepts a zeroed one. */
#ifndef FAQ_INDEX_IDS_H
#define FAQ_INDEX_IDS_H

#include <stddef.h>
#include <stdint.h>

#include "index_spill.h"

typedef struct id_key {
    uint32_t hash;
    uint32_t off, len;            /* the id in the spill */
} id_key;

typedef struct id_map {
    uint32_t *slots;              /* group + 1, 0 empty */
    size_t cap;
    id_key *keys;                 /* by group */
    size_t count, keys_cap;
    spill ids;
    const char *path;             /* the index's, for the spills */
} id_map;

/* Returns 0, or -1 (memory, or the spill: m->ids.err). */
int id_map_init(id_map *m, const char *path);
void id_map_free(id_map *m);

/* The group of id (n bytes), made if new (*added = 1); UINT32_MAX when
 * memory or the spill failed. */
uint32_t id_map_get(id_map *m, const char *id, size_t n, int *added);

/* Bytes the map holds in memory. */
size_t id_map_bytes(const id_map *m);

/* Every group, in the order of its id's bytes (memcmp, then the shorter
 * first), to fn; sorted in runs of at most memory bytes. Returns 0, -1 on
 * failure (memory or a spill), or fn's non-zero value. */
typedef int (*group_fn)(void *ctx, uint32_t group);
int id_map_sorted(id_map *m, size_t memory, group_fn fn, void *ctx);

#endif
