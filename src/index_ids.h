/* index_ids.h: the groups of an index build (a group is one id: an entry
 * and its translations). Each id is written once to a spill, in the order
 * its group was made; per group the map keeps a hash slot (the id's hash
 * and its group) and the id's place in the spill, both in tables
 * (index_table.h): memory holds their caches, whatever the count of ids.
 * The IDS table, groups in the order of their ids' bytes, comes from an
 * external merge sort of that spill within a budget.
 *
 * Ownership: an id_map owns its arrays and its spill; id_map_free()
 * accepts a zeroed one. */
#ifndef FAQ_INDEX_IDS_H
#define FAQ_INDEX_IDS_H

#include <stddef.h>
#include <stdint.h>

#include "index_spill.h"
#include "index_table.h"

typedef struct id_key {
    uint32_t off, len;            /* the id in the spill */
} id_key;

typedef struct id_map {
    table slots;                  /* u64: the id's hash << 32 | group + 1; 0 empty */
    size_t cap;
    table keys;                   /* id_key, by group */
    size_t count;
    size_t cache;                 /* bytes of each table's cache */
    spill ids;
    const char *path;             /* the index's, for the spills */
} id_map;

/* A map whose tables each cache at most cache bytes. Returns 0, or -1
 * (memory, or a file: id_map_err()). */
int id_map_init(id_map *m, const char *path, size_t cache);
/* The first failure of the map's files, or 0. */
int id_map_err(const id_map *m);
/* The slots let go once no id is looked up any more. */
void id_map_end_lookups(id_map *m);
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
