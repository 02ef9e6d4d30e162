/* test_qmemo.c: a thread's memory of question words: a slot and what a
 * word is in each language come back as put, only for the very same token,
 * a slot with all its alternatives, a word's facts joined as they are found; a token too long for a row is not kept; a word asked again outlasts a flood of one-off
 * words; a number takes no word's row; emptied, it holds nothing. A word's
 * count of thesaurus synonyms comes back apart from its synonym facts. And on the fixture FAQ, answers given
 * from memory are the answers given without it, explanation and all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "index_format.h"
#include "qmemo.h"
#include "search_fixture.h"

static qmemo_token tok(uint32_t lang, unsigned flags, const char *raw, const char *word,
                         const char *term)
{
    return (qmemo_token){lang, flags, raw, word, term, strlen(raw), strlen(word), strlen(term)};
}

static slot made_slot(int n_alts)
{
    slot sl;
    memset(&sl, 0, sizeof sl);
    for (int k = 0; k < n_alts; k++)
        sl.alts[k] = (alt_term){(uint32_t)(100 + k), 0.5f + (float)k, ALT_SYNONYM, UINT32_MAX, 1};
    sl.n_alts = n_alts;
    sl.unknown = 3;
    sl.weight = 1.25;
    sl.idf = 2.5;
    sl.is_qword = 1;
    sl.is_phrase = 0;
    return sl;
}

static void test_slot_comes_back_for_the_same_token_only(void **state)
{
    (void)state;
    qmemo *m = qmemo_new();
    assert_non_null(m);
    qmemo_token t = tok(1, QMEMO_TYPOS, "Países", "paises", "pais");
    slot in = made_slot(3), out;
    int corrected = 0;
    assert_false(qmemo_slot_get(m, &t, &out, &corrected));
    qmemo_slot_put(m, &t, &in, 1);
    memset(&out, 0, sizeof out);
    assert_true(qmemo_slot_get(m, &t, &out, &corrected));
    assert_int_equal(corrected, 1);
    assert_int_equal(out.n_alts, 3);
    assert_memory_equal(out.alts, in.alts, 3 * sizeof *in.alts);
    assert_int_equal(out.unknown, 3);
    assert_true(out.weight == 1.25 && out.idf == 2.5);
    assert_int_equal(out.is_qword, 1);
    /* another language, switch, form as typed, word or term: not it */
    qmemo_token other[] = {tok(0, QMEMO_TYPOS, "Países", "paises", "pais"),
                           tok(1, 0, "Países", "paises", "pais"),
                           tok(1, QMEMO_TYPOS, "países", "paises", "pais"),
                           tok(1, QMEMO_TYPOS, "Países", "paise", "pais"),
                           tok(1, QMEMO_TYPOS, "Países", "paises", "paises")};
    for (size_t i = 0; i < sizeof other / sizeof *other; i++)
        assert_false(qmemo_slot_get(m, &other[i], &out, &corrected));
    qmemo_clear(m);
    assert_false(qmemo_slot_get(m, &t, &out, &corrected));
    qmemo_free(m);
}

/* A slot of every alternative a word may have comes back whole; a token
 * or a word longer than a row is not kept. */
static void test_what_does_not_fit_is_not_kept(void **state)
{
    (void)state;
    qmemo *m = qmemo_new();
    slot many = made_slot(QUERY_MAX_ALTS), out;
    int corrected;
    qmemo_token t = tok(0, 0, "word", "word", "word");
    qmemo_slot_put(m, &t, &many, 0);
    assert_true(qmemo_slot_get(m, &t, &out, &corrected));
    assert_int_equal(out.n_alts, QUERY_MAX_ALTS);
    assert_memory_equal(out.alts, many.alts, QUERY_MAX_ALTS * sizeof *many.alts);
    char longer[200];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    slot one = made_slot(1);
    qmemo_token l = tok(0, 0, longer, longer, "a");
    qmemo_slot_put(m, &l, &one, 0);
    assert_false(qmemo_slot_get(m, &l, &out, &corrected));
    qmemo_word f = {.known = QMEMO_LANGS, .langs = 5};
    qmemo_word_put(m, longer, strlen(longer), &f);
    assert_false(qmemo_word_get(m, longer, strlen(longer), &f));
    assert_int_equal(f.known, 0);
    qmemo_free(m);
}

/* What is known of a word grows in place: the small-talk facts found
 * later join the languages found first. */
static void test_a_word_facts_join(void **state)
{
    (void)state;
    qmemo *m = qmemo_new();
    qmemo_word f = {.known = QMEMO_LANGS, .langs = 3}, got;
    qmemo_word_put(m, "hola", 4, &f);
    assert_true(qmemo_word_get(m, "hola", 4, &got));
    assert_int_equal(got.known, QMEMO_LANGS);
    got.known |= QMEMO_CHAT;
    got.chat = 2;
    qmemo_word_put(m, "hola", 4, &got);
    /* then the languages searched for a word an edit away */
    for (int round = 0; round < 2; round++) {
        assert_true(qmemo_word_get(m, "hola", 4, &f));
        assert_int_equal(f.known, QMEMO_LANGS | QMEMO_CHAT);
        assert_int_equal(f.langs, 3);
        assert_int_equal(f.chat, 2);
        assert_int_equal(f.near_asked, round ? 5 : 0);
        assert_int_equal(f.near, round ? 4 : 0);
        f.near_asked = 5;
        f.near = 4;
        qmemo_word_put(m, "hola", 4, &f);
    }
    assert_false(qmemo_word_get(m, "hol", 3, &f));
    assert_int_equal(f.known, 0);
    qmemo_free(m);
}

/* Every question brings a word never seen again (a name, a number): the
 * words asked again must stay. */
static void test_a_word_asked_again_outlasts_one_off_words(void **state)
{
    (void)state;
    qmemo *m = qmemo_new();
    qmemo_token kept = tok(2, 0, "iniciativa", "iniciativa", "iniciat");
    slot in = made_slot(2), out;
    int corrected;
    qmemo_slot_put(m, &kept, &in, 0);
    assert_true(qmemo_slot_get(m, &kept, &out, &corrected));
    qmemo_word f = {.known = QMEMO_LANGS, .langs = 6}, got;
    qmemo_word_put(m, "iniciativa", 10, &f);
    assert_true(qmemo_word_get(m, "iniciativa", 10, &got));
    for (int i = 0; i < 100000; i++) {
        char n[16];
        snprintf(n, sizeof n, "%d", 100000 + i);
        qmemo_token once = tok(2, 0, n, n, n);
        qmemo_slot_put(m, &once, &in, 0);
        qmemo_word_put(m, n, strlen(n), &(qmemo_word){.known = QMEMO_LANGS});
    }
    assert_true(qmemo_slot_get(m, &kept, &out, &corrected));
    assert_int_equal(out.n_alts, 2);
    assert_true(qmemo_word_get(m, "iniciativa", 10, &got));
    assert_int_equal(got.langs, 6);
    qmemo_free(m);
}

/* The answer to q as text: entry, outcome, language, scores, correction,
 * explanation. */
static void answer_text(const char *q, char *out, size_t cap)
{
    faq_query_opts o = {0};
    o.threshold = -1;
    o.explain = 1;
    faq_answer a;
    assert_int_equal(searcher_ask(fx_s, q, strlen(q), &o, &a), 0);
    snprintf(out, cap, "%u %d %s %.17g %.17g %s\n%s", a.best.entry, (int)a.outcome,
             a.query_lang ? a.query_lang : "-", a.best.score, a.confidence,
             a.corrected ? a.corrected : "-", a.explain ? a.explain : "-");
}

/* A full memory: numbers (a question's counter) put after the words take
 * no word's row, in the slots and in the words' facts alike; a number
 * still comes back where its row was empty. */
static void test_numbers_displace_no_word(void **state)
{
    (void)state;
    qmemo *m = qmemo_new();
    assert_non_null(m);
    enum { WORDS = 20000, NUMBERS = 3000 };
    static char words[WORDS][16];
    static unsigned char slot_kept[WORDS], facts_kept[WORDS];
    slot in = made_slot(2), out;
    qmemo_word f = {.known = QMEMO_LANGS, .langs = 6}, got;
    int corrected;
    /* a number into the empty memory is kept */
    qmemo_token first = tok(0, 0, "2024", "2024", "2024");
    qmemo_slot_put(m, &first, &in, 0);
    assert_true(qmemo_slot_get(m, &first, &out, &corrected));
    qmemo_word_put(m, "2024", 4, &f);
    assert_true(qmemo_word_get(m, "2024", 4, &got));
    for (int i = 0; i < WORDS; i++) {
        snprintf(words[i], sizeof words[i], "w%dx", i);
        qmemo_token t = tok(0, 0, words[i], words[i], words[i]);
        qmemo_slot_put(m, &t, &in, 0);
        qmemo_word_put(m, words[i], strlen(words[i]), &f);
    }
    int kept = 0;
    for (int i = 0; i < WORDS; i++) {
        qmemo_token t = tok(0, 0, words[i], words[i], words[i]);
        slot_kept[i] = (unsigned char)qmemo_slot_get(m, &t, &out, &corrected);
        facts_kept[i] = (unsigned char)qmemo_word_get(m, words[i], strlen(words[i]), &got);
        kept += slot_kept[i];
    }
    assert_true(kept >= 4000);   /* the memory is full of words */
    for (int i = 0; i < NUMBERS; i++) {
        char n[16];
        snprintf(n, sizeof n, "%d", 200000 + i);
        qmemo_token t = tok(0, 0, n, n, n);
        qmemo_slot_put(m, &t, &in, 0);
        qmemo_word_put(m, n, strlen(n), &f);
    }
    for (int i = 0; i < WORDS; i++) {
        qmemo_token t = tok(0, 0, words[i], words[i], words[i]);
        assert_int_equal(qmemo_slot_get(m, &t, &out, &corrected), slot_kept[i]);
        assert_int_equal(qmemo_word_get(m, words[i], strlen(words[i]), &got), facts_kept[i]);
    }
    qmemo_free(m);
}

static void test_answers_from_memory_are_the_same(void **state)
{
    (void)state;
    static const char *const qs[] = {
        "¿Cuándo termina la iniciativa?", "¿cuándo conclye la iniciativa?",
        "which countries take part", "¿qué countries participan en la iniciativa?",
        "¿Dónde está la nota informativa?", "hola", "muchas gracias",
        "when does the initiative end", "¿cómo puede participar Nepal?", "plazo 12345",
        /* close calls between languages with words none knows, searched
         * for one an edit away in each language in the running */
        "receta de paella valenciana", "contcat email", "iniciatvia de paises presursores",
    };
    enum { N = sizeof qs / sizeof *qs, CAP = 8192 };
    static char fresh[N][CAP], again[CAP];
    for (int i = 0; i < N; i++) {
        fx_params(NULL);    /* emptied: the first answer is worked out */
        answer_text(qs[i], fresh[i], CAP);
    }
    for (int round = 0; round < 2; round++)
        for (int i = N - 1; i >= 0; i--) {
            answer_text(qs[i], again, CAP);
            assert_string_equal(again, fresh[i]);
        }
}

/* A synonym's facts come back for its language only; its stem's, once
 * put, replace the word alone; one too long is not kept. */
static void test_synonym_comes_back_for_its_language(void **state)
{
    (void)state;
    qmemo *m = qmemo_new();
    assert_non_null(m);
    qmemo_syn f;
    assert_int_equal(qmemo_syn_get(m, 0, "acabar", 6, &f), 0);
    qmemo_syn_put(m, 0, "acabar", 6, &(qmemo_syn){7, IX_NONE, IX_NONE, 0});
    assert_int_equal(qmemo_syn_get(m, 0, "acabar", 6, &f), 1);
    assert_int_equal(f.word, 7);
    assert_int_equal(f.stemmed, 0);
    assert_int_equal(qmemo_syn_get(m, 1, "acabar", 6, &f), 0);
    assert_int_equal(qmemo_syn_get(m, 0, "acaba", 5, &f), 0);
    qmemo_syn_put(m, 0, "acabar", 6, &(qmemo_syn){7, 9, IX_NONE, 1});
    assert_int_equal(qmemo_syn_get(m, 0, "acabar", 6, &f), 1);
    assert_int_equal(f.term, 9);
    assert_int_equal(f.stemmed, 1);
    static const char longer[] = "electroencefalografistasdelaseguridadsocialyotros";
    qmemo_syn_put(m, 0, longer, strlen(longer), &(qmemo_syn){1, 2, 3, 1});
    assert_int_equal(qmemo_syn_get(m, 0, longer, strlen(longer), &f), 0);
    qmemo_clear(m);
    assert_int_equal(qmemo_syn_get(m, 0, "acabar", 6, &f), 0);
    qmemo_free(m);
}

/* A word's count of synonyms comes back for its language and its form as
 * typed only, apart from a synonym's facts of the same word; a number takes
 * no word's row. */
static void test_synonym_count_comes_back_apart_from_synonyms(void **state)
{
    (void)state;
    qmemo *m = qmemo_new();
    assert_non_null(m);
    uint32_t n = 99;
    qmemo_syn f;
    assert_int_equal(qmemo_general_get(m, 2, "Bring", 5, &n), 0);
    qmemo_general_put(m, 2, "Bring", 5, 31);
    qmemo_syn_put(m, 2, "Bring", 5, &(qmemo_syn){7, 8, IX_NONE, 1});
    assert_int_equal(qmemo_general_get(m, 2, "Bring", 5, &n), 1);
    assert_int_equal(n, 31);
    assert_int_equal(qmemo_syn_get(m, 2, "Bring", 5, &f), 1);
    assert_int_equal(f.word, 7);
    assert_int_equal(f.term, 8);
    qmemo_general_put(m, 2, "Bring", 5, 0);
    assert_int_equal(qmemo_general_get(m, 2, "Bring", 5, &n), 1);
    assert_int_equal(n, 0);
    assert_int_equal(qmemo_general_get(m, 1, "Bring", 5, &n), 0);
    assert_int_equal(qmemo_general_get(m, 2, "bring", 5, &n), 0);
    assert_int_equal(qmemo_general_get(m, 300, "Bring", 5, &n), 0);
    qmemo_general_put(m, 300, "Bring", 5, 4);
    assert_int_equal(qmemo_general_get(m, 300, "Bring", 5, &n), 0);
    /* counters by the thousand: a word put before them is still there */
    char num[16];
    for (int i = 0; i < 100000; i++) {
        int len = snprintf(num, sizeof num, "%d", i);
        qmemo_general_put(m, 2, num, (size_t)len, 0);
    }
    assert_int_equal(qmemo_general_get(m, 2, "Bring", 5, &n), 1);
    assert_int_equal(n, 0);
    assert_int_equal(qmemo_syn_get(m, 2, "Bring", 5, &f), 1);
    qmemo_clear(m);
    assert_int_equal(qmemo_general_get(m, 2, "Bring", 5, &n), 0);
    qmemo_free(m);
}

/* A word's verdict as a name comes back for its language and its form as
 * typed only, each of the three (a name, a word, no dictionary to tell),
 * apart from the count of synonyms of the same word. */
static void test_name_verdict_comes_back_apart_from_counts(void **state)
{
    (void)state;
    qmemo *m = qmemo_new();
    assert_non_null(m);
    int v = 99;
    uint32_t n = 99;
    assert_int_equal(qmemo_name_get(m, 2, "Nepal", 5, &v), 0);
    qmemo_name_put(m, 2, "Nepal", 5, 1);
    qmemo_general_put(m, 2, "Nepal", 5, 3);
    assert_int_equal(qmemo_name_get(m, 2, "Nepal", 5, &v), 1);
    assert_int_equal(v, 1);
    assert_int_equal(qmemo_general_get(m, 2, "Nepal", 5, &n), 1);
    assert_int_equal(n, 3);
    assert_int_equal(qmemo_name_get(m, 1, "Nepal", 5, &v), 0);
    assert_int_equal(qmemo_name_get(m, 2, "nepal", 5, &v), 0);
    qmemo_name_put(m, 2, "nepal", 5, 0);
    qmemo_name_put(m, 1, "Nepal", 5, -1);
    assert_int_equal(qmemo_name_get(m, 2, "nepal", 5, &v), 1);
    assert_int_equal(v, 0);
    assert_int_equal(qmemo_name_get(m, 1, "Nepal", 5, &v), 1);
    assert_int_equal(v, -1);
    assert_int_equal(qmemo_name_get(m, 2, "Nepal", 5, &v), 1);
    assert_int_equal(v, 1);
    qmemo_clear(m);
    assert_int_equal(qmemo_name_get(m, 2, "Nepal", 5, &v), 0);
    qmemo_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slot_comes_back_for_the_same_token_only),
        cmocka_unit_test(test_what_does_not_fit_is_not_kept),
        cmocka_unit_test(test_a_word_facts_join),
        cmocka_unit_test(test_a_word_asked_again_outlasts_one_off_words),
        cmocka_unit_test(test_numbers_displace_no_word),
        cmocka_unit_test(test_answers_from_memory_are_the_same),
        cmocka_unit_test(test_synonym_comes_back_for_its_language),
        cmocka_unit_test(test_synonym_count_comes_back_apart_from_synonyms),
        cmocka_unit_test(test_name_verdict_comes_back_apart_from_counts),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
