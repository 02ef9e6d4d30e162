/* test_utf8.c: text cut to a byte budget keeps whole characters (ASCII,
 * two-, three- and four-byte characters at the cut, no budget, a budget
 * past the end, bytes that are no UTF-8), and a text cut blind loses a
 * last character whose bytes are not all there; and the check of a
 * whole text agrees with utf8proc (no NUL allowed) wherever in a run of
 * ASCII a flaw or a wide character stands, eight bytes at a time or not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <utf8proc.h>

#include "limits.h"
#include "search.h"
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

/* utf8proc's verdict, a NUL refused */
static int valid_by_utf8proc(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0 || cp == 0)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

static void test_valid_wherever_the_flaw_stands(void **state)
{
    (void)state;
    static const char *const odd[] = {
        "\0", "\x80", "\xC3\xA9", "\xC3", "\xE2\x82\xAC", "\xE2\x82", "\xF0\x9F\x98\x80",
        "\xF0\x9F\x98", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "\x7F",
    };
    static const size_t odd_len[] = {1, 1, 2, 1, 3, 2, 4, 3, 2, 3, 4, 1, 1};
    char text[64];
    for (size_t o = 0; o < sizeof odd / sizeof *odd; o++)
        for (size_t len = 0; len <= 24; len++)
            for (size_t at = 0; at <= len; at++) {
                memset(text, 'a', len);
                memcpy(text + at, odd[o], odd_len[o]);
                size_t n = len + odd_len[o];
                memset(text + at + odd_len[o], 'b', len - at);
                assert_int_equal(utf8_valid(text, n), valid_by_utf8proc(text, n));
                /* and the text cut anywhere */
                for (size_t k = 0; k <= n; k++)
                    assert_int_equal(utf8_valid(text, k), valid_by_utf8proc(text, k));
            }
}

/* A question of nothing to read: spaces of every kind, a tab, a newline,
 * a zero-width space, a byte order mark; one letter or mark makes text. */
static void test_blank(void **state)
{
    (void)state;
    static const char *const blank[] = {"", " ", "  \t\r\n ", "\xc2\xa0", "\xe3\x80\x80",
                                        "\xe2\x80\x8b", "\xef\xbb\xbf ", "\xe2\x80\xa8"};
    static const char *const text[] = {"?", " a ", "\xc2\xa0\xc3\xa9", "1", "\xe3\x80\x80\xe3\x81\x82", "\xcc\x81"};
    for (size_t i = 0; i < sizeof blank / sizeof *blank; i++)
        assert_true(utf8_blank(blank[i], strlen(blank[i])));
    for (size_t i = 0; i < sizeof text / sizeof *text; i++)
        assert_false(utf8_blank(text[i], strlen(text[i])));
}

/* The first letter put in the other case, whatever its script, the rest
 * as it was; 0 for no such letter and for no room. */
static void test_first_case(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int upper;
        const char *out;
    } cases[] = {
        {"Casa", 0, "casa"},   {"Цена", 0, "цена"}, {"Ángel", 0, "ángel"}, {"Øl", 0, "øl"},
        {"İglesia", 0, "iglesia"}, {"platte", 1, "Platte"}, {"über", 1, "Über"},
        {"цена", 1, "Цена"},
    };
    char out[16];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = utf8_first_case(cases[i].in, strlen(cases[i].in), cases[i].upper, out, sizeof out);
        assert_int_equal(n, strlen(cases[i].out));
        assert_string_equal(out, cases[i].out);
    }
    assert_int_equal(utf8_first_case("casa", 4, 0, out, sizeof out), 0);     /* lower already */
    assert_int_equal(utf8_first_case("2024", 4, 1, out, sizeof out), 0);     /* no letter */
    assert_int_equal(utf8_first_case("Casa", 4, 0, out, 4), 0);              /* no room for the NUL */
    assert_int_equal(utf8_first_case("", 0, 0, out, sizeof out), 0);
}

/* A question's length in code points, which every front end caps: a
 * short one is not counted, a long one is, at either side of the cap in
 * ASCII, in two-byte letters and in bytes that are no UTF-8. */
static void test_question_too_long(void **state)
{
    (void)state;
    static char q[2 * FAQ_MAX_QUESTION_CHARS + 2];
    memset(q, 'a', sizeof q);
    assert_false(faq_question_too_long(q, FAQ_MAX_QUESTION_CHARS));
    assert_true(faq_question_too_long(q, FAQ_MAX_QUESTION_CHARS + 1));
    for (size_t i = 0; i + 1 < sizeof q; i += 2)
        memcpy(q + i, "\xC3\xA9", 2);   /* é: 2 bytes, 1 code point */
    assert_false(faq_question_too_long(q, FAQ_MAX_QUESTION_CHARS + 200));
    assert_false(faq_question_too_long(q, 2 * FAQ_MAX_QUESTION_CHARS));
    assert_true(faq_question_too_long(q, 2 * FAQ_MAX_QUESTION_CHARS + 2));
    memset(q, 0xFF, sizeof q);
    assert_false(faq_question_too_long(q, FAQ_MAX_QUESTION_CHARS));
    assert_true(faq_question_too_long(q, FAQ_MAX_QUESTION_CHARS + 1));
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
        cmocka_unit_test(test_valid_wherever_the_flaw_stands),
        cmocka_unit_test(test_blank),
        cmocka_unit_test(test_first_case),
        cmocka_unit_test(test_question_too_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
