/* test_translit.c: a Cyrillic or Greek word and its common Latin spellings
 * read by one key (ж zh, х kh/h/x, ц ts/c, щ shch/sch, ю yu/iu/ju, я
 * ya/ia/ja, й and ы y/i/j, the signs dropped, a letter typed twice once),
 * and words of other readings apart; a Latin letter with an accent or a
 * key too long for its room has none; which words are Cyrillic or Greek. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "translit.h"

static void expect_key(const char *word, const char *want)
{
    char out[64];
    long n = translit_key(word, strlen(word), out, sizeof out);
    assert_int_equal(n, (long)strlen(want));
    assert_string_equal(out, want);
}

static void test_spellings_meet(void **state)
{
    (void)state;
    static const char *const same[][4] = {
        {"записаться", "zapisatsya", "zapisatsia", "zapisatsja"},
        {"врачу", "vrachu", "VRACHU", "vrachu"},
        {"больничный", "bolnichnyj", "bol'nichnyy", "bolnichnii"},
        {"хорошо", "khorosho", "horosho", "xorosho"},
        {"ещё", "eshche", "esche", "eshe"},
        {"жить", "zhit", "zhit'", "zhit"},
        {"юрист", "yurist", "iurist", "jurist"},
        {"класс", "klass", "klas", "klass"},
        {"Врачу", "vrachu", "vrachu", "vrachu"},
        {"μάθημα", "mathima", "mathhima", "mathima"},
        {"χώρα", "hora", "xora", "khora"},
        /* Greeklish: "ou" for "ου", "w" for "ω", "8" for "θ" */
        {"γλουτένη", "glouteni", "gluteni", "GLOUTENI"},
        {"θέλω", "thelo", "thelw", "8elw"},
        {"τούρτα", "tourta", "turta", "tourta"},
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        char want[64];
        long n = translit_key(same[i][0], strlen(same[i][0]), want, sizeof want);
        assert_true(n > 0);
        for (int k = 1; k < 4; k++)
            expect_key(same[i][k], want);
    }
    expect_key("записаться", "zapisacia");
    expect_key("щука", "shuka");
}

static void test_other_words_apart(void **state)
{
    (void)state;
    char a[64], b[64];
    assert_true(translit_key("врач", 8, a, sizeof a) > 0);
    assert_true(translit_key("vrag", 4, b, sizeof b) > 0);
    assert_string_not_equal(a, b);
    assert_true(translit_key("курс", 8, a, sizeof a) > 0);
    assert_true(translit_key("kurt", 4, b, sizeof b) > 0);
    assert_string_not_equal(a, b);
}

static void test_no_key(void **state)
{
    (void)state;
    char out[64];
    assert_int_equal(translit_key("café", strlen("café"), out, sizeof out), -1);
    assert_int_equal(translit_key("щщщщ", strlen("щщщщ"), out, 4), -1);  /* "sh" fits, more not */
    assert_int_equal(translit_key("\xD0", 1, out, sizeof out), -1);        /* a cut letter */
}

static void test_script(void **state)
{
    (void)state;
    assert_true(translit_script("врач", strlen("врач")));
    assert_true(translit_script("μάθημα", strlen("μάθημα")));
    assert_true(translit_script("їжа", strlen("їжа")));
    assert_false(translit_script("vrach", 5));
    assert_false(translit_script("rør", strlen("rør")));
}

/* An Arabic word and its Latin spellings ("arabizi") by one consonant
 * skeleton: the vowels, alef, waw, yeh and a last heh dropped, the digits
 * the letters they look like (3 ع, 7 ح, 9 ق), "ch" and "sh" one; other
 * words apart; a letter of neither script has none. */
static void test_arabic_skeleton(void **state)
{
    (void)state;
    static const char *const same[][3] = {
        {"جواز", "jawaz", "jwaz"},      {"عقد", "3a9d", "3aqd"},
        {"كيفاش", "kifach", "kifash"},  {"شهادة", "chahada", "shahada"},
        {"تعريف", "ta3rif", "t3rif"}, {"صحح", "sa77a7", "sahhah"},
        {"بطاقة", "bita9a", "bitaqa"},
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        char a[64], b[64];
        assert_true(translit_skeleton(same[i][0], strlen(same[i][0]), a, sizeof a) > 0);
        for (int k = 1; k < 3; k++) {
            assert_true(translit_skeleton(same[i][k], strlen(same[i][k]), b, sizeof b) > 0);
            assert_string_equal(a, b);
        }
    }
    char a[64], b[64];
    translit_skeleton("جواز", strlen("جواز"), a, sizeof a);
    translit_skeleton("زواج", strlen("زواج"), b, sizeof b);
    assert_string_not_equal(a, b);
    assert_int_equal(translit_skeleton("café", strlen("café"), a, sizeof a), -1);
    assert_int_equal(translit_script("جواز", strlen("جواز")), TRANSLIT_ARABIC);
    assert_int_equal(translit_script("врач", strlen("врач")), TRANSLIT_CYRILLIC_GREEK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spellings_meet),
        cmocka_unit_test(test_other_words_apart),
        cmocka_unit_test(test_no_key),
        cmocka_unit_test(test_script),
        cmocka_unit_test(test_arabic_skeleton),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
