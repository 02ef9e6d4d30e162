/* index_table.h: a table of fixed-size rows that a build reads and writes
 * at any row, kept in a temporary file (a spill) behind a cache of a few
 * pages: what the build keeps per entry and per group (the id map, the
 * groups' entries) then takes the cache's memory, a part of the budget,
 * however large the corpus. A table that fits in its cache never touches
 * the file. Rows never written read as zeros.
 *
 * Ownership: a table owns its cache and its file; table_close() accepts a
 * zeroed one. */
#ifndef FAQ_INDEX_TABLE_H
#define FAQ_INDEX_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "index_spill.h"

typedef struct table_page {
    uint64_t page;                /* + 1; 0: the slot holds none */
    int dirty;
    unsigned char *data;
} table_page;

typedef struct table {
    spill file;                   /* its fd, and err: sticky, as a spill's */
    size_t row;                   /* bytes a row */
    size_t per_page;              /* rows a page */
    table_page *slots;            /* page p in slot p % n_slots */
    size_t n_slots, n_data;       /* slots, and those holding a page's memory */
} table;

/* A table of rows of row bytes beside path, its cache at most cache bytes
 * (and at least a few pages). Returns 0, or -1 with t->file.err set. */
int table_open(table *t, const char *path, size_t row, size_t cache);
void table_close(table *t);

/* Row i, to read (and to write when dirty is set), valid until the next
 * call on t; NULL on failure (t->file.err). */
void *table_at(table *t, uint64_t i, int dirty);

/* Bytes of memory the table holds. */
size_t table_bytes(const table *t);

#endif
