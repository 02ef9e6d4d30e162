/* index_table.c: rows in a temporary file behind a page cache (index_table.h). */
#include "index_table.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Small pages: most reads are of one row at a random place (a hash slot). */
#define PAGE_BYTES 4096u
#define MIN_SLOTS 16u

int table_open(table *t, const char *path, size_t row, size_t cache)
{
    memset(t, 0, sizeof *t);
    t->row = row;
    t->per_page = row < PAGE_BYTES ? PAGE_BYTES / row : 1;
    size_t page = t->per_page * row;
    t->n_slots = cache / page > MIN_SLOTS ? cache / page : MIN_SLOTS;
    if (!(t->slots = calloc(t->n_slots, sizeof *t->slots))) {
        t->file.err = ENOMEM;
        return -1;
    }
    return spill_open(&t->file, path);
}

void table_close(table *t)
{
    for (size_t i = 0; t->slots && i < t->n_slots; i++)
        free(t->slots[i].data);
    free(t->slots);
    spill_close(&t->file);
    memset(t, 0, sizeof *t);
}

static int fail(table *t, int e)
{
    if (!t->file.err)
        t->file.err = e ? e : EIO;
    return -1;
}

/* The page in slot s written back to the file. */
static int write_back(table *t, table_page *s)
{
    size_t n = t->per_page * t->row;
    const unsigned char *p = s->data;
    off_t off = (off_t)((s->page - 1) * n);
    while (n) {
        ssize_t w = pwrite(t->file.fd, p, n, off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return fail(t, errno);
        p += w;
        n -= (size_t)w;
        off += w;
    }
    s->dirty = 0;
    return 0;
}

/* Page pg into slot s, zeros past the file's end. */
static int read_in(table *t, table_page *s, uint64_t pg)
{
    size_t n = t->per_page * t->row, got = 0;
    off_t off = (off_t)(pg * n);
    while (got < n) {
        ssize_t r = pread(t->file.fd, s->data + got, n - got, off + (off_t)got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return fail(t, errno);
        if (r == 0)
            break;
        got += (size_t)r;
    }
    memset(s->data + got, 0, n - got);
    s->page = pg + 1;
    return 0;
}

void *table_at(table *t, uint64_t i, int dirty)
{
    if (t->file.err)
        return NULL;
    uint64_t pg = i / t->per_page;
    table_page *s = &t->slots[pg % t->n_slots];
    if (s->page != pg + 1) {
        if (!s->data) {
            if (!(s->data = malloc(t->per_page * t->row))) {
                fail(t, ENOMEM);
                return NULL;
            }
            t->n_data++;
        } else if (s->dirty && write_back(t, s) != 0) {
            return NULL;
        }
        if (read_in(t, s, pg) != 0)
            return NULL;
    }
    s->dirty |= dirty;
    return s->data + (size_t)(i % t->per_page) * t->row;
}

size_t table_bytes(const table *t)
{
    return t->n_slots * sizeof *t->slots + t->n_data * t->per_page * t->row;
}
