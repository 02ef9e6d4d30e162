/* thesaurus.c: MyThes thesauri (see thesaurus.h), mapped from their
 * files, which every thread and process then shares and only the pages
 * looked at are read. A Latin-1 one stays Latin-1 on disk and in memory:
 * a word asked for is put in Latin-1 to be found, and only the synonyms of
 * an entry looked up are put in UTF-8, as they are given. */
#include "thesaurus.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_map.h"
#include "lemma.h"
#include "resources.h"
#include "utf8.h"

#define THES_MAX_FILE (256u << 20)   /* larger files are not read */
#define THES_MAX_WORD 256            /* longer words are not looked up */

typedef struct thes_key {
    const char *word;           /* in idx text */
    uint32_t len;
    uint32_t off;               /* in dat */
} thes_key;

struct thesaurus {
    thesaurus *next;            /* in the loaded list */
    char *path;                 /* the .idx's: what names it there */
    const char *idx, *dat;      /* both files, mapped, as they are */
    size_t idx_len, dat_len;
    int latin1;                 /* their text is ISO-8859-1, not UTF-8 */
    uint32_t *keys;             /* where each entry's line starts in idx, sorted
                                   by word bytes (Latin-1's order of bytes is
                                   UTF-8's: that of code points): 4 bytes an
                                   entry, as the pages of a new table cost
                                   more than reading its word again; NULL
                                   when the .idx is known to be in order
                                   (thesaurus_open_ordered()): its lines are
                                   searched where they lie */
    size_t n_keys;
    size_t first_line;          /* where the .idx's entries start (its third line) */
    int digit_keys;             /* a word listed starts with a digit ("1st", English's
                                   "0"), or it was not told (digit_keys()) */
    struct stat idx_st, dat_st; /* the files as mapped: what names them in a stamp */
    char *stamp;                /* theirs (stamp_of()), or NULL when it did not fit */
};

/* Latin-1 text (n bytes) in UTF-8 into out (2n bytes at least): its
 * length. */
static size_t latin1_to_utf8(const char *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[k++] = (char)c;
        } else {
            out[k++] = (char)(0xC0 | (c >> 6));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    return k;
}

/* UTF-8 text (n bytes) in Latin-1 into out (n bytes at least): its length,
 * or 0 when a character has none (no Latin-1 word is spelt so). */
static size_t utf8_to_latin1(const char *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[k++] = (char)c;
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < n &&
                   utf8_continues((unsigned char)s[i + 1])) {
            out[k++] = (char)(((c & 0x03) << 6) | ((unsigned char)s[++i] & 0x3F));
        } else {
            return 0;
        }
    }
    return k;
}

static int cmp_key_text(const thes_key *a, const char *w, size_t n)
{
    size_t m = a->len < n ? a->len : n;
    int c = memcmp(a->word, w, m);
    return c ? c : (a->len > n) - (a->len < n);
}

/* By word, a word listed twice (German's thesaurus has some) in the
 * order of its entries in the .dat, as the .idx lists them. */
static int cmp_keys(const void *x, const void *y)
{
    const thes_key *a = x, *b = y;
    int c = cmp_key_text(a, b->word, b->len);
    return c ? c : (a->off > b->off) - (a->off < b->off);
}

/* Does the text (n bytes, mapped: no NUL) start with a Latin-1
 * encoding's name, "ISO8859-1" or "ISO-8859-1"? */
static int is_latin1(const char *s, size_t n)
{
    return (n >= 9 && memcmp(s, "ISO8859-1", 9) == 0) ||
           (n >= 10 && memcmp(s, "ISO-8859-1", 10) == 0);
}

static void unload(thesaurus *t);

/* The .dat offset after the bar of an .idx line ending at end: the digits
 * read within the line (a mapping has no NUL). */
static uint32_t key_offset(const char *bar, const char *end)
{
    unsigned long off = 0;
    for (const char *d = bar + 1; d < end && *d >= '0' && *d <= '9'; d++)
        off = off * 10 + (unsigned long)(*d - '0');
    return off > UINT32_MAX ? UINT32_MAX : (uint32_t)off;
}

/* Entry i: its word (up to the bar, which every kept line has) and its
 * offset in the .dat. */
static thes_key key_at(const thesaurus *t, size_t i)
{
    const char *p = t->idx + t->keys[i], *end = t->idx + t->idx_len;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (nl)
        end = nl;
    const char *bar = memchr(p, '|', (size_t)(end - p));
    return (thes_key){p, (uint32_t)(bar - p), key_offset(bar, end)};
}

/* The entries sorted by cmp_keys(), for an .idx not in order (the
 * system's are): through a table of whole keys, then back to line starts.
 * Returns 0, or -1 when memory ran out. */
static int sort_keys(thesaurus *t)
{
    thes_key *k = malloc((t->n_keys + 1) * sizeof *k);
    if (!k)
        return -1;
    for (size_t i = 0; i < t->n_keys; i++)
        k[i] = key_at(t, i);
    qsort(k, t->n_keys, sizeof *k, cmp_keys);
    for (size_t i = 0; i < t->n_keys; i++)
        t->keys[i] = (uint32_t)(k[i].word - t->idx);
    free(k);
    return 0;
}

/* The stamp of a thesaurus's files, NUL-ended into out (cap bytes): their
 * paths, sizes and times. Returns 0, or -1 when it does not fit. */
static int stamp_of(const char *idx_path, const struct stat *idx, const char *dat_path,
                    const struct stat *dat, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s %lld %lld.%09ld %s %lld %lld.%09ld", idx_path,
                     (long long)idx->st_size, (long long)idx->st_mtim.tv_sec, idx->st_mtim.tv_nsec,
                     dat_path, (long long)dat->st_size, (long long)dat->st_mtim.tv_sec,
                     dat->st_mtim.tv_nsec);
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

/* Where the line after the one at p starts (the end when it is the last). */
static size_t next_line(const thesaurus *t, size_t p)
{
    const char *nl = memchr(t->idx + p, '\n', t->idx_len - p);
    return nl ? (size_t)(nl - t->idx) + 1 : t->idx_len;
}

/* t's entries listed (keys), their order checked in the same pass.
 * Returns 0, or -1 when memory ran out. */
static int list_keys(thesaurus *t)
{
    /* a kept line holds 3 bytes at least ("w|\n") */
    t->keys = malloc((t->idx_len / 3 + 2) * sizeof *t->keys);
    if (!t->keys)
        return -1;
    thes_key prev = {NULL, 0, 0};
    int sorted = 1;
    const char *p = t->idx;
    for (int line = 0; p < t->idx + t->idx_len; line++) {
        const char *nl = memchr(p, '\n', (size_t)(t->idx + t->idx_len - p));
        const char *end = nl ? nl : t->idx + t->idx_len;
        const char *bar = memchr(p, '|', (size_t)(end - p));
        if (line >= 1 && bar && bar > p) {
            thes_key k = {p, (uint32_t)(bar - p), key_offset(bar, end)};
            if (k.off < t->dat_len) {
                if (sorted && prev.word && cmp_keys(&prev, &k) > 0)
                    sorted = 0;
                prev = k;
                t->keys[t->n_keys++] = (uint32_t)(p - t->idx);
            }
        }
        p = end + 1;
    }
    return sorted ? 0 : sort_keys(t);
}

/* Does a word t lists start with an ASCII digit? The first word not
 * before "0" in the words' order of bytes, where those starting with a
 * digit lie together, found once when t is loaded by halving as find()
 * and find_in_lines() do: a question's number ("2024", a counter) is then
 * looked up in no thesaurus without one (Spanish's, French's). 1 when it
 * cannot tell (a line without a bar): looked up, as before. */
static int digit_keys(const thesaurus *t)
{
    static const char zero[1] = {'0'};
    thes_key k = {NULL, 0, 0};
    if (t->keys) {
        size_t lo = 0, hi = t->n_keys;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            thes_key m = key_at(t, mid);
            if (cmp_key_text(&m, zero, 1) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < t->n_keys)
            k = key_at(t, lo);
    } else {
        size_t lo = t->first_line, hi = t->idx_len;   /* k: the line at hi */
        while (lo < hi) {
            size_t s = lo + (hi - lo) / 2;
            while (s > lo && t->idx[s - 1] != '\n')
                s--;
            size_t e = next_line(t, s);
            const char *bar = memchr(t->idx + s, '|', e - s);
            if (!bar)
                return 1;
            thes_key m = {t->idx + s, (uint32_t)(bar - (t->idx + s)), 0};
            if (cmp_key_text(&m, zero, 1) < 0) {
                lo = e;
            } else {
                hi = s;
                k = m;
            }
        }
    }
    return k.len > 0 && k.word[0] >= '0' && k.word[0] <= '9';
}

/* The thesaurus whose .idx is at idx_path, mapped with its .dat; when
 * ordered (n bytes) is the stamp of these very files, their .idx is taken
 * as strictly in order unread, else its words are listed. 0 with *out set
 * (NULL when it is unreadable), or -1 when memory ran out. */
static int thesaurus_load(const char *idx_path, const char *ordered, size_t n, thesaurus **out)
{
    *out = NULL;
    char dat_path[600], stamp[1400];
    snprintf(dat_path, sizeof dat_path, "%.*s.dat", (int)(strlen(idx_path) - 4), idx_path);
    thesaurus *t = calloc(1, sizeof *t);
    if (!t || !(t->path = strdup(idx_path))) {
        free(t);
        return -1;
    }
    int oom = 0;
    const char *why;   /* a thesaurus that cannot be used is left out, as a missing one */
    t->idx = file_map(idx_path, THES_MAX_FILE, &t->idx_len, &t->idx_st, &why);
    t->dat = file_map(dat_path, THES_MAX_FILE, &t->dat_len, &t->dat_st, &why);
    if (!t->idx || !t->dat)
        goto fail;
    t->latin1 = is_latin1(t->dat, t->dat_len);   /* its first line names its encoding */
    t->first_line = next_line(t, next_line(t, 0));
    if (stamp_of(idx_path, &t->idx_st, dat_path, &t->dat_st, stamp, sizeof stamp) == 0 &&
        !(t->stamp = strdup(stamp))) {
        oom = 1;
        goto fail;
    }
    if (ordered && t->stamp && strlen(stamp) == n && memcmp(stamp, ordered, n) == 0) {
        /* searched in its lines: no table */
    } else if (list_keys(t) != 0) {
        oom = 1;
        goto fail;
    }
    t->digit_keys = digit_keys(t);
    *out = t;
    return 0;
fail:
    unload(t);
    return oom ? -1 : 0;
}

/* The thesauri loaded, one per file, for the process: a thesaurus is the
 * language's, not an index's or a thread's. Every searcher of every index
 * the server swaps in asks for the same ones, and a Latin-1 one costs its
 * reading and conversion (tens of milliseconds, its size in memory), a
 * UTF-8 one a mapping (whose pages count once per mapping in the RSS). So
 * each is loaded once and stays, read-only, for every thread. */
static pthread_mutex_t loaded_mu = PTHREAD_MUTEX_INITIALIZER;
static thesaurus *loaded;

int thesaurus_file(const char *lang, const char *dir, char *out, size_t cap)
{
    /* the front end's folder (FAQBOT_MYTHES_DIR): thesauri unpacked where
     * the system's are not (a package not installed system-wide, a test's
     * own) */
    const char *d = dir ? dir : resources_mythes_dir();
    if (!*d)
        return -1;
    return lexicon_find_file(d, "th_", lang, "_v2.idx", out, cap) == 0 ||
                   lexicon_find_file(d, "th_", lang, ".idx", out, cap) == 0
               ? 0
               : -1;
}

/* The loaded thesaurus of lang under dir, loaded now if none is (ordered:
 * thesaurus_load()'s): as thesaurus_open(). */
static int open_loaded(const char *lang, const char *dir, const char *ordered, size_t n,
                       thesaurus **out)
{
    *out = NULL;
    char idx_path[600];
    if (thesaurus_file(lang, dir, idx_path, sizeof idx_path) != 0)
        return 0;
    int rc = 0;
    pthread_mutex_lock(&loaded_mu);
    thesaurus *t = loaded;
    while (t && strcmp(t->path, idx_path) != 0)
        t = t->next;
    if (!t && (rc = thesaurus_load(idx_path, ordered, n, &t)) == 0 && t) {
        t->next = loaded;
        loaded = t;
    }
    pthread_mutex_unlock(&loaded_mu);
    *out = t;
    return rc;
}

int thesaurus_open(const char *lang, const char *dir, thesaurus **out)
{
    return open_loaded(lang, dir, NULL, 0, out);
}

int thesaurus_open_ordered(const char *lang, const char *dir, const char *stamp, size_t n,
                           thesaurus **out)
{
    return open_loaded(lang, dir, stamp, n, out);
}

int thesaurus_has_stamp(const thesaurus *t, const char *stamp, size_t n)
{
    return t && t->stamp && strlen(t->stamp) == n && memcmp(t->stamp, stamp, n) == 0;
}

/* Is the .idx read from f, its .dat dat_len bytes, strictly in order:
 * every line from the third an entry (a word, a bar, an offset inside the
 * .dat), the second not one, the words each after the one before? 1 or 0,
 * or -1 when memory ran out. Read a line at a time: the build asks it of
 * every language's, and mapping them would add their size to its memory. */
static int idx_in_order(FILE *f, uintmax_t dat_len)
{
    char *line = NULL, *prev = NULL;
    size_t cap = 0, prev_cap = 0, prev_len = 0;
    ssize_t n;
    int in_order = 1;
    for (int i = 0; in_order > 0 && (n = getline(&line, &cap, f)) >= 0; i++) {
        size_t len = (size_t)n - (n > 0 && line[n - 1] == '\n');
        const char *bar = memchr(line, '|', len);
        int entry = i >= 1 && bar && bar > line && key_offset(bar, line + len) < dat_len;
        if (i == 1 ? entry : i >= 2 && !entry) {
            in_order = 0;
        } else if (entry) {
            size_t w = (size_t)(bar - line);
            thes_key a = {prev, (uint32_t)prev_len, 0};
            char *room = prev;
            if (prev && cmp_key_text(&a, line, w) >= 0)
                in_order = 0;
            else if (w > prev_cap && !(room = realloc(prev, w)))
                in_order = -1;      /* prev still held: freed below */
            else {
                prev = room;
                prev_cap = w > prev_cap ? w : prev_cap;
                memcpy(prev, line, prev_len = w);
            }
        }
    }
    free(line);
    free(prev);
    return in_order;
}

int thesaurus_order_stamp(const char *lang, const char *dir, char *out, size_t cap)
{
    char idx_path[600], dat_path[600];
    if (thesaurus_file(lang, dir, idx_path, sizeof idx_path) != 0)
        return 0;
    snprintf(dat_path, sizeof dat_path, "%.*s.dat", (int)(strlen(idx_path) - 4), idx_path);
    struct stat idx_st, dat_st;
    FILE *f = fopen(idx_path, "r");
    if (!f)
        return 0;
    int in_order = fstat(fileno(f), &idx_st) == 0 && stat(dat_path, &dat_st) == 0
                       ? idx_in_order(f, (uintmax_t)dat_st.st_size)
                       : 0;
    fclose(f);
    if (in_order <= 0)
        return in_order;
    return stamp_of(idx_path, &idx_st, dat_path, &dat_st, out, cap) == 0;
}

void thesaurus_free(thesaurus *t)
{
    (void)t;   /* it stays loaded, in the list, for the next thesaurus_open() */
}

static void unload(thesaurus *t)
{
    if (!t)
        return;
    if (t->idx)
        munmap((void *)t->idx, t->idx_len);
    if (t->dat)
        munmap((void *)t->dat, t->dat_len);
    free(t->keys);
    free(t->path);
    free(t->stamp);
    free(t);
}

/* The entry of word w (n bytes) in the lines of an .idx known to be
 * strictly in order, halving the bytes between two line starts: 1 with
 * *out set, or 0. */
static int find_in_lines(const thesaurus *t, const char *w, size_t n, thes_key *out)
{
    size_t lo = t->first_line, hi = t->idx_len;
    while (lo < hi) {
        size_t s = lo + (hi - lo) / 2;
        while (s > lo && t->idx[s - 1] != '\n')
            s--;
        size_t e = next_line(t, s);
        const char *end = t->idx + (e > s && t->idx[e - 1] == '\n' ? e - 1 : e);
        const char *bar = memchr(t->idx + s, '|', (size_t)(end - (t->idx + s)));
        if (!bar)
            return 0;           /* not the file its stamp named */
        /* the offset's digits are read for the word found alone */
        thes_key k = {t->idx + s, (uint32_t)(bar - (t->idx + s)), 0};
        int c = cmp_key_text(&k, w, n);
        if (c == 0) {
            k.off = key_offset(bar, end);
            *out = k;
            return k.off < t->dat_len;
        }
        if (c < 0)
            lo = e;
        else
            hi = s;
    }
    return 0;
}

/* The entry of word w (n bytes): 1 with *out set, or 0. */
static int find(const thesaurus *t, const char *w, size_t n, thes_key *out)
{
    if (!t->keys)
        return find_in_lines(t, w, n, out);
    size_t lo = 0, hi = t->n_keys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        thes_key k = key_at(t, mid);
        int c = cmp_key_text(&k, w, n);
        if (c == 0) {
            *out = k;
            return 1;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* A synonym (n bytes as the file has it) to fn, in UTF-8: fn's verdict,
 * or 0 when a Latin-1 one's UTF-8 found no room. */
static int give_word(const thesaurus *t, const char *w, size_t n, thesaurus_fn fn, void *ctx)
{
    if (!t->latin1)
        return fn(ctx, w, n);
    char room[2 * THES_MAX_WORD];
    char *utf8 = 2 * n <= sizeof room ? room : malloc(2 * n);
    if (!utf8)
        return 0;
    int stop = fn(ctx, utf8, latin1_to_utf8(w, n, utf8));
    if (utf8 != room)
        free(utf8);
    return stop;
}

/* The synonyms of the entry at k: "word|n" then n lines of meanings. */
static int give(const thesaurus *t, const thes_key *k, thesaurus_fn fn, void *ctx)
{
    const char *p = t->dat + k->off, *end = t->dat + t->dat_len;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *bar = nl ? memchr(p, '|', (size_t)(nl - p)) : NULL;
    if (!bar)
        return 0;
    long meanings = strtol(bar + 1, NULL, 10);
    int given = 0;
    p = nl + 1;
    for (long m = 0; m < meanings && p < end; m++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        /* skip the part of speech, then each synonym */
        const char *s = memchr(p, '|', (size_t)(eol - p));
        while (s && s < eol) {
            const char *from = s + 1;
            const char *to = memchr(from, '|', (size_t)(eol - from));
            if (!to)
                to = eol;
            const char *note = memchr(from, '(', (size_t)(to - from));
            const char *w_end = note ? note : to;
            while (w_end > from && w_end[-1] == ' ')
                w_end--;
            if (w_end > from && !memchr(from, ' ', (size_t)(w_end - from))) {
                given++;
                if (give_word(t, from, (size_t)(w_end - from), fn, ctx))
                    return given;
            }
            s = to;
        }
        p = eol + 1;
    }
    return given;
}

/* The entry of word (UTF-8, len bytes, len < THES_MAX_WORD) in t's own
 * encoding: 1 with *out set, or 0. */
static int find_utf8(const thesaurus *t, const char *word, size_t len, thes_key *out)
{
    char latin1[THES_MAX_WORD];
    if (t->latin1) {
        if (!(len = utf8_to_latin1(word, len, latin1)))
            return 0;
        word = latin1;
    }
    return find(t, word, len, out);
}

int thesaurus_lookup(const thesaurus *t, const char *word, size_t len, thesaurus_fn fn,
                     void *ctx)
{
    if (!t || len == 0 || len >= THES_MAX_WORD)
        return 0;
    /* a word found is the word asked, or it with its first letter in lower
     * case: a digit first either way (in Latin-1 too) */
    if (!t->digit_keys && word[0] >= '0' && word[0] <= '9')
        return 0;
    thes_key k;
    /* a question's first word is capitalised; the thesaurus lists it in
     * lower case (its proper names as written) */
    char lower[THES_MAX_WORD];
    size_t n;
    int found = find_utf8(t, word, len, &k) ||
                ((n = utf8_first_case(word, len, 0, lower, sizeof lower)) && find_utf8(t, lower, n, &k));
    return found ? give(t, &k, fn, ctx) : 0;
}
