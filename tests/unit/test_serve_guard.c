/* test_serve_guard.c: serve_guard.h: addresses compare in one spelling (a
 * trusted proxy given as "2001:DB8:0::1" is the peer "2001:db8::1"); a bad
 * --trust-proxy is refused with the reason; the per-address limit gives
 * exactly FAQ_HTTP_MAX_PER_IP slots to an address, counts what it refuses,
 * frees a slot on leave, and one address's use leaves another's alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "limits.h"
#include "serve_guard.h"

static void test_addr_text(void **st)
{
    (void)st;
    char out[64];
    assert_int_equal(guard_addr_text("2001:DB8:0::1", out, sizeof out), 1);
    assert_string_equal(out, "2001:db8::1");
    assert_int_equal(guard_addr_text("::FFFF:192.0.2.1", out, sizeof out), 1);
    assert_string_equal(out, "::ffff:192.0.2.1");
    assert_int_equal(guard_addr_text("192.0.2.1", out, sizeof out), 1);
    assert_string_equal(out, "192.0.2.1");
    static const char *const bad[] = {"", "x", "192.0.2.1 ", " 192.0.2.1", "192.0.2.256", "192.0.2",
                                      "unknown", "2001:db8::1::2", "192.0.2.1, 192.0.2.2"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(guard_addr_text(bad[i], out, sizeof out), 0);
}

static void test_trusted(void **st)
{
    (void)st;
    char err[256] = "";
    const char *const bad[] = {"192.0.2.1", "proxy.example.org"};
    assert_null(guard_new(bad, 2, err, sizeof err));
    assert_non_null(strstr(err, "proxy.example.org"));
    const char *const good[] = {"192.0.2.1", "2001:DB8:0::1"};
    guard *g = guard_new(good, 2, err, sizeof err);
    assert_non_null(g);
    assert_int_equal(guard_is_trusted(g, "2001:db8::1"), 1);
    assert_int_equal(guard_is_trusted(g, "192.0.2.1"), 1);
    assert_int_equal(guard_is_trusted(g, "192.0.2.10"), 0);
    assert_int_equal(guard_is_trusted(g, "-"), 0);
    guard_free(g);
    guard_free(NULL);
}

static void test_per_address_limit(void **st)
{
    (void)st;
    char err[256];
    guard *g = guard_new(NULL, 0, err, sizeof err);
    assert_non_null(g);
    for (int i = 0; i < FAQ_HTTP_MAX_PER_IP; i++)
        assert_int_equal(guard_client_enter(g, "198.51.100.7"), 1);
    assert_int_equal(guard_client_enter(g, "198.51.100.7"), 0);
    assert_int_equal(guard_client_enter(g, "198.51.100.7"), 0);
    assert_int_equal(guard_refused(g), 2);
    assert_int_equal(guard_client_enter(g, "198.51.100.8"), 1);   /* another address */
    guard_client_leave(g, "198.51.100.7");
    assert_int_equal(guard_client_enter(g, "198.51.100.7"), 1);
    assert_int_equal(guard_client_enter(g, "198.51.100.7"), 0);
    for (int i = 0; i < FAQ_HTTP_MAX_PER_IP; i++)
        guard_client_leave(g, "198.51.100.7");
    guard_client_leave(g, "198.51.100.8");
    guard_client_leave(g, "203.0.113.1");     /* never entered: nothing to give back */
    assert_int_equal(guard_client_enter(g, "198.51.100.7"), 1);
    assert_int_equal(guard_deadline_closes(g), 0);
    guard_free(g);    /* frees what is still counted (ASan would tell) */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_addr_text),
        cmocka_unit_test(test_trusted),
        cmocka_unit_test(test_per_address_limit),
    };
    return cmocka_run_group_tests_name("serve_guard", tests, NULL, NULL);
}
