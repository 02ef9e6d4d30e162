/* test_langid.c: langid.h: libexttextcat tells a question's language, and
 * any bytes at all are safe to hand it: text that is not NUL-terminated,
 * that ends in a cut UTF-8 sequence or holds invalid bytes, ends right
 * before an unmapped page without being read past. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "langid.h"

static const char *const codes[] = {"en", "es", "fr", "pt"};

static int setup(void **st)
{
    langid *li = langid_new(codes, 4);
    if (!li)
        return -1;
    *st = li;
    return 0;
}

static int teardown(void **st)
{
    langid_free(*st);
    return 0;
}

static int guess(langid *li, const char *text, size_t len, char *first)
{
    char got[2][8];
    int n = langid_guess(li, text, len, got, 2);
    if (n > 0)
        strcpy(first, got[0]);
    return n;
}

static void test_tells_languages(void **st)
{
    static const char *const cases[][2] = {
        {"¿Cuáles son los beneficios de ser un país precursor de la red?", "es"},
        {"What are the benefits of being a champion country of the network?", "en"},
        {"Quels sont les avantages d'être un pays champion du réseau ?", "fr"},
        {"Quais são os benefícios de ser um país campeão da rede?", "pt"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char first[8] = "";
        assert_true(guess(*st, cases[i][0], strlen(cases[i][0]), first) > 0);
        assert_string_equal(first, cases[i][1]);
    }
}

static void test_short_text_says_nothing(void **st)
{
    char first[8] = "";
    assert_int_equal(guess(*st, "hola", 4, first), 0);
}

/* The text is laid at the very end of a page whose next page is
 * unmapped: reading one byte past it faults. */
static void test_reads_only_what_it_is_given(void **st)
{
    long page = sysconf(_SC_PAGESIZE);
    char *map = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(map != MAP_FAILED);
    assert_int_equal(mprotect(map + page, (size_t)page, PROT_NONE), 0);
    static const char *const tails[] = {
        "que  p2eux--taire   le  reseau",           /* no NUL after it; runs of
                                                       spaces are read, not kept */
        "que p2eux-taire \xc3",                     /* a cut two-byte letter */
        "pourquoi le r\xf8\xff\xfe seau \xe2\x82",  /* invalid bytes, a cut three-byte one */
        "quels sont les pays \xf0\x9f\x98",         /* a cut four-byte one */
    };
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        size_t n = strlen(tails[i]);
        char *at = map + page - n;
        memcpy(at, tails[i], n);
        char first[8] = "";
        guess(*st, at, n, first);   /* what it guesses matters less than not faulting */
    }
    /* a NUL inside the text does not end it early for the guess */
    static const char with_nul[] = "quels sont les avantages\0 d'un pays champion";
    char first[8] = "";
    assert_true(guess(*st, with_nul, sizeof with_nul - 1, first) > 0);
    assert_string_equal(first, "fr");
    munmap(map, (size_t)page * 2);
}

/* The signs of a text among the index's languages: index of the best, or
 * -1 when none scores. */
static int signs_best(const char *text, const char *const *langs, int n, double *sc)
{
    langid_signs(text, strlen(text), langs, n, sc);
    int best = -1;
    for (int i = 0; i < n; i++)
        if (sc[i] > 0 && (best < 0 || sc[i] > sc[best]))
            best = i;
    return best;
}

static void test_signs(void **st)
{
    (void)st;
    static const char *const six[] = {"de", "en", "es", "fr", "it", "pt"};
    double sc[6];
    /* "¿" is Spanish alone; "é" and "í" Spanish or Portuguese: Spanish wins */
    assert_int_equal(signs_best("¿qué países participan?", six, 6, sc), 2);
    assert_true(sc[2] >= LANGID_SIGN_WEIGHT);
    assert_true(sc[5] > 0 && sc[5] < sc[2]);
    assert_true(sc[1] == 0 && sc[0] == 0);
    assert_int_equal(signs_best("¡Hola!", six, 6, sc), 2);
    assert_int_equal(signs_best("año", six, 6, sc), 2);
    assert_int_equal(signs_best("não", six, 6, sc), 5);
    assert_int_equal(signs_best("informações", six, 6, sc), 5);
    assert_int_equal(signs_best("Straße", six, 6, sc), 0);
    assert_int_equal(signs_best("Größe", six, 6, sc), 0);
    assert_int_equal(signs_best("œuvre", six, 6, sc), 3);
    assert_int_equal(signs_best("più", six, 6, sc), 3);   /* ù: French or Italian, a tie */
    assert_true(sc[3] == sc[4] && sc[3] > 0);
    assert_int_equal(signs_best("perché così", six, 6, sc), 4);   /* ì: Italian alone */
    /* case and decomposed letters do not matter */
    assert_int_equal(signs_best("AÑO", six, 6, sc), 2);
    assert_int_equal(signs_best("an\xCC\x83o", six, 6, sc), 2);   /* n + U+0303 */
    assert_int_equal(signs_best("na\xCC\x83o", six, 6, sc), 5);   /* a + U+0303 */
    /* no sign, a sign of a language not in the index, or one every
     * language of the index writes: no evidence */
    assert_int_equal(signs_best("what is this?", six, 6, sc), -1);
    static const char *const esfr[] = {"es", "fr"};
    assert_int_equal(signs_best("été", esfr, 2, sc), -1);
    assert_int_equal(signs_best("ß", esfr, 2, sc), -1);
    /* a language whose letters are unknown is never counted against */
    static const char *const eshy[] = {"es", "hy"};
    assert_int_equal(signs_best("¿Երբ?", eshy, 2, sc), -1);
    /* a script is a sign: a question in Cyrillic is Russian, not English,
     * whatever its words; Greek is Greek; Serbian, written in both
     * alphabets, is never counted against */
    static const char *const enru[] = {"en", "ru"};
    assert_int_equal(signs_best("здравствуйте", enru, 2, sc), 1);
    assert_true(sc[1] == LANGID_SIGN_WEIGHT && sc[0] == 0);
    assert_int_equal(signs_best("ЗДРАВСТВУЙТЕ", enru, 2, sc), 1);
    assert_int_equal(signs_best("\xD0\xB8\xCC\x86", enru, 2, sc), 1);   /* и + U+0306 */
    assert_int_equal(signs_best("hello", enru, 2, sc), -1);
    static const char *const elenru[] = {"el", "en", "ru"};
    assert_int_equal(signs_best("καλημέρα", elenru, 3, sc), 0);
    assert_int_equal(signs_best("ἀρχή", elenru, 3, sc), 0);
    assert_int_equal(signs_best("привет", elenru, 3, sc), 2);
    static const char *const ensrru[] = {"en", "sr", "ru"};
    assert_int_equal(signs_best("здраво", ensrru, 3, sc), 1);   /* a tie of sr and ru */
    assert_true(sc[1] == sc[2] && sc[0] == 0);
    static const char *const esru[] = {"es", "ru"};
    assert_int_equal(signs_best("año", esru, 2, sc), 0);   /* Russian writes no ñ */
    /* each sign counts once, however often it is written */
    langid_signs("ñ", 2, six, 6, sc);
    double once = sc[2];
    langid_signs("ññññ", 8, six, 6, sc);
    assert_true(sc[2] == once);
    /* bytes that are not UTF-8, and a length short of the text */
    assert_int_equal(signs_best("\xFF\xC3", six, 6, sc), -1);
    langid_signs("año", 2, six, 6, sc);     /* "a" and half an "ñ" */
    assert_true(sc[2] == 0);
}

/* A langid's signs are langid_signs() of the codes it was made with,
 * whatever run of ASCII comes before a sign or a combining mark. */
static void test_question_signs(void **st)
{
    static const char *const texts[] = {
        "", "what is it", "¿qué?", "abcdefg\xC3\xB1", "abcdefgh\xC3\xB1",
        "abcdefge\xCC\x81 and more", "0123456789abcdef\xC3\xA3o", "long plain text, no sign",
        "sehr schön \xC3\x9F", "\xFF\xC3", "ça va très bien, merci beaucoup",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        double want[4], got[4];
        langid_signs(texts[i], strlen(texts[i]), codes, 4, want);
        langid_question_signs(*st, langid_text_signs(texts[i], strlen(texts[i])), got);
        for (int l = 0; l < 4; l++)
            assert_true(want[l] == got[l]);
    }
    /* the mark after seven ASCII letters is read with its letter: "é" */
    double sc[4];
    langid_question_signs(*st, langid_text_signs("abcdefge\xCC\x81", 10), sc);
    assert_true(sc[1] > 0 && sc[2] > 0 && sc[3] > 0 && sc[0] == 0);
    langid_question_signs(*st, langid_text_signs("abcdefghijklmnop\xC3\xB1", 18), sc);
    assert_true(sc[1] == LANGID_SIGN_WEIGHT);
}

/* Persian and Urdu letters Arabic does without tell a question none of an
 * Arabic and French FAQ's languages; Arabic's own letters, a Latin name's
 * "ñ", or a language whose letters are not known, do not. */
static void test_foreign_letters(void **st)
{
    static const char *const arfr[] = {"ar", "fr", "en"};
    langid *li = langid_new(arfr, 3);
    assert_non_null(li);
    const char *fa = "چگونه پاسپورت را تمدید کنم؟";
    const char *ur = "پاسپورٹ کی تجدید کیسے کروں";
    assert_int_equal(langid_question_foreign(li, langid_text_signs(fa, strlen(fa))), 5);     /* چ گ پ ی ک */
    assert_true(langid_question_foreign(li, langid_text_signs(ur, strlen(ur))) >= 4);
    const char *ar = "كيف أجدد جواز السفر؟";
    assert_int_equal(langid_question_foreign(li, langid_text_signs(ar, strlen(ar))), 0);
    assert_int_equal(langid_question_foreign(li, langid_text_signs("M. Muñoz, São Paulo", 21)), 0);
    langid_free(li);
    /* a language of the index whose letters are not known writes them all */
    static const char *const arxx[] = {"ar", "xx"};
    li = langid_new(arxx, 2);
    assert_int_equal(langid_question_foreign(li, langid_text_signs(fa, strlen(fa))), 0);
    langid_free(li);
    (void)st;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tells_languages),
        cmocka_unit_test(test_short_text_says_nothing),
        cmocka_unit_test(test_reads_only_what_it_is_given),
        cmocka_unit_test(test_signs),
        cmocka_unit_test(test_question_signs),
        cmocka_unit_test(test_foreign_letters),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
