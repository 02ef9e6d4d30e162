/* test_oom.c: allocation-failure injection. The test binary is linked with
 * the allocator wrapped (--wrap=malloc,calloc,realloc,strdup: see the
 * Makefile), so that the Nth allocation of the core can be made to fail.
 * For every N, from the first allocation until a run needs no failure,
 * each stage (loading a corpus, writing its index, opening it, making a
 * searcher, asking) must fail cleanly: an error returned with a message
 * where the API has one, no crash, nothing leaked (make asan), and, once
 * memory is back, the same results as if nothing had happened. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "corpus.h"
#include "corpus_load.h"
#include "index_live.h"
#include "index_read.h"
#include "index_write.h"
#include "search.h"
#include "thesaurus.h"

/* ---- the failing allocator ---- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

static long countdown;          /* the allocation to fail, counting down; 0: none */
static int injected;            /* a failure was injected since arm() */

static int fail_now(void)
{
    if (countdown > 0 && --countdown == 0) {
        injected = 1;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t n) { return fail_now() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t m) { return fail_now() ? NULL : __real_calloc(n, m); }
void *__wrap_realloc(void *p, size_t n) { return fail_now() ? NULL : __real_realloc(p, n); }
char *__wrap_strdup(const char *s) { return fail_now() ? NULL : __real_strdup(s); }

static void arm(long n)
{
    countdown = n;
    injected = 0;
}

static void disarm(void) { countdown = 0; }

/* ---- a small corpus: two languages, synonyms with a phrase, small talk ---- */

static char dir[256], idx_path[300];

/* rel under dir ("es/faq.md"), or beside it ("-dict/x": dir + rel) */
static void put(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s%s", dir, rel[0] == '-' ? "" : "/", rel);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/faqbot-oom-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char sub[300];
    snprintf(sub, sizeof sub, "%s/es", dir);
    mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/en", dir);
    mkdir(sub, 0700);
    put("es/faq.md", "# FAQ\n\n## ¿Qué países participan en la iniciativa? {#paises}\n"
                     "? ¿Quiénes forman parte?\n\nEtiopía, Ghana, Marruecos, Nepal, Portugal y "
                     "Canadá.\n\n## ¿Cuándo termina la iniciativa? {#fin}\n\nNo tiene fecha de "
                     "conclusión.\n");
    put("es/synonyms.txt", "participar, formar parte, sumarse\nterminar, concluir\n");
    put("es/smalltalk.md", "## hola {#hello}\n? buenos días\n\n¡Hola!\n\n## gracias {#thanks}\n\n"
                           "De nada.\n");
    put("en/faq.md", "# FAQ\n\n## Which countries take part in the initiative? {#paises}\n\n"
                     "Ethiopia, Ghana, Morocco, Nepal, Portugal and Canada.\n");
    /* a small French-Spanish dictionary: French comes in as a language one
     * may ask in, with its translation table */
    snprintf(sub, sizeof sub, "%s-dict", dir);
    mkdir(sub, 0700);
    put("-dict/freedict-fra-spa.dict", "pays /pei/\n1. país\n2. nación\nfin /fɛ̃/\nfin, término\n");
    put("-dict/freedict-fra-spa.index", "fin\tf\ta\npays\tA\tf\n");
    setenv("FAQBOT_DICTD_DIR", sub, 1);
    cli_read_environment();
    snprintf(idx_path, sizeof idx_path, "%s/faq.idx", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s-dict'", dir, dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---- each stage, for every N ---- */

static void test_corpus_load(void **state)
{
    (void)state;
    long n;
    for (n = 1;; n++) {
        corpus *c = (corpus *)1;
        char err[512] = "";
        arm(n);
        int rc = corpus_load(dir, &c, err, sizeof err);
        disarm();
        if (!injected) {
            assert_int_equal(rc, 0);
            corpus_free(c);
            break;
        }
        if (rc == 0)
            fail_msg("allocation %ld failed, corpus_load() succeeded", n);
        assert_null(c);
        assert_true(err[0] != '\0');
    }
    print_message("corpus_load: %ld allocations, each failing cleanly\n", n - 1);
}

static void test_index_write(void **state)
{
    (void)state;
    corpus *c;
    char err[512] = "";
    assert_int_equal(corpus_load(dir, &c, err, sizeof err), 0);
    long n;
    for (n = 1;; n++) {
        index_stats st;
        err[0] = '\0';
        arm(n);
        int rc = index_write(c, idx_path, &st, err, sizeof err);
        disarm();
        if (!injected) {
            assert_int_equal(rc, 0);
            break;
        }
        if (rc == 0)
            fail_msg("allocation %ld failed, index_write() succeeded", n);
        assert_true(err[0] != '\0');
        assert_int_equal(access(idx_path, F_OK), -1);    /* nothing half-written */
    }
    corpus_free(c);
    print_message("index_write: %ld allocations, each failing cleanly\n", n - 1);
}

static unsigned char *slurp(const char *path, long *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    rewind(f);
    unsigned char *p = __real_malloc((size_t)*size + 1);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, (size_t)*size, f), (size_t)*size);
    fclose(f);
    return p;
}

/* The build that reads the folder as it goes: each failure clean, and the
 * file it then writes the same bytes as the build of the corpus in memory. */
static void test_index_write_dir(void **state)
{
    (void)state;
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    cli_read_environment();
    corpus *c;
    char err[512] = "";
    assert_int_equal(corpus_load(dir, &c, err, sizeof err), 0);
    assert_int_equal(index_write(c, idx_path, NULL, err, sizeof err), 0);
    corpus_free(c);
    long want_size, got_size;
    unsigned char *want = slurp(idx_path, &want_size);
    unlink(idx_path);
    long n;
    for (n = 1;; n++) {
        corpus_report rep = {0};
        err[0] = '\0';
        arm(n);
        int rc = index_write_dir(dir, &rep, idx_path, INDEX_MEMORY_DEFAULT, NULL, err, sizeof err);
        disarm();
        corpus_report_free(&rep);
        if (!injected) {
            assert_int_equal(rc, 0);
            break;
        }
        if (rc == 0)
            fail_msg("allocation %ld failed, index_write_dir() succeeded", n);
        assert_true(err[0] != '\0');
        assert_int_equal(access(idx_path, F_OK), -1);    /* nothing half-written */
    }
    unsigned char *got = slurp(idx_path, &got_size);
    assert_int_equal(got_size, want_size);
    assert_memory_equal(got, want, (size_t)want_size);
    free(got);
    free(want);
    unsetenv("SOURCE_DATE_EPOCH");
    cli_read_environment();
    print_message("index_write_dir: %ld allocations, each failing cleanly\n", n - 1);
}

static faq_index *open_ok(void)
{
    faq_index *ix;
    char err[512];
    assert_int_equal(faq_index_open(idx_path, &ix, err, sizeof err), FAQ_INDEX_OK);
    return ix;
}

static void test_index_open(void **state)
{
    (void)state;
    long n;
    for (n = 1;; n++) {
        faq_index *ix = (faq_index *)1;
        char err[512] = "";
        arm(n);
        int rc = faq_index_open(idx_path, &ix, err, sizeof err);
        disarm();
        if (!injected) {
            assert_int_equal(rc, FAQ_INDEX_OK);
            faq_index_close(ix);
            break;
        }
        if (rc == FAQ_INDEX_OK)
            fail_msg("allocation %ld failed, faq_index_open() succeeded", n);
        assert_null(ix);
        assert_true(err[0] != '\0');
    }
    print_message("faq_index_open: %ld allocations, each failing cleanly\n", n - 1);
}

static void test_searcher_new(void **state)
{
    (void)state;
    faq_index *ix = open_ok();
    long n;
    for (n = 1;; n++) {
        arm(n);
        searcher *s = searcher_new(ix);
        disarm();
        if (!injected) {
            assert_non_null(s);
            searcher_free(s);
            break;
        }
        if (s)
            fail_msg("allocation %ld failed, searcher_new() succeeded", n);
    }
    faq_index_close(ix);
    print_message("searcher_new: %ld allocations, each failing cleanly\n", n - 1);
}

static const char *const questions[] = {
    "¿qué países forman parte de la iniciativa?",   /* synonyms, phrase, names */
    "¿cuándo conclye la iniciativa?",               /* a typo */
    "is Ghana taking part in the initiative?",     /* another language, a name */
    "hola",                                         /* small talk */
    "\"fecha de conclusión\" de la iniciativa",     /* a quoted phrase */
};

static void same_answer(const faq_answer *a, const faq_answer *b)
{
    assert_int_equal(a->outcome, b->outcome);
    assert_int_equal(a->best.entry, b->best.entry);
    assert_true(a->best.score == b->best.score);
    assert_true(a->confidence == b->confidence);
    assert_int_equal(a->n_alts, b->n_alts);
    assert_int_equal(a->n_matched, b->n_matched);
    assert_int_equal(!a->corrected, !b->corrected);
    assert_int_equal(!a->explain, !b->explain);
}

static void test_searcher_ask(void **state)
{
    (void)state;
    faq_index *ix = open_ok();
    faq_query_opts o = {0};
    o.threshold = -1;
    o.explain = 1;
    o.highlight = 1;
    long total = 0;
    for (size_t qi = 0; qi < sizeof questions / sizeof *questions; qi++) {
        const char *q = questions[qi];
        searcher *ref = searcher_new(ix);
        assert_non_null(ref);
        faq_answer want;
        assert_int_equal(searcher_ask(ref, q, strlen(q), &o, &want), 0);
        long n;
        for (n = 1;; n++) {
            /* a fresh searcher: what it makes on first use fails too */
            searcher *s = searcher_new(ix);
            assert_non_null(s);
            faq_answer a;
            arm(n);
            int rc = searcher_ask(s, q, strlen(q), &o, &a);
            disarm();
            if (!injected) {
                assert_int_equal(rc, 0);
                same_answer(&a, &want);
                searcher_free(s);
                break;
            }
            if (rc != -1)
                fail_msg("\"%s\": allocation %ld failed, searcher_ask() returned %d", q, n, rc);
            /* memory is back: the searcher answers as if nothing had happened */
            assert_int_equal(searcher_ask(s, q, strlen(q), &o, &a), 0);
            same_answer(&a, &want);
            searcher_free(s);
        }
        total += n - 1;
        searcher_free(ref);
    }
    faq_index_close(ix);
    print_message("searcher_ask: %ld allocations, each failing cleanly\n", total);
}

/* A server's reload to an index of a language whose thesaurus the process
 * has not loaded (Italian): a reload whose index, model or thesaurus runs
 * out of memory is refused with a message, the old index current; the
 * first that does not is taken. */
static void test_live_reload(void **state)
{
    (void)state;
    char err[512] = "", it_dir[280], it_path[400];
    index_live *l = index_live_open(idx_path, err, sizeof err);
    assert_non_null(l);
    index_live_settle(l);   /* no thread allocates while a failure is armed */
    searcher *s = index_live_get(l);
    assert_non_null(s);
    uint32_t old_entries = faq_index_entry_count(searcher_index(s));
    index_live_put(l, s);

    snprintf(it_dir, sizeof it_dir, "%s-it", dir);
    snprintf(it_path, sizeof it_path, "%s/it", it_dir);
    assert_int_equal(mkdir(it_dir, 0700), 0);
    assert_int_equal(mkdir(it_path, 0700), 0);
    snprintf(it_path, sizeof it_path, "%s/it/faq.md", it_dir);
    FILE *f = fopen(it_path, "w");
    assert_non_null(f);
    fputs("# FAQ\n\n## Quando finisce l'iniziativa? {#fine}\n\nNon ha una data di fine.\n\n"
          "## Quali paesi partecipano? {#paesi}\n\nEtiopia, Ghana e Nepal.\n\n"
          "## Dove si trova l'ufficio? {#ufficio}\n\nA Roma.\n", f);
    fclose(f);
    char next[400];
    snprintf(next, sizeof next, "%s/next.idx", it_dir);
    /* written by another process: the build loads the thesaurus too */
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        corpus *c;
        _exit(corpus_load(it_dir, &c, err, sizeof err) != 0 || index_write(c, next, NULL, err, sizeof err) != 0);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char live_path[400];
    snprintf(live_path, sizeof live_path, "%s/live.idx", it_dir);
    assert_int_equal(rename(idx_path, live_path), 0);   /* the old index kept for later stages */
    assert_int_equal(link(live_path, idx_path), 0);
    assert_int_equal(rename(next, idx_path), 0);

    char th[600];
    int thesaurus_there = thesaurus_file("it", NULL, th, sizeof th) == 0;
    long n, unloaded = 0;
    for (n = 1;; n++) {
        err[0] = '\0';
        arm(n);
        int rc = index_live_check(l, 1, err, sizeof err);
        disarm();
        if (!injected) {
            assert_int_equal(rc, 1);
            break;
        }
        if (rc != -1)
            fail_msg("allocation %ld failed, index_live_check() returned %d", n, rc);
        assert_true(err[0] != '\0');
        unloaded += strstr(err, "thesaurus did not load") != NULL;
        /* the old index serves on, ready */
        s = index_live_get(l);
        assert_non_null(s);
        assert_int_equal(faq_index_entry_count(searcher_index(s)), old_entries);
        index_live_put(l, s);
        assert_int_equal(index_live_ready(l), 1);
    }
    if (thesaurus_there)
        assert_true(unloaded > 0);
    s = index_live_get(l);
    assert_non_null(s);
    assert_true(faq_index_entry_count(searcher_index(s)) != old_entries);   /* Italian's */
    index_live_put(l, s);
    assert_int_equal(index_live_ready(l), 1);
    index_live_close(l);
    assert_int_equal(rename(live_path, idx_path), 0);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", it_dir);
    assert_int_equal(system(cmd), 0);
    print_message("index_live_check: %ld allocations, each failing cleanly (%ld in the thesaurus)\n",
                  n - 1, unloaded);
}

int main(void)
{
    /* Without Hunspell's dictionaries: their loading is libhunspell's own
     * allocations, which the wrap does not reach, and each of the
     * thousands of runs below would load them again (minutes under ASan). */
    setenv("FAQBOT_HUNSPELL_DIR", "", 1);
    cli_read_environment();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_load),
        cmocka_unit_test(test_index_write),
        cmocka_unit_test(test_index_write_dir),
        cmocka_unit_test(test_index_open),
        cmocka_unit_test(test_searcher_new),
        cmocka_unit_test(test_searcher_ask),
        cmocka_unit_test(test_live_reload),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
