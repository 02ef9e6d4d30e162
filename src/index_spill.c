/* index_spill.c: temporary files of a build, and posting records in runs
 * (index_spill.h). */
#define _GNU_SOURCE   /* O_TMPFILE */
#include "index_spill.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"

/* A spill's buffer: large enough that a write is rarely a small one. It
 * starts at SPILL_FIRST and doubles as the bytes put call for, so that a
 * spill of a few records (a small corpus's) holds no more than them. */
#define SPILL_BUF (64u << 10)
#define SPILL_FIRST (4u << 10)
/* More runs than this and the budget is raised: each is an open file. */
#define MAX_RUNS 128

static int fail(spill *s, int e)
{
    if (!s->err)
        s->err = e ? e : EIO;
    return -1;
}

int spill_open(spill *s, const char *path)
{
    memset(s, 0, sizeof *s);
    char name[4200];
    if (snprintf(name, sizeof name, "%s.spill.XXXXXX", path) >= (int)sizeof name)
        return fail(s, ENAMETOOLONG);
#ifdef O_TMPFILE
    /* a file that never has a name, in the index's folder: nothing for an
     * interrupt, a kill or a crash to leave behind, at any moment */
    char *slash = strrchr(name, '/');
    if (slash)
        *slash = '\0';
    s->fd = open(slash ? (slash == name ? "/" : name) : ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (slash)
        *slash = '/';
    if (s->fd >= 0) {
        s->open = 1;
        return 0;
    }
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        return fail(s, errno);
    /* a file system (or kernel) without unnamed files: named for a moment */
#endif
    s->fd = mkostemp(name, O_CLOEXEC);
    if (s->fd < 0)
        return fail(s, errno);
    s->open = 1;
    unlink(name);
    return 0;
}

void spill_close(spill *s)
{
    if (s->open)
        close(s->fd);
    free(s->buf);
    memset(s, 0, sizeof *s);
}

void spill_borrow(spill *s, int fd, uint64_t off, uint64_t n)
{
    memset(s, 0, sizeof *s);
    s->fd = fd;
    s->base = off;
    s->written = n;
}

static int write_at(int fd, const unsigned char *p, size_t n, uint64_t off)
{
    while (n) {
        ssize_t w = pwrite(fd, p, n, (off_t)off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
        off += (uint64_t)w;
    }
    return 0;
}

static int flush(spill *s)
{
    if (s->err)
        return -1;
    if (s->n && write_at(s->fd, s->buf, s->n, s->written) != 0)
        return fail(s, errno);
    s->written += s->n;
    s->n = 0;
    return 0;
}

void spill_put(spill *s, const void *p, size_t n)
{
    if (s->err || !n)
        return;
    if (!s->open) {
        fail(s, EBADF);
        return;
    }
    if (s->n + n > s->cap && s->cap < SPILL_BUF) {
        size_t cap = s->cap;
        if (grow(&s->buf, &cap, s->n + n < SPILL_BUF ? s->n + n : SPILL_BUF, 1, SPILL_FIRST) != 0) {
            fail(s, ENOMEM);
            return;
        }
        s->cap = cap;
    }
    if (s->n + n > s->cap && flush(s) != 0)
        return;
    if (n >= s->cap) {   /* a large piece goes straight to the file */
        if (write_at(s->fd, p, n, s->written) != 0)
            fail(s, errno);
        else
            s->written += n;
        return;
    }
    memcpy(s->buf + s->n, p, n);
    s->n += n;
}

int spill_read(spill *s, uint64_t off, void *p, size_t n)
{
    unsigned char *out = p;
    if (s->err)
        return -1;
    if (off + n > spill_size(s))
        return fail(s, EINVAL);
    while (n && off < s->written) {
        size_t k = s->written - off < n ? (size_t)(s->written - off) : n;
        ssize_t r = pread(s->fd, out, k, (off_t)(s->base + off));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return fail(s, r < 0 ? errno : EIO);
        out += r;
        off += (uint64_t)r;
        n -= (size_t)r;
    }
    if (n)
        memcpy(out, s->buf + (off - s->written), n);
    return 0;
}

int spill_patch(spill *s, uint64_t off, const void *p, size_t n)
{
    const unsigned char *in = p;
    if (s->err)
        return -1;
    if (!s->open)
        return fail(s, EBADF);
    if (off + n > spill_size(s))
        return fail(s, EINVAL);
    if (off < s->written) {
        size_t k = s->written - off < n ? (size_t)(s->written - off) : n;
        if (write_at(s->fd, in, k, off) != 0)
            return fail(s, errno);
        in += k;
        off += k;
        n -= k;
    }
    if (n)
        memcpy(s->buf + (off - s->written), in, n);
    return 0;
}

void spill_cursor_init(spill_cursor *c, spill *s)
{
    memset(c, 0, sizeof *c);
    c->s = s;
}

long spill_cursor_next(spill_cursor *c, const unsigned char **p, size_t unit)
{
    uint64_t size = spill_size(c->s);
    if (c->s->err)
        return -1;
    if (c->at >= size)
        return 0;
    if (!c->buf) {   /* no larger than the spill */
        c->cap = SPILL_BUF - SPILL_BUF % unit;
        if (size - c->at < c->cap)
            c->cap = (size_t)(size - c->at);
        if (!(c->buf = malloc(c->cap)))
            return fail(c->s, ENOMEM);
    }
    size_t n = size - c->at < c->cap ? (size_t)(size - c->at) : c->cap;
    if (spill_read(c->s, c->at, c->buf, n) != 0)
        return -1;
    c->at += n;
    *p = c->buf;
    return (long)n;
}

void spill_cursor_free(spill_cursor *c)
{
    free(c->buf);
    c->buf = NULL;
}

/* A window reads this much at least. */
#define WINDOW (256u << 10)

/* *mem of at least n bytes. */
static int reserve(unsigned char **mem, size_t *cap, size_t n)
{
    if (*cap >= n)
        return 0;
    unsigned char *b = realloc(*mem, n);
    if (!b)
        return -1;
    *mem = b;
    *cap = n;
    return 0;
}

const unsigned char *spill_view(spill *s, spill_window *w, uint64_t off, size_t n)
{
    if (w->buf && off >= w->off && off + n <= w->off + w->len)
        return w->buf + (off - w->off);
    if (w->buf && off < w->off) {   /* behind: read apart */
        if (reserve(&w->apart, &w->apart_cap, n + 1) != 0) {
            fail(s, ENOMEM);
            return NULL;
        }
        return spill_read(s, off, w->apart, n) == 0 ? w->apart : NULL;
    }
    uint64_t left = spill_size(s) > off ? spill_size(s) - off : 0;
    size_t want = n > WINDOW ? n : WINDOW;
    size_t len = left < want ? (size_t)left : want;
    if (len < n || reserve(&w->buf, &w->cap, want) != 0) {
        fail(s, len < n ? EINVAL : ENOMEM);
        return NULL;
    }
    if (spill_read(s, off, w->buf, len) != 0)
        return NULL;
    w->off = off;
    w->len = len;
    return w->buf;
}

void spill_window_free(spill_window *w)
{
    free(w->buf);
    free(w->apart);
    memset(w, 0, sizeof *w);
}

/* ---- posting records ---- */

void rec_store_init(rec_store *rs, const char *path)
{
    memset(rs, 0, sizeof *rs);
    rs->path = path;
}

/* The records in memory to the spill. */
static int rec_store_flush(rec_store *rs)
{
    if (!rs->n_mem)
        return 0;
    if (!rs->file.open && spill_open(&rs->file, rs->path) != 0)
        return -1;
    spill_put(&rs->file, rs->mem, rs->n_mem * sizeof *rs->mem);
    if (rs->file.err)
        return -1;
    rs->n_file += rs->n_mem;
    rs->n_mem = 0;
    return 0;
}

int rec_store_add(rec_store *rs, const posting_rec *r, size_t n, size_t limit)
{
    if (limit && rs->n_mem && rs->n_mem + n > limit) {
        if (rec_store_flush(rs) != 0)
            return -1;
        /* the limit shrinks as the build's tables grow: so does the buffer,
         * whose pages once used would stay */
        if (rs->cap > limit && limit >= n) {
            posting_rec *m = realloc(rs->mem, limit * sizeof *m);
            if (m) {
                rs->mem = m;
                rs->cap = limit;
            }
        }
    }
    if (grow(&rs->mem, &rs->cap, rs->n_mem + n, sizeof *rs->mem, 4096) != 0)
        return -1;
    memcpy(rs->mem + rs->n_mem, r, n * sizeof *r);
    rs->n_mem += n;
    return 0;
}

static void rec_store_drop_mem(rec_store *rs)
{
    free(rs->mem);
    rs->mem = NULL;
    rs->n_mem = rs->cap = 0;
}

void rec_store_free(rec_store *rs)
{
    rec_store_drop_mem(rs);
    spill_close(&rs->file);
}

/* The records of a spill, each with its term made rank[term] (rank NULL:
 * as it is), to fn. */
static int spill_recs_each(spill *s, const uint32_t *rank, rec_fn fn, void *ctx)
{
    spill_cursor c;
    spill_cursor_init(&c, s);
    const unsigned char *p;
    long n;
    while ((n = spill_cursor_next(&c, &p, sizeof(posting_rec))) > 0)
        for (size_t i = 0; i < (size_t)n / sizeof(posting_rec); i++) {
            posting_rec r;
            memcpy(&r, p + i * sizeof r, sizeof r);
            if (rank)
                r.term = rank[r.term];
            if (fn(ctx, r) != 0) {
                n = -1;
                break;
            }
        }
    spill_cursor_free(&c);
    return n == 0 ? 0 : -1;
}

int rec_store_each(rec_store *rs, const uint32_t *rank, rec_fn fn, void *ctx)
{
    if (rs->n_file && spill_recs_each(&rs->file, rank, fn, ctx) != 0)
        return -1;
    for (size_t i = 0; i < rs->n_mem; i++) {
        posting_rec r = rs->mem[i];
        r.term = rank[r.term];
        if (fn(ctx, r) != 0)
            return -1;
    }
    return 0;
}

static int distribute_rec(void *ctx, posting_rec r)
{
    rec_runs *rp = ctx;
    if (rp->map(rp->map_ctx, &r) != 0)
        return -1;
    int lo = 0, hi = rp->n_runs - 1;   /* the last run whose first <= r.term */
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (rp->first[mid] <= r.term)
            lo = mid;
        else
            hi = mid - 1;
    }
    spill_put(&rp->files[lo], &r, sizeof r);
    return rp->files[lo].err ? -1 : 0;
}

int rec_runs_make(rec_runs *rp, rec_store *rs, const uint32_t *rank, const uint32_t *post_start,
                  uint32_t n_terms, size_t limit, rec_map_fn map, void *map_ctx)
{
    memset(rp, 0, sizeof *rp);
    rp->map = map;
    rp->map_ctx = map_ctx;
    size_t total = post_start[n_terms];
    if (!limit)
        limit = total + 1;
    else if (limit < total / MAX_RUNS + 1)
        limit = total / MAX_RUNS + 1;
    rp->first = malloc(((size_t)n_terms + 2) * sizeof *rp->first);
    if (!rp->first) {
        errno = ENOMEM;
        return -1;
    }
    int n = 0;
    size_t acc = 0;
    rp->first[0] = 0;
    for (uint32_t t = 0; t < n_terms; t++) {
        size_t c = post_start[t + 1] - post_start[t];
        if (acc && acc + c > limit) {
            rp->first[++n] = t;
            acc = 0;
        }
        acc += c;
    }
    rp->n_runs = n + 1;
    rp->first[rp->n_runs] = n_terms;
    if (rp->n_runs == 1) {
        /* one run, sorted from the store: the records still in memory go
         * to the spill first when they and the sorted copy would not both
         * fit */
        if (rs->n_mem && rs->n_mem + total > limit) {
            if (rec_store_flush(rs) != 0) {
                errno = rs->file.err;
                return -1;
            }
            rec_store_drop_mem(rs);
        }
        return 0;
    }
    rp->files = calloc((size_t)rp->n_runs, sizeof *rp->files);
    if (!rp->files) {
        errno = ENOMEM;
        return -1;
    }
    for (int i = 0; i < rp->n_runs; i++)
        if (spill_open(&rp->files[i], rs->path) != 0) {
            errno = rp->files[i].err;
            return -1;
        }
    if (rec_store_each(rs, rank, distribute_rec, rp) != 0) {
        errno = rs->file.err ? rs->file.err : EIO;
        for (int i = 0; i < rp->n_runs; i++)
            if (rp->files[i].err)
                errno = rp->files[i].err;
        return -1;
    }
    rec_store_drop_mem(rs);   /* in the runs' files now */
    spill_close(&rs->file);
    rs->n_file = 0;
    return 0;
}

typedef struct run_fill {
    posting_rec *sorted;
    uint32_t *fill;               /* per term of the run, its next slot */
    uint32_t lo;                  /* the run's first term */
    const rec_runs *rp;           /* its map, for records from the store; or NULL */
} run_fill;

static int fill_rec(void *ctx, posting_rec r)
{
    run_fill *f = ctx;
    if (f->rp && f->rp->map(f->rp->map_ctx, &r) != 0)
        return -1;
    f->sorted[f->fill[r.term - f->lo]++] = r;
    return 0;
}

posting_rec *rec_runs_load(rec_runs *rp, rec_store *rs, const uint32_t *rank,
                           const uint32_t *post_start)
{
    int i = rp->at++;
    uint32_t lo = rp->first[i], hi = rp->first[i + 1], base = post_start[lo];
    run_fill f = {malloc(((size_t)post_start[hi] - base + 1) * sizeof *f.sorted),
                  malloc(((size_t)hi - lo + 1) * sizeof *f.fill), lo,
                  rp->n_runs == 1 ? rp : NULL};
    int ok = f.sorted && f.fill;
    for (uint32_t t = lo; ok && t < hi; t++)
        f.fill[t - lo] = post_start[t] - base;
    if (ok && rp->n_runs == 1) {
        ok = rec_store_each(rs, rank, fill_rec, &f) == 0;
        rec_store_free(rs);   /* sorted holds them now */
    } else if (ok) {
        ok = spill_recs_each(&rp->files[i], NULL, fill_rec, &f) == 0;
        spill_close(&rp->files[i]);
    }
    free(f.fill);
    if (!ok) {
        free(f.sorted);
        return NULL;
    }
    return f.sorted;
}

void rec_runs_free(rec_runs *rp)
{
    for (int i = 0; rp->files && i < rp->n_runs; i++)
        spill_close(&rp->files[i]);
    free(rp->files);
    free(rp->first);
    memset(rp, 0, sizeof *rp);
}
