/* buf.c: the growable byte buffer (see buf.h). */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(buf *b, int why)
{
    buf_free(b);
    return why;
}

int buf_add(buf *b, const void *p, size_t n)
{
    if (n > b->max || b->len > b->max - n)
        return fail(b, BUF_TOO_LARGE);
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 64) + n;
        if (cap > b->max + 1)
            cap = b->max + 1;
        char *s = realloc(b->s, cap);
        if (!s)
            return fail(b, BUF_OOM);
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = '\0';
    return BUF_OK;
}

int buf_add_str0(buf *b, const char *p, size_t n)
{
    int rc = buf_add(b, p, n);
    return rc != BUF_OK ? rc : buf_add(b, "", 1);
}

int buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

int buf_vprintf(buf *b, const char *fmt, va_list ap)
{
    char line[1024];
    int n = vsnprintf(line, sizeof line, fmt, ap);
    if (n < 0)
        return BUF_OK;  /* an encoding error adds nothing */
    if ((size_t)n >= sizeof line)
        n = sizeof line - 1;
    return buf_add(b, line, (size_t)n);
}

void buf_reset(buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void buf_free(buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

char *buf_take(buf *b)
{
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

size_t grow_cap(size_t cap, size_t need, size_t first, size_t size)
{
    size_t c = cap ? cap : first;
    if (!c || !size)
        return 0;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return 0;
        c *= 2;
    }
    return c > SIZE_MAX / size ? 0 : c;
}

int grow(void *pp, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t c = grow_cap(*cap, need, first, size);
    if (!c)
        return -1;
    void *p;
    memcpy(&p, pp, sizeof p);   /* *pp is a T *: read and written as bytes */
    void *q = realloc(p, c * size);
    if (!q)
        return -1;
    memcpy(pp, &q, sizeof q);
    *cap = c;
    return 0;
}

int strv_add(char ***v, size_t *n, const char *s, size_t len)
{
    char **a = realloc(*v, (*n + 1) * sizeof *a);
    if (!a)
        return -1;
    *v = a;
    if (!(a[*n] = strndup(s, len)))
        return -1;
    (*n)++;
    return 0;
}
