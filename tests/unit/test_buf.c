/* test_buf.c: the growable buffer: appends, the NUL kept after the text,
 * lists of NUL-ended strings, the hard maximum (a failed append frees the
 * buffer and says so), reset and take. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static void test_appends_grow_and_stay_terminated(void **state)
{
    (void)state;
    buf b = BUF_INIT(1 << 20);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(buf_add(&b, "abc", 3), BUF_OK);
    assert_int_equal(b.len, 3000);
    assert_int_equal(b.s[3000], '\0');
    assert_int_equal(strncmp(b.s + 2997, "abc", 3), 0);
    buf_free(&b);
    assert_null(b.s);
}

static void test_printf_and_str0(void **state)
{
    (void)state;
    buf b = BUF_INIT(100);
    assert_int_equal(buf_printf(&b, "%d-%s", 42, "x"), BUF_OK);
    assert_int_equal(buf_add_str0(&b, "yz", 2), BUF_OK);
    assert_int_equal(b.len, 7);
    assert_memory_equal(b.s, "42-xyz\0", 8);
    buf_free(&b);
}

static void test_maximum_frees_and_says_too_large(void **state)
{
    (void)state;
    buf b = BUF_INIT(8);
    assert_int_equal(buf_add(&b, "12345678", 8), BUF_OK);
    assert_int_equal(buf_add(&b, "9", 1), BUF_TOO_LARGE);
    assert_null(b.s);
    assert_int_equal(b.len, 0);
    assert_int_equal(buf_add(&b, "ok", 2), BUF_OK);   /* usable again */
    assert_string_equal(b.s, "ok");
    assert_int_equal(buf_add(&b, "x", SIZE_MAX), BUF_TOO_LARGE);
    buf_free(&b);
}

static void test_reset_and_take(void **state)
{
    (void)state;
    buf b = BUF_INIT(100);
    assert_int_equal(buf_add(&b, "abc", 3), BUF_OK);
    buf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.s, "");
    assert_int_equal(buf_add(&b, "de", 2), BUF_OK);
    char *s = buf_take(&b);
    assert_string_equal(s, "de");
    assert_null(b.s);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appends_grow_and_stay_terminated),
        cmocka_unit_test(test_printf_and_str0),
        cmocka_unit_test(test_maximum_frees_and_says_too_large),
        cmocka_unit_test(test_reset_and_take),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
