/* json_escape.c: JSON string literals and reals as jansson writes them (see
 * json_escape.h). */
#include "json_escape.h"

#include <stdio.h>
#include <string.h>

#include "analyze.h"

static const char hex[] = "0123456789ABCDEF";

/* The inside of the literal, without its quotes. */
static size_t escape_body(char *out, const char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            out[o++] = (char)c;
            continue;
        }
        out[o++] = '\\';
        switch (c) {
        case '"': out[o++] = '"'; break;
        case '\\': out[o++] = '\\'; break;
        case '\b': out[o++] = 'b'; break;
        case '\f': out[o++] = 'f'; break;
        case '\n': out[o++] = 'n'; break;
        case '\r': out[o++] = 'r'; break;
        case '\t': out[o++] = 't'; break;
        default:
            memcpy(out + o, "u00", 3);
            out[o + 3] = hex[c >> 4];
            out[o + 4] = hex[c & 15];
            o += 5;
        }
    }
    return o;
}

size_t json_escape(char *out, const char *s, size_t n)
{
    out[0] = '"';
    size_t o = 1 + escape_body(out + 1, s, n);
    out[o++] = '"';
    return o;
}

size_t utf8_seq_at(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return c != 0 && i + k <= n && utf8_valid(s + i, k) ? k : 0;
}

size_t json_escape_lossy(char *out, const char *s, size_t n)
{
    if (utf8_valid(s, n))
        return json_escape(out, s, n);
    /* U+FFFD needs no escaping, and 3 bytes for 1 stays within
     * JSON_ESCAPED_MAX */
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq_at(s, n, i);
        if (k) {
            o += escape_body(out + o, s + i, k);
            i += k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    out[o++] = '"';
    return o;
}

size_t json_real_text(char *out, double x)
{
    int len = snprintf(out, JSON_REAL_MAX, "%.17g", x);
    if (len < 0 || len >= JSON_REAL_MAX - 3)
        return 0;
    size_t n = (size_t)len;
    /* a decimal point, whatever the locale: the C locale is assumed, as
     * jansson converts the locale's point to '.' */
    if (!strchr(out, '.') && !strchr(out, 'e')) {
        memcpy(out + n, ".0", 3);
        n += 2;
    }
    char *e = strchr(out, 'e');
    if (e) {
        char *start = e + 1, *end = e + 2;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, n + 1 - (size_t)(end - out));
            n -= (size_t)(end - start);
        }
    }
    return n;
}
