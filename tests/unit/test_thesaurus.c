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
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "lemma.h"
#include "thesaurus.h"

#include "file_fixture.h"

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
    if (thesaurus_file(lang, NULL, idx_path, sizeof idx_path) != 0)
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
    static const char *langs[] = {"es", "en", "de", "fr", "pt", "it", "da", "no", "sv"};
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

static void remove_files(const char *dir)
{
    char path[400];
    snprintf(path, sizeof path, "%s/th_zz_ZZ_v2.idx", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/th_zz_ZZ_v2.dat", dir);
    unlink(path);
    rmdir(dir);
}

/* stamp with each "from/" put as "to/" (a stamp of the same files under
 * another folder), into out. */
static void restamp(const char *stamp, const char *from, const char *to, char *out, size_t cap)
{
    size_t k = 0, nf = strlen(from);
    for (const char *p = stamp; *p && k + 1 < cap;) {
        if (strncmp(p, from, nf) == 0 && p[nf] == '/') {
            k += (size_t)snprintf(out + k, cap - k, "%s", to);
            p += nf;
        } else {
            out[k++] = *p++;
        }
    }
    out[k] = '\0';
}

#define ZZ_DAT "UTF-8\n"                  /* 0 */ \
               "abeto|1\n(n)|pino\n"      /* 6 */ \
               "casa|1\n(n)|hogar\n"      /* 23 */ \
               "gato|1\n(n)|felino\n"     /* 40 */
#define ZZ_IDX "UTF-8\n3\nabeto|6\ncasa|23\ngato|40\n"

/* Every word of every installed thesaurus whose .idx the build would find
 * in order, searched in its lines (thesaurus_open_ordered() with the stamp
 * of the same files), as written, capitalised and lengthened: the synonyms
 * its table of entries gives. */
static void test_ordered_as_listed(void **state)
{
    (void)state;
    static const char *langs[] = {"es", "en", "de", "fr", "pt", "it", "da", "no", "sv"};
    int compared = 0;
    synonyms *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++) {
        char stamp[1400], moved[1600], idx_path[600], dat_path[600], link[700];
        if (thesaurus_order_stamp(langs[l], NULL, stamp, sizeof stamp) != 1)
            continue;   /* none, or not in order (German's lists words twice) */
        assert_int_equal(thesaurus_file(langs[l], NULL, idx_path, sizeof idx_path), 0);
        snprintf(dat_path, sizeof dat_path, "%.*s.dat", (int)(strlen(idx_path) - 4), idx_path);
        char dir[] = "/tmp/faqbot-thes-XXXXXX";
        assert_non_null(mkdtemp(dir));
        snprintf(link, sizeof link, "%s%s", dir, idx_path + strlen(THES_DIR));
        assert_int_equal(symlink(idx_path, link), 0);
        snprintf(link, sizeof link, "%s%s", dir, dat_path + strlen(THES_DIR));
        assert_int_equal(symlink(dat_path, link), 0);
        restamp(stamp, THES_DIR, dir, moved, sizeof moved);
        thesaurus *listed, *ordered;
        assert_int_equal(thesaurus_open(langs[l], NULL, &listed), 0);
        assert_int_equal(thesaurus_open_ordered(langs[l], dir, moved, strlen(moved), &ordered), 0);
        assert_non_null(ordered);
        assert_ptr_not_equal(listed, ordered);
        size_t raw_len, idx_len;
        char *raw_dat = read_whole(dat_path, 0, &raw_len);
        int latin1 = strncmp(raw_dat, "ISO8859-1", 9) == 0 || strncmp(raw_dat, "ISO-8859-1", 10) == 0;
        free(raw_dat);
        char *idx = read_whole(idx_path, latin1, &idx_len);
        assert_non_null(idx);
        for (char *line = idx; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
            size_t n = strcspn(line, "|\n");
            char word[300];
            if (n == 0 || n + 3 > sizeof word)
                continue;
            memcpy(word, line, n);
            for (int form = 0; form < 3; form++) {
                size_t len = n;
                if (form == 1 && word[0] >= 'a' && word[0] <= 'z')
                    word[0] = (char)(word[0] - 'a' + 'A');
                if (form == 2)
                    word[len++] = 'z';
                a->len = b->len = 0;
                a->n = b->n = 0;
                assert_int_equal(thesaurus_lookup(ordered, word, len, on_syn, a),
                                 thesaurus_lookup(listed, word, len, on_syn, b));
                assert_int_equal(a->len, b->len);
                assert_memory_equal(a->s, b->s, a->len);
                compared++;
            }
        }
        free(idx);
        unlink(link);
        snprintf(link, sizeof link, "%s%s", dir, idx_path + strlen(THES_DIR));
        unlink(link);
        rmdir(dir);
    }
    free(a);
    free(b);
    if (!compared)
        skip();     /* no thesaurus in order is installed */
}

/* The sorted thesaurus zz written under a new folder made, its order
 * stamp taken into stamp (cap bytes), and a second new folder now with its
 * .dat alone. */
static void stamp_made(char *made, char *now, char *stamp, size_t cap)
{
    assert_non_null(mkdtemp(made));
    assert_non_null(mkdtemp(now));
    write_file(made, "th_zz_ZZ_v2.dat", ZZ_DAT);
    write_file(made, "th_zz_ZZ_v2.idx", ZZ_IDX);
    assert_int_equal(thesaurus_order_stamp("zz", made, stamp, cap), 1);
    write_file(now, "th_zz_ZZ_v2.dat", ZZ_DAT);
}

/* A thesaurus named without "_v2", as mythes-da names Danish's, is found;
 * where a language has both, the "_v2" one. */
static void test_file_without_v2(void **state)
{
    (void)state;
    char dir[] = "/tmp/faqbot-thes-XXXXXX", path[400], got[256];
    assert_non_null(mkdtemp(dir));
    write_file(dir, "th_zz_ZZ.dat", ZZ_DAT);
    write_file(dir, "th_zz_ZZ.idx", ZZ_IDX);
    assert_int_equal(thesaurus_file("zz", dir, path, sizeof path), 0);
    assert_non_null(strstr(path, "/th_zz_ZZ.idx"));
    thesaurus *th;
    assert_int_equal(thesaurus_open("zz", dir, &th), 0);
    assert_non_null(th);
    lookup_joined(th, "gato", got, sizeof got);
    assert_string_equal(got, "felino,");
    thesaurus_free(th);
    write_file(dir, "th_zz_ZZ_v2.dat", ZZ_DAT);
    write_file(dir, "th_zz_ZZ_v2.idx", ZZ_IDX);
    assert_int_equal(thesaurus_file("zz", dir, path, sizeof path), 0);
    assert_non_null(strstr(path, "/th_zz_ZZ_v2.idx"));
    assert_int_equal(thesaurus_file("yy", dir, path, sizeof path), -1);
    remove_files(dir);
}

/* FAQBOT_MYTHES_DIR names the folder of the thesauri where none is given
 * (a package unpacked outside the system's folder); set but empty, there
 * are none, not even the system's. */
static void test_dir_from_environment(void **state)
{
    (void)state;
    char dir[] = "/tmp/faqbot-thes-XXXXXX", path[400];
    const char *was = getenv("FAQBOT_MYTHES_DIR");
    char *saved = was ? strdup(was) : NULL;
    assert_non_null(mkdtemp(dir));
    write_file(dir, "th_zz_ZZ_v2.dat", ZZ_DAT);
    write_file(dir, "th_zz_ZZ_v2.idx", ZZ_IDX);
    setenv("FAQBOT_MYTHES_DIR", dir, 1);
    cli_read_environment();
    assert_int_equal(thesaurus_file("zz", NULL, path, sizeof path), 0);
    assert_non_null(strstr(path, dir));
    /* a folder given still wins over the environment's */
    assert_int_equal(thesaurus_file("zz", "/nonexistent", path, sizeof path), -1);
    setenv("FAQBOT_MYTHES_DIR", "", 1);
    cli_read_environment();
    assert_int_equal(thesaurus_file("zz", NULL, path, sizeof path), -1);
    assert_int_equal(thesaurus_file("es", NULL, path, sizeof path), -1);
    if (saved)
        setenv("FAQBOT_MYTHES_DIR", saved, 1);
    else
        unsetenv("FAQBOT_MYTHES_DIR");
    cli_read_environment();
    free(saved);
}

/* A thesaurus in dir (th_zz_ZZ_v2) in encoding enc of n words, word[i][0]
 * with the one synonym word[i][1], each as the file spells it. */
static void write_thesaurus(const char *dir, const char *enc, const char *const (*word)[2], size_t n)
{
    char dat[2048], idx[1024];
    size_t d = (size_t)snprintf(dat, sizeof dat, "%s\n", enc);
    size_t i = (size_t)snprintf(idx, sizeof idx, "%s\n%zu\n", enc, n);
    for (size_t w = 0; w < n; w++) {
        i += (size_t)snprintf(idx + i, sizeof idx - i, "%s|%zu\n", word[w][0], d);
        d += (size_t)snprintf(dat + d, sizeof dat - d, "%s|1\n(n)|%s\n", word[w][0], word[w][1]);
        assert_true(d < sizeof dat && i < sizeof idx);
    }
    write_file(dir, "th_zz_ZZ_v2.dat", dat);
    write_file(dir, "th_zz_ZZ_v2.idx", idx);
}

/* Each of n words asked of th (asked[i][0]) gives its synonyms joined as
 * lookup_joined() joins them (asked[i][1]). */
static void expect_lookups(thesaurus *th, const char *const (*asked)[2], size_t n)
{
    char got[256];
    for (size_t i = 0; i < n; i++) {
        lookup_joined(th, asked[i][0], got, sizeof got);
        assert_string_equal(got, asked[i][1]);
    }
}

/* A question's first word, capitalised, is looked up in lower case
 * whatever its first letter: a Cyrillic, an accented or a Nordic capital
 * as an ASCII one, in a UTF-8 thesaurus and in a Latin-1 one; a capital
 * whose lower case is shorter (Turkish's dotted "İ") too. A word that is
 * capitalised in the thesaurus is still found as written. */
static void test_non_ascii_capital(void **state)
{
    (void)state;
    char dir[] = "/tmp/faqbot-thes-XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const utf8[][2] = {
        {"casa", "hogar"}, {"iglesia", "templo"}, {"Ángel", "Nombre"},
        {"ángel", "querubín"}, {"øl", "pils"}, {"цена", "стоимость"},
    };
    write_thesaurus(dir, "UTF-8", utf8, sizeof utf8 / sizeof *utf8);
    thesaurus *th;
    assert_int_equal(thesaurus_open("zz", dir, &th), 0);
    assert_non_null(th);
    static const char *const asked[][2] = {
        {"Casa", "hogar,"},         {"Цена", "стоимость,"}, {"ángel", "querubín,"},
        {"Ángel", "Nombre,"},       {"Øl", "pils,"},        {"İglesia", "templo,"},
        {"Ц", ""},
    };
    expect_lookups(th, asked, sizeof asked / sizeof *asked);
    thesaurus_free(th);
    remove_files(dir);

    /* Latin-1 on disk: "ángel", "éxito", "øl" */
    assert_non_null(mkdtemp(strcpy(dir, "/tmp/faqbot-thes-XXXXXX")));
    static const char *const latin1[][2] = {
        {"\xe1ngel", "querub\xedn"}, {"\xe9xito", "triunfo"}, {"\xf8l", "pils"},
    };
    write_thesaurus(dir, "ISO8859-1", latin1, sizeof latin1 / sizeof *latin1);
    assert_int_equal(thesaurus_open("zz", dir, &th), 0);
    assert_non_null(th);
    static const char *const asked_latin1[][2] = {
        {"Ángel", "querubín,"}, {"Éxito", "triunfo,"}, {"Øl", "pils,"}, {"Цена", ""},
    };
    expect_lookups(th, asked_latin1, sizeof asked_latin1 / sizeof *asked_latin1);
    thesaurus_free(th);
    remove_files(dir);
}

/* The build's verdict stands only for the files it was made of: a stamp
 * of a thesaurus whose .idx was rewritten since (out of order, a word
 * listed twice) is not taken, and each word is still found; an .idx with
 * a word listed twice, or out of order, gets no stamp. */
static void test_order_stamp_of_other_files(void **state)
{
    (void)state;
    char made[] = "/tmp/faqbot-thes-XXXXXX", now[] = "/tmp/faqbot-thes-XXXXXX";
    char stamp[1400], moved[1600], got[256];
    stamp_made(made, now, stamp, sizeof stamp);
    assert_non_null(strstr(stamp, "th_zz_ZZ_v2.idx 32 "));
    /* the same files under another folder, the .idx then rewritten out of
     * order with a word listed twice: the stamp made before names them no
     * longer */
    write_file(now, "th_zz_ZZ_v2.idx", ZZ_IDX);
    restamp(stamp, made, now, moved, sizeof moved);
    write_file(now, "th_zz_ZZ_v2.idx", "UTF-8\n4\ngato|40\ncasa|23\nabeto|6\ncasa|23\n");
    thesaurus *th;
    assert_int_equal(thesaurus_open_ordered("zz", now, moved, strlen(moved), &th), 0);
    assert_non_null(th);
    lookup_joined(th, "abeto", got, sizeof got);
    assert_string_equal(got, "pino,");
    lookup_joined(th, "gato", got, sizeof got);
    assert_string_equal(got, "felino,");
    lookup_joined(th, "casa", got, sizeof got);
    assert_string_equal(got, "hogar,");
    assert_int_equal(thesaurus_order_stamp("zz", now, stamp, sizeof stamp), 0);
    remove_files(made);
    remove_files(now);
}

/* now/name's times set to made/name's. */
static void same_time(const char *made, const char *now, const char *name)
{
    char from[400], to[400];
    snprintf(from, sizeof from, "%s/%s", made, name);
    snprintf(to, sizeof to, "%s/%s", now, name);
    struct stat st;
    assert_int_equal(stat(from, &st), 0);
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    assert_int_equal(utimensat(AT_FDCWD, to, times, 0), 0);
}

/* A stamp that names the files as they are is believed without reading
 * the .idx: one out of order (forged here) then loses words, which is why
 * the stamp names the files' sizes and times. */
static void test_order_stamp_believed(void **state)
{
    (void)state;
    char made[] = "/tmp/faqbot-thes-XXXXXX", now[] = "/tmp/faqbot-thes-XXXXXX";
    char stamp[1400], moved[1600], got[256];
    stamp_made(made, now, stamp, sizeof stamp);
    /* as long as the sorted one, its time set to the one stamped */
    write_file(now, "th_zz_ZZ_v2.idx", "UTF-8\n3\ngato|40\ncasa|23\nabeto|6\n");
    same_time(made, now, "th_zz_ZZ_v2.idx");
    same_time(made, now, "th_zz_ZZ_v2.dat");
    restamp(stamp, made, now, moved, sizeof moved);
    thesaurus *th;
    assert_int_equal(thesaurus_open_ordered("zz", now, moved, strlen(moved), &th), 0);
    assert_non_null(th);
    lookup_joined(th, "casa", got, sizeof got);
    assert_string_equal(got, "hogar,");      /* the middle line: found */
    lookup_joined(th, "gato", got, sizeof got);
    assert_string_equal(got, "");            /* searched where "abeto" lies: lost */
    remove_files(made);
    remove_files(now);
}

/* A number asked ("2024", a question's counter) is looked up only in a
 * thesaurus listing a word that starts with a digit, which the loader
 * tells apart once: found where the thesaurus lists it, as its first
 * word, among others or as its last before the letters; in none without
 * one, whose other words are found as ever. Both ways of searching: the
 * table of words (an .idx read whole) and the lines of one stamped in
 * order. */
static void test_number_keys(void **state)
{
    (void)state;
    static const char *const with[][2] = {{"+x", "plus"}, {"2024", "year"}, {"abeto", "pino"}};
    static const char *const first[][2] = {{"1st", "top"}, {"abeto", "pino"}};
    static const char *const last[][2] = {{"+x", "plus"}, {"9z", "nine"}};
    static const char *const without[][2] = {{"+x", "plus"}, {"abeto", "pino"}, {"gato", "felino"}};
    static const char *const asked_with[][2] = {{"2024", "year,"}, {"2025", ""}, {"abeto", "pino,"}};
    static const char *const asked_first[][2] = {{"1st", "top,"}, {"1", ""}, {"abeto", "pino,"}};
    static const char *const asked_last[][2] = {{"9z", "nine,"}, {"+x", "plus,"}};
    static const char *const asked_without[][2] = {
        {"2024", ""}, {"+x", "plus,"}, {"abeto", "pino,"}, {"gato", "felino,"}};
    const struct {
        const char *const (*words)[2], *const (*asked)[2];
        size_t n_words, n_asked;
    } cases[] = {
        {with, asked_with, 3, 3},
        {first, asked_first, 2, 3},
        {last, asked_last, 2, 2},
        {without, asked_without, 3, 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        /* the table of words */
        char dir[] = "/tmp/faqbot-thes-XXXXXX";
        assert_non_null(mkdtemp(dir));
        write_thesaurus(dir, "UTF-8", cases[i].words, cases[i].n_words);
        thesaurus *th;
        assert_int_equal(thesaurus_open("zz", dir, &th), 0);
        assert_non_null(th);
        expect_lookups(th, cases[i].asked, cases[i].n_asked);
        thesaurus_free(th);
        remove_files(dir);
        /* the lines, stamped in order in one folder, opened in another */
        char made[] = "/tmp/faqbot-thes-XXXXXX", now[] = "/tmp/faqbot-thes-XXXXXX";
        char stamp[1400], moved[1600];
        assert_non_null(mkdtemp(made));
        assert_non_null(mkdtemp(now));
        write_thesaurus(made, "UTF-8", cases[i].words, cases[i].n_words);
        assert_int_equal(thesaurus_order_stamp("zz", made, stamp, sizeof stamp), 1);
        write_thesaurus(now, "UTF-8", cases[i].words, cases[i].n_words);
        same_time(made, now, "th_zz_ZZ_v2.idx");
        same_time(made, now, "th_zz_ZZ_v2.dat");
        restamp(stamp, made, now, moved, sizeof moved);
        assert_int_equal(thesaurus_open_ordered("zz", now, moved, strlen(moved), &th), 0);
        assert_non_null(th);
        expect_lookups(th, cases[i].asked, cases[i].n_asked);
        thesaurus_free(th);
        remove_files(made);
        remove_files(now);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_as_whole_file),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_unsorted_idx),
        cmocka_unit_test(test_ordered_as_listed),
        cmocka_unit_test(test_file_without_v2),
        cmocka_unit_test(test_dir_from_environment),
        cmocka_unit_test(test_non_ascii_capital),
        cmocka_unit_test(test_order_stamp_of_other_files),
        cmocka_unit_test(test_order_stamp_believed),
        cmocka_unit_test(test_number_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
