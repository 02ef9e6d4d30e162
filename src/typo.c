/* typo.c: typo candidates from a sorted vocabulary (see typo.h). */
#include "typo.h"

#include <string.h>

#include "utf8.h"

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

/* The code point at *p (before end), *p moved past it: by its lead byte
 * alone, as the distance reads every word. */
static inline uint32_t decode_one(const unsigned char **p, const unsigned char *end)
{
    uint32_t c = *(*p)++;
    int extra = (int)utf8_lead_len((unsigned char)c) - 1;
    if (extra)
        c &= 0x3Fu >> extra;
    while (extra-- && *p < end)
        c = (c << 6) | (*(*p)++ & 0x3F);
    return c;
}

/* Decode valid UTF-8 into code points; returns the count, or -1 if over cap. */
static int decode(const char *s, size_t len, uint32_t *out, int cap)
{
    int n = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        uint32_t c = decode_one(&p, end);
        if (n == cap)
            return -1;
        out[n++] = c;
    }
    return n;
}

int typo_cp_count(const char *s, size_t len)
{
    /* its ASCII first, a code point a byte (most words are all ASCII) */
    size_t ascii = 0;
    while (ascii < len && (unsigned char)s[ascii] < 0x80)
        ascii++;
    if (ascii > TYPO_MAX_CP)
        return -1;
    int n = (int)ascii;
    const unsigned char *p = (const unsigned char *)s + ascii, *end = (const unsigned char *)s + len;
    while (p < end) {
        unsigned c = *p++;
        int extra = (int)utf8_lead_len((unsigned char)c) - 1;
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
    const int *two_up = i > 1 ? w->rows[i - 2] : NULL;
    const uint32_t *q = w->q;
    int k = w->band, over = k + 1;
    int lo = i - k > 1 ? i - k : 1, hi = i + k < w->qn ? i + k : w->qn;
    row[0] = i;
    if (lo > 1)
        row[lo - 1] = over;
    if (i + k <= w->qn)
        up[i + k] = over;       /* past up's band (it ends at i - 1 + k) */
    uint32_t before = i > 1 ? w->prefix[i - 2] : 0;   /* the word's char before c */
    int best = row[0];
    for (int j = lo; j <= hi; j++) {
        int v = min3(up[j] + 1, row[j - 1] + 1, up[j - 1] + (q[j - 1] != c));
        /* a swap of neighbours: c after before, where the query has them the other way */
        if (two_up && j > 1 && c == q[j - 2] && before == q[j - 1] && two_up[j - 2] + 1 < v)
            v = two_up[j - 2] + 1;
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
    int extra = (int)utf8_lead_len((unsigned char)c) - 1;
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

uint32_t typo_vocab_lower_bound(const typo_vocab *v, const char *prefix, size_t n)
{
    return lower_bound(v, v->first, v->first + v->count, prefix, n);
}

/* The walk of records [i, end) for w's word within max_dist, its matches
 * put among out's found (nearest first, vocabulary order among equals).
 * Returns how many out holds. */
static int walk_range(const typo_vocab *v, walk *w, uint32_t i, uint32_t end, int max_dist,
                      typo_match *out, int cap, int found)
{
    int depth = 0;                 /* rows valid for the current prefix */
    char prev[TYPO_MAX_CP * 4];
    size_t prev_len = 0;
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
        while (r < depth && bytes + cp_len(w->prefix[r]) <= k)
            bytes += cp_len(w->prefix[r++]);
        memcpy(prev, t, tlen);
        prev_len = tlen;
        int pruned = 0;
        /* an edit of the first letter counts twice, as in Meilisearch:
         * people rarely mistype it, and it keeps the walk to one branch */
        const unsigned char *p = (const unsigned char *)t + bytes, *e = (const unsigned char *)t + tlen;
        int first_edit = r > 0 && w->prefix[0] != w->q[0];
        /* the word's code points decoded as the rows need them */
        for (; p < e; r++) {
            uint32_t c = next_cp(&p);
            if (r == 0)
                first_edit = c != w->q[0];
            w->prefix[r] = c;
            int best = fill_row(w, r + 1, c) + first_edit;
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
        int d = table_distance(w, r) + first_edit;
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

/* The record in [lo, hi) whose text is s (n bytes), or UINT32_MAX. */
static uint32_t find_exact(const typo_vocab *v, uint32_t lo, uint32_t hi, const char *s, size_t n)
{
    uint32_t i = lower_bound(v, lo, hi, s, n), len;
    if (i >= hi)
        return UINT32_MAX;
    const char *t = rec_text(v, i, &len);
    return len == n && memcmp(t, s, n) == 0 ? i : UINT32_MAX;
}

/* Matches of other first letters kept: the first of them by record, more
 * than any cap a search takes this way (half of it) needs. */
#define TYPO_OTHER_MAX 64

/* Within two edits, a word of another first letter has that letter's edit
 * and no other (it counts two): the word with its first letter replaced
 * (c + word[1..]), one put before it (c + word), the first dropped
 * (word[1..]) or swapped with the second. Those are looked up as they are,
 * in each first letter's range of records, instead of walking the range:
 * records [lo, hi) but the word's own letter's [own_lo, own_hi). Their
 * record numbers, ascending, into at (TYPO_OTHER_MAX); returns how many. */
static int other_letters(const typo_vocab *v, const walk *w, const char *word, size_t len,
                         uint32_t lo, uint32_t hi, uint32_t own_lo, uint32_t own_hi, uint32_t *at)
{
    int n = 0;
    char buf[TYPO_MAX_CP * 4 + 8];
    size_t l0 = cp_len(w->q[0]);
    for (uint32_t i = lo; i < hi && n + 4 <= TYPO_OTHER_MAX;) {
        if (i == own_lo && own_hi > own_lo) {
            i = own_hi;
            continue;
        }
        uint32_t tlen;
        const char *t = rec_text(v, i, &tlen);
        unsigned char lead = tlen ? (unsigned char)t[0] : 0;
        size_t fc = utf8_lead_len(lead);
        if (!tlen || fc > tlen) {
            i++;
            continue;
        }
        uint32_t branch_end = skip_prefix(v, i + 1, hi, t, fc);
        /* c + word[1..], c + word: as long as words the walk reads */
        const char *tails[2] = {word + l0, word};
        size_t tail_len[2] = {len - l0, len};
        int tail_cps[2] = {w->qn, w->qn + 1};
        for (int k = 0; k < 2; k++) {
            if (tail_cps[k] > TYPO_MAX_CP || fc + tail_len[k] > TYPO_MAX_CP * 4)
                continue;
            memcpy(buf, t, fc);
            memcpy(buf + fc, tails[k], tail_len[k]);
            uint32_t r = find_exact(v, i, branch_end, buf, fc + tail_len[k]);
            if (r != UINT32_MAX)
                at[n++] = r;
        }
        i = branch_end;
    }
    if (w->qn >= 2 && w->q[1] != w->q[0]) {
        /* word[1..], and the first two swapped: of the second's letter */
        size_t l1 = cp_len(w->q[1]);
        uint32_t r = find_exact(v, lo, hi, word + l0, len - l0);
        if (r != UINT32_MAX)
            at[n++] = r;
        memcpy(buf, word + l0, l1);
        memcpy(buf + l1, word, l0);
        memcpy(buf + l0 + l1, word + l0 + l1, len - l0 - l1);
        r = find_exact(v, lo, hi, buf, len);
        if (r != UINT32_MAX)
            at[n++] = r;
    }
    /* ascending, once each (a handful: insertion) */
    int kept = 0;
    for (int k = 0; k < n; k++) {
        uint32_t x = at[k];
        int j = kept;
        while (j > 0 && at[j - 1] > x)
            j--;
        if (j > 0 && at[j - 1] == x)
            continue;
        memmove(at + j + 1, at + j, (size_t)(kept - j) * sizeof *at);
        at[j] = x;
        kept++;
    }
    return kept;
}

static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

uint32_t typo_vocab_digits(const typo_vocab *v)
{
    int most = 0;
    for (uint32_t i = v->first; i < v->first + v->count; i++) {
        uint32_t len;
        const unsigned char *p = (const unsigned char *)rec_text(v, i, &len), *end = p + len;
        int n = 0;
        /* code points as decode() makes them, an overlong form's too: a
         * digit is one where the distance sees one */
        while (p < end)
            n += is_digit(decode_one(&p, end));
        if (n > most)
            most = n;
    }
    return (uint32_t)most + 1;
}

/* In an alignment of the query word with a vocabulary word, a digit of the
 * query is kept (or swapped with its neighbour) only as one of the
 * word's digits; each other is replaced or dropped, an edit apiece. So
 * the distance is at least the query's digits less the word's. */
static int too_many_digits(const typo_vocab *v, const walk *w, int max_dist)
{
    if (!v->digits)
        return 0;
    int n = 0;
    for (int j = 0; j < w->qn; j++)
        n += is_digit(w->q[j]);
    return n - (int)(v->digits - 1) > max_dist;
}

int typo_search(const typo_vocab *v, const char *word, size_t len, int max_dist,
                typo_match *out, int cap)
{
    static __thread walk w;   /* 17 KB: too large for some thread stacks */
    if (max_dist <= 0 || cap <= 0)
        return 0;
    w.qn = decode(word, len, w.q, TYPO_MAX_CP);
    if (w.qn <= 0 || too_many_digits(v, &w, max_dist))
        return 0;
    w.band = max_dist;
    for (int j = 0; j <= w.qn; j++)
        w.rows[0][j] = j;
    uint32_t lo = v->first, hi = v->first + v->count;
    if (max_dist > 2 || cap > TYPO_OTHER_MAX / 2)
        return walk_range(v, &w, lo, hi, max_dist, out, cap, 0);
    /* an edit of the first letter counts two: the words of the word's own
     * first letter, one range of the sorted words, are walked; within one
     * edit there are no others */
    size_t first = cp_len(w.q[0]);
    uint32_t own_lo = lower_bound(v, lo, hi, word, first);
    uint32_t own_hi = own_lo < hi ? skip_prefix(v, own_lo, hi, word, first) : hi;
    int found = walk_range(v, &w, own_lo, own_hi, max_dist, out, cap, 0);
    if (max_dist == 1)
        return found;
    /* within two, the others are at two: merged with the walk's in
     * vocabulary order after its matches at one */
    uint32_t other[TYPO_OTHER_MAX];
    int n_other = other_letters(v, &w, word, len, lo, hi, own_lo, own_hi, other);
    if (!n_other)
        return found;
    typo_match merged[TYPO_OTHER_MAX];
    int n = 0, a = 0, b = 0;
    while (a < found && out[a].dist < 2 && n < cap)
        merged[n++] = out[a++];
    while (n < cap && (a < found || b < n_other)) {
        if (b >= n_other || (a < found && out[a].word < other[b]))
            merged[n++] = out[a++];
        else
            merged[n++] = (typo_match){other[b++], 2};
    }
    memcpy(out, merged, (size_t)n * sizeof *out);
    return n;
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
