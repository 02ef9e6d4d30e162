/* test_outcome.c: each outcome rule, one behaviour per test, on the
 * fixture FAQ: small talk (whole, misspelt, among other words), decline,
 * the threshold, clarify, the alternatives, an invalid question. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "decline_model.h"
#include "search_fixture.h"

static void test_smalltalk_phrase_whole(void **state)
{
    (void)state;
    faq_answer a;
    assert_string_equal(fx_ask("hola", NULL, &a), "hello");
    assert_int_equal(a.outcome, OUTCOME_SMALLTALK);
    assert_true(a.confidence == 1.0);
}

/* A small talk word one typo away counts from smalltalk_typo_chars on. */
static void test_smalltalk_misspelt(void **state)
{
    (void)state;
    faq_answer a;
    assert_string_equal(fx_ask("holaa", NULL, &a), "hello");
    assert_int_equal(a.outcome, OUTCOME_SMALLTALK);
    fx_ask("holaa", FX_SETS("smalltalk_typo_chars=6"), &a);
    assert_int_not_equal(a.outcome, OUTCOME_SMALLTALK);
}

/* A phrase stands whole where each of its words meets a question word
 * whole or one typo away with its first letter kept ("buenoz" for "buenos"):
 * the words' first letters, told before any position is tried, pass over
 * a phrase only when one of its words starts as no question word does. */
static void test_smalltalk_whole_by_first_letters(void **state)
{
    (void)state;
    faq_answer a;
    const char *const *sets = FX_SETS("use_smalltalk_within=0");
    assert_string_equal(fx_ask("buenoz días", sets, &a), "hello");
    assert_int_equal(a.outcome, OUTCOME_SMALLTALK);
}

static void test_smalltalk_off(void **state)
{
    (void)state;
    faq_answer a;
    fx_ask("hola", FX_SETS("use_smalltalk=0", "use_smalltalk_within=0"), &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
}

/* Among other words: a phrase whose key words make half the question's,
 * when the ranking finds nothing good. */
static void test_smalltalk_within_other_words(void **state)
{
    (void)state;
    faq_answer a;
    assert_string_equal(fx_ask("muchas gracias, amigo", NULL, &a), "thanks");
    assert_int_equal(a.outcome, OUTCOME_SMALLTALK);
    fx_ask("muchas gracias, amigo", FX_SETS("use_smalltalk_within=0"), &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
}

/* Two key words of three are not the 0.9 share asked. */
static void test_smalltalk_within_key_share(void **state)
{
    (void)state;
    faq_answer a;
    fx_ask("muchas gracias, amigo", FX_SETS("smalltalk_key_share=0.9"), &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
}

/* Small talk among other words opens or closes the question; inside it,
 * its words are the question's own ("can i see the schedule"). */
static void test_smalltalk_within_at_edge(void **state)
{
    (void)state;
    faq_answer a;
    assert_string_equal(fx_ask("gracias, amigo", NULL, &a), "thanks");
    assert_string_equal(fx_ask("amigo, gracias", NULL, &a), "thanks");
    fx_ask("el gracias amigo", NULL, &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    assert_string_equal(fx_ask("el gracias amigo", FX_SETS("smalltalk_within_edge=0"), &a), "thanks");
}

/* Longer than smalltalk_max_words words: a question, not small talk. */
static void test_smalltalk_max_words(void **state)
{
    (void)state;
    faq_answer a;
    fx_ask("hola", FX_SETS("smalltalk_max_words=0", "use_smalltalk_within=0"), &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
}

static void test_decline_off_topic(void **state)
{
    (void)state;
    faq_answer a;
    fx_ask("receta de tortilla de patatas", NULL, &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    assert_true(a.confidence < 0.42);
}

/* The threshold parameter declines what the default answers; a threshold
 * given with the question wins over it. */
static void test_threshold(void **state)
{
    (void)state;
    faq_answer a;
    const char *q = "¿cuándo concluye la iniciativa de patatas?";
    assert_string_equal(fx_ask(q, NULL, &a), "fin");
    assert_int_equal(a.outcome, OUTCOME_ANSWER);
    assert_true(a.confidence < 0.99);
    fx_ask(q, FX_SETS("threshold=0.99"), &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    faq_query_opts o = {0};
    o.threshold = 0.1;
    assert_int_equal(searcher_ask(fx_s, q, strlen(q), &o, &a), 0);
    assert_int_equal(a.outcome, OUTCOME_ANSWER);
}

/* The decline model's evidence: a word another entry holds ("nota") lowers
 * the leader's coverage but not its evidence; a word no entry holds
 * ("patatas") lowers both. */
static void test_evidence_feature(void **state)
{
    (void)state;
    faq_answer a;
    assert_string_equal(fx_ask("¿cuándo concluye la iniciativa de la nota?", NULL, &a), "fin");
    assert_true(a.has_features);
    assert_true(a.features[DF_COVER] < 0.9);
    assert_true(fabs(a.features[DF_EVIDENCE] - 1) < 1e-9);
    assert_string_equal(fx_ask("¿cuándo concluye la iniciativa de patatas?", NULL, &a), "fin");
    assert_true(a.features[DF_EVIDENCE] < 0.9);
    assert_true(a.features[DF_EVIDENCE] > a.features[DF_COVER] - 1e-9);
    /* no word matched: no evidence */
    fx_ask("receta de tortilla de patatas", NULL, &a);
    assert_true(!a.has_features || a.features[DF_EVIDENCE] < 0.5);
}

/* Two entries as good as each other: ask which one was meant. */
static void test_clarify_a_tie(void **state)
{
    (void)state;
    faq_answer a;
    fx_ask("¿Cuál es el plazo de inscripción?", NULL, &a);
    assert_int_equal(a.outcome, OUTCOME_CLARIFY);
    assert_true(a.n_alts >= 1);
    fx_ask("¿Cuál es el plazo de inscripción?", FX_SETS("use_clarify=0"), &a);
    assert_int_equal(a.outcome, OUTCOME_ANSWER);
}

/* A clear winner is answered. */
static void test_answer_a_clear_winner(void **state)
{
    (void)state;
    faq_answer a;
    assert_string_equal(fx_ask("¿Cuándo concluye la iniciativa?", NULL, &a), "fin");
    assert_int_equal(a.outcome, OUTCOME_ANSWER);
    assert_true(a.confidence > 0.9);
}

/* Alternatives score at least alt_ratio of the best. */
static void test_alternatives_ratio(void **state)
{
    (void)state;
    faq_answer a;
    const char *q = "¿qué países participan en la iniciativa?";
    fx_ask(q, FX_SETS("alt_ratio=0"), &a);
    assert_true(a.n_alts >= 2);
    fx_ask(q, FX_SETS("alt_ratio=1"), &a);
    assert_int_equal(a.outcome, OUTCOME_ANSWER);
    assert_int_equal(a.n_alts, 0);
}

static void test_invalid_utf8_declined(void **state)
{
    (void)state;
    faq_answer a;
    faq_query_opts o = {0};
    o.threshold = -1;
    o.lang = "es";
    assert_int_equal(searcher_ask(fx_s, "hola \xff", 6, &o, &a), 0);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    assert_true(a.bad_utf8);
    assert_string_equal(a.query_lang, "es");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_smalltalk_phrase_whole),
        cmocka_unit_test(test_smalltalk_misspelt),
        cmocka_unit_test(test_smalltalk_whole_by_first_letters),
        cmocka_unit_test(test_smalltalk_off),
        cmocka_unit_test(test_smalltalk_within_other_words),
        cmocka_unit_test(test_smalltalk_within_key_share),
        cmocka_unit_test(test_smalltalk_within_at_edge),
        cmocka_unit_test(test_smalltalk_max_words),
        cmocka_unit_test(test_decline_off_topic),
        cmocka_unit_test(test_threshold),
        cmocka_unit_test(test_evidence_feature),
        cmocka_unit_test(test_clarify_a_tie),
        cmocka_unit_test(test_answer_a_clear_winner),
        cmocka_unit_test(test_alternatives_ratio),
        cmocka_unit_test(test_invalid_utf8_declined),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
