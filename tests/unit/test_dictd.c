/* test_dictd.c: the dictd reader (dictd.h) on small dictionaries written
 * here in each form it reads (dictzip with chunks an entry spans, plain
 * gzip, uncompressed), FreeDict's entry layout (freedict_pieces), and a
 * translation table built into an index from them: an English question
 * about a Spanish-only FAQ. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <zlib.h>

#include "cli.h"
#include "corpus.h"
#include "corpus_load.h"
#include "dictd.h"
#include "freedict.h"
#include "index_internal.h"
#include "index_write.h"
#include "search.h"
#include "search_model.h"
#include "translate.h"
#include "file_fixture.h"

static char dir[256];

typedef struct fx_entry { const char *headword, *text; } fx_entry;

/* name.index for entries laid out back to back (the metadata first, as
 * dictfmt writes it); their text into *text. */
static void write_index(const char *name, const fx_entry *e, int n, char *text, size_t *len)
{
    char path[512], o[16], l[16];
    snprintf(path, sizeof path, "%s/%s.index", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    *len = 0;
    const char *meta = "00-database-info\nA test dictionary\n";
    memcpy(text, meta, strlen(meta));
    dictd_b64(0, o);
    dictd_b64(strlen(meta), l);
    fprintf(f, "00databaseinfo\t%s\t%s\n", o, l);
    *len = strlen(meta);
    for (int i = 0; i < n; i++) {
        size_t k = strlen(e[i].text);
        dictd_b64(*len, o);
        dictd_b64(k, l);
        fprintf(f, "%s\t%s\t%s\n", e[i].headword, o, l);
        memcpy(text + *len, e[i].text, k);
        *len += k;
    }
    fprintf(f, "broken line without tabs\nzzz\t!!\tB\n");   /* passed over */
    fclose(f);
}

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v & 0xff);
    p[1] = (unsigned char)(v >> 8);
}

/* text as a dictzip file: chunks of chunk bytes, each deflated apart. */
static void write_dictzip(const char *name, const char *text, size_t len, unsigned chunk)
{
    unsigned n_chunks = (unsigned)((len + chunk - 1) / chunk);
    unsigned char *data = malloc(len * 2 + 1024);
    unsigned *sizes = calloc(n_chunks, sizeof *sizes);
    assert_non_null(data);
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t out = 0;
    for (unsigned k = 0; k < n_chunks; k++) {
        size_t from = (size_t)k * chunk, n = len - from < chunk ? len - from : chunk;
        zs.next_in = (unsigned char *)text + from;
        zs.avail_in = (uInt)n;
        zs.next_out = data + out;
        zs.avail_out = (uInt)(len * 2 + 1024 - out);
        deflate(&zs, k + 1 == n_chunks ? Z_FINISH : Z_FULL_FLUSH);
        size_t made = (size_t)(zs.next_out - (data + out));
        sizes[k] = (unsigned)made;
        out += made;
    }
    deflateEnd(&zs);
    unsigned char head[512];
    size_t h = 0;
    unsigned char fixed[10] = {0x1f, 0x8b, 8, 4 | 8, 0, 0, 0, 0, 2, 3};
    memcpy(head, fixed, 10);
    h = 10;
    unsigned sub = 6 + 2 * n_chunks;
    put16(head + h, 4 + sub);
    h += 2;
    head[h++] = 'R';
    head[h++] = 'A';
    put16(head + h, sub);
    put16(head + h + 2, 1);
    put16(head + h + 4, chunk);
    put16(head + h + 6, n_chunks);
    h += 8;
    for (unsigned k = 0; k < n_chunks; k++, h += 2)
        put16(head + h, sizes[k]);
    memcpy(head + h, "test.dict", 10);   /* FNAME, NUL-ended */
    h += 10;
    char path[512];
    snprintf(path, sizeof path, "%s/%s.dict.dz", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(head, 1, h, f);
    fwrite(data, 1, out, f);
    uLong crc = crc32(0, (const Bytef *)text, (uInt)len);
    unsigned char tail[8];
    put16(tail, (unsigned)(crc & 0xffff));
    put16(tail + 2, (unsigned)(crc >> 16));
    put16(tail + 4, (unsigned)(len & 0xffff));
    put16(tail + 6, (unsigned)(len >> 16));
    fwrite(tail, 1, 8, f);
    fclose(f);
    free(data);
    free(sizes);
}

static void write_gzip(const char *name, const char *text, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.dict.dz", dir, name);
    gzFile g = gzopen(path, "wb");
    assert_non_null(g);
    gzwrite(g, text, (unsigned)len);
    gzclose(g);
}

static void write_plain(const char *name, const char *text, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.dict", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, len, f);
    fclose(f);
}

/* English-Spanish as FreeDict writes it: senses, labels, glosses, notes */
static const fx_entry eng_spa[] = {
    {"book", "book /bʊk/\n1. libro\n2. reservar\n"},
    {"card", "card /kɑːd/ <n>\n [coll.] tarjeta <fem>, carné\n   Note: a note, not a translation\n"},
    {"hour", "hour /aʊə/\nhora 2.\nUnit of time, a gloss\n 3.\nanother gloss\n"},
    {"library", "library /ˈlaɪbrəri/\nla biblioteca\n      \"a public library\"  - una biblioteca\n"},
    {"open", "open /ˈəʊpən/\n1. abrir (vt), abrirse\n2. abierto\n"},
};

static void test_dictzip(void **state)
{
    (void)state;
    char text[4096];
    size_t len;
    write_index("freedict-eng-spa", eng_spa, 5, text, &len);
    write_dictzip("freedict-eng-spa", text, len, 32);   /* entries span chunks */
    char base[512];
    snprintf(base, sizeof base, "%s/freedict-eng-spa", dir);
    dictd *d;
    char err[512];
    assert_int_equal(dictd_open(base, &d, err, sizeof err), 0);
    assert_non_null(d);
    assert_true(dictd_text_size(d) >= len);
    size_t at = 0;
    dictd_entry e;
    int n = 0, oom = 0;
    while (dictd_next(d, &at, &e)) {
        assert_int_equal(e.headword_len, strlen(eng_spa[n].headword));
        assert_memory_equal(e.headword, eng_spa[n].headword, e.headword_len);
        size_t tl;
        const char *t = dictd_text(d, &e, &tl, &oom);
        assert_non_null(t);
        assert_int_equal(tl, strlen(eng_spa[n].text));
        assert_memory_equal(t, eng_spa[n].text, tl);
        n++;
    }
    assert_int_equal(n, 5);   /* the metadata and the broken lines passed over */
    /* whole, the same texts */
    assert_int_equal(dictd_load_all(d, &oom), 0);
    at = 0;
    assert_int_equal(dictd_next(d, &at, &e), 1);
    assert_int_equal(dictd_next(d, &at, &e), 1);
    size_t tl;
    const char *t = dictd_text(d, &e, &tl, &oom);
    assert_memory_equal(t, eng_spa[1].text, tl);
    /* an entry past the end is refused, not read */
    dictd_entry far = {"x", 1, len + 100, 10};
    assert_null(dictd_text(d, &far, &tl, &oom));
    assert_int_equal(oom, 0);
    dictd_free(d);
}

static void test_gzip_and_plain(void **state)
{
    (void)state;
    char text[4096];
    size_t len;
    write_index("freedict-spa-eng", eng_spa, 2, text, &len);
    write_gzip("freedict-spa-eng", text, len);
    write_index("freedict-fra-eng", eng_spa + 2, 3, text, &len);
    write_plain("freedict-fra-eng", text, len);
    const char *names[] = {"freedict-spa-eng", "freedict-fra-eng"};
    const fx_entry *first[] = {&eng_spa[0], &eng_spa[2]};
    char err[512];
    for (int k = 0; k < 2; k++) {
        char base[512];
        snprintf(base, sizeof base, "%s/%s", dir, names[k]);
        dictd *d;
        assert_int_equal(dictd_open(base, &d, err, sizeof err), 0);
        assert_non_null(d);
        size_t at = 0, tl;
        dictd_entry e;
        int oom = 0;
        assert_int_equal(dictd_next(d, &at, &e), 1);
        const char *t = dictd_text(d, &e, &tl, &oom);
        assert_non_null(t);
        assert_memory_equal(t, first[k]->text, tl);
        dictd_free(d);
    }
    /* absent: no dictionary, no error */
    char base[512];
    snprintf(base, sizeof base, "%s/freedict-xxx-yyy", dir);
    dictd *d = (dictd *)1;
    assert_int_equal(dictd_open(base, &d, err, sizeof err), 0);
    assert_null(d);
    dictd_free(NULL);
}

/* A dictionary whose files cannot be used: an error naming the file, not
 * a dictionary quietly left out. */
static void test_bad_files(void **state)
{
    (void)state;
    char text[4096], base[512], err[512], path[600];
    size_t len;
    dictd *d = (dictd *)1;
    /* a .dict.dz that is no gzip file */
    write_index("freedict-ita-eng", eng_spa, 2, text, &len);
    snprintf(path, sizeof path, "%s/freedict-ita-eng.dict.dz", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("this is not compressed text, not even gzip's header", f);
    fclose(f);
    snprintf(base, sizeof base, "%s/freedict-ita-eng", dir);
    assert_int_equal(dictd_open(base, &d, err, sizeof err), -1);
    assert_null(d);
    assert_non_null(strstr(err, "freedict-ita-eng.dict.dz: not a gzip or dictzip file"));
    /* an index with neither .dict.dz nor .dict beside it */
    write_index("freedict-por-eng", eng_spa, 2, text, &len);
    snprintf(base, sizeof base, "%s/freedict-por-eng", dir);
    assert_int_equal(dictd_open(base, &d, err, sizeof err), -1);
    assert_non_null(strstr(err, "freedict-por-eng.dict.dz: missing"));
    /* an empty index */
    snprintf(path, sizeof path, "%s/freedict-deu-eng.index", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    fclose(f);
    snprintf(base, sizeof base, "%s/freedict-deu-eng", dir);
    assert_int_equal(dictd_open(base, &d, err, sizeof err), -1);
    assert_non_null(strstr(err, "freedict-deu-eng.index: empty"));
    unlink(path);
    snprintf(path, sizeof path, "%s/freedict-ita-eng.index", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/freedict-ita-eng.dict.dz", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/freedict-por-eng.index", dir);
    unlink(path);
}

typedef struct pieces { char got[16][64]; int n; } pieces;

static int on_piece(void *ctx, const char *s, size_t n)
{
    pieces *p = ctx;
    if (p->n < 16)
        snprintf(p->got[p->n++], 64, "%.*s", (int)n, s);
    return 0;
}

static void test_pieces(void **state)
{
    (void)state;
    const char *expect[][4] = {
        {"libro", "reservar", NULL},
        {"tarjeta", "carné", NULL},       /* labels cut, the note left out */
        {"hora", NULL},                   /* the next sense's number and the glosses left out */
        {"la biblioteca", NULL},          /* the example left out */
        {"abrir", "abrirse", "abierto", NULL},
    };
    for (int i = 0; i < 5; i++) {
        pieces p = {.n = 0};
        freedict_pieces(eng_spa[i].text, strlen(eng_spa[i].text), on_piece, &p);
        int k = 0;
        for (; expect[i][k]; k++) {
            assert_true(k < p.n);
            assert_string_equal(p.got[k], expect[i][k]);
        }
        assert_int_equal(p.n, k);
    }
}

/* An index of a Spanish FAQ built with the English-Spanish dictionary:
 * English comes in as a language one may ask in, its words mapped to the
 * FAQ's Spanish terms, and an English question finds the Spanish entry. */
static void test_translation_table(void **state)
{
    (void)state;
    char text[4096];
    size_t len;
    write_index("freedict-eng-spa", eng_spa, 5, text, &len);
    write_dictzip("freedict-eng-spa", text, len, 4096);
    char cdir[512], path[600];
    snprintf(cdir, sizeof cdir, "%s/corpus", dir);
    snprintf(path, sizeof path, "%s/es", cdir);
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof path, "%s/es/faq.md", cdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("## ¿A qué hora abre la biblioteca? {#horario}\n\nDe lunes a viernes, de 9 a 20.\n\n"
          "## ¿Cómo saco el carné? {#carne}\n\nEn el mostrador, con tu documento.\n\n"
          "## ¿Cuántos libros puedo llevarme? {#prestamo}\n\nHasta seis, tres semanas.\n",
          f);
    fclose(f);
    setenv("FAQBOT_DICTD_DIR", dir, 1);
    cli_read_environment();
    corpus *c;
    char err[512];
    assert_int_equal(corpus_load(cdir, &c, err, sizeof err), 0);
    snprintf(path, sizeof path, "%s/x.idx", dir);
    index_stats st;
    assert_int_equal(index_write(c, path, &st, err, sizeof err), 0);
    corpus_free(c);
    faq_index *ix;
    assert_int_equal(faq_index_open(path, &ix, err, sizeof err), 0);
    int en = faq_index_lang_find(ix, "en"), es = faq_index_lang_find(ix, "es");
    assert_true(en >= 0 && es >= 0);
    assert_int_equal(faq_index_lang_entries(ix, (uint32_t)en), 0);   /* asked in, no FAQ */
    /* "library" -> "biblioteca"; "book" -> "libro" (its first sense) */
    const char *from[] = {"librari", "book", "card"}, *to[] = {"bibliotec", "libr", "carn"};
    for (int i = 0; i < 3; i++) {
        uint32_t x = ix_find_xlate(ix, (uint32_t)en, from[i], strlen(from[i]));
        assert_int_not_equal(x, IX_NONE);
        const ix_xlate *X = &ix->xlates[x];
        int found = 0;
        for (uint32_t k = 0; k < X->count; k++) {
            const ix_term *T = &ix->terms[ix->xlterms[X->first + k]];
            assert_int_equal(T->lang, (uint32_t)es);
            found |= T->text.len == strlen(to[i]) &&
                     memcmp(ix->strings + T->text.off, to[i], T->text.len) == 0;
        }
        assert_true(found);
    }
    /* a word no dictionary translates into the FAQ has no row */
    assert_int_equal(ix_find_xlate(ix, (uint32_t)en, "hous", 4), IX_NONE);
    /* the FAQ's terms lack English (LACKING, made by the build) */
    uint32_t bib = ix_find_term(ix, (uint32_t)es, "bibliotec", 9);
    assert_int_not_equal(bib, IX_NONE);
    assert_non_null(ix->lacking);
    assert_true(ix->lacking[bib] >> en & 1);
    assert_false(ix->lacking[bib] >> es & 1);
    char why[256];
    assert_int_equal(faq_index_check(ix, why, sizeof why), FAQ_INDEX_OK);
    /* rows from English only: a Spanish question's words have no
     * translation to look for, through any lemma of theirs */
    search_model *m = search_model_new(ix);
    assert_non_null(m);
    assert_true(search_model_translates(m, (uint32_t)en));
    assert_false(search_model_translates(m, (uint32_t)es));
    search_model_free(m);
    searcher *s = searcher_new(ix);
    assert_non_null(s);
    faq_answer a;
    faq_query_opts o = {.threshold = -1};
    const char *q = "when does the library open?";
    assert_int_equal(searcher_ask(s, q, strlen(q), &o, &a), 0);
    assert_string_equal(a.query_lang, "en");
    assert_int_not_equal(a.best.entry, UINT32_MAX);
    faq_entry fe;
    faq_index_entry(ix, a.best.entry, &fe);
    assert_memory_equal(fe.id.s, "horario", fe.id.len);
    assert_int_equal(a.other_lang, 1);
    /* without the tables, the same question finds nothing to answer with */
    search_params p = *searcher_params(s);
    p.use_translation = 0;
    searcher_set_params(s, &p);
    assert_int_equal(searcher_ask(s, q, strlen(q), &o, &a), 0);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    searcher_free(s);
    /* the streamed build makes the same tables */
    char path2[600];
    snprintf(path2, sizeof path2, "%s/y.idx", dir);
    corpus_report rep = {0};
    assert_int_equal(index_write_dir(cdir, &rep, path2, INDEX_MEMORY_DEFAULT, &st, err, sizeof err), 0);
    corpus_report_free(&rep);
    faq_index *iy;
    assert_int_equal(faq_index_open(path2, &iy, err, sizeof err), 0);
    assert_int_equal(iy->n_xlates, ix->n_xlates);
    assert_int_equal(iy->n_xlterms, ix->n_xlterms);
    faq_index_close(iy);
    faq_index_close(ix);
    /* a dictionary file that is not one: the build fails, naming it, and
     * the index there stays as it was */
    snprintf(path, sizeof path, "%s/freedict-eng-spa.dict.dz", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs("not gzip", f);
    fclose(f);
    rep = (corpus_report){0};
    assert_int_not_equal(index_write_dir(cdir, &rep, path2, INDEX_MEMORY_DEFAULT, &st, err,
                                         sizeof err), 0);
    corpus_report_free(&rep);
    assert_non_null(strstr(err, "freedict-eng-spa.dict.dz: not a gzip or dictzip file"));
    assert_int_equal(faq_index_open(path2, &iy, err, sizeof err), 0);
    faq_index_close(iy);
    unsetenv("FAQBOT_DICTD_DIR");
    cli_read_environment();
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/faqbot-test-dictd-%ld", (long)getpid());
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    return system(cmd) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A dictionary's file by the corpus's codes: Norwegian ("no") is FreeDict's
 * "nor", Danish "dan"; a language FreeDict lacks has none. */
static void test_freedict_names(void **state)
{
    (void)state;
    char base[512];
    assert_true(freedict_base("/d", "en", "no", base, sizeof base));
    assert_string_equal(base, "/d/freedict-eng-nor");
    assert_true(freedict_base("/d", "da", "en", base, sizeof base));
    assert_string_equal(base, "/d/freedict-dan-eng");
    assert_false(freedict_base("/d", "en", "zz", base, sizeof base));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dictzip),
        cmocka_unit_test(test_gzip_and_plain),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_pieces),
        cmocka_unit_test(test_translation_table),
        cmocka_unit_test(test_freedict_names),
    };
    return cmocka_run_group_tests_name("dictd", tests, setup, teardown);
}
