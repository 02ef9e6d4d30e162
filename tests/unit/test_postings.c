/* test_postings.c: the postings cursor reads back the groups the index was
 * built with, in each of the list's forms: a dense list (bitmap blocks), a
 * list of blocks whose later deltas take two bytes, and a short list of
 * one run with long gaps, and blocks of one-byte deltas broken by
 * two-byte ones at every place. Walked a posting at a time, sought ahead, and
 * against its block table (each block's last group and largest impact);
 * the k-th largest impact of each, and of a list of many impacts, read
 * from the blocks that can hold it as from the whole list; two words of the
 * same entries, one list byte for byte. */
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
#include "index_postings.h"

#define N_ENTRIES 6000

static int has_dense(int i) { return i % 2 == 0; }
static int has_mixed(int i) { return i < 1000 ? i % 3 == 0 : i % 200 == 0; }
static int has_sparse(int i) { return i % 150 == 0; }
static int has_varied(int i) { return i % 7 == 1; }
/* as many entries as has_sparse, other ones */
static int has_sparse_twin(int i) { return i % 150 == 75; }
/* runs of neighbours, four, five, two, parted by gaps of two-byte deltas:
 * a two-byte delta falls at every place of a run of four postings */
static int has_jagged(int i)
{
    int r = i % 600;
    return r <= 3 || (r >= 200 && r <= 204) || r == 400 || r == 401;
}

typedef struct built {
    faq_index *ix;
    searcher *s;
    char path[128];
    uint32_t lang;
    int *number;    /* per group, the entry's number in its id, -1 for none */
} built;

static built build(void)
{
    static char ids[N_ENTRIES][16], questions[N_ENTRIES][64];
    static corpus_entry es[N_ENTRIES];
    for (int i = 0; i < N_ENTRIES; i++) {
        sprintf(ids[i], "e%d", i);
        /* "plimk" in questions of many lengths, by stretches of the FAQ: impacts
         * of many values, blocks of different largest impacts */
        static const char *filler[] = {"", "uno ", "uno dos ", "uno dos tres ",
                                       "uno dos tres cuatro cinco seis "};
        sprintf(questions[i], "tema %s%s%s%s%s%s%s%s", has_dense(i) ? "zork " : "",
                has_jagged(i) ? "jagw " : "", has_jagged(i) ? "brunk " : "",
                has_sparse_twin(i) ? "flanq " : "",
                has_mixed(i) ? "quib " : "", has_sparse(i) ? "flanx " : "",
                has_varied(i) ? "plimk " : "", has_varied(i) ? filler[(i / 900 + i % 2) % 5] : "");
        es[i] = fixture_entry(ids[i], questions[i], "una respuesta", ENTRY_FAQ);
    }
    corpus_lang lang = fixture_lang("es", es, N_ENTRIES, "");
    corpus c = {&lang, 1, NULL};
    built b;
    snprintf(b.path, sizeof b.path, "/tmp/faqbot-test-postings-%ld.idx", (long)getpid());
    fixture_open(&c, b.path, &b.ix, &b.s);
    int l = faq_index_lang_find(b.ix, "es");
    assert_true(l >= 0);
    b.lang = (uint32_t)l;
    uint32_t ng = faq_index_group_count(b.ix);
    b.number = malloc(ng * sizeof *b.number);
    assert_non_null(b.number);
    for (uint32_t g = 0; g < ng; g++) {
        b.number[g] = -1;
        uint32_t e = faq_index_group_entry(b.ix, g, b.lang);
        if (e == IX_NONE)
            continue;
        faq_entry fe;
        faq_index_entry(b.ix, e, &fe);
        if (fe.id.len > 1 && fe.id.s[0] == 'e')
            b.number[g] = atoi(fe.id.s + 1);
    }
    return b;
}

/* Every group of the term's list, walked a posting at a time: those and
 * only those whose entry has the word, in increasing order. Returns them
 * (n in *n), for the seeks to be checked against. */
static uint32_t *walked(const built *b, const char *word, int (*has)(int), uint32_t *n)
{
    uint32_t term = ix_find_term(b->ix, b->lang, word, strlen(word));
    assert_int_not_equal(term, IX_NONE);
    uint32_t ng = faq_index_group_count(b->ix);
    uint32_t *gs = malloc(ng * sizeof *gs);
    assert_non_null(gs);
    postings_cursor c;
    postings_open(&c, b->ix, term);
    *n = 0;
    for (; c.group != POSTINGS_END; postings_next(&c)) {
        assert_true(c.group < ng);
        assert_true(*n == 0 || c.group > gs[*n - 1]);
        assert_true(b->number[c.group] >= 0 && has(b->number[c.group]));
        assert_true(postings_impact(&c) > 0);
        gs[(*n)++] = c.group;
    }
    int expected = 0;
    for (int i = 0; i < N_ENTRIES; i++)
        expected += has(i);
    assert_int_equal(*n, expected);
    return gs;
}

/* Seeks ahead by steps of every size from one cursor, each landing on the
 * first group at or after the one asked, with that posting's impact (in a
 * bitmap block, read at the place the bits below it count); and the block
 * table: a block's
 * last group is in the list, and no posting of the block is above its
 * largest impact. */
static void sought(const built *b, const char *word, const uint32_t *gs, uint32_t n)
{
    uint32_t term = ix_find_term(b->ix, b->lang, word, strlen(word));
    uint32_t ng = faq_index_group_count(b->ix);
    unsigned *imp = malloc((n ? n : 1) * sizeof *imp);
    assert_non_null(imp);
    postings_cursor walk;
    postings_open(&walk, b->ix, term);
    for (uint32_t i = 0; i < n; i++, postings_next(&walk))
        imp[i] = postings_impact(&walk);
    for (uint32_t step = 1; step < 400; step = step * 3 + 1) {
        postings_cursor c;
        postings_open(&c, b->ix, term);
        uint32_t at = 0;
        for (uint32_t g = 0; g < ng + step; g += step) {
            postings_seek(&c, g);
            while (at < n && gs[at] < g)
                at++;
            assert_int_equal(c.group, at < n ? gs[at] : POSTINGS_END);
            if (at < n)
                assert_int_equal(postings_impact(&c), imp[at]);
        }
    }
    free(imp);
    postings_cursor c;
    postings_open(&c, b->ix, term);
    for (uint32_t bi = 0; bi < postings_blocks(&c); bi++) {
        uint32_t last = postings_block_last(&c, bi);
        unsigned most = postings_block_max(&c, bi);
        for (; c.group <= last; postings_next(&c))
            assert_true(postings_impact(&c) <= most);
        postings_cursor at;
        postings_open(&at, b->ix, term);
        postings_seek(&at, last);
        assert_int_equal(at.group, last);
    }
    if (postings_blocks(&c))
        assert_int_equal(c.group, POSTINGS_END);
}

static int by_impact_down(const void *a, const void *b)
{
    return *(const int *)b - *(const int *)a;
}

/* The k-th largest impact, for every k from 1 to past the list's length,
 * as read from the few blocks it needs: that of the whole list walked. */
static void kth_impacts(const built *b, const char *word)
{
    uint32_t term = ix_find_term(b->ix, b->lang, word, strlen(word));
    uint32_t ng = faq_index_group_count(b->ix);
    int *imp = malloc(ng * sizeof *imp), n = 0;
    assert_non_null(imp);
    postings_cursor c;
    for (postings_open(&c, b->ix, term); c.group != POSTINGS_END; postings_next(&c))
        imp[n++] = (int)postings_impact(&c);
    qsort(imp, (size_t)n, sizeof *imp, by_impact_down);
    for (int k = 1; k <= 80; k++)
        assert_int_equal(postings_kth_impact(b->ix, term, k), k <= n ? imp[k - 1] : -1);
    assert_int_equal(postings_kth_impact(b->ix, term, n), imp[n - 1]);
    assert_int_equal(postings_kth_impact(b->ix, term, n + 1), -1);
    free(imp);
}

/* kind: a kind of block the list must hold (IX_BLOCK_DELTAS or
 * IX_BLOCK_BITMAP), or -1 for a list of one run */
static void check_word(const char *word, int (*has)(int), int kind)
{
    built b = build();
    uint32_t n;
    uint32_t *gs = walked(&b, word, has, &n);
    sought(&b, word, gs, n);
    kth_impacts(&b, word);
    postings_cursor c;
    postings_open(&c, b.ix, ix_find_term(b.ix, b.lang, word, strlen(word)));
    int held = postings_blocks(&c) ? 0 : kind < 0;
    for (uint32_t bi = 0; bi < postings_blocks(&c); bi++)
        held |= c.blk[bi].kind == kind;
    assert_true(held);
    free(gs);
    free(b.number);
    fixture_close(b.ix, b.s, b.path);
}

static void test_dense_list(void **state)
{
    (void)state;
    check_word("zork", has_dense, IX_BLOCK_BITMAP);
}

static void test_blocks_with_two_byte_deltas(void **state)
{
    (void)state;
    check_word("quib", has_mixed, IX_BLOCK_DELTAS);
}

/* one-byte deltas read four at a time: a two-byte delta among the four
 * leaves them to be read one by one */
static void test_blocks_of_jagged_deltas(void **state)
{
    (void)state;
    check_word("jagw", has_jagged, IX_BLOCK_DELTAS);
}

static void test_one_run_with_long_gaps(void **state)
{
    (void)state;
    check_word("flanx", has_sparse, -1);
}

/* Impacts of many values in blocks of deltas: the k-th largest read from
 * the blocks above the k-th largest of the blocks' largest */
static void test_kth_impact_of_varied_lists(void **state)
{
    (void)state;
    check_word("plimk", has_varied, IX_BLOCK_DELTAS);
    built b = build();
    uint32_t term = ix_find_term(b.ix, b.lang, "plimk", 5);
    postings_cursor c;
    postings_open(&c, b.ix, term);
    int values = 0;
    uint32_t seen[IX_IMPACT_MAX + 1] = {0};
    for (; c.group != POSTINGS_END; postings_next(&c))
        values += !seen[postings_impact(&c)]++;
    assert_true(values >= 3);
    free(b.number);
    fixture_close(b.ix, b.s, b.path);
}

/* Two words of the same entries have the same list, byte for byte; a list
 * is its own; lists of other entries, even as many, are not the same. */
static void test_same_list(void **state)
{
    (void)state;
    built b = build();
    uint32_t jagw = ix_find_term(b.ix, b.lang, "jagw", 4);
    uint32_t brunk = ix_find_term(b.ix, b.lang, "brunk", 5);
    uint32_t flanx = ix_find_term(b.ix, b.lang, "flanx", 5);
    uint32_t flanq = ix_find_term(b.ix, b.lang, "flanq", 5);
    uint32_t zork = ix_find_term(b.ix, b.lang, "zork", 4);
    assert_int_not_equal(jagw, IX_NONE);
    assert_int_not_equal(brunk, IX_NONE);
    assert_int_not_equal(flanx, IX_NONE);
    assert_int_not_equal(flanq, IX_NONE);
    assert_int_not_equal(jagw, brunk);
    assert_true(postings_same_list(b.ix, jagw, brunk));
    assert_true(postings_same_list(b.ix, brunk, jagw));
    assert_true(postings_same_list(b.ix, zork, zork));
    assert_false(postings_same_list(b.ix, jagw, zork));
    postings_cursor x, q;
    postings_open(&x, b.ix, flanx);
    postings_open(&q, b.ix, flanq);
    assert_int_equal(x.df, q.df);
    assert_false(postings_same_list(b.ix, flanx, flanq));
    free(b.number);
    fixture_close(b.ix, b.s, b.path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dense_list),
        cmocka_unit_test(test_blocks_with_two_byte_deltas),
        cmocka_unit_test(test_blocks_of_jagged_deltas),
        cmocka_unit_test(test_one_run_with_long_gaps),
        cmocka_unit_test(test_kth_impact_of_varied_lists),
        cmocka_unit_test(test_same_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
