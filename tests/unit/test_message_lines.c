/* test_message_lines.c: the one reader of "key = value" texts (messages.txt,
 * settings.txt, languages.txt): comments and blank lines, blanks around key,
 * "=" and value, an "=" inside the value, a line without one, CRLF line
 * ends, a UTF-8 BOM opening the text, a last line without its "\n"; and the
 * value lookup and the messages.txt check reading through it alike. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "message_keys.h"

/* The next line of l is a pair key = value on line number. */
static void next_pair(message_line *l, unsigned number, const char *key, const char *value)
{
    assert_int_equal(message_line_next(l), MESSAGE_LINE_PAIR);
    assert_int_equal(l->number, number);
    assert_int_equal(l->key_len, strlen(key));
    assert_memory_equal(l->key, key, strlen(key));
    assert_int_equal(l->value_len, strlen(value));
    if (*value)
        assert_memory_equal(l->value, value, strlen(value));
}

static void test_lines_of_every_kind(void **state)
{
    (void)state;
    const char *t = "# a comment = not a pair\n"
                    "\n"
                    "   \t\n"
                    "  # an indented comment\n"
                    "lang_name = English\n"
                    "  spaced\t =\t  around  \t\n"
                    "url = https://example.com/?a=b\n"
                    "no equals sign here\n"
                    "Upper = not a key\n"
                    "= no key\n"
                    "empty =\n"
                    "last=unended";
    message_line l;
    message_line_start(&l, t, strlen(t));
    for (unsigned i = 1; i <= 4; i++) {
        assert_int_equal(message_line_next(&l), MESSAGE_LINE_NONE);
        assert_int_equal(l.number, i);
    }
    next_pair(&l, 5, "lang_name", "English");
    next_pair(&l, 6, "spaced", "around");
    next_pair(&l, 7, "url", "https://example.com/?a=b");
    for (unsigned i = 8; i <= 10; i++) {
        assert_int_equal(message_line_next(&l), MESSAGE_LINE_BAD);
        assert_int_equal(l.number, i);
    }
    next_pair(&l, 11, "empty", "");
    next_pair(&l, 12, "last", "unended");
    assert_int_equal(message_line_next(&l), MESSAGE_LINE_END);
    assert_int_equal(message_line_next(&l), MESSAGE_LINE_END);
}

static void test_crlf_and_bom(void **state)
{
    (void)state;
    const char *t = "\xEF\xBB\xBFlang_name = Svenska\r\n\r\n# note\r\nprompt = Fråga: \r\n";
    message_line l;
    message_line_start(&l, t, strlen(t));
    next_pair(&l, 1, "lang_name", "Svenska");
    assert_int_equal(message_line_next(&l), MESSAGE_LINE_NONE);
    assert_int_equal(message_line_next(&l), MESSAGE_LINE_NONE);
    next_pair(&l, 4, "prompt", "Fråga:");
    assert_int_equal(message_line_next(&l), MESSAGE_LINE_END);
    /* a BOM only opens a text: one further on is part of its line */
    const char *later = "a = 1\n\xEF\xBB\xBF" "b = 2\n";
    message_line_start(&l, later, strlen(later));
    next_pair(&l, 1, "a", "1");
    assert_int_equal(message_line_next(&l), MESSAGE_LINE_BAD);
}

static void test_empty_text(void **state)
{
    (void)state;
    message_line l;
    message_line_start(&l, "", 0);
    assert_int_equal(message_line_next(&l), MESSAGE_LINE_END);
    message_line_start(&l, "\xEF\xBB\xBF", 3);
    assert_int_equal(message_line_next(&l), MESSAGE_LINE_END);
}

/* The lookup and the check read what the iterator reads: a text saved with
 * a BOM has its first key found, and is no bad line 1. */
static void test_value_and_check_agree(void **state)
{
    (void)state;
    const char *t = "\xEF\xBB\xBFprompt = Ask =) \r\ndecline = No.\r\n";
    char buf[64];
    assert_string_equal(message_value(t, strlen(t), "prompt", buf, sizeof buf), "Ask =)");
    assert_string_equal(message_value(t, strlen(t), "decline", buf, sizeof buf), "No.");
    assert_null(message_value(t, strlen(t), "clarify", buf, sizeof buf));
    assert_string_equal(message_value(t, strlen(t), "prompt", buf, 4), "Ask");
    char err[160];
    assert_int_equal(message_text_check(t, 0, err, sizeof err), 0);
    const char *twice = "prompt = a\n  # c\nprompt = b\n";
    assert_int_equal(message_text_check(twice, 0, err, sizeof err), 3);
    assert_non_null(strstr(err, "line 1"));
    const char *bad = "prompt = a\nno pair\n";
    assert_int_equal(message_text_check(bad, 0, err, sizeof err), 2);
    assert_int_equal(message_text_check(bad, 2, err, sizeof err), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_of_every_kind),
        cmocka_unit_test(test_crlf_and_bom),
        cmocka_unit_test(test_empty_text),
        cmocka_unit_test(test_value_and_check_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
