/* buf.h: a growable byte buffer with a hard maximum (after curl's dynbuf):
 * an append that would pass the maximum, or finds no memory, frees the
 * buffer and says so; the text is kept NUL-terminated.
 *
 * Ownership: the buffer owns s; buf_take() hands it over. A zeroed buf
 * with max set (BUF_INIT) is an empty one. */
#ifndef FAQ_BUF_H
#define FAQ_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
    char *s;                    /* NULL until the first append */
    size_t len, cap;
    size_t max;                 /* most bytes it may hold, NUL excluded */
} buf;

#define BUF_INIT(maximum) ((buf){NULL, 0, 0, (maximum)})

enum { BUF_OK = 0, BUF_OOM = -1, BUF_TOO_LARGE = -2 };

/* Append n bytes of p. Returns BUF_OK, or BUF_OOM / BUF_TOO_LARGE with the
 * buffer freed (empty again). */
int buf_add(buf *b, const void *p, size_t n);

/* Append n bytes of p and a NUL that stays in the text (for lists of
 * NUL-ended strings). */
int buf_add_str0(buf *b, const char *p, size_t n);

/* Append printf-style text, a line at most 1 KiB (longer is cut). */
int buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vprintf(buf *b, const char *fmt, va_list ap);

void buf_reset(buf *b);         /* empty, memory kept */
void buf_free(buf *b);          /* empty, memory freed; max kept */
char *buf_take(buf *b);         /* the text, now the caller's; b is empty */

/* ---- arrays grown on need ---- */

/* The capacity, in elements of size bytes, that holds need of them: cap
 * when it does, else cap (first when cap is 0) doubled until it does. 0
 * when that many bytes would pass SIZE_MAX. */
size_t grow_cap(size_t cap, size_t need, size_t first, size_t size);

/* The array at *pp (a pointer to any T *, its elements size bytes), with
 * *cap elements, reallocated to hold need (grow_cap()); the new elements
 * are not set. Returns 0, or -1 when out of memory or past SIZE_MAX, the
 * array and *cap as they were. */
int grow(void *pp, size_t *cap, size_t need, size_t size, size_t first);

/* A copy of s (len bytes, NUL-ended as strndup() makes it) appended to the
 * array *v of *n strings, which grows by one. Returns 0, or -1 when out of
 * memory: *n as it was. */
int strv_add(char ***v, size_t *n, const char *s, size_t len);

#endif
