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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tells_languages),
        cmocka_unit_test(test_short_text_says_nothing),
        cmocka_unit_test(test_reads_only_what_it_is_given),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
