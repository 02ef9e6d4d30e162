/* index_ids.c: the groups of a build, their ids in a spill (index_ids.h). */
#include "index_ids.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "index_format.h"

/* Runs of the sort: about this many at most (each has a reader's buffer). */
#define MAX_ID_RUNS 128
#define RUN_BUF (16u << 10)

int id_map_init(id_map *m, const char *path, size_t cache)
{
    memset(m, 0, sizeof *m);
    m->path = path;
    m->cap = 1024;
    m->cache = cache;
    if (table_open(&m->slots, path, sizeof(uint64_t), cache) != 0 ||
        table_open(&m->keys, path, sizeof(id_key), cache) != 0)
        return -1;
    return spill_open(&m->ids, path);
}

int id_map_err(const id_map *m)
{
    return m->ids.err ? m->ids.err : m->slots.file.err ? m->slots.file.err : m->keys.file.err;
}

void id_map_end_lookups(id_map *m)
{
    table_close(&m->slots);
}

void id_map_free(id_map *m)
{
    table_close(&m->slots);
    table_close(&m->keys);
    spill_close(&m->ids);
    memset(m, 0, sizeof *m);
}

size_t id_map_bytes(const id_map *m)
{
    return table_bytes(&m->slots) + table_bytes(&m->keys);
}

/* Slot value v into the slots (cap of them) of t, at its hash's first free one. */
static int slot_put(table *t, size_t cap, uint64_t v)
{
    for (size_t i = (uint32_t)(v >> 32) & (cap - 1);; i = (i + 1) & (cap - 1)) {
        uint64_t *s = table_at(t, i, 0);
        if (!s)
            return -1;
        if (!*s) {
            *(uint64_t *)table_at(t, i, 1) = v;   /* the same row: in the cache */
            return 0;
        }
    }
}

static int rehash(id_map *m)
{
    size_t cap = m->cap * 2;
    table slots;
    if (table_open(&slots, m->path, sizeof(uint64_t), m->cache) != 0) {
        m->slots.file.err = slots.file.err;
        table_close(&slots);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        uint64_t *s = table_at(&m->slots, i, 0);
        if (!s || (*s && slot_put(&slots, cap, *s) != 0)) {
            if (!m->slots.file.err)
                m->slots.file.err = slots.file.err;
            table_close(&slots);
            return -1;
        }
    }
    table_close(&m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

/* Whether group g's id (key k) is the n bytes of id: read back from the spill. */
static int same_id(id_map *m, id_key k, const char *id, size_t n)
{
    char small[256], *p = n <= sizeof small ? small : malloc(n);
    if (!p)
        return -1;
    int r = spill_read(&m->ids, k.off, p, n) != 0 ? -1 : memcmp(p, id, n) == 0;
    if (p != small)
        free(p);
    return r;
}

/* Group g's key, or a zero length when the table failed. */
static id_key key_of(id_map *m, uint32_t g)
{
    const id_key *k = table_at(&m->keys, g, 0);
    return k ? *k : (id_key){0, 0};
}

uint32_t id_map_get(id_map *m, const char *id, size_t n, int *added)
{
    *added = 0;
    uint32_t h = ix_hash(0, id, n);
    size_t i = h & (m->cap - 1);
    for (;; i = (i + 1) & (m->cap - 1)) {
        const uint64_t *s = table_at(&m->slots, i, 0);
        if (!s)
            return UINT32_MAX;
        if (!*s)
            break;
        if ((uint32_t)(*s >> 32) != h)
            continue;
        uint32_t g = (uint32_t)*s - 1;
        id_key k = key_of(m, g);
        if (m->keys.file.err)
            return UINT32_MAX;
        if (k.len != n)
            continue;
        int same = same_id(m, k, id, n);
        if (same < 0)
            return UINT32_MAX;
        if (same)
            return g;
    }
    uint64_t off = spill_size(&m->ids);
    if (off + n > UINT32_MAX || m->count >= UINT32_MAX - 1)
        return UINT32_MAX;
    spill_put(&m->ids, id, n);
    if (m->ids.err)
        return UINT32_MAX;
    uint32_t g = (uint32_t)m->count;
    id_key *k = table_at(&m->keys, g, 1);
    uint64_t *s = table_at(&m->slots, i, 1);
    if (!k || !s)
        return UINT32_MAX;
    *k = (id_key){(uint32_t)off, (uint32_t)n};
    *s = (uint64_t)h << 32 | (g + 1u);
    m->count++;
    *added = 1;
    if (m->count * 2 > m->cap && rehash(m) != 0)
        return UINT32_MAX;
    return g;
}

/* ---- the sort ---- */

typedef struct sort_item {
    const unsigned char *p;
    uint32_t len, group;
} sort_item;

static int cmp_bytes(const unsigned char *a, size_t an, const unsigned char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    if (c)
        return c;
    return an < bn ? -1 : an > bn;
}

static int cmp_item(const void *x, const void *y)
{
    const sort_item *a = x, *b = y;
    return cmp_bytes(a->p, a->len, b->p, b->len);
}

/* A run being merged: its records (u32 group, u32 length, the id's bytes)
 * read a buffer at a time. */
typedef struct run_reader {
    spill *s;
    uint64_t at;                  /* in the spill, after the buffer */
    unsigned char *buf;
    size_t n, pos, cap;
    uint32_t group, len;
    const unsigned char *id;      /* the current record's id, in buf */
} run_reader;

/* The next record into r->group, r->len, r->id: 1, 0 at the end, -1. */
static int run_next(run_reader *r)
{
    for (int pass = 0; pass < 2; pass++) {
        if (r->n - r->pos >= 8) {
            uint32_t hd[2];
            memcpy(hd, r->buf + r->pos, 8);
            if (r->n - r->pos >= 8 + (size_t)hd[1]) {
                r->group = hd[0];
                r->len = hd[1];
                r->id = r->buf + r->pos + 8;
                r->pos += 8 + hd[1];
                return 1;
            }
        }
        /* refill: what is left of the buffer to its start, then more */
        memmove(r->buf, r->buf + r->pos, r->n - r->pos);
        r->n -= r->pos;
        r->pos = 0;
        if (r->n >= 8) {   /* a record longer than the buffer: a larger one */
            uint32_t hd[2];
            memcpy(hd, r->buf, 8);
            if (8 + (size_t)hd[1] > r->cap) {
                unsigned char *b = realloc(r->buf, 8 + (size_t)hd[1]);
                if (!b)
                    return -1;
                r->buf = b;
                r->cap = 8 + (size_t)hd[1];
            }
        }
        uint64_t left = spill_size(r->s) - r->at;
        size_t k = r->cap - r->n < left ? r->cap - r->n : (size_t)left;
        if (k && spill_read(r->s, r->at, r->buf + r->n, k) != 0)
            return -1;
        r->at += k;
        r->n += k;
        if (!k)
            break;
    }
    return r->n == r->pos ? 0 : -1;
}

static int reader_less(const run_reader *a, const run_reader *b)
{
    return cmp_bytes(a->id, a->len, b->id, b->len) < 0;
}

static void heap_down(run_reader **h, int n, int i)
{
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && reader_less(h[l], h[m]))
            m = l;
        if (r < n && reader_less(h[r], h[m]))
            m = r;
        if (m == i)
            return;
        run_reader *t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

/* Merge the runs, each sorted, to fn. */
static int merge_runs(spill *runs, int n_runs, group_fn fn, void *ctx)
{
    run_reader *rd = calloc((size_t)n_runs, sizeof *rd);
    run_reader **heap = calloc((size_t)n_runs, sizeof *heap);
    int rc = rd && heap ? 0 : -1, n = 0;
    for (int i = 0; !rc && i < n_runs; i++) {
        rd[i].s = &runs[i];
        rd[i].cap = RUN_BUF;
        if (!(rd[i].buf = malloc(RUN_BUF)))
            rc = -1;
        int k = rc ? -1 : run_next(&rd[i]);
        if (k < 0)
            rc = -1;
        else if (k)
            heap[n++] = &rd[i];
    }
    for (int i = n / 2 - 1; !rc && i >= 0; i--)
        heap_down(heap, n, i);
    while (!rc && n) {
        run_reader *top = heap[0];
        if ((rc = fn(ctx, top->group)) != 0)
            break;
        int k = run_next(top);
        if (k < 0) {
            rc = -1;
            break;
        }
        if (!k)
            heap[0] = heap[--n];
        heap_down(heap, n, 0);
    }
    for (int i = 0; rd && i < n_runs; i++)
        free(rd[i].buf);
    free(rd);
    free(heap);
    return rc;
}

/* Sort groups [g0, g1), whose ids lie back to back from the first one's
 * place, in memory: to fn when it is the only run, else to a new run in
 * *run. */
static int sort_chunk(id_map *m, uint32_t g0, uint32_t g1, spill *run, group_fn fn, void *ctx)
{
    id_key first = key_of(m, g0), last = key_of(m, g1 - 1);
    uint64_t from = first.off;
    size_t bytes = (size_t)(last.off + last.len - from);
    unsigned char *text = malloc(bytes + 1);
    sort_item *it = malloc(((size_t)(g1 - g0) + 1) * sizeof *it);
    int rc = text && it && !m->keys.file.err ? 0 : -1;
    if (!rc && spill_read(&m->ids, from, text, bytes) != 0)
        rc = -1;
    for (uint32_t g = g0; !rc && g < g1; g++) {
        id_key k = key_of(m, g);
        it[g - g0] = (sort_item){text + (k.off - from), k.len, g};
    }
    if (!rc && m->keys.file.err)
        rc = -1;
    if (!rc)
        qsort(it, g1 - g0, sizeof *it, cmp_item);
    if (!rc && !run) {
        for (uint32_t i = 0; !rc && i < g1 - g0; i++)
            rc = fn(ctx, it[i].group);
    } else if (!rc) {
        if (spill_open(run, m->path) != 0)
            rc = -1;
        for (uint32_t i = 0; !rc && i < g1 - g0; i++) {
            uint32_t hd[2] = {it[i].group, it[i].len};
            spill_put(run, hd, sizeof hd);
            spill_put(run, it[i].p, it[i].len);
        }
        if (!rc && run->err)
            rc = -1;
    }
    free(text);
    free(it);
    return rc;
}

int id_map_sorted(id_map *m, size_t memory, group_fn fn, void *ctx)
{
    if (!m->count)
        return 0;
    /* a group costs its id's bytes and a sort item */
    uint64_t total = spill_size(&m->ids) + m->count * (uint64_t)sizeof(sort_item);
    if (memory < total / MAX_ID_RUNS + 1)
        memory = (size_t)(total / MAX_ID_RUNS + 1);
    if (total <= memory)
        return sort_chunk(m, 0, (uint32_t)m->count, NULL, fn, ctx);
    spill *runs = NULL;
    int n_runs = 0, cap = 0, rc = 0;
    for (uint32_t g = 0; !rc && g < m->count;) {
        uint32_t g1 = g;
        uint64_t acc = 0;
        for (; g1 < m->count; g1++) {
            id_key k = key_of(m, g1);
            if (m->keys.file.err) {
                rc = -1;
                break;
            }
            if (g1 > g && acc + k.len + sizeof(sort_item) > memory)
                break;
            acc += k.len + sizeof(sort_item);
        }
        if (rc)
            break;
        if (n_runs == cap) {
            spill *r = realloc(runs, (size_t)(cap = cap ? 2 * cap : 16) * sizeof *r);
            if (!r) {
                rc = -1;
                break;
            }
            runs = r;
        }
        memset(&runs[n_runs], 0, sizeof *runs);
        rc = sort_chunk(m, g, g1, &runs[n_runs++], fn, ctx);
        g = g1;
    }
    if (!rc)
        rc = merge_runs(runs, n_runs, fn, ctx);
    for (int i = 0; i < n_runs; i++)
        spill_close(&runs[i]);
    free(runs);
    return rc;
}
