/* test_bare.c: a word typed without a letter the keyboard lacks ("ror" for
 * "rør", fold.h's fold_bare()) meets the FAQ's word, on a real Danish and
 * Norwegian FAQ (tests/tune/utility): the words and stems that read so
 * (search_model_bare()), the question's slot (the word itself, not a typo)
 * and its language (a word only one of two close languages writes so).
 * Run from the repo root, or with ROOT set to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fold.h"
#include "index_fixture.h"
#include "index_internal.h"
#include "search_model.h"
#include "search_params.h"

static char dir[256], idx_path[300];
static faq_index *ix;
static searcher *fx_s;

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/faqbot-bare-XXXXXX");
    fixture_open_rel("tests/tune/utility/corpus", dir, idx_path, sizeof idx_path, &ix, &fx_s);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fixture_close(ix, fx_s, idx_path);
    return rmdir(dir);
}

static void assert_bare(const char *w, const char *want)
{
    char out[64];
    long n = fold_bare(w, strlen(w), out, sizeof out);
    if (!want) {
        assert_int_equal(n, -1);
        return;
    }
    assert_int_equal(n, (long)strlen(want));
    assert_string_equal(out, want);
}

static void test_fold_bare(void **state)
{
    (void)state;
    assert_bare("rør", "ror");
    assert_bare("kælder", "kaelder");
    assert_bare("sœur", "soeur");
    assert_bare("łódź", "lódź");        /* the accents are accent folding's */
    assert_bare("þing", "thing");
    /* none of its letters: nothing to try */
    assert_bare("vand", NULL);
    assert_bare("på", NULL);            /* "å" is "a" and a mark: accent folding reads it */
    /* out too short */
    char out[3];
    assert_int_equal(fold_bare("rørbrudd", strlen("rørbrudd"), out, sizeof out), -1);
}

static int lang_of(const char *code)
{
    int l = faq_index_lang_find(ix, code);
    assert_true(l >= 0);
    return l;
}

/* The words of language code that w reads as, one of them want (NULL:
 * none). */
static void assert_bare_word(const search_model *m, const char *code, const char *w,
                             const char *want)
{
    uint32_t found[8];
    size_t n = search_model_bare(m, (uint32_t)lang_of(code), SEARCH_VOCAB_WORDS, w, strlen(w),
                                 found, 8);
    if (!want) {
        assert_int_equal(n, 0);
        return;
    }
    for (size_t k = 0; k < n; k++) {
        const ix_word *x = &ix->words[found[k]];
        if (x->text.len == strlen(want) && memcmp(ix->strings + x->text.off, want, x->text.len) == 0)
            return;
    }
    fail_msg("%s: \"%s\" does not read as \"%s\"", code, w, want);
}

static void test_model_finds_the_words(void **state)
{
    (void)state;
    search_model *m = search_model_new(ix);
    assert_non_null(m);
    assert_bare_word(m, "no", "rorlegger", "rørlegger");
    assert_bare_word(m, "no", "avlopet", "avløpet");
    assert_bare_word(m, "da", "gor", "gør");
    assert_bare_word(m, "da", "aflaeser", "aflæser");
    /* another language's word, a word typed in full, a word of no one's */
    assert_bare_word(m, "da", "rorlegger", NULL);
    assert_bare_word(m, "no", "rørlegger", NULL);
    assert_bare_word(m, "no", "ror", NULL);
    /* a prefix is no word */
    assert_bare_word(m, "no", "rorleg", NULL);
    search_model_free(m);
}

/* q asked with use_bare_letters set to on: its answer into *a. */
static void ask_tie(const char *q, int on, int tie_near, faq_answer *a)
{
    search_params p;
    search_params_default(&p);
    p.use_bare_letters = on;
    p.use_lang_tie_near = tie_near;
    fixture_ask(ix, &p, q, a);
}

static void ask(const char *q, int on, faq_answer *a) { ask_tie(q, on, 1, a); }

static int entry_is(uint32_t e, const char *id) { return fixture_entry_is(ix, e, id); }

/* "gor" is three letters: no typo is guessed for it, and without its "ø"
 * it is a word the FAQ lacks, which holds the answer's confidence down. */
static void test_short_word_meets_the_faq(void **state)
{
    (void)state;
    faq_answer on, off;
    ask("hvad gor jeg ved en laekage", 1, &on);
    ask("hvad gor jeg ved en laekage", 0, &off);
    assert_string_equal(on.query_lang, "da");
    assert_true(entry_is(on.best.entry, "leak"));
    assert_true(off.best.entry == UINT32_MAX || on.best.score > off.best.score * 1.5);
}

/* "soke" is Norwegian "søke" (Danish "søge"): it tells the language when
 * the rest is both's; taken for a word of neither, the tie goes to the
 * language it is an edit from (use_lang_tie_near), else to the FAQ's
 * first language. */
static void test_word_tells_the_language(void **state)
{
    (void)state;
    faq_answer on, off;
    ask("kan jeg soke", 1, &on);
    assert_string_equal(on.query_lang, "no");
    ask("kan jeg soke", 0, &off);
    assert_string_equal(off.query_lang, "no");
    ask_tie("kan jeg soke", 0, 0, &off);
    assert_string_equal(off.query_lang, "da");
    ask("kan jeg soke om avkjoling", 1, &on);
    assert_string_equal(on.query_lang, "no");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_bare),
        cmocka_unit_test(test_model_finds_the_words),
        cmocka_unit_test(test_short_word_meets_the_faq),
        cmocka_unit_test(test_word_tells_the_language),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
