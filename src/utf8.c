/* utf8.c: the UTF-8 checks every module shares (see utf8.h). */
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

int utf8_valid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        /* a run of ASCII without a NUL, eight bytes at a time: most of
         * a question, all of most */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, sizeof w);
            if ((w & 0x8080808080808080ull) || utf8_word_has_below(w, 1))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned c = s[i];
        if (c == 0)
            return 0;
        if (c < 0x80) { i++; continue; }
        size_t n;
        unsigned cp, min;
        if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
        else return 0;
        if (i + n > len)
            return 0;
        for (size_t k = 1; k < n; k++) {
            if (!utf8_continues(s[i + k]))
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n;
    }
    return 1;
}

const char *utf8_problem(const char *text, size_t len, unsigned *line)
{
    *line = 1;
    if (utf8_valid(text, len))
        return NULL;
    if (len >= 2 && ((unsigned char)text[0] == 0xFF || (unsigned char)text[0] == 0xFE) &&
        (unsigned char)text[1] == ((unsigned char)text[0] ^ 0x01))
        return "invalid UTF-8: the file is UTF-16 but not whole UTF-16 (an odd byte, a lone surrogate "
               "or a NUL): save it again as UTF-8";   /* whole UTF-16 is read (utf8_from_utf16) */
    for (size_t lo = 0; lo < len; (*line)++) {
        const char *eol = memchr(text + lo, '\n', len - lo);
        size_t n = eol ? (size_t)(eol - (text + lo)) : len - lo;
        if (!utf8_valid(text + lo, n))
            return memchr(text + lo, '\0', n)
                ? "invalid UTF-8: a NUL byte (a binary file, or UTF-16 text?)"
                : "invalid UTF-8: saved as Latin-1 or Windows-1252? (iconv -f WINDOWS-1252 -t UTF-8 converts it)";
        lo += n + 1;
    }
    return "invalid UTF-8";   /* not reached: some line holds the fault */
}

char *utf8_from_utf16(const char *text, size_t len, size_t *out_len)
{
    const unsigned char *u = (const unsigned char *)text;
    if (len < 2 || len % 2 || !((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return NULL;
    int le = u[0] == 0xFF;
    char *out = malloc(len / 2 * 3 + 1);   /* a unit: 3 bytes at most; a pair's two: 4 */
    size_t n = 0;
    for (size_t i = 2; out && i < len; i += 2) {
        unsigned cp = le ? u[i] | u[i + 1] << 8 : u[i] << 8 | u[i + 1];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < len) {
            unsigned lo = le ? u[i + 2] | u[i + 3] << 8 : u[i + 2] << 8 | u[i + 3];
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
            free(out);
            return NULL;
        }
        n += (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out + n);
    }
    if (!out)
        return NULL;
    out[n] = '\0';
    *out_len = n;
    return out;
}

size_t utf8_first_case(const char *text, size_t n, int upper, char *out, size_t cap)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)n, &c);
    utf8proc_int32_t to = k <= 0 ? c : upper ? utf8proc_toupper(c) : utf8proc_tolower(c);
    if (k <= 0 || to == c)
        return 0;
    utf8proc_uint8_t enc[4];
    size_t e = (size_t)utf8proc_encode_char(to, enc);
    size_t len = e + n - (size_t)k;
    if (e == 0 || len + 1 > cap)
        return 0;
    memcpy(out, enc, e);
    memcpy(out + e, text + k, n - (size_t)k);
    out[len] = '\0';
    return len;
}

int starts_upper(const char *text, size_t len)
{
    utf8proc_int32_t cp;
    if (!len || utf8proc_iterate((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &cp) <= 0)
        return 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

size_t utf8_length(const char *text, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += !utf8_continues((unsigned char)text[i]);
    return n;
}

size_t utf8_cut(const char *text, size_t len, size_t max)
{
    if (max >= len)
        return len;
    while (max > 0 && utf8_continues((unsigned char)text[max]))
        max--;
    return max;
}

size_t utf8_last_start(const char *text, size_t len)
{
    while (len > 0 && utf8_continues((unsigned char)text[--len]))
        ;
    return len;
}

size_t utf8_whole(const char *text, size_t len)
{
    if (!len || (unsigned char)text[len - 1] < 0x80)
        return len;
    size_t start = utf8_last_start(text, len);
    return len - start < utf8_lead_len((unsigned char)text[start]) ? start : len;
}

size_t utf8_seq_at(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    size_t k = utf8_lead_len(c);
    return c != 0 && i + k <= n && utf8_valid(s + i, k) ? k : 0;
}

size_t utf8_digit_count(const char *text, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += text[i] >= '0' && text[i] <= '9';
    return n;
}

size_t utf8_next_item(const char **c, const char *end)
{
    const char *p = *c;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    const char *w = p;
    while (p < end && *p != ' ' && *p != '\t' && *p != '\r')
        p++;
    *c = w;
    return (size_t)(p - w);
}

int utf8_blank(const char *text, size_t len)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return 0;
        switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
            break;
        default:
            return 0;
        }
        i += (size_t)n;
    }
    return 1;
}

int utf8_is_number(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] < '0' || text[i] > '9')
            return 0;
    return len > 0;
}
