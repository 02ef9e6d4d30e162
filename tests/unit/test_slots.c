/* test_slots.c: slot expansion, one behaviour per test, on the fixture FAQ:
 * a word finds its synonyms, a misspelt word its correction, a word of
 * another language of the FAQ the entries that say it; each with its
 * switch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "search_fixture.h"

static void test_synonym_finds_the_entry(void **state)
{
    (void)state;
    assert_true(fx_gain("¿cuándo termina la iniciativa?", "fin", "use_synonyms=0") > 0.2);
}

static void test_synonym_weight(void **state)
{
    (void)state;
    faq_answer a, b;
    const char *q = "¿cuándo termina la iniciativa?";
    fx_ask(q, NULL, &a);
    fx_ask(q, FX_SETS("w_synonym=0.4"), &b);
    assert_true(b.best.score < a.best.score);
}

static void test_typo_corrected(void **state)
{
    (void)state;
    faq_answer a;
    assert_string_equal(fx_ask("¿cuándo conclye la iniciativa?", NULL, &a), "fin");
    assert_non_null(a.corrected);
    assert_string_equal(a.corrected, "¿cuándo concluye la iniciativa?");
    fx_ask("¿cuándo conclye la iniciativa?", FX_SETS("use_typos=0"), &a);
    assert_null(a.corrected);
}

/* "countries" is no Spanish word of the FAQ but an English one: it finds
 * the entries that say it, in whichever language. */
static void test_foreign_word(void **state)
{
    (void)state;
    const char *q = "¿qué countries participan en la iniciativa?";
    assert_true(fx_gain(q, "paises", "use_foreign=0") > 0.1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_synonym_finds_the_entry),
        cmocka_unit_test(test_synonym_weight),
        cmocka_unit_test(test_typo_corrected),
        cmocka_unit_test(test_foreign_word),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
