/* test_file_map.c: a file mapped whole, as the dictionaries and thesauri
 * are read: its bytes and status; an absent file told apart (no reason)
 * from one that cannot be used (a folder, an empty file, one larger than
 * the most asked). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "file_map.h"

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/faqbot-file-map.XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void test_maps_the_whole_file(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/words.idx", dir);
    write_file(path, "UTF-8\n3\ncasa|1\n");
    size_t len = 0;
    struct stat st;
    const char *why = "unset";
    const char *p = file_map(path, 1 << 20, &len, &st, &why);
    assert_non_null(p);
    assert_null(why);
    assert_int_equal(len, 15);
    assert_int_equal(st.st_size, 15);
    assert_memory_equal(p, "UTF-8\n3\ncasa|1\n", 15);
    munmap((void *)p, len);
    /* status not asked for */
    p = file_map(path, 15, &len, NULL, &why);
    assert_non_null(p);
    munmap((void *)p, len);
}

static void test_absent_has_no_reason(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/none.index", dir);
    size_t len = 7;
    const char *why = "unset";
    assert_null(file_map(path, 1 << 20, &len, NULL, &why));
    assert_null(why);
    assert_int_equal(len, 7);
}

static void test_unusable_says_why(void **state)
{
    (void)state;
    size_t len = 0;
    const char *why = NULL;
    assert_null(file_map(dir, 1 << 20, &len, NULL, &why));
    assert_string_equal(why, "not a regular file");
    char path[128];
    snprintf(path, sizeof path, "%s/empty.dict", dir);
    write_file(path, "");
    assert_null(file_map(path, 1 << 20, &len, NULL, &why));
    assert_string_equal(why, "empty");
    snprintf(path, sizeof path, "%s/large.dict", dir);
    write_file(path, "sixteen bytes...");
    assert_null(file_map(path, 15, &len, NULL, &why));
    assert_string_equal(why, "larger than faqbot reads");
    const char *p = file_map(path, 16, &len, NULL, &why);
    assert_non_null(p);   /* the most is allowed */
    munmap((void *)p, len);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_maps_the_whole_file),
        cmocka_unit_test(test_absent_has_no_reason),
        cmocka_unit_test(test_unusable_says_why),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
