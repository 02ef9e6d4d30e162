/* translate.c: translation tables from FreeDict's dictionaries (see
 * translate.h). */
#include "translate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "corpus.h"
#include "dictd.h"
#include "index_format.h"
#include "limits.h"

/* The L->C dictionary is read whole only up to this size of text; a
 * larger one (German-English: 100 MB) is read the other way only, C->L,
 * where only the entries of the FAQ's own words are read. */
#define TRANSLATE_SCAN_MAX ((uint64_t)32 << 20)
#define PIECE_MAX 256           /* longer translations are not read */

/* ISO 639-1 (the corpus's folders) -> ISO 639-3 (FreeDict's names), for
 * the languages libstemmer and FreeDict both have. */
static const char *const iso3[][2] = {
    {"da", "dan"}, {"de", "deu"}, {"el", "ell"}, {"en", "eng"}, {"es", "spa"}, {"fi", "fin"},
    {"fr", "fra"}, {"ga", "gle"}, {"hu", "hun"}, {"it", "ita"}, {"lt", "lit"}, {"nl", "nld"},
    {"pt", "por"}, {"ru", "rus"}, {"sv", "swe"}, {"tr", "tur"},
};

static const char *iso3_of(const char *code)
{
    for (size_t i = 0; i < sizeof iso3 / sizeof *iso3; i++)
        if (strcmp(iso3[i][0], code) == 0)
            return iso3[i][1];
    return NULL;
}

const char *translate_dir(void)
{
    const char *env = getenv(TRANSLATE_DIR_ENV);
    return env ? env : TRANSLATE_DIR;
}

/* dir/freedict-<from>-<to> into base; 0 when a language has no code or
 * there is no folder. */
static int dict_base(const char *dir, const char *from, const char *to, char *base, size_t cap)
{
    const char *a = iso3_of(from), *b = iso3_of(to);
    if (!dir)
        dir = translate_dir();
    if (!a || !b || !*dir)
        return 0;
    return snprintf(base, cap, "%s/freedict-%s-%s", dir, a, b) < (int)cap;
}

static int dict_exists(const char *dir, const char *from, const char *to)
{
    char base[4096], path[4200];
    if (!dict_base(dir, from, to, base, sizeof base))
        return 0;
    snprintf(path, sizeof path, "%s.index", base);
    return access(path, R_OK) == 0;
}

int translate_available(const char *dir, const char *from, const char *to)
{
    return dict_exists(dir, from, to) || dict_exists(dir, to, from);
}

/* ---- a FreeDict entry's translations ---- */

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* "12." at s (after spaces): the sense number's length with its dot and
 * the spaces after, or 0. */
static size_t sense_number(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || i >= n || s[i] != '.')
        return 0;
    i++;
    if (i < n && !is_space(s[i]))
        return 0;
    while (i < n && is_space(s[i]))
        i++;
    return i;
}

/* One piece between commas: its labels ("[geol.]", "<fem>", "(coll.)",
 * "{ref}") cut away, then trimmed. */
static void give_piece(const char *s, size_t n, translate_piece_fn fn, void *ctx, int *stop)
{
    char buf[PIECE_MAX];
    size_t k = 0;
    int depth = 0;
    if (n >= sizeof buf)
        return;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '[' || c == '<' || c == '(' || c == '{')
            depth++;
        else if ((c == ']' || c == '>' || c == ')' || c == '}') && depth > 0)
            depth--;
        else if (!depth)
            buf[k++] = c;
    }
    size_t a = 0;
    while (a < k && is_space(buf[a]))
        a++;
    while (k > a && is_space(buf[k - 1]))
        k--;
    if (k > a && memchr(buf + a, '"', k - a) == NULL)
        *stop = fn(ctx, buf + a, k - a);
}

/* A line of translations: pieces between commas and semicolons (outside
 * brackets); a trailing sense number ("hora 2.", the next sense's, which
 * some entries put there) cut off. */
static void give_line(const char *s, size_t n, translate_piece_fn fn, void *ctx, int *stop)
{
    while (n > 0 && is_space(s[n - 1]))
        n--;
    if (n >= 2 && s[n - 1] == '.') {
        size_t i = n - 1;
        while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            i--;
        if (i < n - 1 && (i == 0 || is_space(s[i - 1])))
            n = i;
    }
    int depth = 0;
    size_t from = 0;
    for (size_t i = 0; i <= n && !*stop; i++) {
        char c = i < n ? s[i] : ',';
        if (c == '[' || c == '<' || c == '(' || c == '{')
            depth++;
        else if ((c == ']' || c == '>' || c == ')' || c == '}') && depth > 0)
            depth--;
        else if ((c == ',' || c == ';') && (depth == 0 || i == n)) {
            give_piece(s + from, i - from, fn, ctx, stop);
            from = i + 1;
        }
    }
}

static int starts_with(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && memcmp(s, w, k) == 0;
}

void translate_pieces(const char *text, size_t len, translate_piece_fn fn, void *ctx)
{
    const char *p = text, *end = text + len;
    int stop = 0;
    for (int line = 0; p < end && !stop; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        const char *s = p;
        p = eol + 1;
        if (line == 0)
            continue;   /* the headword's line */
        while (s < eol && is_space(*s))
            s++;
        size_t n = (size_t)(eol - s);
        size_t num = sense_number(s, n);
        if (num) {
            give_line(s + num, n - num, fn, ctx, &stop);
        } else if (line == 1 && n && *s != '"' && !starts_with(s, n, "Note:") &&
                   !starts_with(s, n, "Synonym") && !starts_with(s, n, "see:")) {
            give_line(s, n, fn, ctx, &stop);
        }
    }
}

/* ---- one word's term ---- */

typedef struct one_term {
    char term[FAQ_MAX_TERM_BYTES * 4 + 1];
    size_t len;
    int n;                      /* content tokens seen (2: more than one) */
} one_term;

static int on_term(void *ctx, const token *t)
{
    one_term *x = ctx;
    if (t->is_stop || t->is_synonym)
        return 0;
    if (t->is_qword || ++x->n > 1 || t->term_len >= sizeof x->term) {
        x->n = 2;
        return 1;
    }
    memcpy(x->term, t->term, t->term_len);
    x->len = t->term_len;
    return 0;
}

/* The term of s when it is one word once stop words are gone. */
static int single_term(analyzer *an, const char *s, size_t n, one_term *x)
{
    x->n = 0;
    x->len = 0;
    if (analyzer_run(an, s, n, on_term, x) < 0)
        return 0;
    return x->n == 1;
}

/* ---- the rows being gathered: (L, key) -> its C terms ---- */

typedef struct acc_row {
    uint32_t lang, key_off, key_len;
    uint32_t *t;
    uint32_t n, cap;
} acc_row;

typedef struct acc {
    acc_row *rows;
    size_t n, cap;
    uint32_t *slots;            /* row + 1, 0 empty */
    size_t n_slots;
    char *keys;
    size_t keys_len, keys_cap;
    int oom;
} acc;

static int acc_rehash(acc *a)
{
    size_t cap = a->n_slots ? a->n_slots * 2 : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t r = 0; r < a->n; r++) {
        const acc_row *x = &a->rows[r];
        size_t i = ix_hash(x->lang, a->keys + x->key_off, x->key_len) & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = (uint32_t)r + 1;
    }
    free(a->slots);
    a->slots = slots;
    a->n_slots = cap;
    return 0;
}

static acc_row *acc_row_of(acc *a, uint32_t lang, const char *key, size_t n)
{
    if ((a->n + 1) * 2 > a->n_slots && acc_rehash(a) != 0)
        return NULL;
    size_t i = ix_hash(lang, key, n) & (a->n_slots - 1);
    for (; a->slots[i]; i = (i + 1) & (a->n_slots - 1)) {
        acc_row *x = &a->rows[a->slots[i] - 1];
        if (x->lang == lang && x->key_len == n && memcmp(a->keys + x->key_off, key, n) == 0)
            return x;
    }
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 256;
        acc_row *r = realloc(a->rows, cap * sizeof *r);
        if (!r)
            return NULL;
        a->rows = r;
        a->cap = cap;
    }
    if (a->keys_len + n > a->keys_cap) {
        size_t cap = a->keys_cap ? a->keys_cap * 2 : 4096;
        while (cap < a->keys_len + n)
            cap *= 2;
        char *k = realloc(a->keys, cap);
        if (!k)
            return NULL;
        a->keys = k;
        a->keys_cap = cap;
    }
    memcpy(a->keys + a->keys_len, key, n);
    acc_row *x = &a->rows[a->n];
    *x = (acc_row){lang, (uint32_t)a->keys_len, (uint32_t)n, NULL, 0, 0};
    a->keys_len += n;
    a->slots[i] = (uint32_t)++a->n;
    return x;
}

static void acc_add(acc *a, uint32_t lang, const char *key, size_t n, uint32_t term)
{
    acc_row *x = acc_row_of(a, lang, key, n);
    if (!x) {
        a->oom = 1;
        return;
    }
    for (uint32_t k = 0; k < x->n; k++)
        if (x->t[k] == term)
            return;
    if (x->n == TRANSLATE_MAX_TARGETS)
        return;
    if (x->n == x->cap) {
        uint32_t cap = x->cap ? x->cap * 2 : 4;
        uint32_t *t = realloc(x->t, cap * sizeof *t);
        if (!t) {
            a->oom = 1;
            return;
        }
        x->t = t;
        x->cap = cap;
    }
    x->t[x->n++] = term;
}

static void acc_free(acc *a)
{
    for (size_t r = 0; r < a->n; r++)
        free(a->rows[r].t);
    free(a->rows);
    free(a->slots);
    free(a->keys);
}

/* ---- the index's terms: a map, and a filter on a word's first letters ---- */

/* The first (up to) three letters of s, case- and accent-folded as the
 * analyzer folds them (Latin-1's letters; "ß" as "ss"), into out: how many
 * bytes, stopping at a character it does not fold or that is no letter or
 * digit. A term's stem begins with its word's first letters (Snowball
 * changes a word's end), so a word whose first letters begin no term of
 * the index needs no analysis. */
static int fold_prefix(const char *s, size_t n, char out[3])
{
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty";
    int k = 0;
    for (size_t i = 0; i < n && k < 3;) {
        unsigned char c = (unsigned char)s[i];
        char f;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            f = (char)c;
        else if (c >= 'A' && c <= 'Z')
            f = (char)(c - 'A' + 'a');
        else if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                 (unsigned char)s[i + 1] <= 0xBF && latin1[(unsigned char)s[i + 1] - 0x80] != '.')
            f = latin1[(unsigned char)s[i + 1] - 0x80];
        else
            break;
        out[k++] = f;
        if (f == 's' && c == 0xC3 && (unsigned char)s[i + 1] == 0x9F && k < 3)
            out[k++] = 's';
        i += c >= 0x80 ? 2 : 1;
    }
    return k;
}

#define PREFIX_BITS (1u << 16)

typedef struct termset {
    uint32_t *slots;            /* term + 1, 0 empty */
    size_t cap;
    translate_term_fn get;
    void *ctx;
    unsigned char prefix[PREFIX_BITS / 8];   /* (lang, first letters) seen, hashed */
} termset;

static uint32_t prefix_bit(uint32_t lang, const char *p, int k)
{
    return ix_hash(lang * 4 + (uint32_t)k, p, (size_t)k) & (PREFIX_BITS - 1);
}

static int termset_init(termset *ts, uint32_t n_terms, translate_term_fn get, void *ctx)
{
    memset(ts, 0, sizeof *ts);
    ts->get = get;
    ts->ctx = ctx;
    ts->cap = 16;
    while (ts->cap < (size_t)n_terms * 2)
        ts->cap <<= 1;
    ts->slots = calloc(ts->cap, sizeof *ts->slots);
    if (!ts->slots)
        return -1;
    for (uint32_t t = 0; t < n_terms; t++) {
        uint32_t lang;
        const char *s;
        size_t n;
        get(ctx, t, &lang, &s, &n);
        size_t i = ix_hash(lang, s, n) & (ts->cap - 1);
        while (ts->slots[i])
            i = (i + 1) & (ts->cap - 1);
        ts->slots[i] = t + 1;
        char p[3];
        int k = fold_prefix(s, n, p);
        uint32_t bit = prefix_bit(lang, p, k);
        ts->prefix[bit / 8] |= (unsigned char)(1u << (bit % 8));
    }
    return 0;
}

/* The index's term number of (lang, s), or UINT32_MAX. */
static uint32_t termset_find(const termset *ts, uint32_t lang, const char *s, size_t n)
{
    for (size_t i = ix_hash(lang, s, n) & (ts->cap - 1); ts->slots[i];
         i = (i + 1) & (ts->cap - 1)) {
        uint32_t tl;
        const char *ts_s;
        size_t tn;
        ts->get(ts->ctx, ts->slots[i] - 1, &tl, &ts_s, &tn);
        if (tl == lang && tn == n && memcmp(ts_s, s, n) == 0)
            return ts->slots[i] - 1;
    }
    return UINT32_MAX;
}

/* Might word s (as written) stand for a term of lang? Its folded first
 * letters, or fewer of them, begin one (a term shorter than three letters,
 * or one with a letter the filter does not fold, is filed under fewer). */
static int termset_may_hold(const termset *ts, uint32_t lang, const char *s, size_t n)
{
    char p[3];
    int k = fold_prefix(s, n, p);
    for (int j = k > 0; j <= k; j++) {
        uint32_t bit = prefix_bit(lang, p, j);
        if (ts->prefix[bit / 8] & (1u << (bit % 8)))
            return 1;
    }
    return 0;
}

/* Might some word of piece s stand for a term of lang? */
static int piece_may_hold(const termset *ts, uint32_t lang, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '-' || s[i] == '\''))
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '-' && s[j] != '\'')
            j++;
        if (j > i && termset_may_hold(ts, lang, s + i, j - i))
            return 1;
        i = j;
    }
    return 0;
}

/* ---- reading a pair's dictionaries ---- */

typedef struct pair_ctx {
    acc *a;
    const termset *ts;
    analyzer *an;               /* of the side the pieces are in */
    uint32_t lang;              /* L */
    uint32_t c;                 /* C */
    const char *key;            /* forward: L's term */
    size_t key_len;
    uint32_t cterm;             /* backward: C's term */
    int any;                    /* forward: a piece may be a C term */
} pair_ctx;

static int on_probe_piece(void *ctx, const char *s, size_t n)
{
    pair_ctx *x = ctx;
    x->any = piece_may_hold(x->ts, x->c, s, n);
    return x->any;
}

/* Forward, L->C: a translation is a C word the index may hold. */
static int on_forward_piece(void *ctx, const char *s, size_t n)
{
    pair_ctx *x = ctx;
    one_term t;
    if (!piece_may_hold(x->ts, x->c, s, n) || !single_term(x->an, s, n, &t))
        return 0;
    uint32_t term = termset_find(x->ts, x->c, t.term, t.len);
    if (term != UINT32_MAX)
        acc_add(x->a, x->lang, x->key, x->key_len, term);
    return x->a->oom;
}

/* Backward, C->L: a translation is an L word that stands for the
 * headword's C term. */
static int on_backward_piece(void *ctx, const char *s, size_t n)
{
    pair_ctx *x = ctx;
    one_term t;
    if (single_term(x->an, s, n, &t))
        acc_add(x->a, x->lang, t.term, t.len, x->cterm);
    return x->a->oom;
}

/* An entry read backwards: its headword's term. */
typedef struct hit {
    dictd_entry e;
    uint32_t cterm;
} hit;

static int cmp_hits(const void *p, const void *q)
{
    const hit *a = p, *b = q;
    return (a->e.off > b->e.off) - (a->e.off < b->e.off);
}

/* Dictionary a->b, read once for both its uses: forward for L = a,
 * C = b (when b has FAQ entries and the dictionary is small enough to read
 * whole), backward for L = b, C = a (when a has). Backward, only the
 * entries whose headword the index holds are read, in the order of their
 * text, so that each chunk of the file is inflated once. */
static int read_dict(const char *dir, const translate_lang *langs, uint32_t a, uint32_t b,
                     analyzer *an_a, analyzer *an_b, const termset *ts, acc *rows)
{
    char base[4096];
    dictd *d;
    if (!dict_base(dir, langs[a].code, langs[b].code, base, sizeof base))
        return 0;
    if (dictd_open(base, &d) != 0)
        return -1;
    if (!d)
        return 0;
    int oom = 0;
    int forward = langs[b].has_faq && dictd_text_size(d) <= TRANSLATE_SCAN_MAX &&
                  dictd_load_all(d, &oom) == 0;
    int backward = langs[a].has_faq;
    size_t n_hits = 0, cap = 0, at = 0;
    hit *hits = NULL;
    dictd_entry e;
    while ((forward || backward) && !rows->oom && !oom && dictd_next(d, &at, &e)) {
        const char *text = NULL;
        size_t len = 0;
        pair_ctx x = {rows, ts, an_b, a, b, NULL, 0, 0, 0};
        if (forward) {
            /* a translation that may be a word of the FAQ, before any analysis */
            text = dictd_text(d, &e, &len, &oom);
            if (text)
                translate_pieces(text, len, on_probe_piece, &x);
        }
        int back = backward && termset_may_hold(ts, a, e.headword, e.headword_len);
        if (!x.any && !back)
            continue;
        one_term k;
        if (!single_term(an_a, e.headword, e.headword_len, &k))
            continue;
        uint32_t ct = back ? termset_find(ts, a, k.term, k.len) : UINT32_MAX;
        if (ct != UINT32_MAX) {
            if (n_hits == cap) {
                cap = cap ? cap * 2 : 256;
                hit *h = realloc(hits, cap * sizeof *h);
                if (!h) {
                    oom = 1;
                    break;
                }
                hits = h;
            }
            hits[n_hits++] = (hit){e, ct};
        }
        if (x.any) {
            x.key = k.term;
            x.key_len = k.len;
            translate_pieces(text, len, on_forward_piece, &x);
        }
    }
    if (n_hits)
        qsort(hits, n_hits, sizeof *hits, cmp_hits);
    for (size_t h = 0; h < n_hits && !oom && !rows->oom; h++) {
        size_t len;
        const char *text = dictd_text(d, &hits[h].e, &len, &oom);
        pair_ctx x = {rows, ts, an_b, b, a, NULL, 0, hits[h].cterm, 0};
        if (text)
            translate_pieces(text, len, on_backward_piece, &x);
    }
    free(hits);
    dictd_free(d);
    return oom || rows->oom ? -1 : 0;
}

/* ---- the table ---- */

static const acc *sort_acc;

static int cmp_rows(const void *p, const void *q)
{
    const acc_row *a = &sort_acc->rows[*(const uint32_t *)p];
    const acc_row *b = &sort_acc->rows[*(const uint32_t *)q];
    if (a->lang != b->lang)
        return a->lang < b->lang ? -1 : 1;
    size_t m = a->key_len < b->key_len ? a->key_len : b->key_len;
    int c = memcmp(sort_acc->keys + a->key_off, sort_acc->keys + b->key_off, m);
    return c ? c : (a->key_len > b->key_len) - (a->key_len < b->key_len);
}

static int finish(acc *a, translate_table *out)
{
    uint32_t *order = malloc((a->n + 1) * sizeof *order);
    size_t n_terms = 0;
    for (size_t r = 0; r < a->n; r++)
        n_terms += a->rows[r].n;
    out->rows = malloc((a->n + 1) * sizeof *out->rows);
    out->terms = malloc((n_terms + 1) * sizeof *out->terms);
    out->keys = malloc(a->keys_len + 1);
    if (!order || !out->rows || !out->terms || !out->keys) {
        free(order);
        return -1;
    }
    for (size_t r = 0; r < a->n; r++)
        order[r] = (uint32_t)r;
    sort_acc = a;   /* the build is single-threaded: qsort has no context */
    qsort(order, a->n, sizeof *order, cmp_rows);
    for (size_t i = 0; i < a->n; i++) {
        const acc_row *x = &a->rows[order[i]];
        translate_row *y = &out->rows[out->n_rows++];
        *y = (translate_row){x->lang, (uint32_t)out->keys_len, x->key_len, (uint32_t)out->n_terms,
                             x->n};
        memcpy(out->keys + out->keys_len, a->keys + x->key_off, x->key_len);
        out->keys_len += x->key_len;
        memcpy(out->terms + out->n_terms, x->t, x->n * sizeof *x->t);
        out->n_terms += x->n;
    }
    free(order);
    return 0;
}

int translate_build(const char *dir, const translate_lang *langs, uint32_t n, uint32_t n_terms,
                    translate_term_fn term, void *ctx, translate_table *out)
{
    memset(out, 0, sizeof *out);
    acc rows;
    memset(&rows, 0, sizeof rows);
    termset *ts = malloc(sizeof *ts);
    analyzer **an = calloc(n + 1, sizeof *an);
    int rc = ts && an && termset_init(ts, n_terms, term, ctx) == 0 ? 0 : -1;
    /* each dictionary a->b between two languages of the index, once */
    for (uint32_t a = 0; a < n && rc == 0; a++) {
        for (uint32_t b = 0; b < n && rc == 0; b++) {
            if (a == b || !(langs[a].has_faq || langs[b].has_faq) ||
                !dict_exists(dir, langs[a].code, langs[b].code))
                continue;
            for (uint32_t k = 0; k < 2; k++) {
                uint32_t x = k ? b : a;
                if (an[x] || !corpus_stemmer_name(langs[x].code))
                    continue;
                if (!(an[x] = analyzer_new(langs[x].code, langs[x].stopwords)) ||
                    analyzer_cache_stems(an[x]) != 0)
                    rc = -1;   /* it has a stemmer: memory ran out */
            }
            if (rc == 0 && an[a] && an[b] && read_dict(dir, langs, a, b, an[a], an[b], ts, &rows) != 0)
                rc = -1;
        }
    }
    for (uint32_t l = 0; an && l < n; l++)
        analyzer_free(an[l]);
    free(an);
    if (ts)
        free(ts->slots);
    free(ts);
    if (rc == 0 && (rows.oom || finish(&rows, out) != 0))
        rc = -1;
    acc_free(&rows);
    if (rc != 0)
        translate_table_free(out);
    return rc;
}

void translate_table_free(translate_table *t)
{
    free(t->rows);
    free(t->keys);
    free(t->terms);
    memset(t, 0, sizeof *t);
}
