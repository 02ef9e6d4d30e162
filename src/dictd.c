/* dictd.c: dictd dictionaries, .index and dictzip'ed .dict (see dictd.h). */
#include "dictd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "file_map.h"
#include "limits.h"

struct dictd {
    const char *idx;            /* the .index, mapped */
    size_t idx_len;
    /* the text: whole (plain file, plain gzip, or after dictd_load_all) ... */
    const unsigned char *text;
    uint64_t text_len;
    unsigned char *text_own;    /* the inflated text, when it is */
    const unsigned char *plain; /* an uncompressed .dict, mapped */
    size_t plain_len;
    /* ... or read chunk by chunk from a dictzip file, mapped */
    const unsigned char *dz;
    size_t dz_len;
    uint32_t chunk_len;         /* uncompressed bytes a chunk */
    uint32_t n_chunks;
    uint64_t *chunk_off;        /* in dz, n_chunks + 1 */
    unsigned char *chunk;       /* the last chunk inflated ... */
    uint32_t chunk_at;          /* ... its number, or UINT32_MAX */
    uint32_t chunk_got;         /* its bytes so far: a chunk is inflated as far as
                                   the entries read need, zs kept for the rest */
    int chunk_done;             /* ... and it has no more */
    z_stream zs;                /* one for every chunk, reset for each */
    int zs_ready;
    unsigned char *scratch;     /* an entry spanning chunks */
    size_t scratch_cap;
};

/* A number in dictd's base64 digits; 0 when a character is not one or it
 * runs past 2^48. */
static int b64_number(const char *s, size_t n, uint64_t *out)
{
    uint64_t v = 0;
    if (n == 0 || n > 8)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int d = c >= 'A' && c <= 'Z'   ? c - 'A'
                : c >= 'a' && c <= 'z' ? c - 'a' + 26
                : c >= '0' && c <= '9' ? c - '0' + 52
                : c == '+'             ? 62
                : c == '/'             ? 63
                                       : -1;
        if (d < 0)
            return 0;
        v = v * 64 + (uint64_t)d;
    }
    *out = v;
    return 1;
}

static int is_meta(const char *hw, size_t n)
{
    return (n >= 10 && memcmp(hw, "00database", 10) == 0) ||
           (n >= 11 && memcmp(hw, "00-database", 11) == 0);
}

int dictd_next(const dictd *d, size_t *at, dictd_entry *e)
{
    const char *end = d->idx + d->idx_len;
    while (*at < d->idx_len) {
        const char *p = d->idx + *at;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        *at = (size_t)(eol - d->idx) + 1;
        const char *t1 = memchr(p, '\t', (size_t)(eol - p));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(eol - t1 - 1)) : NULL;
        if (!t2 || t1 == p || is_meta(p, (size_t)(t1 - p)))
            continue;
        const char *t3 = memchr(t2 + 1, '\t', (size_t)(eol - t2 - 1));
        const char *len_end = t3 ? t3 : eol;
        if (len_end > t2 + 1 && len_end[-1] == '\r')
            len_end--;
        uint64_t off, len;
        if (!b64_number(t1 + 1, (size_t)(t2 - t1 - 1), &off) ||
            !b64_number(t2 + 1, (size_t)(len_end - t2 - 1), &len) || len > UINT32_MAX)
            continue;
        *e = (dictd_entry){p, (size_t)(t1 - p), off, (uint32_t)len};
        return 1;
    }
    return 0;
}

static uint16_t le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }

/* The gzip header of d->dz, and the chunk table when it is a dictzip
 * file. Returns 0, 1 when it is no gzip file, -1 out of memory. */
static int read_gzip_header(dictd *d)
{
    const unsigned char *z = d->dz;
    size_t n = d->dz_len, at = 10;
    if (n < 18 || z[0] != 0x1f || z[1] != 0x8b || z[2] != 8)
        return 1;
    unsigned flags = z[3];
    const unsigned char *ra = NULL;
    size_t ra_len = 0;
    if (flags & 4) {
        if (at + 2 > n)
            return 1;
        size_t xlen = le16(z + at);
        at += 2;
        if (at + xlen > n)
            return 1;
        for (size_t k = at; k + 4 <= at + xlen;) {
            size_t sl = le16(z + k + 2);
            if (k + 4 + sl > at + xlen)
                return 1;
            if (z[k] == 'R' && z[k + 1] == 'A') {
                ra = z + k + 4;
                ra_len = sl;
            }
            k += 4 + sl;
        }
        at += xlen;
    }
    for (unsigned bit = 8; bit <= 16; bit <<= 1)   /* FNAME, FCOMMENT: NUL-ended */
        if (flags & bit) {
            const unsigned char *nul = memchr(z + at, 0, n - at);
            if (!nul)
                return 1;
            at = (size_t)(nul - z) + 1;
        }
    if (flags & 2)
        at += 2;
    if (at >= n)
        return 1;
    if (!ra || ra_len < 6 || le16(ra) != 1)
        return 0;
    uint32_t chlen = le16(ra + 2), chcnt = le16(ra + 4);
    if (chlen == 0 || ra_len < 6 + 2 * (size_t)chcnt)
        return 1;
    d->chunk_off = malloc(((size_t)chcnt + 1) * sizeof *d->chunk_off);
    d->chunk = malloc(chlen);
    if (!d->chunk_off || !d->chunk)
        return -1;
    uint64_t o = at;
    for (uint32_t k = 0; k < chcnt; k++) {
        d->chunk_off[k] = o;
        o += le16(ra + 6 + 2 * k);
    }
    d->chunk_off[chcnt] = o;
    if (o > n)
        return 1;
    d->chunk_len = chlen;
    d->n_chunks = chcnt;
    d->chunk_at = UINT32_MAX;
    return 0;
}

/* Inflate n bytes at src (raw deflate when raw, else gzip) into out, at
 * most cap bytes; returns the bytes made, or -1 when it does not inflate. */
static long inflate_into(const unsigned char *src, size_t n, int raw, unsigned char *out,
                         uint64_t cap, int *oom)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int rc = inflateInit2(&zs, raw ? -15 : 16 + 15);
    if (rc != Z_OK) {
        *oom = rc == Z_MEM_ERROR;
        return -1;
    }
    uint64_t made = 0;
    const unsigned char *at = src;
    size_t left = n;
    do {
        /* zlib counts in uInt: feed it in pieces */
        uInt in = left > (1u << 30) ? 1u << 30 : (uInt)left;
        uint64_t room = cap - made;
        zs.next_in = (unsigned char *)at;
        zs.avail_in = in;
        zs.next_out = out + made;
        zs.avail_out = room > (1u << 30) ? 1u << 30 : (uInt)room;
        uInt before_in = zs.avail_in, before_out = zs.avail_out;
        rc = inflate(&zs, Z_SYNC_FLUSH);
        at += before_in - zs.avail_in;
        left -= before_in - zs.avail_in;
        made += before_out - zs.avail_out;
        if (rc == Z_MEM_ERROR)
            *oom = 1;
        if (rc == Z_STREAM_END && !raw && left > 0) {
            /* a gzip file of several members: go on with the next */
            rc = inflateReset(&zs);
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            break;
        if (rc == Z_BUF_ERROR && (made == cap || left == 0))
            break;
    } while (left > 0 && made < cap);
    inflateEnd(&zs);
    return rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR ? (long)made : -1;
}

int dictd_open(const char *base, dictd **out, char *err, size_t errlen)
{
    *out = NULL;
    char path[4096];
    const char *why = NULL;
    int oom = 0;
    dictd *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errlen, "out of memory while reading %s.index", base);
        return -1;
    }
    if (snprintf(path, sizeof path, "%s.index", base) >= (int)sizeof path) {
        why = "path too long";
        goto fail;
    }
    if (!(d->idx = file_map(path, FAQ_MAX_DICT_BYTES, &d->idx_len, NULL, &why))) {
        if (!why) {   /* no such dictionary */
            dictd_free(d);
            return 0;
        }
        goto fail;
    }
    snprintf(path, sizeof path, "%s.dict.dz", base);
    d->dz = file_map(path, FAQ_MAX_DICT_BYTES, &d->dz_len, NULL, &why);
    if (d->dz) {
        int rc = read_gzip_header(d);
        if (rc != 0) {
            oom = rc < 0;
            why = "not a gzip or dictzip file";
            goto fail;
        }
        if (!d->n_chunks && dictd_load_all(d, &oom) != 0) {
            why = "does not inflate, or inflates to more than faqbot reads";
            goto fail;
        }
    } else if (why) {
        goto fail;
    } else {
        snprintf(path, sizeof path, "%s.dict", base);
        if (!(d->plain = file_map(path, FAQ_MAX_DICT_BYTES, &d->plain_len, NULL, &why))) {
            if (!why)
                snprintf(path, sizeof path, "%s.dict.dz", base);
            why = why ? why : "missing (the .index has no .dict.dz or .dict beside it)";
            goto fail;
        }
        d->text = d->plain;
        d->text_len = d->plain_len;
    }
    *out = d;
    return 0;
fail:
    dictd_free(d);
    if (oom)
        snprintf(err, errlen, "out of memory while reading %s", path);
    else
        snprintf(err, errlen, "%s: %s", path, why);
    return -1;
}

void dictd_free(dictd *d)
{
    if (!d)
        return;
    if (d->idx)
        munmap((void *)d->idx, d->idx_len);
    if (d->dz)
        munmap((void *)d->dz, d->dz_len);
    if (d->plain)
        munmap((void *)d->plain, d->plain_len);
    if (d->zs_ready)
        inflateEnd(&d->zs);
    free(d->text_own);
    free(d->chunk_off);
    free(d->chunk);
    free(d->scratch);
    free(d);
}

uint64_t dictd_text_size(const dictd *d)
{
    /* a plain gzip file's size is known once inflated, at open */
    return d->text ? d->text_len : (uint64_t)d->n_chunks * d->chunk_len;
}

/* The uncompressed size a plain gzip file gives in its trailer (modulo
 * 2^32: a bound is all it is used for). */
static uint64_t gzip_size(const dictd *d)
{
    const unsigned char *t = d->dz + d->dz_len - 4;
    return (uint64_t)t[0] | (uint64_t)t[1] << 8 | (uint64_t)t[2] << 16 | (uint64_t)t[3] << 24;
}

int dictd_load_all(dictd *d, int *oom)
{
    if (d->text)
        return 0;
    uint64_t cap = d->n_chunks ? (uint64_t)d->n_chunks * d->chunk_len : gzip_size(d);
    if (cap > FAQ_MAX_DICT_BYTES)
        return -1;
    unsigned char *text = malloc(cap + 1);
    if (!text) {
        *oom = 1;
        return -1;
    }
    long made;
    if (d->n_chunks) {
        /* dictzip ends each chunk with a full flush, not a stream end: a
         * raw inflate of them all in a row reads the whole text */
        made = inflate_into(d->dz + d->chunk_off[0], d->chunk_off[d->n_chunks] - d->chunk_off[0],
                            1, text, cap, oom);
    } else {
        made = inflate_into(d->dz, d->dz_len, 0, text, cap, oom);
    }
    if (made < 0) {
        free(text);
        return -1;
    }
    d->text = d->text_own = text;
    d->text_len = (uint64_t)made;
    return 0;
}

/* Chunk k inflated into d->chunk as far as byte need at least (entries
 * read in the order of their offsets go on where the last one stopped);
 * 0, or -1. */
static int load_chunk(dictd *d, uint32_t k, uint32_t need, int *oom)
{
    if (need > d->chunk_len)
        need = d->chunk_len;
    if (d->chunk_at != k) {
        d->chunk_at = UINT32_MAX;
        int rc = d->zs_ready ? inflateReset(&d->zs) : inflateInit2(&d->zs, -15);
        if (rc != Z_OK) {
            *oom = rc == Z_MEM_ERROR;
            return -1;
        }
        d->zs_ready = 1;
        d->zs.next_in = (Bytef *)(d->dz + d->chunk_off[k]);
        d->zs.avail_in = (uInt)(d->chunk_off[k + 1] - d->chunk_off[k]);
        d->chunk_at = k;
        d->chunk_got = 0;
        d->chunk_done = 0;
    }
    while (d->chunk_got < need && !d->chunk_done) {
        /* a few pages past what is needed: the next entry is likely near */
        uint32_t want = (need - d->chunk_got + 4095) & ~4095u;
        if (want > d->chunk_len - d->chunk_got)
            want = d->chunk_len - d->chunk_got;
        d->zs.next_out = d->chunk + d->chunk_got;
        d->zs.avail_out = want;
        int rc = inflate(&d->zs, Z_SYNC_FLUSH);
        uint32_t made = want - d->zs.avail_out;
        d->chunk_got += made;
        if (rc != Z_OK && rc != Z_BUF_ERROR && rc != Z_STREAM_END) {
            *oom = rc == Z_MEM_ERROR;
            d->chunk_at = UINT32_MAX;
            return -1;
        }
        if (made < want)   /* the chunk's input is all used */
            d->chunk_done = 1;
    }
    return 0;
}

const char *dictd_text(dictd *d, const dictd_entry *e, size_t *len, int *oom)
{
    *len = e->len;
    if (e->len == 0)
        return "";
    if (d->text)
        return e->off <= d->text_len && e->len <= d->text_len - e->off
                   ? (const char *)d->text + e->off
                   : NULL;
    uint64_t first = e->off / d->chunk_len, last = (e->off + e->len - 1) / d->chunk_len;
    if (last >= d->n_chunks)
        return NULL;
    uint32_t in_first = (uint32_t)(e->off % d->chunk_len);
    if (first == last) {
        if (load_chunk(d, (uint32_t)first, in_first + e->len, oom) != 0 ||
            in_first + e->len > d->chunk_got)
            return NULL;
        return (const char *)d->chunk + in_first;
    }
    if (d->scratch_cap < e->len) {
        unsigned char *s = realloc(d->scratch, e->len);
        if (!s) {
            *oom = 1;
            return NULL;
        }
        d->scratch = s;
        d->scratch_cap = e->len;
    }
    size_t got = 0;
    for (uint64_t k = first; k <= last; k++) {
        uint32_t need = k == last ? (uint32_t)((e->off + e->len - 1) % d->chunk_len) + 1
                                  : d->chunk_len;
        if (load_chunk(d, (uint32_t)k, need, oom) != 0)
            return NULL;
        uint32_t from = k == first ? in_first : 0;
        size_t take = d->chunk_got > from ? d->chunk_got - from : 0;
        if (take > e->len - got)
            take = e->len - got;
        memcpy(d->scratch + got, d->chunk + from, take);
        got += take;
    }
    return got == e->len ? (const char *)d->scratch : NULL;
}
