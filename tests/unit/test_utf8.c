/* test_utf8.c: text cut to a byte budget keeps whole characters (ASCII,
 * two-, three- and four-byte characters at the cut, no budget, a budget
 * past the end, bytes that are no UTF-8), and a text cut blind loses a
 * last character whose bytes are not all there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "utf8.h"

static size_t cut(const char *s, size_t max)
{
    return utf8_cut(s, strlen(s), max);
}

static void test_cut_ascii_anywhere(void **state)
{
    (void)state;
    assert_int_equal(cut("opening hours", 4), 4);
    assert_int_equal(cut("opening hours", 13), 13);
}

static void test_cut_never_splits_a_character(void **state)
{
    (void)state;
    /* "aé": é is two bytes at 1-2 */
    assert_int_equal(cut("a\xC3\xA9z", 2), 1);
    assert_int_equal(cut("a\xC3\xA9z", 3), 3);
    /* "a€": € is three bytes at 1-3 */
    assert_int_equal(cut("a\xE2\x82\xACz", 2), 1);
    assert_int_equal(cut("a\xE2\x82\xACz", 3), 1);
    assert_int_equal(cut("a\xE2\x82\xACz", 4), 4);
    /* "a😀": four bytes at 1-4 */
    for (size_t max = 1; max < 5; max++)
        assert_int_equal(cut("a\xF0\x9F\x98\x80z", max), 1);
    assert_int_equal(cut("a\xF0\x9F\x98\x80z", 5), 5);
}

static void test_cut_edges(void **state)
{
    (void)state;
    assert_int_equal(cut("\xC3\xA9t\xC3\xA9", 0), 0);
    assert_int_equal(cut("", 0), 0);
    assert_int_equal(cut("\xC3\xA9t\xC3\xA9", 5), 5);     /* the whole text */
    assert_int_equal(cut("\xC3\xA9t\xC3\xA9", 100), 5);
    /* the cut looks at the byte after it only: a character cut short at
     * the end of the text is kept when the budget takes all of it */
    assert_int_equal(utf8_cut("a\xC3\xA9", 2, 2), 2);
}

static void test_cut_invalid_bytes(void **state)
{
    (void)state;
    /* continuation bytes with no lead: stepped back over, to the start */
    assert_int_equal(cut("\x80\x80\x80", 2), 0);
    /* any byte but a continuation byte may end the cut (a Latin-1 é here) */
    assert_int_equal(cut("caf\xE9 ok", 4), 4);
    assert_int_equal(cut("\xFF\xFE" "ab", 1), 1);
}

static void test_whole_drops_a_cut_last_character(void **state)
{
    (void)state;
    assert_int_equal(utf8_whole("abc", 3), 3);
    assert_int_equal(utf8_whole("", 0), 0);
    assert_int_equal(utf8_whole("a\xC3\xA9", 3), 3);
    assert_int_equal(utf8_whole("a\xC3", 2), 1);
    assert_int_equal(utf8_whole("a\xE2\x82", 3), 1);
    assert_int_equal(utf8_whole("a\xF0\x9F\x98", 4), 1);
    assert_int_equal(utf8_whole("a\xF0\x9F\x98\x80", 5), 5);
}

static void test_last_start_and_lead_len(void **state)
{
    (void)state;
    assert_int_equal(utf8_last_start("", 0), 0);
    assert_int_equal(utf8_last_start("ab", 2), 1);
    assert_int_equal(utf8_last_start("a\xE2\x82\xAC", 4), 1);
    assert_int_equal(utf8_last_start("\x80\x80", 2), 0);
    assert_int_equal(utf8_lead_len('a'), 1);
    assert_int_equal(utf8_lead_len(0x80), 1);
    assert_int_equal(utf8_lead_len(0xC3), 2);
    assert_int_equal(utf8_lead_len(0xE2), 3);
    assert_int_equal(utf8_lead_len(0xF0), 4);
    assert_true(utf8_continues(0xA9));
    assert_false(utf8_continues(0xC3));
    assert_false(utf8_continues('a'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cut_ascii_anywhere),
        cmocka_unit_test(test_cut_never_splits_a_character),
        cmocka_unit_test(test_cut_edges),
        cmocka_unit_test(test_cut_invalid_bytes),
        cmocka_unit_test(test_whole_drops_a_cut_last_character),
        cmocka_unit_test(test_last_start_and_lead_len),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
