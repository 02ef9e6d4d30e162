/* test_corpus_stops.c: the stop words and question words a language with no
 * pack reads off its entries: a word in at least half of them is a stop
 * word (never one with a digit), a word opening the questions of two
 * entries or more a question word, and nothing below the smallest FAQ the
 * rule reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_stops.h"

/* Is line a whole line of text? */
static int has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)) != NULL; p += n)
        if ((p == text || p[-1] == '\n') && p[n] == '\n')
            return 1;
    return 0;
}

/* n entries, in Finnish (a language with a stemmer and no pack): entry i
 * asks question[i % 3] and answers "Hinta on 2024 ..." with a word of its
 * own, so that "hinta", "on" and "2024" are in every one. */
static corpus_stops *counted(size_t n)
{
    static const char *const questions[] = {"Miten kortti toimii?", "Mihin kassa on siirretty?",
                                            "Saako ruokaa tuoda?"};
    corpus_stops *cs = corpus_stops_new();
    assert_non_null(cs);
    for (size_t i = 0; i < n; i++) {
        char answer[64], alt[32];
        snprintf(answer, sizeof answer, "Hinta on 2024 sana%zu.", i);
        snprintf(alt, sizeof alt, "Voiko sen %s?", i == 1 ? "myös" : "tehdä");
        char *alts[] = {alt};
        corpus_entry e = {.id = "x", .question = (char *)questions[i % 3], .alts = alts,
                          .n_alts = 1, .answer = answer, .kind = ENTRY_FAQ};
        assert_int_equal(corpus_stops_add(cs, &e), 0);
    }
    return cs;
}

static void test_words_of_half_the_entries_are_stop_words(void **state)
{
    (void)state;
    corpus_stops *cs = counted(CORPUS_STOPS_MIN_ENTRIES);
    char *text;
    assert_int_equal(corpus_stops_text(cs, &text), 0);
    assert_non_null(text);
    assert_true(has_line(text, "on"));
    assert_true(has_line(text, "hinta"));
    assert_false(has_line(text, "2024"));        /* a digit: a name or a number */
    assert_false(has_line(text, "sana1"));     /* one entry's */
    assert_false(has_line(text, "kortti"));      /* three of eight */
    assert_true(has_line(text, "?miten"));       /* opens three entries' questions */
    assert_true(has_line(text, "?mihin"));       /* folded as a list is written */
    assert_true(has_line(text, "voiko"));        /* opens them all: a stop word first */
    assert_false(has_line(text, "?voiko"));
    free(text);
    corpus_stops_free(cs);
}

/* The list's first line names the rule's three values, so that the list
 * the index keeps says how it was read. */
static void test_list_names_its_rule(void **state)
{
    (void)state;
    corpus_stops *cs = counted(CORPUS_STOPS_MIN_ENTRIES);
    char *text, want[160];
    assert_int_equal(corpus_stops_text(cs, &text), 0);
    assert_non_null(text);
    assert_int_equal(text[0], '#');
    snprintf(want, sizeof want, "%d entries or more", CORPUS_STOPS_MIN_ENTRIES);
    assert_non_null(strstr(text, want));
    snprintf(want, sizeof want, "at least %g of them", CORPUS_STOPS_SHARE);
    assert_non_null(strstr(text, want));
    snprintf(want, sizeof want, "questions of %d or more\n", CORPUS_STOPS_OPENINGS);
    assert_non_null(strstr(text, want));
    free(text);
    corpus_stops_free(cs);
}

static void test_small_talk_is_not_counted(void **state)
{
    (void)state;
    corpus_stops *cs = counted(CORPUS_STOPS_MIN_ENTRIES - 1);
    corpus_entry hello = {.id = "hello", .question = "hei", .answer = "Hei!",
                          .kind = ENTRY_SMALLTALK};
    assert_int_equal(corpus_stops_add(cs, &hello), 0);
    char *text = (char *)"unset";
    assert_int_equal(corpus_stops_text(cs, &text), 0);
    assert_null(text);   /* still too few entries to say */
    corpus_stops_free(cs);
}

static void test_many_words(void **state)
{
    (void)state;
    corpus_stops *cs = counted(400);   /* 400 words of their own: the table grows */
    char *text;
    assert_int_equal(corpus_stops_text(cs, &text), 0);
    assert_true(has_line(text, "on"));
    assert_false(has_line(text, "sana399"));
    free(text);
    corpus_stops_free(cs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_of_half_the_entries_are_stop_words),
        cmocka_unit_test(test_list_names_its_rule),
        cmocka_unit_test(test_small_talk_is_not_counted),
        cmocka_unit_test(test_many_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
