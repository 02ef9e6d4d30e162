/* test_model.c: one search model, built once, shared by searchers on
 * several threads at once: each thread's answers are those of a searcher
 * with a model of its own, asked alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>

#include "search_fixture.h"
#include "search_model.h"

#define THREADS 4
#define ROUNDS 50

static const char *const questions[] = {
    "¿qué países participan?", "¿cuándo termina la iniciativa?", "holaa", "muchas gracias, amigo",
    "¿Está Francia entre los países de la iniciativa?", "nota informativa",
    "¿cuándo conclye la iniciativa?", "which countries take part?", "receta de tortilla",
};
#define N_Q (sizeof questions / sizeof *questions)

static faq_answer want[N_Q];
static search_model *shared;

static void *asker(void *arg)
{
    int *bad = arg;
    searcher *s = searcher_new_shared(shared);
    if (!s) {
        *bad = -1;
        return NULL;
    }
    faq_query_opts o = {0};
    o.threshold = -1;
    for (int r = 0; r < ROUNDS; r++)
        for (size_t i = 0; i < N_Q; i++) {
            faq_answer a;
            if (searcher_ask(s, questions[i], strlen(questions[i]), &o, &a) != 0 ||
                a.outcome != want[i].outcome || a.best.entry != want[i].best.entry ||
                a.best.score != want[i].best.score || a.confidence != want[i].confidence)
                (*bad)++;
        }
    searcher_free(s);
    return NULL;
}

static void test_shared_model_answers_as_a_private_one(void **state)
{
    (void)state;
    faq_query_opts o = {0};
    o.threshold = -1;
    fx_params(NULL);
    for (size_t i = 0; i < N_Q; i++)
        assert_int_equal(searcher_ask(fx_s, questions[i], strlen(questions[i]), &o, &want[i]), 0);
    shared = search_model_new(fx_ix);
    assert_non_null(shared);
    pthread_t t[THREADS];
    int bad[THREADS] = {0};
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, asker, &bad[i]), 0);
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(bad[i], 0);
    }
    search_model_free(shared);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_model_answers_as_a_private_one),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
