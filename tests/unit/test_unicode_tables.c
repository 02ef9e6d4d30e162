/* test_unicode_tables.c: the tables compiled in (unicode_tables.h) say
 * what the libraries this process runs with say: PCRE2's classes of the
 * analyzer's token pattern and utf8proc's folds, code point by code point.
 * A library upgraded under a built faqbot fails here, not in answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "unicode_tables.h"

static size_t encode(unsigned c, char *u)
{
    utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)c, (utf8proc_uint8_t *)u);
    u[n] = '\0';
    return (size_t)n;
}

static void test_token_classes_are_pcre2s(void **state)
{
    (void)state;
    /* the classes of "[\p{L}\p{N}][\p{L}\p{M}\p{N}]*": a token's first code
     * point, and the rest */
    const char *pats[2] = {"[\\p{L}\\p{N}]", "[\\p{L}\\p{M}\\p{N}]"};
    int errcode, starts = 0, marks = 0;
    PCRE2_SIZE erroff;
    pcre2_code *re[2];
    for (int k = 0; k < 2; k++) {
        re[k] = pcre2_compile((PCRE2_SPTR)pats[k], PCRE2_ZERO_TERMINATED,
                              PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_ENDANCHORED, &errcode,
                              &erroff, NULL);
        assert_non_null(re[k]);
    }
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    for (unsigned c = 1; c < UNICODE_TABLES_END; c++) {
        char u[8];
        size_t n = encode(c, u);
        int want = 0;
        for (int k = 0; k < 2; k++)
            if (pcre2_match(re[k], (PCRE2_SPTR)u, n, 0, 0, md, NULL) >= 0)
                want |= k ? UNICODE_CLASS_GO_ON : UNICODE_CLASS_START;
        assert_int_equal(unicode_token_class[c], want);
        starts += (want & UNICODE_CLASS_START) != 0;
        marks += want == UNICODE_CLASS_GO_ON;
    }
    assert_int_equal(unicode_token_class[0], 0);
    assert_true(starts > 1000);   /* letters and digits of Latin, Greek, Cyrillic... */
    assert_true(marks > 100);     /* combining marks continue a token, never begin one */
    pcre2_match_data_free(md);
    pcre2_code_free(re[0]);
    pcre2_code_free(re[1]);
}

/* A two-byte letter folds by table as utf8proc folds it; a combining mark
 * is left to utf8proc (it joins the letter before it). */
static void test_folds_are_utf8procs(void **state)
{
    (void)state;
    int by_table = 0;
    for (int strip = 0; strip < 2; strip++) {
        utf8proc_option_t opt = UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE;
        if (strip)
            opt |= UTF8PROC_STRIPMARK;
        for (unsigned c = UNICODE_FOLD2_FIRST; c < UNICODE_TABLES_END; c++) {
            const unicode_fold2 *f = &unicode_fold2_table[strip][c - UNICODE_FOLD2_FIRST];
            const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
            int mark = p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
                       p->category == UTF8PROC_CATEGORY_MC || p->category == UTF8PROC_CATEGORY_ME;
            char u[8], out[64];
            size_t n = encode(c, u);
            utf8proc_uint8_t *want = NULL;
            utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)u, (utf8proc_ssize_t)n, &want, opt);
            assert_true(m >= 0);
            if (mark || m > 7) {
                assert_int_equal(f->len, 0xFF);
            } else {
                assert_int_equal(f->len, m);
                assert_memory_equal(f->bytes, want, (size_t)m);
                by_table++;
            }
            /* and fold_text(), table or not, as utf8proc; but for the
             * Arabic letters it folds on (test_arabic_folds) */
            if (strip && (c == 0x640 || c == 0x629 || c == 0x649)) {
                free(want);
                continue;
            }
            long k = strip ? fold_text(u, n, out, sizeof out) : fold_case(u, n, out, sizeof out);
            assert_int_equal(k, m);
            assert_memory_equal(out, want, (size_t)m);
            free(want);
        }
    }
    assert_true(by_table > 3000);
    char out[16];
    assert_int_equal(fold_text("Ñandú", strlen("Ñandú"), out, sizeof out), 5);
    assert_string_equal(out, "nandu");
}

static void expect_fold(const char *typed, const char *want)
{
    char out[128];
    long n = fold_text(typed, strlen(typed), out, sizeof out);
    assert_int_equal(n, (long)strlen(want));
    assert_string_equal(out, want);
}

/* Arabic as it is typed: the tatweel dropped, teh marbuta met by heh,
 * alef maqsura by yeh, hamza and madda on the alef and the short vowels
 * stripped; by table and by utf8proc alike (a short vowel sends the word
 * to utf8proc). Case folding alone keeps them all. */
static void test_arabic_folds(void **state)
{
    (void)state;
    expect_fold("كيـــف", "كيف");
    expect_fold("الإقامة", "الاقامه");
    expect_fold("الاقامه", "الاقامه");
    expect_fold("إلى", "الي");
    expect_fold("آخر", "اخر");
    expect_fold("كَيْفَ أُجَدِّدُ", "كيف اجدد");
    expect_fold("بطاقـــةٌ", "بطاقه");
    expect_fold("ـ", "");
    char out[32];
    assert_int_equal(fold_case("كيـف", strlen("كيـف"), out, sizeof out), (long)strlen("كيـف"));
    assert_string_equal(out, "كيـف");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_token_classes_are_pcre2s),
        cmocka_unit_test(test_folds_are_utf8procs),
        cmocka_unit_test(test_arabic_folds),
    };
    return cmocka_run_group_tests_name("unicode_tables", tests, NULL, NULL);
}
