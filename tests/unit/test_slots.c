/* test_slots.c: slot expansion, one behaviour per test, on the fixture FAQ:
 * a word finds its synonyms, a misspelt word its correction (shown as the
 * FAQ writes it, the same from a searcher's memory as from a new one), a
 * word of another language of the FAQ the entries that say it; each with
 * its switch. */
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
    /* as the FAQ writes the word, without the marks that open and close the question */
    assert_string_equal(a.corrected, "cuándo concluye la iniciativa");
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

/* "Did you mean" shows a corrected word as the FAQ writes it. Where the
 * leader does not write it (it matched the other correction, "carnet", of "carnte"),
 * the first entry that does is found and remembered: asked again with
 * another such leader, a searcher that remembers shows what a new one
 * does. */
static void test_correction_form_remembered(void **state)
{
    (void)state;
    corpus_entry es[5];
    es[0] = fixture_entry("certificado", "¿Qué es un certificado?", "Un documento.", ENTRY_FAQ);
    es[1] = fixture_entry("pedir", "¿Cómo pido el carné de conducir?", "En tráfico.", ENTRY_FAQ);
    es[2] = fixture_entry("precio", "¿Cuánto cuesta el carné?", "Diez euros.", ENTRY_FAQ);
    es[3] = fixture_entry("usar", "¿Dónde uso el carnet joven?", "En los museos.", ENTRY_FAQ);
    es[4] = fixture_entry("renovar", "¿Cuándo renuevo el carnet joven?", "Cada año.", ENTRY_FAQ);
    corpus_lang lang = fixture_lang("es", es, 5,
                                    "el\nde\nen\nun\nlos\nes\n?qué\n?cómo\n?cuánto\n?dónde\n?cuándo\n");
    corpus c = {&lang, 1, NULL};
    char path[128];
    snprintf(path, sizeof path, "/tmp/faqbot-test-forms-%ld.idx", (long)getpid());
    faq_index *ix;
    searcher *s;
    fixture_open(&c, path, &ix, &s);
    faq_query_opts o = {0};
    o.threshold = -1;
    o.lang = "es";
    static const char *qs[] = {"dónde uso el carnte joven", "cuándo renuevo el carnte joven"};
    static const char *want[] = {"dónde uso el carné joven", "cuándo renuevo el carné joven"};
    for (int i = 0; i < 2; i++) {
        faq_answer a, b;
        searcher *fresh = searcher_new(ix);
        assert_non_null(fresh);
        assert_int_equal(searcher_ask(s, qs[i], strlen(qs[i]), &o, &a), 0);
        assert_int_equal(searcher_ask(fresh, qs[i], strlen(qs[i]), &o, &b), 0);
        assert_non_null(a.corrected);
        assert_non_null(b.corrected);
        assert_string_equal(b.corrected, want[i]);
        assert_string_equal(a.corrected, b.corrected);
        searcher_free(fresh);
    }
    fixture_close(ix, s, path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_synonym_finds_the_entry),
        cmocka_unit_test(test_synonym_weight),
        cmocka_unit_test(test_typo_corrected),
        cmocka_unit_test(test_foreign_word),
        cmocka_unit_test(test_correction_form_remembered),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
