/* test_resources.c: the core looks where the front end says (resources.h),
 * not where the environment says: a folder set is the one used, "" none,
 * NULL the system's; the build time set is the one an index records, and
 * the environment changed unread changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "resources.h"
#include "thesaurus.h"

static void test_folders(void **state)
{
    (void)state;
    faq_resources r = {"/h", "", NULL, 0, 0};
    resources_set(&r);
    assert_string_equal(resources_hunspell_dir(), "/h");
    assert_string_equal(resources_mythes_dir(), "");
    assert_string_equal(resources_dictd_dir(), RESOURCES_DICTD_DIR);
    char path[400];
    assert_int_equal(thesaurus_file("da", NULL, path, sizeof path), -1);   /* "": none */
    resources_set(NULL);
    assert_string_equal(resources_hunspell_dir(), RESOURCES_HUNSPELL_DIR);
    assert_string_equal(resources_mythes_dir(), RESOURCES_MYTHES_DIR);
}

static void test_environment_read_by_the_front_end_only(void **state)
{
    (void)state;
    setenv("FAQBOT_MYTHES_DIR", "/from/env", 1);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    resources_set(NULL);
    assert_string_equal(resources_mythes_dir(), RESOURCES_MYTHES_DIR);
    assert_true(resources_build_time() >= (uint64_t)time(NULL) - 5);
    cli_read_environment();
    assert_string_equal(resources_mythes_dir(), "/from/env");
    assert_int_equal(resources_build_time(), 1700000000);
    setenv("SOURCE_DATE_EPOCH", "", 1);   /* empty: the time of the build */
    cli_read_environment();
    assert_true(resources_build_time() >= (uint64_t)time(NULL) - 5);
    unsetenv("FAQBOT_MYTHES_DIR");
    unsetenv("SOURCE_DATE_EPOCH");
    cli_read_environment();
    assert_string_equal(resources_mythes_dir(), RESOURCES_MYTHES_DIR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_folders),
        cmocka_unit_test(test_environment_read_by_the_front_end_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
