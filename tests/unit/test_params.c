/* test_params.c: the parameter table: every field's default, written out
 * and set back by name, gives the struct search_params_default() gives (so
 * no field is missing from the table, none shares another's place, and
 * each default lies in its own range); names are unique; bad values are
 * refused with a reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "search_params.h"

static void test_defaults_round_trip_by_name(void **state)
{
    (void)state;
    search_params def, got;
    search_params_default(&def);
    memset(&got, 0, sizeof got);
    for (size_t i = 0; i < search_param_count; i++) {
        const search_param_field *f = &search_param_fields[i];
        char value[64], err[200] = "";
        snprintf(value, sizeof value, "%.17g", f->def);
        if (search_params_set(&got, f->name, value, err, sizeof err) != 0)
            fail_msg("%s = %s: %s", f->name, value, err);
        assert_true(search_param_get(&got, f) == search_param_get(&def, f));
    }
    /* every byte of the struct is some field's: the table covers it whole */
    assert_memory_equal(&got, &def, sizeof def);
}

static void test_names_are_unique_and_found(void **state)
{
    (void)state;
    for (size_t i = 0; i < search_param_count; i++) {
        assert_ptr_equal(search_param_find(search_param_fields[i].name), &search_param_fields[i]);
        assert_true(search_param_fields[i].reason && *search_param_fields[i].reason);
    }
    assert_null(search_param_find("no_such_parameter"));
}

static void test_bad_values_are_refused(void **state)
{
    (void)state;
    search_params p;
    search_params_default(&p);
    char err[200];
    assert_int_equal(search_params_set(&p, "no_such_parameter", "1", err, sizeof err), -1);
    assert_int_equal(search_params_set(&p, "name_common_idf", "x", err, sizeof err), -1);
    assert_int_equal(search_params_set(&p, "name_common_idf", "-1", err, sizeof err), -1);
    assert_int_equal(search_params_set(&p, "name_list_min", "2.5", err, sizeof err), -1);
    assert_int_equal(search_params_assign(&p, "name_common_idf = 1.5", err, sizeof err), 0);
    assert_true(p.name_common_idf == 1.5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_round_trip_by_name),
        cmocka_unit_test(test_names_are_unique_and_found),
        cmocka_unit_test(test_bad_values_are_refused),
    };
    return cmocka_run_group_tests(tests, 0, 0);
}
