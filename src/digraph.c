/* digraph.c: letters a keyboard without them makes people type as two. */
#include "digraph.h"

#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "lang_pack.h"
#include "utf8.h"

/* The bytes of the code point that begins at s[0], of n. */
static size_t code_point_len(const char *s, size_t n)
{
    size_t k = 1;
    while (k < n && utf8_continues((unsigned char)s[k]))
        k++;
    return k;
}

/* Is w, one code point of n bytes, among the letters of set? */
static int letter_in(const char *set, const char *w, size_t n)
{
    for (const char *p = set; *p;) {
        size_t k = code_point_len(p, strlen(p));
        if (k == n && memcmp(p, w, n) == 0)
            return 1;
        p += k;
    }
    return 0;
}

/* May a pair of r begin with byte b? */
static int starts_pair(const digraphs *r, unsigned char b)
{
    return (r->starts[b >> 3] >> (b & 7)) & 1;
}

/* Does pair d, after the code point of n bytes at prev, stay as it is? */
static int stays_after(const digraphs *r, const digraph_pair *d, const char *prev, size_t n)
{
    if (letter_in(r->not_after, prev, n))
        return 1;
    for (int k = 0; k < r->n_after; k++)
        if (strcmp(r->after[k].pair, d->pair) == 0 && letter_in(r->after[k].letters, prev, n))
            return 1;
    return 0;
}

long digraphs_read(const digraphs *r, const char *w, size_t n, char *out, size_t cap)
{
    /* most words hold no byte a pair begins with: nothing to read */
    size_t first = 0;
    while (first + 1 < n && !starts_pair(r, (unsigned char)w[first]))
        first++;
    if (first + 1 >= n)
        return -1;
    size_t o = 0, prev = 0, prev_len = 0;   /* the code point before i in w */
    int read = 0;
    for (size_t i = 0; i < n;) {
        const digraph_pair *d = NULL;
        if (i + 1 < n && starts_pair(r, (unsigned char)w[i]))
            for (int k = 0; k < r->n && !d; k++)
                if (r->pairs[k].pair_len <= n - i &&
                    memcmp(w + i, r->pairs[k].pair, r->pairs[k].pair_len) == 0)
                    d = &r->pairs[k];
        if (d && prev_len && stays_after(r, d, w + prev, prev_len))
            d = NULL;
        size_t used = d ? d->pair_len : code_point_len(w + i, n - i);
        size_t len = d ? d->to_len : used;
        if (o + len + 1 > cap)
            return -1;
        memcpy(out + o, d ? d->to : w + i, len);
        o += len;
        prev = d ? i + d->first_len : i;
        prev_len = d ? d->pair_len - d->first_len : used;
        i += used;
        read |= d != NULL;
    }
    out[o] = '\0';
    return read ? (long)o : -1;
}

/* Does line (n bytes) begin with setting name and a blank? Then *rest is
 * what follows it. */
static int setting_line(const char *line, size_t n, const char *name, const char **rest)
{
    size_t k = strlen(name);
    if (n <= k || memcmp(line, name, k) != 0 || (line[k] != ' ' && line[k] != '\t'))
        return 0;
    *rest = line + k;
    return 1;
}

/* Is the code point of n bytes at s a letter? */
static int is_letter(const char *s, size_t n)
{
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c) != (utf8proc_ssize_t)n)
        return 0;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* One item of a "!digraphs" line, "ae:ä" or "cç:ç" (n bytes), into r; one
 * that is not two letters, a colon and a letter is passed over. */
static void digraph_add(digraphs *r, const char *item, size_t n)
{
    utf8proc_int32_t cps[DIGRAPH_TO_BYTES * 3];
    const char *colon = memchr(item, ':', n);
    if (r->n == DIGRAPHS_MAX || !colon || !utf8_valid(item, n))
        return;
    size_t first = code_point_len(item, (size_t)(colon - item));
    size_t pair = (size_t)(colon - item), to = n - pair - 1;
    if (first >= pair || first + code_point_len(item + first, pair - first) != pair ||
        !is_letter(item, first) || !is_letter(item + first, pair - first) || !to)
        return;
    digraph_pair *d = &r->pairs[r->n];
    long len = fold_into(cps, sizeof cps / sizeof *cps, item, first, d->pair, sizeof d->pair, 0);
    long second = len <= 0 ? -1
                           : fold_into(cps, sizeof cps / sizeof *cps, item + first, pair - first,
                                       d->pair + len, sizeof d->pair - (size_t)len, 0);
    if (second <= 0)
        return;
    d->first_len = (size_t)len;
    d->pair_len = (size_t)(len + second);
    len = fold_into(cps, sizeof cps / sizeof *cps, colon + 1, to, d->to, sizeof d->to, 0);
    if (len <= 0)
        return;
    d->to_len = (size_t)len;
    r->starts[(unsigned char)d->pair[0] >> 3] |= (unsigned char)(1u << ((unsigned char)d->pair[0] & 7));
    r->n++;
}


/* Each letter of s (n bytes), case-folded, onto into (cap bytes, NUL-ended);
 * blanks and what is no UTF-8 passed over, what does not fit left out. */
static void add_letters(char *into, size_t cap, const char *s, size_t n)
{
    utf8proc_int32_t cps[DIGRAPH_TO_BYTES * 3];
    for (const char *c = s, *end = s + n; c < end;) {
        size_t k = code_point_len(c, (size_t)(end - c)), have = strlen(into);
        if (*c != ' ' && *c != '\t' && *c != '\r' && utf8_valid(c, k))
            if (fold_into(cps, sizeof cps / sizeof *cps, c, k, into + have, cap - have, 0) < 0)
                into[have] = '\0';
        c += k;
    }
}

/* One item of a "!digraphs_not_after" line (n bytes): letters after which
 * every pair stays ("aeiouq"), or one pair's ("ue:aeiouq"). */
static void not_after_add(digraphs *r, const char *item, size_t n)
{
    utf8proc_int32_t cps[DIGRAPH_TO_BYTES * 3];
    const char *colon = memchr(item, ':', n);
    if (!colon) {
        add_letters(r->not_after, sizeof r->not_after, item, n);
        return;
    }
    size_t pair = (size_t)(colon - item);
    size_t first = code_point_len(item, pair);
    if (r->n_after == DIGRAPHS_MAX || !utf8_valid(item, pair) || first >= pair ||
        first + code_point_len(item + first, pair - first) != pair || !is_letter(item, first) ||
        !is_letter(item + first, pair - first))
        return;
    digraph_after *a = &r->after[r->n_after];
    if (fold_into(cps, sizeof cps / sizeof *cps, item, pair, a->pair, sizeof a->pair, 0) <= 0)
        return;
    a->letters[0] = '\0';
    add_letters(a->letters, sizeof a->letters, colon + 1, n - pair - 1);
    r->n_after++;
}

/* The blank-separated items of rest..end, each to add(). */
static void each_item(digraphs *r, const char *c, const char *end,
                      void (*add)(digraphs *, const char *, size_t))
{
    for (size_t k; (k = utf8_next_item(&c, end)) > 0; c += k)
        add(r, c, k);
}

void digraphs_parse(digraphs *r, const char *text)
{
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        const char *rest, *end = p + n;
        if (setting_line(p, n, STOP_SETTING_DIGRAPHS_NOT_AFTER, &rest)) {
            each_item(r, rest, end, not_after_add);
        } else if (setting_line(p, n, STOP_SETTING_LETTERS, &rest)) {
            add_letters(r->letters, sizeof r->letters, rest, (size_t)(end - rest));
        } else if (setting_line(p, n, STOP_SETTING_DIGRAPHS, &rest)) {
            each_item(r, rest, end, digraph_add);
        }
        p += n;
        if (*p == '\n')
            p++;
    }
}

long digraphs_fold(const digraphs *r, utf8proc_int32_t *cps, size_t cps_cap, const char *w,
                   size_t n, char *cased, char *folded, size_t cap)
{
    if (!r->n)
        return fold_into(cps, cps_cap, w, n, folded, cap, 1);
    long k = fold_into(cps, cps_cap, w, n, cased, cap, 0);
    if (k <= 0)
        return k;
    char *read = folded;   /* the digraphs read, then folded back into place */
    long d = digraphs_read(r, cased, (size_t)k, read, cap);
    if (d > 0) {
        memcpy(cased, read, (size_t)d);
        k = d;
    }
    return fold_into(cps, cps_cap, cased, (size_t)k, folded, cap, 1);
}

int digraphs_own_letter(const digraphs *r, const char *w, size_t n)
{
    for (size_t i = 0, k; *r->letters && i < n; i += k) {
        k = code_point_len(w + i, n - i);
        if (k > 1 && letter_in(r->letters, w + i, k))
            return 1;
    }
    return 0;
}
