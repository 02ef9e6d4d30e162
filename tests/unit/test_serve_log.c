/* test_serve_log.c: serve_log.h's access line is, byte for byte, what
 * jansson wrote for the same object (json_pack, then json_dumps with
 * JSON_COMPACT | JSON_REAL_PRECISION(4)): over paths and questions escaped
 * by log_escape() from every byte, statuses, sizes, durations from a
 * microsecond to days (the ones "%.4g" shows with an exponent among them),
 * aborted or not, with and without the question. */
/* the tests are built with -iquote src, where src/limits.h stands in for
 * the system's <limits.h>: serve_http.h's PATH_MAX from the kernel's */
#include <linux/limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "serve_log.h"

/* The line as log_access() wrote it before it wrote it itself. */
static char *by_jansson(const char *when, const request *r, double ms, int aborted)
{
    json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:i, s:I, s:f}", "time", when, "client", r->client,
                          "method", r->method, "path", r->path, "status", (int)r->status,
                          "bytes", (json_int_t)r->bytes, "ms", ms);
    assert_non_null(j);
    if (aborted)
        json_object_set_new(j, "aborted", json_true());
    if (r->question)
        json_object_set_new(j, "q", json_string(r->question));
    char *text = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(4));
    json_decref(j);
    return text;
}

static void expect_same(const char *when, const request *r, double ms, int aborted)
{
    char got[LOG_ACCESS_LINE_MAX + 1];
    char *want = by_jansson(when, r, ms, aborted);
    assert_non_null(want);
    size_t n = log_access_text(got, when, r, ms, aborted);
    assert_int_equal(n, strlen(got));
    assert_string_equal(got, want);
    free(want);
}

static void test_line_as_jansson(void **st)
{
    (void)st;
    static const double ms[] = {0.0, 0.000123, 0.0012345, 0.01, 0.0456789, 0.5, 0.99995, 1.0, 1.23456,
                                9.99949, 9.99951, 10.0, 42.1, 100.0, 999.95, 1000.0, 1234.5, 9999.4,
                                9999.6, 12345.678, 100000.0, 86400000.0, 1e-7, 123456789.0};
    static const unsigned statuses[] = {200, 204, 400, 404, 405, 413, 429, 500, 503};
    static const unsigned long sizes[] = {0, 1, 25, 4096, 1234567, 4294967296ul};
    static const char *const clients[] = {"127.0.0.1", "2001:db8::1", "-"};
    static const char *const methods[] = {"GET", "POST", "DELETE", "\\x01\\x7f"};
    request r;
    memset(&r, 0, sizeof r);
    /* every byte in a path and a question, escaped as the server does */
    char raw[256];
    for (int i = 0; i < 256; i++)
        raw[i] = (char)(i ? i : 'x');
    char question[LOG_QUESTION_BYTES * 4 + 1];
    log_escape(question, sizeof question, raw, sizeof raw, LOG_QUESTION_BYTES, 1);
    size_t k = 0;
    for (size_t m = 0; m < sizeof ms / sizeof *ms; m++) {
        for (size_t s = 0; s < sizeof statuses / sizeof *statuses; s++, k++) {
            snprintf(r.client, sizeof r.client, "%s", clients[k % 3]);
            snprintf(r.method, sizeof r.method, "%s", methods[k % 4]);
            size_t from = (k * 37) % 200;
            log_escape(r.path, sizeof r.path, raw + from, sizeof raw - from, LOG_PATH_BYTES, 0);
            r.status = statuses[s];
            r.bytes = sizes[k % 6];
            r.question = k % 2 ? question : NULL;
            expect_same("2026-12-02T00:24:59.899Z", &r, ms[m], (int)(k % 3 == 0));
            expect_same("2026-12-02T00:24:59.899Z", &r, ms[m] * 1.0001, (int)(k % 3 == 1));
        }
    }
    /* the longest fields it can be given */
    memset(question, 'a', sizeof question - 1);
    question[sizeof question - 1] = '\0';
    memset(r.path, '\\', sizeof r.path - 1);
    r.path[sizeof r.path - 1] = '\0';
    memset(r.client, 'f', sizeof r.client - 1);
    r.client[sizeof r.client - 1] = '\0';
    r.question = question;
    expect_same("+275760-09-13T00:00:00.000Z", &r, 123456789.125, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_as_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
