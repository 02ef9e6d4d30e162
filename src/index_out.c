/* index_out.c: the index file written section by section (index_out.h). */
#include "index_out.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The buffer's size: small pieces (an entry's record, a literal) go out a
 * write at a time otherwise. */
#define OUT_BUF (256u << 10)

void out_init(ix_out *o, int fd, ix_header *h)
{
    memset(o, 0, sizeof *o);
    o->fd = fd;
    o->h = h;
    if (!(o->buf = malloc(OUT_BUF)))
        o->failed = ENOMEM;
}

static void write_all(ix_out *o, const void *p, size_t n)
{
    const char *s = p;
    while (n && !o->failed) {
        ssize_t w = write(o->fd, s, n);
        if (w < 0) {
            if (errno != EINTR)
                o->failed = errno ? errno : EIO;
            continue;
        }
        s += w;
        n -= (size_t)w;
    }
}

void out_flush(ix_out *o)
{
    write_all(o, o->buf, o->n);
    o->n = 0;
}

void out_free(ix_out *o)
{
    free(o->buf);
    o->buf = NULL;
}

void out_raw(ix_out *o, const void *p, size_t n)
{
    if (o->failed)
        return;
    o->at += n;
    if (o->n + n <= OUT_BUF) {
        memcpy(o->buf + o->n, p, n);
        o->n += n;
        return;
    }
    out_flush(o);
    if (n < OUT_BUF) {
        memcpy(o->buf, p, n);
        o->n = n;
    } else {
        write_all(o, p, n);
    }
}

void out_begin(ix_out *o, int k)
{
    o->sec = k;
    o->h->sec[k].off = o->at;
    ix_sum_init(&o->sum);
    o->n_carry = 0;
}

void out_put(ix_out *o, const void *p, size_t n)
{
    const unsigned char *b = p;
    if (!n)
        return;
    out_raw(o, b, n);
    if (o->n_carry) {
        size_t k = 8 - o->n_carry < n ? 8 - o->n_carry : n;
        memcpy(o->carry + o->n_carry, b, k);
        o->n_carry += k;
        b += k;
        n -= k;
        if (o->n_carry < 8)
            return;
        ix_sum_words(&o->sum, o->carry, 8);
        o->n_carry = 0;
    }
    ix_sum_words(&o->sum, b, n & ~(size_t)7);
    memcpy(o->carry, b + (n & ~(size_t)7), n & 7);
    o->n_carry = n & 7;
}

void out_end(ix_out *o)
{
    static const unsigned char zero[8];
    int k = o->sec;
    o->h->sec[k].len = o->at - o->h->sec[k].off;
    o->h->sec[k].sum = ix_sum_final(&o->sum, o->carry, o->n_carry, o->h->sec[k].len);
    out_raw(o, zero, (8 - o->at % 8) % 8);
}

void out_section(ix_out *o, int k, const void *p, size_t n)
{
    out_begin(o, k);
    out_put(o, p, n);
    out_end(o);
}

int out_spill(ix_out *o, spill *s)
{
    spill_cursor c;
    spill_cursor_init(&c, s);
    const unsigned char *p;
    long n;
    while ((n = spill_cursor_next(&c, &p, 8)) > 0)
        out_put(o, p, (size_t)n);
    spill_cursor_free(&c);
    return n == 0 ? 0 : -1;
}

int out_spill_mapped(ix_out *o, spill *s, const uint32_t *map)
{
    spill_cursor c;
    spill_cursor_init(&c, s);
    const unsigned char *p;
    long n;
    uint32_t v[1024];
    while ((n = spill_cursor_next(&c, &p, sizeof *v)) > 0) {
        for (size_t i = 0; i < (size_t)n / sizeof *v;) {
            size_t k = 0;
            for (; k < sizeof v / sizeof *v && i < (size_t)n / sizeof *v; k++, i++) {
                memcpy(&v[k], p + i * sizeof *v, sizeof *v);
                if (v[k] != IX_NONE)
                    v[k] = map[v[k]];
            }
            out_put(o, v, k * sizeof *v);
        }
    }
    spill_cursor_free(&c);
    return n == 0 ? 0 : -1;
}
