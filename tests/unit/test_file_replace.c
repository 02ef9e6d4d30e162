/* test_file_replace.c: a file replaced whole: its new content in place, no
 * temporary left beside it; and a replacement that fails (a folder not
 * there, a folder that cannot be written, a path that is a folder and so
 * cannot be renamed over) leaves the old file as it was and nothing beside
 * it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_fixture.h"
#include "file_replace.h"

/* How many entries dir holds ("." and ".." aside). */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void assert_content(const char *path, const char *want)
{
    char got[256] = {0};
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(got, 1, sizeof got - 1, f);
    fclose(f);
    assert_int_equal(n, strlen(want));
    assert_string_equal(got, want);
}

static void test_replaced_whole(void **state)
{
    (void)state;
    char dir[] = "/tmp/faqbot-replace-XXXXXX", path[300], err[512];
    assert_non_null(mkdtemp(dir));
    write_file(dir, "faq.md", "the old text, longer than the new one\n");
    snprintf(path, sizeof path, "%s/faq.md", dir);
    assert_int_equal(file_replace(path, "new\n", 4, err, sizeof err), 0);
    assert_content(path, "new\n");
    assert_int_equal(entries(dir), 1);
    /* a file not there before is made */
    snprintf(path, sizeof path, "%s/other.md", dir);
    assert_int_equal(file_replace(path, "", 0, err, sizeof err), 0);
    assert_content(path, "");
    assert_int_equal(entries(dir), 2);
    unlink(path);
    snprintf(path, sizeof path, "%s/faq.md", dir);
    unlink(path);
    rmdir(dir);
}

static void test_folder_missing(void **state)
{
    (void)state;
    char dir[] = "/tmp/faqbot-replace-XXXXXX", path[300], err[512] = "";
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/none/faq.md", dir);
    assert_int_equal(file_replace(path, "new\n", 4, err, sizeof err), -1);
    assert_non_null(strstr(err, "none/faq.md"));
    assert_int_equal(entries(dir), 0);
    rmdir(dir);
}

static void test_folder_read_only(void **state)
{
    (void)state;
    char dir[] = "/tmp/faqbot-replace-XXXXXX", path[300], err[512] = "";
    assert_non_null(mkdtemp(dir));
    write_file(dir, "faq.md", "old\n");
    snprintf(path, sizeof path, "%s/faq.md", dir);
    chmod(dir, 0555);
    if (access(dir, W_OK) == 0) {   /* root writes anyway: nothing to test */
        chmod(dir, 0755);
        unlink(path);
        rmdir(dir);
        skip();
    }
    assert_int_equal(file_replace(path, "new\n", 4, err, sizeof err), -1);
    assert_true(*err);
    chmod(dir, 0755);
    assert_content(path, "old\n");
    assert_int_equal(entries(dir), 1);
    unlink(path);
    rmdir(dir);
}

/* Written beside, but the rename fails: the temporary is taken away. */
static void test_rename_fails(void **state)
{
    (void)state;
    char dir[] = "/tmp/faqbot-replace-XXXXXX", path[300], err[512] = "";
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/faq.md", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    write_file(path, "inside", "kept\n");
    assert_int_equal(file_replace(path, "new\n", 4, err, sizeof err), -1);
    assert_non_null(strstr(err, "is as it was"));
    assert_int_equal(entries(dir), 1);
    assert_int_equal(entries(path), 1);
    char inside[400];
    snprintf(inside, sizeof inside, "%s/inside", path);
    assert_content(inside, "kept\n");
    unlink(inside);
    rmdir(path);
    rmdir(dir);
}

static void test_name_too_long(void **state)
{
    (void)state;
    char path[5000], tmp[64], err[512] = "";
    memset(path, 'a', sizeof path - 1);
    path[sizeof path - 1] = '\0';
    assert_int_equal(file_replace(path, "x", 1, err, sizeof err), -1);
    assert_non_null(strstr(err, "path too long"));
    assert_int_equal(file_replace_tmp_name("/tmp/faq.md", tmp, 8, err, sizeof err), -1);
    assert_int_equal(file_replace_tmp_name("/tmp/faq.md", tmp, sizeof tmp, err, sizeof err), 0);
    assert_int_equal(strncmp(tmp, "/tmp/faq.md.tmp.", 16), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replaced_whole),
        cmocka_unit_test(test_folder_missing),
        cmocka_unit_test(test_folder_read_only),
        cmocka_unit_test(test_rename_fails),
        cmocka_unit_test(test_name_too_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
