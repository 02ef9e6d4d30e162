/* test_rerank.c: each rerank feature, one behaviour per test, on the
 * fixture FAQ: what factor it gives the entry it is for, that it leaves
 * the others alone, that its switch turns it off and that it reads its
 * parameter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "index_internal.h"
#include "lemma.h"
#include "query.h"
#include "search_fixture.h"
#include "typo.h"

/* "qué países": the entry whose question asks "¿Qué países ...?" and holds
 * the query's other words is raised by 1 + focus_bonus. */
static void test_focus_raises_the_entry_asking_of_the_same_thing(void **state)
{
    (void)state;
    assert_near(fx_factor("¿qué países participan?", NULL, "paises", "focus"), 2.0);
}

/* "¿Cómo puede un país participar?" asks how, not which: no focus. */
static void test_focus_leaves_an_entry_asking_otherwise(void **state)
{
    (void)state;
    assert_near(fx_factor("¿qué países participan?", NULL, "como", "focus"), 1.0);
}

static void test_focus_reads_its_bonus_and_switch(void **state)
{
    (void)state;
    const char *q = "¿qué países participan?";
    assert_near(fx_factor(q, FX_SETS("focus_bonus=0.5"), "paises", "focus"), 1.5);
    assert_near(fx_factor(q, FX_SETS("use_focus=0"), "paises", "focus"), 1.0);
}

/* "nota informativa" side by side in the entry's question raises it... */
static void test_proximity_raises_adjacent_words_in_the_question(void **state)
{
    (void)state;
    assert_true(fx_factor("nota informativa", NULL, "nota", "proximity") > 1.01);
    assert_near(fx_factor("nota informativa", FX_SETS("use_proximity=0"), "nota", "proximity"),
                1.0);
}

/* ... but not where they stand together in the answer only. */
static void test_proximity_ignores_the_answer(void **state)
{
    (void)state;
    assert_near(fx_factor("nota informativa", NULL, "fondo", "proximity"), 1.0);
}

/* Adjacency is read in order and pair by pair: "programas conjuntos" and
 * "fondo fiduciario" stand side by side in the entry's question; "fiduciario
 * programas" do not (its "iniciativa" between them), nor "fiduciario fondo"
 * in that order; a pair tells whatever the other words of the query. */
static void test_proximity_reads_each_pair_in_order(void **state)
{
    (void)state;
    assert_true(fx_factor("programas conjuntos", NULL, "fondo", "proximity") > 1.01);
    assert_near(fx_factor("fiduciario programas", NULL, "fondo", "proximity"), 1.0);
    assert_near(fx_factor("fiduciario fondo", NULL, "fondo", "proximity"), 1.0);
    assert_true(fx_factor("iniciativa fondo fiduciario", NULL, "fondo", "proximity") > 1.01);
}

/* The question restated whole: F1 of 1, a factor of 1 + question_fit. */
static void test_question_fit_of_a_question_restated_whole(void **state)
{
    (void)state;
    const char *q = "¿Cuándo concluye la iniciativa?";
    assert_near(fx_factor(q, NULL, "fin", "question_fit"), 2.0);
    assert_near(fx_factor(q, FX_SETS("question_fit=0.5"), "fin", "question_fit"), 1.5);
    assert_near(fx_factor(q, FX_SETS("use_question_fit=0"), "fin", "question_fit"), 1.0);
}

/* A longer entry question that merely holds the query's word fits less. */
static void test_question_fit_prefers_the_closer_question(void **state)
{
    (void)state;
    const char *q = "¿Cuándo concluye la iniciativa?";
    double fin = fx_factor(q, NULL, "fin", "question_fit");
    double fondo = fx_factor(q, NULL, "fondo", "question_fit");
    assert_true(fondo > 0 && fondo < fin);
}

/* A quoted phrase: entries holding it stay, the others are dropped. */
static void test_phrase_keeps_only_entries_holding_it(void **state)
{
    (void)state;
    faq_answer a;
    assert_string_equal(fx_ask("\"fecha de conclusión\"", NULL, &a), "fin");
    assert_int_equal(fx_ask("\"conclusión fecha\"", NULL, &a)[0], '\0');
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    assert_string_equal(fx_ask("\"conclusión fecha\"", FX_SETS("use_phrases=0"), &a), "fin");
}

/* A name the FAQ does not know ("Francia") prefers the entry whose answer
 * lists names (at least name_list_min of them after commas). */
static void test_names_prefer_a_list_for_an_unknown_name(void **state)
{
    (void)state;
    const char *q = "¿Está Francia entre los países de la iniciativa?";
    assert_near(fx_factor(q, NULL, "paises", "names"), 1.8);
    assert_near(fx_factor(q, NULL, "como", "names"), 1.0);
    assert_near(fx_factor(q, FX_SETS("use_names=0"), "paises", "names"), 1.0);
    assert_near(fx_factor(q, FX_SETS("name_list_min=8"), "paises", "names"), 1.0);
}

/* The same question in lower case names nothing. */
static void test_names_need_a_capital(void **state)
{
    (void)state;
    const char *q = "¿está francia entre los países de la iniciativa?";
    assert_near(fx_factor(q, NULL, "paises", "names"), 1.0);
}

/* A capital inside the question on a word the dictionary knows as an
 * ordinary one ("Mesa", a table) names nothing; where the system has no
 * Spanish dictionary every capital still tells, and the test says nothing. */
static void test_names_skip_an_ordinary_word_with_a_capital(void **state)
{
    (void)state;
    lexicon *lx = NULL;
    assert_int_equal(lexicon_open("es", NULL, &lx), 0);
    if (!lx)
        skip();     /* hunspell-es is not installed */
    lexicon_free(lx);
    const char *q = "¿Está Mesa entre los países de la iniciativa?";
    assert_near(fx_factor(q, NULL, "paises", "names"), 1.0);
    assert_near(fx_factor("¿Está Francia entre los países de la iniciativa?", NULL, "paises",
                          "names"), 1.8);
}

/* The dictionary's answer: German writes its nouns with a capital ("Paket",
 * "Rechner"), which are no names; a city or a word it lacks is one. */
static void test_names_by_the_dictionary(void **state)
{
    (void)state;
    lexicon *lx = NULL;
    assert_int_equal(lexicon_open("de", NULL, &lx), 0);
    if (!lx)
        skip();     /* hunspell-de-de is not installed */
    assert_int_equal(lexicon_is_name(lx, "Paket", 5), 0);
    assert_int_equal(lexicon_is_name(lx, "Rechner", 7), 0);
    assert_int_equal(lexicon_is_name(lx, "Pakete", 6), 0);
    assert_int_equal(lexicon_is_name(lx, "Berlin", 6), 1);
    assert_int_equal(lexicon_is_name(lx, "Frankreich", 10), 1);
    assert_int_equal(lexicon_is_name(lx, "Xyzzyplonk", 10), 1);
    assert_int_equal(lexicon_is_name(NULL, "Paket", 5), 1);
    lexicon_free(lx);
}

/* Eight words said word for word in an entry's question: 1 + bonus x 8/8. */
static void test_exact_run_of_the_question(void **state)
{
    (void)state;
    const char *q = "¿Cuál es el vínculo con el fondo fiduciario?";
    assert_near(fx_factor(q, FX_SETS("exact_bonus=0.5"), "fondo", "exact"), 1.5);
    assert_near(fx_factor(q, FX_SETS("exact_bonus=1"), "fondo", "exact"), 2.0);
    assert_near(fx_factor(q, FX_SETS("use_exact=0"), "fondo", "exact"), 1.0);
}

/* Fewer words than exact_min_words count for nothing. */
static void test_exact_needs_enough_words(void **state)
{
    (void)state;
    assert_near(fx_factor("fondo fiduciario", NULL, "fondo", "exact"), 1.0);
}

/* Two words side by side in the answer of a leader that would be declined
 * cover the question as words of its question do. */
static void test_answer_pairs_raise_the_coverage(void **state)
{
    (void)state;
    assert_true(fx_gain("sitio web desconocidoxyz", "nota", "use_answer_pairs=0") > 0.1);
}

/* question_fit's term -> slots table: a term two slots hold has both bits,
 * a term no slot holds none, whatever the order the slots list them in;
 * and the languages of its terms, a bit each. */
static void test_term_masks(void **state)
{
    (void)state;
    static ix_term terms[41];
    terms[3].lang = 0;
    terms[7].lang = 0;
    terms[40].lang = 2;
    static faq_index ix;
    ix.terms = terms;
    ix.n_terms = 41;
    static query q;
    q.n_slots = 3;
    q.slots[0].n_alts = 2;
    q.slots[0].alts[0].term = 40;
    q.slots[0].alts[1].term = 7;
    q.slots[1].n_alts = 0;
    q.slots[2].n_alts = 2;
    q.slots[2].alts[0].term = 7;
    q.slots[2].alts[1].term = 3;
    query_term_masks(&q, &ix);
    const term_masks *tm = &q.masks;
    assert_int_equal(tm->n, 3);
    assert_int_equal(tm->langs, 5);
    assert_int_equal(term_masks_get(tm, 7), 5);
    assert_int_equal(term_masks_get(tm, 40), 1);
    assert_int_equal(term_masks_get(tm, 3), 4);
    assert_int_equal(term_masks_get(tm, 8), 0);
    assert_int_equal(term_masks_get(tm, 0), 0);
    /* past the filter too: every term but the slots' is found in none */
    for (uint32_t t = 0; t < 100000; t++)
        if (t != 3 && t != 7 && t != 40)
            assert_int_equal(term_masks_get(tm, t), 0);
}

/* The small-talk match skips the distance of words whose code-point counts
 * differ by two or more: the counts are typo_distance()'s own. */
static void test_cp_count_bounds_the_distance(void **state)
{
    (void)state;
    assert_int_equal(typo_cp_count("holá", 5), 4);
    assert_int_equal(typo_distance("holá", 5, "hola", 4), 1);
    assert_int_equal(typo_cp_count("merciii", 7) - typo_cp_count("merci", 5), 2);
    assert_true(typo_distance("merciii", 7, "merci", 5) >= 2);
    char long_word[TYPO_MAX_CP + 2];
    memset(long_word, 'a', sizeof long_word);
    assert_int_equal(typo_cp_count(long_word, TYPO_MAX_CP), TYPO_MAX_CP);
    assert_int_equal(typo_cp_count(long_word, TYPO_MAX_CP + 1), -1);
    assert_int_equal(typo_distance(long_word, TYPO_MAX_CP + 1, "a", 1), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_focus_raises_the_entry_asking_of_the_same_thing),
        cmocka_unit_test(test_focus_leaves_an_entry_asking_otherwise),
        cmocka_unit_test(test_focus_reads_its_bonus_and_switch),
        cmocka_unit_test(test_proximity_raises_adjacent_words_in_the_question),
        cmocka_unit_test(test_proximity_ignores_the_answer),
        cmocka_unit_test(test_proximity_reads_each_pair_in_order),
        cmocka_unit_test(test_question_fit_of_a_question_restated_whole),
        cmocka_unit_test(test_question_fit_prefers_the_closer_question),
        cmocka_unit_test(test_phrase_keeps_only_entries_holding_it),
        cmocka_unit_test(test_names_prefer_a_list_for_an_unknown_name),
        cmocka_unit_test(test_names_need_a_capital),
        cmocka_unit_test(test_names_skip_an_ordinary_word_with_a_capital),
        cmocka_unit_test(test_names_by_the_dictionary),
        cmocka_unit_test(test_exact_run_of_the_question),
        cmocka_unit_test(test_exact_needs_enough_words),
        cmocka_unit_test(test_answer_pairs_raise_the_coverage),
        cmocka_unit_test(test_term_masks),
        cmocka_unit_test(test_cp_count_bounds_the_distance),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
