/* test_corpus.c: corpus folders read by corpus_load: languages by their
 * folder names, documents in name order, each language's own files before
 * its pack's or replacing them, every error of a folder with its file and
 * line. Run from the repo root, or with ROOT set to it. */
#define _XOPEN_SOURCE 700   /* nftw, to remove the temporary corpora */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "corpus_file.h"
#include "corpus_load.h"
#include "corpus_parse.h"
#include "lang_pack.h"
#include "limits.h"

static char err[1024];

static int clear_err(void **state)
{
    (void)state;
    err[0] = '\0';
    return 0;
}

static const char *root(void)
{
    const char *r = getenv("ROOT");
    return r && *r ? r : ".";
}

/* err holds want (a fixed string such as "doc.md:3: no answer" is split in
 * its parts by the caller when the middle varies). */
#define assert_err(want) \
    do { \
        if (!strstr(err, (want))) \
            fail_msg("error \"%s\" lacks \"%s\"", err, (want)); \
    } while (0)

/* ---- folders ---- */

static void test_stemmer_name(void **state)
{
    (void)state;
    assert_string_equal(corpus_stemmer_name("es"), "spanish");
    assert_string_equal(corpus_stemmer_name("spa"), "spanish");
    assert_string_equal(corpus_stemmer_name("en"), "english");
    assert_string_equal(corpus_stemmer_name("fr"), "french");
    assert_string_equal(corpus_stemmer_name("pt"), "portuguese");
    assert_string_equal(corpus_stemmer_name("de"), "german");
    assert_string_equal(corpus_stemmer_name("hy"), "armenian");
    assert_null(corpus_stemmer_name("xx"));
    assert_null(corpus_stemmer_name("et"));   /* Estonian: not in libstemmer 2.2 */
    assert_null(corpus_stemmer_name(""));
}

static void test_load_fixture(void **state)
{
    (void)state;
    char dir[1024];
    corpus *c = (corpus *)1;
    snprintf(dir, sizeof dir, "%s/tests/unit/data/corpus-ok", root());
    if (corpus_load(dir, &c, err, sizeof err) != 0)
        fail_msg("corpus_load: %s", err);
    /* README.md and .hidden/ directly under it are not languages */
    assert_int_equal(c->n_langs, 2);
    assert_string_equal(c->langs[0].code, "en");   /* sorted by code */
    assert_string_equal(c->langs[1].code, "es");
    /* en has only a FAQ: the English pack gives the rest */
    assert_int_equal(c->langs[0].n_entries, 2 + 13);
    assert_string_equal(c->langs[0].entries[1].id, "faq-2");
    assert_string_equal(c->langs[0].entries[2].id, "hello");
    assert_int_equal(c->langs[0].entries[2].kind, ENTRY_SMALLTALK);
    assert_non_null(c->langs[0].stopwords);
    assert_string_equal(c->langs[0].stopwords, lang_pack_file("en", "stopwords.txt"));
    assert_non_null(strstr(c->langs[0].stopwords, "\nthe\n"));
    assert_string_equal(c->langs[0].synonyms, lang_pack_file("en", "synonyms.txt"));
    /* its one document's "# FAQ" titles the page, before the pack's texts */
    assert_int_equal(strncmp(c->langs[0].messages, "page_title = FAQ\n", 17), 0);
    assert_string_equal(c->langs[0].messages + 17, lang_pack_file("en", "messages.txt"));
    /* es has its own files: they come first, the pack's follow */
    corpus_lang *es = &c->langs[1];
    static const char *const own[] = {"# palabras vacías\nde\nla\n", "concluir, terminar, acabar\n",
                                       "page_welcome = Hola\n"};
    const char *got[] = {es->stopwords, es->synonyms, es->messages};
    const char *pack[] = {lang_pack_file("es", "stopwords.txt"), lang_pack_file("es", "synonyms.txt"),
                          lang_pack_file("es", "messages.txt")};
    for (int k = 0; k < 3; k++) {
        assert_int_equal(strncmp(got[k], own[k], strlen(own[k])), 0);
        assert_string_equal(got[k] + strlen(own[k]), pack[k]);
    }
    /* files in name order, entries in document order; README.md, notas.rst
     * and .borrador.md are not read */
    static const struct { const char *id, *question, *file; unsigned line; entry_kind kind; } want[] = {
        {"que", "¿Qué es esto?", "a.md", 5, ENTRY_FAQ},
        {"a-2", "¿Quién lo mantiene?", "a.md", 11, ENTRY_FAQ},
        {"b-1", "¿Dónde está?", "b.txt", 3, ENTRY_FAQ},
        {"b-2", "Cómo se lee?", "b.txt", 7, ENTRY_FAQ},
        {"c-1", "P1. Primera", "c.txt", 2, ENTRY_FAQ},
        {"c-2", "P2. Segunda", "c.txt", 4, ENTRY_FAQ},
        {"hello", "hola", "smalltalk.md", 1, ENTRY_SMALLTALK},
        {"smalltalk-2", "gracias", "smalltalk.md", 6, ENTRY_SMALLTALK},
    };
    /* its smalltalk.md has "hello": the pack adds the twelve other ids */
    size_t n_own = sizeof want / sizeof *want;
    assert_int_equal(es->n_entries, n_own + 12);
    for (size_t i = n_own; i < es->n_entries; i++) {
        assert_string_equal(es->entries[i].file, "lang/es/smalltalk.md");
        assert_int_equal(es->entries[i].kind, ENTRY_SMALLTALK);
        assert_string_not_equal(es->entries[i].id, "hello");
    }
    for (size_t i = 0; i < n_own; i++) {
        corpus_entry *e = &es->entries[i];
        char path[1200];
        snprintf(path, sizeof path, "%s/es/%s", dir, want[i].file);
        assert_string_equal(e->id, want[i].id);
        assert_string_equal(e->question, want[i].question);
        assert_string_equal(e->file, path);
        assert_int_equal(e->line, want[i].line);
        assert_int_equal(e->kind, want[i].kind);
    }
    assert_int_equal(es->entries[0].n_alts, 2);
    assert_string_equal(es->entries[0].alts[0], "¿Para qué sirve esto?");
    assert_string_equal(es->entries[1].answer, "Las pruebas unitarias,\nen dos líneas.");
    assert_string_equal(es->entries[5].answer, "Respuesta dos?");
    assert_string_equal(es->entries[6].alts[0], "buenas");
    corpus_free(c);
    corpus_free(NULL);

    /* the shipped corpus loads: Spanish has the ten seed questions */
    snprintf(dir, sizeof dir, "%s/corpus", root());
    if (corpus_load(dir, &c, err, sizeof err) != 0)
        fail_msg("corpus_load: %s", err);
    size_t i;
    for (i = 0; i < c->n_langs && strcmp(c->langs[i].code, "es") != 0; i++)
        ;
    assert_true(i < c->n_langs);
    size_t seed = 0, smalltalk = 0;
    for (size_t k = 0; k < c->langs[i].n_entries; k++) {
        seed += strncmp(c->langs[i].entries[k].id, "precursores-", 12) == 0;
        smalltalk += c->langs[i].entries[k].kind == ENTRY_SMALLTALK;
    }
    assert_int_equal(seed, 10);
    assert_true(smalltalk > 0);
    assert_non_null(c->langs[i].stopwords);
    corpus_free(c);
}

/* A scratch corpus folder for the error cases, removed after each test. */
static char scratch[256];

static void put(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", scratch, rel);
    for (char *s = path + strlen(scratch) + 1; (s = strchr(s, '/')) != NULL; s++) {
        *s = '\0';
        mkdir(path, 0755);
        *s = '/';
    }
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void del(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", scratch, rel);
    assert_int_equal(remove(path), 0);
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(p);
}

static void rm_scratch(void)
{
    nftw(scratch, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int scratch_up(void **state)
{
    (void)state;
    snprintf(scratch, sizeof scratch, "%s/faqbot-test-corpus-XXXXXX",
             getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    return mkdtemp(scratch) ? clear_err(NULL) : -1;
}

static int scratch_down(void **state)
{
    (void)state;
    rm_scratch();
    return 0;
}

/* corpus_load(scratch) fails, *out is NULL, and err holds every want. */
static void load_fails(const char *want1, const char *want2)
{
    corpus *c = (corpus *)1;
    err[0] = '\0';
    if (corpus_load(scratch, &c, err, sizeof err) != -1)
        fail_msg("loaded, expected \"%s\"", want1);
    assert_null(c);
    assert_err(want1);
    if (want2)
        assert_err(want2);
}

static void load_ok(size_t n_langs)
{
    corpus *c = NULL;
    if (corpus_load(scratch, &c, err, sizeof err) != 0)
        fail_msg("corpus_load: %s", err);
    assert_int_equal(c->n_langs, n_langs);
    corpus_free(c);
}

/* A language file whose first line is "# replace" replaces its pack's; a
 * language faqbot ships no pack for has what its folder gives. */
static void test_load_pack_rules(void **state)
{
    (void)state;
    put("de/faq.md", "## Wann? {#a}\n\nHeute.\n");
    put("de/stopwords.txt", "# replace\nheute\n");
    put("de/smalltalk.md", "# replace\n\n## hallo {#hello}\n\nHallo!\n");
    put("hy/faq.md", "## Երբ? {#a}\n\nԱյսօր.\n");
    corpus *c = NULL;
    if (corpus_load(scratch, &c, err, sizeof err) != 0)
        fail_msg("corpus_load: %s", err);
    assert_int_equal(c->n_langs, 2);
    corpus_lang *de = &c->langs[0], *hy = &c->langs[1];
    assert_string_equal(de->stopwords, "# replace\nheute\n");
    assert_string_equal(de->synonyms, lang_pack_file("de", "synonyms.txt"));
    assert_string_equal(de->messages, lang_pack_file("de", "messages.txt"));
    assert_int_equal(de->n_entries, 2);
    assert_string_equal(de->entries[1].answer, "Hallo!");
    assert_null(lang_pack_file("hy", "stopwords.txt"));
    assert_null(hy->stopwords);
    assert_null(hy->synonyms);
    assert_null(hy->messages);
    assert_int_equal(hy->n_entries, 1);
    corpus_free(c);
    /* "# replace" must be the whole first line */
    put("de/stopwords.txt", "# replaced by hand\nheute\n");
    c = NULL;
    if (corpus_load(scratch, &c, err, sizeof err) != 0)
        fail_msg("corpus_load: %s", err);
    assert_non_null(strstr(c->langs[0].stopwords, lang_pack_file("de", "stopwords.txt")));
    corpus_free(c);
}

static void test_load_errors(void **state)
{
    (void)state;
    corpus *c = (corpus *)1;
    assert_int_equal(corpus_load("/nonexistent-faqbot-corpus", &c, err, sizeof err), -1);
    assert_null(c);
    assert_string_equal(err, "/nonexistent-faqbot-corpus: no such folder");
    assert_int_equal(corpus_load("/dev/null", &c, err, sizeof err), -1);
    assert_string_equal(err, "/dev/null: not a folder (a corpus is the folder of the language folders, as es/, en/)");

    load_fails("/: no language folder", NULL);
    put("README.md", "# only a readme\n");
    load_fails("/: no language folder", NULL);
    put("es/faq.md", "## ¿Uno? {#a}\n\nUno.\n");
    load_ok(1);

    /* language folders: a lowercase code of 2 or 3 letters that libstemmer knows */
    static const char *bad_lang[] = {"xx", "ES", "espa", "e", "e1", "ee", "english"};
    for (size_t i = 0; i < sizeof bad_lang / sizeof *bad_lang; i++) {
        char rel[64], want[64];
        snprintf(rel, sizeof rel, "%s/faq.md", bad_lang[i]);
        put(rel, "## Q\nA.\n");
        snprintf(want, sizeof want, "/%s/: unknown language folder \"%s\"", bad_lang[i], bad_lang[i]);
        load_fails(want, NULL);
        rm_scratch();
        mkdir(scratch, 0700);
        put("es/faq.md", "## ¿Uno? {#a}\n\nUno.\n");
    }
    /* another name of a language libstemmer stems: its usual code told,
     * for the packs and language identification go by that one */
    static const char *other[][2] = {
        {"spa", "Spanish's code here is \"es\""}, {"nb", "Norwegian's code here is \"no\""},
        {"pt-br", "Portuguese's code here is \"pt\""}, {"ES", "Spanish's code here is \"es\""},
        {"english", "English's code here is \"en\""}};
    for (size_t i = 0; i < sizeof other / sizeof *other; i++) {
        char rel[64], want[128];
        snprintf(rel, sizeof rel, "%s/faq.md", other[i][0]);
        put(rel, "## Q\nA.\n");
        snprintf(want, sizeof want, "/%s/: unknown language folder \"%s\" (%s)", other[i][0],
                 other[i][0], other[i][1]);
        load_fails(want, NULL);
        rm_scratch();
        mkdir(scratch, 0700);
        put("es/faq.md", "## ¿Uno? {#a}\n\nUno.\n");
    }
    put("no/faq.md", "## Q\nA.\n");
    load_ok(2);

    /* duplicate ids across the files of one language, small talk included;
     * the same id in two languages is fine */
    put("en/faq.md", "## Q {#a}\nA.\n");
    load_ok(3);
    put("es/smalltalk.md", "# Charla\n\n## hola {#a}\n\n¡Hola!\n");
    load_fails("es/smalltalk.md:3: duplicate id \"a\" (first at ", "es/faq.md:1)");
    put("es/smalltalk.md", "## hola {#faq-2}\n\n¡Hola!\n");
    put("es/faq.md", "## ¿Uno? {#a}\n\nUno.\n\n## ¿Dos?\nDos.\n");   /* default id faq-2 */
    load_fails("es/smalltalk.md:1: duplicate id \"faq-2\" (first at ", "es/faq.md:5)");
    put("es/smalltalk.md", "## hola {#hola}\n\n¡Hola!\n");
    put("es/z.txt", "intro\n¿Q?\nA.\n¿R?\nB.\n");
    put("es/z.md", "## uno {#z-2}\nA.\n");
    load_fails("es/z.txt:4: duplicate id \"z-2\" (first at ", "es/z.md:1)");
    put("es/z.md", "## uno {#u}\nA.\n## dos {#u}\nB.\n");     /* within one file */
    load_fails("es/z.md:3: duplicate id \"u\" (first at ", "es/z.md:1)");
    del("es/z.md");
    load_ok(3);

    /* the first error of a file names it and its line */
    put("es/b.md", "## ¿B?\n\nB \xFF.\n");
    load_fails("es/b.md:3: invalid UTF-8", NULL);
    put("es/b.md", "## ¿B?\n\n## ¿C?\nC.\n");
    load_fails("es/b.md:1: the question \"¿B?\" has no answer", NULL);
    put("es/b.md", "## ¿B? {#b b}\nB.\n");
    load_fails("es/b.md:1: bad id", NULL);
    put("es/b.md", "## {#b}\nB.\n");
    load_fails("es/b.md:1: a heading with no question", NULL);
    put("es/b.md", "## ¿B?\nB.\n");
    put("es/z.txt", "¿Q?\n\n");
    load_fails("es/z.txt:1: the question \"¿Q?\" has no answer", NULL);
    put("es/z.txt", "# question-pattern: (\n");
    load_fails("es/z.txt:1: bad question pattern", NULL);
    put("es/z.txt", "¿Q?\nA.\n");
    put("es/stopwords.txt", "de\nla\n\xC3\n");
    load_fails("es/stopwords.txt:3: invalid UTF-8", NULL);
    put("es/stopwords.txt", "\xEF\xBB\xBF" "de\n");   /* the BOM is dropped */
    put("es/synonyms.txt", "a, b\n");
    /* the bot's texts: a line without "=", a misspelt key */
    put("es/messages.txt", "# replace\n\ndecline = No.\npage_welcome Hola\n");
    load_fails("es/messages.txt:4: expected \"key = value\"", NULL);
    put("es/messages.txt", "\xEF\xBB\xBF" "decline = No.\n  # a comment\npage_welcom = Hola\n");
    load_fails("es/messages.txt:3: unknown message key \"page_welcom\"", NULL);
    put("es/messages.txt", "k = v\n");
    load_fails("es/messages.txt:1: unknown message key \"k\"", NULL);
    put("es/messages.txt", "decline = v\n");
    put("es/README.md", "## not an entry\n");
    put("es/notes.html", "\xFF");
    put("es/.draft.md", "\xFF");
    put(".git/config", "\xFF");
    put("notes.txt", "\xFF");
    if (corpus_load(scratch, &c, err, sizeof err) != 0)
        fail_msg("corpus_load: %s", err);
    assert_string_equal(c->langs[1].code, "es");
    /* each file before its pack's */
    assert_int_equal(strncmp(c->langs[1].stopwords, "de\n#", 4), 0);
    assert_int_equal(strncmp(c->langs[1].synonyms, "a, b\n#", 6), 0);
    assert_int_equal(strncmp(c->langs[1].messages, "decline = v\n#", 13), 0);
    assert_string_equal(c->langs[1].entries[0].file + strlen(scratch), "/es/b.md");
    corpus_free(c);

    /* unreadable files: a dangling link, a folder named like a document,
     * a file over FAQ_MAX_FILE_BYTES (sparse: no disk is used) */
    char path[512], target[512];
    snprintf(path, sizeof path, "%s/es/dangling.md", scratch);
    snprintf(target, sizeof target, "%s/es/missing.md", scratch);
    assert_int_equal(symlink(target, path), 0);
    load_fails("es/dangling.md:1: cannot read", NULL);
    remove(path);
    snprintf(path, sizeof path, "%s/es/folder.md", scratch);
    assert_int_equal(mkdir(path, 0755), 0);
    load_fails("es/folder.md:1: cannot read", NULL);
    remove(path);
    snprintf(path, sizeof path, "%s/es/huge.txt", scratch);
    put("es/huge.txt", "");
    assert_int_equal(truncate(path, (off_t)FAQ_MAX_FILE_BYTES + 1), 0);
    load_fails("es/huge.txt:1: file too large", "more than 64 MiB): split it into several documents");
    assert_int_equal(truncate(path, 0), 0);
    load_ok(3);   /* an empty document is no entries, not an error */
    /* a language folder that is a link to one elsewhere is read too; a
     * file where a language would be is not a language */
    snprintf(path, sizeof path, "%s/pt", scratch);
    snprintf(target, sizeof target, "%s/en", scratch);
    assert_int_equal(symlink(target, path), 0);
    put("fr", "not a folder\n");
    load_ok(4);
}

/* With a report, a language's own texts (read before its documents) are
 * one more problem each, told in their turn: the reading goes on through
 * the documents and the other folders, and fails at the end. */
static void test_report_lang_texts(void **state)
{
    (void)state;
    put("es/a.md", "## ¿A? {#a}\n\nA.\n");
    put("es/messages.txt", "decline = No.\npage_welcom = Hola\nsin igual\n");
    put("es/synonyms.txt", "a, b\n\xFF\n");
    put("es/z.md", "## ¿Z? {#a}\n\nZ.\n");
    put("fr/faq.md", "##Quoi ?\n\nRien.\n");
    corpus *c = (corpus *)1;
    corpus_report rep = {0};
    rep.lenient = 1;   /* these are errors, not malformed lines */
    assert_int_equal(corpus_load_report(scratch, &rep, &c, err, sizeof err), -1);
    assert_null(c);
    assert_err("4 errors in the corpus");
    static const struct { const char *file; unsigned line; int warning; const char *what; } want[] = {
        {"/es/messages.txt", 2, 0, "unknown message key \"page_welcom\""},
        {"/es/messages.txt", 3, 0, "expected \"key = value\""},
        {"/es/synonyms.txt", 2, 0, "invalid UTF-8"},
        {"/es/z.md", 1, 0, "duplicate id \"a\""},
        {"/fr/faq.md", 1, 1, "malformed heading"},
    };
    assert_int_equal(rep.n, 5);
    assert_int_equal(rep.n_errors, 4);
    assert_int_equal(rep.n_warnings, 1);
    for (size_t i = 0; i < rep.n; i++) {
        assert_string_equal(rep.items[i].file + strlen(scratch), want[i].file);
        assert_int_equal(rep.items[i].line, want[i].line);
        assert_int_equal(rep.items[i].warning, want[i].warning);
        assert_non_null(strstr(rep.items[i].what, want[i].what));
    }
    corpus_report_free(&rep);
    /* without a report, the first ends the reading, as always */
    load_fails("es/messages.txt:2: unknown message key \"page_welcom\"", NULL);
    /* a language text that cannot be read ends any reading, in its turn */
    del("es/messages.txt");
    char path[512];
    snprintf(path, sizeof path, "%s/es/messages.txt", scratch);
    assert_int_equal(mkdir(path, 0755), 0);
    put("es/b.md", "## ¿B? {#b\n\nB.\n");
    rep = (corpus_report){0};
    c = (corpus *)1;
    assert_int_equal(corpus_load_report(scratch, &rep, &c, err, sizeof err), -1);
    assert_null(c);
    assert_err("es/messages.txt:1: cannot read");
    assert_int_equal(rep.n, 1);
    assert_string_equal(rep.items[0].file + strlen(scratch), "/es/b.md");
    corpus_report_free(&rep);
    /* mended, it reads clean */
    assert_int_equal(rmdir(path), 0);
    put("es/b.md", "## ¿B? {#b}\n\nB.\n");
    put("es/synonyms.txt", "a, b\n");
    put("es/z.md", "## ¿Z? {#z}\n\nZ.\n");
    put("fr/faq.md", "## Quoi ?\n\nRien.\n");
    load_ok(2);
}

/* The name default ids are made of: the base name less its extension. */
static void test_doc_name(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"es/faq.md", "faq"}, {"faq.txt", "faq"},
                                           {"corpus/es/x.tar.md", "x.tar"}, {"a.b/faq", "faq"},
                                           {"faq", "faq"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n;
        const char *name = corpus_doc_name(cases[i][0], strlen(cases[i][0]), &n);
        assert_int_equal(n, strlen(cases[i][1]));
        assert_memory_equal(name, cases[i][1], n);
    }
}

/* A stream of size bytes read with room made first for expect: all of it,
 * or refused past the limit. */
static int read_stream(size_t size, size_t expect)
{
    char *src = malloc(size);
    assert_non_null(src);
    for (size_t i = 0; i < size; i++)
        src[i] = (char)('a' + i % 26);
    FILE *in = fmemopen(src, size, "rb");
    assert_non_null(in);
    char *text;
    size_t len;
    int rc = corpus_file_read_stream(in, "input", expect, &text, &len, err, sizeof err);
    fclose(in);
    if (rc == 0) {
        assert_int_equal(len, size);
        assert_memory_equal(text, src, size);
        assert_int_equal(text[len], '\0');
        free(text);
    } else {
        assert_null(text);
    }
    free(src);
    return rc;
}

static void test_read_stream(void **state)
{
    (void)state;
    /* a size told right, too small, too large, or a buffer's size exactly */
    static const size_t sizes[][2] = {{1, 1}, {1000, 1000}, {1000, 10}, {10, 1000}, {65536, 65536},
                                      {65537, 65536}, {65535, 65536}, {200000, 1 << 16}};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
        assert_int_equal(read_stream(sizes[i][0], sizes[i][1]), 0);
    /* the limit is the corpus files' own, whatever size the buffer doubled to */
    assert_int_equal(read_stream(FAQ_MAX_FILE_BYTES, 1 << 16), 0);
    assert_int_equal(read_stream(FAQ_MAX_FILE_BYTES + 1, 1 << 16), -1);
    assert_non_null(strstr(err, "input:1: file too large"));
    assert_int_equal(read_stream(FAQ_MAX_FILE_BYTES + 1, FAQ_MAX_FILE_BYTES + 1), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stemmer_name),
        cmocka_unit_test(test_doc_name),
        cmocka_unit_test(test_read_stream),
        cmocka_unit_test_setup(test_load_fixture, clear_err),
        cmocka_unit_test_setup_teardown(test_load_errors, scratch_up, scratch_down),
        cmocka_unit_test_setup_teardown(test_load_pack_rules, scratch_up, scratch_down),
        cmocka_unit_test_setup_teardown(test_report_lang_texts, scratch_up, scratch_down),
    };
    return cmocka_run_group_tests_name("corpus", tests, NULL, NULL);
}
