/* test_thesaurus.c: thesaurus.h, which reads only the entries looked up,
 * against the thesaurus read whole: every word of every installed
 * language's .idx (and each capitalised, which is asked again in lower
 * case) gives the synonyms, in the order and with the count, that the
 * whole .dat put in UTF-8 gives at the word's offset put in UTF-8 too.
 * The Spanish thesaurus is Latin-1, the English one UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lemma.h"
#include "thesaurus.h"

#define THES_DIR "/usr/share/mythes"

/* A file whole, NUL-terminated, in UTF-8 if latin1; NULL if unreadable. */
static char *read_whole(const char *path, int latin1, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *raw = malloc((size_t)n + 1);
    assert_non_null(raw);
    assert_int_equal(fread(raw, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    raw[n] = '\0';
    *len = (size_t)n;
    if (!latin1)
        return raw;
    char *out = malloc(2 * (size_t)n + 1);
    assert_non_null(out);
    size_t k = 0;
    for (long i = 0; i < n; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c < 0x80) {
            out[k++] = (char)c;
        } else {
            out[k++] = (char)(0xC0 | (c >> 6));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[k] = '\0';
    free(raw);
    *len = k;
    return out;
}

/* Where each Latin-1 offset lands in the text put in UTF-8 (raw: the
 * file as it is, n bytes): n + 1 offsets. */
static uint32_t *utf8_offsets(const char *raw, size_t n)
{
    uint32_t *at = malloc((n + 1) * sizeof *at);
    assert_non_null(at);
    uint32_t high = 0;
    for (size_t i = 0; i <= n; i++) {
        at[i] = (uint32_t)(i + high);
        high += i < n && (unsigned char)raw[i] >= 0x80;
    }
    return at;
}

typedef struct synonyms {
    char s[65536];
    size_t len;
    int n;
} synonyms;

static void add(synonyms *x, const char *w, size_t n)
{
    x->n++;
    if (x->len + n + 1 < sizeof x->s) {
        memcpy(x->s + x->len, w, n);
        x->len += n;
        x->s[x->len++] = ',';
    }
}

static int on_syn(void *ctx, const char *w, size_t n)
{
    add(ctx, w, n);
    return 0;
}

/* The one-word synonyms of the entry at off of the whole .dat (UTF-8),
 * read with sscanf-free plain string calls: "word|n", then n lines
 * "(pos)|syn|syn ...", a synonym's note "(...)" and the spaces before it
 * dropped, a synonym of several words left out. */
static void entry_synonyms(const char *dat, size_t off, synonyms *x)
{
    const char *line = dat + off;
    const char *nl = strchr(line, '\n');
    const char *bar = strchr(line, '|');
    if (!nl || !bar || bar > nl)
        return;
    long meanings = atol(bar + 1);
    line = nl + 1;
    for (long m = 0; m < meanings && *line; m++) {
        size_t n = strcspn(line, "\n");
        char *copy = strndup(line, n);
        assert_non_null(copy);
        char *field = strchr(copy, '|');
        while (field) {
            char *w = field + 1;
            char *next = strchr(w, '|');
            if (next)
                *next = '\0';
            char *note = strchr(w, '(');
            if (note)
                *note = '\0';
            size_t len = strlen(w);
            while (len && w[len - 1] == ' ')
                len--;
            if (len && !memchr(w, ' ', len))
                add(x, w, len);
            field = next;
        }
        free(copy);
        line += n + (line[n] == '\n');
    }
}

static void compare_language(const char *lang, int *compared)
{
    char idx_path[600], dat_path[600];
    if (lexicon_find_file(THES_DIR, "th_", lang, "_v2.idx", idx_path, sizeof idx_path) != 0)
        return;
    snprintf(dat_path, sizeof dat_path, "%.*s.dat", (int)(strlen(idx_path) - 4), idx_path);
    thesaurus *th;
    assert_int_equal(thesaurus_open(lang, NULL, &th), 0);
    assert_non_null(th);
    size_t idx_len, dat_len, raw_len;
    char *raw_dat = read_whole(dat_path, 0, &raw_len);
    assert_non_null(raw_dat);
    int latin1 = strncmp(raw_dat, "ISO8859-1", 9) == 0 || strncmp(raw_dat, "ISO-8859-1", 10) == 0;
    char *idx = read_whole(idx_path, latin1, &idx_len);
    char *dat = read_whole(dat_path, latin1, &dat_len);
    uint32_t *at = latin1 ? utf8_offsets(raw_dat, raw_len) : NULL;
    assert_non_null(idx);
    assert_non_null(dat);
    synonyms *want = malloc(sizeof *want), *got = malloc(sizeof *got);
    assert_non_null(want);
    assert_non_null(got);
    /* a word listed twice (German's thesaurus has some) is left out: which
     * of its entries a lookup finds is the search's business */
    char *seen_word = NULL;
    char *line = strchr(idx, '\n');
    for (line = line ? line + 1 : NULL; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        size_t n = strcspn(line, "\n");
        char *bar = memchr(line, '|', n);
        if (!bar || bar == line)
            continue;
        size_t wlen = (size_t)(bar - line);
        int again = seen_word && strlen(seen_word) == wlen && memcmp(seen_word, line, wlen) == 0;
        const char *next = line[n] ? line + n + 1 : "";
        free(seen_word);
        seen_word = strndup(line, wlen);
        if (again || (strncmp(next, seen_word, wlen) == 0 && next[wlen] == '|'))
            continue;
        size_t off = strtoul(bar + 1, NULL, 10);
        if (off >= raw_len)
            continue;
        want->len = 0;
        want->n = 0;
        entry_synonyms(dat, at ? at[off] : off, want);
        got->len = 0;
        got->n = 0;
        assert_int_equal(thesaurus_lookup(th, seen_word, wlen, on_syn, got), want->n);
        assert_int_equal(got->n, want->n);
        assert_int_equal(got->len, want->len);
        assert_memory_equal(got->s, want->s, want->len);
        (*compared)++;
    }
    free(seen_word);
    free(want);
    free(got);
    free(idx);
    free(dat);
    free(raw_dat);
    free(at);
    thesaurus_free(th);
}

static void test_lookup_as_whole_file(void **state)
{
    (void)state;
    static const char *langs[] = {"es", "en", "de", "fr", "pt", "it"};
    int compared = 0;
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++)
        compare_language(langs[l], &compared);
    if (!compared)
        skip();     /* no MyThes thesaurus is installed */
}

/* A word the thesaurus lacks, one not in Latin-1 at all, and a capital
 * asked again in lower case. */
static void test_edges(void **state)
{
    (void)state;
    thesaurus *es;
    assert_int_equal(thesaurus_open("es", NULL, &es), 0);
    if (!es)
        skip();     /* mythes-es is not installed */
    synonyms *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(thesaurus_lookup(es, "xqzvbt", 6, on_syn, a), 0);
    assert_int_equal(thesaurus_lookup(es, "canción\xe2\x82\xac", strlen("canción\xe2\x82\xac"), on_syn, a), 0);
    assert_true(thesaurus_lookup(es, "canción", strlen("canción"), on_syn, a) > 0);
    assert_true(thesaurus_lookup(es, "Canción", strlen("Canción"), on_syn, b) > 0);
    assert_int_equal(a->len, b->len);
    assert_memory_equal(a->s, b->s, a->len);
    free(a);
    free(b);
    thesaurus_free(es);
}

/* The synonyms of word in th, one string, each ended by a comma. */
static void lookup_joined(thesaurus *th, const char *word, char *out, size_t cap)
{
    synonyms *got = calloc(1, sizeof *got);
    assert_non_null(got);
    thesaurus_lookup(th, word, strlen(word), on_syn, got);
    snprintf(out, cap, "%.*s", (int)got->len, got->s);
    free(got);
}

/* An .idx out of order (a thesaurus made by hand), with a word listed
 * twice, a line without a bar and one whose offset is past the .dat: each
 * word is still found, the word listed twice at one of its entries. */
static void test_unsorted_idx(void **state)
{
    (void)state;
    char dir[] = "/tmp/faqbot-thes-XXXXXX", idx[300], dat[300];
    assert_non_null(mkdtemp(dir));
    snprintf(idx, sizeof idx, "%s/th_zz_ZZ_v2.idx", dir);
    snprintf(dat, sizeof dat, "%s/th_zz_ZZ_v2.dat", dir);
    const char *d = "UTF-8\n"                  /* 0 */
                    "gato|1\n(n)|felino\n"      /* 6 */
                    "casa|1\n(n)|hogar\n"       /* 24 */
                    "abeto|1\n(n)|pino\n"       /* 41 */
                    "casa|1\n(n)|vivienda\n";   /* 58 */
    FILE *f = fopen(dat, "w");
    assert_non_null(f);
    fputs(d, f);
    fclose(f);
    f = fopen(idx, "w");
    assert_non_null(f);
    fputs("UTF-8\n5\ngato|6\ncasa|58\nsin barra\nabeto|41\ncasa|24\nlejos|9999\n", f);
    fclose(f);
    thesaurus *th;
    assert_int_equal(thesaurus_open("zz", dir, &th), 0);
    assert_non_null(th);
    char got[256];
    lookup_joined(th, "abeto", got, sizeof got);
    assert_string_equal(got, "pino,");
    lookup_joined(th, "gato", got, sizeof got);
    assert_string_equal(got, "felino,");
    lookup_joined(th, "casa", got, sizeof got);
    assert_true(!strcmp(got, "hogar,") || !strcmp(got, "vivienda,"));
    lookup_joined(th, "lejos", got, sizeof got);
    assert_string_equal(got, "");
    lookup_joined(th, "sin barra", got, sizeof got);
    assert_string_equal(got, "");
    thesaurus_free(th);
    unlink(idx);
    unlink(dat);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_as_whole_file),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_unsorted_idx),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
