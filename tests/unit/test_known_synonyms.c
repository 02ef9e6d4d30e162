/* test_known_synonyms.c: the synonyms the build keeps for each word of the
 * index (known_synonyms.h) are those a search would look up. The seed
 * corpus's four languages are indexed; for every word of the index, a
 * lookup of its thesaurus synonyms through the search's own analyzer (the
 * one read back from the index) gives the very terms, in the same order,
 * that the index kept for it; a word the thesaurus does not list keeps
 * its lemma's (the lemma SPELLINGS gives a search), or none where a
 * search would ask the dictionary itself. A thesaurus other
 * than the one the build read is not taken for it; a table out of shape
 * is refused by the deep check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "index_fixture.h"
#include "index_internal.h"
#include "index_model.h"
#include "known_synonyms.h"
#include "search_model.h"

static char dir[64], idx_path[128];
static faq_index *ix;
static searcher *s;

static int setup(void **state)
{
    (void)state;
    const char *r = getenv("ROOT");
    char corpus_dir[512];
    snprintf(dir, sizeof dir, "%s", "/tmp/faqbot-test-known.XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(idx_path, sizeof idx_path, "%s/faq.idx", dir);
    snprintf(corpus_dir, sizeof corpus_dir, "%s/corpus", r && *r ? r : ".");
    fixture_open_dir(corpus_dir, idx_path, &ix, &s);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fixture_close(ix, s, idx_path);
    rmdir(dir);
    return 0;
}

typedef struct looked_up {
    analyzer *an;
    uint32_t lang;
    uint32_t n;
    uint32_t terms[KNOWN_SYNONYMS_MAX];
} looked_up;

static void lookup_terms(void *ctx, const char *w, size_t n, int stem, known_terms *out)
{
    const looked_up *x = ctx;
    known_synonyms_terms(ix, x->an, x->lang, w, n, stem, out);
}

static void lookup_take(void *ctx, uint32_t term)
{
    looked_up *x = ctx;
    assert_true(x->n < KNOWN_SYNONYMS_MAX);
    x->terms[x->n++] = term;
}

static void test_kept_as_looked_up(void **state)
{
    (void)state;
    search_model *m = search_model_new(ix);
    assert_non_null(m);
    uint32_t kept_words = 0, kept_terms = 0, languages = 0, by_lemma_words = 0;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        thesaurus *th;
        assert_int_equal(search_model_thesaurus(m, l, &th), 0);
        if (!th)
            continue;
        languages++;
        analyzer *an = search_model_analyzer_new(m, l);
        assert_non_null(an);
        const ix_lang *L = &ix->langs[l];
        for (uint32_t w = L->word_first; w < L->word_first + L->word_count; w++) {
            const ix_word *W = &ix->words[w];
            looked_up x = {an, l, 0, {0}};
            known_synonyms_ask a = {th, ix->strings + W->text.off, W->text.len, 1,
                                    KNOWN_SYNONYMS_MAX, KNOWN_SYNONYMS_BUILT, lookup_terms,
                                    lookup_take, &x, 0};
            int by_lemma = 0;
            search_known_list k;
            int kept = search_model_known_synonyms(m, l, th, w, &k);
            if (known_synonyms_each(&a) <= 0 && !a.taken) {
                /* the search's lemma, as query_lemma() reads it */
                spelling sp;
                if (W->text.len + 4 >= KNOWN_SYNONYMS_LEMMA_CAP ||
                    !search_model_spelling(m, l, a.word, a.len, &sp) ||
                    sp.lemma_len >= KNOWN_SYNONYMS_LEMMA_CAP) {
                    assert_int_equal(kept, 0);
                    continue;
                }
                a.word = sp.lemma;
                a.len = sp.lemma_len;
                if (a.len)
                    known_synonyms_each(&a);
                by_lemma = 1;
                by_lemma_words++;
            }
            assert_int_equal(kept, 1);
            assert_int_equal(k.by_lemma, by_lemma);
            assert_int_equal(k.count, x.n);
            assert_int_equal(k.whole, x.n < KNOWN_SYNONYMS_MAX);
            for (uint32_t i = 0; i < x.n; i++)
                assert_int_equal(search_known_term(&k, i), x.terms[i]);
            kept_words++;
            kept_terms += x.n;
        }
        analyzer_free(an);
    }
    /* the seed's four languages each have a thesaurus in order: not a
     * test of nothing */
    assert_int_equal(languages, ix->n_langs);
    assert_true(kept_words > 500);
    assert_true(kept_terms > 500);
    assert_true(by_lemma_words > 100);
    search_model_free(m);
}

static void test_other_thesaurus_not_taken(void **state)
{
    (void)state;
    thesaurus *th;
    assert_int_equal(thesaurus_open("es", NULL, &th), 0);
    assert_non_null(th);
    char stamp[1400];
    assert_int_equal(thesaurus_order_stamp("es", NULL, stamp, sizeof stamp), 1);
    assert_int_equal(thesaurus_has_stamp(th, stamp, strlen(stamp)), 1);
    stamp[strlen(stamp) - 1] ^= 1;   /* another time: the file changed since */
    assert_int_equal(thesaurus_has_stamp(th, stamp, strlen(stamp)), 0);
    assert_int_equal(thesaurus_has_stamp(th, stamp, strlen(stamp) - 1), 0);
    thesaurus_free(th);
}

typedef struct known_table {
    const unsigned char *firsts, *items;
    uint32_t n_words, n_items;
} known_table;

static int take_known(void *ctx, const unsigned char *firsts, uint32_t n_words,
                      const unsigned char *items, uint32_t n_items)
{
    *(known_table *)ctx = (known_table){firsts, items, n_words, n_items};
    return 0;
}

/* A kept term past the index's terms, or a count past the items: opening
 * reads neither, `faqbot check` refuses both. */
static void test_bad_table_refused_when_deep(void **state)
{
    (void)state;
    uint64_t n = ix->model_len;
    unsigned char *copy = malloc(n);
    assert_non_null(copy);
    memcpy(copy, ix->model, n);
    known_table t;
    const ix_model_visitor v = {.known_synonyms = take_known};
    assert_int_equal(index_model_read(copy, n, ix->n_langs, ix->n_entries, ix->n_terms,
                                      ix->n_words, 1, &v, &t), 0);
    assert_int_equal(t.n_words, ix->n_words);
    uint32_t w = 0, first = IX_NONE, head = 0;
    for (; w < t.n_words; w++) {
        memcpy(&first, t.firsts + 4 * (size_t)w, 4);
        if (first != IX_NONE) {
            memcpy(&head, t.items + 4 * (size_t)first, 4);
            if (head & KNOWN_SYNONYMS_COUNT)
                break;
        }
    }
    assert_true(w < t.n_words);
    unsigned char *term = (unsigned char *)t.items + 4 * ((size_t)first + 1);
    uint32_t kept, bad = ix->n_terms;
    memcpy(&kept, term, 4);
    memcpy(term, &bad, 4);
    assert_int_equal(index_model_read(copy, n, ix->n_langs, ix->n_entries, ix->n_terms,
                                      ix->n_words, 0, NULL, NULL), 0);
    assert_int_equal(index_model_read(copy, n, ix->n_langs, ix->n_entries, ix->n_terms,
                                      ix->n_words, 1, NULL, NULL), IX_MODEL_CORRUPT);
    memcpy(term, &kept, 4);
    uint32_t long_count = t.n_items;
    memcpy((unsigned char *)t.items + 4 * (size_t)first, &long_count, 4);
    assert_int_equal(index_model_read(copy, n, ix->n_langs, ix->n_entries, ix->n_terms,
                                      ix->n_words, 1, NULL, NULL), IX_MODEL_CORRUPT);
    free(copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kept_as_looked_up),
        cmocka_unit_test(test_other_thesaurus_not_taken),
        cmocka_unit_test(test_bad_table_refused_when_deep),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
