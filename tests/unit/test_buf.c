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

/* grow(): doubles from the first capacity until need fits, keeps what the
 * array held, refuses a size past SIZE_MAX leaving the array as it was. */
static void test_grow(void **state)
{
    (void)state;
    assert_int_equal(grow_cap(0, 1, 1024, 4), 1024);
    assert_int_equal(grow_cap(1024, 1025, 1024, 4), 2048);
    assert_int_equal(grow_cap(1024, 5000, 16, 4), 8192);
    assert_int_equal(grow_cap(64, 64, 16, 4), 64);
    assert_int_equal(grow_cap(0, 1, 0, 4), 0);
    assert_int_equal(grow_cap(SIZE_MAX / 2 + 1, SIZE_MAX, 1, 1), 0);
    assert_int_equal(grow_cap(1, 2, 1, SIZE_MAX / 2), 2);          /* SIZE_MAX - 1 bytes */
    assert_int_equal(grow_cap(1, 2, 1, SIZE_MAX / 2 + 1), 0);
    uint32_t *a = NULL;
    size_t cap = 0;
    for (uint32_t i = 0; i < 5000; i++) {
        assert_int_equal(grow(&a, &cap, (size_t)i + 1, sizeof *a, 1024), 0);
        a[i] = i * 7;
    }
    assert_int_equal(cap, 8192);
    for (uint32_t i = 0; i < 5000; i++)
        assert_int_equal(a[i], i * 7);
    uint32_t *before = a;
    assert_int_equal(grow(&a, &cap, 100, sizeof *a, 1024), 0);   /* enough already */
    assert_ptr_equal(a, before);
    assert_int_equal(grow(&a, &cap, SIZE_MAX / 2, sizeof *a, 1024), -1);
    assert_ptr_equal(a, before);
    assert_int_equal(cap, 8192);
    free(a);
}

/* A string array grown one copy at a time: each a NUL-ended copy of its
 * bytes, the text after them untouched. */
static void test_strv_add(void **state)
{
    (void)state;
    char **v = NULL;
    size_t n = 0;
    const char *text = "first,second";
    assert_int_equal(strv_add(&v, &n, text, 5), 0);
    assert_int_equal(strv_add(&v, &n, text + 6, 6), 0);
    assert_int_equal(strv_add(&v, &n, text, 0), 0);
    assert_int_equal(n, 3);
    assert_string_equal(v[0], "first");
    assert_string_equal(v[1], "second");
    assert_string_equal(v[2], "");
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appends_grow_and_stay_terminated),
        cmocka_unit_test(test_printf_and_str0),
        cmocka_unit_test(test_maximum_frees_and_says_too_large),
        cmocka_unit_test(test_reset_and_take),
        cmocka_unit_test(test_grow),
        cmocka_unit_test(test_strv_add),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
