/* test_index_live.c: an index swapped in under threads that idle lets the
 * old one go, mapping and all; a thread busy with a request keeps it until
 * it puts its searcher back. Counted in /proc/self/maps: the old file,
 * renamed over, is mapped "(deleted)" for as long as anything holds it. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "index_fixture.h"
#include "index_live.h"

#define IDLERS 3

static char dir[64];
static char idx_path[128];
static pthread_barrier_t asked, done;

/* Writes a two-entry index whose answers carry tag to path. */
static void write_index(const char *path, const char *tag)
{
    char a1[64], a2[64];
    snprintf(a1, sizeof a1, "Open %s at nine.", tag);
    snprintf(a2, sizeof a2, "Parking %s is free.", tag);
    corpus_entry e[2] = {
        fixture_entry("open", "When does the library open?", a1, ENTRY_FAQ),
        fixture_entry("park", "Where can I park my car?", a2, ENTRY_FAQ),
    };
    corpus_lang l = fixture_lang("en", e, 2, "the\nis\na\nmy\ni\n");
    corpus c = {&l, 1, NULL};
    char err[256];
    if (index_write(&c, path, NULL, err, sizeof err) != 0)
        fail_msg("index_write: %s", err);
}

/* Mappings of files under dir that were removed or renamed over. */
static int deleted_maps(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    assert_non_null(f);
    char line[1024];
    int n = 0;
    while (fgets(line, sizeof line, f))
        if (strstr(line, dir) && strstr(line, "(deleted)"))
            n++;
    fclose(f);
    return n;
}

/* A server's thread: one request, then idle until the test ends. */
static void *idler(void *arg)
{
    index_live *l = arg;
    searcher *s = index_live_get(l);
    int ok = s != NULL;
    index_live_put(l, s);
    pthread_barrier_wait(&asked);
    pthread_barrier_wait(&done);
    return ok ? arg : NULL;
}

static void test_swap_lets_idle_threads_go(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s", "/tmp/faqbot-test-live.XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(idx_path, sizeof idx_path, "%s/faq.idx", dir);
    write_index(idx_path, "first");
    char err[256];
    index_live *l = index_live_open(idx_path, err, sizeof err);
    if (!l)
        fail_msg("index_live_open: %s", err);
    pthread_barrier_init(&asked, NULL, IDLERS + 1);
    pthread_barrier_init(&done, NULL, IDLERS + 1);
    pthread_t t[IDLERS];
    for (int i = 0; i < IDLERS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, idler, l), 0);
    pthread_barrier_wait(&asked);

    /* this thread is busy with a request across the swap */
    searcher *busy = index_live_get(l);
    assert_non_null(busy);
    const faq_index *old = searcher_index(busy);
    uint32_t entries = faq_index_entry_count(old);
    assert_int_equal(deleted_maps(), 0);
    /* the first index's dictionaries load in the background, holding it
     * until they are in: without the wait a slow machine counts that
     * hold below, not the threads' */
    index_live_settle(l);
    assert_int_equal(index_live_ready(l), 1);   /* what /readyz tells */

    char next[160];
    snprintf(next, sizeof next, "%s/next.idx", dir);
    write_index(next, "second");
    assert_int_equal(rename(next, idx_path), 0);
    assert_int_equal(index_live_check(l, 1, err, sizeof err), 1);
    /* the new index was made current with its dictionaries loaded: ready
     * from the swap on, with no wait */
    assert_int_equal(index_live_ready(l), 1);
    /* the busy request still reads the old index, so it stays mapped */
    assert_ptr_equal(searcher_index(busy), old);
    assert_int_equal(faq_index_entry_count(old), entries);
    assert_int_equal(index_live_thread_generation(l), 1);
    assert_int_equal(deleted_maps(), 1);
    index_live_put(l, busy);
    /* the idle threads' hold went with the swap; the busy one's at the
     * next look once it is done */
    assert_int_equal(index_live_check(l, 0, err, sizeof err), 0);
    assert_int_equal(deleted_maps(), 0);

    /* and the next request of a thread is on the new index */
    busy = index_live_get(l);
    assert_non_null(busy);
    assert_int_equal(index_live_thread_generation(l), 2);
    index_live_put(l, busy);

    pthread_barrier_wait(&done);
    for (int i = 0; i < IDLERS; i++) {
        void *ok;
        pthread_join(t[i], &ok);
        assert_ptr_equal(ok, l);
    }
    pthread_barrier_destroy(&asked);
    pthread_barrier_destroy(&done);
    index_live_close(l);
    unlink(idx_path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_swap_lets_idle_threads_go),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
