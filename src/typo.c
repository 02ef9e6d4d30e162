/* typo.c: typo candidates from a sorted vocabulary (see typo.h). */
#include "typo.h"

#include <string.h>

int typo_budget(size_t n)
{
    /* Words of three letters or fewer have too many neighbours ("red" is
     * one edit from "rey", "sed", "ver"...) to guess from. */
    if (n <= 3)
        return 0;
    /* two from eight letters, as Typesense (Meilisearch waits for nine):
     * "iniative" is two edits from "initiative" */
    if (n <= 7)
        return 1;
    return 2;
}

/* Decode valid UTF-8 into code points; returns the count, or -1 if over cap. */
static int decode(const char *s, size_t len, uint32_t *out, int cap)
{
    int n = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        uint32_t c = *p++;
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        if (extra)
            c &= 0x3Fu >> extra;
        while (extra-- && p < end)
            c = (c << 6) | (*p++ & 0x3F);
        if (n == cap)
            return -1;
        out[n++] = c;
    }
    return n;
}

int typo_cp_count(const char *s, size_t len)
{
    int n = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned c = *p++;
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        p += (size_t)(end - p) < (size_t)extra ? (size_t)(end - p) : (size_t)extra;
        if (n == TYPO_MAX_CP)
            return -1;
        n++;
    }
    return n;
}

/* Bytes of code point c in UTF-8. */
static inline size_t cp_len(uint32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

static inline int min3(int a, int b, int c)
{
    int m = a < b ? a : b;
    return m < c ? m : c;
}

typedef struct walk {
    uint32_t q[TYPO_MAX_CP];
    int qn;
    int band;                   /* distances up to this are exact, larger ones only larger */
    int rows[TYPO_MAX_CP + 2][TYPO_MAX_CP + 1];   /* rows[i]: distance table after i chars */
    uint32_t prefix[TYPO_MAX_CP + 1];              /* code points of the current word */
} walk;

/* Fill row i (1-based) of the table for character c of the vocabulary word;
 * returns the row's minimum. Only the cells within w->band of the diagonal
 * are filled (Ukkonen's band): a cell further off is more than band, and a
 * path through it ends above band, so the cells within hold their exact
 * distance where it is at most band, and more than band where it is not;
 * the row's minimum likewise. */
static int fill_row(walk *w, int i, uint32_t c)
{
    int *row = w->rows[i], *up = w->rows[i - 1];
    int k = w->band, over = k + 1;
    int lo = i - k > 1 ? i - k : 1, hi = i + k < w->qn ? i + k : w->qn;
    row[0] = i;
    if (lo > 1)
        row[lo - 1] = over;
    int best = row[0];
    for (int j = lo; j <= hi; j++) {
        int cost = w->q[j - 1] != c;
        int above = j < i + k ? up[j] : over;   /* up's band ends at i - 1 + k */
        int v = min3(above + 1, row[j - 1] + 1, up[j - 1] + cost);
        if (i > 1 && j > 1 && c == w->q[j - 2] && w->prefix[i - 2] == w->q[j - 1])
            v = v < w->rows[i - 2][j - 2] + 1 ? v : w->rows[i - 2][j - 2] + 1;
        row[j] = v;
        if (v < best)
            best = v;
    }
    return best;
}

/* The distance in the table after n chars: exact up to w->band, else
 * more than band. */
static int table_distance(const walk *w, int n)
{
    int off = n > w->qn ? n - w->qn : w->qn - n;
    return off > w->band ? w->band + 1 : w->rows[n][w->qn];
}

/* The code point at *p (valid UTF-8), *p moved past it. */
static uint32_t next_cp(const unsigned char **p)
{
    uint32_t c = *(*p)++;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra)
        c &= 0x3Fu >> extra;
    while (extra--)
        c = (c << 6) | (*(*p)++ & 0x3F);
    return c;
}

static const char *rec_text(const typo_vocab *v, uint32_t i, uint32_t *len)
{
    const uint32_t *t = (const uint32_t *)((const char *)v->words + (size_t)i * v->stride + v->text_off);
    *len = t[1];
    return v->base + t[0];
}

/* Does record i come at or before every word starting with prefix (bytes),
 * or start with it? (Compared inline: the prefixes are a few bytes.) */
static inline int not_after(const typo_vocab *v, uint32_t i, const char *prefix, size_t n)
{
    uint32_t len;
    const unsigned char *t = (const unsigned char *)rec_text(v, i, &len);
    const unsigned char *p = (const unsigned char *)prefix;
    size_t m = len < n ? len : n;
    for (size_t k = 0; k < m; k++)
        if (t[k] != p[k])
            return t[k] < p[k];
    return 1;
}

/* First record in [lo, hi) whose text does not start with prefix (bytes).
 * Galloping from lo: deep in the walk the words to skip are few. */
static uint32_t skip_prefix(const typo_vocab *v, uint32_t lo, uint32_t hi, const char *prefix, size_t n)
{
    uint32_t step = 1;
    while (lo + step < hi && not_after(v, lo + step - 1, prefix, n)) {
        lo += step;
        step *= 2;
    }
    if (lo + step < hi)
        hi = lo + step;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (not_after(v, mid, prefix, n))
            lo = mid + 1;   /* before the prefix, or starting with it: skip */
        else
            hi = mid;
    }
    return lo;
}

/* First record in [lo, hi) that does not come before every word starting
 * with prefix (n bytes): the first of those words, if any. */
static uint32_t lower_bound(const typo_vocab *v, uint32_t lo, uint32_t hi, const char *prefix, size_t n)
{
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t len;
        const unsigned char *t = (const unsigned char *)rec_text(v, mid, &len);
        const unsigned char *p = (const unsigned char *)prefix;
        size_t m = len < n ? len : n, k = 0;
        while (k < m && t[k] == p[k])
            k++;
        int before = k < m ? t[k] < p[k] : len < n;
        if (before)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int typo_search(const typo_vocab *v, const char *word, size_t len, int max_dist,
                typo_match *out, int cap)
{
    static __thread walk w;   /* 17 KB: too large for some thread stacks */
    if (max_dist <= 0 || cap <= 0)
        return 0;
    w.qn = decode(word, len, w.q, TYPO_MAX_CP);
    if (w.qn <= 0)
        return 0;
    w.band = max_dist;
    for (int j = 0; j <= w.qn; j++)
        w.rows[0][j] = j;
    int found = 0;
    int depth = 0;                 /* rows valid for the current prefix */
    char prev[TYPO_MAX_CP * 4];
    size_t prev_len = 0;
    uint32_t i = v->first, end = v->first + v->count;
    if (max_dist == 1) {
        /* an edit of the first letter counts two: within one edit are only
         * words with the same first letter, one range of the sorted words */
        size_t first = cp_len(w.q[0]);
        i = lower_bound(v, i, end, word, first);
        end = i < end ? skip_prefix(v, i, end, word, first) : end;
    }
    while (i < end) {
        uint32_t tlen;
        const char *t = rec_text(v, i, &tlen);
        if (tlen > sizeof prev || (tlen > TYPO_MAX_CP && typo_cp_count(t, tlen) < 0)) {
            i++;
            continue;
        }
        /* reuse the rows of the prefix shared with the previous word: its
         * whole code points within the bytes the two words share */
        size_t k = 0;
        while (k < prev_len && k < tlen && prev[k] == t[k])
            k++;
        int r = 0;
        size_t bytes = 0;
        while (r < depth && bytes + cp_len(w.prefix[r]) <= k)
            bytes += cp_len(w.prefix[r++]);
        memcpy(prev, t, tlen);
        prev_len = tlen;
        int pruned = 0;
        /* an edit of the first letter counts twice, as in Meilisearch:
         * people rarely mistype it, and it keeps the walk to one branch */
        const unsigned char *p = (const unsigned char *)t + bytes, *e = (const unsigned char *)t + tlen;
        int first_edit = r > 0 && w.prefix[0] != w.q[0];
        /* the word's code points decoded as the rows need them */
        for (; p < e; r++) {
            uint32_t c = next_cp(&p);
            if (r == 0)
                first_edit = c != w.q[0];
            w.prefix[r] = c;
            int best = fill_row(&w, r + 1, c) + first_edit;
            bytes += cp_len(c);
            if (best > max_dist) {
                /* no word with this prefix can come close: skip them all */
                depth = r;   /* rows up to r stay valid for the next word */
                i = skip_prefix(v, i + 1, end, t, bytes);
                pruned = 1;
                break;
            }
        }
        if (pruned)
            continue;
        depth = r;
        int d = table_distance(&w, r) + first_edit;
        if (d > 0 && d <= max_dist) {
            /* keep the nearest cap, in order of distance (stable: vocabulary order) */
            int at = found < cap ? found : cap;
            while (at > 0 && out[at - 1].dist > d)
                at--;
            if (at < cap) {
                int last = found < cap ? found : cap - 1;
                memmove(out + at + 1, out + at, (size_t)(last - at) * sizeof *out);
                out[at] = (typo_match){i, d};
                if (found < cap)
                    found++;
            }
        }
        i++;
    }
    return found;
}

int typo_distance(const char *a, size_t alen, const char *b, size_t blen)
{
    static __thread walk w;
    uint32_t bc[TYPO_MAX_CP];
    w.qn = decode(b, blen, w.q, TYPO_MAX_CP);
    int n = decode(a, alen, bc, TYPO_MAX_CP);
    if (w.qn < 0 || n < 0)
        return -1;
    w.band = TYPO_MAX_CP + 1;   /* the whole table: the exact distance */
    for (int j = 0; j <= w.qn; j++)
        w.rows[0][j] = j;
    for (int i = 0; i < n; i++) {
        w.prefix[i] = bc[i];
        fill_row(&w, i + 1, bc[i]);
    }
    return w.rows[n][w.qn];
}

/* Are the n code points of x and y the same? */
static int same_cps(const uint32_t *x, const uint32_t *y, int n)
{
    for (int i = 0; i < n; i++)
        if (x[i] != y[i])
            return 0;
    return 1;
}

int typo_one_edit(const char *a, size_t alen, const char *b, size_t blen)
{
    uint32_t x[TYPO_MAX_CP], y[TYPO_MAX_CP];
    int n = decode(a, alen, x, TYPO_MAX_CP), m = decode(b, blen, y, TYPO_MAX_CP);
    if (n < 0 || m < 0 || n - m > 1 || m - n > 1)
        return 0;
    if (n < m) {
        /* the longer first: an insertion into a is a deletion from b */
        return typo_one_edit(b, blen, a, alen);
    }
    int i = 0;
    while (i < m && x[i] == y[i])
        i++;
    if (n == m + 1)
        return same_cps(x + i + 1, y + i, m - i);   /* x[i] deleted */
    if (i == n)
        return 0;   /* the same word: no edit */
    if (same_cps(x + i + 1, y + i + 1, n - i - 1))
        return 1;   /* x[i] replaced */
    return i + 1 < n && x[i] == y[i + 1] && x[i + 1] == y[i] &&
           same_cps(x + i + 2, y + i + 2, n - i - 2);   /* x[i], x[i + 1] swapped */
}
