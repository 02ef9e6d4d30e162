/* index_spill.h: the temporary files of an index build, and the posting
 * records that pass through them.
 *
 * A spill is a file beside the index (its path + ".spill.XXXXXX"), unlinked
 * as soon as it is made, so that neither a failure nor a crash leaves it
 * behind. The build appends to it through a buffer, reads any of it back
 * (what is still in the buffer included), and may patch bytes already
 * written. Sticky: after a failure every call is a no-op and err holds the
 * errno.
 *
 * Posting records (a term, an entry, the term's frequency in the question
 * and the answer) are kept in memory up to a budget, then appended to a
 * spill; once every entry is analyzed, the terms are cut in runs of
 * consecutive final numbers whose records fit the budget, the records are
 * distributed to one spill per run in one pass, and each run is read back
 * and counting-sorted in memory: two passes over the records, linear time.
 *
 * Ownership: a spill and a rec_store own their buffers and files;
 * spill_close() and rec_store_free() accept zeroed ones. */
#ifndef FAQ_INDEX_SPILL_H
#define FAQ_INDEX_SPILL_H

#include <stddef.h>
#include <stdint.h>

typedef struct spill {
    int fd;                       /* when open */
    int open;
    unsigned char *buf;           /* bytes after `written`, not yet in the file */
    size_t n, cap;
    uint64_t written;             /* bytes in the file */
    uint64_t base;                /* where they start in it */
    int err;                      /* errno of the first failure, or 0 */
} spill;

/* A new spill beside path: a file of no name in its folder (where the
 * file system has none such, one named path.spill.XXXXXX and removed at
 * once), so that no end of the build leaves it behind. Returns 0, or -1
 * with s->err set. */
int spill_open(spill *s, const char *path);
void spill_close(spill *s);

/* A spill that reads n bytes of another open file, from off: what a build
 * wrote to the index file already, read back instead of kept twice. Read
 * only; spill_close() leaves the file open. */
void spill_borrow(spill *s, int fd, uint64_t off, uint64_t n);

void spill_put(spill *s, const void *p, size_t n);
static inline uint64_t spill_size(const spill *s)
{
    return s->written + s->n;
}

/* n bytes at off (off + n <= spill_size()) into p. Returns 0 or -1. */
int spill_read(spill *s, uint64_t off, void *p, size_t n);

/* Overwrite n bytes at off (off + n <= spill_size()). Returns 0 or -1. */
int spill_patch(spill *s, uint64_t off, const void *p, size_t n);

/* Read a spill from the start, a piece at a time: each call gives the next
 * piece (at most max bytes, a multiple of unit unless at the end) in *p,
 * valid until the next call, and its length; 0 at the end, -1 on failure. */
typedef struct spill_cursor {
    spill *s;
    uint64_t at;
    unsigned char *buf;
    size_t cap;
} spill_cursor;

void spill_cursor_init(spill_cursor *c, spill *s);
long spill_cursor_next(spill_cursor *c, const unsigned char **p, size_t unit);
void spill_cursor_free(spill_cursor *c);

/* Read a spill at offsets that mostly go forward: a window of it read
 * ahead, so that texts read in the order they were written cost a read a
 * window; one behind the window is read apart, the window kept. */
typedef struct spill_window {
    unsigned char *buf, *apart;
    size_t cap, len, apart_cap;
    uint64_t off;                 /* of buf[0] in the spill */
} spill_window;

/* n bytes at off (off + n <= spill_size()), valid until the next call, or
 * NULL on failure. */
const unsigned char *spill_view(spill *s, spill_window *w, uint64_t off, size_t n);
void spill_window_free(spill_window *w);

/* ---- posting records ---- */

/* As the analysis makes it, a record names its entry and the term's
 * frequencies; joined (rec_runs_make()'s map, with what the build knows
 * of each entry once all are in), its group and the posting's byte. */
typedef struct posting_rec {
    uint32_t term;
    uint32_t group;               /* the entry's number until joined */
    union {
        struct {
            uint16_t tf_q, tf_a;  /* in the question and in the answer */
        };
        uint32_t byte;            /* once joined: impact << 1 | in the question */
    };
} posting_rec;

/* The records of a build, in the order they came, some in a spill, the
 * rest in memory. */
typedef struct rec_store {
    const char *path;             /* the index's, for spill_open() */
    posting_rec *mem;
    size_t n_mem, cap;
    spill file;
    uint64_t n_file;
} rec_store;

void rec_store_init(rec_store *rs, const char *path);
/* Append n records, first moving those in memory to the spill when more
 * than limit would be held (0: no limit). Returns 0, or -1 (out of memory,
 * or the spill failed: rs->file.err says which). */
int rec_store_add(rec_store *rs, const posting_rec *r, size_t n, size_t limit);
void rec_store_free(rec_store *rs);

/* Every record, in order, with its term replaced by rank[term], to fn. */
typedef int (*rec_fn)(void *ctx, posting_rec r);
int rec_store_each(rec_store *rs, const uint32_t *rank, rec_fn fn, void *ctx);

/* Each record as it comes from the store, in the store's order, its term
 * ranked: changed in place. Returns 0, or -1 to stop. */
typedef int (*rec_map_fn)(void *ctx, posting_rec *r);

/* The runs of a store: terms [first[i], first[i + 1]) in run i. */
typedef struct rec_runs {
    uint32_t *first;
    int n_runs;
    int at;                       /* runs loaded so far */
    spill *files;                 /* with n_runs > 1: each run's records */
    rec_map_fn map;
    void *map_ctx;
} rec_runs;

/* Cut n_terms terms, whose records start at post_start[t] (post_start[n_terms]
 * being their count), in runs of at most limit records (0: one run), and
 * with more than one, distribute the store's records to their runs' spills
 * (the store's memory is then freed). Each record read from the store, once
 * and in its order, goes through map first. Returns 0, or -1 (memory, a
 * spill, or map: errno says which). */
int rec_runs_make(rec_runs *rp, rec_store *rs, const uint32_t *rank, const uint32_t *post_start,
                  uint32_t n_terms, size_t limit, rec_map_fn map, void *map_ctx);

/* The next run's records, sorted by term (then in the order they came), to
 * be freed by the caller, or NULL on failure. */
posting_rec *rec_runs_load(rec_runs *rp, rec_store *rs, const uint32_t *rank,
                           const uint32_t *post_start);
void rec_runs_free(rec_runs *rp);

#endif
