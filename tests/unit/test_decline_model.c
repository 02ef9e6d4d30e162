/* test_decline_model.c: decline_model.h: the fit recovers the weights of
 * rows drawn from a known logistic model, keeps a switched-off feature at
 * zero, fits a feature after the others with theirs held, and the confidence is the coverage rule's or the model's, whichever
 * is larger; and on a small FAQ, the features the search reads: an ordinary
 * word the FAQ lacks, a non-word, the runner-up's distance. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decline_model.h"
#include "search_fixture.h"
#include "search_params.h"

#define ROWS 4000

/* a small deterministic generator: the test must not depend on libc's rand */
static double uniform(uint64_t *st)
{
    *st = *st * 6364136223846793005ull + 1442695040888963407ull;
    return (double)(*st >> 11) / (double)(1ull << 53);
}

static void test_fit_recovers_weights(void **state)
{
    (void)state;
    static double x[ROWS * DF_COUNT];
    static int y[ROWS];
    decline_model truth = {-1.0, {4.0, 0, -3.0, 0, 0, 2.0, 0, 0, 0, 1.0}};
    uint64_t st = 42;
    for (int i = 0; i < ROWS; i++) {
        for (int f = 0; f < DF_COUNT; f++)
            x[i * DF_COUNT + f] = uniform(&st);
        y[i] = uniform(&st) < decline_prob(&truth, x + i * DF_COUNT);
    }
    decline_model m;
    assert_int_equal(decline_fit(x, y, NULL, ROWS, 1e-6, NULL, &m), 0);
    assert_true(fabs(m.bias - truth.bias) < 0.5);
    for (int f = 0; f < DF_COUNT; f++)
        assert_true(fabs(m.w[f] - truth.w[f]) < 0.6);

    int use[DF_COUNT];
    for (int f = 0; f < DF_COUNT; f++)
        use[f] = f != DF_COVER;
    assert_int_equal(decline_fit(x, y, NULL, ROWS, 1e-6, use, &m), 0);
    assert_true(fabs(m.w[DF_COVER]) < 1e-6);
    /* the others make up for it as they can, and the penalty keeps them finite */
    assert_true(m.w[DF_UNK_WORD] < 0);
}

static void test_fit_after_holds_the_rest(void **state)
{
    (void)state;
    static double x[ROWS * DF_COUNT];
    static int y[ROWS];
    /* a feature most rows lack (0), evidence for where it is there */
    decline_model truth = {-1.0, {0}};
    truth.w[DF_COVER] = 4.0;
    truth.w[DF_TOPIC_NAME] = 3.0;
    uint64_t st = 7;
    for (int i = 0; i < ROWS; i++) {
        for (int f = 0; f < DF_COUNT; f++)
            x[i * DF_COUNT + f] = uniform(&st);
        if (uniform(&st) < 0.7)
            x[i * DF_COUNT + DF_TOPIC_NAME] = 0;
        y[i] = uniform(&st) < decline_prob(&truth, x + i * DF_COUNT);
    }
    int use[DF_COUNT] = {0}, after[DF_COUNT] = {0};
    use[DF_COVER] = 1;
    after[DF_TOPIC_NAME] = 1;
    decline_model first, m;
    assert_int_equal(decline_fit(x, y, NULL, ROWS, 1e-6, use, &first), 0);
    /* without it the bias is lower than the truth's: rows that lack it
     * are taken for less likely */
    m = first;
    assert_int_equal(decline_fit_after(x, y, NULL, ROWS, 1e-6, after, &m), 0);
    assert_true(m.bias == first.bias && m.w[DF_COVER] == first.w[DF_COVER]);
    for (int f = 0; f < DF_COUNT; f++)
        if (f != DF_COVER && f != DF_TOPIC_NAME)
            assert_true(m.w[f] == 0);
    assert_true(m.w[DF_TOPIC_NAME] > 1.0);
}

static void test_confidence(void **state)
{
    (void)state;
    double x[DF_COUNT] = {0};
    /* coverage at its floor meets the threshold on its own */
    x[DF_COVER] = DECLINE_COVER_FLOOR;
    assert_true(fabs(decline_confidence(NULL, x, DECLINE_COVER_FLOOR) - DECLINE_THRESHOLD) < 1e-9);
    /* a model that is sure lifts a low coverage; one that is not leaves it */
    decline_model sure = {10, {0}}, unsure = {-10, {0}};
    x[DF_COVER] = 0.1;
    assert_true(decline_confidence(&sure, x, 0.4) > 0.99);
    assert_true(fabs(decline_confidence(&unsure, x, 0.4) - 0.1 * DECLINE_THRESHOLD / 0.4) < 1e-9);
    x[DF_COVER] = 1;
    assert_true(decline_confidence(&unsure, x, 0.4) <= 1);
}

static void test_default_model_reads_the_evidence(void **state)
{
    (void)state;
    /* the shipped model (the parameter table's): more of the question
     * covered, more confident; more ordinary words the FAQ lacks, less */
    search_params p;
    search_params_default(&p);
    decline_model dm = {p.decline_bias, {0}};
    for (int f = 0; f < DF_COUNT; f++) {
        /* every feature has its weight in the parameter table, by name */
        char name[64];
        snprintf(name, sizeof name, "decline_%s", decline_feature_name[f]);
        const search_param_field *fd = search_param_find(name);
        assert_non_null(fd);
        dm.w[f] = search_param_get(&p, fd);
    }
    const decline_model *m = &dm;
    double a[DF_COUNT] = {0}, b[DF_COUNT];
    a[DF_COVER] = 0.3;
    a[DF_MARGIN] = 0.3;
    memcpy(b, a, sizeof b);
    b[DF_COVER] = 0.6;
    assert_true(decline_prob(m, b) > decline_prob(m, a));
    memcpy(b, a, sizeof b);
    b[DF_UNK_WORD] = 0.5;
    assert_true(decline_prob(m, b) < decline_prob(m, a));
    /* a name most of the FAQ's entries hold: more confident */
    memcpy(b, a, sizeof b);
    b[DF_TOPIC_NAME] = 0.8;
    assert_true(decline_prob(m, b) > decline_prob(m, a));
}

static void test_features_of_a_question(void **state)
{
    (void)state;
    faq_answer a;
    /* every word known: no unknown shares, a clear lead */
    assert_string_equal(fx_ask("¿Cuándo concluye la iniciativa?", NULL, &a), "fin");
    assert_true(a.has_features);
    assert_true(a.features[DF_UNK_WORD] == 0 && a.features[DF_UNK_OTHER] == 0);
    assert_true(a.features[DF_MARGIN] > 0.2);
    assert_true(a.features[DF_COVER] > 0.8);
    /* "patatas" is Spanish the FAQ lacks; "xqzvbt" is no word at all
     * (without the Spanish dictionary both are mere unknowns) */
    fx_ask("¿cuándo concluye la iniciativa de patatas?", NULL, &a);
    double word = a.features[DF_UNK_WORD], other = a.features[DF_UNK_OTHER];
    fx_ask("¿cuándo concluye la iniciativa xqzvbt?", NULL, &a);
    if (word > 0) {
        assert_true(word > 0.2 && other == 0);
        assert_true(a.features[DF_UNK_OTHER] > 0.2 && a.features[DF_UNK_WORD] == 0);
    }
    /* the dictionary switched off: a word the FAQ lacks is of no kind */
    fx_ask("¿cuándo concluye la iniciativa de patatas?", FX_SETS("use_dictionary=0"), &a);
    assert_true(a.features[DF_UNK_WORD] == 0);
    assert_true(a.features[DF_UNK_OTHER] > 0.2);
    /* "iniciativa" stands in most entries but is an ordinary word: no
     * topic name; "Marruecos", a name, stands in one of the seven */
    fx_ask("¿Cuándo concluye la iniciativa?", NULL, &a);
    assert_true(a.features[DF_TOPIC_NAME] == 0);
    fx_ask("¿Participa Marruecos en la iniciativa?", NULL, &a);
    if (word > 0)
        assert_true(fabs(a.features[DF_TOPIC_NAME] - 1.0 / 7) < 1e-9);
    else
        assert_true(a.features[DF_TOPIC_NAME] == 0);
    fx_ask("¿Participa Marruecos en la iniciativa?", FX_SETS("use_dictionary=0"), &a);
    assert_true(a.features[DF_TOPIC_NAME] == 0);
    /* the model lifts no off-topic question over the threshold */
    fx_ask("¿qué tiempo hará mañana en la playa?", NULL, &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fit_recovers_weights),
        cmocka_unit_test(test_fit_after_holds_the_rest),
        cmocka_unit_test(test_confidence),
        cmocka_unit_test(test_default_model_reads_the_evidence),
        cmocka_unit_test(test_features_of_a_question),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
