/* test_translit_stops.c: a Russian question typed in Latin letters has its
 * small words read as the Russian pack's stop and question words, by the
 * Latin key both spellings share (search_model_translit_stop()): "kak" is
 * "как", a question word; "k", "dlya" and "dlia" are stop words; a word of
 * the topic ("vrachu") and a word already in Cyrillic are none; on a real
 * Russian FAQ (tests/tune/polyclinic), whose Latin-letter question is then
 * answered with more confidence, its small words no longer counted as
 * words of the topic the FAQ lacks. Run from the repo root, or with ROOT
 * set to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "index_fixture.h"
#include "search_model.h"
#include "search_params.h"

static char dir[256], idx_path[300];
static faq_index *ix;
static searcher *fx_s;

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/faqbot-translit-stops-XXXXXX");
    fixture_open_rel("tests/tune/polyclinic/corpus", dir, idx_path, sizeof idx_path, &ix, &fx_s);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fixture_close(ix, fx_s, idx_path);
    return rmdir(dir);
}

/* Latin-letter word w reads as Russian stop or question word want (NULL:
 * as none); is_q: want is a question word. */
static void assert_reads(const search_model *m, const char *w, const char *want, int is_q)
{
    int l = faq_index_lang_find(ix, "ru");
    assert_true(l >= 0);
    const analyzer *an = searcher_analyzer(fx_s, (uint32_t)l);
    const char *got = NULL;
    int found = search_model_translit_stop(m, (uint32_t)l, an, w, strlen(w), &got);
    if (!want) {
        assert_int_equal(found, 0);
        return;
    }
    assert_int_equal(found, 1);
    assert_string_equal(got, want);
    assert_int_equal(analyzer_is_question_word(an, got, strlen(got)), is_q);
    assert_int_equal(analyzer_is_stopword(an, got, strlen(got)), !is_q);
}

static void test_keys_meet(void **state)
{
    (void)state;
    search_model *m = search_model_new(ix);
    assert_non_null(m);
    assert_reads(m, "kak", "как", 1);
    assert_reads(m, "skolko", "сколько", 1);
    assert_reads(m, "gde", "где", 1);
    assert_reads(m, "k", "к", 0);
    assert_reads(m, "dlya", "для", 0);
    assert_reads(m, "dlia", "для", 0);
    assert_reads(m, "mozhno", "можно", 0);
    /* a word of the topic, a word typed in Cyrillic, a Latin letter with an
     * accent: none */
    assert_reads(m, "vrachu", NULL, 0);
    assert_reads(m, "как", NULL, 0);
    assert_reads(m, "kák", NULL, 0);
    search_model_free(m);
}

/* q asked with use_translit_stops set to on: its answer into *a. */
static void ask(const char *q, int on, faq_answer *a)
{
    search_params p;
    search_params_default(&p);
    p.use_translit_stops = on;
    fixture_ask(ix, &p, q, a);
}

static int entry_is(uint32_t e, const char *id) { return fixture_entry_is(ix, e, id); }

/* "mne" (мне) is a stop word: typed in Latin letters it counted as a word
 * of the topic the FAQ lacks, and held the confidence down */
static void test_small_words_count_not(void **state)
{
    (void)state;
    faq_answer on, off;
    ask("mne nuzhen bolnichnyj", 1, &on);
    ask("mne nuzhen bolnichnyj", 0, &off);
    assert_true(entry_is(on.best.entry, "sick-leave"));
    assert_true(entry_is(off.best.entry, "sick-leave"));
    assert_true(on.confidence > off.confidence + 0.05);
    /* ... and the same question in Cyrillic letters reads its small word so */
    faq_answer cyr;
    ask("мне нужен больничный", 1, &cyr);
    assert_true(entry_is(cyr.best.entry, "sick-leave"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_meet),
        cmocka_unit_test(test_small_words_count_not),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
