/* index_out.h: the index file being written, a section after another, each
 * summed as it goes (ix_sum over whole 8-byte words, the odd bytes
 * carried), the header written last at offset 0 when every offset and sum
 * is known. Sticky: after a failed write every call is a no-op and failed
 * holds the errno. */
#ifndef FAQ_INDEX_OUT_H
#define FAQ_INDEX_OUT_H

#include <stddef.h>
#include <stdint.h>

#include "index_format.h"
#include "index_spill.h"

typedef struct ix_out {
    int fd;
    unsigned char *buf;           /* bytes not yet written (NULL: none kept) */
    size_t n;
    ix_header *h;
    uint64_t at;                  /* bytes of the file so far */
    int sec;                      /* the section being written */
    ix_sum sum;
    unsigned char carry[8];
    size_t n_carry;
    int failed;                   /* errno of the first failure, or 0 */
} ix_out;

/* Writes go through a buffer (without memory for it, o->failed is set):
 * out_flush() before the file is read or closed, out_free() after. */
void out_init(ix_out *o, int fd, ix_header *h);
void out_flush(ix_out *o);
void out_free(ix_out *o);

/* Bytes outside any section (the header's place). */
void out_raw(ix_out *o, const void *p, size_t n);

/* Section k begins here. */
void out_begin(ix_out *o, int k);
/* Bytes of the current section. */
void out_put(ix_out *o, const void *p, size_t n);
/* Where the current section is, from its start. */
static inline uint64_t out_offset(const ix_out *o)
{
    return o->at - o->h->sec[o->sec].off;
}
/* Ends the section: its length and sum, then zeros to the next 8 bytes. */
void out_end(ix_out *o);

/* A whole section from memory. */
void out_section(ix_out *o, int k, const void *p, size_t n);

/* The bytes of a spill into the current section. Returns 0, or -1 when the
 * spill could not be read (its err says why). */
int out_spill(ix_out *o, spill *s);

/* The u32s of a spill into the current section, each v written as map[v]
 * (IX_NONE kept). Returns 0 or -1 as out_spill(). */
int out_spill_mapped(ix_out *o, spill *s, const uint32_t *map);

#endif
