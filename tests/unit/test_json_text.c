/* test_json_text.c: the answer object written from the index's stored
 * literals (answer_json_text) against the jansson object it replaces
 * (answer_to_json, plus answer_html as the HTTP API adds it), byte for byte:
 * every query of tests/eval/ (every .tsv) over the seed corpus, with and without a
 * forced language, with explain, and hostile questions; every entry's stored
 * literals against jansson's dump; and the escaper (json_escape.h) against
 * jansson on hostile strings. Runs from the source tree's root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glob.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answer_json.h"
#include "utf8.h"
#include "corpus.h"
#include "index_fixture.h"
#include "index_read.h"
#include "index_write.h"
#include "json_escape.h"
#include "markdown.h"
#include "search.h"

static char idx_path[64];
static faq_index *ix;
static searcher *s;

static int setup(void **state)
{
    (void)state;
    snprintf(idx_path, sizeof idx_path, "/tmp/faqbot-test-jtext.%ld.idx", (long)getpid());
    fixture_open_dir("corpus", idx_path, &ix, &s);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fixture_close(ix, s, idx_path);
    return 0;
}

/* jansson's text of one string, as json_dumps writes it. */
static char *jansson_str(const char *p, size_t n)
{
    json_t *j = json_stringn(p, n);
    if (!j)
        return NULL;
    char *t = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
    json_decref(j);
    return t;
}

static void check_escape(const char *p, size_t n)
{
    char *want = jansson_str(p, n);
    assert_non_null(want);
    char *got = malloc(JSON_ESCAPED_MAX(n) + 1);
    assert_non_null(got);
    size_t k = json_escape(got, p, n);
    got[k] = '\0';
    assert_string_equal(got, want);
    assert_int_equal(k, strlen(want));
    free(got);
    free(want);
}

static void test_escape_hostile(void **state)
{
    (void)state;
    char ctl[32];
    for (int i = 1; i < 32; i++)
        ctl[i - 1] = (char)i;
    ctl[31] = 0x7f;
    check_escape(ctl, sizeof ctl);
    const char *cases[] = {
        "", "plain", "\"", "\\", "\"\\\"\\\\", "a/b</script>", "tab\there\nnew\rline\b\f",
        "\x1b[31mred", "non-BMP \xF0\x9F\x98\x80 and \xF0\x90\x8D\x88",
        "line\xE2\x80\xA8sep\xE2\x80\xA9para", "é à ü ñ ç \xEF\xBB\xBF bom", "\xEF\xBF\xBF",
        "\xF4\x8F\xBF\xBF max", "ends with backslash\\",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        check_escape(cases[i], strlen(cases[i]));
    /* NUL inside a string jansson holds: \u0000 */
    check_escape("a\0b", 3);
}

/* A byte to escape at every place of a run of plain bytes, runs long
 * and short enough to be copied eight bytes at a time and not. */
static void test_escape_each_place(void **state)
{
    (void)state;
    static const char odd[] = {'"', '\\', '\n', '\0', 0x1f, 0x01, 0x7f, ' ', '!', '#', '[', ']'};
    char text[40];
    for (size_t o = 0; o < sizeof odd; o++)
        for (size_t len = 1; len <= 26; len++)
            for (size_t at = 0; at < len; at++) {
                for (size_t i = 0; i < len; i++)
                    text[i] = (char)('a' + i % 26);
                text[at] = odd[o];
                check_escape(text, len);
                /* a second one further on, and a wide character */
                if (at + 9 < len) {
                    text[at + 9] = '"';
                    check_escape(text, len);
                }
                if (at + 2 < len) {
                    memcpy(text + at + 1, "\xC3\xA9", 2);
                    check_escape(text, len);
                }
            }
}

static void test_real_text(void **state)
{
    (void)state;
    double xs[] = {0, -0.0, 1, -1, 0.5, 100, 1e17, 1e21, 1e22, 123456789012345678.0, 1e-5,
                   1e-7, 2.5e-300, 1.7976931348623157e308, 0.1, 1.0 / 3, 12.345678, -7.25e10};
    srand(7);
    for (int i = 0; i < 2000; i++) {
        double x = i < (int)(sizeof xs / sizeof *xs) ? xs[i]
                   : ldexp((double)rand() / RAND_MAX, rand() % 200 - 100) * (rand() % 2 ? 1 : -1);
        json_t *j = json_real(x);
        char *want = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
        char got[JSON_REAL_MAX];
        size_t n = json_real_text(got, x);
        assert_string_equal(got, want);
        assert_int_equal(n, strlen(want));
        free(want);
        json_decref(j);
    }
}

static void check_real_prec(double x, int p)
{
    json_t *j = json_real(x);
    char *want = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(p));
    char got[JSON_REAL_MAX];
    size_t n = json_real_text_prec(got, x, p);
    if (strcmp(got, want) != 0)
        fail_msg("%a at %d digits: %s, jansson %s", x, p, got, want);
    assert_int_equal(n, strlen(want));
    free(want);
    json_decref(j);
}

static void check_real(double x)
{
    check_real_prec(x, 17);     /* json_real_text()'s, jansson's default */
}

/* The reals of scores and confidences, written without printf: the same
 * text as jansson's over the whole range that way takes, evenly spread in
 * magnitude, at its edges, on powers of ten and their neighbours, and on
 * the ties of the seventeenth digit (an 18-digit value ending in 5, which
 * printf rounds to even). */
static void test_real_text_wide(void **state)
{
    (void)state;
    srand(11);
    for (int i = 0; i < 200000; i++) {
        double mag = ((double)rand() / RAND_MAX) * 24 - 6;     /* 1e-6 .. 1e18 */
        double x = pow(10, mag) * (1 + (double)rand() / RAND_MAX * 1e-3);
        check_real(rand() % 2 ? x : -x);
    }
    for (int p = -7; p <= 18; p++) {
        double x = pow(10, p);
        check_real(x);
        check_real(nextafter(x, 0));
        check_real(nextafter(x, INFINITY));
    }
    check_real(ldexp(1, -66));
    check_real(ldexp(1, -67));
    check_real(nextafter(ldexp(1, 53), 0));
    check_real(ldexp(1, 53));
    int ties = 0;
    for (int e = -4; e <= 15; e++)
        for (int i = 0; i < 2000; i++) {
            /* m / 2^s with m odd has s digits after the point; with e + 1 + s
             * = 18 significant ones the 18th is 5: a tie */
            int sh = 17 - e;
            if (sh < 1 || sh > 60)
                continue;
            double lo = pow(10, e), x;
            uint64_t m = (uint64_t)ldexp(lo, sh) + (uint64_t)rand() * 2 + 1;
            m |= 1;
            x = ldexp((double)m, -sh);
            if (x < lo || x >= lo * 10 || (uint64_t)ldexp(x, sh) != m)
                continue;
            check_real(x);
            ties++;
        }
    assert_true(ties > 1000);
}

/* Fewer digits than 17 the same way (the access log's milliseconds, 4):
 * jansson's text at every precision, over the range, whole numbers, the
 * numbers that round up to the next power of ten ("9.9996" to 4 digits)
 * and the ties of the digit after the last kept. */
static void test_real_text_precisions(void **state)
{
    (void)state;
    srand(13);
    for (int p = 1; p <= 17; p++) {
        for (int i = 0; i < 20000; i++) {
            double mag = ((double)rand() / RAND_MAX) * 24 - 6;     /* 1e-6 .. 1e18 */
            double x = pow(10, mag) * (1 + (double)rand() / RAND_MAX * 1e-3);
            check_real_prec(rand() % 2 ? x : -x, p);
            check_real_prec((double)(rand() % 100000), p);
            check_real_prec((double)(rand() % 100000) / 1000, p);   /* milliseconds */
        }
        for (int e = -6; e <= 17; e++) {
            double x = pow(10, e);
            check_real_prec(x, p);
            check_real_prec(nextafter(x, 0), p);
            check_real_prec(x * (1 - 0.4 * pow(10, -p)), p);
            check_real_prec(x * (1 - 0.6 * pow(10, -p)), p);
        }
        /* ties: k + 0.5 units of the last digit, exact in binary */
        for (int i = 0; i < 2000; i++) {
            double x = ldexp((double)(2 * (rand() % 4096) + 1), -1 - rand() % 12);
            check_real_prec(x, p);
        }
        check_real_prec(0.0, p);
        check_real_prec(-0.0, p);
    }
}

/* Every entry's stored literals are jansson's dump of its texts. */
static void test_stored_literals(void **state)
{
    (void)state;
    for (uint32_t e = 0; e < faq_index_entry_count(ix); e++) {
        faq_entry en;
        faq_entry_shown sh;
        faq_index_entry(ix, e, &en);
        faq_index_entry_shown(ix, e, &sh);
        faq_str pairs[3][2] = {{en.id, sh.id}, {en.question, sh.question}, {en.answer, sh.answer}};
        for (int k = 0; k < 3; k++) {
            char *want = jansson_str(pairs[k][0].s, pairs[k][0].len);
            assert_non_null(want);
            assert_int_equal(pairs[k][1].len, strlen(want));
            assert_memory_equal(pairs[k][1].s, want, pairs[k][1].len);
            free(want);
        }
        char *html = markdown_to_safe_html(en.answer.s, en.answer.len);
        char *want = jansson_str(html, strlen(html));
        assert_non_null(want);
        assert_int_equal(sh.html.len, strlen(want));
        assert_memory_equal(sh.html.s, want, sh.html.len);
        free(want);
        free(html);
    }
}

/* The object as the HTTP API built it with jansson. */
static char *jansson_answer(const char *q, size_t n, const faq_answer *a, int with_html)
{
    json_t *j = answer_to_json(ix, q, n, a);
    if (!j)
        return NULL;
    if (with_html && a->best.entry != UINT32_MAX && a->outcome != OUTCOME_DECLINE) {
        faq_entry e;
        faq_index_entry(ix, a->best.entry, &e);
        char *html = markdown_to_safe_html(e.answer.s, e.answer.len);
        json_object_set_new(j, "answer_html", html ? json_string(html) : json_null());
        free(html);
    } else if (with_html) {
        json_object_set_new(j, "answer_html", json_null());
    }
    char *t = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    return t;
}

static int n_compared;

/* One buffer for every answer compared, as `ask --json` keeps it: each
 * text written over the last one's, longer or shorter */
static char *reused;
static size_t reused_cap;

static void compare(const char *q, size_t n, const char *lang, int explain)
{
    faq_query_opts o = {0};
    o.threshold = -1;
    o.lang = lang;
    o.explain = explain;
    o.highlight = 1;
    faq_answer a;
    assert_int_equal(searcher_ask(s, q, n, &o, &a), 0);
    for (int html = 0; html <= 1; html++) {
        char *want = jansson_answer(q, n, &a, html);
        size_t len = 0;
        char *got = answer_json_text(ix, q, n, &a, html, &len);
        if (!want || !got || strcmp(want, got) != 0)
            fail_msg("question %.*s (lang %s, explain %d, html %d):\n jansson %s\n    text %s", (int)n,
                     q, lang ? lang : "-", explain, html, want ? want : "NULL", got ? got : "NULL");
        assert_int_equal(len, strlen(want));
        size_t len2 = 0;
        assert_int_equal(answer_json_text_into(ix, q, n, &a, html, &reused, &reused_cap, &len2), 0);
        assert_int_equal(len2, len);
        assert_string_equal(reused, want);
        assert_true(reused_cap > len2);
        free(want);
        free(got);
        n_compared++;
    }
    if (!utf8_valid(q, n))
        return;
    /* the HTTP API's way: the question checked before it is asked, so
     * neither the search nor the echo reads it for bad bytes again */
    o.utf8_checked = 1;
    assert_int_equal(searcher_ask(s, q, n, &o, &a), 0);
    char *want = jansson_answer(q, n, &a, 1);
    size_t len = 0;
    char *got = answer_json_text(ix, q, n, &a, ANSWER_JSON_HTML | ANSWER_JSON_Q_VALID, &len);
    if (!want || !got || strcmp(want, got) != 0)
        fail_msg("question %.*s (lang %s, explain %d), checked:\n jansson %s\n    text %s", (int)n, q,
                 lang ? lang : "-", explain, want ? want : "NULL", got ? got : "NULL");
    free(want);
    free(got);
}

static void test_every_eval_query(void **state)
{
    (void)state;
    glob_t g;
    assert_int_equal(glob("tests/eval/*.tsv", 0, NULL, &g), 0);
    n_compared = 0;
    for (size_t f = 0; f < g.gl_pathc; f++) {
        FILE *in = fopen(g.gl_pathv[f], "r");
        assert_non_null(in);
        char line[4096];
        int row = 0;
        while (fgets(line, sizeof line, in)) {
            line[strcspn(line, "\r\n")] = '\0';
            char *tab = strchr(line, '\t');
            if (row++ == 0 || !tab)
                continue;   /* the header */
            *tab = '\0';
            char *q = tab + 1;
            char *end = strchr(q, '\t');
            if (end)
                *end = '\0';
            compare(q, strlen(q), NULL, 0);
            compare(q, strlen(q), line, row % 7 == 0);
        }
        fclose(in);
    }
    globfree(&g);
    assert_true(n_compared > 1000);
    free(reused);
    reused = NULL;
    reused_cap = 0;
}

static void test_hostile_questions(void **state)
{
    (void)state;
    const char *qs[] = {
        "\"quoted\" \\ backslash \\\" and / slash", "tab\tnew\nline\r\x1b\x01\x1f\x7f",
        "emoji \xF0\x9F\x98\x80 \xF0\x9F\x87\xAA\xF0\x9F\x87\xB8 champion countries?",
        "line\xE2\x80\xA8separator\xE2\x80\xA9 initiative", "bad \xC3\x28 utf8 \xFF\xFE iniciativa",
        "truncated \xE2\x82", "\xF0\x9F\x98", "overlong \xC0\xAF and surrogate \xED\xA0\x80",
        "cuándo termina la inciativa", "hola", "gracias", "", "   ", "?", "qwertyuiop asdfgh",
    };
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        compare(qs[i], strlen(qs[i]), NULL, 0);
        compare(qs[i], strlen(qs[i]), NULL, 1);
        compare(qs[i], strlen(qs[i]), "en", 1);
    }
    compare("nul\0inside", 10, NULL, 0);
    free(reused);
    reused = NULL;
    reused_cap = 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_hostile),
        cmocka_unit_test(test_escape_each_place),
        cmocka_unit_test(test_real_text),
        cmocka_unit_test(test_real_text_wide),
        cmocka_unit_test(test_real_text_precisions),
        cmocka_unit_test(test_stored_literals),
        cmocka_unit_test(test_every_eval_query),
        cmocka_unit_test(test_hostile_questions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
