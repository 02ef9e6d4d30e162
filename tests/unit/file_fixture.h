/* file_fixture.h: a file of text written where a unit test needs one.
 * Included by one test file at a time (static functions); include
 * cmocka.h first. */
#ifndef FAQ_FILE_FIXTURE_H
#define FAQ_FILE_FIXTURE_H

#include <stdio.h>

/* A file of text at dir/name, written whole or the test fails. */
static __attribute__((unused)) void write_file(const char *dir, const char *name,
                                               const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* v in base64 digits as dictd writes a .index's offsets and lengths, into
 * out (12 bytes are enough). */
static __attribute__((unused)) void dictd_b64(unsigned long long v, char *out)
{
    static const char d[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char tmp[16];
    int n = 0;
    do {
        tmp[n++] = d[v % 64];
        v /= 64;
    } while (v);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

#endif
