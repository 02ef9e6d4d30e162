/* test_asked.c: questions asked twice: case and accents aside, pointing at
 * the earliest place in another entry (an entry may ask its own question
 * again), with the file it was in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "asked.h"

static const asked_place *ask(asked_set *a, const char *q, const char *file, unsigned line, uint32_t entry)
{
    int oom = 0;
    const asked_place *at = asked_before(a, q, strlen(q), file, line, entry, &oom);
    assert_int_equal(oom, 0);
    return at;
}

static void test_case_and_accents_aside(void **state)
{
    (void)state;
    asked_set a = {0};
    assert_null(ask(&a, "¿Cuándo abre?", "es/faq.md", 3, 0));
    assert_null(ask(&a, "¿Dónde está?", "es/faq.md", 7, 1));
    const asked_place *first = ask(&a, "¿cuando ABRE?", "es/mas.md", 2, 2);
    assert_non_null(first);
    assert_int_equal(first->line, 3);
    assert_string_equal(asked_file(&a, first), "es/faq.md");
    first = ask(&a, "¿DONDE ESTÁ?", "es/mas.md", 9, 3);
    assert_non_null(first);
    assert_int_equal(first->line, 7);
    assert_string_equal(asked_file(&a, first), "es/faq.md");
    asked_clear(&a);
    assert_null(a.slots);
}

static void test_own_entry_again_points_at_another(void **state)
{
    (void)state;
    asked_set a = {0};
    /* rows 2 and 3 of one entry: no warning; row 4, another entry: row 2;
     * row 5, the first entry again: row 4, the earliest of another entry */
    assert_null(ask(&a, "opening hours?", NULL, 2, 0));
    assert_null(ask(&a, "Opening hours?", NULL, 3, 0));
    const asked_place *at = ask(&a, "opening HOURS?", NULL, 4, 1);
    assert_non_null(at);
    assert_int_equal(at->line, 2);
    at = ask(&a, "opening hours?", NULL, 5, 0);
    assert_non_null(at);
    assert_int_equal(at->line, 4);
    at = ask(&a, "opening hours?", NULL, 6, 2);
    assert_non_null(at);
    assert_int_equal(at->line, 2);
    asked_clear(&a);
}

static void test_many_questions_grow(void **state)
{
    (void)state;
    asked_set a = {0};
    char q[32];
    for (unsigned i = 0; i < 3000; i++) {
        snprintf(q, sizeof q, "question %u?", i);
        assert_null(ask(&a, q, "en/faq.md", i + 1, i));
    }
    snprintf(q, sizeof q, "QUESTION %u?", 2999u);
    const asked_place *at = ask(&a, q, "en/more.md", 1, 5000);
    assert_non_null(at);
    assert_int_equal(at->line, 3000);
    asked_clear(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_case_and_accents_aside),
        cmocka_unit_test(test_own_entry_again_points_at_another),
        cmocka_unit_test(test_many_questions_grow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
