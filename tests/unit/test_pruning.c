/* test_pruning.c: MaxScore pruning must not change the ranking. A corpus of
 * 3,000 entries drawn from a Zipf-like vocabulary (so that postings lists
 * are long, blocked and skipped) is queried with and without pruning, half
 * the questions with a misspelt word (a slot of several alternatives):
 * the same groups, scores and coverage of the question. Common words have
 * rare synonyms (the FAQ's own): asked once as they weigh, once scored
 * below the word (use_synonyms_below_word), whose bounds the walk then uses.
 * Short questions of a common and a rarer word make the rarer word's slot
 * one every listed group must have, once the list fills: the walk then
 * leaps from one of its postings to the next (thousands of leaps here). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "index_read.h"
#include "index_write.h"
#include "search.h"

#define N_ENTRIES 3000
#define VOCAB 400

static uint64_t rng = 88172645463325252ull;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)rng;
}

/* word k of the vocabulary: a pronounceable made-up word, k in 0..VOCAB-1 */
static void word(int k, char *out)
{
    static const char *syl[] = {"ka", "lo", "mi", "ta", "re", "su", "no", "pe", "di", "ra"};
    sprintf(out, "%s%s%s", syl[k % 10], syl[(k / 10) % 10], syl[(k / 100) % 10]);
}

static int zipf(void)
{
    /* rank r with probability ~ 1/r: inverse of a harmonic-like CDF */
    double u = (next_rand() % 1000000) / 1000000.0;
    int r = (int)(VOCAB * u * u * u);
    return r < VOCAB ? r : VOCAB - 1;
}

static void text(char *out, int words)
{
    char w[16];
    out[0] = '\0';
    for (int i = 0; i < words; i++) {
        word(zipf(), w);
        strcat(out, w);
        strcat(out, " ");
    }
}

/* The generated FAQ's index, written to path (PATH_MAX bytes) and opened. */
static faq_index *generated_index(char *path, size_t cap)
{
    corpus_entry *es = calloc(N_ENTRIES, sizeof *es);
    char (*ids)[16] = calloc(N_ENTRIES, 16);
    for (int i = 0; i < N_ENTRIES; i++) {
        sprintf(ids[i], "e%d", i);
        es[i].id = ids[i];
        es[i].question = malloc(128);
        text(es[i].question, 3 + (int)(next_rand() % 5));
        es[i].answer = malloc(1024);
        text(es[i].answer, 10 + (int)(next_rand() % 60));
        es[i].file = (char *)"gen.md";
        es[i].line = (unsigned)i + 1;
    }
    corpus_lang lang;
    memset(&lang, 0, sizeof lang);
    strcpy(lang.code, "es");
    /* the 40 commonest words each with a rare synonym */
    char *synonyms = malloc(40 * 32);
    synonyms[0] = '\0';
    for (int k = 0; k < 40; k++) {
        char a[16], b[16];
        word(k, a);
        word(VOCAB - 1 - k * 5, b);
        sprintf(synonyms + strlen(synonyms), "%s, %s\n", a, b);
    }
    lang.synonyms = synonyms;
    lang.entries = es;
    lang.n_entries = N_ENTRIES;
    corpus c = {&lang, 1, NULL};
    char err[256];
    snprintf(path, cap, "/tmp/faqbot-test-pruning-%ld.idx", (long)getpid());
    assert_int_equal(index_write(&c, path, NULL, err, sizeof err), 0);
    faq_index *ix;
    assert_int_equal(faq_index_open(path, &ix, err, sizeof err), FAQ_INDEX_OK);
    for (int i = 0; i < N_ENTRIES; i++) {
        free(es[i].question);
        free(es[i].answer);
    }
    free(es);
    free(ids);
    free(synonyms);
    return ix;
}

static void test_pruning_is_exact(void **state)
{
    (void)state;
    char path[128];
    faq_index *ix = generated_index(path, sizeof path);
    searcher *pruned = searcher_new(ix), *full = searcher_new(ix);
    assert_non_null(pruned);
    assert_non_null(full);
    searcher_set_pruning(full, 0);
    faq_query_opts o = {0};
    o.threshold = -1;
    o.lang = "es";
    int compared = 0, asked = 0, differ = 0;
    search_params sp;
    search_params_default(&sp);
    for (int q = 0; q < 1200; q++) {
        if (q == 600) {
            sp.use_synonyms_below_word = sp.use_lemma_below_word = 1;
            sp.thesaurus_word_share = sp.w_thesaurus_known;
            searcher_set_params(pruned, &sp);
            searcher_set_params(full, &sp);
        }
        char query[256];
        text(query, 1 + q % 6);
        if (q % 2) {
            /* a letter of the first word changed ("kaloxa"): its slot
             * holds its nearest words ("kaloka", "kalota"), several
             * alternatives, the weakest of which are looked up rather
             * than walked */
            query[4] = 'x';
        }
        faq_hit a[12], b[12];
        int na = searcher_topk(pruned, query, strlen(query), &o, a, 12);
        int nb = searcher_topk(full, query, strlen(query), &o, b, 12);
        assert_int_equal(na, nb);
        /* a group's slots are summed in one order whatever the walk's
         * state: the lists are the same, entry for entry, to the bit */
        for (int i = 0; i < na; i++) {
            if (a[i].entry != b[i].entry || a[i].score != b[i].score)
                differ++;
        }
        compared += na;
        /* the confidence weighs the best group's coverage of the question,
         * the best of a slot's alternatives, which a weaker one may give */
        faq_answer x, y;
        assert_int_equal(searcher_ask(pruned, query, strlen(query), &o, &x), 0);
        assert_int_equal(searcher_ask(full, query, strlen(query), &o, &y), 0);
        assert_float_equal(x.confidence, y.confidence, 1e-6);
        if (x.confidence > 0)
            asked++;
    }
    assert_true(compared > 2000);
    assert_true(asked > 400);
    assert_int_equal(differ, 0);
    searcher_free(pruned);
    searcher_free(full);
    faq_index_close(ix);
    unlink(path);
}

/* The walk's floor is remembered per searcher by term and depth: a
 * searcher that has asked hundreds of questions, at two depths, lists the
 * same groups with the same scores, to the bit, as a new searcher asked
 * the question first (which reads every floor from its list). */
static void test_remembered_floor_is_exact(void **state)
{
    (void)state;
    char path[128];
    faq_index *ix = generated_index(path, sizeof path);
    searcher *warm = searcher_new(ix);
    assert_non_null(warm);
    faq_query_opts o = {0};
    o.threshold = -1;
    o.lang = "es";
    search_params sp;
    search_params_default(&sp);
    int compared = 0;
    for (int q = 0; q < 600; q++) {
        sp.rerank_depth = q % 3 ? SEARCH_RERANK_MAX : 5;
        searcher_set_params(warm, &sp);
        char query[256];
        text(query, 1 + q % 6);
        faq_hit a[12], b[12];
        int na = searcher_topk(warm, query, strlen(query), &o, a, 12);
        if (q % 10)
            continue;   /* warming the memory */
        searcher *cold = searcher_new(ix);
        assert_non_null(cold);
        searcher_set_params(cold, &sp);
        int nb = searcher_topk(cold, query, strlen(query), &o, b, 12);
        assert_int_equal(na, nb);
        for (int i = 0; i < na; i++) {
            assert_int_equal(a[i].entry, b[i].entry);
            assert_true(a[i].score == b[i].score);
        }
        compared += na;
        searcher_free(cold);
    }
    assert_true(compared > 200);
    searcher_free(warm);
    faq_index_close(ix);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pruning_is_exact),
        cmocka_unit_test(test_remembered_floor_is_exact),
    };
    return cmocka_run_group_tests_name("pruning", tests, NULL, NULL);
}
